package extract

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

// slugMax leaves room for the longest id prefix ("person:") within
// schema.MaxIDLen.
const slugMax = schema.MaxIDLen - len("person:")

// slug lower-cases s, strips accents and joins its letters and digits with
// '-'. It is where every name-derived id is made, so it also caps a long
// slug (a readable prefix and a hash of the whole, schema.Cap) that an
// absurd name would otherwise turn into an id too large for Neo4j's index.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFKD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		if r == '\'' || r == '’' || r == '.' {
			continue
		}
		dash = true
	}
	return schema.Cap(b.String(), slugMax)
}

// isInitial reports "J." or "J".
func isInitial(s string) bool {
	s = strings.TrimSuffix(s, ".")
	return len([]rune(s)) == 1
}

// surnameKeys are the forms a later mention by surname may take:
// "al-Freij" -> "al-Freij", "Freij".
func surnameKeys(last string) []string {
	out := []string{last}
	if i := strings.IndexByte(last, '-'); i > 0 && nameParticle(last[:i]) {
		out = append(out, last[i+1:])
	}
	return out
}

func (a *analysis) nameParts(it *item) []string {
	toks := a.toks[it.sent]
	var out []string
	for k := it.i + it.lead; k < it.j; k++ {
		t := toks[k].Text
		if t == "." {
			if len(out) > 0 {
				out[len(out)-1] += "."
			}
			continue
		}
		out = append(out, t)
	}
	return out
}

// personKey is the id-bearing form of a name: its parts without initials.
func personKey(parts []string) string {
	var ks []string
	for _, p := range parts {
		if !isInitial(p) {
			ks = append(ks, p)
		}
	}
	if len(ks) == 0 {
		ks = parts
	}
	return strings.Join(ks, " ")
}

// findPerson returns a known person whose name agrees with parts.
func (a *analysis) findPerson(parts []string) *actor {
	if len(parts) == 0 {
		return nil
	}
	key := personKey(parts)
	if x, ok := a.byID["person:"+slug(key)]; ok && x.kind == schema.KindPerson {
		return x
	}
	last := parts[len(parts)-1]
	var hit *actor
	for _, x := range a.bySurname[last] {
		if x.kind != schema.KindPerson || len(x.parts) == 0 {
			continue
		}
		xl := x.parts[len(x.parts)-1]
		same := false
		for _, k := range surnameKeys(xl) {
			if k == last {
				same = true
			}
		}
		if !same {
			continue
		}
		if len(parts) == 1 || len(x.parts) == 1 || x.parts[0] == parts[0] ||
			strings.HasPrefix(x.parts[0], strings.TrimSuffix(parts[0], ".")) ||
			strings.HasPrefix(parts[0], strings.TrimSuffix(x.parts[0], ".")) {
			if hit != nil && hit != x {
				return nil // ambiguous
			}
			hit = x
		}
	}
	return hit
}

// addPerson registers a person named parts, or merges into a known one.
func (a *analysis) addPerson(parts []string, g byte) *actor {
	if x := a.findPerson(parts); x != nil {
		if len(x.parts) < len(parts) && x.single {
			// a full name for someone known so far by one name: keep the id, show the full name
			a.indexSurname(x, parts)
			x.name = strings.Join(parts, " ")
			x.parts = parts
			x.single = false
		}
		if x.gender == 0 {
			x.gender = g
		}
		return x
	}
	name := strings.Join(parts, " ")
	id := "person:" + slug(personKey(parts))
	if id == "person:" {
		return nil
	}
	x := a.getActor(id, name, schema.KindPerson, "")
	a.indexSurname(x, parts)
	x.parts = parts
	x.gender = g
	x.single = len(parts) == 1
	return x
}

// corporateWords occur in the names of companies and never in those of
// people: legal forms and industries.
var corporateWords = map[string]bool{"Corp": true, "Corp.": true, "Corporation": true, "Inc": true, "Inc.": true,
	"Ltd": true, "Ltd.": true, "Plc": true, "PLC": true, "plc": true, "AG": true, "SA": true, "S.A.": true, "NV": true,
	"N.V.": true, "GmbH": true, "LLC": true, "SpA": true, "S.p.A.": true, "ASA": true, "Oyj": true, "Bhd": true,
	"Berhad": true, "Tbk": true, "Pty": true, "Holdings": true, "Airlines": true, "Airways": true, "Motors": true,
	"Industries": true, "Technologies": true, "Communications": true, "Petroleum": true, "Electric": true,
	"Pharmaceuticals": true, "Pharmaceutical": true, "Medical": true, "Chemicals": true, "Chemical": true,
	"Mining": true, "Telecom": true, "Telecommunications": true, "Securities": true, "Insurance": true,
	"Bancorp": true, "Bancshares": true, "Financial": true, "Semiconductor": true, "Electronics": true,
	"Railways": true, "Shipping": true, "Logistics": true, "Properties": true, "Realty": true, "Breweries": true}

// corporateName reports whether the words after a name's first hold a
// corporate word.
func corporateName(toks []text.Token) bool {
	for _, t := range toks {
		if corporateWords[t.Text] || t.Text == "&" {
			return true // (a name joined by "&" is a firm's: "Douglas & Lomason")
		}
	}
	return false
}

// prevItem returns the item ending right before token i (adjacent), or nil.
func prevItem(its []*item, k int) *item {
	if k <= 0 {
		return nil
	}
	return its[k-1]
}

// buildPersons finds the people named with at least two names, or one name
// after a title or an honorific.
func (a *analysis) buildPersons() {
	// pass 1: full names and titled names
	for si, its := range a.items {
		toks := a.toks[si]
		for k, it := range its {
			if it.kind != itName || it.i >= it.j {
				continue
			}
			n := it.j - it.i - it.lead
			if p := prevItem(its, k); p != nil && p.kind == itTitle && it.class != "organization" && it.class != "group" &&
				(p.j == it.i || a.appositive(si, p, it)) && !a.thingName(toks[it.j-1].Text) {
				it.titled = true
				if it.class == "unknown" || it.class == "" {
					it.class = "person"
				}
			}
			if it.class == "unknown" && n >= 2 && n <= 4 && a.personShape(it, toks) {
				it.class = "person"
			}
			if it.class == "person" && !it.titled && corporateName(toks[it.i+1:it.j]) {
				it.class = "organization" // "Pirelli SpA", "Kansai Electric Power": a company
			}
			if it.class != "person" {
				continue
			}
			a.trimPerson(it, toks)
			parts := a.nameParts(it)
			if len(parts) >= 2 && !a.titleLine[si] {
				it.actor = a.addPerson(parts, it.gender)
			}
		}
	}
	// headline names count only for people the body names too
	for si, its := range a.items {
		if !a.titleLine[si] {
			continue
		}
		for _, it := range its {
			if it.kind == itName && it.class == "person" && it.actor == nil {
				if parts := a.nameParts(it); len(parts) >= 2 {
					it.actor = a.findPerson(parts)
				}
			}
		}
	}
	// pass 1b: "Clinton, the former secretary of state," names a person
	for si, its := range a.items {
		for k, it := range its {
			if it.kind != itName || it.class != "unknown" || it.j-it.i != 1 || a.tokAt(si, it.j) != "," || k+1 >= len(its) {
				continue
			}
			if t := its[k+1]; t.kind == itTitle && t.i <= it.j+3 && a.onlyArticles(si, it.j+1, t.i, false) &&
				(strings.EqualFold(a.tokAt(si, it.j+1), "the") || t.i == it.j+1) {
				it.class = "person"
			}
		}
	}
	// pass 2: one-word titled names ("President Trump", "Mr. Putin")
	for si, its := range a.items {
		for _, it := range its {
			if it.kind != itName || it.class != "person" || it.actor != nil || a.titleLine[si] {
				continue
			}
			parts := a.nameParts(it)
			if len(parts) == 1 {
				if a.findPerson(parts) == nil {
					it.actor = a.personByFirst(parts[0]) // a family name written first ("Qiao" for Qiao Fenglin)
				}
				if it.actor == nil {
					it.actor = a.addPerson(parts, it.gender)
				}
			}
		}
	}
	for _, its := range a.items {
		for _, it := range its {
			if it.actor != nil && it.actor.kind == schema.KindPerson {
				s := a.toks[it.sent][it.i+it.lead].Start
				it.actor.addMention(a.text, s, it.end)
				if it.lead > 0 {
					it.actor.addAlias(a.text[it.start:it.end])
				}
			}
		}
	}
}

// appositive reports a name set off after its title: "Oman's foreign
// minister, Badr Albusaidi, said".
func (a *analysis) appositive(si int, title, name *item) bool {
	if title.j+1 != name.i || a.tokAt(si, title.j) != "," || name.j-name.i < 2 {
		return false
	}
	next := a.tokAt(si, name.j)
	return next == "," || next == "." || next == ""
}

// trimPerson drops a common word heading a name before a given name ("New
// Mitt Romney", "House Newt Gingrich") and one trailing it in headline
// capitals ("Hillary Clinton Goes").
func (a *analysis) trimPerson(it *item, toks []text.Token) {
	if it.lead == 0 && it.j-it.i >= 3 {
		w := toks[it.i].Text
		if _, fn := a.lex.firstNames[toks[it.i+1].Text]; fn {
			if _, fn0 := a.lex.firstNames[w]; !fn0 && (a.commonWord(w) || gazetteer.IsCommonWord(w)) {
				it.i++
				it.start = toks[it.i].Start
			}
		}
	}
	if it.j-it.i-it.lead >= 3 && a.commonWord(toks[it.j-1].Text) {
		it.j--
		it.end = toks[it.j-1].End
	}
}

// thingName reports a word that ends names of things, places or
// organisations ("Forum", "Square", "Ministry"), never a surname.
func (a *analysis) thingName(w string) bool {
	return a.lex.thingWords[w] || a.lex.orgWords[w] != "" || a.lex.placeWords[w] != ""
}

// personShape reports a capitalised run that reads as a personal name
// though its first name is not in the list: two to four capitalised words,
// none a common word, not in a headline, not after a locative preposition.
func (a *analysis) personShape(it *item, toks []text.Token) bool {
	if a.headline[it.sent] || it.locative {
		return false
	}
	for k := it.i; k < it.j; k++ {
		w := toks[k].Text
		if prefixedName(w) || nameParticle(w) || (isInitial(w) && k > it.i) {
			continue
		}
		if !isCap(w) || isAllCaps(w) && len(w) > 1 || a.commonWord(w) {
			return false
		}
		for _, r := range w {
			if unicode.IsDigit(r) {
				return false
			}
		}
		if _, ok := a.lex.orgWords[w]; ok {
			return false
		}
		if a.gaz.HasPrefix(w) && len(a.gaz.Lookup(w)) > 0 && k == it.i {
			return false
		}
		// "Cold War", "Nobel Peace Prize": a name of a thing, not a person
		if a.lex.thingWords[w] {
			return false
		}
	}
	// followed by a speech verb or preceded by a comma-title: a person
	return true
}

// resolveShortNames links one-word names and name tails ("Dehqan",
// "al-Freij") to the people named in full, and role phrases ("the Russian
// defense minister") to the person holding the role; unknown names left
// over are dropped.
func (a *analysis) resolveShortNames() {
	a.linkSurnames()
	for si, its := range a.items {
		for k, it := range its {
			if it.kind == itTitle && !it.used {
				a.roleMention(si, k, its)
			}
		}
	}
}

// linkSurnames links one-word names and name tails to the people named in full.
func (a *analysis) linkSurnames() {
	for si, its := range a.items {
		for _, it := range its {
			switch it.kind {
			case itName:
				if it.actor != nil || it.class == "organization" || it.class == "group" {
					continue
				}
				parts := a.nameParts(it)
				if len(parts) == 0 || len(parts) > 3 {
					continue
				}
				x := a.findPersonTail(parts)
				if x == nil && len(parts) == 1 && it.class == "person" {
					x = a.personByFirst(parts[0])
				}
				if x != nil {
					it.actor = x
					it.class = "person"
					x.addMention(a.text, a.toks[si][it.i+it.lead].Start, it.end)
				}
			}
		}
	}
}

// indexSurname files a person under the forms of its surname.
func (a *analysis) indexSurname(x *actor, parts []string) {
	if len(parts) == 0 {
		return
	}
	keys := surnameKeys(parts[len(parts)-1])
	if len(parts) > 1 && a.lex.familyFirst[parts[0]] {
		keys = append(keys, parts[0])
	}
	for _, k := range keys {
		dup := false
		for _, y := range a.bySurname[k] {
			if y == x {
				dup = true
			}
		}
		if !dup {
			a.bySurname[k] = append(a.bySurname[k], x)
		}
	}
}

// findPersonTail finds a person whose name ends with parts.
func (a *analysis) findPersonTail(parts []string) *actor {
	var hit *actor
	if len(parts) == 0 {
		return nil
	}
	for _, x := range a.bySurname[parts[len(parts)-1]] {
		if x.kind != schema.KindPerson || len(x.parts) < len(parts) {
			continue
		}
		if len(parts) == 1 && len(x.parts) > 1 && x.parts[0] == parts[0] && a.lex.familyFirst[parts[0]] {
			if hit == nil || len(x.mentions) > len(hit.mentions) {
				hit = x // "Xi" for "Xi Jinping"
			}
			continue
		}
		ok := true
		for i := range parts {
			xp := x.parts[len(x.parts)-len(parts)+i]
			if xp == parts[i] {
				continue
			}
			if i == len(parts)-1 {
				m := false
				for _, s := range surnameKeys(xp) {
					if s == parts[i] {
						m = true
					}
				}
				if m {
					continue
				}
			}
			ok = false
			break
		}
		if !ok {
			continue
		}
		if len(parts) == len(x.parts) && len(parts) > 1 {
			return x
		}
		// several people share the surname: the most mentioned one
		if hit == nil || len(x.mentions) > len(hit.mentions) {
			hit = x
		}
	}
	return hit
}

// roleMention resolves "the [Russian] defense minister" / "Russia's defense
// minister" / "the defense minister of Syria" without a name.
func (a *analysis) roleMention(si, k int, its []*item) {
	it := its[k]
	toks := a.toks[si]
	start := it.start
	of := ""
	if q := prevItem(its, k); q != nil && q.kind == itGaz && (q.j == it.i || q.j+1 == it.i && isPoss(a.tokAt(si, q.j))) {
		of = a.qualifier(q)
		if of != "" {
			start = q.start
		}
	}
	if of == "" {
		of = a.ofAfter(si, it.j, its)
	}
	// a role phrase needs a determiner or a qualifier before it
	b := it.i - 1
	if start != it.start {
		b = -1
		for kk := range toks {
			if toks[kk].Start == start {
				b = kk - 1
			}
		}
	}
	// skip place and party qualifiers: "the South Carolina senator", "The Republican nominee"
	for n := 0; n < 3 && b > 0 && strings.ToLower(a.tokAt(si, b)) != "the"; n++ {
		w := a.tokAt(si, b)
		if !isCap(w) && !titleModifier[strings.ToLower(w)] {
			break
		}
		b--
	}
	det := strings.ToLower(a.tokAt(si, b))
	if of == "" && det != "the" {
		return
	}
	if det != "the" && det != "" && !isOpenPunct(det) && det != "," && of == "" {
		return
	}
	// plural ("defense ministers") never reaches here: titles are singular
	if it.j < len(toks) && isCap(toks[it.j].Text) && !strings.EqualFold(toks[it.j].Text, "of") {
		return // a title before a name we did not classify
	}
	var hit *actor
	for _, x := range a.actors {
		if x.kind != schema.KindPerson {
			continue
		}
		for _, r := range x.roles {
			if !strings.EqualFold(r.Title, it.title.canon) {
				continue
			}
			if of != "" && r.Of != of && a.countryOfID(r.Of) != a.countryOfID(of) {
				continue
			}
			if hit != nil && hit != x {
				return // ambiguous
			}
			hit = x
		}
	}
	if hit == nil {
		return
	}
	end := it.end
	hit.addMention(a.text, start, end)
	it.actor = hit
	it.used = true
}

func dropMention(ms []schema.Span, s, e int) []schema.Span {
	out := ms[:0]
	for _, m := range ms {
		if m.Start != s || m.End != e {
			out = append(out, m)
		}
	}
	return out
}
