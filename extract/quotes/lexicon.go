package quotes

import (
	"strings"
	"unicode"
)

// cue flags
const (
	cueSpeech    = 1 << iota // a verb of saying
	cueStrong                // a cue whatever follows it
	cueObject                // takes an addressee before its content: told X, urged X
	cueIng                   // a participle: "…, saying …"
	cueCall                  // call/called: a cue only with "for", "on", a quotation or "X a Y" after it
	cueAccording             // "according to"
	cuePutIt                 // "as X put it"
	cueLoose                 // a weak cue read without a that-clause (cueMode)
	cuePassive               // a passive cue: "was asked whether"
	cueNominal               // a speech noun: "his call for", "the claims that"
)

// verbs lists speech verbs as "base:flags" or "base:flags|form|form…" (the
// forms replace the regular inflections). Flags: S a strong cue, whatever
// follows it (others need a that-clause, a quotation or the end of the
// clause after them: "he added."); O takes an addressee ("told reporters");
// D doubles the final consonant ("admitted").
var verbs = []string{
	"say:S|say|says|said|saying", "tell:SO|tell|tells|told|telling",
	"write|write|writes|wrote|writing|written", "forecast:S|forecast|forecasts|forecasting",
	"add", "note:S", "cite:S", "describe:S", "mention:S", "praise:S", "condemn:S", "stress:S", "warn:S", "argue:S", "claim:S", "insist:S", "explain:S",
	"announce:S", "declare:S", "shout:S", "tweet:S", "assert:S", "acknowledge:S", "admit:SD",
	"deny:S", "suggest:S", "urge:SO", "emphasize:S", "emphasise:S", "contend:S",
	"maintain", "reply:S", "respond", "recall:S", "predict:S", "promise:S", "vow:S",
	"pledge:S", "threaten:S", "accuse:SO", "ask:O", "complain:S", "concede:S",
	"boast:S", "allege:S", "testify:S", "observe", "quip:SD", "joke",
	"reveal:S", "disclose:S", "caution:S", "counter", "retort:S", "lament", "propose", "point|pointed|points|pointing",
	"reiterate:S", "express:S", "brag:SD", "blast:S", "criticize:S", "criticise:S", "concur", "agree",
	"report|reported|reporting", "charge|charged|charges|charging", "question:S|questioned|questioning",
	"comment|commented|commenting", "remark|remarked|remarking", "demand:S|demanded|demanding",
	"state|stated|stating", "states:S|states", "call|call|calls|called|calling",
}

// wset is a set of words, one bit of wordInfo.sets.
type wset uint32

// wordInfo is what the lexicon knows about a lower-case word form: its cue
// flags and the word sets it belongs to. Each word of a text is looked up
// once, when it is tokenized.
type wordInfo struct {
	cue  int
	sets wset
}

var (
	words = map[string]wordInfo{}
	nsets uint
)

// newSet registers a word set and returns its bit.
func newSet(list string) wset {
	if nsets >= 32 {
		panic("quotes: too many word sets")
	}
	bit := wset(1) << nsets
	nsets++
	for _, w := range strings.Fields(list) {
		wi := words[w]
		wi.sets |= bit
		words[w] = wi
	}
	return bit
}

func init() {
	for _, v := range verbs {
		forms := ""
		if i := strings.IndexByte(v, '|'); i >= 0 {
			v, forms = v[:i], v[i+1:]
		}
		base, flags, _ := strings.Cut(v, ":")
		fl := cueSpeech
		if strings.Contains(flags, "S") {
			fl |= cueStrong
		}
		if strings.Contains(flags, "O") {
			fl |= cueObject
		}
		if base == "call" {
			fl |= cueCall
		}
		var all []string
		if forms != "" {
			all = strings.Split(forms, "|")
		} else {
			all = inflect(base, strings.Contains(flags, "D"))
		}
		for _, f := range all {
			x := fl
			if strings.HasSuffix(f, "ing") {
				x |= cueIng
			}
			wi := words[f]
			wi.cue |= x
			words[f] = wi
		}
	}
}

// inflect builds the regular forms of an English verb.
func inflect(b string, double bool) []string {
	last := b[len(b)-1]
	switch {
	case double:
		d := b + string(last)
		return []string{b, b + "s", d + "ed", d + "ing"}
	case last == 'e':
		return []string{b, b + "s", b + "d", b[:len(b)-1] + "ing"}
	case last == 'y' && !strings.ContainsRune("aeiou", rune(b[len(b)-2])):
		return []string{b, b[:len(b)-1] + "ies", b[:len(b)-1] + "ied", b + "ing"}
	case strings.HasSuffix(b, "s") || strings.HasSuffix(b, "sh") || strings.HasSuffix(b, "ch") || strings.HasSuffix(b, "x"):
		return []string{b, b + "es", b + "ed", b + "ing"}
	}
	return []string{b, b + "s", b + "ed", b + "ing"}
}

// word sets (lower case)
var (
	determiners  = newSet("the a an his her their its our my your this these those that some any every each no another")
	auxiliaries  = newSet("has have had is was were are be been being am will would could should might may can did does do also later then again once reportedly repeatedly previously recently often frequently never not always still even just already publicly privately quickly flatly first further similarly separately simply only now since earlier ’s 's didn't doesn't don't hasn't haven't hadn't wasn't isn't won't wouldn't couldn't didn’t doesn’t don’t hasn’t haven’t hadn’t wasn’t isn’t won’t wouldn’t couldn’t")
	timeWords    = newSet("later on last this earlier week month year night morning afternoon evening today yesterday tonight monday tuesday wednesday thursday friday saturday sunday")
	leadStrip    = newSet("but and so yet still however meanwhile also then now instead indeed moreover later separately")
	prepositions = newSet("despite in on at during after before since with by from for of to as under over amid among through via about into upon without within across behind beyond near like speaking writing asked")
	pronounSubj  = newSet("he she they it we i you who")
	invertible   = newSet("said says add adds added ask asks asked write writes wrote explain explains explained note notes noted recall recalls recalled continue continues continued warn warns warned insist insists insisted argue argues argued reply replies replied respond responds responded declare declares declared tweet tweeted acknowledged conceded admitted predicted")
	badStart     = newSet("and or but when while after before because since as during until unless of in on at for with from by about into through although though if than like is was were are be been has have had will would do does did can could should may might must")
	beForms      = newSet("was were is are be been being am")
)

func isAlnumASCII(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isLetterRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// lookup returns the lexicon entry of the word w, lower-cased without
// allocating.
func lookup(w string) wordInfo {
	var buf [32]byte
	if len(w) > len(buf) {
		return wordInfo{}
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return words[string(buf[:len(w)])]
}

// SpeechCue reports whether an annotated cue ("said", "told reporters",
// "according to", ":", a quotation mark) is one of speech: it holds a speech
// verb of the lexicon or is punctuation alone.
func SpeechCue(cue string) bool {
	words := strings.FieldsFunc(cue, func(r rune) bool { return !unicode.IsLetter(r) })
	if len(words) == 0 {
		return strings.TrimSpace(cue) != ""
	}
	for _, w := range words {
		if lookup(w).cue != 0 || strings.EqualFold(w, "according") {
			return true
		}
	}
	return false
}

// inSet reports whether the word w is in the set m.
func inSet(m wset, w string) bool { return lookup(w).sets&m != 0 }

// word sets used by the clause rules (lower case)
var (
	clauseWords = newSet("that because while when if although though whether where so but and as than who which whom whose what after before since until unless once how why")
	tailWords   = newSet("in on at during after before from to of with via about through on in later earlier last this today yesterday tonight recently as while when")
	infinitive  = newSet("to")
	whWords     = newSet("what why how whether if who when where which")
	agreeForms  = newSet("agree agrees agreed agreeing")
	particles   = newSet("in off up back out it to into upon at by from with him her them me us")
	catenatives = newSet("continue continues continued began begin begins appeared appears seemed seems started starts went used refused declined")
	sayForms    = newSet("said says add adds added wrote writes asked asks")
	subordinate = newSet("when while because if unless although though as whether and or but")
	// "add" reports speech only with a that-clause, a quotation or at the end
	// of its clause ("he added"); otherwise it adds things: "added troops"
	addForms = newSet("add adds added adding")
)
