package main

import (
	"fmt"
	"os"
	"time"

	"github.com/geokg/geokg/extract/events"
	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/extract/text"
)

func main() {
	b, _ := os.ReadFile(os.Args[1])
	t := text.Clean("", string(b))
	_ = time.Now
	ss := text.Sentences(t)
	var qs []quotes.Sentence
	for _, s := range ss {
		qs = append(qs, quotes.Sentence{Start: s.Start, End: s.End})
		toks := text.Tokens(t, s.Start, s.End)
		fmt.Printf("S %q\n", t[s.Start:s.End])
		for _, tr := range events.Find(t, toks) {
			fmt.Printf("   T %s %s %q agent=%q patient=%q pass=%v neg=%v emb=%v sym=%v %.2f\n", tr.Type, tr.Cameo, t[tr.Start:tr.End],
				t[tr.Agent.Start:tr.Agent.End], t[tr.Patient.Start:tr.Patient.End], tr.Passive, tr.Negated, tr.Embedded, tr.Symmetric, tr.Confidence)
		}
		for _, n := range events.Numbers(t, toks) {
			fmt.Printf("   N %v %q %s fat=%v\n", n.Value, t[n.Start:n.End], n.Unit, n.Fatalities)
		}
	}
	for _, q := range quotes.Find(t, qs) {
		fmt.Printf("Q %s spk=%q cue=%q inherit=%v content=%q\n", q.Kind, t[q.Speaker.Start:q.Speaker.End], t[q.Cue.Start:q.Cue.End], q.Inherit, t[q.Content.Start:q.Content.End])
	}
}
