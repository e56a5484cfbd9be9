// Command plover runs events.Find over a directory of exported PLOVER texts
// (score_plover.py export) and writes one contract JSON per text, for
// measuring the trigger lexicon with score_plover.py:
//
//	go run ./extract/events/internal/plover -in /tmp/plover-txt -out /tmp/plover-pred
//
// Each sentence contributes its most confident asserted trigger (or every
// trigger with -all). Actors are left empty: the scorer's type accuracy does
// not need them.
package main

import (
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/geokg/geokg/extract/events"
	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

func main() {
	in := flag.String("in", "", "directory of .txt files")
	out := flag.String("out", "", "output directory for .json predictions")
	all := flag.Bool("all", false, "emit every trigger, not just the best per sentence")
	debug := flag.Bool("debug", false, "print the triggers of each text")
	flag.Parse()
	if err := run(*in, *out, *all, *debug); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

var gaz *gazetteer.Gazetteer

func run(in, out string, all, debug bool) error {
	g, err := gazetteer.Default()
	if err != nil {
		return fmt.Errorf("load gazetteer: %w", err)
	}
	gaz = g
	if in == "" || out == "" {
		return fmt.Errorf("usage: plover -in DIR -out DIR")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	files, err := filepath.Glob(filepath.Join(in, "*.txt"))
	if err != nil {
		return fmt.Errorf("list %s: %w", in, err)
	}
	sort.Strings(files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return fmt.Errorf("read %s: %w", f, err)
		}
		doc := extract(string(b), all, debug, filepath.Base(f))
		js, err := json.MarshalIndent(doc, "", " ")
		if err != nil {
			return fmt.Errorf("encode %s: %w", f, err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txt") + ".json"
		if err := os.WriteFile(filepath.Join(out, name), js, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	fmt.Fprintf(os.Stderr, "wrote %d predictions to %s\n", len(files), out)
	return nil
}

func extract(s string, all, debug bool, name string) schema.Document {
	sum := sha256.Sum256([]byte(s))
	doc := schema.Document{
		Article: schema.Article{ID: fmt.Sprintf("sha256:%x", sum), Text: s},
		Actors:  []schema.Actor{}, Locations: []schema.Location{}, Statements: []schema.Statement{},
		Events: []schema.Event{},
	}
	if debug {
		fmt.Printf("== %s\n%s\n", name, s)
	}
	for _, sent := range text.Sentences(s) {
		toks := text.Tokens(s, sent.Start, sent.End)
		ts := events.Find(s, toks)
		nums := events.Numbers(s, toks)
		if debug {
			for _, t := range ts {
				fmt.Printf("  %-9s %-5s %.2f %q pass=%v neg=%v emb=%v sym=%v agent=%q patient=%q\n", t.Type, t.Cameo, t.Confidence,
					s[t.Start:t.End], t.Passive, t.Negated, t.Embedded, t.Symmetric, s[t.Agent.Start:t.Agent.End], s[t.Patient.Start:t.Patient.End])
			}
			for _, n := range nums {
				fmt.Printf("  NUM %v %s fat=%v inj=%v %q\n", n.Value, n.Unit, n.Fatalities, n.Injured, s[n.Start:n.End])
			}
		}
		chosen := events.Select(ts)
		if all {
			chosen = ts
		}
		for i, t := range chosen {
			src := countries(s, toks, t.Agent, &doc)
			tgt := countries(s, toks, t.Patient, &doc)
			if t.Symmetric {
				both := append(append([]string{}, src...), tgt...)
				src, tgt = both, both
			}
			var cameo *string
			if t.Cameo != "" {
				c := t.Cameo
				cameo = &c
			}
			doc.Events = append(doc.Events, schema.Event{
				ID:         fmt.Sprintf("e%d-%d", sent.Start, i),
				Type:       t.Type,
				Cameo:      cameo,
				Source:     src,
				Target:     tgt,
				Quantities: []schema.Quantity{},
				Evidence:   schema.Span{Start: sent.Start, End: sent.End, Text: s[sent.Start:sent.End]},
				Confidence: t.Confidence,
			})
		}
	}
	return doc
}

// countries returns the ids of the countries named in span (names,
// demonyms, metonyms), adding them to doc's actors.
func countries(s string, toks []text.Token, sp events.Span, doc *schema.Document) []string {
	out := []string{}
	if sp.Empty() {
		return out
	}
	var in []text.Token
	for _, t := range toks {
		if t.Start >= sp.Start && t.End <= sp.End {
			in = append(in, t)
		}
	}
	seen := map[string]bool{}
	for i := 0; i < len(in); i++ {
		for n := min(gaz.MaxWords(), len(in)-i); n >= 1; n-- {
			phrase := s[in[i].Start:in[i+n-1].End]
			var code string
			for _, e := range gaz.Lookup(phrase) {
				if e.Type == gazetteer.TypeCountry && e.Country != "" {
					code = e.Country
					break
				}
			}
			if code == "" {
				continue
			}
			id := "country:" + code
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
				addActor(doc, id, code)
			}
			i += n - 1
			break
		}
	}
	return out
}

func addActor(doc *schema.Document, id, code string) {
	for _, a := range doc.Actors {
		if a.ID == id {
			return
		}
	}
	c := code
	doc.Actors = append(doc.Actors, schema.Actor{ID: id, Name: code, Kind: schema.KindCountry, Country: &c,
		Aliases: []string{}, Mentions: []schema.Span{}})
}
