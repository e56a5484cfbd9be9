package extract

import (
	"slices"

	"github.com/geokg/geokg/extract/ner"
)

// proposeNames runs the statistical name tagger over the article and lets
// its spans correct the names the scan found by hand rules: a span covering
// several items becomes one name ("Lisa O. Monaco", not "Lisa O." and the
// country Monaco), a name the rules left unclassified takes the span's type,
// and a name the rules missed is added. The gazetteer still decides what a
// known name is: a span that is exactly a gazetteer name keeps it.
func (a *analysis) proposeNames() {
	if a.e.names == nil {
		return
	}
	sents := make([]ner.Sentence, len(a.toks))
	for si, toks := range a.toks {
		ws := make([]string, len(toks))
		for i, t := range toks {
			ws[i] = t.Text
		}
		sents[si] = ner.Sentence{Words: ws, Dict: a.e.dict.Label(ws, nil)}
	}
	tg, _ := a.e.taggers.Get().(*ner.Tagger)
	if tg == nil {
		tg = ner.NewTagger(a.e.names)
	}
	spans := tg.TagDocument(sents)
	a.e.taggers.Put(tg)
	for si, ss := range spans {
		for _, sp := range ss {
			a.proposeName(si, sp)
		}
	}
}

// nameClass maps a tagger type to an item class.
var nameClass = map[string]string{"PER": "person", "ORG": "organization", "LOC": "place"}

// proposeName reconciles one tagger span with the items of sentence si.
func (a *analysis) proposeName(si int, sp ner.Span) {
	class, ok := nameClass[sp.Type]
	if !ok {
		return
	}
	its := a.items[si]
	s, e := sp.Start, sp.End
	// the items the span touches, [lo, hi)
	lo, hi := len(its), 0
	for k, it := range its {
		if it.i < e && it.j > s {
			lo, hi = min(lo, k), max(hi, k+1)
		}
	}
	if lo >= hi {
		a.addName(si, s, e, class)
		return
	}
	// a title opening the span stays a title ("President Putin")
	if t := its[lo]; t.kind == itTitle {
		if t.j >= e {
			return
		}
		s, lo = t.j, lo+1
		if lo >= hi {
			a.addName(si, s, e, class)
			return
		}
	}
	for k := lo; k < hi; k++ {
		if it := its[k]; it.i < s || it.j > e || it.kind == itTitle || it.kind == itPron {
			return // an item reaching out of the span, or a title inside it: the rules know better
		}
	}
	first := its[lo]
	if hi-lo == 1 && first.i == s && first.j == e {
		if first.kind == itName && first.class == "unknown" {
			first.class = class
		}
		return // the gazetteer, or the rules, named it already
	}
	hasGaz := false
	for k := lo; k < hi; k++ {
		hasGaz = hasGaz || its[k].kind == itGaz
	}
	switch class {
	case "place":
		if hasGaz {
			return // "Lake Geneva", "Kent County": the gazetteer's places locate it
		}
	case "organization":
		// "Syrian Army": a country or place heading a name; orgs.go gives it the country
		if first.kind == itGaz && hi-lo == 2 && its[lo+1].kind == itName && its[lo+1].j == e {
			if its[lo+1].class == "unknown" {
				its[lo+1].class = class
			}
			return
		}
	}
	// one name over the whole span
	it := &item{kind: itName, sent: si, i: s, j: e, start: a.toks[si][s].Start, end: a.toks[si][e-1].End,
		class: class, locative: first.locative, possessive: its[hi-1].possessive}
	if first.kind == itName && first.i == s {
		it.gender, it.lead = first.gender, first.lead
	}
	a.items[si] = slices.Replace(its, lo, hi, it)
}

// addName adds a name the scan did not find.
func (a *analysis) addName(si, s, e int, class string) {
	toks := a.toks[si]
	it := &item{kind: itName, sent: si, i: s, j: e, start: toks[s].Start, end: toks[e-1].End, class: class}
	if e < len(toks) && isPoss(toks[e].Text) {
		it.possessive = true
	}
	its := a.items[si]
	k := 0
	for k < len(its) && its[k].i < s {
		k++
	}
	a.items[si] = slices.Insert(its, k, it)
}
