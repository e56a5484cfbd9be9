package extract

import (
	"sort"

	"github.com/geokg/geokg/schema"
)

// sentOf returns the index of the sentence holding byte pos (the last one
// starting at or before it).
func (a *analysis) sentOf(pos int) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].Start > pos })
	if i == 0 {
		return 0
	}
	return i - 1
}

// corefIndex lists the person mentions found so far in text order and marks
// the first of each sentence as its subject.
func (a *analysis) corefIndex() {
	a.persons = a.persons[:0]
	for _, x := range a.actors {
		if x.kind != schema.KindPerson {
			continue
		}
		for _, m := range x.mentions {
			a.persons = append(a.persons, pmention{pos: m.Start, sent: a.sentOf(m.Start), a: x})
		}
	}
	sort.Slice(a.persons, func(i, j int) bool {
		if a.persons[i].pos != a.persons[j].pos {
			return a.persons[i].pos < a.persons[j].pos
		}
		return a.persons[i].a.id < a.persons[j].a.id
	})
	last := -1
	for i := range a.persons {
		if a.persons[i].sent != last {
			a.persons[i].subject = true
			last = a.persons[i].sent
		}
	}
}

func compatible(x *actor, g byte) bool {
	return g == 0 || x.gender == 0 || x.gender == g
}

// resolvePronoun finds the person "he"/"she" at pos refers to: an earlier
// person of the same sentence (outside quotations), else the last speaker
// when recent, else the subject of the latest sentence naming a person.
func (a *analysis) resolvePronoun(pos int, g byte, skip func(int) bool) *actor {
	si := a.sentOf(pos)
	for k := a.personsFrom(si); k < len(a.persons) && a.persons[k].sent == si; k++ {
		m := a.persons[k]
		if m.pos < pos && compatible(m.a, g) && (skip == nil || !skip(m.pos)) {
			return m.a
		}
	}
	// the last speaker, unless a later sentence opens with another person
	var spk *pmention
	sk := sort.Search(len(a.speakers), func(i int) bool { return a.speakers[i].pos >= pos }) - 1
	for k := sk; k >= 0 && k >= sk-4; k-- {
		sp := a.speakers[k]
		if sp.pos >= pos {
			continue
		}
		if si-sp.sent <= 3 && compatible(sp.a, g) {
			spk = &a.speakers[k]
		}
		break
	}
	if subj := a.openingSubject(si, g); subj != nil && (spk == nil || subj.sent > spk.sent) {
		return subj.a
	}
	if spk != nil {
		return spk.a
	}
	for k := sort.Search(len(a.persons), func(i int) bool { return a.persons[i].pos >= pos }) - 1; k >= 0; k-- {
		m := a.persons[k]
		if m.sent >= si {
			continue
		}
		if si-m.sent > 6 {
			break
		}
		// the subject of that sentence when compatible, else this mention
		for j := a.personsFrom(m.sent); j < len(a.persons) && a.persons[j].sent == m.sent; j++ {
			if compatible(a.persons[j].a, g) {
				return a.persons[j].a
			}
		}
	}
	return nil
}

// openingSubject returns the person opening one of the three sentences
// before si ("Ukraine's President Petro Poroshenko thanked ..."): a
// mention near the start of the sentence, outside quotations.
func (a *analysis) openingSubject(si int, g byte) *pmention {
	for s := si - 1; s >= 0 && s >= si-3; s-- {
		for k := a.personsFrom(s); k < len(a.persons) && a.persons[k].sent == s; k++ {
			m := &a.persons[k]
			if m.pos-a.sents[s].Start > 60 {
				break
			}
			if compatible(m.a, g) && !a.inQuote(m.pos) {
				return m
			}
		}
	}
	return nil
}

// personsFrom returns the index of the first person mention in sentence si or later.
func (a *analysis) personsFrom(si int) int {
	return sort.Search(len(a.persons), func(i int) bool { return a.persons[i].sent >= si })
}

// resolvePronouns links every "he"/"she" to a person and lists it as a
// mention of that person.
func (a *analysis) resolvePronouns() {
	for _, its := range a.items {
		for _, it := range its {
			if it.kind != itPron || it.actor != nil {
				continue
			}
			if x := a.resolvePronoun(it.start, it.gender, a.inQuote); x != nil {
				it.actor = x
				if it.gender != 0 && x.gender == 0 {
					x.gender = it.gender
				}
			}
		}
	}
}
