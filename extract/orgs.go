package extract

import (
	"strings"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/schema"
)

// buildOthers registers countries, organisations, groups and media from the
// gazetteer and capitalised organisation names.
func (a *analysis) buildOthers() {
	for si, its := range a.items {
		toks := a.toks[si]
		for k, it := range its {
			switch it.kind {
			case itGaz:
				if it.used {
					continue
				}
				// "Syrian Army", "US Navy": a country word heading an organisation word
				if k+1 < len(its) && its[k+1].kind == itName && its[k+1].i == it.j && (its[k+1].j-its[k+1].i <= 3 || its[k+1].class == "organization" && its[k+1].j-its[k+1].i <= 6) &&
					(its[k+1].class == "organization" || its[k+1].class == "group" || a.lex.orgWords[toks[its[k+1].j-1].Text] != "") {
					if its[k+1].class != "group" {
						its[k+1].class = "organization"
						if a.lex.orgWords[toks[its[k+1].j-1].Text] == "group" {
							its[k+1].class = "group"
						}
					}
					e, ok := firstOfType(it.ents, gazetteer.TypeCountry)
					if !ok && it.ents[0].Type == gazetteer.TypePlace {
						e, ok = it.ents[0], true // "Kurdistan Democratic Party"
						if e.PlaceKind == schema.LocCity && e.Population < 500000 {
							e.Country = "" // "Carnegie Endowment": a small town's name is likely a surname
						}
					}
					if ok {
						nx := its[k+1]
						name := a.text[it.start:nx.end]
						x := a.getActor("org:"+slug(name), name, nx.class, e.Country)
						x.addMention(a.text, it.start, nx.end)
						x.media = x.media || mediaWords[toks[nx.j-1].Text] // "Tehran Times", "Baltic Wire"
						nx.actor = x
						nx.start, nx.i = it.start, it.i
						it.used = true
						it.actor = x
						continue
					}
				}
				// "Kurdistan Democratic Party": a region heading a known party name
				if k+1 < len(its) && its[k+1].kind == itGaz && its[k+1].i == it.j && it.ents[0].Type == gazetteer.TypePlace &&
					len(its[k+1].ents) > 0 && (its[k+1].ents[0].Type == gazetteer.TypeOrg || its[k+1].ents[0].Type == gazetteer.TypeGroup) &&
					a.lex.orgWords[toks[its[k+1].j-1].Text] != "" {
					nx := its[k+1]
					name := a.text[it.start:nx.end]
					x := a.getActor("org:"+slug(name), name, actorKind(nx.ents[0].Type), it.ents[0].Country)
					x.addMention(a.text, it.start, nx.end)
					it.used, nx.used = true, true
					it.actor, nx.actor = x, x
					continue
				}
				a.gazItem(it, toks)
			case itName:
				if it.actor != nil || (it.class != "organization" && it.class != "group") || a.titleLine[si] {
					continue
				}
				// "United Nations Assistance Mission": a known organisation heading a longer name
				if k > 0 && its[k-1].kind == itGaz && its[k-1].j == it.i && its[k-1].actor != nil &&
					its[k-1].actor.kind != schema.KindCountry && its[k-1].actor.kind != schema.KindPerson {
					prev := its[k-1]
					prev.actor.mentions = dropMention(prev.actor.mentions, prev.start, prev.end)
					delete(prev.actor.seen, [2]int{prev.start, prev.end})
					prev.used = true
					prev.actor = nil
					it.start = prev.start
				}
				name := a.text[it.start:it.end]
				if es := a.gaz.Lookup(name); len(es) > 0 && (es[0].Type == gazetteer.TypeOrg || es[0].Type == gazetteer.TypeMedia || es[0].Type == gazetteer.TypeGroup) {
					it.ents = es
					it.kind = itGaz
					a.gazItem(it, toks)
					continue
				}
				x := a.getActor("org:"+slug(name), name, it.class, "")
				x.addMention(a.text, it.start, it.end)
				x.media = mediaWords[toks[it.j-1].Text]
				it.actor = x
			}
		}
	}
}

// mediaWords end the names of news outlets ("Globe Wire", "Daily Chronicle").
// markOutlet flags the publisher, named in its own datelines and credits,
// as a news outlet: it reports the events, it does not take part.
func (a *analysis) markOutlet() {
	if a.outlet == "" {
		return
	}
	var dups [][2]*actor // the organisation and the outlet read as a person
	for _, x := range a.actors {
		if strings.EqualFold(x.name, a.outlet) {
			x.media, x.publisher = true, true
			if x.kind == schema.KindPerson {
				// "Eastern Ledger" read as a person's name: the outlet is an organisation
				delete(a.byID, x.id)
				x.id, x.kind, x.parts, x.gender = "org:"+slug(x.name), schema.KindOrganization, nil, 0
				if y, ok := a.byID[x.id]; ok && y != x {
					dups = append(dups, [2]*actor{y, x}) // the organisation exists already: one actor
					continue
				}
				a.byID[x.id] = x
			}
		}
	}
	for _, d := range dups {
		a.mergePerson(d[0], d[1])
		a.byID[d[0].id] = d[0]
	}
}

var mediaWords = map[string]bool{"Wire": true, "News": true, "Times": true, "Post": true, "Journal": true, "Herald": true,
	"Tribune": true, "Press": true, "Television": true, "TV": true, "Radio": true, "Broadcasting": true, "Chronicle": true,
	"Gazette": true, "Courier": true, "Observer": true, "Dispatch": true, "Mirror": true, "Monitor": true, "Telegraph": true,
	"Sentinel": true, "Inquirer": true, "Bulletin": true, "Agency": false}

func firstOfType(es []gazetteer.Entry, typ string) (gazetteer.Entry, bool) {
	for _, e := range es {
		if e.Type == typ {
			return e, true
		}
	}
	return gazetteer.Entry{}, false
}

func actorKind(typ string) string {
	switch typ {
	case gazetteer.TypeCountry:
		return schema.KindCountry
	case gazetteer.TypeGroup:
		return schema.KindGroup
	}
	return schema.KindOrganization
}

// gazItem turns a gazetteer match into an actor mention, a place mention or both.
func (a *analysis) gazItem(it *item, toks []text.Token) {
	surface := a.text[it.start:it.end]
	e := it.ents[0]
	// "Jordan scored", "Washington said" after Michael Jordan / Denzel Washington
	if it.j-it.i == 1 && !it.locative && e.Match != gazetteer.MatchDemonym {
		if x := a.findPersonTail([]string{surface}); x != nil && !x.single {
			x.addMention(a.text, it.start, it.end)
			it.actor = x
			return
		}
	}
	switch e.Type {
	case gazetteer.TypeCountry:
		pl, hasPlace := firstOfType(it.ents, gazetteer.TypePlace)
		if e.Match == gazetteer.MatchMetonym && it.locative && hasPlace {
			// "in Washington": the city, not the government
			it.ents = placeEntries(it.ents)
			return
		}
		_ = pl
		x := a.countryActor(e.Country)
		if x == nil {
			return
		}
		x.addMention(a.text, it.start, it.end)
		x.addAlias(surface)
		it.actor = x
		if it.locative && (e.Match == gazetteer.MatchName || e.Match == gazetteer.MatchAlias) && !it.possessive {
			if ce, ok := a.gaz.Country(e.Country); ok {
				p := a.getPlace(ce)
				p.addMention(a.text, it.start, it.end)
				it.place = p
			}
		}
	case gazetteer.TypeOrg, gazetteer.TypeGroup, gazetteer.TypeMedia:
		x := a.getActor(e.ID, e.Name, actorKind(e.Type), e.Country)
		x.media = x.media || e.Type == gazetteer.TypeMedia
		x.addMention(a.text, it.start, it.end)
		x.addAlias(surface)
		it.actor = x
	default:
		it.ents = placeEntries(it.ents)
	}
}

func placeEntries(es []gazetteer.Entry) []gazetteer.Entry {
	var out []gazetteer.Entry
	for _, e := range es {
		if e.Type == gazetteer.TypePlace {
			out = append(out, e)
		}
	}
	return out
}

// countryOf returns the country (or organisation) id an item stands for
// when it can qualify a title ("Iranian", "Russia", "UN").
func (a *analysis) qualifier(it *item) string {
	if it == nil || it.actor == nil {
		return ""
	}
	if it.actor.kind == schema.KindPerson {
		return ""
	}
	return it.actor.id
}

func (a *analysis) countryOfID(id string) string {
	if x, ok := a.byID[id]; ok {
		return x.country
	}
	return ""
}

func (a *analysis) tokAt(si, k int) string {
	if k < 0 || k >= len(a.toks[si]) {
		return ""
	}
	return a.toks[si][k].Text
}

func isPoss(t string) bool { return t == "'s" || t == "’s" || t == "'" || t == "’" }
