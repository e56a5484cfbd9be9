package gazetteer

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/geokg/geokg/schema"
)

// Entry types.
const (
	TypeCountry = "country"
	TypePlace   = "place"
	TypeOrg     = "org"
	TypeGroup   = "group"
	TypeMedia   = "media"
)

// How a key matched an entry.
const (
	MatchName    = "name"
	MatchAlias   = "alias"
	MatchDemonym = "demonym"
	MatchMetonym = "metonym"
)

const (
	matchName = iota
	matchAlias
	matchDemonym
	matchMetonym
)

var matchNames = [4]string{MatchName, MatchAlias, MatchDemonym, MatchMetonym}

// Entry is one named thing, as returned by a lookup.
type Entry struct {
	// ID is "country:IRN", "geo:<geonameid | ISO 3166-2 code | slug>" or
	// "org:<slug>" (organisations, groups and media alike; Type tells them
	// apart).
	ID string
	// Name is the canonical display name.
	Name string
	// Type is one of TypeCountry, TypePlace, TypeOrg, TypeGroup, TypeMedia.
	Type string
	// Match tells how the looked-up key matched: MatchName or MatchAlias,
	// and for countries also MatchDemonym ("Iranian") or MatchMetonym
	// ("Tehran", "the Kremlin"). Empty outside lookups.
	Match string
	// PlaceKind is a schema.Loc* kind for countries and places, else "".
	PlaceKind string
	// Country is the ISO 3166-1 alpha-3 code: own code for a country, the
	// containing country for a place, the affiliation of an organisation;
	// "" when none.
	Country string
	// Lat and Lon are the centroid of a country, region or subdivision, or
	// the position of a city; both 0 when unknown (organisations).
	Lat, Lon float64
	// Population is known for countries and cities, else 0.
	Population int
}

// ref points at an entry and says how a key matched it: index<<2 | match.
type ref uint32

func mkref(idx int32, match int) ref { return ref(uint32(idx)<<2 | uint32(match)) }
func (r ref) idx() int32             { return int32(uint32(r) >> 2) }
func (r ref) match() int             { return int(r & 3) }

// multi marks a key value that indexes index.lists instead of being a
// single ref.
const multi = 1 << 31

// index maps keys to entries.
type index struct {
	// keys maps a key to one ref, or (with the multi bit) to a position in
	// lists; most keys name one entry and cost no slice.
	keys  map[string]uint32
	lists [][]ref
	// first maps the first word of the keys to the most words a key
	// starting with it has.
	first map[string]uint8
}

func newIndex(size int) *index {
	return &index{keys: make(map[string]uint32, size), first: make(map[string]uint8, size/4)}
}

// insert adds r under key. When the key already names the same entry it
// keeps the stronger match (name before alias before demonym before
// metonym) and reports false.
func (ix *index) insert(key string, r ref) bool {
	v, ok := ix.keys[key]
	if !ok {
		ix.keys[key] = uint32(r)
		first, _, _ := strings.Cut(key, " ")
		n := uint8(min(strings.Count(key, " ")+1, 255))
		ix.first[first] = max(ix.first[first], n)
		return true
	}
	if v&multi == 0 {
		if old := ref(v); old.idx() == r.idx() {
			if r.match() < old.match() {
				ix.keys[key] = uint32(r)
			}
			return false
		}
		ix.lists = append(ix.lists, []ref{ref(v), r})
		ix.keys[key] = uint32(len(ix.lists)-1) | multi
		return true
	}
	l := ix.lists[v&^multi]
	for i, x := range l {
		if x.idx() == r.idx() {
			if r.match() < x.match() {
				l[i] = r
			}
			return false
		}
	}
	ix.lists[v&^multi] = append(l, r)
	return true
}

// sort orders every multi-entry key's refs best first.
func (ix *index) sort(g *Gazetteer, sortPop []int32) {
	for _, l := range ix.lists {
		slices.SortFunc(l, func(x, y ref) int {
			if c := cmp.Compare(g.typeRank(x.idx()), g.typeRank(y.idx())); c != 0 {
				return c
			}
			if c := cmp.Compare(x.match(), y.match()); c != 0 {
				return c
			}
			if c := cmp.Compare(sortPop[y.idx()], sortPop[x.idx()]); c != 0 {
				return c
			}
			return cmp.Compare(x.idx(), y.idx())
		})
	}
}

func (ix *index) appendRefs(g *Gazetteer, dst []Entry, v uint32) []Entry {
	if v&multi == 0 {
		return append(dst, g.entry(ref(v)))
	}
	for _, r := range ix.lists[v&^multi] {
		dst = append(dst, g.entry(r))
	}
	return dst
}

// Gazetteer is an immutable index of names; safe for concurrent use.
type Gazetteer struct {
	entries  []Entry
	exact    *index
	maxWords int
	iso3     map[string]int32
	iso2     map[string]int32
	capitals map[string]Entry
	// adminWords are the words that may follow a subdivision's name
	// ("province"), in title and lower case.
	adminWords map[string]bool
	// sortPop orders places with the same name: population, with a fixed
	// value for subdivisions (which have none in the data).
	sortPop []int32

	// fold is the case-insensitive index, built on first use.
	foldOnce sync.Once
	fold     *index
}

// Options names optional GeoNames dump files (tab-separated GeoNames
// format) whose entries are added to the built-in data.
type Options struct {
	// GeoNamesCities is a citiesNNN.txt file (e.g. cities15000.txt).
	GeoNamesCities string
	// GeoNamesAdmin1 is admin1CodesASCII.txt.
	GeoNamesAdmin1 string
	// GeoNamesAll is allCountries.txt or a per-country dump (e.g. SY.txt);
	// populated places of MinPopulation or more and first-level
	// subdivisions are taken from it.
	GeoNamesAll string
	// MinPopulation is the smallest population of a populated place taken
	// from GeoNamesAll; 0 means 1000.
	MinPopulation int
}

var (
	defaultOnce sync.Once
	defaultGaz  *Gazetteer
	defaultErr  error
)

// Default returns the built-in gazetteer, parsed once and shared.
func Default() (*Gazetteer, error) {
	defaultOnce.Do(func() {
		defaultGaz, defaultErr = build(Options{})
	})
	return defaultGaz, defaultErr
}

// Load builds a new gazetteer from the built-in data plus the GeoNames
// dumps named in opts.
func Load(opts Options) (*Gazetteer, error) {
	return build(opts)
}

func build(opts Options) (*Gazetteer, error) {
	b := newBuilder()
	if opts.GeoNamesAdmin1 != "" {
		b.acc = map[string]*admin1Acc{}
	}
	if err := b.loadBuiltin(); err != nil {
		return nil, fmt.Errorf("load built-in gazetteer: %w", err)
	}
	if err := b.loadDumps(opts); err != nil {
		return nil, err
	}
	return b.finish(), nil
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Keys is the number of distinct exact keys.
func (g *Gazetteer) Keys() int { return len(g.exact.keys) }

// MaxWords is the length in space-separated words of the longest key.
func (g *Gazetteer) MaxWords() int { return g.maxWords }

// HasPrefix reports whether firstWord is the first word of some exact key,
// so a scanner can skip words that start nothing.
func (g *Gazetteer) HasPrefix(firstWord string) bool { return g.PrefixWords(firstWord) > 0 }

// HasPrefixFold is HasPrefix ignoring case.
func (g *Gazetteer) HasPrefixFold(firstWord string) bool { return g.PrefixWordsFold(firstWord) > 0 }

// PrefixWords returns the most words of an exact key that starts with
// firstWord (0: none does), so a scanner tries no longer phrases. A phrase
// that Lookup also finds by dropping a leading "the" or a trailing
// subdivision word may be longer: see MaxWords.
func (g *Gazetteer) PrefixWords(firstWord string) int { return int(g.exact.first[firstWord]) }

// PrefixWordsFold is PrefixWords ignoring case.
func (g *Gazetteer) PrefixWordsFold(firstWord string) int {
	return int(g.foldIndex().first[foldKey(firstWord)])
}

// Lookup returns the entries whose key is exactly phrase (after collapsing
// white space and straightening apostrophes), best candidates first, or nil.
// A phrase with a leading "the "/"The " that matches nothing is looked up
// again without it; one that ends in a subdivision word ("Idlib province",
// "Donetsk Oblast", "Homs Governorate", "Washington State", or a
// subdivision's own type such as "Department") returns the first-level
// subdivisions named by the rest.
func (g *Gazetteer) Lookup(phrase string) []Entry {
	return g.LookupAppend(nil, phrase)
}

// LookupAppend is Lookup appending to dst, to reuse a buffer.
func (g *Gazetteer) LookupAppend(dst []Entry, phrase string) []Entry {
	return g.lookup(g.exact, dst, normalize(phrase))
}

// lookup finds key in ix: as it is; else without a leading "the"/"The"
// ("the Kremlin"); else, when it ends in a subdivision word ("Idlib
// province"), the subdivisions named by the rest.
func (g *Gazetteer) lookup(ix *index, dst []Entry, key string) []Entry {
	if v, ok := ix.keys[key]; ok {
		return ix.appendRefs(g, dst, v)
	}
	rest, cut := strings.CutPrefix(key, "the ")
	if !cut {
		rest, cut = strings.CutPrefix(key, "The ")
	}
	if cut {
		if v, ok := ix.keys[rest]; ok {
			return ix.appendRefs(g, dst, v)
		}
	}
	i := strings.LastIndexByte(key, ' ')
	if i <= 0 || !g.adminWords[key[i+1:]] {
		return dst
	}
	v, ok := ix.keys[key[:i]]
	if !ok {
		return dst
	}
	if v&multi == 0 {
		if e := g.entry(ref(v)); e.PlaceKind == schema.LocAdmin1 {
			dst = append(dst, e)
		}
		return dst
	}
	for _, r := range ix.lists[v&^multi] {
		if e := g.entry(r); e.PlaceKind == schema.LocAdmin1 {
			dst = append(dst, e)
		}
	}
	return dst
}

func subdivisionWordSet() map[string]bool {
	m := make(map[string]bool, 128)
	for _, w := range subdivisionWords {
		m[w] = true
		m[strings.ToLower(w)] = true
	}
	return m
}

// LookupFold is Lookup ignoring case, for ALL-CAPS headlines. Keys whose
// lower-case form is an English function word ("IS", "IT") are not
// matched this way. The first call builds the case-insensitive index.
func (g *Gazetteer) LookupFold(phrase string) []Entry {
	return g.lookup(g.foldIndex(), nil, foldKey(normalize(phrase)))
}

// foldIndex returns the case-insensitive index, building it on first use.
func (g *Gazetteer) foldIndex() *index {
	g.foldOnce.Do(func() {
		ix := newIndex(len(g.exact.keys))
		for k, v := range g.exact.keys {
			fk := foldKey(k)
			if foldStop[fk] {
				continue
			}
			if v&multi == 0 {
				ix.insert(fk, ref(v))
				continue
			}
			for _, r := range g.exact.lists[v&^multi] {
				ix.insert(fk, r)
			}
		}
		ix.sort(g, g.sortPop)
		g.fold = ix
	})
	return g.fold
}

// Country returns the entry of the country with ISO 3166-1 alpha-3 code
// iso3.
func (g *Gazetteer) Country(iso3 string) (Entry, bool) {
	i, ok := g.iso3[strings.ToUpper(iso3)]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// CountryByISO2 returns the entry of the country with alpha-2 code iso2.
func (g *Gazetteer) CountryByISO2(iso2 string) (Entry, bool) {
	i, ok := g.iso2[strings.ToUpper(iso2)]
	if !ok {
		return Entry{}, false
	}
	return g.entries[i], true
}

// Capital returns the capital city of the country with alpha-3 code iso3
// (the seat of government where the source names several).
func (g *Gazetteer) Capital(iso3 string) (Entry, bool) {
	e, ok := g.capitals[strings.ToUpper(iso3)]
	return e, ok
}

// ByID returns the entry with the given id.
func (g *Gazetteer) ByID(id string) (Entry, bool) {
	if iso3, ok := strings.CutPrefix(id, "country:"); ok {
		return g.Country(iso3)
	}
	for _, e := range g.entries {
		if e.ID == id {
			return e, true
		}
	}
	return Entry{}, false
}

func (g *Gazetteer) entry(r ref) Entry {
	e := g.entries[r.idx()]
	e.Match = matchNames[r.match()]
	return e
}

// normalize collapses runs of white space to one space, trims, and turns
// typographic apostrophes into ASCII ones. It does not allocate when the
// phrase is already normal.
func normalize(s string) string {
	clean := true
	prevSpace := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ':
			if prevSpace {
				clean = false
			}
			prevSpace = true
		case c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			clean = false
		case c >= utf8.RuneSelf:
			clean = clean && !strings.HasPrefix(s[i:], "\u2019") && !strings.HasPrefix(s[i:], "\u00a0")
			prevSpace = false
		default:
			prevSpace = false
		}
		if !clean {
			break
		}
	}
	if clean && !strings.HasSuffix(s, " ") {
		return s
	}
	s = strings.NewReplacer("\u2019", "'", "\u00a0", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func foldKey(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			return strings.ToLower(s)
		}
	}
	return s
}

// foldStop are lower-case forms that LookupFold does not match: function
// words that ALL-CAPS text writes like short acronyms ("IS", "IT", "AT").
var foldStop = map[string]bool{
	"a": true, "an": true, "as": true, "at": true, "am": true, "are": true,
	"be": true, "by": true, "do": true, "go": true, "he": true, "if": true,
	"in": true, "is": true, "it": true, "me": true, "my": true, "no": true,
	"of": true, "on": true, "or": true, "so": true, "to": true, "up": true,
	"we": true, "the": true, "and": true, "for": true, "but": true,
	"not": true, "was": true, "has": true, "his": true, "her": true,
	"its": true, "who": true, "all": true, "new": true, "now": true,
	"can": true, "let": true, "may": true, "man": true, "say": true,
	"fed": true, "let's": true, "aid": true, "war": true, "win": true,
}

// builder accumulates entries and keys.
type builder struct {
	g *Gazetteer
	// acc collects the built-in cities' positions by GeoNames admin1 code
	// ("SY.12"), when an admin1 dump needs them for coordinates.
	acc     map[string]*admin1Acc
	iso3to2 map[string]string
}

func newBuilder() *builder {
	return &builder{
		iso3to2: make(map[string]string, 256),
		g: &Gazetteer{
			exact:      newIndex(1 << 18),
			iso3:       make(map[string]int32, 256),
			iso2:       make(map[string]int32, 256),
			capitals:   make(map[string]Entry, 256),
			adminWords: subdivisionWordSet(),
		},
	}
}

// subdivisionSortPop places a subdivision among cities of the same name:
// after big cities, before small towns.
const subdivisionSortPop = 50_000

func (b *builder) add(e Entry) int32 {
	idx := int32(len(b.g.entries))
	b.g.entries = append(b.g.entries, e)
	sp := e.Population
	if e.PlaceKind == schema.LocAdmin1 && sp == 0 {
		sp = subdivisionSortPop
	}
	b.g.sortPop = append(b.g.sortPop, int32(min(sp, 1<<31-1)))
	return idx
}

// key indexes key for entry idx. A leading lower-case "the " is dropped; a
// leading "The " is kept, and the rest is also indexed when it has more
// than one word.
func (b *builder) key(idx int32, match int, key string) {
	key = normalize(key)
	if rest, ok := strings.CutPrefix(key, "the "); ok {
		key = rest
	} else if rest, ok := strings.CutPrefix(key, "The "); ok && strings.Contains(rest, " ") {
		b.put(idx, match, rest)
	}
	b.put(idx, match, key)
}

func (b *builder) put(idx int32, match int, key string) {
	if key == "" {
		return
	}
	if b.g.exact.insert(key, mkref(idx, match)) {
		b.g.maxWords = max(b.g.maxWords, strings.Count(key, " ")+1)
	}
}

// typeRank orders entry types: countries, organisations, regions, seas and
// facilities, then subdivisions and cities.
func (g *Gazetteer) typeRank(i int32) int {
	e := &g.entries[i]
	switch e.Type {
	case TypeCountry:
		return 0
	case TypeOrg, TypeGroup, TypeMedia:
		return 1
	}
	switch e.PlaceKind {
	case schema.LocRegion, schema.LocWater, schema.LocFacility:
		return 2
	}
	return 3
}

func (b *builder) finish() *Gazetteer {
	b.g.exact.sort(b.g, b.g.sortPop)
	return b.g
}
