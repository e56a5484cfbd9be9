package events

import (
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/text"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

type goldenTrigger struct {
	Text       string  `json:"text"`
	Type       string  `json:"type"`
	Cameo      string  `json:"cameo"`
	Agent      string  `json:"agent,omitempty"`
	Patient    string  `json:"patient,omitempty"`
	Passive    bool    `json:"passive,omitempty"`
	Negated    bool    `json:"negated,omitempty"`
	Embedded   bool    `json:"embedded,omitempty"`
	Anaphoric  bool    `json:"anaphoric,omitempty"`
	Symmetric  bool    `json:"symmetric,omitempty"`
	Dictionary bool    `json:"dictionary,omitempty"`
	Confidence float64 `json:"confidence"`
}

type goldenNumber struct {
	Text       string  `json:"text"`
	Value      float64 `json:"value"`
	Unit       string  `json:"unit,omitempty"`
	Fatalities bool    `json:"fatalities,omitempty"`
	Injured    bool    `json:"injured,omitempty"`
}

type goldenSentence struct {
	Sentence string          `json:"sentence"`
	Triggers []goldenTrigger `json:"triggers,omitempty"`
	Numbers  []goldenNumber  `json:"numbers,omitempty"`
}

// TestGoldenArticle pins the triggers and numbers found in
// testdata/article.txt; run with -update to accept a change.
func TestGoldenArticle(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	require.NoError(t, err)
	doc := string(raw)
	var got []goldenSentence
	for _, s := range text.Sentences(doc) {
		toks := text.Tokens(doc, s.Start, s.End)
		g := goldenSentence{Sentence: doc[s.Start:s.End]}
		for _, tr := range Find(doc, toks) {
			g.Triggers = append(g.Triggers, goldenTrigger{
				Text: doc[tr.Start:tr.End], Type: tr.Type, Cameo: tr.Cameo,
				Agent: doc[tr.Agent.Start:tr.Agent.End], Patient: doc[tr.Patient.Start:tr.Patient.End],
				Passive: tr.Passive, Negated: tr.Negated, Embedded: tr.Embedded, Anaphoric: tr.Anaphoric, Symmetric: tr.Symmetric, Dictionary: tr.Dictionary,
				Confidence: math.Round(tr.Confidence*100) / 100,
			})
		}
		for _, n := range Numbers(doc, toks) {
			g.Numbers = append(g.Numbers, goldenNumber{Text: doc[n.Start:n.End], Value: n.Value, Unit: n.Unit,
				Fatalities: n.Fatalities, Injured: n.Injured})
		}
		got = append(got, g)
	}
	js, err := json.MarshalIndent(got, "", "  ")
	require.NoError(t, err)
	js = append(js, '\n')
	path := filepath.Join("testdata", "article.golden.json")
	if *update {
		require.NoError(t, os.WriteFile(path, js, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -run TestGoldenArticle -update to create it")
	assert.Equal(t, string(want), string(js))
}
