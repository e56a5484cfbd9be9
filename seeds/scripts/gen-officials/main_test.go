package main

import (
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/officials"
)

func TestNormDate(t *testing.T) {
	for in, want := range map[string]string{"991231": "19991231", "080507": "20080507", "301231": "20301231",
		"19570214": "19570214", "2004017": "", "20191320": "", "abc": ""} {
		assert.Equal(t, want, normDate(in), in)
	}
}

func TestGenerate(t *testing.T) {
	v, err := newVocab()
	require.NoError(t, err)
	recs, err := readDictionary(filepath.Join("testdata", "sample.actors.txt"), v)
	require.NoError(t, err)
	rows := v.people(recs, "20161231")
	got := map[string]*row{}
	for _, r := range rows {
		got[r.id] = r
	}
	require.Len(t, got, 3, "institutions, countries and records without a valid date are not people")

	anna := got["person:anna-beispiel"]
	require.NotNil(t, anna)
	assert.Equal(t, "Anna Beispiel", anna.name)
	assert.Equal(t, "DEU", anna.country)
	assert.True(t, anna.keys["beispiel"], "a titled alias gives the surname key")
	assert.True(t, anna.keys["anna m beispiel"])
	assert.Equal(t, []string{"DEUELI:19700101-19991231", "DEUGOV:20000101-20161231", "DEUELI"}, anna.terms,
		"an open range ends at the horizon")

	karl := got["person:karl-muster"]
	require.NotNil(t, karl)
	assert.Empty(t, karl.country, "two records of one name in two countries: no single affiliation")
	assert.Contains(t, karl.terms, "DEUGOV:19950101-20051231=Foreign Minister", "a note naming a title")

	juan := got["person:juan-ejemplo"]
	require.NotNil(t, juan)
	assert.Equal(t, []string{"ESPGOV:19820101-19911231", "ELI"}, juan.terms, "codes on the name line")
}

func TestWriteReadsBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "officials.tsv.gz")
	require.Error(t, run(filepath.Join(t.TempDir(), "missing"), out, "20161231"), "a missing folder fails")
	dir := t.TempDir()
	b, err := os.ReadFile(filepath.Join("testdata", "sample.actors.txt"))
	require.NoError(t, err)
	for _, f := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, f), b, 0o644))
	}
	require.NoError(t, run(dir, out, "20161231"))
	first, err := os.ReadFile(out)
	require.NoError(t, err)
	require.NoError(t, run(dir, out, "20161231"))
	second, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Equal(t, first, second, "deterministic output")

	f, err := os.Open(out)
	require.NoError(t, err)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	require.NoError(t, err)
	text, err := io.ReadAll(zr)
	require.NoError(t, err)
	tb, err := officials.Parse(strings.NewReader(string(text)))
	require.NoError(t, err)
	m, ok := tb.Lookup("beispiel", 20100101)
	require.True(t, ok)
	assert.Equal(t, "person:anna-beispiel", m.ID)
	assert.Equal(t, "Government", m.RoleTitle())
}
