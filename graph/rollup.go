package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/schema"
)

// The INTERACTS_WITH rollup summarises, for an ordered pair of actors, the
// events the first initiated against the second: how many, the first and
// last date, the count per PLOVER type (by_type, a JSON object string, and
// types, the sorted type list) and the cooperation/conflict split. It is
// recomputed from the events for every pair a write touches, in the write's
// transaction, and removed when no event is left.
const (
	qPairEvents = `UNWIND $pairs AS p
MATCH (s:Actor {id: p[0]})-[:INITIATED]->(e:Event)-[:TARGETED]->(t:Actor {id: p[1]})
RETURN p[0] AS s, p[1] AS t, e.type AS type, count(*) AS n, min(e.date) AS first, max(e.date) AS last`
	qSetRollup = `UNWIND $rows AS r
MATCH (s:Actor {id: r.s}), (t:Actor {id: r.t})
MERGE (s)-[i:INTERACTS_WITH]->(t)
SET i.events = r.events, i.first = r.first, i.last = r.last, i.by_type = r.by_type,
    i.types = r.types, i.cooperation = r.cooperation, i.conflict = r.conflict`
	qDropRollup = `UNWIND $pairs AS p
MATCH (s:Actor {id: p[0]})-[i:INTERACTS_WITH]->(t:Actor {id: p[1]})
DELETE i`
)

type pairAgg struct {
	events, coop, conflict int64
	first, last            *time.Time
	byType                 map[string]int64
}

func (w *txWriter) rollup(ctx context.Context, pairs [][2]string) error {
	if len(pairs) == 0 {
		return nil
	}
	params := make([]any, len(pairs))
	for i, p := range pairs {
		params[i] = []any{p[0], p[1]}
	}
	recs, err := w.run(ctx, qPairEvents, map[string]any{"pairs": params})
	if err != nil {
		return fmt.Errorf("read interactions: %w", err)
	}
	aggs := map[string]*pairAgg{}
	for _, r := range recs {
		s, _ := r.Get("s")
		t, _ := r.Get("t")
		typ, _ := r.Get("type")
		nv, _ := r.Get("n")
		firstV, _ := r.Get("first")
		lastV, _ := r.Get("last")
		n, _ := nv.(int64)
		k := pairKey([2]string{s.(string), t.(string)})
		a := aggs[k]
		if a == nil {
			a = &pairAgg{byType: map[string]int64{}}
			aggs[k] = a
		}
		ty, _ := typ.(string)
		a.events += n
		a.byType[ty] += n
		if schema.Cooperative(ty) {
			a.coop += n
		} else {
			a.conflict += n
		}
		if d, ok := firstV.(neo4j.Date); ok {
			if tm := d.Time(); a.first == nil || tm.Before(*a.first) {
				a.first = &tm
			}
		}
		if d, ok := lastV.(neo4j.Date); ok {
			if tm := d.Time(); a.last == nil || tm.After(*a.last) {
				a.last = &tm
			}
		}
	}
	var rows []map[string]any
	var gone []any
	for _, p := range pairs {
		a := aggs[pairKey(p)]
		if a == nil {
			gone = append(gone, []any{p[0], p[1]})
			continue
		}
		types := make([]string, 0, len(a.byType))
		for ty := range a.byType {
			types = append(types, ty)
		}
		sort.Strings(types)
		byType, _ := json.Marshal(a.byType) // encoding/json sorts map keys
		row := map[string]any{"s": p[0], "t": p[1], "events": a.events, "by_type": string(byType),
			"types": types, "cooperation": a.coop, "conflict": a.conflict, "first": nil, "last": nil}
		if a.first != nil {
			row["first"], row["last"] = neo4j.DateOf(*a.first), neo4j.DateOf(*a.last)
		}
		rows = append(rows, row)
	}
	return w.dropAndSet(ctx, "interactions", qDropRollup, map[string]any{"pairs": gone}, len(gone), qSetRollup, rows)
}

// Locations and actors take their properties from the articles that
// mention them (MENTIONS carries each article's values): the most frequent
// value wins, ties going to the smallest; aliases are the sorted union.
// This makes them independent of ingestion order.
var (
	qLocationMentions = `UNWIND $ids AS id
MATCH (l:Location {id: id})
CALL (l) {
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(l)
  RETURN count(m) AS n
}
` + majority("l", "name", "kind", "country") + `
CALL (l) {
  MATCH (:Article)-[m:MENTIONS]->(l) WHERE m.lat IS NOT NULL AND m.lon IS NOT NULL
  WITH m.lat AS lat, m.lon AS lon, count(*) AS c ORDER BY c DESC, lat, lon
  RETURN head(collect([lat, lon])) AS coords
}
OPTIONAL MATCH (l)-[:IN]->(c:Actor)
RETURN l.id AS id, n, name, kind, country, coords, collect(c.id) AS countries, EXISTS { ()-[:OCCURRED_IN]->(l) } AS used`
	qDeleteLocations = `UNWIND $ids AS id
MATCH (n:Location {id: id})
DETACH DELETE n`
	qDeleteActors = `UNWIND $ids AS id
MATCH (n:Actor {id: id})
DETACH DELETE n`
	qSetLocations = `UNWIND $rows AS r
MATCH (l:Location {id: r.id})
SET l.name = r.name, l.kind = r.kind, l.country = r.country, l.num_articles = r.n,
    l.point = CASE WHEN r.lat IS NULL THEN null ELSE point({latitude: r.lat, longitude: r.lon}) END
WITH l, r
CALL (l, r) {
  OPTIONAL MATCH (l)-[old:IN]->(c:Actor)
  WHERE r.country_id IS NULL OR c.id <> r.country_id
  DELETE old
}
FOREACH (cid IN CASE WHEN r.country_id IS NULL THEN [] ELSE [r.country_id] END |
  MERGE (c:Actor {id: cid})
  ON CREATE SET c:Country, c.kind = 'country', c.country = r.country, c.name = r.country
  MERGE (l)-[:IN]->(c))`
	// Per actor, one row of server-side tallies, so that an actor mentioned
	// by thousands of articles costs one small row, not thousands.
	qActorMentions = `UNWIND $ids AS id
MATCH (x:Actor {id: id})
CALL (x) {
  OPTIONAL MATCH (:Article)-[m:MENTIONS]->(x)
  RETURN count(m) AS n, coalesce(sum(m.count), 0) AS mentions
}
` + majority("x", "name", "kind", "country") + `
CALL (x) {
  MATCH (:Article)-[m:MENTIONS]->(x)
  UNWIND m.aliases AS al
  WITH DISTINCT al ORDER BY al
  RETURN collect(al) AS aliases
}
CALL (x) {
  MATCH (a:Article)-[m:MENTIONS]->(x) WHERE size(m.role_titles) > 0
  UNWIND range(0, size(m.role_titles) - 1) AS i
  WITH m.role_of[i] AS of, m.role_titles[i] AS title, a.published AS pub
  RETURN collect([of, title, pub]) AS roles
}
RETURN x.id AS id, n, mentions, name, kind, country, aliases, roles, EXISTS { (:Location)-[:IN]->(x) } AS located`
	qSetActors = `UNWIND $rows AS r
MATCH (x:Actor {id: r.id})
SET x.name = r.name, x.kind = r.kind, x.country = r.country, x.aliases = r.aliases,
    x.titles = r.titles, x.num_articles = r.n, x.mentions = r.mentions
FOREACH (_ IN CASE WHEN r.label = 'Country' AND NOT x:Country THEN [1] ELSE [] END | SET x:Country)
FOREACH (_ IN CASE WHEN r.label <> 'Country' AND x:Country THEN [1] ELSE [] END | REMOVE x:Country)
FOREACH (_ IN CASE WHEN r.label = 'Person' AND NOT x:Person THEN [1] ELSE [] END | SET x:Person)
FOREACH (_ IN CASE WHEN r.label <> 'Person' AND x:Person THEN [1] ELSE [] END | REMOVE x:Person)
FOREACH (_ IN CASE WHEN r.label = 'Organization' AND NOT x:Organization THEN [1] ELSE [] END | SET x:Organization)
FOREACH (_ IN CASE WHEN r.label <> 'Organization' AND x:Organization THEN [1] ELSE [] END | REMOVE x:Organization)
FOREACH (_ IN CASE WHEN r.label = 'Group' AND NOT x:Group THEN [1] ELSE [] END | SET x:Group)
FOREACH (_ IN CASE WHEN r.label <> 'Group' AND x:Group THEN [1] ELSE [] END | REMOVE x:Group)
WITH x, r
CALL (x, r) {
  OPTIONAL MATCH (x)-[h:HOLDS_ROLE]->(o:Actor)
  WHERE NOT (o.id + '|' + h.title) IN r.role_keys
  DELETE h
}
CALL (x, r) {
  UNWIND r.roles AS role
  MATCH (o:Actor {id: role.of})
  MERGE (x)-[h:HOLDS_ROLE {title: role.title}]->(o)
  SET h.as_of = role.as_of, h.num_articles = role.n
}`
)

func (w *txWriter) recomputeLocations(ctx context.Context, ids []string, t *touched) error {
	if len(ids) == 0 {
		return nil
	}
	var rows []map[string]any
	var gone []string
	err := w.eachMentioned(ctx, "locations", qLocationMentions, ids, func(id string, n int64, get func(string) any) {
		addAll(t.actors, anyStrings(get("countries")))
		if n == 0 && get("used") != true {
			gone = append(gone, id)
			return
		}
		row := map[string]any{"id": id, "name": get("name"), "kind": get("kind"), "country": get("country"),
			"country_id": nil, "lat": nil, "lon": nil, "n": n}
		if c, ok := row["country"].(string); ok {
			row["country_id"] = countryActorID(c)
			t.actors[countryActorID(c)] = true
		}
		if ll := anySlice(get("coords")); len(ll) == 2 {
			row["lat"], row["lon"] = ll[0], ll[1]
		}
		rows = append(rows, row)
	})
	if err != nil {
		return err
	}
	return w.dropAndSet(ctx, "locations", qDeleteLocations, map[string]any{"ids": gone}, len(gone), qSetLocations, rows)
}

type roleAgg struct {
	of, title string
	asOf      *time.Time
	n         int64
}

func (w *txWriter) recomputeActors(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	var rows []map[string]any
	var gone []string
	err := w.eachMentioned(ctx, "actors", qActorMentions, ids, func(id string, n int64, get func(string) any) {
		if n == 0 && get("located") != true {
			gone = append(gone, id)
			return
		}
		mentions, _ := get("mentions").(int64)
		titles := map[string]bool{}
		roles := map[string]*roleAgg{}
		for _, rv := range anySlice(get("roles")) {
			rr := anySlice(rv)
			if len(rr) != 3 {
				continue
			}
			of, _ := rr[0].(string)
			title, _ := rr[1].(string)
			if title == "" {
				continue
			}
			if of == "" {
				titles[title] = true
				continue
			}
			k := of + "|" + title
			ra := roles[k]
			if ra == nil {
				ra = &roleAgg{of: of, title: title}
				roles[k] = ra
			}
			ra.n++
			if d, ok := rr[2].(neo4j.Date); ok {
				if tm := d.Time(); ra.asOf == nil || tm.After(*ra.asOf) {
					ra.asOf = &tm
				}
			}
		}
		name := get("name")
		if name == nil {
			_, tail, _ := strings.Cut(id, ":")
			name = tail
		}
		kind := get("kind")
		if kind == nil {
			kind = kindFromID(id)
		}
		country := get("country")
		if country == nil && kind == schema.KindCountry {
			if _, code, ok := strings.Cut(id, ":"); ok {
				country = code
			}
		}
		roleKeys := sortedKeys(roles)
		roleRows := make([]map[string]any, 0, len(roles))
		for _, k := range roleKeys {
			ra := roles[k]
			var asOf any
			if ra.asOf != nil {
				asOf = neo4j.DateOf(*ra.asOf)
			}
			roleRows = append(roleRows, map[string]any{"of": ra.of, "title": ra.title, "as_of": asOf, "n": ra.n})
		}
		rows = append(rows, map[string]any{
			"id": id, "name": name, "kind": kind, "country": country, "label": actorLabel(kind.(string)),
			"aliases": nonNil(anyStrings(get("aliases"))), "titles": setList(titles), "n": n, "mentions": mentions,
			"role_keys": roleKeys, "roles": roleRows,
		})
	})
	if err != nil {
		return err
	}
	return w.dropAndSet(ctx, "actors", qDeleteActors, map[string]any{"ids": gone}, len(gone), qSetActors, rows)
}

// eachMentioned runs the mention query q for ids and calls fn with each
// node's id, its number of supporting articles and a getter of its fields.
func (w *txWriter) eachMentioned(ctx context.Context, what, q string, ids []string, fn func(id string, n int64, get func(string) any)) error {
	recs, err := w.run(ctx, q, map[string]any{"ids": ids})
	if err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	for _, r := range recs {
		get := func(k string) any { v, _ := r.Get(k); return v }
		id, _ := get("id").(string)
		n, _ := get("n").(int64)
		fn(id, n, get)
	}
	return nil
}

func setList(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// majority returns the Cypher subqueries that give node variable v, for
// each property, the value most of its MENTIONS carry (ties: the smallest).
// Names come from the code, never from data.
func majority(v string, props ...string) string {
	var b strings.Builder
	for _, p := range props {
		fmt.Fprintf(&b, `CALL (%[1]s) {
  MATCH (:Article)-[m:MENTIONS]->(%[1]s) WHERE m.%[2]s IS NOT NULL
  WITH m.%[2]s AS v, count(*) AS c ORDER BY c DESC, v
  RETURN head(collect(v)) AS %[2]s
}
`, v, p)
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// dropAndSet ends every recompute: it deletes what no article supports any
// more (n of them, passed as dropParams) and writes the recomputed rows.
func (w *txWriter) dropAndSet(ctx context.Context, what, qDrop string, dropParams map[string]any, n int,
	qSet string, rows []map[string]any) error {
	if n > 0 {
		if _, err := w.run(ctx, qDrop, dropParams); err != nil {
			return fmt.Errorf("delete %s: %w", what, err)
		}
	}
	if len(rows) > 0 {
		if _, err := w.run(ctx, qSet, map[string]any{"rows": rows}); err != nil {
			return fmt.Errorf("write %s: %w", what, err)
		}
	}
	return nil
}
