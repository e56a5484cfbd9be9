package ner

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/schema"
	"github.com/geokg/geokg/seeds/lexicon"
)

// Gazetteer is what a Dictionary needs of the gazetteer.
type Gazetteer interface {
	LookupAppend(dst []gazetteer.Entry, phrase string) []gazetteer.Entry
	LookupFold(phrase string) []gazetteer.Entry
	PrefixWords(firstWord string) int
	PrefixWordsFold(firstWord string) int
	MaxWords() int
}

// Dictionary labels tokens with what the gazetteer and the hand-written
// lexicons of seeds/lexicon know of them: the type of the longest gazetteer
// name covering the token, else a given name, title word, honorific or
// organisation word.
type Dictionary struct {
	gaz   Gazetteer
	words map[string]string // exact word -> lexicon label
	lower map[string]string // lower-case word -> lexicon label (titles)
}

// NewDictionary reads the lexicons and wraps the gazetteer.
func NewDictionary(g Gazetteer) (*Dictionary, error) {
	d := &Dictionary{gaz: g, words: map[string]string{}, lower: map[string]string{}}
	for _, f := range []struct{ file, label string }{
		{"firstnames.txt", "first"}, {"honorifics.txt", "hon"}, {"orgwords.txt", "orgw"}, {"orgheads.txt", "orgw"},
		{"placewords.txt", "placew"}, {"titles.txt", "title"},
	} {
		rows, err := lexicon.Fields(f.file)
		if err != nil {
			return nil, fmt.Errorf("ner dictionary: %w", err)
		}
		for _, r := range rows {
			if f.label == "title" {
				for _, w := range strings.Fields(strings.ToLower(r[0])) {
					d.lower[w] = "title"
				}
				continue
			}
			if _, dup := d.words[r[0]]; !dup {
				d.words[r[0]] = f.label
			}
		}
	}
	return d, nil
}

// Label returns one label per word ("" for none). Names are looked up as
// written, or case-folded in an ALL-CAPS sentence; a name ends with a word
// holding a capital letter and runs over words and joining marks only.
func (d *Dictionary) Label(words []string, dst []string) []string {
	dst = slices.Grow(dst[:0], len(words))[:len(words)]
	clear(dst)
	fold := upperSentence(words)
	maxWords := 1
	if d.gaz != nil {
		maxWords = d.gaz.MaxWords()
	}
	// the sentence joined by spaces: a phrase is a substring, no copying
	var b strings.Builder
	size := len(words)
	for _, w := range words {
		size += len(w)
	}
	b.Grow(size)
	off := make([]int, len(words)+1)
	for i, w := range words {
		if i > 0 {
			b.WriteByte(' ')
		}
		off[i] = b.Len()
		b.WriteString(w)
	}
	off[len(words)] = b.Len() + 1
	joined := b.String()
	// lexicon words count only near a capital: the tagger reads a label
	// only next to a token that may be in a name
	near := make([]bool, len(words))
	for i, w := range words {
		if hasUpper(w) {
			for k := max(i-3, 0); k <= i+3 && k < len(words); k++ {
				near[k] = true
			}
		}
	}
	var buf []gazetteer.Entry
	for i := 0; i < len(words); {
		w := words[i]
		n := 0
		var typ, kind string
		pw := 0
		if d.gaz != nil && hasUpper(w) {
			if fold {
				pw = d.gaz.PrefixWordsFold(w)
			} else {
				pw = d.gaz.PrefixWords(w)
			}
			if strings.EqualFold(w, "the") {
				pw = maxWords // "The Kremlin" is looked up as "Kremlin"
			}
		}
		if pw > 0 {
			pw++ // a trailing subdivision word: "Idlib Province"
			end := i + 1
			for end < len(words) && end-i < pw && joinable(words[end]) {
				end++
			}
			for k := end - i; k >= 1 && n == 0; k-- {
				if !hasUpper(words[i+k-1]) {
					continue
				}
				phrase := joined[off[i] : off[i+k]-1]
				if fold {
					buf = d.gaz.LookupFold(phrase)
				} else {
					buf = d.gaz.LookupAppend(buf[:0], phrase)
				}
				if len(buf) > 0 {
					n, typ, kind = k, buf[0].Type, buf[0].PlaceKind
				}
			}
		}
		if n > 0 {
			bl, il := gazLabels(typ, kind)
			dst[i] = bl
			for j := i + 1; j < i+n; j++ {
				dst[j] = il
			}
			i += n
			continue
		}
		if !near[i] {
			// no lexicon look-up
		} else if l, ok := d.words[w]; ok {
			dst[i] = l
		} else if !hasUpper(w) {
			dst[i] = d.lower[w]
		} else if l, ok := d.lower[strings.ToLower(w)]; ok {
			dst[i] = l
		}
		i++
	}
	return dst
}

// gazLabel is a gazetteer type, with its kind for places.
type gazLabel struct{ typ, kind string }

// knownGazLabels are the B- and I- labels of the usual gazetteer types,
// made once.
var knownGazLabels = func() map[gazLabel][2]string {
	m := map[gazLabel][2]string{}
	for _, t := range []string{gazetteer.TypeCountry, gazetteer.TypeOrg, gazetteer.TypeGroup, gazetteer.TypeMedia} {
		m[gazLabel{typ: t}] = [2]string{"B-" + t, "I-" + t}
	}
	for _, k := range []string{"", schema.LocCountry, schema.LocAdmin1, schema.LocCity, schema.LocRegion, schema.LocWater, schema.LocFacility, schema.LocOther} {
		t := gazetteer.TypePlace + ":" + k
		m[gazLabel{gazetteer.TypePlace, k}] = [2]string{"B-" + t, "I-" + t}
	}
	return m
}()

// gazLabels returns the B- and I- labels of an entry of type typ, kind
// its place kind: "B-place:city".
func gazLabels(typ, kind string) (string, string) {
	if typ != gazetteer.TypePlace {
		kind = ""
	}
	if l, ok := knownGazLabels[gazLabel{typ, kind}]; ok {
		return l[0], l[1]
	}
	if typ == gazetteer.TypePlace {
		typ += ":" + kind
	}
	return "B-" + typ, "I-" + typ
}

// joinable reports a word that may continue a gazetteer name: a word, or
// one of the marks names contain ("Guinea-Bissau", "St. Kitts", "AT&T").
func joinable(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || w == "&" || w == "-" || w == "." || w == "'s"
}
