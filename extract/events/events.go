package events

import (
	"slices"
	"strings"
	"sync"

	"github.com/geokg/geokg/extract/text"
)

// Span is a half-open range [Start, End) of absolute byte offsets.
type Span struct{ Start, End int }

// Empty reports whether the span covers nothing.
func (s Span) Empty() bool { return s.End <= s.Start }

// Trigger is one event trigger found in a sentence.
type Trigger struct {
	Span // the trigger word or phrase ("launched … attack", "condemned", "air strikes")
	// Type is the PLOVER event type: AGREE CONSULT SUPPORT CONCEDE COOPERATE
	// AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE
	// COERCE ASSAULT.
	Type string
	// Cameo is the CAMEO code (2-4 digits), "" if unknown.
	Cameo string
	// Passive is set for "was attacked by X": the agent is the by-phrase.
	Passive bool
	// Negated is set for "did not attack", "refused to meet", "denied attacking".
	Negated bool
	// Refused is set when the negation refuses ("refused to meet", "would
	// not sign", "won't agree", "denied attacking") rather than says that
	// something did not happen ("did not provide details").
	Refused bool
	// Agent is the part of the sentence stating the initiator(s); zero when none.
	Agent Span
	// Patient is the part stating the recipient(s); zero when none.
	Patient Span
	// Symmetric is set when both sides are participants ("X and Y met",
	// "talks between X and Y", "X met with Y").
	Symmetric bool
	// Embedded is set when the trigger sits in the complement of another
	// trigger ("threatened to attack", "urged X to withdraw"): it is not
	// asserted as having happened.
	Embedded bool
	// Anaphoric is set for a nominal trigger that refers back to an event
	// ("the attack", "this week's strikes") and names no initiator of its
	// own: the subject of its sentence is not its initiator.
	Anaphoric bool
	// Nominal is set when the trigger is a noun ("strikes", "the attack").
	Nominal bool
	// Trailing is set for the verb of a trailing attribution ("…, a rights
	// group protested"): Agent is who it names there, even when that is no
	// actor, and Patient the subject of the clause commented on.
	Trailing bool
	// Background is set for a trigger in a relative clause or a temporal
	// phrase ("…, where 28 people were killed", "since last month's
	// invasion"): it tells of an earlier or other happening, not of what
	// the sentence reports.
	Background bool
	// Object is set for a nominal trigger that is the object of another
	// trigger ("rejected an Indian proposal", "reneged on his commitment",
	// "condemned the attack"): the sentence asserts the governing event.
	Object bool
	// Dictionary is set for a trigger known only from the compiled CAMEO
	// dictionary: like PETRARCH, a caller should keep it only when the
	// sentence names both its sides in the trigger's own agent and patient.
	Dictionary bool
	// BothSides is set for a generic verb of the hand lexicon ("helped"):
	// it states an event only when the sentence names both its sides.
	BothSides bool
	// Violent is set on an ASSAULT trigger whose sentence names weapons,
	// casualties or armed men. Without it, between sides that are no state
	// or armed group, a contest ("battle", "beat") is a figure of speech and
	// an attack told as words ("Sanders attacked Clinton as too cozy with
	// Wall Street") an accusation.
	Violent bool
	// Figure tells which figure of speech an ASSAULT trigger's words can be
	// ("attacked": Words, "battle": Contest); Literal for the others and
	// for every other type.
	Figure Figure
	// Political is set on an ASSAULT trigger whose sentence speaks of
	// campaigns, speeches, debates, tweets or candidates: an attack there
	// is more likely one in words.
	Political bool
	// Confidence is a 0-1 score that the sentence states this event.
	Confidence float64
}

// Figure is the figure of speech an ASSAULT trigger can be.
type Figure uint8

const (
	Literal Figure = iota // "murdered", "assaulted", "shelled", "beat up": violence whatever the sides
	Words                 // "attacked", "targeted", "hammered": possibly an attack in words
	Contest               // "battle", "fight", "beat": possibly a contest
)

// tok is one token of the sentence with derived features.
type tok struct {
	text.Token
	low      string // lower case, curly apostrophes straightened
	word     bool   // has a letter or digit
	cap      bool   // starts with an upper-case letter
	forms    []lemmaForm
	owner    int // index of the trigger covering it, -1 when none
	isTrig   bool
	verbTrig bool // part of a verbal (not nominal) trigger
}

// scratch holds the buffers of one Find call, reused by later calls.
type scratch struct {
	ts    []tok
	heard []bool
	lower []string // Numbers' tokens in lower case
	// words caches what prepare derives from a token's text alone, for the
	// texts seen by earlier calls (articles repeat their words; the lexicon
	// never changes); emptied when it holds maxWords.
	words map[string]wordInfo
}

// wordInfo is what prepare and Numbers derive from a token's text alone.
type wordInfo struct {
	lower string // lower case
	low   string // lower case, curly apostrophes straightened
	forms []lemmaForm
}

// maxWords bounds a scratch's word cache, which keeps words of up to
// maxWordLen bytes.
const (
	maxWords   = 8192
	maxWordLen = 64
)

// scratchPool keeps Find's buffers: Find runs concurrently, one scratch per call.
var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// maxPooledToks is the longest sentence whose buffers a scratch keeps.
const maxPooledToks = 4096

// put returns sc to the pool, without the buffers of a huge sentence.
func (sc *scratch) put() {
	if cap(sc.ts) > maxPooledToks || cap(sc.lower) > maxPooledToks {
		sc.ts, sc.heard, sc.lower = nil, nil, nil
	}
	scratchPool.Put(sc)
}

// word returns what is derived from the token text w alone, from the cache
// when it can.
func (sc *scratch) word(w string) wordInfo {
	if len(w) > maxWordLen {
		return newWordInfo(w)
	}
	if wi, ok := sc.words[w]; ok {
		return wi
	}
	if sc.words == nil || len(sc.words) >= maxWords {
		sc.words = make(map[string]wordInfo, 1024)
	}
	w = strings.Clone(w) // the cache outlives the text
	wi := newWordInfo(w)
	sc.words[w] = wi
	return wi
}

func newWordInfo(w string) wordInfo {
	wi := wordInfo{lower: strings.ToLower(w)}
	wi.low = wi.lower
	if strings.ContainsRune(wi.low, '’') {
		wi.low = strings.ReplaceAll(wi.low, "’", "'")
	}
	wi.forms = lex().forms[wi.low]
	return wi
}

// prepare returns the tokens of toks with their derived features, in
// sc.ts's storage.
func (sc *scratch) prepare(toks []text.Token) []tok {
	ts := slices.Grow(sc.ts[:0], len(toks))[:len(toks)]
	sc.ts = ts
	for i, t := range toks {
		wi := sc.word(t.Text)
		w, c := false, false
		for j, r := range t.Text {
			if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z' || r > 0x7f && r != '’' && r != '“' && r != '”' && r != '‘' && r != '—' && r != '–' && r != '…' && r != '«' && r != '»' {
				w = true
			}
			if j == 0 && r >= 'A' && r <= 'Z' {
				c = true
			}
		}
		ts[i] = tok{Token: t, low: wi.low, word: w, cap: c, forms: wi.forms, owner: -1}
	}
	return ts
}

// has reports whether token t can be the pattern word pw.
func (t *tok) has(pw patWord) bool {
	if t.low == pw.w {
		return true
	}
	if pw.literal {
		return false
	}
	for _, f := range t.forms {
		if f.lemma == pw.w {
			return true
		}
	}
	return false
}

// kind is the inflection kind of t as a form of lemma (formBase when t is the lemma itself).
func (t *tok) kind(lemma string) uint8 {
	var k uint8
	for _, f := range t.forms {
		if f.lemma == lemma {
			k |= f.kind
		}
	}
	if k == 0 {
		k = formBase
	}
	return k
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
