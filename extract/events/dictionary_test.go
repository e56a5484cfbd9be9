package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseLexiconPrecedence(t *testing.T) {
	hand := "attack\tASSAULT\t190\t0.8\t\n"
	compiled := "attack\tACCUSE\t111\t0.6\tverb\n" + // a hand lemma: skipped
		"rebuke\tACCUSE\t111\t0.6\tverb\n" +
		"rebuke ... crash into sea\tNONE\t-\t0.8\t\n"
	lx, err := parseLexicon(hand, compiled)
	require.NoError(t, err)
	require.Len(t, lx.byFirst["attack"], 1)
	assert.Empty(t, lx.byFirstC["attack"], "a hand lemma outranks the dictionary")
	assert.Len(t, lx.byFirstC["rebuke"], 2)
	_, err = parseLexicon(hand, "x\tNOPE\t1\t0.5\t\n")
	assert.Error(t, err)
	_, err = parseLexicon("x\tNONE\t-\t0.5\t\n")
	assert.Error(t, err, "NONE is for compiled files only")
}

func TestDictionaryTriggers(t *testing.T) {
	tests := []struct {
		sentence, typ string
		kept          bool
	}{
		// a dictionary verb between two named sides is an event
		{"Tehran chided Baku over the border closure.", "ACCUSE", true},
		// with no patient of its own it is not
		{"The minister chided on Tuesday.", "ACCUSE", false},
	}
	for _, tt := range tests {
		var got []Trigger
		for _, tr := range Supported(find(tt.sentence)) {
			if tr.Dictionary {
				got = append(got, tr)
			}
		}
		if !tt.kept {
			assert.Empty(t, got, tt.sentence)
			continue
		}
		require.Len(t, got, 1, tt.sentence)
		assert.Equal(t, tt.typ, got[0].Type, tt.sentence)
	}
	// a hand trigger in the sentence leaves no room for a dictionary one
	for _, tr := range Supported(find("Tehran chided Baku and attacked its border posts.")) {
		assert.False(t, tr.Dictionary, "%+v", tr)
	}
}
