package ner

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/gazetteer"
)

func TestReadCoNLL(t *testing.T) {
	tests := []struct {
		name, in string
		words    [][]string
		tags     [][]string
		err      string
	}{
		{name: "iob1 to iob2", in: "-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\nSmith NNP I-NP B-PER\n",
			words: [][]string{{"EU", "rejects"}, {"Peter", "Blackburn", "Smith"}},
			tags:  [][]string{{"B-ORG", "O"}, {"B-PER", "I-PER", "B-PER"}}},
		{name: "type change opens a name", in: "A x x I-ORG\nB x x I-LOC\r\n",
			words: [][]string{{"A", "B"}}, tags: [][]string{{"B-ORG", "B-LOC"}}},
		{name: "bad tag", in: "A x x I-FOO\n", err: "unknown tag"},
		{name: "no tag", in: "A\n", err: "want word and tag"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs, err := ReadCoNLL(strings.NewReader(tt.in))
			if tt.err != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), tt.err)
				return
			}
			require.NoError(t, err)
			require.Len(t, docs, 1)
			var words [][]string
			for _, s := range docs[0].Sents {
				words = append(words, s.Words)
			}
			assert.Equal(t, tt.words, words)
			assert.Equal(t, tt.tags, docs[0].Tags)
		})
	}
}

func TestShapeAndCandidates(t *testing.T) {
	assert.Equal(t, "XxXx", shape("McCain"))
	assert.Equal(t, "X.X.", shape("U.S."))
	assert.Equal(t, "d-d-d", shape("1996-08-22"))
	ws := strings.Fields("the Bank of England said on Monday it was fine")
	assert.Equal(t, []bool{false, true, true, true, false, false, true, false, false, false}, candidates(ws, nil))
}

func newTestTagger(t *testing.T) (*Tagger, *Dictionary) {
	t.Helper()
	m, err := Load()
	require.NoError(t, err)
	g, err := gazetteer.Default()
	require.NoError(t, err)
	d, err := NewDictionary(g)
	require.NoError(t, err)
	return NewTagger(m), d
}

func TestTagDocument(t *testing.T) {
	tg, dict := newTestTagger(t)
	tests := []struct {
		text string
		want []string // "words|TYPE"
	}{
		{"Senator Dora K. Lindqvist told reporters in Oslo that Fenwick Holdings would appeal .",
			[]string{"Dora K. Lindqvist|PER", "Oslo|LOC", "Fenwick Holdings|ORG"}},
		{"Shares of Harwell Bank fell after the Prudential Regulation Authority fined it .",
			[]string{"Harwell Bank|ORG", "Prudential Regulation Authority|ORG"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ws := strings.Fields(tt.text)
			got := tg.TagDocument([]Sentence{{Words: ws, Dict: dict.Label(ws, nil)}}, nil)
			var names []string
			for _, sp := range got[0] {
				names = append(names, strings.Join(ws[sp.Start:sp.End], " ")+"|"+sp.Type)
				assert.Greater(t, sp.Margin, float32(0))
			}
			assert.Equal(t, tt.want, names)
		})
	}
}

func TestTrainDeterministicAndRoundTrip(t *testing.T) {
	in := "-DOCSTART- -X- O O\n\nJohn x x I-PER\nSmith x x I-PER\nvisited x x O\nParis x x I-LOC\n. x x O\n\nAcme x x I-ORG\nCorp x x I-ORG\nhired x x O\nMary x x I-PER\n. x x O\n"
	docs, err := ReadCoNLL(strings.NewReader(in))
	require.NoError(t, err)
	var a, b bytes.Buffer
	require.NoError(t, Train(docs, TrainOptions{Epochs: 5, MinCount: 1, Prune: 1}, &a))
	require.NoError(t, Train(docs, TrainOptions{Epochs: 5, MinCount: 1, Prune: 1}, &b))
	assert.Equal(t, a.Bytes(), b.Bytes())
	m, err := Decode(bytes.NewReader(a.Bytes()))
	require.NoError(t, err)
	s := Evaluate(m, docs)
	assert.Equal(t, 1.0, s.F1("all"))
}

func TestLoadIsFast(t *testing.T) {
	start := time.Now()
	m, err := Decode(bytes.NewReader(embedded))
	require.NoError(t, err)
	assert.NotEmpty(t, m.slots)
	assert.Less(t, time.Since(start), 300*time.Millisecond)
}

func FuzzReadCoNLL(f *testing.F) {
	f.Add("-DOCSTART- -X- O O\n\nEU NNP I-NP I-ORG\nrejects VBZ I-VP O\n")
	f.Add("A I-PER\n\n\nB B-LOC\n")
	f.Fuzz(func(t *testing.T, in string) {
		docs, err := ReadCoNLL(strings.NewReader(in))
		if err != nil {
			return
		}
		for _, d := range docs {
			require.Len(t, d.Tags, len(d.Sents))
			for i, s := range d.Sents {
				require.Len(t, d.Tags[i], len(s.Words))
				for _, sp := range Spans(d.Tags[i]) {
					require.Less(t, sp.Start, sp.End)
				}
			}
		}
	})
}

func FuzzDecode(f *testing.F) {
	f.Add(embedded[:200])
	f.Add([]byte("GKNER1\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		m, err := Decode(bytes.NewReader(in))
		if err != nil {
			return
		}
		tg := NewTagger(m)
		tg.TagDocument([]Sentence{{Words: []string{"Ann", "Lee", "of", "Acme", "Corp"}}}, nil)
	})
}

// BenchmarkDecode measures loading the embedded model (must stay < 300 ms).
func BenchmarkDecode(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := Decode(bytes.NewReader(embedded)); err != nil {
			b.Fatal(err)
		}
	}
}

func TestHasUpperLower(t *testing.T) {
	for _, tt := range []struct {
		w            string
		upper, lower bool
	}{
		{"", false, false}, {"abc", false, true}, {"ABC", true, false}, {"McCain", true, true}, {"1996", false, false},
		{"élan", false, true}, {"Élan", true, true}, {"ÉCOLE", true, false}, {"x\xffY", true, true}, {"ǅ", false, false},
		{"über-Ärger", true, true}, {"Σ", true, false}, {"σ", false, true},
	} {
		assert.Equal(t, tt.upper, hasUpper(tt.w), "upper %q", tt.w)
		assert.Equal(t, tt.lower, hasLower(tt.w), "lower %q", tt.w)
	}
}
