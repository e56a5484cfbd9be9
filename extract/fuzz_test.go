package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/geokg/geokg/seeds/lexicon"
)

// FuzzExtract runs the whole path (ReadInput, Extract) on arbitrary bytes:
// no panic, no hang, every offset inside article.text, every id resolvable;
// input without an article must give one of the documented errors.
func FuzzExtract(f *testing.F) {
	seeds := []string{
		"",
		"Iranian Defense Minister Hossein Dehqan said on Tuesday that \"the US move\" was illegal. He warned Washington.",
		"\"A,\" he said. \"B.\"",
		"SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nAL-AIN , United Arab Emirates 1996-12-06",
		"<html><body><p>Russia attacked Ukraine near Kyiv on Friday, killing 12 people.</p></body></html>",
		`{"title":"x","text":"Putin met Xi in Beijing.","published_at":"2019-01-02"}`,
		"\x00\x01\xff\xfe",
		"his Russian counterpart, , counterpart , Mr. . the the The",
		strings.Repeat("Syria ", 200),
		"Xi", "Chinese President Xi Jinping said. Xi", "Mr.", "Gen. Wang", "Theresa May", "Kim Jong Un met Moon",
		"Miss Universe Alicia Machado", "National Union for the Total Independence of Angola (UNITA)",
		"LONDON 1996-08-30\nSurrey 300 Kent 200-3", "in Tahrir Square", "(Reuters) -",
	}
	for _, s := range seeds {
		f.Add([]byte(s), "2017-04-12")
	}
	e, err := New(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte, published string) {
		in, err := ReadInput("fuzz.txt", data)
		if err != nil {
			return
		}
		in.PublishedAt = published
		start := time.Now()
		d, err := e.Extract(context.Background(), in)
		if time.Since(start) > 5*time.Second {
			t.Fatalf("extract took %v on %d bytes", time.Since(start), len(data))
		}
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("unexpected error: %v", err)
			}
			return
		}
		checkDocument(t, d)
	})
}

// TestLexiconSweep puts every lexicon word at the edges of short texts (the
// places where index arithmetic goes wrong) and checks the documents.
func TestLexiconSweep(t *testing.T) {
	e, err := New(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var words []string
	for _, f := range []string{"titles.txt", "honorifics.txt", "firstnames.txt", "familyfirst.txt", "orgwords.txt",
		"orgheads.txt", "placewords.txt", "thingwords.txt", "notnames.txt"} {
		rows, err := lexicon.Fields(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			words = append(words, r[0])
		}
	}
	for _, w := range words {
		for _, text := range []string{w, w + ".", "Iran said " + w, w + " Smith", "the " + w + " of Iran, " + w,
			"\"" + w + ",\" " + w + " said.", "his " + w + " counterpart, " + w} {
			d, err := e.Extract(context.Background(), Input{Text: text, PublishedAt: "2017-04-12"})
			if err != nil {
				if errors.Is(err, ErrEmpty) {
					continue
				}
				t.Fatalf("%q: %v", text, err)
			}
			checkDocument(t, d)
		}
	}
}
