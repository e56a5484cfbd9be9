package events

import (
	"slices"
	"sort"
	"strings"

	"github.com/geokg/geokg/extract/text"
)

// match is one lexicon entry matched at token positions idx (first..last).
type match struct {
	e     *entry
	idx   []int
	first int
	last  int
	typ   string
	cameo string
	conf  float64
	nom   bool // the trigger is used as a noun
}

// Find returns the event triggers of one sentence, given its tokens (absolute
// byte offsets into text). text is only used through the tokens; spans in the
// result are absolute and lie within the tokens' extent.
func Find(text string, toks []text.Token) []Trigger {
	_ = text
	if len(toks) == 0 {
		return nil
	}
	buf := scratchPool.Get().(*scratch)
	defer buf.put()
	ts := buf.prepare(toks)
	lx := lex()
	var ms []match
	// the hand lexicon first; the compiled dictionary then only on words no
	// hand entry matched, so it adds verbs but never overrides a hand reading
	sc := &sentenceWords{ts: ts}
	heard := slices.Grow(buf.heard[:0], len(ts))[:len(ts)]
	clear(heard)
	buf.heard = heard
	vocab := sentenceVocab(ts)
	// "declined to comment on the sanctions", "asked whether he would
	// endorse her": what is not commented on or asked about is no event
	topic, topicEnd := unassertedTopic(ts)
	for pass := 0; pass < 2; pass++ {
		compiled := pass == 1
		for i := 0; i < len(ts); i++ {
			if !ts[i].word || ts[i].owner >= 0 || heard[i] || properNoun(ts, i) || i >= topic && i < topicEnd {
				continue
			}
			if compiled && !lx.compiledAt(&ts[i]) {
				continue
			}
			m, ok := bestMatch(lx, ts, i, compiled, &vocab)
			if !ok && !compiled {
				m, ok = modalRequest(ts, i)
			}
			if !ok {
				continue
			}
			if !compiled {
				heard[i] = true
			}
			if m.typ == noEvent {
				i = m.last // "crashed into the sea": the dictionary says no event
				continue
			}
			if !applyRules(ts, &m, sc) {
				continue
			}
			for k := m.first; k <= m.last; k++ {
				ts[k].owner = len(ms)
			}
			for _, k := range m.idx {
				ts[k].isTrig = true
				ts[k].verbTrig = !m.nom
			}
			ms = append(ms, m)
			i = m.last
		}
	}
	if len(ms) > 1 && ms[len(ms)-1].e.compiled {
		sort.SliceStable(ms, func(i, j int) bool { return ms[i].first < ms[j].first })
		for mi := range ms {
			for k := ms[mi].first; k <= ms[mi].last; k++ {
				ts[k].owner = mi
			}
		}
	}
	if len(ms) == 0 {
		return nil
	}
	out := make([]Trigger, 0, len(ms))
	for mi := range ms {
		out = append(out, roles(ts, ms, mi, out))
		if out[mi].Type == "ASSAULT" {
			out[mi].Violent = sc.has(&sc.violence, violenceWords)
			out[mi].Political = sc.has(&sc.politics, politicsWords)
			out[mi].Figure = figure(ts, &ms[mi])
		}
	}
	// "students staged demonstrations to demand reforms", "Kurds demonstrated
	// calling for independence": the demand is what the protest is about,
	// not a second event; whom it addresses is the protest's target
	for i := range out {
		if out[i].Type != "PROTEST" || out[i].Embedded || out[i].Negated {
			continue
		}
		for j := i + 1; j < len(out); j++ {
			if out[j].Type != "REQUEST" || out[j].Embedded || !adjunctOf(ts, ms[i].last, ms[j].first) {
				continue
			}
			out[j].Embedded = true
			if out[i].Patient.Empty() {
				out[i].Patient = out[j].Patient
			}
		}
	}
	// "threatened to impose restrictions on X": the threat is aimed at X
	for i := 0; i+1 < len(out); i++ {
		if ms[i].e.comm && out[i].Patient.Empty() && out[i+1].Embedded && !out[i+1].Patient.Empty() {
			out[i].Patient = out[i+1].Patient
		}
	}
	return out
}

// properNoun reports whether the capitalised word at i is part of a name
// ("Ban Ki-moon", "the RT host Ed Strike") rather than a trigger: it is
// capitalised after another word, or starts the sentence followed by a
// capitalised word.
func properNoun(ts []tok, i int) bool {
	if !ts[i].cap {
		return false
	}
	if i > 0 && ts[i-1].word {
		return true
	}
	return i+1 < len(ts) && ts[i+1].cap && ts[i+1].word
}

// bestMatch returns the longest (then most confident) entry matching at i.
// Only entries of the compiled dictionary are tried when compiled is set,
// only hand entries otherwise. vocab holds the words of the sentence and
// their lemmas.
func bestMatch(lx *lexicon, ts []tok, i int, compiled bool, vocab *wordSig) (match, bool) {
	var best match
	found := false
	var tried [8]int // matchAt's positions; a match keeps a copy
	by := lx.byFirst
	if compiled {
		by = lx.byFirstC
	}
	try := func(es []*entry) {
		for _, e := range es {
			if found && (e.n < best.e.n || e.n == best.e.n && e.conf <= best.e.conf) {
				continue
			}
			if e.words[0].literal && ts[i].low != e.words[0].w || !vocab.covers(&e.rest) {
				continue
			}
			at, ok := matchAt(tried[:0], ts, e, i)
			if !ok {
				continue
			}
			idx := slices.Clone(at)
			best = match{e: e, idx: idx, first: idx[0], last: idx[len(idx)-1], typ: e.typ, cameo: e.cameo, conf: e.conf}
			found = true
		}
	}
	try(by[ts[i].low])
	for _, f := range ts[i].forms {
		if f.lemma != ts[i].low {
			try(by[f.lemma])
		}
	}
	return best, found
}

// wordSig is a set of word hashes (256 bits): when a sentence's set does
// not cover an entry's, the sentence lacks one of the entry's words, a cheap
// filter before matchAt.
type wordSig [4]uint64

// add puts w in the set (FNV-1a hash).
func (s *wordSig) add(w string) {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h ^= uint32(w[i])
		h *= 16777619
	}
	s[h>>6&3] |= 1 << (h & 63)
}

// covers reports whether every hash in o is in s.
func (s *wordSig) covers(o *wordSig) bool {
	return o[0]&^s[0]|o[1]&^s[1]|o[2]&^s[2]|o[3]&^s[3] == 0
}

// sentenceVocab is the set of the words of ts and of the lemmas they inflect.
func sentenceVocab(ts []tok) wordSig {
	var v wordSig
	for i := range ts {
		v.add(ts[i].low)
		for _, f := range ts[i].forms {
			v.add(f.lemma)
		}
	}
	return v
}

// gapStop are words a "..." gap may not cross.
var gapStop = set("that", "which", "who", "and", "but", "or", "said", "says", "while", "after", "before", "because", "if", "when")

// matchAt matches e at token i: it appends the positions of e's words to
// idx.
func matchAt(idx []int, ts []tok, e *entry, i int) ([]int, bool) {
	j := i
	gap := false
	for wi, pw := range e.words {
		if pw.gap {
			gap = true
			continue
		}
		if wi == 0 {
			idx = append(idx, i)
			j = i + 1
			continue
		}
		limit := j
		if gap {
			limit = j + maxGap
		}
		ok := false
		for k := j; k <= limit && k < len(ts) && k < j+2*maxGap; k++ {
			if gap && cheapGap(&ts[k]) {
				limit++ // "launched a barrage of 59 Tomahawk missiles"
			}
			if ts[k].owner >= 0 {
				break
			}
			if ts[k].has(pw) {
				idx = append(idx, k)
				j = k + 1
				ok = true
				break
			}
			if !ts[k].word || gapStop[ts[k].low] {
				break
			}
		}
		if !ok {
			return nil, false
		}
		gap = false
	}
	return idx, true
}

var (
	determiners = set("the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "'s", "any", "no", "new", "fresh", "further", "more", "another", "several", "some", "two", "three")
	modals      = set("to", "will", "would", "can", "could", "may", "might", "must", "should", "shall", "did", "does", "do", "not", "n't", "never", "also", "he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "and", "to", "had", "has", "have")
	preps       = set("of", "in", "on", "at", "for", "with", "by", "from", "against", "into", "over", "after", "before", "during", "amid", "about", "between", "to", "without", "under", "despite")
	// heads after which a nominal trigger is a modifier of an actor or a thing
	modifiedHeads = set("helicopter", "helicopters", "aircraft", "jet", "jets", "plane", "planes", "submarine", "submarines",
		"rifle", "rifles", "dog", "dogs", "boat", "boats", "ship", "ships", "craft", "agency", "agencies", "worker", "workers",
		"group", "groups", "organization", "organizations", "organisation", "organisations", "official", "officials",
		"leader", "leaders", "spokesman", "spokeswoman", "spokesperson", "team", "teams", "committee", "force", "forces",
		"movement", "unit", "units", "package", "site", "sites", "agencies", "flotilla", "weapons", "weapon", "partner",
		"partners", "member", "members", "country", "countries", "state", "states", "camp", "camps", "vehicle", "vehicles",
		"policy", "conference", "secretary", "release", "office", "victims", "victim", "zone", "officer", "officers",
		"sirens", "siren", "shelter", "shelters", "zones", "troops", "soldiers", "contingent",
		"operation", "operations")
	strikeLabour = set("worker", "workers", "union", "unions", "labour", "labor", "teachers", "teacher", "miners", "doctors",
		"nurses", "employees", "staff", "drivers", "general", "nationwide", "national", "one-day", "24-hour", "48-hour",
		"day-long", "indefinite", "strikers", "pilots", "dockers", "students", "truckers", "transport", "rail", "public-sector",
		"go", "went", "gone", "going", "on", "called", "call", "staged", "stage", "declared", "threatened", "warning")
	weekdays = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
		"march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "today",
		"tomorrow", "yesterday", "tonight", "the weekend", "saturday's", "sunday's")
	callAccuseObj = set("it", "him", "her", "them", "this", "that", "these", "those", "the")
)

// applyRules disambiguates a match with general context rules; it returns
// false when the match is not an event trigger.
func applyRules(ts []tok, m *match, sc *sentenceWords) bool {
	e := m.e
	if e.rule == "must" {
		return true
	}
	t := &ts[m.first]
	lemma := e.words[0].w
	k := t.kind(lemma)
	prev, next := "", ""
	if m.first > 0 {
		prev = ts[m.first-1].low
	}
	if m.last+1 < len(ts) {
		next = ts[m.last+1].low
	}
	single := e.n == 1
	// nominal or verbal use of the first word
	m.nom = e.nounOnly || determiners[prev] || (prev != "" && ts[m.first-1].cap && k&(formPast|formIng) == 0 && !modals[prev])
	if !m.nom && m.first > 0 && k&(formPast|formIng) == 0 && (preps[prev] && prev != "to" || isDigits(prev) || adjectival(prev)) {
		m.nom = true // "of the 1980 massacre", "in heavy fighting", "a brutal crackdown"
	}
	if !m.nom && m.first == 0 && t.cap && k&formPast == 0 && e.n == 1 && !e.verbOnly {
		m.nom = true // "Talks between …", "Protests erupted …"
	}
	if !m.nom && e.n >= 2 && len(e.words) == e.n && !particles[e.words[1].w] && k&(formPast|formIng) == 0 {
		m.nom = true // "air strikes", "humanitarian aid", "general strike"
	}
	if e.nounOnly && k&(formPast|formIng) != 0 && lemma != t.low {
		return false
	}
	if e.nounOnly && (prev == "to" || modals[prev] && prev != "and" && prev != "that" && prev != "no") && k&formS == 0 && single {
		return false // "to deal with", "will talk"
	}
	if single && m.typ != "ACCUSE" && k&formPast != 0 && k&formBase == 0 && determiners[prev] && prev != "that" {
		return false // "a proposed peace plan", "the disputed region": an adjective ("an alleged attack" still accuses)
	}
	if e.verbOnly && single {
		if k&(formPast|formIng) == 0 && !modals[prev] && !(prev != "" && ts[m.first-1].cap) {
			return false
		}
		if determiners[prev] && k&formIng == 0 {
			return false
		}
		if k == formBase && m.first >= 2 && ts[m.first-1].cap && determiners[ts[m.first-2].low] {
			return false // "the RT host": a noun after a name
		}
	}
	if m.typ == "REQUEST" && (lemma == "ask" || lemma == "press" || lemma == "pressed") && e.n == 1 && (askedQuestion(ts, m.last+1) || lemma != "ask" && (next == "on" || next == "by")) {
		return false // "asked whether", "was pressed on why": a question, not an appeal
	}
	if lemma == "appeal" && e.n == 1 && m.nom && next != "to" && next != "for" &&
		(possessive(prev) || appealKinds[prev] || pollWords[prev] || next == "among" || next == "with") {
		return false // "Sanders's appeal among young voters", "broad appeal": how liked, not a plea
	}
	if (lemma == "support" || lemma == "backing") && e.n == 1 && next != "for" && next != "to" && next != "behind" && next != "of" &&
		(m.nom && (possessive(prev) || appealKinds[prev] || pollWords[prev]) && anyWord(ts, pollContext) ||
			(next == "from" || next == "among") && m.last+2 < len(ts) && (isDigits(ts[m.last+2].low) || pollWords[ts[m.last+2].low])) {
		return false // "her support among young voters", "support from 52 percent": a poll, not an act
	}
	if lemma == "encourage" && beForms[prev] && next == "by" {
		return false // "were encouraged by the results": pleased
	}
	if (m.typ == "REQUEST" || m.typ == "REJECT") && forComment(ts, m.last+1) {
		return false // "declined to comment", "a request for comment": no event
	}
	if lemma == "insist" && next == "that" && assertedClause(ts, m.last+2) {
		return false // "insisted that an airstrike had hit a depot": a claim, not a demand
	}
	if single && (m.nom || e.nounOnly || k == formBase && !modals[prev]) {
		if modifiedHeads[next] {
			return false // "attack helicopters", "aid workers", "rescue workers"
		}
	}
	if lemma == "attack" && (prev == "heart" || prev == "panic" || prev == "asthma") {
		return false
	}
	if lemma == "retaliation" && prev == "in" {
		return false // "in retaliation for": a motive, not a threat
	}
	if lemma == "release" && (prev == "press" || prev == "news") {
		return false
	}
	if lemma == "deal" && (prev == "great" || prev == "good") {
		return false
	}
	if lemma == "help" && next == "to" && single {
		m.conf *= 0.8
	}
	if m.typ == "AID" && !m.nom {
		for j := m.last + 1; j < len(ts) && j <= m.last+5; j++ {
			if evasions[ts[j].low] {
				return false // "helped Minsk evade export controls": no aid
			}
			if !ts[j].word {
				break
			}
		}
	}
	if lemma == "seek" && next == "to" && single {
		return false // "sought to ease tensions": an attempt, not a request
	}
	if m.nom && (m.typ == "ASSAULT" || m.typ == "COERCE") {
		// "efforts to end the fighting", "halted the war": the ending, not the fight
		for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
			if terminators[ts[j].low] {
				if j > 0 && ts[j-1].low == "to" {
					return false
				}
				m.typ, m.cameo = "RETREAT", "0871"
				break
			}
			if !ts[j].word || ts[j].isTrig || preps[ts[j].low] {
				break
			}
		}
	}
	if m.nom && (m.typ == "AGREE" || m.typ == "COOPERATE" || m.typ == "AID" || m.typ == "CONSULT" || m.typ == "SUPPORT") {
		// "ended its defence agreement with X", "suspended the talks": the relation is cut
		for j := m.first - 1; j >= 0 && j >= m.first-4; j-- {
			if terminators[ts[j].low] {
				m.typ, m.cameo = "SANCTION", "161"
				if m.e.typ == "AID" {
					m.cameo = "162"
				}
				break
			}
			if !ts[j].word || ts[j].isTrig || preps[ts[j].low] {
				break
			}
		}
	}
	if skip, ok := objectSkip[e.words[len(e.words)-1].w]; ok && objectHit(ts, m.last+1, skip) {
		if lemma == "attack" && single && !m.nom {
			// "attacked the government's policy": verbal criticism
			m.typ, m.cameo, m.conf = "ACCUSE", "111", 0.7
			return true
		}
		return false
	}
	if single {
		if marketVerbs[lemma] {
			for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
				if marketNouns[ts[j].low] {
					return false // "stocks rallied", "shares sank"
				}
			}
		}
	}
	if lemma == "demand" && m.nom && marketNouns[prev] || lemma == "host" && next == "of" && m.nom || lemma == "aid" && (prev == "first" || prev == "hearing") {
		return false
	}
	if (lemma == "attack" || lemma == "target") && m.typ == "ASSAULT" && !sc.has(&sc.violence, violenceWords) && sc.has(&sc.politics, politicsWords) {
		// "Trump attacked Clinton over her emails": verbal criticism
		m.typ, m.cameo, m.conf = "ACCUSE", "111", m.conf*0.8
	}
	if lemma == "rally" && single && k&formPast == 0 && !sc.has(&sc.protest, protestWords) {
		for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
			if preps[ts[j].low] || ts[j].low == "campaign" || ts[j].low == "election" {
				return false // "at a campaign rally in Michigan"
			}
		}
	}
	switch e.rule {
	case "strike":
		if !single {
			break
		}
		labour := false
		for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
			if strikeLabour[ts[j].low] {
				labour = true
			}
		}
		if next == "by" && m.last+2 < len(ts) && strikeLabour[ts[m.last+2].low] {
			labour = true
		}
		if m.first > 0 && (strings.HasSuffix(prev, "-day") || strings.HasSuffix(prev, "-hour") || strings.HasSuffix(prev, "-week") || prev == "open-ended") {
			labour = true
		}
		if next == "action" || next == "over" && m.nom {
			labour = true
		}
		if labour {
			m.typ, m.cameo, m.conf = "PROTEST", "143", 0.85
		} else if k&formPast != 0 {
			m.conf = 0.7
		} else if m.nom && t.low == "strike" && next != "on" && next != "against" && !militaryNear(ts, m.first) {
			// a single "strike" with no target and no weapon is a labour strike
			m.typ, m.cameo, m.conf = "PROTEST", "143", 0.7
		}
	case "call":
		if !single {
			break
		}
		if next == "off" || next == "up" || next == "in" || next == "back" || next == "it" && m.last+2 < len(ts) && ts[m.last+2].low == "a" && m.last+3 < len(ts) && ts[m.last+3].low == "day" {
			return false
		}
		// "called X a Y" / "called it unacceptable": an accusation
		for j := m.last + 1; j < len(ts) && j <= m.last+5; j++ {
			if !ts[j].word {
				break
			}
			if (ts[j].low == "a" || ts[j].low == "an") && j > m.last+1 {
				m.typ, m.cameo, m.conf = "ACCUSE", "111", 0.6
				return true
			}
		}
		if callAccuseObj[next] && next != "the" {
			m.typ, m.cameo, m.conf = "ACCUSE", "111", 0.5
			return true
		}
		if m.last+1 < len(ts) && ts[m.last+1].cap && prev != "" && !determiners[prev] {
			return true // "Obama called Putin": a phone call
		}
		return false
	case "march":
		if t.cap && (m.first > 0 || next != "" && next[0] >= '0' && next[0] <= '9') {
			return false
		}
		if next != "" && next[0] >= '0' && next[0] <= '9' {
			return false
		}
	}
	return true
}

var militaryWords = set("air", "missile", "missiles", "military", "drone", "nuclear", "pre-emptive", "preemptive",
	"retaliatory", "surgical", "rocket", "artillery", "naval", "aerial", "bomb", "bombs", "jets", "warplanes", "israeli")

func militaryNear(ts []tok, i int) bool {
	for j := i - 3; j <= i+3 && j < len(ts); j++ {
		if j >= 0 && militaryWords[ts[j].low] {
			return true
		}
	}
	return false
}

// experiencerVerbs are verbs whose subject undergoes or perceives rather
// than acts.
var experiencerVerbs = set("face", "understand", "know", "realize", "realise", "recognize", "recognise", "learn",
	"remember", "bear", "expect", "suffer", "feel", "see", "pay")

// terminators end what their object names: "ended its defence agreement",
// "scrapped the accord", "suspended aid" reduce relations (CAMEO 16).
var terminators = set("end", "ended", "ends", "ending", "terminate", "terminated", "terminates", "terminating",
	"scrap", "scrapped", "scraps", "scrapping", "cancel", "cancelled", "canceled", "cancels", "revoke", "revoked",
	"revokes", "annul", "annulled", "abrogate", "abrogated", "renounce", "renounced", "suspend", "suspended",
	"suspends", "halt", "halted", "halts", "quit", "quits", "tore", "torn", "freeze", "froze", "frozen")

// gerundTakers are verbs of attitude whose -ing complement is only
// considered, not done: "would support striking", "considered attacking".
var gerundTakers = set("support", "supports", "supported", "back", "backs", "backed", "favour", "favours",
	"favoured", "favor", "favors", "favored", "consider", "considers", "considered", "considering", "propose",
	"proposes", "proposed", "suggest", "suggests", "suggested", "recommend", "recommends", "recommended",
	"discuss", "discusses", "discussed", "discussing", "advocate", "advocates", "advocated", "oppose", "opposes",
	"opposed", "avoid", "avoids", "avoided", "risk", "risks", "risked", "contemplate", "contemplated", "mull",
	"mulled", "weigh", "weighed", "urge", "urged", "deny", "denied", "denies")

// evasions are what "help X …" cannot make an act of aid: "helped Minsk
// evade export controls".
var evasions = set("evade", "circumvent", "bypass", "dodge", "skirt", "escape", "avoid", "violate", "break", "smuggle", "launder")

// mustEntry is the synthetic trigger of "X must/should do Y" in reported
// speech: the speaker demands it (CAMEO 10).
var mustEntry = &entry{words: []patWord{{w: "must"}}, n: 1, typ: "REQUEST", cameo: "100", conf: 0.8, comm: true, rule: "must"}

// modalRequest matches "must" (and "should", "ought" when the sentence
// reports speech) as a REQUEST.
func modalRequest(ts []tok, i int) (match, bool) {
	w := ts[i].low
	if w != "must" && w != "should" && w != "ought" {
		return match{}, false
	}
	// "must face consequences", "must understand that": what befalls or is
	// known by the subject is no act demanded of it
	for j := i + 1; j < len(ts) && j <= i+3; j++ {
		if experiencerVerbs[ts[j].low] {
			return match{}, false
		}
		if !auxAdv[ts[j].low] && !strings.HasSuffix(ts[j].low, "ly") {
			break
		}
	}
	speech := false
	for j := range ts {
		if speechVerbs[ts[j].low] || ts[j].low == "that" && j < i {
			speech = true
			break
		}
	}
	if !speech && w != "must" {
		return match{}, false
	}
	if i+1 < len(ts) && (ts[i+1].low == "have" || ts[i+1].low == "be" && i+2 < len(ts) && (ts[i+2].low == "a" || ts[i+2].low == "the")) {
		return match{}, false // "must have been", "should be the"
	}
	if i+2 < len(ts) && ts[i+1].low == "be" && strings.HasSuffix(ts[i+2].low, "ing") && !lightIng[ts[i+2].low] {
		return match{}, false // "must be gnashing their teeth": a guess, not a demand ("must be doing more" is one)
	}
	conf := 0.8
	if !speech {
		conf = 0.6
	}
	return match{e: mustEntry, idx: []int{i}, first: i, last: i, typ: "REQUEST", cameo: "100", conf: conf}, true
}

// assertedClause reports whether the clause from ts[i] states a fact (its
// first verb is past or a form of be/have: "that the strike had hit a
// depot") rather than what should be done ("that Israel withdraw", "that
// talks must resume").
func assertedClause(ts []tok, i int) bool {
	for j := i; j < len(ts) && j < i+8; j++ {
		w := ts[j].low
		switch {
		case w == "," || w == ";" || w == "must" || w == "should" || w == "shall" || w == "be":
			return false
		case indicativeAux[w]:
			return true
		case j > i && len(w) > 3 && strings.HasSuffix(w, "ed") && !ts[j].cap:
			return true
		}
	}
	return false
}

// unassertedTopic returns the words [from, to) that the sentence's first
// request for comment or question is about, up to the end of its clause:
// from "comment" on ("… did not respond to a request for comment on the
// report"; the word may open a dictionary pattern), or after the asking
// verb ("asked whether he would endorse her, …"); from = len(ts) when the
// sentence has none.
func unassertedTopic(ts []tok) (int, int) {
	for i := 0; i < len(ts); i++ {
		w := ts[i].low
		if (w == "comment" || w == "comments") && i > 0 && forComment(ts, i-1) || askForms[w] && askedQuestion(ts, i+1) {
			j := i + 1
			for j < len(ts) && ts[j].low != "," && ts[j].low != ";" {
				j++
			}
			if askForms[w] {
				return i + 1, j
			}
			return i, j // "comment" itself may open a dictionary pattern
		}
	}
	return len(ts), len(ts)
}

// figure tells which figure of speech the words of an ASSAULT match can
// be, by their lemmas ("launched a pre-emptive attack": Words); "beat up"
// is violence.
func figure(ts []tok, m *match) Figure {
	if m.last+1 < len(ts) && ts[m.last+1].low == "up" || slices.ContainsFunc(m.e.words, func(pw patWord) bool { return pw.w == "up" }) {
		return Literal
	}
	for _, pw := range m.e.words {
		switch {
		case wordsLemmas[pw.w]:
			return Words
		case contestLemmas[pw.w]:
			return Contest
		}
	}
	return Literal
}

var (
	// wordsLemmas are attacks that may be made in words ("lash out" is an
	// ACCUSE already, an assault never is)
	wordsLemmas = set("attack", "target", "hammer", "blast", "pound", "hit")
	// contestLemmas are fights that may be contests
	contestLemmas = set("battle", "fight", "beat", "clash", "strike")
)

// askForms are the forms of the verbs that put a question.
var askForms = verbForms("ask", "press")

// askedQuestion reports an "asked"/"pressed" that puts a question: a
// question word or "about" follows, before any "to" or "for" that would
// make it a request ("asked Congress to act", "asked for help").
func askedQuestion(ts []tok, i int) bool {
	for j := i; j < len(ts) && j < i+6; j++ {
		switch w := ts[j].low; {
		case w == "to" || w == "for" || !ts[j].word:
			return false
		case questionWords[w]:
			return true
		}
	}
	return false
}

var (
	questionWords = set("whether", "if", "about", "why", "what", "how", "when", "where", "question", "questions")
	// pollWords measure how many back someone
	pollWords = set("percent", "share", "level", "levels", "voters", "voter", "public", "independent", "grassroots",
		"bipartisan", "majority", "most", "half", "many", "only", "overall", "poll", "polling")
	// pollContext are the words of a sentence about polls and votes
	pollContext = set("percent", "poll", "polls", "polling", "survey", "voters", "points", "approval", "lead",
		"electorate", "primary", "primaries", "caucus", "caucuses", "delegates", "nomination")
	// appealKinds qualify how widely someone is liked
	appealKinds = set("broad", "wide", "popular", "electoral", "mass", "crossover", "populist", "emotional", "personal",
		"wider", "broader", "youth")
)

// forComment reports a trigger that a reporter's request for comment
// follows ("request for comment", "request seeking comment", "declined to
// comment", "refused to comment on the report", "declined to elaborate",
// "declined to be interviewed").
func forComment(ts []tok, i int) bool {
	for j := i; j < len(ts) && j < i+4; j++ {
		switch ts[j].low {
		case "comment", "comments", "elaborate", "speculate", "interviewed":
			return true
		case "for", "seeking", "to", "any", "further", "be", "immediate":
		default:
			return false
		}
	}
	return false
}

// indicativeAux are the finite forms of be, have and do.
var indicativeAux = set("is", "are", "was", "were", "has", "have", "had", "did", "does")

// lightIng are the -ing forms of light verbs, which a demand takes ("must
// be doing more", "should be making progress").
var lightIng = set("doing", "making", "taking", "giving", "getting", "putting", "working", "helping", "providing", "spending")

// adjectival reports lower-case words with a typical adjective ending.
func adjectival(w string) bool {
	if len(w) < 5 {
		return false
	}
	for _, suf := range []string{"al", "ic", "ive", "ous", "ary", "ful", "ian", "ese", "ish", "ent", "ant", "less", "ible", "able"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// gapFiller are words a "..." gap may skip without using up its length.
var gapFiller = set("a", "an", "the", "of", "barrage", "salvo", "volley", "series", "wave", "waves", "round",
	"number", "couple", "pair", "dozens", "hundreds", "string", "total", "its", "their", "his", "her")

func cheapGap(t *tok) bool {
	if gapFiller[t.low] || t.cap {
		return true
	}
	if _, ok := numberWords[t.low]; ok {
		return true
	}
	return t.low != "" && t.low[0] >= '0' && t.low[0] <= '9'
}

// objectSkip lists, per lemma, object heads with which the verb is not an
// event ("released a statement", "met the deadline", "fight corruption");
// "attack" with a policy-like object is verbal criticism.
var objectSkip = map[string]map[string]bool{
	"release": set("statement", "report", "video", "videos", "footage", "figures", "data", "details", "results",
		"list", "document", "documents", "photo", "photos", "photographs", "images", "image", "recording", "transcript",
		"names", "plan", "book", "album", "film", "song", "version", "update", "guidelines", "findings", "poll",
		"survey", "communique", "note", "letter", "audio", "tape", "tapes", "statistics", "estimates", "forecast",
		"budget", "earnings", "proposal", "proposals", "text", "draft", "memo", "summary", "analysis", "study"),
	"meet": set("target", "targets", "needs", "requirements", "criteria", "deadline", "expectations", "standards",
		"obligations", "goal", "goals", "challenge", "challenges", "threshold", "costs", "quota", "need"),
	"fight": set("corruption", "poverty", "inflation", "disease", "fire", "fires", "climate", "charges", "extradition",
		"case", "crime", "epidemic", "virus", "pandemic", "unemployment", "drugs", "cancer", "hunger", "malaria",
		"aids", "discrimination", "racism", "deportation", "ruling", "decision", "bill", "law", "lawsuit"),
	"battle": set("corruption", "poverty", "inflation", "disease", "fire", "fires", "climate", "charges", "virus",
		"pandemic", "unemployment", "cancer", "hunger", "injury", "illness"),
	"attack": set("policy", "policies", "decision", "plan", "plans", "remarks", "comments", "proposal", "proposals",
		"bill", "law", "statement", "speech", "record", "reforms", "budget", "idea", "ideas", "strategy", "handling",
		"report", "ruling", "media", "press", "critics"),
	"shoot":  set("film", "video", "footage", "scene", "scenes", "movie", "documentary"),
	"strike": set("balance", "chord", "tone", "note", "pose"),
	"seize":  set("opportunity", "initiative", "moment", "chance", "momentum"),
	"kill":   set("bill", "deal", "plan", "proposal", "idea", "time", "story", "project"),
	"hit":    set("record", "high", "low", "headlines", "market", "markets", "shelves", "target", "wall", "stride"),
}

// objectHit reports whether the phrase at i (up to six words, before any
// punctuation or preposition) contains a word of set.
func objectHit(ts []tok, i int, set map[string]bool) bool {
	for j := i; j < len(ts) && j < i+6; j++ {
		l := ts[j].low
		if !ts[j].word && l != "'s" || preps[l] && l != "of" {
			return false
		}
		if set[l] {
			return true
		}
	}
	return false
}

var (
	marketVerbs = set("rally", "sink", "hit", "retreat", "plunge", "surrender", "strike", "attack")
	marketNouns = set("stocks", "stock", "shares", "share", "markets", "market", "prices", "price", "dollar", "euro",
		"yen", "index", "bonds", "oil", "gold", "currency", "futures", "nasdaq", "dow", "equities", "sterling",
		"consumer", "domestic", "global", "weak", "strong", "rising", "falling", "growing", "energy", "gas", "export",
		"import", "housing", "credit", "higher", "lower", "slowing", "weaker", "stronger", "supply", "peso", "rupee",
		"ruble", "rouble", "lira", "yuan", "indexes", "indices")
)

var (
	violenceWords = set("killed", "killing", "kill", "dead", "troops", "forces", "bomb", "bombs", "missile", "missiles",
		"army", "military", "militants", "rebels", "soldiers", "police", "gunmen", "weapons", "wounded", "injured",
		"civilians", "air", "rocket", "rockets", "terror", "terrorist", "terrorists", "insurgents", "fighters",
		"village", "town", "base", "convoy", "militia", "jihadists", "shelling", "artillery", "drone", "drones",
		"casualties", "explosion", "suicide", "gunfire", "tanks", "positions", "warplanes", "jets", "chemical",
		"cyber", "hackers", "knife", "gun", "guns", "shot", "shooting", "victims", "raid", "offensive", "war",
		"died", "death", "deaths", "fatally", "massacre", "bombing", "bomber", "bombers", "attackers", "assassination",
		"assassinated", "stabbed", "stabbing", "hostage", "hostages", "explosives", "grenade", "airstrike", "airstrikes",
		"shelled", "mortar", "sniper", "ambush", "armed", "navy", "warships", "occupation", "invasion", "insurgency",
		"bullet", "bullets", "firearm", "firearms", "rifle", "rifles", "pistol")
	politicsWords = set("tweet", "tweets", "twitter", "campaign", "speech", "debate", "comments", "remarks", "critics",
		"media", "interview", "ad", "ads", "statement", "op-ed", "editorial", "rhetoric", "policy", "policies",
		"nominee", "candidate", "rival", "opponent", "republican", "democrat", "democratic", "republicans",
		"democrats", "senator", "voters", "election", "press", "record", "character", "verbal", "verbally", "personal")
	protestWords = set("protest", "protests", "protesters", "protestors", "demonstrators", "demonstration",
		"demonstrations", "marchers", "opposition", "anti-government", "against", "strikers")
)

func anyWord(ts []tok, set map[string]bool) bool {
	for i := range ts {
		if set[ts[i].low] {
			return true
		}
	}
	return false
}

// sentenceWords answers, once per sentence, whether it has a word of a
// context set (violence, politics, protest), so that rules asked for every
// trigger do not scan the sentence again.
type sentenceWords struct {
	ts                          []tok
	violence, politics, protest int8 // 0 unknown, 1 no, 2 yes
}

func (s *sentenceWords) has(memo *int8, set map[string]bool) bool {
	if *memo == 0 {
		*memo = 1
		if anyWord(s.ts, set) {
			*memo = 2
		}
	}
	return *memo == 2
}

// compiledAt reports whether some compiled entry starts with t's word or lemma.
func (lx *lexicon) compiledAt(t *tok) bool {
	if len(lx.byFirstC[t.low]) > 0 {
		return true
	}
	for _, f := range t.forms {
		if len(lx.byFirstC[f.lemma]) > 0 {
			return true
		}
	}
	return false
}

// adjunctOf reports whether the trigger starting at token j opens a purpose
// or participial adjunct of the clause whose trigger ends at token i: "to
// demand", "demanding", "calling for", within the same sentence part.
func adjunctOf(ts []tok, i, j int) bool {
	if j <= i {
		return false
	}
	for k := i + 1; k < j; k++ {
		if ts[k].low == ";" || ts[k].low == "and" || ts[k].low == "but" || ts[k].isTrig || speechVerbs[ts[k].low] {
			return false
		}
	}
	return ts[j-1].low == "to" || strings.HasSuffix(ts[j].low, "ing")
}
