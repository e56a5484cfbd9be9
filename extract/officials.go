package extract

import (
	"strings"

	"github.com/geokg/geokg/extract/officials"
	"github.com/geokg/geokg/schema"
)

// lookupOfficial resolves a name, as the article spells it, against the
// table of officials at the publication date: with its initials first
// ("George W. Bush"), then without.
func (a *analysis) lookupOfficial(parts []string) (officials.Match, bool) {
	if a.e.off == nil || len(parts) == 0 {
		return officials.Match{}, false
	}
	key := officials.Key(parts)
	if m, ok := a.e.off.Lookup(key, a.offDate); ok {
		return m, true
	}
	if k := officials.WithoutInitials(key); k != key {
		return a.e.off.Lookup(k, a.offDate)
	}
	return officials.Match{}, false
}

// resolveOfficials gives every person the table of officials knows its
// canonical id ("Putin", "Vladimir Putin" and "President Putin" are all
// person:vladimir-putin), merging people of the article that turn out to be
// one, and makes people of the names nobody claimed that the table knows
// ("Putin" alone, in an article that never spells his full name).
func (a *analysis) resolveOfficials() {
	if a.e.off == nil {
		return
	}
	for _, x := range append([]*actor(nil), a.actors...) {
		if x.kind != schema.KindPerson || x.official != nil || a.byID[x.id] != x {
			continue
		}
		if m, ok := a.lookupOfficial(x.parts); ok {
			a.adoptOfficial(x, m)
		}
	}
	for si, its := range a.items {
		if a.titleLine[si] {
			continue // headline names count only for people the body names
		}
		for _, it := range its {
			if it.kind != itName || it.actor != nil || (it.class != "unknown" && it.class != "person") || it.j-it.i-it.lead > 4 {
				continue
			}
			parts := a.nameParts(it)
			m, ok := a.lookupOfficial(parts)
			if !ok {
				continue
			}
			x := a.byID[m.ID]
			if x == nil {
				x = a.getActor(m.ID, m.Name, schema.KindPerson, "")
				x.parts = strings.Fields(m.Name)
				a.indexSurname(x, x.parts)
				a.indexSurname(x, parts)
				x.official = &m
			} else if x.kind != schema.KindPerson {
				continue
			}
			it.actor, it.class = x, "person"
			x.addMention(a.text, a.toks[si][it.i+it.lead].Start, it.end)
		}
	}
}

// adoptOfficial gives x the id of official m, merging x into the person of
// the article already holding that id.
func (a *analysis) adoptOfficial(x *actor, m officials.Match) {
	if y := a.byID[m.ID]; y != nil && y != x {
		if y.kind != schema.KindPerson {
			return
		}
		a.mergePerson(y, x)
		x = y
	} else if x.id != m.ID {
		delete(a.byID, x.id)
		x.id = m.ID
		a.byID[x.id] = x
	}
	x.official = &m
	if len(x.parts) < 2 {
		// known here by one name: show the full one, keep the short one findable
		x.addAlias(x.name)
		x.name = m.Name
		x.parts = strings.Fields(m.Name)
		x.single = false
		a.indexSurname(x, x.parts)
	}
}

// mergePerson moves everything the article says of actor from (a person, or
// an outlet first read as one) to actor
// into and forgets from.
func (a *analysis) mergePerson(into, from *actor) {
	for _, m := range from.mentions {
		into.addMention(a.text, m.Start, m.End)
	}
	for _, al := range append([]string{from.name}, from.aliases...) {
		into.addAlias(al)
	}
	for _, r := range from.roles {
		into.addRole(r.Title, r.Of)
	}
	if into.gender == 0 {
		into.gender = from.gender
	}
	if into.country == "" {
		into.country = from.country
	}
	if len(from.parts) > len(into.parts) {
		into.name, into.parts, into.single = from.name, from.parts, false
	}
	for _, its := range a.items {
		for _, it := range its {
			if it.actor == from {
				it.actor = into
			}
		}
	}
	for k, xs := range a.bySurname {
		keep := xs[:0]
		seen := false
		for _, x := range xs {
			if x == from {
				x = into
			}
			if x == into {
				if seen {
					continue
				}
				seen = true
			}
			keep = append(keep, x)
		}
		a.bySurname[k] = keep
	}
	delete(a.byID, from.id)
	acts := a.actors[:0]
	for _, x := range a.actors {
		if x != from {
			acts = append(acts, x)
		}
	}
	a.actors = acts
}

// officialRoles gives the officials of the article the affiliation and the
// office the table records at the publication date when the text does not
// say them: a country only when the text gives none, an office only when
// the text states no role (or a role without its country) and never
// against the country the text gives.
func (a *analysis) officialRoles() {
	for _, x := range a.actors {
		m := x.official
		if x.kind != schema.KindPerson || m == nil {
			continue
		}
		if x.country == "" {
			c := m.Country
			if c == "" && m.Office != nil {
				c = m.Office.Country
			}
			if _, ok := a.gaz.Country(c); ok {
				x.country = c
			}
		}
		if m.Office == nil || m.Office.Country != x.country {
			continue
		}
		ca := a.countryActor(x.country)
		if ca == nil {
			continue
		}
		of := ca.id
		if len(x.roles) == 0 {
			if t := m.RoleTitle(); t != "" {
				x.addRole(t, of)
			}
			continue
		}
		for i := range x.roles {
			if x.roles[i].Of == "" && !localTitle(x.roles[i].Title) {
				x.roles[i].Of = of // "President Putin": president of Russia
			}
		}
	}
}
