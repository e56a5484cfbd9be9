package extract

import (
	"slices"
	"strings"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/ner"
	"github.com/geokg/geokg/extract/text"
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
	spans := tg.TagDocument(sents, a.lower)
	a.e.taggers.Put(tg)
	surnames := a.consistentTypes(sents, spans)
	for si, ss := range spans {
		// a Title Case headline is cased unlike the tagger's training text:
		// there it only classifies what the rules found
		mixedHead := a.headline[si] && !a.allUpper(si)
		a.splitNames(si, ss)
		for _, sp := range ss {
			a.proposeName(si, sp, mixedHead, sp.End-sp.Start == 1 && surnames[sents[si].Words[sp.Start]])
		}
	}
}

// givenNamePlaces joins a gazetteer name that is also a given name to the
// name right after it: "Sofia Lindqvist", "Georgia Halvorsen", "Jordan
// Okafor" are people, not Bulgaria, Georgia and Jordan. The next word must
// be surname-like ("Victoria Falls", "Georgia Tech" stay places), and the
// given name must not follow "in" or the like. (scan already reads a town's
// name before a surname as a given name; countries and capitals reach here,
// after the tagger, whose gazetteer features call the pair a place.)
func (a *analysis) givenNamePlaces() {
	for si, its := range a.items {
		if a.headline[si] && a.allUpper(si) {
			continue
		}
		toks := a.toks[si]
		for k := 0; k+1 < len(its); k++ {
			g, n := its[k], its[k+1]
			if g.kind != itGaz || g.j-g.i != 1 || g.locative || g.possessive || n.kind != itName || n.i != g.j ||
				n.class != "unknown" && n.class != "person" {
				continue
			}
			w := toks[g.i].Text
			gender, ok := placeGivenNames[w]
			if !ok {
				gender, ok = a.lex.firstNames[w]
			}
			if !ok || isAllCaps(w) {
				continue
			}
			surname := toks[n.i].Text
			if n.j-n.i > 2 || !a.surnameLike(surname) || len(a.gaz.Lookup(surname)) > 0 {
				continue
			}
			joined := &item{kind: itName, sent: si, i: g.i, j: n.j, start: g.start, end: n.end, class: "person",
				gender: gender, possessive: n.possessive}
			a.items[si] = slices.Replace(its, k, k+2, joined)
			its = a.items[si]
		}
	}
}

// placeGivenNames are given names that are also the names of countries or
// cities ('f' female, 'm' male, '-' either), for givenNamePlaces.
var placeGivenNames = map[string]byte{"Sofia": 'f', "Sophia": 'f', "Georgia": 'f', "Victoria": 'f', "Florence": 'f',
	"Paris": 'f', "Jordan": '-', "Chad": 'm', "Israel": 'm', "India": 'f', "Regina": 'f', "Sydney": '-', "Dallas": 'm',
	"Adelaide": 'f', "Carolina": 'f', "Virginia": 'f', "Dakota": '-', "Savannah": 'f', "Charlotte": 'f',
	"Madison": 'f', "Lincoln": 'm', "Troy": 'm', "Eugene": 'm', "Alexandria": 'f', "Orlando": 'm', "Kingston": 'm',
	"Marion": '-', "Aurora": 'f', "Hamilton": 'm', "Warren": 'm', "Valencia": 'f', "Lorraine": 'f', "Helena": 'f',
	"Santiago": 'm', "Salvador": 'm', "Denver": 'm', "Austin": 'm', "Houston": 'm', "Cameron": 'm', "Lourdes": 'f',
	"Roma": 'f', "Milan": 'm'}

// leadDeterminers start a sentence's noun phrase, never a name.
var leadDeterminers = map[string]bool{"A": true, "An": true, "This": true, "That": true, "These": true, "Those": true}

// sureMargin is the tagger margin above which its type overrides the
// class the hand rules gave a name, or a gazetteer place's kind.
const sureMargin = 25

// leanMargin is the least margin at which the tagger's type classifies a
// name the rules left unclassified, or adds a name the rules missed.
const leanMargin = 8

// consistentTypes makes the types of an article's names agree. A name of
// several words keeps the type it had where the article introduced it. A
// one-word name takes the type its mentions vote for, except that the last
// word of a person named in full is that person's surname ("Parnevik" after
// "Jesper Parnevik") and the first or last word of an organisation's name
// is its short name ("Rotor" after "Rotor Volgograd"). It returns the
// surnames.
func (a *analysis) consistentTypes(sents []ner.Sentence, spans [][]ner.Span) map[string]bool {
	surnames := map[string]bool{}
	short := map[string]float32{} // first and last words of organisation names -> margin
	for si, ss := range spans {
		for _, sp := range ss {
			ws := sents[si].Words
			switch {
			case sp.End-sp.Start < 2:
			case sp.Type == "PER":
				surnames[ws[sp.End-1]] = true
			case sp.Type == "ORG":
				for _, w := range []string{ws[sp.Start], ws[sp.End-1]} {
					if isCap(w) && !gazetteer.IsCommonWord(w) && !a.commonWord(w) && len(a.gaz.Lookup(w)) == 0 {
						short[w] = max(short[w], sp.Margin)
					}
				}
			}
		}
	}
	first := map[string]string{}      // a name of several words -> its type where first met
	votes := map[string]*[4]float32{} // a one-word name -> summed margins per type
	for si, ss := range spans {
		for k, sp := range ss {
			name := strings.Join(sents[si].Words[sp.Start:sp.End], " ")
			if sp.End-sp.Start == 1 {
				v := votes[name]
				if v == nil {
					v = &[4]float32{}
					votes[name] = v
				}
				v[slices.Index(nerTypes, ss[k].Type)] += sp.Margin
			} else if t, ok := first[name]; ok {
				ss[k].Type = t
			} else {
				first[name] = sp.Type
			}
		}
	}
	// votes are weighed by margin, and a winning organisation or place is
	// as sure as its votes together ("Kent" the county cricket side throughout)
	for si, ss := range spans {
		for k, sp := range ss {
			if sp.End-sp.Start != 1 {
				continue
			}
			v := votes[sents[si].Words[sp.Start]]
			best := 0
			for t := range v {
				if v[t] > v[best] {
					best = t
				}
			}
			ss[k].Type = nerTypes[best]
			if ss[k].Type != "PER" { // a lone word is a person only on its own evidence
				ss[k].Margin = max(sp.Margin, v[best])
			}
			w := sents[si].Words[sp.Start]
			if m, ok := short[w]; ok && !surnames[w] {
				// "Rotor" after "Rotor Volgograd", "Eagles" after "Philadelphia Eagles"
				ss[k].Type, ss[k].Margin = "ORG", max(ss[k].Margin, m)
			}
			if surnames[w] {
				ss[k].Type = "PER"
			}
		}
	}
	return surnames
}

// splitNames cuts a capitalised run the rules took for one name where the
// tagger sees several names, or a name with words around it that are none
// ("Shares of Harwell Bank", "Acme Inc and Bolt Corp").
func (a *analysis) splitNames(si int, ss []ner.Span) {
	its := a.items[si]
	for k := 0; k < len(its); k++ {
		it := its[k]
		if it.kind != itName || it.lead > 0 || it.actor != nil {
			continue
		}
		var in []ner.Span
		sure := true
		for _, sp := range ss {
			if sp.Start < it.j && sp.End > it.i {
				if sp.Start < it.i || sp.End > it.j || nameClass[sp.Type] == "" {
					in = nil
					break
				}
				in = append(in, sp)
				sure = sure && sp.Margin >= sureMargin
			}
		}
		if len(in) == 0 || !sure || len(in) == 1 && in[0].Start == it.i && in[0].End == it.j {
			continue
		}
		if last := in[len(in)-1]; last.End == it.j && it.class != "unknown" && it.class != "" && nameClass[last.Type] != it.class {
			continue // "Second Thomas Shoal": the head word the rules read says what it is
		}
		toks := a.toks[si]
		if !a.onlyCommonBetween(toks, it, in) {
			continue // "Fahd Jassem al-Freij": what the tagger left out reads as a name too
		}
		var parts []*item
		for _, sp := range in {
			parts = append(parts, &item{kind: itName, sent: si, i: sp.Start, j: sp.End, start: toks[sp.Start].Start, end: toks[sp.End-1].End,
				class: nameClass[sp.Type], locative: it.locative && sp.Start == it.i, possessive: sp.End < len(toks) && isPoss(toks[sp.End].Text)})
		}
		its = slices.Replace(its, k, k+1, parts...)
		k += len(parts) - 1
	}
	a.items[si] = its
}

// nerTypes are the tagger's types, in a fixed order.
var nerTypes = []string{"PER", "ORG", "LOC", "MISC"}

// nameClass maps a tagger type to an item class.
var nameClass = map[string]string{"PER": "person", "ORG": "organization", "LOC": "place"}

// proposeName reconciles one tagger span with the items of sentence si.
func (a *analysis) proposeName(si int, sp ner.Span, mixedHead, surname bool) {
	class, ok := nameClass[sp.Type]
	if !ok {
		return
	}
	its := a.items[si]
	s, e := sp.Start, sp.End
	for s < e-1 && leadDeterminers[a.toks[si][s].Text] {
		s++ // "An Idlib airstrike": an article or demonstrative opens no name
	}
	if a.inProvenance(a.toks[si][s].Start, a.toks[si][e-1].End) {
		return // a byline, credit or dateline outlet: provenance, never an actor
	}
	if w := a.toks[si][s].Text; e-s == 1 && (a.lex.notNames[w] || mediaWords[w]) {
		return // one word that is never a name ("GPS") or only an outlet's kind ("(Wire)")
	}
	if class != "person" && a.lex.thingWords[a.toks[si][e-1].Text] {
		return // "Free Trade Agreement": the name of a thing
	}
	// the items the span touches, [lo, hi)
	lo, hi := len(its), 0
	for k, it := range its {
		if it.i < e && it.j > s && it.i < it.j {
			lo, hi = min(lo, k), max(hi, k+1)
		}
	}
	if lo >= hi {
		if !mixedHead && sp.Margin >= leanMargin {
			a.addName(si, s, e, class)
		}
		return
	}
	// a title opening the span stays a title ("President Putin")
	if t := its[lo]; t.kind == itTitle {
		if t.j >= e {
			return
		}
		s, lo = t.j, lo+1
		if lo >= hi {
			if !mixedHead && sp.Margin >= leanMargin {
				a.addName(si, s, e, class)
			}
			return
		}
	}
	// "Maren T." by the rules and "T. Chile" by the tagger: a name the
	// rules did not call anything else, the person is the union
	if class == "person" {
		if f := its[lo]; f.kind == itName && (f.class == "person" || f.class == "unknown") && f.i < s {
			s = f.i
		}
		if l := its[hi-1]; l.kind == itName && (l.class == "person" || l.class == "unknown") && l.j > e {
			e = l.j
		}
	}
	for k := lo; k < hi; k++ {
		if it := its[k]; it.i < s || it.j > e || it.kind == itTitle || it.kind == itPron {
			return // an item reaching out of the span, or a title inside it: the rules know better
		}
	}
	first := its[lo]
	if class != "person" && lo > 0 && its[lo-1].kind == itTitle && its[lo-1].j == s {
		return // "Assistant Secretary of State Victoria Nuland": a title names a person
	}
	if hi-lo == 1 && first.i == s && first.j == e {
		switch {
		case first.kind == itName && first.class == "unknown" && e-s == 1 && class == "person" && sp.Margin < sureMargin:
			// a lone word is a person only when the tagger is sure ("Rohingya refugees" is no one)
		case first.kind == itName && (first.class == "unknown" && sp.Margin >= leanMargin || sp.Margin >= sureMargin && a.weakClass(first)):
			first.class = class
		case first.kind == itGaz && surname && !first.locative && !mixedHead:
			// "Chile said": the surname of "Maren T. Chile", not the country
			first.kind, first.class, first.ents = itName, "unknown", nil
		case first.kind == itGaz && class == "organization" && sp.Margin >= sureMargin && isPlaceOnly(first.ents) && !mixedHead:
			// "Leeds beat Newcastle": a town's name that plays as a team
			first.kind, first.class, first.ents = itName, class, nil
		}
		return // the gazetteer, or the rules, named it already
	}
	if mixedHead {
		return
	}
	hasGaz := false
	for k := lo; k < hi; k++ {
		if its[k].kind == itGaz && !isCountryLikePlace(its[k].ents) {
			return // "Pro-Iranian Hizbollah": a known organisation inside is who it is
		}
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
		// "Serbian Workers' Union", "Danish Web": the country word stays in
		// front of one name, which orgs.go then places in that country
		if first.kind == itGaz && first.i == s && isCountryOnly(first.ents) && first.j < e && !a.commonPhrase(si, first.j, e) {
			toks := a.toks[si]
			it := &item{kind: itName, sent: si, i: first.j, j: e, start: toks[first.j].Start, end: toks[e-1].End,
				class: class, possessive: its[hi-1].possessive}
			a.items[si] = slices.Replace(its, lo+1, hi, it)
			return
		}
	}
	if class == "organization" && a.commonPhrase(si, s, e) {
		return // "Memorandum of Understanding": common words joined, no organisation word
	}
	// one name over the whole span
	it := &item{kind: itName, sent: si, i: s, j: e, start: a.toks[si][s].Start, end: a.toks[si][e-1].End,
		class: class, locative: first.locative, possessive: its[hi-1].possessive}
	if first.kind == itName && first.i == s {
		it.gender, it.lead = first.gender, first.lead
	}
	a.items[si] = slices.Replace(its, lo, hi, it)
}

// isCountryLikePlace reports gazetteer entries that are countries or places,
// no organisation, group or outlet.
func isCountryLikePlace(es []gazetteer.Entry) bool {
	for _, e := range es {
		if e.Type != gazetteer.TypeCountry && e.Type != gazetteer.TypePlace {
			return false
		}
	}
	return true
}

// isCountryOnly reports gazetteer entries that are all countries.
func isCountryOnly(es []gazetteer.Entry) bool {
	for _, e := range es {
		if e.Type != gazetteer.TypeCountry {
			return false
		}
	}
	return len(es) > 0
}

// commonPhrase reports words [s, e) whose capitalised ones are all common
// words, without an organisation word at the end.
func (a *analysis) commonPhrase(si, s, e int) bool {
	toks := a.toks[si]
	if a.lex.orgWords[toks[e-1].Text] != "" {
		return false
	}
	for k := s; k < e; k++ {
		w := toks[k].Text
		if isCap(w) && !gazetteer.IsCommonWord(w) && !a.commonWord(w) {
			return false
		}
	}
	return true
}

// weakClass reports a class the rules guessed from a given name ("Douglas
// & Lomason") or from capitals alone ("NAPM"), not read from a head word
// ("Thomas Shoal") or an honorific.
func (a *analysis) weakClass(it *item) bool {
	switch {
	case it.lead > 0:
		return false
	case it.class == "person":
		return true
	case it.class == "organization" && it.j-it.i == 1:
		return isAllCaps(a.toks[it.sent][it.i].Text)
	}
	return false
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

// onlyCommonBetween reports that the words of item it outside the spans are
// lower-case or common words ("Shares of", "and"), no part of a name.
func (a *analysis) onlyCommonBetween(toks []text.Token, it *item, in []ner.Span) bool {
	k := 0
	for x := it.i; x < it.j; x++ {
		for k < len(in) && in[k].End <= x {
			k++
		}
		if k < len(in) && in[k].Start <= x {
			continue
		}
		w := toks[x].Text
		if prefixedName(w) || isCap(w) && !a.commonWord(w) && !gazetteer.IsCommonWord(w) {
			return false
		}
	}
	return true
}
