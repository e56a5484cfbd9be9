package extract

import (
	"strings"

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
	"person": true, "leader": true, "negotiator": true, "envoy": true, "mayor": true, "governor": true}

// describedSpeaker is the actor of a speaker known here only by a
// description: "the judge", "a senior European diplomat", "analysts", "the
// report". It is one actor per description and article, with an id scoped
// to the article ("speaker:<article>:<slug>"), so the statement keeps who
// said it without merging strangers across articles. Pronouns and bare
// quantifiers give nil.
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
	switch {
	case humanNouns[head] || a.lex.titles[head].canon != "":
		kind = schema.KindPerson // "the judge", "a senior official"
	case humanNouns[single] || a.lex.titles[single].canon != "":
		// "Analysts", "officials": a group
	case len(words) <= 3 && allWordsCap(phrase) && a.isFirstName(words[0]):
		kind = schema.KindPerson // a name not seen as one ("Jonas Pate")
	}
	doc := strings.TrimPrefix(a.docID, "sha256:")
	if len(doc) > 12 {
		doc = doc[:12]
	}
	id := "speaker:" + doc + ":" + slug(name)
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
