package gazetteer

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

func TestParseGeoRow(t *testing.T) {
	line := "169577\tHoms\tHoms\tEmesa,Hims\t34.72682\t36.72339\tP\tPPLA\tSY\t\t11\t\t\t\t775404\t\t500\tAsia/Damascus\t2024-01-01"
	r, err := ParseGeoRow(line)
	require.NoError(t, err)
	assert.Equal(t, GeoRow{
		ID: "169577", Name: "Homs", ASCIIName: "Homs", Lat: 34.72682, Lon: 36.72339,
		FeatureClass: "P", FeatureCode: "PPLA", CountryCode: "SY", Admin1: "11", Population: 775404,
	}, r)

	bad := []string{
		"",
		"169577\tHoms",
		"x1\tHoms\tHoms\t\t34.7\t36.7\tP\tPPL\tSY\t\t11\t\t\t\t1",
		"1\tHoms\tHoms\t\tnorth\t36.7\tP\tPPL\tSY\t\t11\t\t\t\t1",
		"1\tHoms\tHoms\t\t134.7\t36.7\tP\tPPL\tSY\t\t11\t\t\t\t1",
		"1\tHoms\tHoms\t\t34.7\t36.7\tP\tPPL\tSY\t\t11\t\t\t\t-5",
	}
	for _, l := range bad {
		_, err := ParseGeoRow(l)
		assert.ErrorIs(t, err, ErrBadRow, "%q", l)
	}
}

func TestReadGeoNamesStopsOnBadRow(t *testing.T) {
	in := "# comment\n\n1\tA\tA\t\t1\t2\tP\tPPL\tSY\t\t1\t\t\t\t10\nbroken\n"
	var n int
	err := ReadGeoNames(strings.NewReader(in), func(GeoRow) error { n++; return nil })
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrBadRow))
	assert.Contains(t, err.Error(), "line 4")
	assert.Equal(t, 1, n)
}

func TestLoadDumps(t *testing.T) {
	g, err := Load(Options{
		GeoNamesCities: "testdata/geonames_cities.txt",
		GeoNamesAll:    "testdata/geonames_all.txt",
		GeoNamesAdmin1: "testdata/admin1CodesASCII.txt",
		MinPopulation:  1000,
	})
	require.NoError(t, err)
	base := mustDefault(t)
	assert.Greater(t, g.Len(), base.Len())

	got := g.Lookup("Kafr Testa")
	require.Len(t, got, 1)
	assert.Equal(t, Entry{
		ID: "geo:99000001", Name: "Kafr Testa", Type: TypePlace, Match: MatchName,
		PlaceKind: schema.LocCity, Country: "SYR", Lat: 35.1, Lon: 36.5, Population: 5000,
	}, got[0])

	// Typographic apostrophes, hyphens as spaces, ASCII name.
	for _, k := range []string{"Ra's al-Testayn", "Ra's al Testayn"} {
		got = g.Lookup(k)
		require.NotEmpty(t, got, k)
		assert.Equal(t, "geo:99000002", got[0].ID, k)
	}

	// Common words are not keys; places under MinPopulation are left out.
	for _, e := range g.Lookup("Deal") {
		assert.NotEqual(t, "geo:99000003", e.ID)
	}
	assert.Empty(t, g.Lookup("Small Hamlet"))
	assert.Empty(t, g.Lookup("Testa River"))

	// A built-in city is not added twice.
	n := 0
	for _, e := range g.Lookup("Homs") {
		if e.ID == "geo:169577" {
			n++
		}
	}
	assert.Equal(t, 1, n)

	// Subdivisions: Idlib is built in already; the others are added, with
	// the ADM1 feature's position or else the mean of their cities.
	for _, e := range g.Lookup("Idlib") {
		assert.NotEqual(t, "geo:169388", e.ID)
	}
	got = g.Lookup("Testa Governorate")
	require.NotEmpty(t, got)
	assert.Equal(t, "geo:99000005", got[0].ID)
	assert.Equal(t, schema.LocAdmin1, got[0].PlaceKind)
	assert.InDelta(t, 35.5, got[0].Lat, 1e-9)
	got = g.Lookup("Muhafazat Testa province")
	require.NotEmpty(t, got)
	assert.Equal(t, "geo:99000009", got[0].ID)
	assert.InDelta(t, (35.1+36.8)/2, got[0].Lat, 1e-9)
	assert.InDelta(t, (36.5+40.0)/2, got[0].Lon, 1e-9)

	// The shared default is not changed by Load.
	assert.Empty(t, base.Lookup("Kafr Testa"))
}

func TestLoadDumpErrors(t *testing.T) {
	_, err := Load(Options{GeoNamesCities: "testdata/missing.txt"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "open GeoNames dump")

	_, err = Load(Options{GeoNamesAll: "testdata/admin1CodesASCII.txt"})
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrBadRow)
}

func FuzzParseGeoRow(f *testing.F) {
	f.Add("169577\tHoms\tHoms\tEmesa,Hims\t34.72682\t36.72339\tP\tPPLA\tSY\t\t11\t\t\t\t775404\t\t500\tAsia/Damascus\t2024-01-01")
	f.Add("1\tA\tA\t\t1\t2\tP\tPPL\tSY\t\t1\t\t\t\t10")
	f.Add("1\t\t\t\tNaN\tInf\t\t\t\t\t\t\t\t\t")
	f.Add("")
	f.Fuzz(func(t *testing.T, line string) {
		r, err := ParseGeoRow(line)
		if err != nil {
			if !errors.Is(err, ErrBadRow) {
				t.Fatalf("error %v is not ErrBadRow", err)
			}
			return
		}
		if r.ID == "" || r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 || r.Population < 0 {
			t.Fatalf("accepted bad row %+v", r)
		}
	})
}

func FuzzReadGeoNames(f *testing.F) {
	f.Add("# c\n1\tA\tA\t\t1\t2\tP\tPPL\tSY\t\t1\t\t\t\t10\n")
	f.Add("1\tA\tA\t\t1\t2\tP\tPPL\tSY\t\t1\t\t\t\t10\r\nbad\n")
	f.Add("SY.12\tIdlib\tIdlib\t169388\n")
	f.Fuzz(func(t *testing.T, in string) {
		_ = ReadGeoNames(strings.NewReader(in), func(r GeoRow) error {
			if r.Lat < -90 || r.Lat > 90 || r.Lon < -180 || r.Lon > 180 {
				t.Fatalf("bad position %+v", r)
			}
			return nil
		})
		_ = ReadAdmin1Codes(strings.NewReader(in), func(r Admin1Row) error {
			if r.ID == "" || r.Name == "" {
				t.Fatalf("bad admin1 row %+v", r)
			}
			return nil
		})
	})
}
