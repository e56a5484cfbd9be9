package ner

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// Document is a tagged document: sentences and one IOB2 tag per word.
type Document struct {
	Sents []Sentence
	Tags  [][]string
}

// ReadCoNLL reads a CoNLL-2003 file (word first, NER tag last on each line,
// blank lines between sentences, -DOCSTART- between documents). IOB1 tags
// ("I-X" opening a name) are converted to IOB2 ("B-X").
func ReadCoNLL(r io.Reader) ([]Document, error) {
	var docs []Document
	var doc Document
	var words, tags []string
	endSent := func() {
		if len(words) > 0 {
			doc.Sents = append(doc.Sents, Sentence{Words: words})
			doc.Tags = append(doc.Tags, toIOB2(tags))
			words, tags = nil, nil
		}
	}
	endDoc := func() {
		endSent()
		if len(doc.Sents) > 0 {
			docs = append(docs, doc)
		}
		doc = Document{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			endSent()
		case f[0] == "-DOCSTART-":
			endDoc()
		case len(f) < 2:
			return nil, fmt.Errorf("conll line %d: want word and tag, got %q", line, sc.Text())
		default:
			t := f[len(f)-1]
			if t != "O" && (len(t) < 3 || t[1] != '-' || t[0] != 'B' && t[0] != 'I' || tagIndex("B-"+t[2:]) < 0) {
				return nil, fmt.Errorf("conll line %d: unknown tag %q", line, t)
			}
			words = append(words, f[0])
			tags = append(tags, t)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll line %d: %w", line, err)
	}
	endDoc()
	return docs, nil
}

// toIOB2 rewrites IOB1 tags in place: an I-X that does not continue an X
// name opens one.
func toIOB2(tags []string) []string {
	prev := "O"
	for i, t := range tags {
		if strings.HasPrefix(t, "I-") && (prev == "O" || prev[2:] != t[2:]) {
			tags[i] = "B-" + t[2:]
		}
		prev = t
	}
	return tags
}
