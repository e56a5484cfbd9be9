// Command train fits the name tagger of package ner to CoNLL-2003 English
// and writes the model that package embeds:
//
//	go run ./extract/ner/internal/train -conll ../shared/train/conll2003/eng.train -out extract/ner/model.bin
//
// With -validate F it holds out the last fraction F of the documents,
// trains on the rest and prints the tagger's token accuracy and span F1 on
// the held-out part.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/ner"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "train:", err)
		os.Exit(1)
	}
}

func run() error {
	conll := flag.String("conll", "", "CoNLL-2003 training file (eng.train)")
	out := flag.String("out", "", "model file to write")
	validate := flag.Float64("validate", 0, "hold out this last fraction of the documents and report scores on it")
	epochs := flag.Int("epochs", 12, "training passes")
	minCount := flag.Int("min-count", 1, "drop features seen fewer times")
	flag.Parse()
	if *conll == "" || *out == "" && *validate == 0 {
		flag.Usage()
		return fmt.Errorf("need -conll and -out or -validate")
	}
	start := time.Now()
	f, err := os.Open(*conll)
	if err != nil {
		return err
	}
	docs, err := ner.ReadCoNLL(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("read %s: %w", *conll, err)
	}
	g, err := gazetteer.Default()
	if err != nil {
		return fmt.Errorf("load gazetteer: %w", err)
	}
	dict, err := ner.NewDictionary(g)
	if err != nil {
		return err
	}
	for _, d := range docs {
		for i := range d.Sents {
			d.Sents[i].Dict = dict.Label(d.Sents[i].Words, nil)
		}
	}
	train, held := docs, []ner.Document(nil)
	if *validate > 0 {
		cut := len(docs) - int(float64(len(docs))**validate)
		train, held = docs[:cut], docs[cut:]
	}
	opts := ner.TrainOptions{Epochs: *epochs, MinCount: *minCount, Log: func(format string, args ...any) {
		fmt.Fprintf(os.Stderr, "%6.1fs ", time.Since(start).Seconds())
		fmt.Fprintf(os.Stderr, format+"\n", args...)
	}}
	var buf bytes.Buffer
	if err := ner.Train(train, opts, &buf); err != nil {
		return fmt.Errorf("train: %w", err)
	}
	fmt.Fprintf(os.Stderr, "trained on %d documents in %.1fs; model %d bytes\n", len(train), time.Since(start).Seconds(), buf.Len())
	if len(held) > 0 {
		m, err := ner.Decode(bytes.NewReader(buf.Bytes()))
		if err != nil {
			return err
		}
		fmt.Printf("held out %d documents: %s\n", len(held), ner.Evaluate(m, held))
	}
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
