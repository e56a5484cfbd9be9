package events

import (
	"testing"

	"github.com/geokg/geokg/extract/text"
)

var fuzzSeeds = []string{
	"Syria was struck by US missiles on Friday.",
	"At least 86 people were killed, the death toll rose to 40.",
	"Putin and Erdogan met in Sochi; talks between X and Y.",
	"\"We will retaliate,\" he warned, calling for sanctions against Iran's $3.5 billion …",
	"did not attack, denied attacking, refused to meet",
	"",
	"12 dead",
	"a a a a launched launched against ... ,,,, 1,2,3 four-five",
	"März Straße attacked 北京 أعلن ’s ’ “",
}

func checkSpans(t *testing.T, s string, toks []text.Token, spans ...Span) {
	t.Helper()
	if len(toks) == 0 {
		return
	}
	lo, hi := toks[0].Start, toks[len(toks)-1].End
	for _, sp := range spans {
		if sp.Empty() {
			continue
		}
		if sp.Start < lo || sp.End > hi || sp.Start > sp.End {
			t.Fatalf("span %+v outside sentence [%d,%d) of %q", sp, lo, hi, s)
		}
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sent := range text.Sentences(s) {
			toks := text.Tokens(s, sent.Start, sent.End)
			for _, tr := range Find(s, toks) {
				checkSpans(t, s, toks, tr.Span, tr.Agent, tr.Patient)
				if tr.Type == "" || tr.Confidence <= 0 || tr.Confidence > 1 {
					t.Fatalf("bad trigger %+v in %q", tr, s)
				}
			}
		}
	})
}

func FuzzNumbers(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sent := range text.Sentences(s) {
			toks := text.Tokens(s, sent.Start, sent.End)
			for _, n := range Numbers(s, toks) {
				checkSpans(t, s, toks, n.Span)
			}
		}
	})
}
