package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/text"
)

// Tags, in IOB2: a name starts with B-X and continues with I-X.
var Tags = [...]string{"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"}

// NumTags is the number of tags.
const NumTags = len(Tags)

// tag returns the index of a tag, -1 when unknown.
func tagIndex(s string) int {
	for i, t := range Tags {
		if t == s {
			return i
		}
	}
	return -1
}

// isInside reports an I- tag.
func isInside(t int) bool { return t > 0 && t%2 == 0 }

// allowed reports whether tag t may follow tag p (-1: sentence start).
func allowed(p, t int) bool {
	if !isInside(t) {
		return true
	}
	return p == t || p == t-1
}

// Sentence is one tokenised sentence with what dictionaries say of each token.
type Sentence struct {
	Words []string
	// Dict, when not nil, has one dictionary label per word ("" for none),
	// as made by Dictionary.Label.
	Dict []string
}

// docInfo is what a whole document says about its words.
type docInfo struct {
	lower  map[string]bool // words seen in lower case
	capMid map[string]bool // lower-cased forms of words seen Capitalised inside a mixed-case sentence
	ups    []bool          // per sentence: written in capitals (upperSentence)
}

// newDocInfo reads the document's words. lower, when not nil, already
// holds the words seen in lower case. Words seen Capitalised are gathered
// only for documents with an ALL-CAPS sentence, the only place they count.
func newDocInfo(sents []Sentence, lower map[string]bool) *docInfo {
	d := &docInfo{lower: lower}
	if lower == nil {
		d.lower = map[string]bool{}
		for _, s := range sents {
			for _, w := range s.Words {
				if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
					d.lower[w] = true
				}
			}
		}
	}
	ups := make([]bool, len(sents))
	d.ups = ups
	anyUp := false
	for si, s := range sents {
		ups[si] = upperSentence(s.Words)
		anyUp = anyUp || ups[si]
	}
	if !anyUp {
		return d
	}
	d.capMid = map[string]bool{}
	for si, s := range sents {
		if ups[si] {
			continue
		}
		for i, w := range s.Words {
			if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) && i > 0 && !isOpen(s.Words[i-1]) {
				d.capMid[strings.ToLower(w)] = true
			}
		}
	}
	return d
}

// isOpen reports a token after which a capital says nothing: an opening
// mark or a sentence end.
func isOpen(w string) bool { return w == "." || w != "«" && text.OpenPunct(w) }

// upperSentence reports a sentence written in capitals (a wire headline).
func upperSentence(ws []string) bool {
	words, upper := 0, 0
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if hasUpper(w) && !hasLower(w) {
			upper++
		}
	}
	return words >= 2 && upper*10 >= words*7
}

func hasUpper(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return strings.IndexFunc(w[i:], unicode.IsUpper) >= 0
		} else if 'A' <= c && c <= 'Z' {
			return true
		}
	}
	return false
}

func hasLower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf {
			return strings.IndexFunc(w[i:], unicode.IsLower) >= 0
		} else if 'a' <= c && c <= 'z' {
			return true
		}
	}
	return false
}

// shape maps a word to its character classes with repeats collapsed:
// "McCain" -> "XxXx", "U.S." -> "X.X.", "1996-08-22" -> "d-d-d".
func shape(w string) string {
	var b [24]byte
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 0x80:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n == len(b) {
			break
		}
		b[n] = c
		n++
	}
	return string(b[:n])
}

// candidates marks the tokens that may be inside a name: words with a
// capital letter, and short lower-case words (up to three letters) between two such tokens.
func candidates(ws []string, out []bool) []bool {
	out = out[:0]
	for _, w := range ws {
		out = append(out, hasUpper(w))
	}
	for i, w := range ws {
		if out[i] || i == 0 || !out[i-1] || len(w) > 3 {
			continue
		}
		if i+1 < len(ws) && out[i+1] || i+2 < len(ws) && out[i+2] && len(ws[i+1]) <= 3 && !hasUpper(ws[i+1]) {
			out[i] = true
		}
	}
	return out
}

// ---------------------------------------------------------------- hashing

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashStr(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= fnvPrime
	}
	h ^= 0xff // separator
	h *= fnvPrime
	return h
}

func hashTpl(t byte) uint64 { return (fnvOffset ^ uint64(t)) * fnvPrime }

// feature templates
const (
	fBias byte = iota + 1
	fWord
	fShape
	fPre1
	fPre2
	fPre3
	fSuf1
	fSuf2
	fSuf3
	fSuf4
	fPrevW
	fNextW
	fPrev2W
	fNext2W
	fPrevS
	fNextS
	fShapeTri
	fPrevWW
	fWNextW
	fFirstShape
	fUpperW
	fUpperS
	fLowerSeen
	fCapSeen
	fDict
	fPrevDict
	fNextDict
	fDictShape
	fWordUpper
	fRunLast
)

// prefix returns the first n runes of s ("" when s is shorter).
func prefix(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	if i == n {
		return s
	}
	return ""
}

func suffix(s string, n int) string {
	i := 0
	for k := len(s); k > 0; {
		_, size := utf8.DecodeLastRuneInString(s[:k])
		k -= size
		i++
		if i == n {
			return s[k:]
		}
	}
	return ""
}

// sentFeats holds the per-token strings of one sentence, reused.
type sentFeats struct {
	lower, shapes, dict []string
	cand                []bool // tokens that may be in a name
	runStart, runEnd    []int  // the run of candidate tokens holding each token
	// words caches the lower case and shape of the words of earlier
	// sentences (and documents); emptied when it holds maxWords.
	words map[string][2]string
}

// maxWords bounds sentFeats' word cache, which keeps words of up to
// maxWordLen bytes.
const (
	maxWords   = 8192
	maxWordLen = 64
)

// word returns the lower case and the shape of w.
func (sf *sentFeats) word(w string) (string, string) {
	if len(w) > maxWordLen {
		return strings.ToLower(w), shape(w)
	}
	if ls, ok := sf.words[w]; ok {
		return ls[0], ls[1]
	}
	if sf.words == nil || len(sf.words) >= maxWords {
		sf.words = make(map[string][2]string, 1024)
	}
	w = strings.Clone(w) // the cache outlives the sentence
	l, sh := strings.ToLower(w), shape(w)
	sf.words[w] = [2]string{l, sh}
	return l, sh
}

// prepare fills the per-token strings of s.
// Words and shapes are computed only within two tokens of a candidate: no
// feature reads further.
func (sf *sentFeats) prepare(s Sentence) {
	n := len(s.Words)
	sf.cand = candidates(s.Words, sf.cand)
	sf.lower, sf.shapes, sf.dict = sf.lower[:0], sf.shapes[:0], sf.dict[:0]
	for i, w := range s.Words {
		l, sh := "", ""
		for k := max(i-2, 0); k <= i+2 && k < n; k++ {
			if sf.cand[k] {
				l, sh = sf.word(w)
				break
			}
		}
		sf.lower = append(sf.lower, l)
		sf.shapes = append(sf.shapes, sh)
		d := ""
		if s.Dict != nil && i < len(s.Dict) {
			d = s.Dict[i]
		}
		sf.dict = append(sf.dict, d)
	}
	sf.runStart, sf.runEnd = sf.runStart[:0], sf.runEnd[:0]
	for i := range n {
		st := i
		if i > 0 && sf.cand[i] && sf.cand[i-1] {
			st = sf.runStart[i-1]
		}
		sf.runStart = append(sf.runStart, st)
		sf.runEnd = append(sf.runEnd, 0)
	}
	for i := n - 1; i >= 0; i-- {
		sf.runEnd[i] = i + 1
		if i+1 < n && sf.cand[i] && sf.cand[i+1] {
			sf.runEnd[i] = sf.runEnd[i+1]
		}
	}
}

// features appends the feature hashes of token i of s to dst.
func (sf *sentFeats) features(dst []uint64, s Sentence, i int, up bool, d *docInfo) []uint64 {
	ws := s.Words
	w, l, sh := ws[i], sf.lower[i], sf.shapes[i]
	at := func(k int) (string, string, string) {
		switch {
		case k < 0:
			return "<s>", "<s>", "<s>"
		case k >= len(ws):
			return "</s>", "</s>", "</s>"
		}
		return sf.lower[k], sf.shapes[k], sf.dict[k]
	}
	pw, ps, pd := at(i - 1)
	nw, ns, nd := at(i + 1)
	p2, _, _ := at(i - 2)
	n2, _, _ := at(i + 2)
	add := func(t byte, p string) { dst = append(dst, hashStr(hashTpl(t), p)) }
	add3 := func(t byte, p, q, r string) { dst = append(dst, hashStr(hashStr(hashStr(hashTpl(t), p), q), r)) }
	add(fBias, "")
	add(fWord, l)
	add(fShape, sh)
	if up {
		add(fUpperW, l)
		add(fUpperS, sh)
	} else {
		add(fWordUpper, w)
	}
	for k, t := range [...]byte{fPre1, fPre2, fPre3} {
		if p := prefix(l, k+1); p != "" && p != l {
			add(t, p)
		}
	}
	for k, t := range [...]byte{fSuf1, fSuf2, fSuf3, fSuf4} {
		if p := suffix(l, k+1); p != "" && p != l {
			add(t, p)
		}
	}
	add(fPrevW, pw)
	add(fNextW, nw)
	add(fPrev2W, p2)
	add(fNext2W, n2)
	add(fPrevS, ps)
	add(fNextS, ns)
	add3(fShapeTri, ps, sh, ns)
	add3(fPrevWW, pw, l, "")
	add3(fWNextW, l, nw, "")
	if i == 0 || isOpen(ws[i-1]) {
		add(fFirstShape, sh)
	}
	if d != nil {
		if d.lower[l] {
			add(fLowerSeen, sh)
		}
		if up && d.capMid[l] {
			add(fCapSeen, "")
		}
	}
	if rs, re := sf.runStart[i], sf.runEnd[i]; re-rs > 1 {
		add(fRunLast, sf.lower[re-1])
	}
	if dd := sf.dict[i]; dd != "" {
		add(fDict, dd)
		add3(fDictShape, dd, sh, "")
	}
	if pd != "" {
		add(fPrevDict, pd)
	}
	if nd != "" {
		add(fNextDict, nd)
	}
	return dst
}
