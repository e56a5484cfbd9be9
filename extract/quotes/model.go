package quotes

import (
	_ "embed"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/text"
)

// attributionWeights are the weights of the attribution model: an averaged
// perceptron over the features of a proposed statement (Candidate), trained
// on the PolNeAR training split by internal/train. One "feature<TAB>weight"
// per line.
//
//go:embed attribution.weights
var attributionWeights string

var (
	modelOnce sync.Once
	modelW    map[string]float64
)

func weights() map[string]float64 {
	modelOnce.Do(func() { modelW = ParseWeights(attributionWeights) })
	return modelW
}

// ParseWeights reads "feature<TAB>weight" lines; lines that do not parse
// are skipped.
func ParseWeights(s string) map[string]float64 {
	w := map[string]float64{}
	for _, l := range strings.Split(s, "\n") {
		f, v, ok := strings.Cut(l, "\t")
		if !ok {
			continue
		}
		x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err == nil {
			w[f] = x
		}
	}
	return w
}

// Candidate is a statement proposed by the rules, with the features the
// attribution model scores it by.
type Candidate struct {
	Quote
	Features []string
}

// Candidates returns every statement the rules propose in src, before the
// attribution model keeps the likely ones (Find), with their features. It
// is what internal/train learns from.
func Candidates(src string, sents []text.Sentence) []Candidate {
	qs := find(src, sents)
	out := make([]Candidate, len(qs))
	for i, q := range qs {
		out[i] = Candidate{Quote: q, Features: Features(src, q)}
	}
	return out
}

// Thresholds the training writes among the weights, chosen by
// cross-validation: the score a proposal must reach to be kept, and the one
// a proposal found by a looser reading (cueLoose, cuePassive) must reach,
// as these are wrong more often.
const (
	Threshold      = "@threshold"
	LooseThreshold = "@loose-threshold"
)

// keep reports whether the model keeps a candidate with these features.
func keep(w map[string]float64, q Quote, feats []string) bool {
	return Score(w, feats) >= threshold(w, q)
}

// threshold is the score q must reach to be kept.
func threshold(w map[string]float64, q Quote) float64 {
	if q.loose != 0 {
		return w[LooseThreshold]
	}
	return w[Threshold]
}

// Keep reports whether the attribution model with weights w keeps the
// candidate c (for the training's cross-validation).
func Keep(w map[string]float64, c Candidate) bool { return keep(w, c.Quote, c.Features) }

// Score is the attribution model's score of a candidate's features: a
// statement is kept when it reaches the threshold (keep).
func Score(w map[string]float64, feats []string) float64 {
	s := 0.0
	for _, f := range feats {
		s += w[f]
	}
	return s
}

// Features describes a proposed statement for the attribution model: the
// construction that found it, its cue, its speaker phrase's shape, the
// length and first word of its content, and some of their combinations.
func Features(t string, q Quote) []string {
	fw := featureWriter{out: make([]string, 0, 16)}
	writeFeatures(t, q, &fw)
	return fw.out
}

// score is Score(w, Features(t, q)) without making the features' strings.
func score(w map[string]float64, t string, q Quote) float64 {
	fw := featureWriter{w: w}
	writeFeatures(t, q, &fw)
	return fw.sum
}

// featureWriter receives the features of a statement, each as parts to
// concatenate: it collects them (out) or, when w is set, sums their weights
// in order (sum), the same sum as Score.
type featureWriter struct {
	buf []byte
	out []string
	w   map[string]float64
	sum float64
}

func (fw *featureWriter) add(parts ...string) {
	fw.buf = fw.buf[:0]
	for _, p := range parts {
		fw.buf = append(fw.buf, p...)
	}
	if fw.w != nil {
		fw.sum += fw.w[string(fw.buf)]
		return
	}
	fw.out = append(fw.out, string(fw.buf))
}

// writeFeatures writes the features of q (see Features) to fw.
func writeFeatures(t string, q Quote, fw *featureWriter) {
	pat := patNames[q.pattern]
	cue := "-"
	if !q.Cue.Empty() {
		cue = strings.ToLower(strings.Join(strings.Fields(t[q.Cue.Start:q.Cue.End]), " "))
	}
	spk := speakerShape(t, q.Speaker)
	content := t[q.Content.Start:q.Content.End]
	first, nWords := firstField(content, manyWords)
	if nWords > 0 {
		first = strings.ToLower(strings.Trim(first, "\"'“”‘’,.:;"))
	}
	n := bucket(nWords)
	fw.add("bias")
	fw.add("p=", pat)
	fw.add("k=", q.Kind)
	fw.add("c=", cue)
	fw.add("pc=", pat, "|", cue)
	fw.add("s=", spk)
	fw.add("ps=", pat, "|", spk)
	fw.add("n=", n)
	fw.add("pn=", pat, "|", n)
	fw.add("kn=", q.Kind, "|", n)
	fw.add("c0=", first)
	fw.add("pc0=", pat, "|", first)
	if !q.Speaker.Empty() {
		sw, nsw := firstField(t[q.Speaker.Start:q.Speaker.End], manyWords)
		fw.add("sw=", strings.ToLower(sw))
		fw.add("sl=", bucket(nsw))
	}
	switch {
	case q.loose&cueNominal != 0:
		fw.add("loose=nominal")
		fw.add("lc=nominal|", cue)
		fw.add("lc0=nominal|", first)
		fw.add("ln=nominal|", n)
	case q.loose&cuePassive != 0:
		fw.add("loose=passive")
		fw.add("lc=passive|", cue)
		fw.add("lc0=passive|", first)
	case q.loose&cueLoose != 0:
		fw.add("loose=weak")
		fw.add("lc=weak|", cue)
		fw.add("lc0=weak|", first)
		fw.add("ln=weak|", n)
		fw.add("ls=weak|", wordShape(first))
		fw.add("lsc=weak|", wordShape(first), "|", cue)
	}
	if len(q.Parts) > 0 {
		fw.add("parts")
	}
	if !q.Cue.Empty() {
		where := "before"
		if q.Cue.Start >= q.Content.End {
			where = "after"
		} else if q.Cue.Start > q.Content.Start {
			where = "inside"
		}
		fw.add("cw=", where)
		fw.add("cwk=", where, "|", q.Kind)
		if r, _ := utf8.DecodeRuneInString(t[q.Cue.Start:]); unicode.IsUpper(r) {
			fw.add("cuecap")
		}
	}
	if r, _ := utf8.DecodeLastRuneInString(strings.TrimRight(content, " ")); r != utf8.RuneError {
		fw.add("end=", punctClass(r))
	}
}

// firstField returns the first of the fields of s, as strings.Fields
// splits it, and how many there are, counting no further than limit.
func firstField(s string, limit int) (string, int) {
	first, n := "", 0
	in, start := false, 0
	for i, r := range s {
		switch space := unicode.IsSpace(r); {
		case !space && !in:
			if n == limit {
				return first, n
			}
			in, start = true, i
			n++
		case space && in:
			in = false
			if n == 1 {
				first = s[start:i]
			}
		}
	}
	if in && n == 1 {
		first = s[start:]
	}
	return first, n
}

// manyWords is where firstField may stop counting words for bucket.
const manyWords = 41

// speakerShape classes a speaker phrase: none, pronoun, determiner-led
// ("the judge"), capitalised ("Kasich"), other lower case ("officials").
func speakerShape(t string, sp Span) string {
	if sp.Empty() {
		return "none"
	}
	w, n := firstField(t[sp.Start:sp.End], 2)
	if n == 0 {
		return "none"
	}
	lw := strings.ToLower(w)
	switch {
	case n == 1 && inSet(pronounSubj, lw) || lw == "i" || lw == "we" || lw == "they":
		return "pron"
	case inSet(determiners, lw):
		return "det"
	}
	r, _ := utf8.DecodeRuneInString(w)
	if unicode.IsUpper(r) {
		return "cap"
	}
	return "low"
}

// wordShape classes a lower-cased word: a determiner, a subject pronoun,
// a preposition, "that", or another word.
func wordShape(w string) string {
	switch {
	case w == "that":
		return "that"
	case inSet(determiners, w):
		return "det"
	case inSet(pronounSubj, w):
		return "pron"
	case inSet(prepositions, w):
		return "prep"
	case w == "":
		return "none"
	}
	return "word"
}

func bucket(n int) string {
	switch {
	case n <= 2:
		return "1-2"
	case n <= 5:
		return "3-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	case n <= 40:
		return "21-40"
	}
	return "41+"
}

func punctClass(r rune) string {
	switch {
	case unicode.IsLetter(r) || unicode.IsDigit(r):
		return "word"
	case r == '.' || r == '!' || r == '?':
		return "stop"
	case r == ',':
		return "comma"
	case isQuoteRune(r) || r == '"' || r == '\'' || r == '’':
		return "quote"
	}
	return "other"
}
