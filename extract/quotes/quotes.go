package quotes

import (
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/text"
)

// Span is a half-open byte range [Start, End) of the article text.
type Span struct{ Start, End int }

// Empty reports whether the span covers no bytes.
func (s Span) Empty() bool { return s.End <= s.Start }

// Sentence is a sentence's byte range in the article text (text.Sentence).
type Sentence = text.Sentence

// Statement kinds.
const (
	Direct   = "direct"
	Indirect = "indirect"
)

// Quote is one statement: a direct quotation or reported speech.
type Quote struct {
	// Kind is Direct when the content is (or contains) words in quotation
	// marks, Indirect for reported speech.
	Kind string
	// Content is the quoted or reported content, without the attribution and,
	// for a whole quotation, without its marks. A quotation interrupted by its
	// attribution ("“A,” he said. “B.”") is one Quote whose Content runs from
	// A to B; Parts then lists the pieces.
	Content Span
	// Parts are the pieces of a discontinuous Content (nil when continuous).
	Parts []Span
	// Cue is the speech cue ("said", "told", "according to"); zero when none.
	Cue Span
	// Speaker is the speaker phrase as written; zero when not stated nearby.
	Speaker Span
	// Inherit marks a quotation with no speaker of its own that continues
	// the previous quote's speaker (consecutive quote paragraphs).
	Inherit bool
	// Label marks a speaker given as a label before a colon or dash
	// ("KASICH: …", "“…” ― Maria Lopez") rather than by a verb: the caller
	// keeps it only when the label names someone it knows.
	Label      bool
	Confidence float64
	pattern    uint8 // the construction that found it (pat*)
	loose      int   // cueLoose or cuePassive: found by the looser reading
}

// constructions a statement is found by
const (
	patForward        uint8 = iota + 1 // X said (that) …
	patPost                            // …, X said.
	patInverted                        // “…,” said X
	patAccording                       // …, according to X
	patAccordingFront                  // According to X, …
	patPutIt                           // as X put it
	patDash                            // “…” ― X
	patColon                           // X: …
	patPending                         // X said: / “…”
	patInherit                         // a quotation paragraph continuing the last speaker
	patLone                            // a quotation with no attribution
	patAsked                           // Asked about X, … / when asked whether …
)

var patNames = [...]string{"", "forward", "post", "inverted", "according", "according-front", "put-it", "dash", "colon", "pending", "inherit", "lone", "asked"}

func postPattern(inverted bool) uint8 {
	if inverted {
		return patInverted
	}
	return patPost
}

// token kinds
const (
	kWord = iota
	kPunct
	kQuote
)

type tok struct {
	s, e int
	k    int8
	cap  bool // word starting with an upper-case letter
	reg  int  // region index for kQuote
	cue  int  // cue flags of a word
	sets wset // word sets of a word
}

type finder struct {
	t     string
	regs  []region
	toks  []tok
	out   []Quote
	para  int // paragraph number of the current unit
	pos   int // scan position for paragraph counting
	lastP int // paragraph of the last direct quote, -1 when none
	// pending: a forward cue whose content follows in the next unit ("He said:")
	pending    bool
	pendingSpk Span
	pendingCue Span
	// lastLone is the quote emitted for an unattributed quotation by the
	// previous unit (-1 when none); prevLone keeps it while a unit is read.
	lastLone, prevLone, lonePara int
	// loose holds the cueLoose/cuePassive flags of the cue being read
	loose int
}

// Find returns the statements in src (the clean article text) in text order:
// those the rules propose and the attribution model keeps (model.go).
// sents are its sentences in order (text.Sentences); when nil Find splits
// the text itself.
func Find(src string, sents []text.Sentence) []Quote {
	qs := find(src, sents)
	w := weights()
	if len(w) == 0 {
		return qs
	}
	out := qs[:0]
	for _, q := range qs {
		if score(w, src, q) >= threshold(w, q) {
			out = append(out, q)
		}
	}
	return unnest(src, out)
}

// find returns every statement the rules propose.
func find(src string, sents []text.Sentence) []Quote {
	if len(src) == 0 {
		return nil
	}
	if sents == nil {
		sents = splitSentences(src)
	}
	text := src
	f := &finder{t: text, lastP: -1, lastLone: -1, prevLone: -1}
	f.regs = findRegions(text, make([]region, 0, 32))
	f.toks = make([]tok, 0, 128)
	ri := 0
	for j := 0; j < len(sents); {
		s, e := sents[j].Start, sents[j].End
		j++
		if s < 0 || e > len(text) || s >= e {
			continue
		}
		// extend the unit while a quotation crosses its end
		for ri < len(f.regs) && f.regs[ri].close <= s {
			ri++
		}
		k, ext := ri, e
		for {
			for ; k < len(f.regs) && f.regs[k].open < e; k++ {
				if f.regs[k].close > ext {
					ext = f.regs[k].close
				}
			}
			if ext <= e {
				break
			}
			e = ext
			for j < len(sents) && sents[j].Start < e {
				if sents[j].End > e && sents[j].End <= len(text) {
					e = sents[j].End
				}
				j++
			}
		}
		f.unit(s, e)
	}
	sort.SliceStable(f.out, func(a, b int) bool { return f.out[a].Content.Start < f.out[b].Content.Start })
	return f.out
}

// tokenize fills f.toks with the words, punctuation and quotations of [s, e).
func (f *finder) tokenize(s, e int) {
	t := f.t
	f.toks = f.toks[:0]
	ri := sort.Search(len(f.regs), func(i int) bool { return f.regs[i].close > s })
	for i := s; i < e; {
		c := t[i]
		if isSpaceByte(c) {
			i++
			continue
		}
		if ri < len(f.regs) && f.regs[ri].open <= i {
			r := f.regs[ri]
			end := r.close
			if end > e {
				end = e
			}
			if end > i {
				f.toks = append(f.toks, tok{s: i, e: end, k: kQuote, reg: ri})
				i = end
			}
			ri++
			continue
		}
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) {
				i = f.word(i, e)
				continue
			}
			w := 1
			if c == '-' && i+1 < e && t[i+1] == '-' {
				w = 2
			}
			f.toks = append(f.toks, tok{s: i, e: i + w, k: kPunct})
			i += w
			continue
		}
		r, w := utf8.DecodeRuneInString(t[i:])
		if r == 0xA0 || r == 0x2009 || r == 0x202F {
			i += w
			continue
		}
		if isLetterRune(r) {
			i = f.word(i, e)
			continue
		}
		f.toks = append(f.toks, tok{s: i, e: i + w, k: kPunct})
		i += w
	}
}

// word appends the word starting at i and returns its end.
func (f *finder) word(i, e int) int {
	t := f.t
	s := i
	r, _ := utf8.DecodeRuneInString(t[i:])
	capital := unicode.IsUpper(r)
	dots := false
	for i < e {
		c := t[i]
		if c < utf8.RuneSelf {
			if isAlnumASCII(c) {
				i++
				continue
			}
			if (c == '\'' || c == '.' || c == '-' || c == '&' || c == '/') && i+1 < e && wordRuneAt(t, i+1) {
				if c == '.' {
					dots = true
				}
				i++
				continue
			}
			break
		}
		r, w := utf8.DecodeRuneInString(t[i:])
		if isLetterRune(r) {
			i += w
			continue
		}
		if (r == '’' || !unicode.IsSpace(r) && !isQuoteRune(r) && r != '…') && i+w < e && wordRuneAt(t, i+w) {
			i += w // "Trump’s", mojibake inside a name
			continue
		}
		break
	}
	if i < e && t[i] == '.' && (dots || isAbbrevBefore(t, i)) {
		i++
	}
	wi := lookup(t[s:i])
	f.toks = append(f.toks, tok{s: s, e: i, k: kWord, cap: capital, cue: wi.cue, sets: wi.sets})
	return i
}

func isQuoteRune(r rune) bool {
	switch r {
	case '“', '”', '‘', '„', '«', '»', '―', '—', '–':
		return true
	}
	return false
}

func (f *finder) w(i int) string { return f.t[f.toks[i].s:f.toks[i].e] }

func (f *finder) isWord(i int) bool { return i >= 0 && i < len(f.toks) && f.toks[i].k == kWord }

func (f *finder) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(f.toks) && f.toks[i].k == kPunct && f.t[f.toks[i].s] == c
}

// isDash reports a dash token (—, –, ―, --).
func (f *finder) isDash(i int) bool {
	if i < 0 || i >= len(f.toks) || f.toks[i].k != kPunct {
		return false
	}
	w := f.w(i)
	return w == "—" || w == "–" || w == "―" || w == "--"
}

// isBoundary reports a token that ends a clause segment: , ; : ( ) dashes and quotations.
func (f *finder) isBoundary(i int) bool {
	if f.toks[i].k == kQuote {
		return true
	}
	if f.toks[i].k != kPunct {
		return false
	}
	switch f.t[f.toks[i].s] {
	case ',', ';', ':', '(', ')', '.', '!', '?':
		return true
	}
	return f.isDash(i)
}

func (f *finder) wordIn(i int, m wset) bool { return f.isWord(i) && f.toks[i].sets&m != 0 }

func (f *finder) wordIs(i int, w string) bool {
	return f.isWord(i) && len(f.w(i)) == len(w) && equalFoldASCII(f.w(i), w)
}

func equalFoldASCII(a, b string) bool {
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= 'A' && x <= 'Z' {
			x += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// lowerAdverb reports a lower-case -ly word ("repeatedly").
func (f *finder) lowerAdverb(i int) bool {
	if !f.isWord(i) || f.toks[i].cap {
		return false
	}
	w := f.w(i)
	return len(w) > 4 && w[len(w)-2:] == "ly"
}
