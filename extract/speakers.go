package extract

import (
	"strings"
	"unicode"

	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/schema"
)

// notSpeakers are phrases that name no one: pronouns and quantifiers a
// reader resolves from context ("they said", "others argued").
var notSpeakers = map[string]bool{"he": true, "she": true, "they": true, "it": true, "we": true, "i": true,
	"you": true, "who": true, "whom": true, "one": true, "this": true, "that": true, "these": true, "those": true,
	"which": true, "someone": true, "somebody": true, "everyone": true, "both": true, "some": true,
	"others": true, "many": true, "all": true, "most": true, "few": true, "there": true, "what": true}

// humanNouns head phrases describing one person ("the ship's captain", "a
// senior official"); a described speaker with another head is a group,
// an institution or a document ("analysts", "the union", "the report").
var humanNouns = map[string]bool{"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"captain": true, "judge": true, "man": true, "woman": true, "aide": true, "adviser": true, "advisor": true,
	"source": true, "diplomat": true, "analyst": true, "expert": true, "officer": true, "lawmaker": true,
	"candidate": true, "nominee": true, "businessman": true, "businesswoman": true, "activist": true,
	"resident": true, "voter": true, "supporter": true, "critic": true, "witness": true, "lawyer": true,
	"attorney": true, "economist": true, "strategist": true, "executive": true, "researcher": true,
	"professor": true, "doctor": true, "soldier": true, "commander": true, "worker": true, "farmer": true,
	"student": true, "reporter": true, "journalist": true, "announcer": true, "host": true, "member": true,
	"mother": true, "father": true, "son": true, "daughter": true, "wife": true, "husband": true, "friend": true,
	"person": true, "leader": true, "negotiator": true, "envoy": true, "mayor": true, "governor": true,
	"trader": true, "dealer": true, "broker": true, "investor": true, "protester": true, "teacher": true,
	"nurse": true, "scientist": true, "employee": true, "participant": true, "observer": true,
	"inhabitant": true, "villager": true, "citizen": true, "refugee": true, "victim": true, "survivor": true,
	"manager": true, "director": true, "chairman": true, "chairwoman": true, "owner": true, "player": true,
	"coach": true, "fan": true, "prosecutor": true, "investigator": true, "representative": true,
	"delegate": true, "organizer": true, "organiser": true, "insider": true, "correspondent": true,
	"editor": true, "writer": true, "author": true, "campaigner": true, "demonstrator": true, "people": true}

// speakingBodies head descriptions of what can say something without being
// a person: institutions, collectives, outlets and documents ("the union",
// "the newspaper", "the report"). A description headed by anything else
// ("machinegun fire", "the war") names no speaker.
var speakingBodies = map[string]bool{"department": true, "agency": true, "office": true, "company": true,
	"firm": true, "group": true, "union": true, "party": true, "committee": true, "commission": true,
	"newspaper": true, "paper": true, "radio": true, "television": true, "broadcaster": true, "report": true,
	"statement": true, "study": true, "survey": true, "poll": true, "analysis": true, "document": true,
	"letter": true, "memo": true, "campaign": true, "embassy": true, "bank": true, "board": true, "team": true,
	"club": true, "coalition": true, "alliance": true, "family": true, "community": true, "church": true,
	"association": true, "organisation": true, "organization": true, "institute": true, "university": true,
	"hospital": true, "network": true, "station": true, "website": true, "magazine": true, "journal": true,
	"daily": true, "tabloid": true, "media": true, "press": true, "crowd": true, "cabinet": true, "regime": true,
	"junta": true, "movement": true, "federation": true, "organizers": true, "staff": true, "leadership": true,
	"side": true, "delegation": true, "mission": true, "service": true, "force": true, "rebels": true,
	"rebel": true, "militants": true, "militant": true, "lawsuit": true, "complaint": true, "filing": true,
	"indictment": true, "ruling": true, "order": true, "decree": true, "resolution": true, "bill": true,
	"law": true, "communique": true, "declaration": true, "release": true, "post": true, "tweet": true, "ad": true,
	"advertisement": true, "spot": true, "book": true, "article": true, "editorial": true, "column": true,
	"blog": true, "review": true, "audit": true, "assessment": true, "estimate": true, "forecast": true,
	"data": true, "figures": true, "records": true, "reports": true, "sources": true, "exchange": true,
	"market": true, "industry": true, "sector": true, "prosecution": true, "defence": true, "defense": true,
	"jury": true, "panel": true, "senate": true, "house": true, "congress": true, "state": true, "city": true,
	"county": true, "town": true, "village": true, "country": true, "nation": true, "regulator": true,
	"watchdog": true, "charity": true, "foundation": true, "fund": true, "center": true, "centre": true,
	"story": true, "investigation": true, "inquiry": true, "program": true, "programme": true, "show": true,
	"clip": true, "video": true, "film": true, "documentary": true, "footage": true, "statistics": true,
	"index": true, "constitution": true, "charter": true, "treaty": true, "agreement": true, "text": true,
	"transcript": true, "speech": true, "message": true, "email": true, "note": true, "cable": true,
	"dossier": true, "manifesto": true, "platform": true, "page": true, "account": true, "channel": true,
	"men": true, "women": true, "children": true, "guys": true, "folks": true, "public": true}

// agentSuffixes end English nouns that name who does something
// ("opponent", "narrator", "specialist", "politician", "hijacker").
var agentSuffixes = []string{"er", "or", "ist", "ian", "ant", "ent", "ee"}

// notAgents end like agent nouns but name no one.
var notAgents = map[string]bool{"together": true, "whether": true, "either": true, "neither": true,
	"another": true, "however": true, "whatever": true, "whoever": true, "wherever": true, "whenever": true,
	"further": true, "rather": true, "former": true, "latter": true, "earlier": true, "number": true,
	"matter": true, "moment": true, "percent": true, "event": true, "comment": true, "important": true,
	"significant": true, "payment": true, "amount": true, "element": true, "incident": true, "accident": true}

// canSpeak reports whether a description's head (lower case, "'s" removed)
// names someone or something that can say something: a person, a title, an
// institution, a collective, an outlet or a document, singular or plural.
func (a *analysis) canSpeak(head string) bool {
	for _, h := range []string{head, strings.TrimSuffix(head, "s"), strings.TrimSuffix(head, "es"), strings.TrimSuffix(head, "ies") + "y"} {
		if humanNouns[h] || speakingBodies[h] || bodyWords[h] || a.lex.titles[h].canon != "" {
			return true
		}
	}
	single := strings.TrimSuffix(head, "s")
	for _, suf := range agentSuffixes {
		if len(single) > len(suf)+3 && strings.HasSuffix(single, suf) && !notAgents[single] {
			return true
		}
	}
	return false
}

// describedSpeaker is the actor of a speaker known here only by a
// description: "the judge", "a senior European diplomat", "the union", "the
// report". It is one actor per description and article, with an id scoped
// to the article ("speaker:<article>:<slug>"), so the statement keeps who
// said it without merging strangers across articles. Pronouns, bare
// quantifiers and bare plurals ("analysts said": people in general) give
// nil, and so does what cannot speak ("machinegun fire").
func (a *analysis) describedSpeaker(sp quotes.Span) *actor {
	s, e := sp.Start, sp.End
	phrase := a.text[s:e]
	// the description ends at a comma, dash or parenthesis ("the captain, a Greek national")
	if i := strings.IndexAny(phrase, ",;:(—–"); i > 0 {
		phrase = phrase[:i]
	}
	phrase = strings.TrimRight(phrase, " .'\"’”")
	lead := len(phrase) - len(strings.TrimLeft(phrase, " \"'“‘"))
	phrase = phrase[lead:]
	words := strings.Fields(phrase)
	if len(words) == 0 || len(words) > 10 || notSpeakers[strings.ToLower(phrase)] {
		return nil
	}
	if a.inProvenance(s, e) || !nounPhrase(words) || isAllCaps(phrase) && a.placeOnly(s+lead, s+lead+len(phrase)) {
		return nil
	}
	// "international critics have in particular": the noun phrase before the verb
	at := 0
	for i, w := range words {
		at += strings.Index(phrase[at:], w)
		if notInDescription[strings.ToLower(w)] {
			if i == 0 {
				return nil
			}
			words, phrase = words[:i], strings.TrimRight(phrase[:at], " ")
			break
		}
		at += len(w)
	}
	start := s + lead
	end := start + len(phrase)
	name := phrase
	if det := strings.ToLower(words[0]); det == "the" || det == "a" || det == "an" {
		name = det + phrase[len(words[0]):]
	}
	kind := schema.KindGroup
	head := describedHead(words)
	single := strings.TrimSuffix(head, "s")
	nameLike := len(words) <= 3 && allWordsCap(phrase) && a.isFirstName(words[0])
	unseen := !nameLike && len(words) <= 3 && allWordsCap(phrase) && !a.placeOnly(start, end) && a.unseenName(words)
	company := unseen && len(words) == 1 && orgShape(words[0]) // "HuffPost said", "Factcheck.org noted"
	nameLike = nameLike || unseen
	if !nameLike && len(words) <= 2 && !determinerWords[strings.ToLower(words[0])] && strings.HasSuffix(head, "s") &&
		(len(words) == 1 || !isCap(words[1])) {
		return nil // "analysts said", "Traders said": people in general, no actor
	}
	if !nameLike && (!a.canSpeak(head) || strings.ContainsAny(phrase, "0123456789")) {
		return nil // "machinegun fire", "a fall of 33.7": no one
	}
	switch {
	case company:
		kind = schema.KindOrganization
	case humanNouns[head] || a.lex.titles[head].canon != "":
		kind = schema.KindPerson // "the judge", "a senior official"
	case humanNouns[single] || a.lex.titles[single].canon != "":
		// "the officials", "some analysts": a group
	case nameLike:
		kind = schema.KindPerson // a name not seen as one ("Jonas Pate")
	}
	if last := words[len(words)-1]; len(words) <= 5 && allWordsCap(phrase) && !isAllCaps(phrase) && a.lex.orgWords[last] != "" &&
		!determinerWords[strings.ToLower(words[0])] {
		// "Relief Alliance said": a name, so one organisation across articles
		x := a.getActor("org:"+slug(phrase), phrase, schema.KindOrganization, "")
		x.addMention(a.text, start, end)
		return x
	}
	id := "speaker:" + a.docKey() + ":" + slug(name)
	x := a.getActor(id, name, kind, "")
	x.addMention(a.text, start, end)
	return x
}

// notInDescription are words a noun phrase naming a speaker does not hold:
// auxiliaries, modals and negation end it ("a reporter can be heard").
var notInDescription = map[string]bool{"would": true, "could": true, "should": true, "will": true, "can": true,
	"may": true, "might": true, "must": true, "not": true, "am": true, "is": true, "was": true, "were": true,
	"are": true, "do": true, "does": true, "did": true, "has": true, "have": true, "had": true, "became": true,
	"let": true, "be": true, "been": true}

// unseenName reports capitalised words no lexicon knows (surnameLike: no
// English word, nor a word of organisation or place names) and that are
// neither in capitals, titles, people nouns, contractions nor names the
// gazetteer knows: a speaker written that way ("Holloway said", "said
// Vosberg") is someone the name tagger missed, not a common noun at the
// head of a sentence ("Critics said", "Commerce said").
func (a *analysis) unseenName(words []string) bool {
	for _, w := range words {
		w = strings.TrimRight(w, ".,")
		lw := strings.ToLower(w)
		if isAllCaps(w) || !a.surnameLike(w) || a.lex.thingWords[w] || a.lex.titles[lw].canon != "" || humanNouns[lw] ||
			determinerWords[lw] || strings.ContainsAny(w, "'’") || len(a.gaz.Lookup(w)) > 0 {
			return false
		}
	}
	return true
}

// orgShape reports a name written as companies write theirs: a dot, a
// digit, a capital inside a word ("HuffPost", "Factcheck.org") or a short
// part after a hyphen ("Wealth-X"), but not a name's own prefixes
// ("MacTavish", "McConnell", "O'Brien", "Al-Hakimi", "Abu-Rashed").
func orgShape(w string) bool {
	if strings.ContainsAny(w, ".0123456789") {
		return true
	}
	for _, part := range strings.Split(w, "-") {
		if len(part) < 2 && w != part {
			return true // "Wealth-X"
		}
		p := part
		for _, pre := range []string{"Mac", "Mc", "O'", "O’", "De", "Di", "La", "Le", "Van", "Von", "Fitz"} {
			if strings.HasPrefix(p, pre) && len(p) > len(pre) {
				p = p[len(pre):]
				break
			}
		}
		for i, r := range p {
			if i > 0 && unicode.IsUpper(r) {
				return true
			}
		}
	}
	return false
}

// docKey is the article's key in the ids of described speakers.
func (a *analysis) docKey() string {
	doc := strings.TrimPrefix(a.docID, "sha256:")
	if len(doc) > 12 {
		doc = doc[:12]
	}
	return doc
}

func (a *analysis) isFirstName(w string) bool {
	_, ok := a.lex.firstNames[w]
	return ok
}

// nounPhrase rejects what the rules took for a speaker but is none: a time
// noun ("Hours later"), a participle clause ("Holding signs"), a verb and
// its object ("wrote an op-ed"), a clause led by a pronoun ("I just kept"),
// a number ("10-year"), or a lone verb form ("argued").
func nounPhrase(words []string) bool {
	for len(words) > 1 && leadAdverbs[strings.ToLower(words[0])] {
		words = words[1:] // "even his own supporters"
	}
	f := strings.ToLower(words[0])
	next := ""
	if len(words) > 1 {
		next = strings.ToLower(words[1])
	}
	switch {
	case timeNouns[f] || f == "there":
		return false // "Hours later", "there was"
	case strings.HasSuffix(f, "ing") && (f != words[0] || determinerWords[next]):
		return false // a participle clause: "Holding signs", "releasing a new ad"
	case f == words[0] && determinerWords[next] && !determinerWords[f] && !quantifiers[f]:
		return false // a verb and its object: "wrote an op-ed"
	case f == "i" || f == "we" || f == "you" || f == "he" || f == "she" || f == "they" || f == "it":
		return false
	case f[0] >= '0' && f[0] <= '9' && len(words) == 1:
		return false
	case len(words) == 1 && f == words[0] && (strings.HasSuffix(f, "ed") || strings.HasSuffix(f, "ing")):
		return false
	}
	return true
}

var (
	timeNouns       = map[string]bool{"hours": true, "days": true, "minutes": true, "moments": true, "weeks": true, "months": true, "years": true, "today": true, "yesterday": true, "earlier": true, "later": true}
	determinerWords = map[string]bool{"the": true, "a": true, "an": true, "his": true, "her": true, "their": true, "its": true, "our": true, "my": true, "this": true, "that": true, "these": true, "those": true}
	leadAdverbs     = map[string]bool{"even": true, "only": true, "just": true, "also": true, "especially": true, "including": true}
	quantifiers     = map[string]bool{"all": true, "both": true, "half": true, "many": true, "most": true, "some": true, "none": true, "each": true, "one": true, "several": true, "few": true}
)

// placeOnly reports a phrase that is a place name and nothing else; in
// capitals it is a dateline the rules took for a speaker ("WASHINGTON").
func (a *analysis) placeOnly(s, e int) bool {
	for _, it := range a.itemsOverlapping(s, e) {
		if (it.place != nil || it.kind == itGaz && it.actor == nil) && it.start <= s && it.end >= e {
			return true
		}
	}
	return false
}

// personByFirst returns the one person of the article whose name starts
// with w, for a speaker named by that word alone: a family name written
// first ("Qiao" for Qiao Fenglin) or a given name ("Melania" for Melania
// Trump). Two such persons give nil.
func (a *analysis) personByFirst(w string) *actor {
	var hit *actor
	for _, x := range a.actors {
		if x.kind == schema.KindPerson && len(x.parts) > 1 && x.parts[0] == w {
			if hit != nil {
				return nil
			}
			hit = x
		}
	}
	return hit
}

// describedHead returns the lower-case head noun of a description: its last
// word before "of", "who", "from", "at", "in", "with" ("a member of the
// panel" → "member").
func describedHead(words []string) string {
	head := ""
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,'’\""))
		switch lw {
		case "of", "who", "which", "that", "from", "at", "in", "with", "for", "on":
			return head
		}
		head = strings.TrimSuffix(strings.TrimSuffix(lw, "'s"), "’s")
	}
	return head
}
