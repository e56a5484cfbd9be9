package quotes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModelWeights(t *testing.T) {
	w := weights()
	require.NotEmpty(t, w, "attribution.weights: run make train-attribution")
	_, ok := w[Threshold]
	assert.True(t, ok, "the threshold is written by the training")
	_, ok = w[LooseThreshold]
	assert.True(t, ok, "the loose threshold is written by the training")
	assert.Equal(t, map[string]float64{"a": 1.5, "b|c": -2}, ParseWeights("a\t1.5\nb|c\t-2\nbad line\nd\tx\n"))
}

func TestFindKeepsCandidates(t *testing.T) {
	src := "\"We are ready,\" the minister said. The Times reported the talks had failed. He added troops to the border."
	cands := Candidates(src, nil)
	found := Find(src, nil)
	require.NotEmpty(t, cands)
	assert.LessOrEqual(t, len(found), len(cands))
	for _, c := range cands {
		assert.NotEmpty(t, c.Features)
		assert.Contains(t, c.Features, "bias")
	}
	for _, q := range found {
		ok := false
		for _, c := range cands {
			ok = ok || c.Content == q.Content
		}
		assert.True(t, ok, "kept statement %q is a candidate", src[q.Content.Start:q.Content.End])
	}
	// deterministic
	assert.Equal(t, found, Find(src, nil))
}

func TestSpeechCue(t *testing.T) {
	for cue, want := range map[string]bool{"said": true, "told reporters": true, "according to": true, ":": true,
		"“": true, "wants": false, "believes": false, "": false} {
		assert.Equal(t, want, SpeechCue(cue), cue)
	}
}

func TestCandidatesAsked(t *testing.T) {
	// the rules propose the question put in a participle clause, without a
	// speaker; whether it is kept is the model's call
	src := "Asked on Monday whether the border would reopen, the minister said that talks would continue."
	var got []string
	for _, c := range Candidates(src, nil) {
		got = append(got, src[c.Content.Start:c.Content.End]+" | "+src[c.Speaker.Start:c.Speaker.End])
	}
	assert.Equal(t, []string{"whether the border would reopen | ", "that talks would continue | the minister"}, got)
}

func TestCandidatesLoose(t *testing.T) {
	// looser readings the rules propose for the model to judge
	tests := []struct{ src, content, speaker string }{
		{"Sanders was asked whether he would endorse the nominee in July.", "whether he would endorse the nominee in July", ""},
		{"Critics rejected Trump's call for a ban on all imports.", "a ban on all imports", "Trump's"},
		{"The Times reported the talks had failed.", "the talks had failed", "The Times"},
	}
	for _, tt := range tests {
		var got []string
		for _, c := range Candidates(tt.src, nil) {
			got = append(got, tt.src[c.Content.Start:c.Content.End]+" | "+tt.src[c.Speaker.Start:c.Speaker.End])
		}
		assert.Contains(t, got, tt.content+" | "+tt.speaker, tt.src)
	}
}

func TestFirstFieldIsFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a ", "a b", "  one\ttwo\nthree  ", "“Quoted” words\u00a0here", "x\u0085y", "\xff bad \xfe", "\u2003em\u2003space"} {
		first, n := firstField(s, 100)
		want := strings.Fields(s)
		assert.Equal(t, len(want), n, "%q", s)
		_, n2 := firstField(s, 2)
		assert.Equal(t, min(len(want), 2), n2, "%q", s)
		if len(want) > 0 {
			assert.Equal(t, want[0], first, "%q", s)
		} else {
			assert.Empty(t, first, "%q", s)
		}
	}
}

func TestScoreIsScoreOfFeatures(t *testing.T) {
	w := weights()
	require.NotEmpty(t, w)
	files, err := filepath.Glob("../testdata/*.txt")
	require.NoError(t, err)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		src := string(b)
		for _, c := range Candidates(src, nil) {
			assert.Equal(t, Score(w, c.Features), score(w, src, c.Quote), "%s: %q", f, src[c.Content.Start:c.Content.End])
			n++
		}
	}
	assert.Positive(t, n)
}
