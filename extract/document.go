package extract

import (
	"sort"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/schema"
)

// ---------------------------------------------------------------- registry

func (a *analysis) getActor(id, name, kind, country string) *actor {
	if x, ok := a.byID[id]; ok {
		return x
	}
	x := &actor{id: id, name: name, kind: kind, country: country, first: -1}
	a.byID[id] = x
	a.actors = append(a.actors, x)
	return x
}

func (a *analysis) countryActor(iso3 string) *actor {
	if iso3 == "" {
		return nil
	}
	if x, ok := a.byID["country:"+iso3]; ok {
		return x
	}
	e, ok := a.gaz.Country(iso3)
	if !ok {
		return nil
	}
	return a.getActor(e.ID, e.Name, schema.KindCountry, iso3)
}

func (a *analysis) getPlace(e gazetteer.Entry) *place {
	if p, ok := a.placeBy[e.ID]; ok {
		return p
	}
	kind := e.PlaceKind
	if e.Type == "country" {
		kind = schema.LocCountry
	}
	if kind == "" {
		kind = schema.LocOther
	}
	p := &place{id: e.ID, name: e.Name, kind: kind, country: e.Country, lat: e.Lat, lon: e.Lon,
		coords: e.Lat != 0 || e.Lon != 0, first: -1}
	a.placeBy[e.ID] = p
	a.places = append(a.places, p)
	return p
}

func (p *place) addMention(t string, s, e int) {
	if p.seen == nil {
		p.seen = map[[2]int]bool{}
	}
	if p.seen[[2]int{s, e}] {
		return
	}
	p.seen[[2]int{s, e}] = true
	p.mentions = append(p.mentions, schema.Span{Start: s, End: e, Text: t[s:e]})
	if p.first < 0 || s < p.first {
		p.first = s
	}
}

// countryContext weighs the countries the article is about: countries named,
// and countries of unambiguous places.
func (a *analysis) countryContext() {
	for _, its := range a.items {
		for _, it := range its {
			if it.kind != itGaz || len(it.ents) == 0 {
				continue
			}
			e := it.ents[0]
			if e.Type == "country" {
				a.context[e.Country] += 3
			} else if e.Country != "" && len(it.ents) == 1 {
				a.context[e.Country]++
			}
		}
	}
}

// ---------------------------------------------------------------- output

func (a *analysis) document() schema.Document {
	d := schema.Document{Actors: []schema.Actor{}, Locations: []schema.Location{}, Events: a.events, Statements: a.statements}
	acts := make([]*actor, 0, len(a.actors))
	for _, x := range a.actors {
		if len(x.mentions) > 0 {
			acts = append(acts, x)
		}
	}
	// keep actors referenced by roles, events, statements even without mentions
	need := map[string]bool{}
	for _, x := range acts {
		for _, r := range x.roles {
			need[r.Of] = true
		}
	}
	for _, ev := range a.events {
		for _, id := range ev.Source {
			need[id] = true
		}
		for _, id := range ev.Target {
			need[id] = true
		}
	}
	for _, st := range a.statements {
		if st.Speaker != nil {
			need[*st.Speaker] = true
		}
		for _, id := range st.About {
			need[id] = true
		}
	}
	for _, x := range a.actors {
		if len(x.mentions) == 0 && need[x.id] {
			acts = append(acts, x)
		}
	}
	sort.SliceStable(acts, func(i, j int) bool {
		fi, fj := acts[i].first, acts[j].first
		if fi < 0 {
			fi = 1 << 62
		}
		if fj < 0 {
			fj = 1 << 62
		}
		if fi != fj {
			return fi < fj
		}
		return acts[i].id < acts[j].id
	})
	for _, x := range acts {
		sort.Slice(x.mentions, func(i, j int) bool { return x.mentions[i].Start < x.mentions[j].Start })
		var c *string
		if x.country != "" {
			c = strPtr(x.country)
		}
		if x.kind == schema.KindPerson {
			// surface names the person goes by here ("Dehqan"), not pronouns or role phrases
			for _, m := range x.mentions {
				if m.Text != x.name && isCap(m.Text) && allWordsCap(m.Text) && a.isPronoun(m.Text) == 0 {
					x.addAlias(m.Text)
				}
			}
		}
		aliases := x.aliases
		if aliases == nil {
			aliases = []string{}
		}
		ms := x.mentions
		if ms == nil {
			ms = []schema.Span{}
		}
		d.Actors = append(d.Actors, schema.Actor{ID: x.id, Name: x.name, Kind: x.kind, Country: c, Aliases: aliases,
			Roles: x.roles, Mentions: ms})
	}
	pls := make([]*place, 0, len(a.places))
	for _, p := range a.places {
		if len(p.mentions) > 0 || need[p.id] {
			pls = append(pls, p)
		}
	}
	sort.SliceStable(pls, func(i, j int) bool {
		if pls[i].first != pls[j].first {
			return pls[i].first < pls[j].first
		}
		return pls[i].id < pls[j].id
	})
	for _, p := range pls {
		sort.Slice(p.mentions, func(i, j int) bool { return p.mentions[i].Start < p.mentions[j].Start })
		l := schema.Location{ID: p.id, Name: p.name, Kind: p.kind, Mentions: p.mentions}
		if l.Mentions == nil {
			l.Mentions = []schema.Span{}
		}
		if p.country != "" {
			l.Country = strPtr(p.country)
		}
		if p.coords {
			lat, lon := p.lat, p.lon
			l.Lat, l.Lon = &lat, &lon
		}
		d.Locations = append(d.Locations, l)
	}
	if d.Events == nil {
		d.Events = []schema.Event{}
	}
	if d.Statements == nil {
		d.Statements = []schema.Statement{}
	}
	return d
}
