package events

import "strings"

var (
	intentMarkers = set("will", "would", "'ll", "shall", "ready", "willing", "prepared", "plans", "plan", "planned",
		"intends", "intend", "intended", "pledged", "promised", "offered", "going", "wants", "want")
	subordinators = set("which", "who", "whom", "unless", "if", "because", "after", "before", "when", "while",
		"although", "though", "since", "until", "whereas", "once")
	intentCameo = map[string]string{"CONSULT": "036", "SUPPORT": "032", "COOPERATE": "031", "AID": "033",
		"CONCEDE": "035", "RETREAT": "035"}
	threatCameo = map[string]string{"ASSAULT": "138", "COERCE": "137", "SANCTION": "131", "MOBILIZE": "138",
		"PROTEST": "133"}
)

// intentBefore reports an intention or future in the main clause before
// i ("would stay in place until …", "will remain, the EU said, until …"),
// not in a relative clause set off by commas ("Fighting, which Moscow said
// would end soon, continued until …").
func intentBefore(ts []tok, i int) bool {
	rel := false
	for j := 0; j < i; j++ {
		l := ts[j].low
		switch {
		case l == ";":
			rel = false
		case l == ",":
			rel = j+1 < i && relatives[ts[j+1].low]
		case !rel && intentMarkers[l]:
			return true
		}
	}
	return false
}

// salience weighs a trigger by its syntactic position, so that the main
// clause's event outranks events in adjuncts, relative clauses and
// prepositional phrases, and retypes stated intentions: "will support" is an
// AGREE (intent to cooperate), "will attack" and "will withdraw … unless" a
// THREATEN.
func salience(ts []tok, ms []match, mi int, tr *Trigger, k uint8) {
	m := &ms[mi]
	w := 1.0
	clauseStart := 0
	sub, subAt := "", -1
	for j := m.first - 1; j >= 0; j-- {
		l := ts[j].low
		if l == ";" || l == ":" || l == "\"" || l == "“" || l == "”" {
			clauseStart = j + 1
			break
		}
		if subordinators[l] || l == "where" && j > 0 && ts[j-1].cap {
			sub, subAt, clauseStart = l, j, j+1
			// a relative clause still open at the trigger tells of
			// something else ("lifted a curfew in Montenegro, where 28
			// people have been killed")
			tr.Background = relatives[l] && !commaBetween(ts, j, m.first)
			break
		}
		if l == "that" {
			if !complementizer(ts, j) {
				sub = "which"
				// a relative "that" follows its noun ("the plan that"), not
				// a name or a date ("a reminder to Iraq that", "on Saturday that")
				tr.Background = !commaBetween(ts, j, m.first) && j > 0 && ts[j-1].word && !ts[j-1].cap &&
					!weekdays[ts[j-1].low] && !strings.HasSuffix(ts[j-1].low, "ed")
			}
			clauseStart = j + 1
			break
		}
	}
	_ = clauseStart
	if sub != "" {
		w *= 0.75
	}
	if sub == "if" || sub == "unless" {
		tr.Embedded = true // a condition, not a fact: "ready to strike if chemical weapons were used"
	}
	if sub == "until" && intentBefore(ts, subAt) {
		tr.Embedded = true // "sanctions would stay until Moscow fulfilled its commitments": not yet a fact
	}
	prevLow := func(d int) string {
		if m.first-d >= 0 {
			return ts[m.first-d].low
		}
		return ""
	}
	if m.nom {
		// find what governs the noun phrase
		gov := ""
		for j := m.first - 1; j >= 0 && j >= m.first-5; j-- {
			l := ts[j].low
			if ts[j].verbTrig {
				gov = "trig"
				tr.Object = handTrigger(ts, ms, j)
				break
			}
			if lightVerbs[l] || preps[l] || !ts[j].word || l == "and" || ts[j].isTrig {
				gov = l
				// "reneged on his commitment", "accused X of aggression",
				// "thanked Japan for its support": the reason or object of
				// the verb before, its own object in between
				if preps[l] && l != "in" && l != "at" && l != "during" {
					reach := j - 1 // the verb right before the preposition
					if l == "for" || l == "of" {
						reach = j - 4 // or past its object: "thanked Japan for", "accused Russia of"
					}
					for v := j - 1; v >= 0 && v >= reach && ts[v].word; v-- {
						if ts[v].verbTrig {
							// what is criticised stays a fact ("criticised the EU
							// for its sanctions"); what is thanked for or accused
							// of belongs to that verb
							far := v < j-1 && l == "for" && ts[v].owner >= 0 && ms[ts[v].owner].typ != "SUPPORT"
							tr.Object = !far && handTrigger(ts, ms, v)
							break
						}
						if ts[v].isTrig {
							break
						}
					}
				}
				break
			}
		}
		switch {
		case lightVerbs[gov]:
		case preps[gov]:
			w *= 0.7
			// "since last month's invasion", "after 12 days of battles"
			// (not "during demonstrations": what goes on at the same time)
			tr.Background = tr.Background || temporalPreps[gov]
		case gov == "" || gov == "," || gov == "and":
			w *= 0.95
		case gov == "trig":
			w *= 0.7 // object of another trigger: "condemned the attack"
		default:
			w *= 0.85
		}
	} else {
		if k&formIng != 0 && !beForms[prevLow(1)] && !beForms[prevLow(2)] {
			w *= 0.75 // participial adjunct: "…, killing 12"
		}
		if prevLow(1) == "to" && !tr.Embedded {
			w *= 0.7 // purpose: "staged protests to demand"
		}
		if k&formPast != 0 && !tr.Passive && m.first > 0 && !ts[m.first-1].cap && !auxAdv[prevLow(1)] && ts[m.first-1].word &&
			m.last+1 < len(ts) && reducedNext[ts[m.last+1].low] && finiteBefore(ts, m.first) {
			w *= 0.7 // reduced relative: "equipment seized last year"
		}
	}
	// "…, he protested.": a protest voiced as an attribution is a complaint
	if m.typ == "PROTEST" && m.e.words[0].w == "protest" && !m.nom && k&formPast != 0 && tailAttribution(ts, m.last) {
		tr.Type, tr.Cameo = "ACCUSE", "114"
	}
	// stated intentions and conditional threats
	if !tr.Embedded && !tr.Negated && sub == "" && m.e.rule != "must" && !m.e.intent {
		intent := false
		for j := m.first - 1; j >= 0 && j >= m.first-4; j-- {
			l := ts[j].low
			if intentMarkers[l] {
				intent = true
				break
			}
			if !(auxAdv[l] || strings.HasSuffix(l, "ly") || l == "to" || l == "be") {
				break
			}
		}
		if m.nom && !intent {
			// "would tighten the blockade", "will impose sanctions"
			for j := m.first - 1; j >= 0 && j >= m.first-6; j-- {
				l := ts[j].low
				if intentMarkers[l] {
					intent = true
					break
				}
				if !ts[j].word || l == "that" || l == "which" || ts[j].isTrig || preps[l] {
					break
				}
			}
		}
		if intent {
			conditional := false
			for j := m.last + 1; j < len(ts); j++ {
				if ts[j].low == "unless" || ts[j].low == "or" && j+1 < len(ts) && (ts[j+1].low == "face" || ts[j+1].low == "else") {
					conditional = true
				}
			}
			switch {
			case conditional:
				tr.Confidence = max(tr.Confidence, 0.85)
				fallthrough
			case threatCameo[tr.Type] != "":
				if c, ok := threatCameo[tr.Type]; ok {
					tr.Cameo = c
				} else {
					tr.Cameo = "130"
				}
				tr.Type = "THREATEN"
			case intentCameo[tr.Type] != "":
				tr.Type, tr.Cameo = "AGREE", intentCameo[tr.Type]
			}
		}
	}
	tr.Confidence *= w * (1 - 0.005*float64(mi))
}

var reducedNext = set("by", "in", "last", "from", "earlier", "during", "at", "since", "after")

// tailAttribution reports whether the tokens after i are only a short
// trailer before the end of the sentence ("…, a rights group protested here Wednesday.").
func tailAttribution(ts []tok, i int) bool {
	n := 0
	for j := i + 1; j < len(ts); j++ {
		if !ts[j].word {
			if ts[j].low == "." || ts[j].low == "!" {
				break
			}
			return false
		}
		n++
	}
	if n > 3 {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		if ts[j].low == "," {
			return true
		}
	}
	return false
}

// speaker returns the span of the sentence's speaker: "X" in "X said that …"
// or in "…, X said".
func speaker(ts []tok) Span {
	for i := range ts {
		if !speechVerbs[ts[i].low] {
			continue
		}
		end := i - 1
		for end >= 0 && (auxAdv[ts[end].low] || weekdays[ts[end].low] || ts[end].low == "on") {
			end--
		}
		start := end
		for start >= 0 && ts[start].low != "," && ts[start].word && !hardStop[ts[start].low] && !ts[start].isTrig {
			start--
		}
		start++
		if start <= end && end-start < 12 {
			return Span{ts[start].Start, ts[end].End}
		}
		return Span{}
	}
	return Span{}
}

// complementizer reports whether the "that" at j introduces a reported or
// complement clause ("announced on Monday that …") rather than a relative one.
func complementizer(ts []tok, j int) bool {
	for i := j - 1; i >= 0 && i >= j-4; i-- {
		l := ts[i].low
		if speechVerbs[l] || ts[i].isTrig || l == "so" || l == "such" {
			return true
		}
		if !ts[i].word {
			return false
		}
	}
	return j > 0 && strings.HasSuffix(ts[j-1].low, "ed")
}

// finiteBefore reports whether a verb-like word precedes token i in the sentence.
func finiteBefore(ts []tok, i int) bool {
	for j := 0; j < i; j++ {
		l := ts[j].low
		if ts[j].verbTrig || lightVerbs[l] || speechVerbs[l] || intentMarkers[l] {
			return true
		}
	}
	return false
}

var protestActors = set("protesters", "protestors", "demonstrators", "rioters", "marchers", "strikers", "mob", "mobs", "crowd", "crowds")

// protestAgent reports whether the agent span names protesters.
func protestAgent(ts []tok, s Span) bool {
	return spanHas(ts, s, func(w string) bool { return protestActors[w] })
}

// handTrigger reports whether token j belongs to a trigger of the hand lexicon.
func handTrigger(ts []tok, ms []match, j int) bool {
	o := ts[j].owner
	return o >= 0 && o < len(ms) && !ms[o].e.compiled
}

// relatives open a relative clause; temporalPreps place an event noun as
// the time of another one.
var (
	relatives     = set("which", "who", "whom", "whose", "where")
	temporalPreps = set("since", "after", "before", "following", "until")
)

// commaBetween reports a comma between tokens i and j (exclusive).
func commaBetween(ts []tok, i, j int) bool {
	for k := i + 1; k < j; k++ {
		if ts[k].low == "," {
			return true
		}
	}
	return false
}
