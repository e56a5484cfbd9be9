package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/geokg/geokg/extract/events"
	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/timex"
	"github.com/geokg/geokg/schema"
)

// actorsIn returns the ids of the actors mentioned inside [s, e) of sentence
// si, in text order, pronouns resolved; places are not actors unless they
// are countries.
func (a *analysis) actorsIn(si, s, e int) []string {
	var out []string
	seen := map[string]bool{}
	for _, it := range a.items[si] {
		if it.start < s || it.end > e {
			continue
		}
		x := it.actor
		if x == nil && it.kind == itPron {
			x = a.resolvePronoun(it.start, it.gender, a.inQuote)
		}
		if x != nil && x.media && a.inParens(si, it) {
			continue // the agency in a dateline "(Reuters)"
		}
		if x != nil && a.ethnic(si, it) {
			continue // "ethnic Albanians" are a people, not Albania
		}
		if x == nil || seen[x.id] {
			continue
		}
		seen[x.id] = true
		out = append(out, x.id)
	}
	// "with his Russian counterpart, Sergei Shoigu": the name in apposition
	// just after the span belongs to it
	toks := a.toks[si]
	for k, t := range toks {
		if t.End != e || !strings.HasPrefix(strings.ToLower(t.Text), "counterpart") {
			continue
		}
		for _, it := range a.items[si] {
			if it.start >= e && it.actor != nil && it.actor.kind == schema.KindPerson && it.i <= k+3 {
				if !seen[it.actor.id] {
					out = append(out, it.actor.id)
				}
				break
			}
		}
	}
	return out
}

// eventPlace picks the place of an event in sentence si: a place after the
// trigger introduced by a locative preposition, else one before it, else
// any place of the sentence, nearest first.
func (a *analysis) eventPlace(si int, trig events.Span, quoted, near bool) *place {
	var best *place
	bestScore := -1 << 30
	for _, it := range a.items[si] {
		if it.place == nil || (!quoted && a.inQuote(it.start)) {
			continue
		}
		// an event referred back to ("the attack came a day after talks
		// in Geneva") takes only a place of its own phrase
		if near && !a.within(si, trig.End, it.start, 3) && !a.within(si, it.end, trig.Start, 1) {
			continue
		}
		d := it.start - trig.End
		score := 0
		if d >= 0 {
			score = 1000 - d/10
		} else {
			d = trig.Start - it.end
			score = 500 - d/10
		}
		if it.locative {
			score += 400
		}
		switch it.place.kind {
		case schema.LocCity, schema.LocFacility:
			score += 30
		case schema.LocAdmin1:
			score += 20
		case schema.LocCountry:
			score -= 50
		}
		if score > bestScore {
			best, bestScore = it.place, score
		}
	}
	return best
}

// eventDate picks the date expression of sentence si nearest to the
// trigger; only day-precise dates are kept.
func (a *analysis) eventDate(si int, trig events.Span, ms []timex.Match) string {
	s := a.sents[si]
	best, bestD := "", 1<<30
	for _, m := range ms {
		if m.Grain != timex.Day {
			continue
		}
		ms, me := s.Start+m.Start, s.Start+m.End
		d := ms - trig.End
		if d < 0 {
			d = trig.Start - me
		}
		if d < 0 {
			d = 0
		}
		if d < bestD {
			best, bestD = m.Date.Format("2006-01-02"), d
		}
	}
	return best
}

// materialTypes are events done to someone, and threats of them (not said
// or agreed about something): their object is a side, not a topic.
var materialTypes = map[string]bool{"ASSAULT": true, "COERCE": true, "PROTEST": true, "AID": true, "SANCTION": true, "THREATEN": true,
	"CONCEDE": true, "RETREAT": true, "COOPERATE": true, "MOBILIZE": true}

// outsideDates drops the numbers that are part of a date expression ("10
// years ago Sunday" is a date, not a quantity); dates are relative to the
// sentence start base.
func outsideDates(nums []events.Number, dates []timex.Match, base int) []events.Number {
	out := nums[:0]
	for _, n := range nums {
		in := false
		for _, m := range dates {
			if n.Start < base+m.End && base+m.Start < n.End {
				in = true
				break
			}
		}
		if !in {
			out = append(out, n)
		}
	}
	return out
}

// offsetDate dates an event of sentence si that says when it happened
// relative to another one ("a day after the attack"): the offset from the
// latest dated event of the sentences before. Without an offset, or with no
// dated event before, it is "".
func (a *analysis) offsetDate(si int) string {
	s := a.sents[si]
	offs := timex.Offsets(a.text[s.Start:s.End])
	if len(offs) == 0 {
		return ""
	}
	var anchor *string
	for i := range a.events {
		if a.events[i].Date != nil {
			anchor = a.events[i].Date
		}
	}
	if anchor == nil {
		return ""
	}
	t, err := time.Parse("2006-01-02", *anchor)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, offs[0].Days).Format("2006-01-02")
}

var verbalTypes = map[string]bool{"ACCUSE": true, "THREATEN": true, "REJECT": true, "REQUEST": true}

// subjectBefore is the fallback initiator of an event whose agent was not
// found: the first person (else actor) named before the trigger in the
// sentence, outside quotations and not as a place.
func (a *analysis) subjectBefore(si, pos int, skip []string) []string {
	// in a relative clause ("Macedonia, which is preparing an offensive")
	// the subject is the antecedent, or no one the sentence names
	for k := len(a.toks[si]) - 1; k >= 0; k-- {
		t := a.toks[si][k]
		if t.End > pos {
			continue
		}
		if w := strings.ToLower(t.Text); w != "which" && w != "who" {
			continue
		}
		ante := t.Start
		if k > 0 && a.toks[si][k-1].Text == "," {
			ante = a.toks[si][k-1].Start
		}
		for _, it := range a.items[si] {
			if it.actor != nil && it.end <= ante && a.within(si, it.end, ante, 0) && !contains(skip, it.actor.id) {
				return []string{it.actor.id}
			}
		}
		return nil
	}
	var first *actor
	for _, it := range a.items[si] {
		if it.start >= pos {
			break
		}
		if it.actor == nil || it.actor.media || it.locative || a.inQuote(it.start) || a.inParens(si, it) || contains(skip, it.actor.id) || a.ethnic(si, it) {
			continue
		}
		if it.actor.kind == schema.KindPerson {
			return []string{it.actor.id}
		}
		if first == nil {
			first = it.actor
		}
	}
	if first != nil {
		return []string{first.id}
	}
	return nil
}

// metonymPlace returns the city of a capital standing right before a
// nominal trigger ("the Kyiv attack", "the Moscow bombing"), or nil.
func (a *analysis) metonymPlace(si int, agent events.Span, trigStart int) *place {
	for _, it := range a.items[si] {
		if it.start < agent.Start || it.end > agent.End || it.kind != itGaz || len(it.ents) == 0 {
			continue
		}
		if it.ents[0].Match != gazetteer.MatchMetonym || !a.within(si, it.end, trigStart, 1) {
			return nil
		}
		e, ok := firstOfType(it.ents, gazetteer.TypePlace)
		if !ok {
			return nil
		}
		p := a.getPlace(e)
		p.addMention(a.text, it.start, it.end)
		return p
	}
	return nil
}

// placeModifier returns the place named right before a nominal trigger in
// its agent span ("an Idlib airstrike"), or nil.
func (a *analysis) placeModifier(si int, agent events.Span, trigStart int) *place {
	for _, it := range a.items[si] {
		if it.start >= agent.Start && it.end <= agent.End && it.place != nil && it.actor == nil && a.within(si, it.end, trigStart, 1) {
			return it.place
		}
	}
	return nil
}

// noPublisher drops the article's publisher from a side of an event.
func (a *analysis) noPublisher(ids []string) []string {
	return a.without(ids, func(x *actor) bool { return x.publisher })
}

// noMedia drops news outlets from a side of an event.
func (a *analysis) noMedia(ids []string) []string {
	return a.without(ids, func(x *actor) bool { return x.media })
}

// without returns the ids whose actor drop does not report.
func (a *analysis) without(ids []string, drop func(*actor) bool) []string {
	var out []string
	for _, id := range ids {
		if x := a.byID[id]; x == nil || !drop(x) {
			out = append(out, id)
		}
	}
	return out
}

// reciprocal reports a patient "each other" or "one another".
func reciprocal(text string, sp events.Span) bool {
	if sp.Empty() {
		return false
	}
	p := strings.ToLower(text[sp.Start:sp.End])
	return strings.HasPrefix(p, "each other") || strings.HasPrefix(p, "one another")
}

// targetsOf lists the targets of events.
func targetsOf(evs []schema.Event) []string {
	var out []string
	for _, ev := range evs {
		out = append(out, ev.Target...)
	}
	return out
}

// inParens reports an item written in parentheses: "(Reuters)", "(UNIFIL)".
func (a *analysis) inParens(si int, it *item) bool {
	return a.tokAt(si, it.i-1) == "(" && a.tokAt(si, it.j) == ")"
}

// noTargetTypes are events whose target is not simply the next actor named
// ("deployed 800 troops to the border with Russia").
var noTargetTypes = map[string]bool{"MOBILIZE": true, "RETREAT": true}

var symmetricTypes = map[string]bool{"CONSULT": true, "COOPERATE": true, "AGREE": true}

func hasFatalNumber(ns []events.Number) bool {
	for _, n := range ns {
		if n.Fatalities {
			return true
		}
	}
	return false
}

// inName reports whether byte pos of sentence si lies in the name of an
// actor or place ("Ban" of Ban Ki-moon, "Strike" of a team name).
func (a *analysis) inName(si, pos int) bool {
	for _, it := range a.items[si] {
		if (it.actor != nil || it.place != nil) && it.start <= pos && pos < it.end {
			return true
		}
	}
	return false
}

// attribution reports whether the name at byte pos is the source of the
// sentence's information ("…, according to the Observatory"), not a party.
func (a *analysis) attribution(pos int) bool {
	before := strings.ToLower(strings.TrimRight(a.text[max(0, pos-20):pos], " "))
	before = strings.TrimSuffix(before, " the")
	return strings.HasSuffix(before, "according to")
}

// itemStart is where the first mention of actor id in sentence si starts.
func (a *analysis) itemStart(si int, id string) int {
	for _, it := range a.items[si] {
		if it.actor != nil && it.actor.id == id {
			return it.start
		}
	}
	return -1
}

// within reports whether at most n words of sentence si lie between bytes
// from and to.
func (a *analysis) within(si, from, to, n int) bool {
	if to < from {
		return false
	}
	words := 0
	for _, t := range a.toks[si] {
		if t.Start >= from && t.End <= to {
			words++
		}
	}
	return words <= n
}

// actorsOutside lists the actors of sentence si after byte from (all of
// them when from < 0) that are not in quotations, not places and not in skip.
func (a *analysis) actorsOutside(si, from int, skip []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, id := range skip {
		seen[id] = true
	}
	for _, it := range a.items[si] {
		if it.start < from || it.actor == nil || it.actor.media || it.locative || a.inQuote(it.start) || seen[it.actor.id] || a.ethnic(si, it) ||
			a.inParens(si, it) || a.attribution(it.start) {
			continue
		}
		seen[it.actor.id] = true
		out = append(out, it.actor.id)
	}
	return out
}

// possessorBefore resolves an agent that is the possessive "its" to the
// nearest country, organisation or group named before it in the sentence;
// nil for any other agent ("their" often stands for people: "Bosnian Serbs
// said their forces …").
func (a *analysis) possessorBefore(si int, agent events.Span) []string {
	if w := strings.ToLower(strings.TrimSpace(a.text[agent.Start:agent.End])); w != "its" {
		return nil
	}
	var best *actor
	for _, it := range a.items[si] {
		if it.end > agent.Start {
			break
		}
		if x := it.actor; x != nil && x.kind != schema.KindPerson && !x.media && !strings.HasPrefix(x.id, "speaker:") {
			best = x
		}
	}
	if best == nil {
		return nil
	}
	return []string{best.id}
}

// tokenAt returns the index of the first token of sentence si that starts
// at or after byte pos.
func (a *analysis) tokenAt(si, pos int) int {
	toks := a.toks[si]
	return sort.Search(len(toks), func(k int) bool { return toks[k].Start >= pos })
}

// partnerAfter returns the actors of a "with"/"between" phrase that
// follows the trigger ending at pos in its clause (within six words, no
// comma between; up to a relative clause): the partner of a generic verb
// ("discussed the issue with French President Emmanuel Macron").
func (a *analysis) partnerAfter(si, pos int) []string {
	toks := a.toks[si]
	k := a.tokenAt(si, pos)
	for j := k; j < len(toks) && j < k+6; j++ {
		switch strings.ToLower(toks[j].Text) {
		case ",", ";", ".":
			return nil
		case "with", "between":
			// the actors of the noun phrase right after it (a determiner or
			// a title may come first), up to its clause's end or a relative
			// clause
			end := a.sents[si].End
			for e := j + 1; e < len(toks); e++ {
				if t := strings.ToLower(toks[e].Text); t == "," || t == ";" || t == "." || t == "who" || t == "which" || t == "that" || t == "where" {
					end = toks[e].Start
					break
				}
			}
			near := false
			for _, it := range a.items[si] {
				if it.actor != nil && it.i > j && it.i <= j+3 {
					near = true
				}
			}
			if !near {
				return nil
			}
			return a.actorsIn(si, toks[j].End, end)
		}
	}
	return nil
}

// minShare is the share of the sentence's surest trigger confidence another
// trigger needs to be an event of its own.
const minShare = 0.5

var fatalTypes = map[string]bool{"ASSAULT": true, "COERCE": true}

// buildEvents types the events of every sentence and fills in their
// actors, place, date and numbers.
func (a *analysis) buildEvents() {
	speakersOf := a.speakersBySentence()
	for si, s := range a.sents {
		if a.headline[si] {
			continue
		}
		toks := a.toks[si]
		trigs := events.Supported(events.Find(a.text, toks))
		if len(trigs) == 0 {
			continue
		}
		// without a publication date a.pub is zero: only absolute dates resolve
		dates := timex.Find(a.text[s.Start:s.End], a.pub)
		nums := outsideDates(events.Numbers(a.text, toks), dates, s.Start)
		speakers := speakersOf[si]
		var evs []schema.Event
		var spans []events.Span
		var evTrigs []events.Trigger
		top := 0.0
		fatal := hasFatalNumber(nums)
		offset := a.offsetDate(si) // the events before this sentence date "a day after"
		for i, tr := range trigs {
			if tr.Negated && !a.afterWithout(si, tr.Start) {
				// "refused to meet", "did not agree": the REJECT it states
				// (not "without providing evidence", a manner); a negated
				// attack stays negated and is dropped
				rej := events.Asserted(tr)
				rej.Embedded = tr.Embedded && rej.Negated
				trigs[i] = rej
			}
			if tr := trigs[i]; !tr.Embedded && !tr.Negated && !tr.Object {
				top = max(top, tr.Confidence)
			}
		}
		for _, tr := range trigs {
			if tr.Embedded || tr.Negated || tr.Type == "" || a.inName(si, tr.Start) {
				continue
			}
			if tr.Object && !(fatal && fatalTypes[tr.Type]) {
				continue // "rejected an Indian proposal"; but "condemned the bombing that killed 12" keeps the bombing
			}
			if tr.Background && !(fatal && fatalTypes[tr.Type]) && a.eventPlace(si, tr.Span, false, true) == nil {
				// "since last month's invasion", "…, where riots had raged":
				// background, unless told with its own place ("after talks
				// in Tokyo with …") or its dead
				continue
			}
			if tr.Confidence < minShare*top && !(fatal && fatalTypes[tr.Type]) {
				// a side remark beside the sentence's main event (Hungary
				// "will support a resolution" that also names sanctions):
				// unless it counts the dead, not an event
				continue
			}
			var src, tgt []string
			var where *place
			if !tr.Agent.Empty() {
				src = a.actorsIn(si, tr.Agent.Start, tr.Agent.End)
				if len(src) == 0 && tr.Nominal {
					// "sanctions against Iran over its support for …": "its" is
					// the nearest state or body named before it
					src = a.possessorBefore(si, tr.Agent)
				}
				if tr.Nominal {
					// "the Kyiv attack": a capital before the noun is where, not who
					if where = a.metonymPlace(si, tr.Agent, tr.Start); where != nil {
						src = nil
					} else if len(src) == 0 {
						where = a.placeModifier(si, tr.Agent, tr.Start) // "an Idlib airstrike": where, and no one named
					}
				}
			}
			// "Turkey will allow Turkish Kurd refugees to return": a patient
			// of the agent's own country, named apart from it, is a side of
			// its own (a domestic event)
			ownSide := false
			if !tr.Patient.Empty() {
				tgt = a.actorsIn(si, tr.Patient.Start, tr.Patient.End)
				ownSide = len(src) == 1 && len(tgt) > 0 && !tr.Symmetric && !overlaps(tr.Agent, tr.Patient)
			}
			if tr.Dictionary && (len(src) == 0 || len(tgt) == 0) {
				// a dictionary verb counts only with both sides its own
				// actors ("Tehran rebuked Baku")
				continue
			}
			if tr.BothSides {
				// so does a generic one ("helped", "discussed"); talks take
				// their partner from a with-phrase ("discussed the issue with
				// Macron", who is the other side rather than the topic:
				// "discussed Syria with Erdogan"), or are held between the
				// coordinated actors ("Putin and Erdogan talked")
				if tr.Type == "CONSULT" {
					if partner := minus(a.partnerAfter(si, tr.End), src); len(partner) > 0 {
						tgt = partner
					}
				}
				if len(src) == 0 || len(tgt) == 0 && !(tr.Type == "CONSULT" && len(src) > 1) {
					continue
				}
			}
			if len(tgt) == 0 {
				// "expelled [two Russian] diplomats": the side inside the phrase
				tgt = minus(a.actorsIn(si, tr.Start, tr.End), src)
			}
			quoted := a.statementAt(tr.Start)
			if quoted != nil {
				// words inside a quotation: only the speaker's verbal acts count
				if !verbalTypes[tr.Type] || quoted.Speaker == nil {
					continue
				}
				if len(src) == 0 {
					src = []string{*quoted.Speaker}
				}
			}
			if len(src) == 0 && !tr.Agent.Empty() {
				// "the government of Sindh province", "Cairo's security
				// chief": a body of a place acts for the place's country
				src = a.placeCountries(si, tr.Agent)
			}
			if len(src) == 0 && quoted == nil && !tr.Anaphoric && where == nil && !tr.Passive && !tr.Trailing && !eventAgent(tr, trigs) {
				// never for a passive: its subject is the patient
				// ("civilians were killed"), not who acted; never who a
				// demand addresses ("…declared that China must drop barriers")
				// not what an earlier event of the sentence acted upon:
				// "expelled French troops and turned to Russia for assistance"
				skip := targetsOf(evs)
				if tr.Type == "REQUEST" {
					skip = append(skip, tgt...) // who is asked does not ask
				}
				src = a.subjectBefore(si, tr.Start, skip)
			}
			if (reciprocal(a.text, tr.Patient) || tr.Symmetric) && len(tgt) == 0 && len(src) > 1 {
				// "China and the Philippines accused each other", "the
				// Japanese minister and his Korean counterpart met": the
				// first named and their country, then the others
				src, tgt = a.firstSide(src)
			}
			// fallback sides are never the source, nor who speaks in the
			// sentence ("…, Defence Minister Pierre Joxe said", "He said
			// Tehran was ready", "…, and Minister Padrino said")
			notSide := slices.Concat(speakers, src)
			if len(tgt) == 0 && quoted == nil && tr.Anaphoric {
				// "the sanctions target Russia": only an actor right after it
				if next := a.actorsOutside(si, tr.End, notSide); len(next) > 0 && a.within(si, tr.End, a.itemStart(si, next[0]), 3) {
					tgt = next[:1]
				}
			} else if len(tgt) == 0 && quoted == nil {
				if symmetricTypes[tr.Type] {
					// "stressed cooperation with his Russian and Syrian counterparts"
					for _, id := range a.actorsOutside(si, -1, notSide) {
						if !(strings.HasPrefix(id, "country:") && a.hasCountry(src, strings.TrimPrefix(id, "country:"))) {
							tgt = append(tgt, id) // not the initiator's own country
						}
					}
				} else if !noTargetTypes[tr.Type] && !(tr.Passive && !tr.Patient.Empty()) {
					// (the subject of a passive is its target, even when it
					// names no actor: "twenty soldiers were killed")
					tgt = a.actorsOutside(si, tr.End, notSide)
					if len(tgt) > 1 {
						tgt = tgt[:1]
					}
				}
			}
			if !ownSide {
				tgt = minus(tgt, src)
			}
			src, tgt = a.noPublisher(src), a.noPublisher(tgt)
			if tr.Figure != events.Literal && !tr.Violent && !fatal && !a.armedSide(src) && !a.armedSide(tgt) {
				// no weapon, no dead, no state or armed group: a contest with
				// no place fought for is a figure of speech and no event ("the
				// battle for the nomination", "beat Clinton"; "the battle for
				// Bakhmut" is one), and an attack by someone named, followed
				// by what it blames or told in politics is an attack in words
				// ("Sanders attacked Clinton as too cozy", "hit Clinton over
				// her speeches"); an attack by someone unnamed is one ("a man
				// attacked the rabbi in Berlin")
				verbal := tr.Figure == events.Words && (len(src) > 0 || tr.Political || accusationAfter(a.text[tr.End:s.End]))
				switch {
				case tr.Figure == events.Contest && !a.placeFoughtFor(si, tr.End):
					continue
				case verbal && len(tgt) > 0:
					tr.Type, tr.Cameo, tr.Confidence = "ACCUSE", "111", tr.Confidence*0.8
				case verbal && !tr.Nominal:
					continue // "Trump hit the airwaves"
				}
			}
			if tr.Type == "CONSULT" {
				tgt = a.noMedia(tgt) // "speaking to the Northern Herald": an interview, not talks
			}
			ev := schema.Event{Type: tr.Type, Source: nonNil(src), Target: nonNil(tgt), Quantities: []schema.Quantity{},
				Evidence: schema.Span{Start: s.Start, End: s.End, Text: a.text[s.Start:s.End]}}
			if tr.Cameo != "" {
				c := tr.Cameo
				ev.Cameo = &c
			}
			if where == nil {
				// a deadly attack referred back to still has the place where
				// its clause counts the dead ("the bombing that killed nine
				// people at a market in Daugavpils")
				where = a.eventPlace(si, tr.Span, quoted != nil, tr.Anaphoric && !(fatal && fatalTypes[tr.Type]))
			}
			if p := where; p != nil {
				id := p.id
				ev.Location = &id
				// "struck targets in Syria", "arrived in Amman": with no stated
				// target, the country where it happens abroad is the target
				// (where words are quoted is not whom they are about);
				// without an initiator, only for a deadly attack ("23 killed
				// in Kandahar"), not for a flight "towards Mali"
				known := len(ev.Source) > 0 || fatalTypes[tr.Type] && fatal
				if len(ev.Target) == 0 && known && p.country != "" && !contains(ev.Source, "country:"+p.country) && quoted == nil {
					if x := a.countryActor(p.country); x != nil {
						ev.Target = []string{x.id}
					}
				}
				// a side the sentence names by a common noun ("confiscated
				// weapons from armed groups in Jericho", "demonstrators in
				// Baghdad") belongs, as CAMEO codes domestic actors, to the
				// country where the event takes place (not where someone
				// heads for); a protest with no stated target is aimed at
				// the authorities there
				if x := a.countryActor(p.country); x != nil && p.country != "" && quoted == nil && a.site(si, p) {
					if len(ev.Source) == 0 && tr.Type == "PROTEST" && !tr.Agent.Empty() && !tr.Anaphoric && !a.pronounSpan(tr.Agent) {
						ev.Source = []string{x.id}
					}
					if len(ev.Target) == 0 && !tr.Passive && materialTypes[tr.Type] && (!tr.Patient.Empty() && !a.pronounSpan(tr.Patient) || tr.Type == "PROTEST") {
						ev.Target = []string{x.id}
					}
				}
			}
			if d := a.eventDate(si, tr.Span, dates); d != "" {
				ev.Date = &d
			} else if offset != "" && !tr.Anaphoric {
				d := offset
				ev.Date = &d
			}
			conf := tr.Confidence
			if conf <= 0 {
				conf = 0.5
			}
			conf *= 0.6 + 0.2*b2f(len(src) > 0) + 0.2*b2f(len(tgt) > 0)
			ev.Confidence = round2(conf)
			if len(src) == 0 && len(tgt) == 0 && ev.Location == nil && ev.Date == nil && !fatal {
				continue // nobody, nowhere, never: too little to be worth an event
			}
			// one event per type in a sentence: a second trigger of the same
			// type ("phone calls ... exchanged views") adds its actors
			dup := false
			for i := range evs {
				if evs[i].Type != ev.Type {
					continue
				}
				// talks are one happening whichever side the sentence names
				// first ("met her Turkish counterpart ... to discuss")
				reversed := symmetricTypes[ev.Type] && len(ev.Source) > 0 && len(evs[i].Target) > 0 &&
					a.sameSide(evs[i].Target, ev.Source) && a.sameSide(evs[i].Source, ev.Target)
				if !reversed && !a.sameSide(evs[i].Source, ev.Source) {
					continue
				}
				dup = true
				o := &evs[i]
				if !reversed {
					o.Source = union(o.Source, minus(ev.Source, o.Target))
					if !symmetricTypes[o.Type] || len(o.Target) == 0 {
						// once talks have their participants, what they
						// "discussed" is a topic, not another side
						o.Target = union(o.Target, minus(ev.Target, o.Source)) // a domestic target it had stays
					}
				}
				if o.Location == nil {
					o.Location = ev.Location
				}
				if o.Date == nil {
					o.Date = ev.Date
				}
				if ev.Confidence > o.Confidence {
					o.Confidence = ev.Confidence
					o.Cameo = ev.Cameo
				}
			}
			if dup {
				continue
			}
			evs = append(evs, ev)
			spans = append(spans, tr.Span)
			evTrigs = append(evTrigs, tr)
		}
		if len(evs) == 0 {
			continue
		}
		for i := range evs {
			if a.statementAt(evTrigs[i].Start) == nil {
				a.domesticSides(si, &evs[i], evTrigs[i])
			}
		}
		for _, n := range nums {
			if n.Injured {
				continue
			}
			// the nearest event (an assault for fatalities)
			bi, bd := -1, 1<<30
			for i, sp := range spans {
				if n.Fatalities && !fatalTypes[evs[i].Type] && hasFatalType(evs) {
					continue
				}
				d := n.Start - sp.End
				if d < 0 {
					d = sp.Start - n.End
				}
				if d < 0 {
					d = 0
				}
				if d < bd {
					bi, bd = i, d
				}
			}
			if bi < 0 {
				continue
			}
			ev := &evs[bi]
			if n.Fatalities {
				v := int(n.Value)
				if ev.Fatalities == nil || *ev.Fatalities < v {
					ev.Fatalities = &v
				}
				continue
			}
			if n.Start < 0 || n.End > len(a.text) || n.Start >= n.End {
				continue
			}
			ev.Quantities = append(ev.Quantities, schema.Quantity{Value: n.Value, Unit: n.Unit, Text: a.text[n.Start:n.End]})
		}
		a.events = append(a.events, evs...)
	}
	// a bare mention of the same type and dyad as a detailed one ("the
	// recent US airstrikes" and "US warships launched ... on Friday") is the
	// same event: keep the detailed one
	out := make([]schema.Event, 0, len(a.events))
	seen := map[string]bool{}
	key := func(ev *schema.Event) string {
		src := append([]string(nil), ev.Source...)
		tgt := append([]string(nil), ev.Target...)
		sort.Strings(src)
		sort.Strings(tgt)
		return ev.Type + "|" + strings.Join(src, ",") + "|" + strings.Join(tgt, ",")
	}
	bare := func(ev *schema.Event) bool {
		return ev.Location == nil && ev.Date == nil && ev.Fatalities == nil && len(ev.Quantities) == 0 && len(ev.Source)+len(ev.Target) > 0
	}
	for i := range a.events {
		if !bare(&a.events[i]) && len(a.events[i].Source)+len(a.events[i].Target) > 0 {
			seen[key(&a.events[i])] = true
		}
	}
	repeat := a.vagueRepeats()
	for i := range a.events {
		ev := &a.events[i]
		if repeat[i] {
			continue
		}
		if bare(ev) {
			k := key(ev)
			if seen[k] || a.detailedOnce(ev) {
				continue
			}
			seen[k] = true
		}
		out = append(out, *ev)
	}
	// completeness adds to confidence: a place and a date make an event surer
	for i := range out {
		ev := &out[i]
		bonus := 0.0
		if ev.Location != nil {
			bonus += 0.05
		}
		if ev.Date != nil {
			bonus += 0.05
		}
		ev.Confidence = round2(ev.Confidence*0.9 + bonus)
	}
	// best first, then text order
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Confidence != out[j].Confidence {
			return out[i].Confidence > out[j].Confidence
		}
		return out[i].Evidence.Start < out[j].Evidence.Start
	})
	// the same id twice is the same real event reported twice: keep one
	a.events = a.events[:0]
	ids := map[string]int{}
	for _, ev := range out {
		ev.ID = eventID(&ev)
		if k, ok := ids[ev.ID]; ok {
			o := &a.events[k]
			if o.Fatalities == nil {
				o.Fatalities = ev.Fatalities
			}
			o.Quantities = append(o.Quantities, ev.Quantities...)
			continue
		}
		ids[ev.ID] = len(a.events)
		a.events = append(a.events, ev)
	}
}

// accusationAfter reports a clause after an attack that says what it
// blames or where it was said ("as too cozy with the banks", "over her
// speeches", ", calling him reckless", "in a speech").
func accusationAfter(rest string) bool {
	rest = strings.ToLower(rest)
	for _, m := range []string{" as ", " over ", " for ", ", calling", ", saying", ", accusing", " in a speech", " in an interview",
		" in a debate", " in a statement", " on twitter", " in a tweet", " in an ad", " in an op-ed"} {
		if strings.Contains(rest, m) {
			return true
		}
	}
	return false
}

// placeFoughtFor reports a place right after a contest word, its object:
// "the battle for Bakhmut", "the siege of Mariupol".
func (a *analysis) placeFoughtFor(si, end int) bool {
	k := a.tokenAt(si, end)
	if p := strings.ToLower(a.tokAt(si, k)); p != "for" && p != "of" && p != "over" {
		return false
	}
	for _, it := range a.items[si] {
		if it.place != nil && it.i > k && it.i <= k+2 {
			return true
		}
	}
	return false
}

// regionKinds are the kinds of place that hold others.
var regionKinds = map[string]bool{schema.LocAdmin1: true, schema.LocCountry: true, schema.LocRegion: true}

// armedSide reports whether a side holds a state or an armed group, which
// can use force without the sentence naming a weapon ("Russia attacked
// Ukraine").
func (a *analysis) armedSide(ids []string) bool {
	for _, id := range ids {
		x := a.byID[id]
		if x == nil {
			continue
		}
		if x.kind == schema.KindCountry || x.kind == schema.KindGroup && !strings.HasPrefix(id, "speaker:") {
			return true
		}
		if x.kind == schema.KindOrganization && events.ArmedName(x.name) {
			return true
		}
	}
	return false
}

// vagueRepeats returns, for the article's events, whether each says no
// more than where a happening of its type took place (no side, date or
// count) at the place of a detailed event of the same type, or at a place
// the article puts around it: "a Donetsk airstrike" after "the strike on a
// market in Kramatorsk in Donetsk Oblast" that killed 14 is that strike
// told again, not a second one. One pass over the places and the events.
func (a *analysis) vagueRepeats() []bool {
	out := make([]bool, len(a.events))
	vague := func(ev *schema.Event) bool {
		return ev.Location != nil && len(ev.Source)+len(ev.Target) == 0 && ev.Date == nil && ev.Fatalities == nil && len(ev.Quantities) == 0
	}
	some := false
	for i := range a.events {
		some = some || vague(&a.events[i])
	}
	if !some {
		return out
	}
	around := a.statedAround()
	told := map[[2]string]bool{} // (type, place) of detailed events, and the places around them
	for i := range a.events {
		ev := &a.events[i]
		if ev.Location == nil || len(ev.Source)+len(ev.Target) == 0 && ev.Fatalities == nil {
			continue
		}
		k := [2]string{ev.Type, *ev.Location}
		if told[k] {
			continue
		}
		told[k] = true
		for _, outer := range around[*ev.Location] {
			told[[2]string{ev.Type, outer}] = true
		}
	}
	for i := range a.events {
		ev := &a.events[i]
		out[i] = vague(ev) && told[[2]string{ev.Type, *ev.Location}]
	}
	return out
}

// statedAround maps a place to the regions (a province, a country) the
// article writes it as lying in: "Kramatorsk in Donetsk Oblast", "Homs,
// Syria" (not "Homs, Aleppo and Idlib", a list of towns).
func (a *analysis) statedAround() map[string][]string {
	out := map[string][]string{}
	seen := map[[2]string]bool{}
	for si, its := range a.items {
		for k, x := range its {
			if x.place == nil {
				continue
			}
			if sep := a.tokAt(si, x.j); sep != "in" && sep != "," {
				continue
			}
			// items are in text order: the place right after the separator is the next item
			if k+1 >= len(its) || its[k+1].i != x.j+1 {
				continue
			}
			y := its[k+1]
			if y.place == nil || y.place == x.place || !regionKinds[y.place.kind] || regionKinds[x.place.kind] && x.place.kind == y.place.kind {
				continue
			}
			if k := [2]string{x.place.id, y.place.id}; !seen[k] {
				seen[k] = true
				out[x.place.id] = append(out[x.place.id], y.place.id)
			}
		}
	}
	return out
}

// detailedOnce reports whether a bare mention ("in separate phone calls
// with his Russian and Syrian counterparts") has exactly one detailed
// account of the same type among the article's events ("in a phone call
// with his Russian counterpart, Sergei Shoigu, on Tuesday"): sides that
// overlap, and a date or a place. The lead then only summarised it.
func (a *analysis) detailedOnce(ev *schema.Event) bool {
	n := 0
	for i := range a.events {
		o := &a.events[i]
		if o.Type != ev.Type || o.Date == nil && o.Location == nil || len(o.Source) == 0 || len(ev.Source) == 0 {
			continue
		}
		if a.sameSide(o.Source, ev.Source) && a.sameSide(o.Target, ev.Target) {
			n++
		}
	}
	return n == 1
}

func hasFatalType(evs []schema.Event) bool {
	for _, e := range evs {
		if fatalTypes[e.Type] {
			return true
		}
	}
	return false
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// hasCountry reports whether one of ids is, or belongs to, country iso3.
func (a *analysis) hasCountry(ids []string, iso3 string) bool {
	for _, id := range ids {
		if a.countryOfID(id) == iso3 {
			return true
		}
	}
	return false
}

// eventAgent reports whether tr's agent is itself an event ("an airstrike
// targeted a depot", "the strikes hit the airfield"): who acted is that
// event's side, not whoever else the sentence names first.
func eventAgent(tr events.Trigger, trigs []events.Trigger) bool {
	if tr.Agent.Empty() {
		return false
	}
	for _, o := range trigs {
		if o.Start != tr.Start && o.Start >= tr.Agent.Start && o.End <= tr.Agent.End {
			return true
		}
	}
	return false
}

// firstSide splits coordinated participants into the first one with the
// others of its country (a minister and their country are one side), and
// the rest.
func (a *analysis) firstSide(ids []string) (first, rest []string) {
	c0 := a.countryOfID(ids[0])
	for i, id := range ids {
		if i == 0 || c0 != "" && a.countryOfID(id) == c0 {
			first = append(first, id)
		} else {
			rest = append(rest, id)
		}
	}
	if len(rest) == 0 {
		return ids[:1], ids[1:]
	}
	return first, rest
}

// sameSide reports whether two source lists may be the same initiator: one
// is empty, or they share an actor or a country ("Dehqan" and "Iran").
func (a *analysis) sameSide(x, y []string) bool {
	if len(x) == 0 || len(y) == 0 {
		return true
	}
	for _, i := range x {
		for _, j := range y {
			if i == j {
				return true
			}
			ci, cj := a.countryOfID(i), a.countryOfID(j)
			if ci != "" && ci == cj {
				return true
			}
		}
	}
	return false
}

func union(a, b []string) []string {
	out := append([]string{}, a...)
	for _, y := range b {
		found := false
		for _, x := range out {
			if x == y {
				found = true
			}
		}
		if !found {
			out = append(out, y)
		}
	}
	return out
}

func minus(a, b []string) []string {
	out := []string{}
	for _, x := range a {
		keep := true
		for _, y := range b {
			if x == y {
				keep = false
			}
		}
		if keep {
			out = append(out, x)
		}
	}
	return out
}

// eventID is deterministic: the same type, actors, place and date give the
// same id in any article; with neither place nor date the evidence text
// decides.
func eventID(e *schema.Event) string {
	src := append([]string(nil), e.Source...)
	tgt := append([]string(nil), e.Target...)
	sort.Strings(src)
	sort.Strings(tgt)
	loc, date := "", ""
	if e.Location != nil {
		loc = *e.Location
	}
	if e.Date != nil {
		date = *e.Date
	}
	// Type|sources|targets|location|date, and |evidence when neither
	b := make([]byte, 0, 256)
	b = append(b, e.Type...)
	for _, ids := range [][]string{src, tgt} {
		b = append(b, '|')
		for i, id := range ids {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, id...)
		}
	}
	b = append(append(append(append(b, '|'), loc...), '|'), date...)
	if loc == "" && date == "" {
		b = append(append(b, '|'), e.Evidence.Text...)
	}
	h := sha256.Sum256(b)
	return "event:" + hex.EncodeToString(h[:8])
}

// finishIDs gives statements their ids, which depend on the article id.
func (a *analysis) finishIDs(d *schema.Document) {
	for i := range d.Statements {
		st := &d.Statements[i]
		h := sha256.Sum256([]byte(d.Article.ID + "|" + itoa(st.Evidence.Start) + "|" + itoa(st.Evidence.End)))
		st.ID = "statement:" + hex.EncodeToString(h[:8])
	}
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func contains(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// pronounSpan reports a side stated only by a pronoun ("they", "it").
func (a *analysis) pronounSpan(sp events.Span) bool {
	switch strings.ToLower(a.text[sp.Start:sp.End]) {
	case "it", "he", "she", "they", "we", "i", "you", "them", "him", "her", "us", "itself", "themselves":
		return true
	}
	return false
}

// siteWords introduce the place where something happens, not a direction.
var siteWords = map[string]bool{"in": true, "at": true, "near": true, "outside": true, "inside": true,
	"across": true, "throughout": true, "around": true, "within": true}

// site reports whether place p is named in sentence si as where something
// happens ("in Jericho", "near Samarra"), not as a destination or origin.
func (a *analysis) site(si int, p *place) bool {
	for _, it := range a.items[si] {
		if it.place != p {
			continue
		}
		// "in the northern city of Kirkuk", "near the town of Samarra"
		for k := it.i - 1; k >= 0 && k >= it.i-5; k-- {
			w := a.tokAt(si, k)
			if siteWords[strings.ToLower(w)] {
				return true
			}
			if w == "" || w[0] < 'a' || w[0] > 'z' {
				break
			}
		}
	}
	return false
}

// placeCountries returns the country actors of the places whose body span sp
// of sentence si names (bodyPlaces).
func (a *analysis) placeCountries(si int, sp events.Span) []string {
	var out []string
	for _, it := range a.bodyPlaces(si, sp) {
		if x := a.countryActor(it.place.country); x != nil && !contains(out, x.id) {
			out = append(out, x.id)
		}
	}
	return out
}

// bodyPlaces returns the places (with a country) named inside span sp of
// sentence si when the span names a body of them ("the government of Sindh
// province", "police in Hangzhou"); a body stands for the place's country.
// Places in a span without a body word are where, not who ("in Bogota").
func (a *analysis) bodyPlaces(si int, sp events.Span) []*item {
	if !a.wordIn(si, sp, bodyWords) {
		return nil
	}
	var out []*item
	for _, it := range a.items[si] {
		if it.place != nil && it.place.country != "" && it.start >= sp.Start && it.end <= sp.End {
			out = append(out, it)
		}
	}
	return out
}

// bodyWords head a phrase naming a body of a place: its government,
// authorities, police, officials.
var bodyWords = map[string]bool{"government": true, "authorities": true, "authority": true, "police": true,
	"army": true, "military": true, "governor": true, "mayor": true, "council": true, "officials": true,
	"official": true, "ministry": true, "administration": true, "chief": true, "forces": true, "parliament": true,
	"court": true, "leaders": true, "leader": true, "legislature": true, "assembly": true, "prosecutors": true}

// afterWithout reports whether the word before byte pos in sentence si is
// "without".
func (a *analysis) afterWithout(si, pos int) bool {
	return strings.EqualFold(a.tokAt(si, a.tokenAt(si, pos)-1), "without")
}

// domesticSides fills, as CAMEO codes domestic actors, a side the sentence
// names by a common noun when the other side gives its country and no place
// does: protesters demanding a country's president's resignation are of
// that country, and a protest is aimed at its own authorities; coercion
// of, threats to, concessions to, or police violence against
// "demonstrators" or "rebels" by a state are within the state.
func (a *analysis) domesticSides(si int, ev *schema.Event, tr events.Trigger) {
	if ev.Location != nil && a.siteOf(si, *ev.Location) {
		return // the place says whose it is
	}
	country := func(ids []string) *actor {
		for _, id := range ids {
			if c := a.countryOfID(id); c != "" {
				return a.countryActor(c)
			}
		}
		return nil
	}
	if len(ev.Source) == 0 && tr.Type == "PROTEST" && !tr.Agent.Empty() && !tr.Anaphoric && !a.pronounSpan(tr.Agent) {
		if x := country(ev.Target); x != nil {
			ev.Source = []string{x.id}
		}
	}
	if len(ev.Target) > 0 || tr.Passive {
		return
	}
	named := !tr.Patient.Empty() && !a.pronounSpan(tr.Patient)
	switch {
	case tr.Type == "PROTEST", tr.Type == "CONCEDE",
		tr.Type == "COERCE" && (named || tr.Cameo == "175"), tr.Type == "THREATEN" && named && a.wordIn(si, tr.Patient, peopleNouns),
		tr.Type == "ASSAULT" && named && a.wordIn(si, tr.Agent, policeNouns):
		if x := country(ev.Source); x != nil {
			ev.Target = []string{x.id}
		}
	}
}

// siteOf reports whether the location id is named in sentence si as where
// something happens.
func (a *analysis) siteOf(si int, id string) bool {
	for _, it := range a.items[si] {
		if it.place != nil && it.place.id == id {
			return a.site(si, it.place)
		}
	}
	return false
}

// overlaps reports whether two spans share a byte.
func overlaps(x, y events.Span) bool { return x.Start < y.End && y.Start < x.End }

// ethnic reports a country mention that does not stand for the country as
// a side: a demonym naming a people ("ethnic Albanians", "ethnic Turks"), or
// the possessor of an ally or rival ("Israel's militia ally" is the ally).
func (a *analysis) ethnic(si int, it *item) bool {
	if it.actor == nil || it.actor.kind != schema.KindCountry {
		return false
	}
	if strings.EqualFold(a.tokAt(si, it.i-1), "ethnic") {
		return true
	}
	if !isPoss(a.tokAt(si, it.j)) {
		return false
	}
	for k := it.j + 1; k <= it.j+3; k++ {
		if relationNouns[strings.ToLower(a.tokAt(si, k))] {
			return true
		}
	}
	return false
}

// relationNouns name another actor by its relation to a possessor.
var relationNouns = map[string]bool{"ally": true, "allies": true, "proxy": true, "proxies": true, "partner": true,
	"partners": true, "rival": true, "rivals": true, "enemy": true, "enemies": true, "neighbour": true,
	"neighbours": true, "neighbor": true, "neighbors": true, "opponents": true, "foes": true, "backers": true}

// peopleNouns name groups of people rather than things.
var peopleNouns = map[string]bool{"police": true, "protesters": true, "protestors": true, "demonstrators": true,
	"rebels": true, "militants": true, "insurgents": true, "guerrillas": true, "opposition": true, "students": true,
	"workers": true, "refugees": true, "civilians": true, "citizens": true, "people": true, "residents": true,
	"villagers": true, "prisoners": true, "detainees": true, "members": true, "supporters": true, "activists": true,
	"fighters": true, "groups": true, "group": true, "factions": true, "suspects": true, "journalists": true}

// policeNouns name police.
var policeNouns = map[string]bool{"police": true, "policemen": true, "gendarmes": true, "gendarmerie": true}

// wordIn reports whether span sp of sentence si has a word of words (lower case).
func (a *analysis) wordIn(si int, sp events.Span, words map[string]bool) bool {
	for _, t := range a.toks[si] {
		if t.Start >= sp.Start && t.End <= sp.End && words[strings.ToLower(t.Text)] {
			return true
		}
	}
	return false
}
