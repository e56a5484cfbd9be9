package events

import "strings"

var (
	hardStop = set(";", ":", "(", ")", "\"", "“", "”", "‘", "—", "-", "–", "--", "[", "]",
		"that", "which", "whom", "whose", "because", "if", "when", "while", "after", "before", "although",
		"though", "since", "until", "where", "whether", "whereas", "unless")
	speechVerbs = set("said", "says", "say", "told", "tells", "stated", "announced", "added", "reported", "claimed",
		"noted", "according", "declared", "quoted", "explained", "wrote", "confirmed", "believes", "believed", "thinks",
		"saying", "telling", "stressed", "argued", "indicated", "revealed", "suggested", "acknowledged", "asserted")
	auxAdv = set("has", "have", "had", "will", "would", "could", "should", "may", "might", "must", "can", "shall",
		"did", "does", "do", "is", "are", "was", "were", "be", "been", "being", "not", "n't", "never", "also",
		"reportedly", "allegedly", "later", "then", "yesterday", "today", "again", "already", "still", "further",
		"first", "finally", "recently", "jointly", "publicly", "formally", "officially", "repeatedly", "strongly",
		"once", "just", "now", "soon", "even", "apparently", "immediately", "quickly", "swiftly", "sharply", "to",
		"cannot", "can't", "won't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't", "wasn't", "weren't",
		"isn't", "aren't", "wouldn't", "couldn't", "shouldn't", "ever", "unanimously", "overwhelmingly", "readily",
		"effectively", "separately", "personally", "initially", "eventually", "subsequently", "previously", "often",
		"get", "got", "gets", "begin", "began", "begun", "continue", "continued", "continues", "resume", "resumed",
		"agreed", "decided", "planned", "plans", "plan", "want", "wants", "wanted", "tried", "try", "tries", "sought",
		"expected", "expect", "going", "set", "due", "likely", "ready", "willing", "prepared", "able", "about",
		"threatened", "vowed", "promised", "offered", "refused", "failed", "managed", "helped", "started", "stopped")
	beForms    = set("is", "are", "was", "were", "be", "been", "being", "'s", "get", "got", "gets", "getting", "become", "became")
	coords     = set("and", "but", "or", "then", "so", "also", "nor", "as", "well", ",")
	negators   = set("not", "n't", "never", "no", "cannot", "neither", "nor", "without")
	patStop    = set(".", ",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "—", "–", "that", "which", "who", "whom", "to", "for", "after", "before", "because", "while", "when", "as", "since", "during", "until", "in", "at", "over", "following", "amid", "despite", "near", "by", "from", "with", "of", "on", "if", "but", "unless", "saying", "said", "says", "where", "about", "under", "last", "earlier", "this", "next", "within", "into", "against", "through", "without", "across", "outside", "inside", "around", "along", "toward", "towards", "and", "early", "late", "overnight", "again", "yesterday", "today")
	agentStop  = set(".", ",", ";", ":", "!", "?", "(", ")", "\"", "“", "”", "—", "–", "in", "on", "at", "during", "after", "before", "near", "when", "while", "as", "that", "which", "who", "since", "for", "last", "earlier", "this", "from", "to", "with", "against", "into", "over", "outside", "inside", "across", "amid", "following")
	lightVerbs = set("held", "hold", "holds", "holding", "launched", "launch", "launches", "launching", "staged", "stage",
		"stages", "staging", "carried", "carry", "carries", "conducted", "conduct", "conducts", "made", "make", "makes",
		"gave", "give", "gives", "signed", "sign", "signs", "expressed", "express", "expresses", "began", "begin",
		"begins", "started", "start", "starts", "resumed", "resume", "resumes", "issued", "issue", "issues", "imposed",
		"impose", "opened", "open", "mounted", "mount", "sent", "send", "sends", "offered", "offer",
		"announced", "announce", "reached", "reach", "agreed", "took", "take", "takes", "joined", "join", "led", "lead",
		"leads", "organized", "organised", "voiced", "voice", "provided", "provide", "has", "have", "had", "is", "are",
		"was", "were", "will", "would", "could", "may", "might", "should", "must", "did", "does", "do", "can")
	embedLinks = set("to", "that", "of", "for", "from")
	// aspectVerbs govern an event noun whose agent is their subject ("X
	// continued their hunger strike", "Y ended the blockade")
	aspectVerbs = set("began", "begin", "begins", "started", "start", "starts", "continued", "continue", "continues",
		"resumed", "resume", "resumes", "ended", "end", "ends", "stopped", "stop", "stops")
	denyWords = set("deny", "refuse", "reject", "decline", "fail", "rule")
	denials   = set("deny", "denies", "denied", "denying")
	// refusingModals before a negation make it a refusal ("would not", "won't")
	refusingModals = set("will", "would", "wo", "shall", "can", "ca")
	hedges         = set("could", "might", "may", "would", "possible", "possibly", "reportedly", "allegedly", "if")
	relPron        = set("who", "which", "that")
)

// roles builds the Trigger of match mi: span, voice, negation, agent, patient.
func roles(ts []tok, ms []match, mi int, done []Trigger) Trigger {
	m := &ms[mi]
	e := m.e
	tr := Trigger{
		Span:       Span{ts[m.first].Start, ts[m.last].End},
		Type:       m.typ,
		Cameo:      m.cameo,
		Symmetric:  false,
		Confidence: m.conf,
		Nominal:    m.nom,
		Dictionary: e.compiled,
		BothSides:  e.sides,
	}
	lemma := e.words[0].w
	k := ts[m.first].kind(lemma)
	// voice
	if !m.nom && k&formPast != 0 {
		j := m.first - 1
		for j >= 0 && j >= m.first-3 && (auxAdv[ts[j].low] && !beForms[ts[j].low] || strings.HasSuffix(ts[j].low, "ly")) {
			j--
		}
		if j >= 0 && beForms[ts[j].low] {
			tr.Passive = true
		} else if m.last+1 < len(ts) && ts[m.last+1].low == "by" && !(m.last+2 < len(ts) && (weekdays[ts[m.last+2].low] || byManner[ts[m.last+2].low] && !ts[m.last+2].cap)) {
			tr.Passive = true // a reduced passive ("troops backed by tanks"), not "talked by phone"
		} else if m.first > 0 && m.last+1 < len(ts) && (ts[m.last+1].low == "of" || ts[m.last+1].low == "with") &&
			ts[m.first-1].word && !ts[m.first-1].cap && !pronouns[ts[m.first-1].low] && !auxAdv[ts[m.first-1].low] {
			tr.Passive = true // "companies accused of supplying arms", "men charged with treason"
		}
	}
	// negation: a negator in the three tokens before the trigger, or before
	// the verb that governs a nominal one ("denied carrying out the attack")
	reach := 3
	if m.nom {
		reach = 6
	}
	for j := m.first - 1; j >= 0 && j >= m.first-reach; j-- {
		if !ts[j].word || hardStop[ts[j].low] || ts[j].isTrig {
			break
		}
		if negators[ts[j].low] || strings.HasSuffix(ts[j].low, "n't") || ts[j].low == "failed" ||
			m.nom && denials[ts[j].low] {
			tr.Negated = true
			tr.Confidence *= 0.8
			// "would not meet", "won't sign", "never agreed", "denied an
			// agreement": a refusal; "did not provide details" only says
			// what has not happened
			prev := ""
			if j > 0 {
				prev = ts[j-1].low
			}
			tr.Refused = refusingModals[prev] || refusingModals[strings.TrimSuffix(ts[j].low, "n't")] || ts[j].low == "never" ||
				ts[j].low == "cannot" || denials[ts[j].low]
			break
		}
	}
	// embedded in the complement of an earlier complement-taking trigger
	for pj := mi - 1; pj >= 0; pj-- {
		p := &ms[pj]
		// what hangs off a trigger that is itself not asserted ("rejected
		// an invitation to attend a meeting") is not asserted either
		// or is only intended or possible ("would back strikes on the camps")
		unasserted := done[pj].Object || done[pj].Embedded || !p.nom && modalBefore(ts, p.first)
		if !p.e.comm && !unasserted || p.e.compiled && !e.compiled || m.first-p.last > 10 {
			continue
		}
		link := ts[p.last].low == "to" // "declined to resign"
		stop := false
		for j := p.last + 1; j < m.first; j++ {
			if ts[j].low == ";" || ts[j].low == "." || speechVerbs[ts[j].low] {
				stop = true
				break
			}
			if embedLinks[ts[j].low] && (p.e.comm || ts[j].low != "that") {
				link = true // "the attack that killed 12" is a relative clause, not a complement
			}
		}
		if stop {
			break
		}
		// a trigger right after a verb trigger is its object, whatever its
		// form ("would back strikes": "strikes" is a noun there)
		if link || m.first == p.last+1 && (k&formIng != 0 || !p.nom && unasserted) || ingComplement(ts, p.last+1, m.first) ||
			m.nom && nounObject(ts, p.last+1, m.first) ||
			p.e.rule == "must" && m.first-p.last <= 3 {
			tr.Embedded = true
			tr.Confidence *= 0.55
			if denyWords[p.e.words[0].w] {
				tr.Negated, tr.Refused = true, true // "refused to meet", "declined to sign"
			}
			if p.e.intent && pj == mi-1 && done[pj].Type == "AGREE" {
				// "is prepared to impose martial law": a threat; "is ready to send aid": an offer
				if c, ok := threatCameo[tr.Type]; ok {
					done[pj].Type, done[pj].Cameo = "THREATEN", c
				} else if c, ok := intentCameo[tr.Type]; ok {
					done[pj].Cameo = c
				}
			}
		}
		break
	}
	if !m.nom && k&formIng != 0 && m.first > 0 && (gerundTakers[ts[m.first-1].low] || ts[m.first-1].verbTrig) {
		// "would support striking the camps", "denied attacking": considered, not done
		tr.Embedded = true
		if denials[ts[m.first-1].low] {
			tr.Negated, tr.Refused = true, true
		}
	}
	if m.nom && (hypothetical(ts, m.first) || descriptive(ts, m.first)) {
		// "any deal must end enrichment", "if no agreement is reached";
		// "The United States, a treaty ally of the Philippines, said"
		tr.Embedded = true
	}
	salience(ts, ms, mi, &tr, k)
	// hedges lower the confidence a little
	for j := m.first - 1; j >= 0 && j >= m.first-3; j-- {
		if hedges[ts[j].low] {
			tr.Confidence *= 0.85
			break
		}
	}

	// participants
	after := m.last + 1
	var agent, patient, possessor Span
	between := false
	if m.nom && !tr.Passive {
		// "attacks by X", "talks between X and Y", "Israel's attack on Gaza", "US air strikes"
		if after < len(ts) && (ts[after].low == "by" && !(after+1 < len(ts) && byManner[ts[after+1].low] && !ts[after+1].cap) || ts[after].low == "between") {
			agent = phrase(ts, after+1, agentStop, 14)
			between = ts[after].low == "between"
			if between {
				agent = phrase(ts, after+1, patStopNoAnd, 14)
			}
			after = skipPhrase(ts, after+1, agent)
		}
		if agent.Empty() {
			agent = premodifiers(ts, m.first)
		}
		if agent.Empty() && m.first > 0 && ownPossessives[ts[m.first-1].low] {
			possessor = Span{ts[m.first-1].Start, ts[m.first-1].End} // "over its support for …": the possessor acts
		}
		if topicOf(ts, m.first) {
			// "addressing Friday's attack", "mentioned the shooting": an
			// event spoken of is not the speaker's act
			tr.Anaphoric = true
		}
		if agent.Empty() && anaphoric(ts, m.first) {
			tr.Anaphoric = true
			// its own complement still names a side: "the resignation of
			// Maduro", "the attack on the convoy"
			if after < len(ts) && nounComplement[ts[after].low] {
				patient = phrase(ts, after+1, patStop, 8)
			}
		} else if agent.Empty() && !inPP(ts, m.first) {
			agent = clauseSubject(ts, ms, mi, true)
		}
	} else if tr.Passive {
		patient = clauseSubject(ts, ms, mi, false)
		for j := after; j < len(ts) && j <= after+3; j++ {
			if ts[j].low == "by" {
				agent = phrase(ts, j+1, agentStop, 12)
				break
			}
			if !ts[j].word {
				break
			}
		}
	} else if e.rule == "must" {
		patient = clauseSubject(ts, ms, mi, false)
		agent = speaker(ts)
		if agent.Empty() {
			agent = mainSubject(ts)
		}
	} else {
		agent = clean(ts, clauseSubject(ts, ms, mi, false))
		if agent.Empty() && mi > 0 {
			// control: "urged Iran to withdraw" (the object acts), "agreed to
			// withdraw", "attacked X and killed Y" (the subject acts)
			p := done[mi-1]
			for pj := mi - 1; pj >= 0; pj-- {
				if !ms[pj].nom {
					p = done[pj]
					break
				}
			}
			switch {
			case tr.Embedded && p.Type == "REQUEST" && !p.Patient.Empty():
				agent = p.Patient
			case tr.Embedded || coordinated(ts, ms, mi) || ms[mi].first > 0 && ts[ms[mi].first-1].low == "to" || k&formIng != 0:
				agent = p.Agent
			}
		}
	}
	if patient.Empty() && !tr.Passive && !between && e.rule != "must" {
		patient = objectOf(ts, m, after)
	}
	if tr.Passive && patient.Empty() {
		patient = objectOf(ts, m, after)
	}
	if !patient.Empty() && !m.nom && !named(ts, patient) && m.typ != "MOBILIZE" && m.typ != "RETREAT" {
		// "provided aerial photographs to Macedonia", "used force against
		// protesters", "seized weapons from armed groups": an object that names no one leaves the recipient to
		// the prepositional phrase after it
		j := skipPhrase(ts, 0, patient)
		// "aerial photographs and other military intelligence to Macedonia"
		for k := j; k < len(ts) && k < j+8 && (ts[k].low == "and" || ts[k].low == "or" || k > j && ts[k].word && !ts[k].cap && !ts[k].isTrig && !recipientPreps[ts[k].low] && !patStop[ts[k].low]); k++ {
			if k+1 < len(ts) && recipientPreps[ts[k+1].low] {
				j = k + 1
				break
			}
		}
		if j+1 < len(ts) && (recipientPreps[ts[j].low] || ts[j].low == "from" && m.typ == "COERCE") && ts[j+1].word {
			if r := recipient(ts, j+1, m.typ); !r.Empty() && named(ts, r) {
				patient = r
			}
		}
	}
	agent, patient = clean(ts, agent), clean(ts, patient)
	if agent.Empty() {
		agent = possessor
	}
	if isPronoun(ts, agent) && !tr.Passive && agent != possessor {
		// "Japan said it had halted aid": the pronoun is the speaker
		if sp := clean(ts, speaker(ts)); !sp.Empty() && sp.End <= agent.Start && !isPronoun(ts, sp) {
			agent = sp
		}
	}
	if !m.nom && k&formPast != 0 && (m.typ == "ACCUSE" || m.typ == "PROTEST") && tailAttribution(ts, m.last) {
		// "Croatian authorities are failing …, a rights group protested":
		// the group accuses; the clause it comments on names the accused
		if c := lastComma(ts, m.first); c >= 0 {
			agent = clean(ts, Span{ts[c].End, ts[m.first-1].End})
			patient = mainSubject(ts)
			tr.Trailing = true
		}
	}
	tr.Agent, tr.Patient = agent, patient
	// violence by protesters is a violent protest (CAMEO 145)
	if tr.Type == "ASSAULT" && protestAgent(ts, tr.Agent) {
		tr.Type, tr.Cameo = "PROTEST", "145"
	}
	// troops arriving are deployed, not visiting; peacekeepers are
	// protection given (CAMEO 074)
	if tr.Type == "CONSULT" && (tr.Cameo == "042" || tr.Cameo == "043") && troopAgent(ts, tr.Agent) {
		tr.Type, tr.Cameo = "MOBILIZE", "154"
		if spanHas(ts, tr.Agent, func(w string) bool { return strings.HasPrefix(w, "peacekeep") }) {
			tr.Type, tr.Cameo = "AID", "074"
		}
	}
	// police violence against protesters is repression (CAMEO 175); a
	// killing stays an assault
	if tr.Type == "ASSAULT" && policeAgent(ts, tr.Agent) && protestInSentence(ts) && !lethal[lemma] {
		tr.Type, tr.Cameo = "COERCE", "175"
	}
	if e.sym {
		if between || hasCoord(ts, agent) && patient.Empty() || !patient.Empty() && withBefore(ts, patient) {
			tr.Symmetric = true
		}
		if hasCoord(ts, agent) && (patient.Empty() || ownPhrase(ts, patient)) {
			// "X and Y clashed on their border": the coordinated sides are the participants
			tr.Symmetric = true
		}
	}
	return tr
}

// ingComplement reports whether tokens from..to-1 are a gerund clause
// opening the complement of a verb: "denied [carrying out] the attack",
// "denies [being behind] the strikes".
func ingComplement(ts []tok, from, to int) bool {
	if from >= to || to-from > 6 || !strings.HasSuffix(ts[from].low, "ing") || len(ts[from].low) < 5 {
		return false
	}
	for j := from; j < to; j++ {
		if !ts[j].word || ts[j].low == "and" || ts[j].low == "but" {
			return false
		}
	}
	return true
}

// nounObject reports whether tokens from..to-1 open a noun phrase that is
// the object of the verb before from: "urged [the immediate] reinforcement",
// "demanded [the] withdrawal", "denied [any] involvement".
func nounObject(ts []tok, from, to int) bool {
	if to-from > 3 {
		return false
	}
	for j := from; j < to; j++ {
		if !ts[j].word || ts[j].cap || ts[j].isTrig || ts[j].low == "and" {
			return false
		}
	}
	return true
}

// unreal are the words that make an event noun a possibility, not a fact.
var unreal = set("any", "no", "possible", "potential", "future", "eventual", "hypothetical", "proposed")

// hypothetical reports whether the nominal trigger at first is introduced
// as a possibility: "any deal", "no agreement", "a possible ceasefire".
func hypothetical(ts []tok, first int) bool {
	for j := first - 1; j >= 0 && j >= first-3; j-- {
		if unreal[ts[j].low] {
			return true
		}
		if !ts[j].word || ts[j].cap || ts[j].isTrig || definiteDet[ts[j].low] {
			return false
		}
	}
	return false
}

// descriptive reports a nominal trigger in an appositive that describes a
// name: "Washington, a treaty ally of Manila," ("an ally", "a signatory").
func descriptive(ts []tok, first int) bool {
	for j := first - 1; j >= 1 && j >= first-3; j-- {
		if ts[j].low == "a" || ts[j].low == "an" {
			return ts[j-1].low == "," && j >= 2 && ts[j-2].cap
		}
		if !ts[j].word || ts[j].isTrig {
			return false
		}
	}
	return false
}

// nounComplement are the prepositions of an event noun's own complement.
var nounComplement = set("of", "on", "against", "to")

// topicOf reports whether the noun phrase of the nominal trigger at first
// is the object of a verb of speaking, knowing or feeling ("addressed
// Friday's attack", "mourned the victims of the bombing"): the subject of
// that verb speaks of the event, it does not carry it out.
func topicOf(ts []tok, first int) bool {
	for j := first - 1; j >= 0 && j >= first-4; j-- {
		w := ts[j].low
		if topicVerbs[w] {
			return true
		}
		if ownPossessives[w] {
			return false // "recalled her opposition": her own act
		}
		if !ts[j].word || ts[j].isTrig || !(definiteDet[w] || determiners[w] || ts[j].cap || possessive(w) || isDigits(w) || adjectival(w)) {
			return false
		}
	}
	return false
}

// byManner follow "by" for the means of an act, not its agent ("talked by
// phone", "met by video link").
var byManner = set("phone", "telephone", "video", "videolink", "videoconference", "letter", "email", "mail", "radio",
	"satellite", "text", "car", "plane", "air", "sea", "road", "train", "boat", "helicopter")

// ownPossessives name whose act an event noun is.
var ownPossessives = set("his", "her", "their", "its", "our", "my")

// topicVerbs speak of, recall or feel about an event (all their forms).
var topicVerbs = verbForms("address", "mention", "discuss", "recall", "cite", "describe", "remember", "mourn",
	"commemorate", "witness", "cover", "explain", "investigate", "probe", "survive", "recount", "blame", "praise")

// possessive reports a word that names whose thing follows: "its", "her",
// "Russia's".
func possessive(w string) bool {
	return ownPossessives[w] || strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// definiteDet are the words that make a nominal trigger point back to an
// event already known to the reader.
var definiteDet = set("the", "this", "that", "these", "those")

// clauseOpeners may stand right before a noun phrase that is the subject
// of its clause.
var clauseOpeners = set("that", "which", "as", "while", "when", "after", "before", "because", "since", "and", "but",
	"said", "says", "told", "added", "noted", "stressed", "insisted", "believes", "believed", "hoped")

// anaphoric reports whether the nominal trigger at first refers back to an
// event: its noun phrase opens with a definite determiner ("the gas
// attack") and is the subject of its clause ("…noted that the attack was"),
// the object of another event ("condemned the attack") or in a
// prepositional phrase ("a role in the attack"). The object of
// a plain verb keeps the subject as initiator ("sped up the withdrawal").
func anaphoric(ts []tok, first int) bool {
	for j := first - 1; j >= 0 && j >= first-3; j-- {
		if definiteDet[ts[j].low] {
			p := j - 1
			if p >= 1 && preps[ts[p].low] && (ts[p-1].low == "responsibility" || ts[p-1].low == "credit") {
				return false // "claimed responsibility for the attack"
			}
			return p < 0 || !ts[p].word || clauseOpeners[ts[p].low] || ts[p].isTrig || preps[ts[p].low]
		}
		if !ts[j].word || ts[j].cap || ts[j].isTrig {
			return false
		}
	}
	return false
}

var patStopNoAnd = func() map[string]bool {
	m := make(map[string]bool, len(patStop))
	for k := range patStop {
		if k != "and" && k != "," {
			m[k] = true
		}
	}
	return m
}()

// phrase returns the span of tokens from i up to the first stop word (at most max tokens).
func phrase(ts []tok, i int, stops map[string]bool, max int) Span {
	j := i
	for j < len(ts) && j < i+max {
		if stops[ts[j].low] || ts[j].verbTrig || (!ts[j].word && ts[j].low != "'s" && ts[j].low != "-" && ts[j].low != "&") {
			break
		}
		if j > i && (weekdays[ts[j].low] || finiteVerbs[ts[j].low] || auxAdv[ts[j].low] && !ts[j].cap) {
			break
		}
		j++
	}
	for j > i && (ts[j-1].low == "'s" || !ts[j-1].word || ts[j-1].low == "and" || ts[j-1].low == "the") {
		j--
	}
	if j <= i {
		return Span{}
	}
	return Span{ts[i].Start, ts[j-1].End}
}

func skipPhrase(ts []tok, i int, s Span) int {
	for i < len(ts) && ts[i].Start < s.End {
		i++
	}
	return i
}

// premodifiers returns the possessor or the proper-name modifiers of a nominal
// trigger: "Israel's" in "Israel's attack", "US" in "US air strikes".
func premodifiers(ts []tok, first int) Span {
	j := first - 1
	if j >= 0 && ts[j].low == "'s" {
		end := j
		s := j - 1
		for s >= 0 && (ts[s].cap || ts[s].low == "-" || ts[s].low == "of") && ts[s].word {
			s--
		}
		if s+1 < end {
			return Span{ts[s+1].Start, ts[end-1].End}
		}
		return Span{}
	}
	end := j
	for j >= 0 && ts[j].word && !ts[j].isTrig && (ts[j].cap || ts[j].low == "-") {
		j--
	}
	if j+1 <= end && end >= 0 {
		// a sentence-initial capital alone is not a modifier ("The attack")
		if j+1 == end && (determiners[ts[end].low] || end == 0 && !isNameLike(ts[end].Text)) {
			return Span{}
		}
		s := j + 1
		for s <= end && determiners[ts[s].low] {
			s++
		}
		if s <= end {
			return Span{ts[s].Start, ts[end].End}
		}
	}
	return Span{}
}

func isNameLike(s string) bool {
	if len(s) < 2 {
		return false
	}
	upper := 0
	for _, r := range s {
		if r >= 'A' && r <= 'Z' {
			upper++
		}
	}
	return upper >= 2 // "US", "NATO", "UN"
}

// clauseSubject returns the span before trigger mi that states its subject:
// back to the clause start, skipping appositions and trailing auxiliaries.
func clauseSubject(ts []tok, ms []match, mi int, nominal bool) Span {
	return subjectBefore(ts, ms[mi].first, nominal)
}

// subjectBefore returns the subject span of the clause whose verb (or
// trigger) starts at token first.
func subjectBefore(ts []tok, first int, nominal bool) Span {
	end := first - 1
	if nominal {
		// "X started a hunger strike": the subject precedes the governing verb
		light := false
		for j := first - 1; j >= 0 && j >= first-5; j-- {
			l := ts[j].low
			if lightVerbs[l] && !auxAdv[l] || aspectVerbs[l] {
				end = j - 1
				nominal, light = false, true
				break
			}
			if preps[l] || !ts[j].word || ts[j].isTrig {
				break
			}
		}
		if !light {
			// the object of some other verb ("Putin regarded the strikes as …"): no agent
			for j := first - 1; j >= 0; j-- {
				l := ts[j].low
				if hardStop[l] || l == "," || speechVerbs[l] {
					break
				}
				if ts[j].verbTrig || finiteVerbs[l] || auxAdv[l] && !ts[j].cap && l != "to" || !ts[j].cap && strings.HasSuffix(l, "ed") && j > 0 {
					return Span{}
				}
			}
		}
	}
	for end >= 0 && (auxAdv[ts[end].low] || strings.HasSuffix(ts[end].low, "ly") && !ts[end].cap && len(ts[end].low) > 4) && !ts[end].isTrig {
		end--
	}
	if end >= 0 && (ts[end].low == "and" || ts[end].low == "but" || ts[end].low == "or" || ts[end].low == "then") {
		return Span{} // coordinated verb phrase: the subject is the previous one's
	}
	start := end + 1
	skipping := false
	for j := end; j >= 0; j-- {
		t := &ts[j]
		if skipping && t.low != "," {
			if t.low == ";" || t.low == ":" || t.low == "(" || t.low == ")" || t.low == "\"" {
				break
			}
			continue
		}
		if t.verbTrig || hardStop[t.low] || speechVerbs[t.low] || nominal && t.isTrig {
			break
		}
		if t.low == "," {
			if start <= end && !skipping {
				// a comma after a collected subject: an introductory phrase ends here
				break
			}
			if skipping {
				// end of apposition: collect what precedes it
				skipping = false
				end = j - 1
				start = j
				continue
			}
			skipping = true
			continue
		}
		if relPron[t.low] {
			if skipping {
				continue
			}
			break
		}
		if !skipping {
			start = j
		}
	}
	if skipping || start > end || end < 0 {
		return Span{}
	}
	// trim leading conjunctions and prepositional introductions
	for start <= end && (coords[ts[start].low] || !ts[start].word) {
		start++
	}
	// the subject ends before the first verb-like word
	{
		for j := start; j <= end; j++ {
			if lightVerbs[ts[j].low] && j > start || nominal && !ts[j].cap && strings.HasSuffix(ts[j].low, "ed") && j > start {
				end = j - 1
				break
			}
		}
		for end >= start && (auxAdv[ts[end].low] || strings.HasSuffix(ts[end].low, "ly") && !ts[end].cap) {
			end--
		}
	}
	if start > end {
		return Span{}
	}
	if end-start > 20 {
		start = end - 20
	}
	if start >= 2 && preps[ts[start].low] && ts[start-1].verbTrig && strings.HasSuffix(ts[start-1].low, "ed") && ts[start-2].word && !auxAdv[ts[start-2].low] {
		// "US warships deployed to the Mediterranean launched …": a reduced
		// relative; the subject is the noun phrase before it
		return subjectBefore(ts, start-1, false)
	}
	return Span{ts[start].Start, ts[end].End}
}

// coordinated reports whether trigger mi follows "and"/"but" right after the
// previous trigger's clause ("X attacked Y and killed Z").
func coordinated(ts []tok, ms []match, mi int) bool {
	j := ms[mi].first - 1
	for j >= 0 && auxAdv[ts[j].low] {
		j--
	}
	return j >= 0 && (ts[j].low == "and" || ts[j].low == "but" || ts[j].low == "then" || ts[j].low == ",")
}

// objectOf returns the recipient span after the trigger.
func objectOf(ts []tok, m *match, after int) Span {
	if after >= len(ts) {
		return Span{}
	}
	e := m.e
	nx := ts[after].low
	for _, p := range e.rec {
		if nx == p {
			return recipient(ts, after+1, m.typ)
		}
	}
	if (nx == "at" || nx == "more" || nx == "up") && after+1 < len(ts) && (ts[after+1].low == "least" || ts[after+1].low == "than" || ts[after+1].low == "to") {
		return recipient(ts, after, m.typ) // "killed at least 86 people"
	}
	if nx == "that" && (m.typ == "REQUEST" || m.typ == "THREATEN" || m.typ == "ACCUSE") {
		return actorNP(ts, after+1)
	}
	switch nx {
	case "with", "to", "on", "against", "upon", "into", "at":
		if m.nom || e.n > 1 || e.sym || nx == "with" || nx == "against" || nx == "on" || nx == "upon" {
			return recipient(ts, after+1, m.typ)
		}
		return Span{}
	}
	if m.nom && e.n == 1 {
		if nx == "of" && (m.typ == "ASSAULT" || m.typ == "COERCE" || m.typ == "ACCUSE" || m.typ == "SUPPORT") {
			return recipient(ts, after+1, m.typ)
		}
		return Span{}
	}
	return recipient(ts, after, m.typ)
}

// recipient returns the noun phrase starting at i.
func recipient(ts []tok, i int, typ string) Span {
	if i >= len(ts) || weekdays[ts[i].low] {
		return Span{}
	}
	stops := patStopOf
	if typ == "ACCUSE" || typ == "THREATEN" || typ == "REQUEST" {
		stops = patStop // "accused X of Y", "warned X of Y"
	}
	s := phrase(ts, i, stops, 14)
	if s.Empty() {
		return s
	}
	// "X and Y" inside a recipient: keep coordination of names
	j := skipPhrase(ts, i, s)
	if j+1 < len(ts) && ts[j].low == "and" && ts[j+1].cap && !ts[j+1].isTrig {
		s2 := phrase(ts, j+1, patStop, 8)
		if !s2.Empty() {
			s.End = s2.End
		}
	}
	return s
}

func hasCoord(ts []tok, s Span) bool {
	if s.Empty() {
		return false
	}
	for i := range ts {
		if ts[i].Start >= s.Start && ts[i].End <= s.End && (ts[i].low == "and" || ts[i].low == "," || ts[i].low == "&") {
			return true
		}
	}
	return false
}

func withBefore(ts []tok, s Span) bool {
	for i := range ts {
		if ts[i].Start == s.Start {
			return i > 0 && (ts[i-1].low == "with" || ts[i-1].low == "between")
		}
	}
	return false
}

// spanFiller are words a participant span may not begin or end with.
var spanFiller = set("the", "a", "an", "in", "on", "of", "and", "or", "by", "to", "with", "from", "for",
	"its", "their", "his", "her", "this", "that", "these", "those", "'s", "-", ",", "also", "both", "over",
	"against", "into", "as", "then", "but", "is", "are", "was", "were", "has", "have", "had")

// clean trims function words, dates and punctuation from the ends of a
// participant span; a span of only such words (or only numbers) becomes empty.
func clean(ts []tok, s Span) Span {
	if s.Empty() {
		return Span{}
	}
	first, last := -1, -1
	for i := range ts {
		if ts[i].Start >= s.Start && ts[i].End <= s.End {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return Span{}
	}
	filler := func(t *tok) bool {
		return spanFiller[t.low] || !t.word || weekdays[t.low]
	}
	for first <= last && filler(&ts[first]) {
		first++
	}
	for last >= first && filler(&ts[last]) {
		last--
	}
	if first > last {
		return Span{}
	}
	content := false
	for i := first; i <= last; i++ {
		if l := ts[i].low; !filler(&ts[i]) && !(l[0] >= '0' && l[0] <= '9') && !qualifiers[l] && l != "at" && l != "more" {
			content = true
		}
	}
	if !content {
		return Span{}
	}
	return Span{ts[first].Start, ts[last].End}
}

// inPP reports whether the noun phrase ending at token first is the object of
// a preposition ("in the chemical attack", "during the fight").
func inPP(ts []tok, first int) bool {
	for j := first - 1; j >= 0 && j >= first-5; j-- {
		l := ts[j].low
		if preps[l] {
			return true
		}
		if ts[j].isTrig || lightVerbs[l] || !ts[j].word || l == "and" {
			return false
		}
	}
	return false
}

// finiteVerbs are common finite verbs that end a noun phrase ("Gaza drew …").
var finiteVerbs = set("drew", "came", "went", "left", "took", "gave", "made", "saw", "said", "says", "told", "began",
	"held", "led", "met", "sent", "fell", "rose", "won", "lost", "kept", "brought", "caused", "sparked", "prompted",
	"triggered", "followed", "ended", "resumed", "continued", "broke", "erupted", "killed", "left", "remained",
	"became", "seemed", "appeared", "happened", "occurred", "took", "raged", "spread", "forced", "led", "marked")

// patStopOf is patStop without "of": "positions of the security forces".
var patStopOf = func() map[string]bool {
	m := make(map[string]bool, len(patStop))
	for k := range patStop {
		if k != "of" {
			m[k] = true
		}
	}
	return m
}()

var pronouns = set("it", "he", "she", "they", "we", "i", "its", "his", "her", "their", "them", "him", "us")

func isPronoun(ts []tok, s Span) bool {
	if s.Empty() {
		return false
	}
	for i := range ts {
		if ts[i].Start == s.Start {
			return ts[i].End == s.End && pronouns[ts[i].low]
		}
	}
	return false
}

// mainSubject returns the subject of the sentence's first clause: the words
// before its first verb-like word.
func mainSubject(ts []tok) Span {
	for j := 1; j < len(ts); j++ {
		l := ts[j].low
		if ts[j].verbTrig || lightVerbs[l] || speechVerbs[l] || !ts[j].cap && strings.HasSuffix(l, "ed") || l == "," {
			return clean(ts, Span{ts[0].Start, ts[j-1].End})
		}
	}
	return Span{}
}

// actorHeads are common nouns that head a noun phrase naming an actor.
var actorHeads = set("government", "governments", "forces", "force", "army", "authorities", "officials", "troops",
	"police", "military", "regime", "leaders", "leader", "people", "rebels", "parliament", "president", "minister",
	"council", "administration", "side", "sides", "militants", "community", "country", "countries", "nations",
	"state", "states", "union", "party", "opposition", "junta", "cabinet", "court", "ministry", "navy", "guerrillas")

// actorNP returns the actor noun phrase starting at i: determiners, names
// and actor nouns ("the Sudanese government" in "demanded that the Sudanese
// government end …").
func actorNP(ts []tok, i int) Span {
	j := i
	for j < len(ts) && (ts[j].cap || determiners[ts[j].low] || actorHeads[ts[j].low] || ts[j].low == "and" || ts[j].low == "'s" || ts[j].low == "-") && !ts[j].verbTrig {
		j++
	}
	if j == i {
		return Span{}
	}
	return Span{ts[i].Start, ts[j-1].End}
}

var lethal = set("kill", "massacre", "slay", "execute", "murder", "assassinate")

var policeWords = set("police", "policemen", "riot", "gendarmes", "gendarmerie", "security")

func policeAgent(ts []tok, s Span) bool {
	return spanHas(ts, s, func(w string) bool { return policeWords[w] })
}

func protestInSentence(ts []tok) bool {
	for i := range ts {
		if protestActors[ts[i].low] || ts[i].low == "protest" || ts[i].low == "protests" || ts[i].low == "demonstration" || ts[i].low == "demonstrations" || ts[i].low == "rally" {
			return true
		}
	}
	return false
}

// ownPhrase reports a phrase that opens with a possessive of the subject
// ("their disputed frontier", "its border"): a place or thing, not a side.
func ownPhrase(ts []tok, s Span) bool {
	for i := range ts {
		if ts[i].Start == s.Start {
			return ts[i].low == "their" || ts[i].low == "its" || i > 0 && (ts[i-1].low == "their" || ts[i-1].low == "its")
		}
	}
	return false
}

// modalBefore reports a modal or intent word right before token i, adverbs
// aside: "would back", "could soon impose", "will not send".
func modalBefore(ts []tok, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		l := ts[j].low
		if l == "would" || l == "could" || l == "might" || l == "may" || l == "should" || l == "will" || l == "'ll" || l == "shall" {
			return true
		}
		if !(auxAdv[l] || strings.HasSuffix(l, "ly") || l == "not") {
			return false
		}
	}
	return false
}

// recipientPreps introduce the recipient after a direct object.
var recipientPreps = set("to", "against", "on", "at", "upon")

// named reports whether span s contains a capitalised word (a name or a
// demonym: someone the phrase names).
func named(ts []tok, s Span) bool {
	for i := range ts {
		if ts[i].Start >= s.Start && ts[i].End <= s.End && ts[i].cap {
			return true
		}
	}
	return false
}

// lastComma returns the index of the last comma before token i within eight
// tokens, or -1.
func lastComma(ts []tok, i int) int {
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if ts[j].low == "," {
			return j
		}
	}
	return -1
}

var troopWords = set("troops", "soldiers", "forces", "peacekeepers", "peacekeeping", "warships", "marines",
	"paratroopers", "battalion", "battalions", "contingent", "units", "deployment", "brigade", "brigades")

// armedHeads name a force, with troopWords ("Syrian Arab Army", "Rapid
// Support Forces", "Revolutionary Guard").
var armedHeads = set("army", "navy", "force", "guard", "guards", "militia", "military", "police")

// ArmedName reports a name of an armed force: an organisation named so can
// use force without a sentence naming a weapon.
func ArmedName(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		if troopWords[w] || armedHeads[w] {
			return true
		}
	}
	return false
}

// troopAgent reports whether span s names military units.
func troopAgent(ts []tok, s Span) bool {
	return spanHas(ts, s, func(w string) bool { return troopWords[w] })
}

// spanHas reports whether a token of span s satisfies f.
func spanHas(ts []tok, s Span, f func(string) bool) bool {
	if s.Empty() {
		return false
	}
	for i := range ts {
		if ts[i].Start >= s.Start && ts[i].End <= s.End && f(ts[i].low) {
			return true
		}
	}
	return false
}
