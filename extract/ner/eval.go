package ner

import "fmt"

// Score is a tagger's agreement with gold tags.
type Score struct {
	Tokens, TokensRight int
	// per type and "all": true positives, predicted, gold spans
	TP, Pred, Gold map[string]int
}

// Evaluate tags docs with m and compares with their gold tags.
func Evaluate(m *Model, docs []Document) Score {
	s := Score{TP: map[string]int{}, Pred: map[string]int{}, Gold: map[string]int{}}
	t := NewTagger(m)
	for _, d := range docs {
		got := t.TagDocument(d.Sents, nil)
		for si, spans := range got {
			gold := Spans(d.Tags[si])
			pred := make([]string, len(d.Tags[si]))
			for i := range pred {
				pred[i] = "O"
			}
			for _, sp := range spans {
				for k := sp.Start; k < sp.End; k++ {
					pred[k] = "I-" + sp.Type
				}
				if k := sp.Start; true {
					pred[k] = "B-" + sp.Type
				}
			}
			for i, g := range d.Tags[si] {
				s.Tokens++
				if g == pred[i] {
					s.TokensRight++
				}
			}
			in := map[Span]bool{}
			for _, g := range gold {
				in[g] = true
				s.Gold[g.Type]++
				s.Gold["all"]++
			}
			for _, p := range spans {
				s.Pred[p.Type]++
				s.Pred["all"]++
				if in[Span{Start: p.Start, End: p.End, Type: p.Type}] {
					s.TP[p.Type]++
					s.TP["all"]++
				}
			}
		}
	}
	return s
}

// F1 is the span F1 of one type ("all" for micro F1).
func (s Score) F1(typ string) float64 {
	if s.Pred[typ]+s.Gold[typ] == 0 {
		return 0
	}
	return 2 * float64(s.TP[typ]) / float64(s.Pred[typ]+s.Gold[typ])
}

func (s Score) String() string {
	out := fmt.Sprintf("token accuracy %.4f", float64(s.TokensRight)/float64(max(s.Tokens, 1)))
	for _, t := range []string{"all", "PER", "ORG", "LOC", "MISC"} {
		out += fmt.Sprintf("  %s F1 %.4f", t, s.F1(t))
	}
	return out
}
