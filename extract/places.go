package extract

import (
	"math"
	"strings"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

// resolvePlaces geocodes the place names left after actors were taken:
// among same-named candidates it prefers places in the countries the
// article is about, then the gazetteer's order (name before alias, larger
// population); "Idlib Province" prefers the first-level subdivision.
func (a *analysis) resolvePlaces() {
	// a name first written in full ("Idlib Province") keeps its meaning when
	// repeated alone ("an Idlib airstrike")
	bySurface := map[string]*place{}
	for _, its := range a.items {
		for _, it := range its {
			if it.kind != itGaz || it.actor != nil || it.used || len(it.ents) == 0 || it.j-it.i < 2 {
				continue
			}
			if last := a.toks[it.sent][it.j-1].Text; adminWords[last] {
				if e, ok := a.choosePlace(it.ents, true); ok && e.PlaceKind == schema.LocAdmin1 {
					bySurface[a.text[it.start:a.toks[it.sent][it.j-2].End]] = a.getPlace(e)
				}
			}
		}
	}
	for _, its := range a.items {
		for _, it := range its {
			if it.kind != itGaz || it.actor != nil || it.place != nil || it.used || len(it.ents) == 0 {
				continue
			}
			if p, ok := bySurface[a.text[it.start:it.end]]; ok {
				p.addMention(a.text, it.start, it.end)
				it.place = p
				continue
			}
			// a surname that happens to be a place ("Jackson said")
			if it.j-it.i == 1 && !it.locative {
				if x := a.findPersonTail([]string{a.text[it.start:it.end]}); x != nil {
					x.addMention(a.text, it.start, it.end)
					it.actor = x
					continue
				}
			}
			// a place name followed by a score in a results line is a team
			if a.scoreAfter(it) {
				name := a.text[it.start:it.end]
				x := a.getActor("org:"+slug(name), name, schema.KindOrganization, it.ents[0].Country)
				x.addMention(a.text, it.start, it.end)
				it.actor = x
				continue
			}
			// "Douglas", "Florian": a given name more often than a town
			if _, fn := a.lex.firstNames[a.text[it.start:it.end]]; fn && it.j-it.i == 1 && !it.locative {
				continue
			}
			ents := it.ents
			if c := a.qualifierCountry(it); c != "" {
				// "Paris, Texas", "Ashton, Md.": the country the qualifier
				// names; none there means a town the gazetteer lacks
				ents = inCountry(ents, c)
			}
			e, ok := a.choosePlace(ents, it.admin)
			if !ok {
				continue
			}
			p := a.getPlace(e)
			p.addMention(a.text, it.start, it.end)
			it.place = p
		}
	}
}

// usStateAbbrevs are the AP-style abbreviations that qualify a US town
// ("Ashton, Md.").
var usStateAbbrevs = map[string]bool{"Ala": true, "Ariz": true, "Ark": true, "Calif": true, "Colo": true, "Conn": true,
	"Del": true, "Fla": true, "Ga": true, "Ill": true, "Ind": true, "Kan": true, "Kans": true, "Ky": true, "La": true,
	"Md": true, "Mass": true, "Mich": true, "Minn": true, "Miss": true, "Mo": true, "Mont": true, "Neb": true,
	"Nev": true, "N.H": true, "N.J": true, "N.M": true, "N.Y": true, "N.C": true, "N.D": true, "Okla": true,
	"Ore": true, "Pa": true, "R.I": true, "S.C": true, "S.D": true, "Tenn": true, "Tex": true, "Vt": true, "Va": true,
	"Wash": true, "W.Va": true, "Wis": true, "Wyo": true, "D.C": true}

// qualifierCountry returns the country of the qualifier after a place
// name ("Paris, Texas", "Novi, Michigan", "Ashton, Md.", "Tripoli,
// Lebanon"), or "".
func (a *analysis) qualifierCountry(it *item) string {
	if a.tokAt(it.sent, it.j) != "," {
		return ""
	}
	next := strings.TrimSuffix(a.tokAt(it.sent, it.j+1), ".")
	if usStateAbbrevs[next] {
		return "USA"
	}
	for _, q := range a.items[it.sent] {
		if q.i != it.j+1 || q.kind != itGaz || len(q.ents) == 0 {
			continue
		}
		for _, e := range q.ents {
			if e.Type == gazetteer.TypeCountry || e.Type == gazetteer.TypePlace && e.PlaceKind == schema.LocAdmin1 {
				return e.Country
			}
		}
	}
	return ""
}

func inCountry(es []gazetteer.Entry, country string) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range es {
		if e.Country == country {
			out = append(out, e)
		}
	}
	return out
}

func (a *analysis) choosePlace(es []gazetteer.Entry, admin bool) (gazetteer.Entry, bool) {
	best, bestScore, found := gazetteer.Entry{}, math.Inf(-1), false
	for rank, e := range es {
		if e.Type != gazetteer.TypePlace {
			continue
		}
		s := -float64(rank) * 0.5
		if w := a.context[e.Country]; w > 0 {
			s += 10 + float64(w)
		}
		if admin && e.PlaceKind == schema.LocAdmin1 {
			s += 40
		}
		if e.Population > 0 {
			s += math.Log10(float64(e.Population)) * 0.3
		}
		if e.Match == gazetteer.MatchName {
			s += 0.5
		}
		if !found || s > bestScore {
			best, bestScore, found = e, s, true
		}
	}
	// A small town of a country the article mentions does not hide a world
	// city of the same name: "Paris" in an American story is not Paris, Texas.
	if found && best.Population < 100000 && !admin {
		for _, e := range es {
			if e.Type == gazetteer.TypePlace && e.PlaceKind == schema.LocCity && e.Population >= 1000000 {
				return e, true
			}
		}
	}
	return best, found
}

func isNumber(t string) bool {
	if t == "" {
		return false
	}
	digits := 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case r == '-' || r == '.' || r == '/':
		default:
			return false
		}
	}
	return digits > 0
}

// scoreAfter reports a place name directly followed by a number in a line
// holding several numbers: a sports results line, where places name teams.
func (a *analysis) scoreAfter(it *item) bool {
	toks := a.toks[it.sent]
	if it.j >= len(toks) || !isNumber(toks[it.j].Text) || strings.Contains(toks[it.j].Text, ".") && len(toks[it.j].Text) > 4 {
		return false
	}
	n := 0
	for _, t := range toks {
		if isNumber(t.Text) {
			n++
		}
	}
	return n >= 2 && len(toks) <= 40
}

// unknownPlaces turns capitalised names that are no person and no
// organisation into places when written as one ("Tahrir Square") or after
// a locative preposition ("in Tavildara"); they have no coordinates.
func (a *analysis) unknownPlaces() {
	for si, its := range a.items {
		if a.headline[si] {
			continue
		}
		toks := a.toks[si]
		for _, it := range its {
			if it.kind != itName || it.actor != nil || it.place != nil || it.i >= it.j {
				continue
			}
			if it.class == "unknown" && a.scoreAfter(it) && !a.commonWord(toks[it.i].Text) {
				// "Surrey 300 ... Kent 200-3": a name before a score in a results line is a team
				name := a.text[it.start:it.end]
				x := a.getActor("org:"+slug(name), name, schema.KindOrganization, "")
				x.addMention(a.text, it.start, it.end)
				it.actor = x
				continue
			}
			kind := schema.LocOther
			switch {
			case it.class == "place":
				kind = a.lex.placeWords[toks[it.j-1].Text]
			case it.class == "unknown" && a.strongLocative(si, it.i) && a.placeShape(it, toks):
			default:
				continue
			}
			name := a.text[it.start:it.end]
			id := "geo:" + slug(name)
			if id == "geo:" {
				continue
			}
			p, ok := a.placeBy[id]
			if !ok {
				p = &place{id: id, name: name, kind: kind, first: -1}
				a.placeBy[id] = p
				a.places = append(a.places, p)
			}
			p.addMention(a.text, it.start, it.end)
			it.place = p
		}
	}
}

// strongLocative reports "in X", "near X", "outside the X".
func (a *analysis) strongLocative(si, i int) bool {
	p := a.tokAt(si, i-1)
	if p == "the" {
		p = a.tokAt(si, i-2)
	}
	switch strings.ToLower(p) {
	case "in", "near", "outside", "inside", "at":
		return true
	}
	return false
}

// placeShape reports an unknown capitalised run that may name a place:
// no common English word, abbreviation, given name or known person in it.
func (a *analysis) placeShape(it *item, toks []text.Token) bool {
	for k := it.i; k < it.j; k++ {
		w := toks[k].Text
		if a.commonWord(w) || gazetteer.IsCommonWord(w) || strings.Contains(w, ".") || isAllCaps(w) {
			return false
		}
		if _, fn := a.lex.firstNames[w]; fn {
			return false
		}
	}
	return a.findPersonTail(a.nameParts(it)) == nil
}
