package extract

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/officials"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

// itemKind is what a stretch of tokens in a sentence was recognised as.
type itemKind int

const (
	itGaz   itemKind = iota + 1 // a gazetteer name: country, place, organisation, group, media
	itTitle                     // a title of office ("Defense Minister")
	itName                      // a capitalised name not in the gazetteer
	itPron                      // he / she
)

// item is one recognised stretch of tokens [i, j) of sentence sent.
type item struct {
	kind       itemKind
	sent       int
	i, j       int // token range
	start, end int // byte range in the text
	ents       []gazetteer.Entry
	title      titleInfo
	class      string // names: person, organization, group, place, unknown
	gender     byte
	lead       int  // names: tokens [i, i+lead) are an honorific, not the name
	admin      bool // gazetteer place followed by "Province" and the like
	locative   bool // after a locative preposition ("in", "near", "southeast of")
	possessive bool // followed by 's
	titled     bool // a title stands right before the name
	actor      *actor
	place      *place
	used       bool // consumed by a larger construction (e.g. "Syrian Army")
}

// actor is an actor being assembled.
type actor struct {
	id, name, kind, country string
	aliases                 []string
	roles                   []schema.Role
	mentions                []schema.Span
	gender                  byte
	parts                   []string         // person: name tokens
	first                   int              // first mention offset
	single                  bool             // person known by one name only
	media                   bool             // a news outlet: reports events, rarely takes part
	publisher               bool             // the outlet that published the article: never a party
	official                *officials.Match // person: the entry of the table of officials it resolved to
	seen                    map[[2]int]bool
}

func (a *actor) addMention(t string, s, e int) {
	if s < 0 || e > len(t) || s >= e {
		return
	}
	if a.seen == nil {
		a.seen = map[[2]int]bool{}
	}
	k := [2]int{s, e}
	if a.seen[k] {
		return
	}
	// a mention inside a recent one adds nothing
	for i := len(a.mentions) - 1; i >= 0 && i >= len(a.mentions)-4; i-- {
		if m := a.mentions[i]; m.Start <= s && e <= m.End {
			return
		}
	}
	a.seen[k] = true
	a.mentions = append(a.mentions, schema.Span{Start: s, End: e, Text: t[s:e]})
	if len(a.mentions) == 1 || s < a.first {
		a.first = s
	}
}

func (a *actor) addAlias(s string) {
	s = strings.TrimSpace(s)
	if s == "" || s == a.name {
		return
	}
	for _, x := range a.aliases {
		if x == s {
			return
		}
	}
	a.aliases = append(a.aliases, s)
}

func (a *actor) addRole(title, of string) {
	for i, r := range a.roles {
		if strings.EqualFold(r.Title, title) {
			if r.Of == "" && of != "" {
				a.roles[i].Of = of
			}
			return
		}
	}
	a.roles = append(a.roles, schema.Role{Title: title, Of: of})
}

// place is a location being assembled.
type place struct {
	id, name, kind, country string
	lat, lon                float64
	coords                  bool
	mentions                []schema.Span
	first                   int
	seen                    map[[2]int]bool
}

// pmention is a mention of a person, in text order, used for coreference.
type pmention struct {
	pos     int
	sent    int
	a       *actor
	subject bool
}

// analysis is the state of one Extract call.
type analysis struct {
	e       *Extractor
	lex     *lexicons
	gaz     *gazetteer.Gazetteer
	text    string
	pub     time.Time
	hasPub  bool
	offDate int32       // the publication date for the table of officials (YYYYMMDD), 0 when unknown
	outlet  string      // the publisher's name, when known ("Baltic Wire")
	prov    []text.Prov // bylines, credits, dateline outlets: never actors
	docID   string      // the article id, scoping the ids of described speakers

	sents     []text.Sentence
	toks      [][]text.Token
	headline  []bool // Title Case or ALL-CAPS lines
	titleLine []bool // the article's headline (first line)
	items     [][]*item
	lower     map[string]bool // words seen in lower case in the text

	actors  []*actor
	byID    map[string]*actor
	places  []*place
	placeBy map[string]*place
	context map[string]int // ISO3 -> weight of the countries the article is about

	bySurname map[string][]*actor // person index by surname forms
	persons   []pmention          // person mentions in text order (built by corefIndex)
	quoted    [][2]int            // direct quotation spans, sorted
	speakers  []pmention          // resolved statement speakers in text order

	events     []schema.Event
	statements []schema.Statement
}

func newAnalysis(e *Extractor, t string, pub time.Time, hasPub bool) *analysis {
	offDate := int32(0)
	if hasPub {
		offDate = officials.Date(pub)
	}
	return &analysis{e: e, lex: e.lex, gaz: e.gaz, text: t, pub: pub, hasPub: hasPub, offDate: offDate,
		byID: map[string]*actor{}, bySurname: map[string][]*actor{}, placeBy: map[string]*place{}, context: map[string]int{}, lower: map[string]bool{}}
}

// run does the whole analysis, in passes over the recognised items:
//
//  1. sentences, tokens, headline lines; scan: gazetteer names, titles,
//     capitalised runs and pronouns per sentence (scan.go); the name
//     tagger's spans merge, split and classify the names found (names.go)
//  2. people named in full or after a title/honorific (persons.go), then
//     countries, organisations and media (orgs.go), surnames linked, people
//     resolved against the table of officials (officials.go)
//  3. titles attached as roles, counterparts, role phrases (roles.go); the
//     officials' affiliation and office where the text says none
//  4. places geocoded against the article's countries (places.go)
//  5. statements with speakers, pronouns resolved (statements.go, coref.go)
//  6. events with actors, place, date and numbers (events.go)
func (a *analysis) run(ctx context.Context) error {
	a.sents = text.Sentences(a.text)
	a.toks = make([][]text.Token, len(a.sents))
	a.headline = make([]bool, len(a.sents))
	for si, s := range a.sents {
		a.toks[si] = text.Tokens(a.text, s.Start, s.End)
		for _, t := range a.toks[si] {
			if r, _ := utf8.DecodeRuneInString(t.Text); unicode.IsLower(r) {
				a.lower[t.Text] = true
			}
		}
	}
	hl := len(headlineOf(a.text))
	a.titleLine = make([]bool, len(a.sents))
	for si, s := range a.sents {
		a.titleLine[si] = s.End <= hl
		a.headline[si] = a.isHeadline(si) || a.titleLine[si]
	}
	a.provenance()
	a.items = make([][]*item, len(a.sents))
	for si := range a.sents {
		if si%256 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		a.items[si] = a.dropProvenance(a.scan(si))
	}
	// each pass is linear in the text; cancellation is checked between them
	for _, pass := range []func(){
		a.proposeNames, a.givenNamePlaces, a.countryContext, a.buildPersons, a.buildOthers, a.linkSurnames, a.resolveOfficials, a.markOutlet,
		a.buildRoles, a.officialRoles, a.defaultCountry, a.resolveShortNames, a.resolvePlaces, a.unknownPlaces, a.corefIndex,
		a.buildStatements, a.resolvePronouns, a.buildEvents,
	} {
		if err := ctx.Err(); err != nil {
			return err
		}
		pass()
	}
	return nil
}
