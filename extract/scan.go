package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

// ---------------------------------------------------------------- token shape

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func isCap(s string) bool { return unicode.IsUpper(firstRune(s)) }

func isWord(s string) bool {
	r := firstRune(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isAlpha(s string) bool { return unicode.IsLetter(firstRune(s)) }

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 0
}

// nameParticle reports lower-case words that may sit inside a personal name.
func nameParticle(s string) bool {
	switch s {
	case "bin", "ibn", "van", "von", "de", "da", "di", "der", "den", "du", "del", "la", "le", "dos", "das", "al", "el", "bint", "ben":
		return true
	}
	return false
}

// prefixedName reports "al-Freij", "el-Sisi", "bin-Salman": a lower-case
// particle joined by a hyphen to a capitalised name.
func prefixedName(s string) bool {
	i := strings.IndexByte(s, '-')
	if i <= 0 || i+1 >= len(s) {
		return false
	}
	return nameParticle(s[:i]) && isCap(s[i+1:])
}

func (a *analysis) isHeadline(si int) bool {
	toks := a.toks[si]
	words, caps, upper := 0, 0, 0
	for _, t := range toks {
		if !isAlpha(t.Text) {
			continue
		}
		words++
		if isCap(t.Text) {
			caps++
		}
		if isAllCaps(t.Text) && len(t.Text) > 1 {
			upper++
		}
	}
	if words < 3 {
		return false
	}
	if upper*10 >= words*7 {
		return true
	}
	// Title Case line without final punctuation
	last := toks[len(toks)-1].Text
	return caps*10 >= words*8 && last != "." && last != "?" && last != "!" && last != "\"" && last != "”"
}

// allUpper reports an ALL-CAPS sentence (headlines in wire copy).
func (a *analysis) allUpper(si int) bool {
	words, upper := 0, 0
	for _, t := range a.toks[si] {
		if isAlpha(t.Text) {
			words++
			if isAllCaps(t.Text) {
				upper++
			}
		}
	}
	return words >= 2 && upper*10 >= words*7
}

var monthSurname = map[string]bool{"May": true, "June": true, "April": true, "August": true}

var locPreps = map[string]bool{"in": true, "at": true, "near": true, "into": true, "inside": true, "across": true,
	"throughout": true, "within": true, "to": true, "from": true, "outside": true, "around": true, "toward": true,
	"towards": true, "over": true, "via": true, "through": true, "off": true, "In": true, "At": true, "Near": true, "From": true, "Outside": true, "Inside": true, "Across": true}

var compass = map[string]bool{"eastern": true, "western": true, "northern": true, "southern": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true, "northeast": true, "northwest": true,
	"southeast": true, "southwest": true, "Eastern": true, "Western": true, "Northern": true, "Southern": true, "Central": true}

var adminWords = map[string]bool{"Province": true, "province": true, "Governorate": true, "governorate": true,
	"Region": true, "region": true, "State": true, "Oblast": true, "District": true, "County": true,
	"Prefecture": true, "Territory": true}

// ---------------------------------------------------------------- scanning

// gazAt finds the longest gazetteer name starting at token i.
func (a *analysis) gazAt(toks []text.Token, i int, fold bool) (int, []gazetteer.Entry) {
	t0 := toks[i].Text
	if !isWord(t0) {
		return 0, nil
	}
	lookup, prefixWords := a.gaz.Lookup, a.gaz.PrefixWords
	if fold {
		lookup, prefixWords = a.gaz.LookupFold, a.gaz.PrefixWordsFold
	}
	max := prefixWords(t0)
	if max == 0 {
		return 0, nil
	}
	if strings.EqualFold(t0, "the") {
		max = a.gaz.MaxWords() // "the Kremlin" is looked up as "Kremlin"
	}
	max++ // a trailing subdivision word: "Idlib province"
	// collect up to max words, contiguous, word-like or joining punctuation
	end := i
	for end < len(toks) && end-i < max+1 {
		tt := toks[end].Text
		if !isWord(tt) && tt != "&" && tt != "-" && tt != "." && !(end > i && isPoss(tt)) {
			break
		}
		if end > i && toks[end].Start > toks[end-1].End+1 {
			break // a line break or wide gap
		}
		if end > i && strings.ContainsAny(a.text[toks[end-1].End:toks[end].Start], "\n") {
			break
		}
		end++
	}
	// the longest phrase first; each shorter one is a prefix of it
	n := min(end-i, max)
	phrase := a.joined(toks[i : i+n])
	for ; n >= 1; n-- {
		last := toks[i+n-1].Text
		if isWord(last) || last == "." {
			if es := lookup(phrase); len(es) > 0 {
				return n, es
			}
		}
		phrase = phrase[:len(phrase)-len(last)]
		if n > 1 && toks[i+n-1].Start > toks[i+n-2].End {
			phrase = phrase[:len(phrase)-1] // the space before it
		}
	}
	return 0, nil
}

// joined is the text of toks with one space wherever tokens are apart: the
// text itself when they are apart by single spaces only.
func (a *analysis) joined(toks []text.Token) string {
	plain := true
	for k := 1; k < len(toks); k++ {
		if gap := a.text[toks[k-1].End:toks[k].Start]; gap != "" && gap != " " {
			plain = false
			break
		}
	}
	if plain {
		return a.text[toks[0].Start:toks[len(toks)-1].End]
	}
	var b strings.Builder
	for k, t := range toks {
		if k > 0 && t.Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
	}
	return b.String()
}

// titleAt finds the longest title of office starting at token i.
func (a *analysis) titleAt(toks []text.Token, i int) (int, titleInfo) {
	first := toks[i].Text
	if len(first) > utf8.UTFMax*a.lex.titleFirstN {
		return 0, titleInfo{} // lower-casing keeps the number of runes: too long to be a title's first word
	}
	var buf [64]byte
	key := appendLower(buf[:0], first)
	if !a.lex.titleFirst[string(key)] {
		return 0, titleInfo{}
	}
	best, bestTI := 0, titleInfo{}
	for n := 1; n <= a.lex.titleMax && i+n <= len(toks); n++ {
		if n > 1 {
			key = appendLower(append(key, ' '), toks[i+n-1].Text)
		}
		if ti, ok := a.lex.titles[string(key)]; ok {
			best, bestTI = n, ti
		}
	}
	return best, bestTI
}

// appendLower appends strings.ToLower(s) to dst, copying ASCII text byte
// by byte: a map look-up of the result allocates nothing.
func appendLower(dst []byte, s string) []byte {
	n := len(dst)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(dst[:n], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}

func (a *analysis) isPronoun(t string) byte {
	switch t {
	case "he", "He":
		return 'm'
	case "she", "She":
		return 'f'
	}
	return 0
}

// commonWord reports a capitalised word that is just a sentence-initial or
// headline-capitalised common word.
func (a *analysis) commonWord(t string) bool {
	if a.lex.notNames[t] {
		return true
	}
	l := strings.ToLower(t)
	if l != t && a.lower[l] {
		return true
	}
	return false
}

func (a *analysis) capName(t string) bool {
	if !isCap(t) {
		return false
	}
	return isAlpha(t)
}

// scan recognises gazetteer names, titles, capitalised names and pronouns
// in sentence si.
func (a *analysis) scan(si int) []*item {
	toks := a.toks[si]
	fold := a.allUpper(si)
	head := a.headline[si]
	var out []*item
	mk := func(k itemKind, i, j int) *item {
		it := &item{kind: k, sent: si, i: i, j: j, start: toks[i].Start, end: toks[j-1].End}
		if i > 0 {
			p := toks[i-1].Text
			if p == "the" || p == "The" {
				if i > 1 {
					p = toks[i-2].Text
				}
			}
			it.locative = locPreps[p] || compass[p] || compassOf(toks, i) ||
				p == "with" && i > 1 && strings.EqualFold(toks[i-2].Text, "border") // "the border with Mali"
		}
		if j < len(toks) && (toks[j].Text == "'s" || toks[j].Text == "’s" || toks[j].Text == "'" || toks[j].Text == "’") {
			it.possessive = true
		}
		out = append(out, it)
		return it
	}
	for i := 0; i < len(toks); {
		t := toks[i].Text
		if g := a.isPronoun(t); g != 0 {
			it := mk(itPron, i, i+1)
			it.gender = g
			i++
			continue
		}
		cap := isCap(t)
		dateline := false
		var ng int
		var ents []gazetteer.Entry
		if cap || (compass[t] && i+1 < len(toks) && isCap(toks[i+1].Text)) {
			ng, ents = a.gazAt(toks, i, fold)
			if ng == 0 && !fold && isAllCaps(t) && utf8.RuneCountInString(t) >= 3 {
				// a dateline ("ANKARA, March 14") or a name in capitals
				if n2, e2 := a.gazAt(toks, i, true); n2 > 0 && isAllCaps(toks[i+n2-1].Text) {
					ng, ents = n2, e2
					if i == 0 {
						dateline = true
					}
				}
			}
			if ng > 0 && !cap {
				// "eastern Mediterranean": only regions and waters
				ents = filterPlaces(ents)
				if len(ents) == 0 {
					ng = 0
				}
			}
		}
		nt, ti := 0, titleInfo{}
		if !fold {
			nt, ti = a.titleAt(toks, i)
		}
		if ng > 0 && ng >= nt {
			// a first name followed by capitalised words is a person, not a place ("Charlotte Smith")
			if _, fn := a.lex.firstNames[t]; fn && ng == 1 && !fold && i+1 < len(toks) && a.capName(toks[i+1].Text) &&
				!isCountryLike(ents) {
				if n2, _ := a.gazAt(toks, i+1, false); n2 == 0 {
					ng = 0
				}
			}
			// a town's name before an unknown capitalised word is a given
			// name ("Victoria Nuland", "Badr Albusaidi"), not the town
			if ng == 1 && !fold && !head && isPlaceOnly(ents) && i+1 < len(toks) && a.capName(toks[i+1].Text) &&
				a.surnameLike(toks[i+1].Text) {
				if n2, _ := a.gazAt(toks, i+1, false); n2 == 0 {
					ng = 0
				}
			}
		}
		if ng > 1 && (t == "The" || t == "the" || t == "THE") {
			if n2, _ := a.gazAt(toks, i+1, fold); n2 == ng-1 {
				i++ // "The United States": the name without its article
				continue
			}
		}
		if ng > 0 && ng >= nt {
			if head && !fold && ng == 1 && isPlaceOnly(ents) && a.commonWord(t) {
				i++
				continue
			}
			it := mk(itGaz, i, i+ng)
			it.ents = ents
			it.locative = it.locative || dateline
			if i+ng < len(toks) && adminWords[toks[i+ng].Text] && hasKind(ents, schema.LocAdmin1) {
				it.j++
				it.end = toks[it.j-1].End
				it.admin = true
			}
			i = it.j
			continue
		}
		if nt > 0 {
			// "Justice Department", "General Motors": a title word heading an organisation name
			j := i + nt
			if cap && j < len(toks) && a.capName(toks[j].Text) {
				k := j
				for k < len(toks) && a.capName(toks[k].Text) {
					k++
				}
				if _, org := a.lex.orgWords[toks[k-1].Text]; org && k-j <= 2 {
					it := mk(itName, i, k)
					it.class = a.lex.orgWords[toks[k-1].Text]
					i = k
					continue
				}
			}
			it := mk(itTitle, i, j)
			it.title = ti
			i = j
			continue
		}
		if fold || !cap && !prefixedName(t) {
			i++
			continue
		}
		// "Air France", "Air India": an airline, not the country
		if t == "Air" && i+1 < len(toks) && !fold {
			if n2, e2 := a.gazAt(toks, i+1, false); n2 > 0 && len(e2) > 0 && (e2[0].Type == gazetteer.TypeCountry || e2[0].Type == gazetteer.TypePlace) {
				it := mk(itName, i, i+1+n2)
				it.class = "organization"
				i = it.j
				continue
			}
		}
		// "told The Long View": a capitalised "The" inside a sentence opens a name
		theName := false
		if t == "The" && i > 0 && !isOpenPunct(toks[i-1].Text) && toks[i-1].Text != "." && i+1 < len(toks) && a.capName(toks[i+1].Text) {
			if n2, _ := a.gazAt(toks, i+1, false); n2 == 0 {
				theName = true
			}
		}
		if head && a.commonWord(t) {
			i++
			continue
		}
		// a capitalised run
		j := i
		for j < len(toks) {
			w := toks[j].Text
			if j > i && strings.Contains(a.text[toks[j-1].End:toks[j].Start], "\n") {
				break
			}
			if a.capName(w) || prefixedName(w) {
				if j > i && a.lex.notNames[w] {
					// "Theresa May": a month after a given name is a surname
					if _, fn := a.lex.firstNames[toks[j-1].Text]; !fn || !monthSurname[w] {
						break
					}
				}
				if j > i {
					if n2, e2 := a.gazAt(toks, j, false); n2 > 0 && isCountryLike(e2) {
						break
					}
					if n3, _ := a.titleAt(toks, j); n3 > 0 && isCap(w) && j+n3 < len(toks) && a.capName(toks[j+n3].Text) {
						if _, org := a.lex.orgWords[toks[j+n3-1].Text]; !org {
							break
						}
					}
				}
				j++
				continue
			}
			if j > i && j+2 < len(toks) && (w == "for" || w == "of") && toks[j+1].Text == "the" && a.capName(toks[j+2].Text) && a.orgSoFar(toks, i, j) {
				j += 2 // "National Union for the Total Independence"
				continue
			}
			if j > i && j+1 < len(toks) && w == "for" && a.capName(toks[j+1].Text) && a.orgSoFar(toks, i, j) {
				j++ // "Organisation for Security and Cooperation"
				continue
			}
			if j > i && j+1 < len(toks) && (nameParticle(w) || w == "of" || w == "&" || w == "and" && (a.orgRun(toks, i, j) || a.orgAhead(toks, j+1))) && a.capName(toks[j+1].Text) {
				if w == "of" || w == "and" {
					if !a.isOrgHead(toks[i].Text) && !a.orgRun(toks, i, j) {
						break
					}
				}
				j++
				continue
			}
			if j > i && w == "." && j == i+1 && len(toks[i].Text) == 1 {
				j++ // an initial written apart
				continue
			}
			break
		}
		if j == i {
			i++
			continue
		}
		it := mk(itName, i, j)
		if theName && j-i >= 2 {
			it.class = "organization" // a newspaper, a programme, a work
		} else {
			a.trimName(it, toks)
		}
		if it.i >= it.j {
			i = j
			continue
		}
		i = j
	}
	return out
}

// orgRun reports a capitalised run [i, j) that already reads as an
// organisation name heading ("Ministry of", "Bank of").
func (a *analysis) orgRun(toks []text.Token, i, j int) bool {
	return a.isOrgHead(toks[j-1].Text)
}

// orgAhead reports an organisation word among the capitalised words from k
// ("Securities and Exchange Commission").
func (a *analysis) orgAhead(toks []text.Token, k int) bool {
	for end := k + 3; k < len(toks) && k < end && a.capName(toks[k].Text); k++ {
		if a.lex.orgWords[toks[k].Text] != "" {
			return true
		}
	}
	return false
}

// orgSoFar reports a run [i, j) holding an organisation word.
func (a *analysis) orgSoFar(toks []text.Token, i, j int) bool {
	for k := i; k < j; k++ {
		if a.isOrgHead(toks[k].Text) {
			return true
		}
	}
	return false
}

func (a *analysis) isOrgHead(w string) bool {
	return a.lex.orgHeads[w] != "" || a.lex.orgWords[w] != ""
}

// compassOf reports "southeast of (the) X" before token i.
func compassOf(toks []text.Token, i int) bool {
	k := i - 1
	if k >= 0 && (toks[k].Text == "the") {
		k--
	}
	if k >= 1 && toks[k].Text == "of" {
		w := strings.ToLower(toks[k-1].Text)
		return compass[w] || w == "outskirts" || w == "city" || w == "town" || w == "village" || w == "province" ||
			w == "capital" || w == "region" || w == "south" || w == "north" || w == "east" || w == "west" || w == "kilometers" ||
			w == "km" || w == "miles" || w == "kilometres"
	}
	return false
}

// trimName drops leading common words from a name run and classifies it.
func (a *analysis) trimName(it *item, toks []text.Token) {
	sentStart := it.i == 0 || isOpenPunct(toks[it.i-1].Text)
	for it.i < it.j {
		w := toks[it.i].Text
		if a.lex.notNames[w] || (sentStart && it.i == 0 && a.commonWord(w)) || (sentStart && a.commonWord(w) && it.j-it.i > 1) {
			it.i++
			sentStart = false
			continue
		}
		break
	}
	for it.j > it.i && (a.lex.notNames[toks[it.j-1].Text] || toks[it.j-1].Text == "." || nameParticle(toks[it.j-1].Text) || toks[it.j-1].Text == "of") {
		if it.j-1 > it.i && monthSurname[toks[it.j-1].Text] {
			if _, fn := a.lex.firstNames[toks[it.j-2].Text]; fn {
				break
			}
		}
		it.j--
	}
	if it.i >= it.j {
		return
	}
	it.start, it.end = toks[it.i].Start, toks[it.j-1].End
	first := toks[it.i].Text
	last := toks[it.j-1].Text
	n := it.j - it.i
	if g, ok := a.lex.honorific[first]; ok && n > 1 {
		if second := toks[it.i+1].Text; first == "Miss" && n == 2 && gazetteer.IsCommonWord(second) && a.lex.firstNames[second] == 0 {
			if _, fn := a.lex.firstNames[second]; !fn && !a.lex.notNames[second] {
				it.class = "unknown" // "Miss Universe"
				return
			}
		}
		it.class, it.gender, it.lead = "person", g, 1
		// "Miss Universe Alicia Machado": the name starts at the first name
		if _, fn := a.lex.firstNames[toks[it.i+1].Text]; !fn && n > 3 {
			for k := it.i + 2; k < it.j-1; k++ {
				if _, fn := a.lex.firstNames[toks[k].Text]; fn {
					it.i, it.lead, it.start = k, 0, toks[k].Start
					break
				}
			}
		}
		return
	}
	if k, ok := a.lex.orgWords[last]; ok && (n > 1 || isAllCaps(last) && utf8.RuneCountInString(last) >= 3 && !gazetteer.IsCommonWord(last)) {
		it.class = k
		return
	}
	if n > 2 {
		for k := it.i; k < it.j-1; k++ {
			if w := toks[k+1].Text; (w == "for" || w == "of") && a.lex.orgWords[toks[k].Text] != "" {
				it.class = a.lex.orgWords[toks[k].Text] // "National Union for the ..."
				return
			}
		}
	}
	if _, ok := a.lex.placeWords[last]; ok && n > 1 {
		it.class = "place"
		return
	}
	if a.isOrgHead(first) && n > 2 && toks[it.i+1].Text == "of" {
		it.class = a.lex.orgHeads[first]
		if it.class == "" {
			it.class = a.lex.orgWords[first]
		}
		return
	}
	if g, ok := a.lex.firstNames[first]; ok && n > 1 {
		it.class, it.gender = "person", g
		return
	}
	if n > 1 && n <= 3 && strings.HasSuffix(first, ".") && utf8.RuneCountInString(first) == 2 && isCap(first) &&
		!strings.Contains(toks[it.i+1].Text, ".") {
		it.class = "person" // "J. Russell"
		return
	}
	if a.lex.familyFirst[first] && n > 1 && n <= 3 && !isAllCaps(toks[it.i+1].Text) && !gazetteer.IsCommonWord(toks[it.i+1].Text) {
		it.class = "person" // "Xi Jinping", "Kim Jong Un"
		return
	}
	if n == 1 && isAllCaps(first) && utf8.RuneCountInString(first) >= 3 && !strings.Contains(first, ".") && !a.lex.notNames[first] &&
		!gazetteer.IsCommonWord(first) && !strings.Contains(first, "-") {
		it.class = "organization"
		return
	}
	it.class = "unknown"
}

// allWordsCap reports a phrase whose words all start with a capital or are
// name particles ("Fahd Jassem al-Freij").
func allWordsCap(s string) bool {
	for _, w := range strings.Fields(s) {
		if !isCap(w) && !prefixedName(w) && !nameParticle(w) && !isInitial(w) {
			return false
		}
	}
	return true
}

func isOpenPunct(s string) bool { return text.OpenPunct(s) }

func filterPlaces(es []gazetteer.Entry) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range es {
		if e.Type == "place" && (e.PlaceKind == schema.LocRegion || e.PlaceKind == schema.LocWater) {
			out = append(out, e)
		}
	}
	return out
}

// surnameLike reports a capitalised word that no lexicon knows: not an
// English word, not a word of organisation, place or subdivision names.
func (a *analysis) surnameLike(w string) bool {
	return !gazetteer.IsCommonWord(w) && !a.commonWord(w) && a.lex.orgWords[w] == "" && a.lex.placeWords[w] == "" &&
		!adminWords[w] && !a.lex.notNames[w]
}

func isCountryLike(es []gazetteer.Entry) bool {
	for _, e := range es {
		if e.Type == "country" || e.Type == "org" || e.Type == "group" || e.Type == "media" {
			return true
		}
	}
	return false
}

func isPlaceOnly(es []gazetteer.Entry) bool {
	for _, e := range es {
		if e.Type != "place" {
			return false
		}
	}
	return true
}

func hasKind(es []gazetteer.Entry, k string) bool {
	for _, e := range es {
		if e.Type == "place" && e.PlaceKind == k {
			return true
		}
	}
	return false
}
