package extract

import (
	"sort"
	"strings"

	"github.com/geokg/geokg/extract/events"
	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/schema"
)

// inQuote reports whether pos lies inside a direct quotation.
func (a *analysis) inQuote(pos int) bool {
	return a.quoteAt(pos) >= 0
}

// quoteAt returns the index in a.quoted of the direct quotation holding pos, or -1.
func (a *analysis) quoteAt(pos int) int {
	i := sort.Search(len(a.quoted), func(i int) bool { return a.quoted[i][0] > pos }) - 1
	for k := i; k >= 0 && k >= i-3; k-- {
		if a.quoted[k][0] <= pos && pos < a.quoted[k][1] {
			return k
		}
	}
	return -1
}

// itemsIn returns the items of the sentences overlapping [s, e) that lie
// inside [s, e).
func (a *analysis) itemsIn(s, e int) []*item {
	var out []*item
	for si := a.sentOf(s); si < len(a.sents) && a.sents[si].Start < e; si++ {
		for _, it := range a.items[si] {
			if it.start >= s && it.end <= e {
				out = append(out, it)
			}
		}
	}
	return out
}

// itemsOverlapping returns the items overlapping [s, e).
func (a *analysis) itemsOverlapping(s, e int) []*item {
	var out []*item
	for si := a.sentOf(s); si < len(a.sents) && a.sents[si].Start < e; si++ {
		for _, it := range a.items[si] {
			if it.start < e && it.end > s {
				out = append(out, it)
			}
		}
	}
	return out
}

// speakerOf resolves a speaker phrase to an actor (namedSpeaker), else to
// the actor the phrase describes (describedSpeaker).
func (a *analysis) speakerOf(sp quotes.Span) *actor {
	if x := a.namedSpeaker(sp); x != nil {
		return x
	}
	return a.describedSpeaker(sp)
}

// namedSpeaker resolves a speaker phrase to an actor: the first person named
// in it, else an organisation or group, else a country; a pronoun resolves
// to the person it refers to.
func (a *analysis) namedSpeaker(sp quotes.Span) *actor {
	if sp.Empty() || sp.Start < 0 || sp.End > len(a.text) {
		return nil
	}
	its := a.itemsOverlapping(sp.Start, sp.End)
	var org, country *actor
	for _, it := range its {
		if it.actor == nil {
			continue
		}
		switch it.actor.kind {
		case schema.KindPerson:
			return it.actor
		case schema.KindOrganization, schema.KindGroup:
			if org == nil {
				org = it.actor
			}
		case schema.KindCountry:
			if country == nil {
				country = it.actor
			}
		}
	}
	for _, it := range its {
		if it.kind == itPron {
			x := a.resolvePronoun(it.start, it.gender, a.inQuote)
			if x != nil {
				it.actor = x
			}
			return x
		}
	}
	if org != nil {
		return org
	}
	if country != nil {
		return country
	}
	if x := a.bodyOfPlace(sp); x != nil {
		return x
	}
	// a name tail not yet seen as a name ("Freij")
	words := strings.Fields(a.text[sp.Start:sp.End])
	if n := len(words); n > 0 && isCap(words[n-1]) {
		if x := a.findPersonTail([]string{strings.Trim(words[n-1], ",.;:")}); x != nil {
			return x
		}
		if n == 1 {
			if x := a.personByFirst(strings.Trim(words[0], ",.;:")); x != nil {
				x.addMention(a.text, sp.Start, sp.Start+len(strings.TrimRight(words[0], ",.;:")))
				return x
			}
		}
	}
	// a speaker known by a given name only ("Melanie said")
	for _, it := range its {
		if it.kind == itName && it.actor == nil && it.j-it.i == 1 && it.start >= sp.Start && it.end <= sp.End {
			w := a.text[it.start:it.end]
			if _, fn := a.lex.firstNames[w]; fn {
				if x := a.addPerson([]string{w}, a.lex.firstNames[w]); x != nil {
					x.addMention(a.text, it.start, it.end)
					it.actor = x
					return x
				}
			}
		}
	}
	return nil
}

// bodyOfPlace resolves a speaker that is a body of a place ("Liege police",
// "officials in Hangzhou", "Bonn's foreign ministry") to the place's country,
// as for an event's side (bodyPlaces); the place's name is the country's
// mention there.
func (a *analysis) bodyOfPlace(sp quotes.Span) *actor {
	for _, it := range a.bodyPlaces(a.sentOf(sp.Start), events.Span{Start: sp.Start, End: sp.End}) {
		if x := a.countryActor(it.place.country); x != nil {
			x.addMention(a.text, it.start, it.end)
			return x
		}
	}
	return nil
}

// buildStatements turns quotations and reported speech into statements with
// resolved speakers.
func (a *analysis) buildStatements() {
	all := quotes.Find(a.text, a.sents)
	qs := all[:0]
	for _, q := range all {
		if q.Content.Empty() || q.Content.Start < 0 || q.Content.End > len(a.text) {
			continue
		}
		if q.Content = a.afterProvenance(q.Content); q.Content.Empty() {
			continue
		}
		if q.Label && a.namedSpeaker(q.Speaker) == nil {
			continue // "Scorers: …", "Fax: …": a field label, not a speaker
		}
		qs = append(qs, q)
	}
	sort.SliceStable(qs, func(i, j int) bool { return qs[i].Content.Start < qs[j].Content.Start })
	// one statement per content span
	uniq := qs[:0]
	for i, q := range qs {
		if i > 0 && q.Content == qs[i-1].Content {
			continue
		}
		uniq = append(uniq, q)
	}
	qs = uniq
	// first pass: statements without speakers, so inQuote works for pronouns
	for _, q := range qs {
		if q.Content.Empty() || q.Content.Start < 0 || q.Content.End > len(a.text) {
			continue
		}
		kind := schema.StatementIndirect
		if q.Kind == quotes.Direct && a.wholeQuote(q.Content.Start) {
			kind = schema.StatementDirect
		}
		a.statements = append(a.statements, schema.Statement{Kind: kind, Text: a.text[q.Content.Start:q.Content.End],
			Evidence: schema.Span{Start: q.Content.Start, End: q.Content.End, Text: a.text[q.Content.Start:q.Content.End]},
			About:    []string{}})
	}
	for i, q := range qs {
		if a.statements[i].Kind != schema.StatementDirect {
			continue
		}
		if len(q.Parts) == 0 {
			a.quoted = append(a.quoted, [2]int{q.Content.Start, q.Content.End})
		}
		for _, p := range q.Parts {
			if p.Start >= 0 && p.End <= len(a.text) && p.Start < p.End {
				a.quoted = append(a.quoted, [2]int{p.Start, p.End})
			}
		}
	}
	sort.Slice(a.quoted, func(i, j int) bool { return a.quoted[i][0] < a.quoted[j][0] })
	k := 0
	var prev *actor
	for _, q := range qs {
		if q.Content.Empty() || q.Content.Start < 0 || q.Content.End > len(a.text) {
			continue
		}
		st := &a.statements[k]
		k++
		var x *actor
		switch {
		case !q.Speaker.Empty():
			x = a.speakerOf(q.Speaker)
		case q.Inherit:
			x = prev
		}
		conf := q.Confidence
		if conf <= 0 {
			conf = 0.5
		}
		if x != nil {
			id := x.id
			st.Speaker = &id
			pos := q.Speaker.Start
			if q.Speaker.Empty() {
				pos = q.Content.Start
			}
			if x.kind == schema.KindPerson {
				pm := pmention{pos: pos, sent: a.sentOf(pos), a: x}
				at := sort.Search(len(a.speakers), func(i int) bool { return a.speakers[i].pos > pos })
				a.speakers = append(a.speakers, pmention{})
				copy(a.speakers[at+1:], a.speakers[at:])
				a.speakers[at] = pm
			}
			prev = x
		} else {
			conf *= 0.7
		}
		st.Confidence = round2(conf)
		about := map[string]bool{}
		for _, it := range a.itemsIn(q.Content.Start, q.Content.End) {
			if it.actor != nil && it.actor != x && it.kind != itPron {
				about[it.actor.id] = true
			}
		}
		for id := range about {
			st.About = append(st.About, id)
		}
		sort.Strings(st.About)
	}
}

func round2(f float64) float64 {
	if f > 1 {
		f = 1
	}
	if f < 0 {
		f = 0
	}
	return float64(int(f*100+0.5)) / 100
}

// wholeQuote reports content that opens right after a quotation mark: a
// quotation, not reported speech holding a quoted phrase.
func (a *analysis) wholeQuote(start int) bool {
	t := a.text[:start]
	t = strings.TrimRight(t, " ")
	for _, q := range []string{"\"", "“", "”", "‘", "'", "«", "`", "„"} {
		if strings.HasSuffix(t, q) {
			return true
		}
	}
	return false
}

// speakersBySentence returns, for every sentence, the speakers of the
// statements whose evidence overlaps it, in statement order. It is one pass
// over the statements (each located by binary search), so its cost does not
// grow with sentences × statements.
func (a *analysis) speakersBySentence() [][]string {
	out := make([][]string, len(a.sents))
	for i := range a.statements {
		st := &a.statements[i]
		if st.Speaker == nil {
			continue
		}
		// the first sentence that ends after the evidence starts
		si := sort.Search(len(a.sents), func(k int) bool { return a.sents[k].End > st.Evidence.Start })
		for ; si < len(a.sents) && a.sents[si].Start < st.Evidence.End; si++ {
			out[si] = append(out[si], *st.Speaker)
		}
	}
	return out
}

// statementAt returns the direct statement whose content holds pos, or nil.
func (a *analysis) statementAt(pos int) *schema.Statement {
	if a.quoteAt(pos) < 0 {
		return nil
	}
	i := sort.Search(len(a.statements), func(i int) bool { return a.statements[i].Evidence.Start > pos }) - 1
	for k := i; k >= 0 && k >= i-8; k-- {
		st := &a.statements[k]
		if st.Kind == schema.StatementDirect && st.Evidence.Start <= pos && pos < st.Evidence.End {
			return st
		}
	}
	return nil
}
