package events

import (
	"bufio"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/geokg/geokg/seeds"
)

// lexiconFile is the hand-written trigger lexicon inside seeds.Lexicon;
// cameoFile is the one compiled from the CAMEO verb dictionary
// (internal/cameo). A hand entry outranks a compiled one for the same pattern
// or, for single words, the same lemma.
const (
	lexiconFile = "lexicon/events.tsv"
	cameoFile   = "lexicon/events_cameo.tsv"
)

// noEvent is the type of a compiled pattern the dictionary codes as no
// event ("crashed into the sea"): matching it keeps its words from being a trigger.
const noEvent = "NONE"

// maxGap is how many tokens a "..." in a pattern may skip.
const maxGap = 4

// form kinds: how a surface form inflects its lemma.
const (
	formBase uint8 = 1 << iota
	formS          // plural noun or 3rd person singular verb
	formPast       // past tense or past participle
	formIng
)

type patWord struct {
	w       string
	gap     bool
	literal bool
}

type entry struct {
	words    []patWord
	n        int // number of non-gap words
	typ      string
	cameo    string
	conf     float64
	sym      bool
	comm     bool
	intent   bool // an intention or readiness to act ("is ready to", "pledged to")
	nounOnly bool
	verbOnly bool
	rule     string
	compiled bool // from the compiled CAMEO dictionary, not the hand lexicon
	sides    bool // a generic verb: an event only between two named sides ("helped")
	rec      []string
	line     int
	// rest holds the words after the first, to rule the entry out cheaply
	// in a sentence that lacks one of them.
	rest wordSig
}

type lexicon struct {
	// forms maps a lower-case surface form to the lemmas (used in the lexicon)
	// it inflects, with the kind of inflection.
	forms map[string][]lemmaForm
	// byFirst maps the first word of a pattern to its entries, best first;
	// byFirstC the same for the compiled dictionary.
	byFirst  map[string][]*entry
	byFirstC map[string][]*entry
	size     int
}

type lemmaForm struct {
	lemma string
	kind  uint8
}

var loadLexicon = sync.OnceValues(func() (*lexicon, error) {
	b, err := seeds.Lexicon.ReadFile(lexiconFile)
	if err != nil {
		return nil, fmt.Errorf("read event lexicon: %w", err)
	}
	c, err := seeds.Lexicon.ReadFile(cameoFile)
	if err != nil {
		return nil, fmt.Errorf("read compiled event lexicon: %w", err)
	}
	return parseLexicon(string(b), string(c))
})

// lex returns the parsed lexicon; a broken embedded file yields an empty one
// (TestLexiconParses guards against that).
func lex() *lexicon {
	l, err := loadLexicon()
	if err != nil || l == nil {
		return &lexicon{forms: map[string][]lemmaForm{}, byFirst: map[string][]*entry{}, byFirstC: map[string][]*entry{}}
	}
	return l
}

// knownTypes are the PLOVER types the lexicon may use.
var knownTypes = map[string]bool{
	"AGREE": true, "CONSULT": true, "SUPPORT": true, "CONCEDE": true, "COOPERATE": true,
	"AID": true, "RETREAT": true, "REQUEST": true, "ACCUSE": true, "REJECT": true,
	"THREATEN": true, "PROTEST": true, "SANCTION": true, "MOBILIZE": true, "COERCE": true,
	"ASSAULT": true,
}

// particles are pattern words that are matched literally (not inflected).
var particles = map[string]bool{
	"for": true, "on": true, "upon": true, "with": true, "against": true, "to": true, "of": true,
	"in": true, "into": true, "up": true, "down": true, "out": true, "off": true, "by": true,
	"from": true, "over": true, "away": true, "at": true, "as": true, "that": true, "the": true,
	"a": true, "behind": true, "between": true,
}

// parseLexicon parses the hand lexicon, then the compiled ones, which add
// only patterns the hand lexicon does not have (and single words only for
// lemmas it does not list on their own).
func parseLexicon(hand string, compiled ...string) (*lexicon, error) {
	lx := &lexicon{forms: map[string][]lemmaForm{}, byFirst: map[string][]*entry{}, byFirstC: map[string][]*entry{}}
	var errs []string
	handPats := map[string]bool{}
	errs = lx.parse(hand, handPats, false, errs)
	for _, src := range compiled {
		errs = lx.parse(src, handPats, true, errs)
	}
	for _, by := range []map[string][]*entry{lx.byFirst, lx.byFirstC} {
		for _, es := range by {
			for _, e := range es {
				e.rest = wordSig{}
				for _, w := range e.words[1:] {
					if !w.gap {
						e.rest.add(w.w)
					}
				}
			}
			sort.SliceStable(es, func(i, j int) bool {
				if es[i].n != es[j].n {
					return es[i].n > es[j].n
				}
				return es[i].conf > es[j].conf
			})
		}
	}
	if len(errs) > 0 {
		return lx, fmt.Errorf("event lexicon: %s", strings.Join(errs, "; "))
	}
	return lx, nil
}

// parse adds the entries of one lexicon file; hand collects the patterns
// (and "1:lemma" for single words) of the hand file, which a compiled file skips.
func (lx *lexicon) parse(src string, hand map[string]bool, compiled bool, errs []string) []string {
	sc := bufio.NewScanner(strings.NewReader(src))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	ln := 0
	for sc.Scan() {
		ln++
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 4 {
			errs = append(errs, fmt.Sprintf("line %d: want >= 4 columns, got %d", ln, len(cols)))
			continue
		}
		pat := strings.Join(strings.Fields(cols[0]), " ")
		first, _, multi := strings.Cut(pat, " ")
		if compiled && (hand[pat] || !multi && (hand["1:"+first] || structural(first))) {
			continue
		}
		if !compiled {
			hand[pat] = true
			if !multi {
				hand["1:"+first] = true
			}
		}
		e := &entry{typ: cols[1], cameo: cols[2], line: ln, compiled: compiled}
		if !knownTypes[e.typ] && !(compiled && e.typ == noEvent) {
			errs = append(errs, fmt.Sprintf("line %d: unknown type %q", ln, e.typ))
			continue
		}
		if e.cameo == "-" {
			e.cameo = ""
		}
		c, err := strconv.ParseFloat(cols[3], 64)
		if err != nil || c <= 0 || c > 1 {
			errs = append(errs, fmt.Sprintf("line %d: bad confidence %q", ln, cols[3]))
			continue
		}
		e.conf = c
		if len(cols) > 4 {
			for _, f := range strings.Split(cols[4], ",") {
				f = strings.TrimSpace(f)
				switch {
				case f == "":
				case f == "sym":
					e.sym = true
				case f == "comm":
					e.comm = true
				case f == "intent":
					e.intent = true
				case f == "noun":
					e.nounOnly = true
				case f == "verb":
					e.verbOnly = true
				case f == "sides":
					e.sides = true
				case f == "strike", f == "call", f == "march":
					e.rule = f
				case strings.HasPrefix(f, "rec="):
					e.rec = strings.Split(strings.TrimPrefix(f, "rec="), "|")
				default:
					errs = append(errs, fmt.Sprintf("line %d: unknown flag %q", ln, f))
				}
			}
		}
		for i, w := range strings.Fields(cols[0]) {
			if w == "..." {
				if i == 0 {
					errs = append(errs, fmt.Sprintf("line %d: pattern starts with a gap", ln))
				}
				e.words = append(e.words, patWord{gap: true})
				continue
			}
			pw := patWord{w: strings.ToLower(w)}
			if strings.HasPrefix(w, "=") {
				pw.w, pw.literal = strings.TrimPrefix(pw.w, "="), true
			} else if i > 0 && particles[pw.w] {
				pw.literal = true
			}
			e.words = append(e.words, pw)
			e.n++
			if !pw.literal {
				lx.addForms(pw.w, e.nounOnly && i == 0, e.verbOnly && i == 0)
			}
		}
		if e.n == 0 {
			errs = append(errs, fmt.Sprintf("line %d: empty pattern", ln))
			continue
		}
		by := lx.byFirst
		if compiled {
			by = lx.byFirstC
		}
		by[e.words[0].w] = append(by[e.words[0].w], e)
		lx.size++
	}
	return errs
}

func (lx *lexicon) add(form, lemma string, kind uint8) {
	fs := lx.forms[form]
	for i := range fs {
		if fs[i].lemma == lemma {
			fs[i].kind |= kind
			return
		}
	}
	lx.forms[form] = append(fs, lemmaForm{lemma, kind})
}

// addForms registers the inflected forms of lemma (a single word, or the
// words of a multi-word lemma are added one by one by the caller).
func (lx *lexicon) addForms(lemma string, nounOnly, verbOnly bool) {
	lx.add(lemma, lemma, formBase)
	if strings.ContainsAny(lemma, " ") {
		return
	}
	lx.add(plural(lemma), lemma, formS)
	if nounOnly {
		return
	}
	for _, f := range pastForms(lemma) {
		lx.add(f, lemma, formPast)
	}
	for _, f := range ingForms(lemma) {
		lx.add(f, lemma, formIng)
	}
	if irr, ok := irregular[lemma]; ok {
		for _, f := range irr {
			lx.add(f, lemma, formPast)
		}
	}
}

// verbForms returns a set of the forms of lemmas the inflector makes
// (base, -s, past, -ing and irregular forms), as the lexicon matches them.
func verbForms(lemmas ...string) map[string]bool {
	lx := &lexicon{forms: map[string][]lemmaForm{}}
	for _, l := range lemmas {
		lx.addForms(l, false, false)
	}
	m := make(map[string]bool, len(lx.forms))
	for f := range lx.forms {
		m[f] = true
	}
	return m
}

func isVowel(b byte) bool { return b == 'a' || b == 'e' || b == 'i' || b == 'o' || b == 'u' }

func plural(w string) string {
	n := len(w)
	switch {
	case n == 0:
		return w
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "x") || strings.HasSuffix(w, "z") ||
		strings.HasSuffix(w, "ch") || strings.HasSuffix(w, "sh"):
		return w + "es"
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return w[:n-1] + "ies"
	}
	return w + "s"
}

// doubles reports whether w ends consonant-vowel-consonant, so that its final
// consonant may be doubled before -ed/-ing ("stop" -> "stopped", "ban").
func doubles(w string) bool {
	n := len(w)
	if n < 3 {
		return false
	}
	c, v, p := w[n-1], w[n-2], w[n-3]
	return !isVowel(c) && c != 'w' && c != 'x' && c != 'y' && isVowel(v) && !isVowel(p)
}

func pastForms(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case w[n-1] == 'e':
		return []string{w + "d"}
	case n > 1 && w[n-1] == 'y' && !isVowel(w[n-2]):
		return []string{w[:n-1] + "ied"}
	case doubles(w):
		return []string{w + "ed", w + w[n-1:] + "ed"}
	}
	return []string{w + "ed"}
}

func ingForms(w string) []string {
	n := len(w)
	switch {
	case n == 0:
		return nil
	case strings.HasSuffix(w, "ie"):
		return []string{w[:n-2] + "ying"}
	case w[n-1] == 'e' && n > 2 && w[n-2] != 'e' && w[n-2] != 'y' && w[n-2] != 'o':
		return []string{w[:n-1] + "ing"}
	case doubles(w):
		return []string{w + "ing", w + w[n-1:] + "ing"}
	}
	return []string{w + "ing"}
}

// irregular lists past and participle forms of irregular verbs the lexicon uses.
var irregular = map[string][]string{
	"strike": {"struck", "stricken"}, "shoot": {"shot"}, "fight": {"fought"}, "meet": {"met"},
	"speak": {"spoke", "spoken"}, "send": {"sent"}, "seek": {"sought"},
	"withdraw": {"withdrew", "withdrawn"}, "hold": {"held"}, "take": {"took", "taken"},
	"give": {"gave", "given"}, "break": {"broke", "broken"}, "beat": {"beaten"},
	"forgive": {"forgave", "forgiven"}, "overrun": {"overran"}, "slay": {"slew", "slain"},
	"stand": {"stood"}, "freeze": {"froze", "frozen"}, "sink": {"sank", "sunk"},
	"write": {"wrote", "written"}, "go": {"went", "gone"}, "lay": {"laid"},
	"withhold": {"withheld"}, "find": {"found"}, "set": {"set"}, "cut": {"cut"}, "put": {"put"},
	"hit": {"hit"}, "shut": {"shut"}, "seize": {"seized"}, "make": {"made"}, "bring": {"brought"},
	"sell": {"sold"}, "pay": {"paid"}, "lead": {"led"}, "win": {"won"}, "deal": {"dealt"},
	"mislead": {"misled"}, "undertake": {"undertook", "undertaken"}, "rebuild": {"rebuilt"},
	"bid": {"bid"}, "spread": {"spread"}, "forbid": {"forbade", "forbidden"}, "tell": {"told"},
	"blow": {"blew", "blown"}, "throw": {"threw", "thrown"}, "swear": {"swore", "sworn"},
	"lose": {"lost"}, "leave": {"left"}, "run": {"ran"}, "come": {"came"}, "draw": {"drew", "drawn"},
	"shake": {"shook", "shaken"}, "ride": {"rode", "ridden"}, "steal": {"stole", "stolen"},
	"foresee": {"foresaw", "foreseen"}, "see": {"saw", "seen"}, "overthrow": {"overthrew", "overthrown"},
	"uphold": {"upheld"}, "arise": {"arose", "arisen"}, "bear": {"bore", "borne"},
	"fly": {"flew", "flown"}, "feed": {"fed"}, "flee": {"fled"}, "keep": {"kept"},
	"mean": {"meant"}, "offset": {"offset"}, "outbid": {"outbid"}, "read": {"read"},
	"hurt": {"hurt"}, "quit": {"quit"}, "bind": {"bound"}, "build": {"built"}, "buy": {"bought"},
	"catch": {"caught"}, "choose": {"chose", "chosen"}, "drive": {"drove", "driven"},
	"fall": {"fell", "fallen"}, "feel": {"felt"}, "get": {"got", "gotten"}, "grow": {"grew", "grown"},
	"hear": {"heard"}, "know": {"knew", "known"}, "rise": {"rose", "risen"}, "say": {"said"},
	"sit": {"sat"}, "sleep": {"slept"}, "spend": {"spent"}, "teach": {"taught"}, "think": {"thought"},
	"understand": {"understood"}, "wake": {"woke", "woken"}, "wear": {"wore", "worn"},
	"overtake": {"overtook", "overtaken"}, "stick": {"stuck"}, "sting": {"stung"}, "swing": {"swung"},
	"bleed": {"bled"}, "begin": {"began", "begun"}, "forget": {"forgot", "forgotten"},
	"hide": {"hid", "hidden"}, "lend": {"lent"}, "light": {"lit"}, "stab": {"stabbed"},
	"be": {"is", "are", "was", "were", "been", "am", "'s", "'re"},
}

// structural reports a verb the matcher reads as structure, not as an event
// of its own: auxiliaries and aspect verbs ("decided to", "is prepared to",
// "continued"), light verbs ("held talks") and speech verbs ("said").
func structural(lemma string) bool {
	forms := append(append([]string{lemma, plural(lemma)}, pastForms(lemma)...), ingForms(lemma)...)
	forms = append(forms, irregular[lemma]...)
	for _, f := range forms {
		if auxAdv[f] || lightVerbs[f] || speechVerbs[f] || intentMarkers[f] {
			return true
		}
	}
	return false
}
