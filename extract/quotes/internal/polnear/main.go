// Command polnear runs quotes.Find over a directory of article texts and
// writes one extraction contract JSON per article, so that the statements
// can be scored with the PolNeAR scorer (score_polnear.py). Each distinct
// speaker phrase becomes one person actor; a pronoun or an inherited quote
// takes the last named speaker.
//
//	go run ./extract/quotes/internal/polnear -in ../shared/eval/polnear/dev -out /tmp/qpred
//	python3 ../shared/eval/score_polnear.py --speech-only ../shared/eval/polnear/dev /tmp/qpred
//
// With -text "…" it prints the statements of one snippet instead (for
// working on rules).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

var ownSplit = flag.Bool("own-split", false, "use the package's fallback sentence splitter")

func main() {
	in := flag.String("in", "", "directory of *.txt articles")
	out := flag.String("out", "", "directory for the *.json predictions")
	snippet := flag.String("text", "", "print the statements of this text and exit")
	flag.Parse()
	if *snippet != "" {
		show(*snippet)
		return
	}
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "polnear:", err)
		os.Exit(1)
	}
}

func run(in, out string) error {
	files, err := filepath.Glob(filepath.Join(in, "*.txt"))
	if err != nil {
		return fmt.Errorf("list %s: %w", in, err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return fmt.Errorf("create %s: %w", out, err)
	}
	var total time.Duration
	for _, fn := range files {
		b, err := os.ReadFile(fn)
		if err != nil {
			return fmt.Errorf("read %s: %w", fn, err)
		}
		t0 := time.Now()
		var sents []text.Sentence
		if !*ownSplit {
			sents = text.Sentences(string(b))
		}
		qs := quotes.Find(string(b), sents)
		total += time.Since(t0)
		doc := build(string(b), qs)
		js, err := json.MarshalIndent(doc, "", " ")
		if err != nil {
			return fmt.Errorf("encode %s: %w", fn, err)
		}
		name := strings.TrimSuffix(filepath.Base(fn), ".txt") + ".json"
		if err := os.WriteFile(filepath.Join(out, name), js, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
	}
	fmt.Fprintf(os.Stderr, "%d articles, Find total %v\n", len(files), total)
	return nil
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true, "who": true, "you": true}

func build(text string, qs []quotes.Quote) schema.Document {
	sum := sha256.Sum256([]byte(text))
	doc := schema.Document{Article: schema.Article{ID: "sha256:" + hex.EncodeToString(sum[:]), Text: text}}
	idx := map[string]int{}
	last := ""
	for i, q := range qs {
		var speaker *string
		sp := ""
		if !q.Speaker.Empty() {
			sp = strings.TrimSpace(text[q.Speaker.Start:q.Speaker.End])
		}
		switch {
		case sp != "" && !pronouns[strings.ToLower(sp)]:
			id := "person:" + slug(sp)
			k, ok := idx[id]
			if !ok {
				k = len(doc.Actors)
				idx[id] = k
				doc.Actors = append(doc.Actors, schema.Actor{ID: id, Name: sp, Kind: schema.KindPerson, Aliases: []string{}})
			}
			doc.Actors[k].Mentions = append(doc.Actors[k].Mentions, schema.Span{Start: q.Speaker.Start, End: q.Speaker.End, Text: text[q.Speaker.Start:q.Speaker.End]})
			last = id
			speaker = &last
		case last != "" && (sp != "" || q.Inherit):
			id := last
			speaker = &id
		}
		if speaker != nil {
			id := *speaker
			speaker = &id
		}
		doc.Statements = append(doc.Statements, schema.Statement{
			ID: fmt.Sprintf("st%d", i+1), Kind: q.Kind, Text: text[q.Content.Start:q.Content.End],
			Speaker: speaker, About: []string{},
			Evidence:   schema.Span{Start: q.Content.Start, End: q.Content.End, Text: text[q.Content.Start:q.Content.End]},
			Confidence: q.Confidence,
		})
	}
	return doc
}

func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127 {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.Trim(b.String(), "-")
}

// show prints the statements Find returns for s, for debugging rules.
func show(s string) {
	for _, q := range quotes.Find(s, text.Sentences(s)) {
		fmt.Printf("%s %.2f inherit=%v\n  content [%s]\n  speaker [%s]\n  cue     [%s]\n", q.Kind, q.Confidence, q.Inherit,
			s[q.Content.Start:q.Content.End], s[q.Speaker.Start:q.Speaker.End], s[q.Cue.Start:q.Cue.End])
	}
}
