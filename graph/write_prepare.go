package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/schema"
)

// ContentHash is the hash that decides whether an article changed:
// sha256 of its clean text, title, URL and publication date.
func ContentHash(a schema.Article) string {
	h := sha256.New()
	for _, s := range []string{a.Text, deref(a.Title), deref(a.URL), deref(a.PublishedAt)} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// EventID is the identity of a real-world event: the same type, initiators,
// targets, place and date give the same id whichever article reports it.
func EventID(typ string, sources, targets []string, location, date string) string {
	return "event:" + shortHash(typ, strings.Join(sortedSet(sources), ","), strings.Join(sortedSet(targets), ","), location, date)
}

// StatementID is the identity of a statement: its speaker and its words
// (case, spacing and punctuation ignored).
func StatementID(speaker, text string) string {
	return "statement:" + shortHash(speaker, normText(text))
}

func shortHash(parts ...string) string {
	h := sha256.New()
	for _, p := range parts {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

func normText(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			space = true
		}
	}
	return b.String()
}

func sortedSet(in []string) []string {
	seen := map[string]bool{}
	out := make([]string, 0, len(in))
	for _, s := range in {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// nullable turns "" into a Cypher null.
func nullable(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// dayOf returns the YYYY-MM-DD calendar day of a date or RFC 3339 string,
// or "" when it has none.
func dayOf(s string) string {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return ""
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return ""
	}
	return s[:10]
}

// cypherDate is a Neo4j DATE for a YYYY-MM-DD day, or nil.
func cypherDate(day string) any {
	if day == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", day)
	if err != nil {
		return nil
	}
	return neo4j.DateOf(t)
}

// actorLabel is the second label of an actor kind.
func actorLabel(kind string) string {
	switch kind {
	case schema.KindCountry:
		return "Country"
	case schema.KindPerson:
		return "Person"
	case schema.KindOrganization:
		return "Organization"
	case schema.KindGroup:
		return "Group"
	}
	return ""
}

// kindFromID guesses the kind of an actor referenced but not described.
func kindFromID(id string) string {
	prefix, _, _ := strings.Cut(id, ":")
	switch prefix {
	case "country":
		return schema.KindCountry
	case "person":
		return schema.KindPerson
	case "org", "organization", "organisation":
		return schema.KindOrganization
	}
	return schema.KindGroup
}

// countryActorID is the id of the Country actor for an ISO 3166-1 alpha-3
// code; a country is one node, used both as an actor and as a place.
func countryActorID(code string) string { return "country:" + strings.ToUpper(code) }

// prepared is one article turned into parameter rows.
type prepared struct {
	id        string
	hash      string
	version   string
	file      string
	article   map[string]any
	actors    []map[string]any
	locations []map[string]any
	events    []map[string]any
	stmts     []map[string]any

	actorIDs, locationIDs, eventIDs, stmtIDs []string
	pairs                                    [][2]string
}

var errNoArticleID = errors.New("document has no article id")

// capID caps an oversize id, capIndexed an oversize value of another
// indexed property (schema.Cap): Neo4j's index would refuse either and
// fail the whole article.
func capID(id string) string     { return schema.Cap(id, schema.MaxIDLen) }
func capIndexed(v string) string { return schema.Cap(v, schema.MaxIndexedLen) }

// prepare validates a document and turns it into rows. It is pure: the
// same document gives the same rows. Every id it takes from the document
// (the article's, actors', locations' and the references to them) goes
// through capID, so an oversize id from any input (JSON lines too) is
// capped the same way wherever it appears instead of failing the article.
func prepare(doc schema.Document, now time.Time) (*prepared, error) {
	art := doc.Article
	if art.ID == "" {
		return nil, errNoArticleID
	}
	art.ID = capID(art.ID)
	p := &prepared{id: art.ID, hash: ContentHash(art), version: doc.Extractor, file: art.File}
	pubDay := dayOf(deref(art.PublishedAt))
	p.article = map[string]any{
		"id":                art.ID,
		"url":               nullable(capIndexed(deref(art.URL))),
		"title":             nullable(deref(art.Title)),
		"source":            nullable(deref(art.Source)),
		"published_at":      nullable(capIndexed(deref(art.PublishedAt))),
		"published":         cypherDate(pubDay),
		"content_hash":      p.hash,
		"extractor_version": nullable(doc.Extractor),
		"ingested_at":       neo4j.LocalDateTimeOf(now.UTC().Truncate(time.Millisecond)),
		"chars":             int64(len(art.Text)),
		"file":              nullable(capIndexed(art.File)),
	}

	// Actors, keyed by id; referenced-but-undescribed ids are added so that
	// every relationship has both ends and its article's support.
	type actorAcc struct {
		row     map[string]any
		aliases map[string]bool
		roles   map[[2]string]bool
		count   int
	}
	actors := map[string]*actorAcc{}
	addActor := func(id, name, kind string, country *string) *actorAcc {
		id = capID(id)
		a := actors[id]
		if a == nil {
			if kind == "" {
				kind = kindFromID(id)
			}
			a = &actorAcc{row: map[string]any{
				"article": art.ID, "id": id, "name": nullable(capIndexed(name)), "kind": kind, "country": nil,
			}, aliases: map[string]bool{}, roles: map[[2]string]bool{}}
			if kind == schema.KindCountry && country == nil {
				if _, code, ok := strings.Cut(id, ":"); ok {
					country = &code
				}
			}
			if country != nil && *country != "" {
				a.row["country"] = *country
			}
			actors[id] = a
		}
		return a
	}
	for _, a := range doc.Actors {
		if a.ID == "" {
			continue
		}
		acc := addActor(a.ID, a.Name, a.Kind, a.Country)
		acc.count += len(a.Mentions)
		for _, al := range a.Aliases {
			if al = strings.TrimSpace(al); al != "" {
				acc.aliases[al] = true
			}
		}
		for _, r := range a.Roles {
			if t := strings.TrimSpace(r.Title); t != "" {
				acc.roles[[2]string{capID(r.Of), t}] = true
			}
		}
	}
	// Locations; a country-kind location is its Country actor.
	locMap := map[string]string{} // location id -> node id
	type locAcc struct {
		row   map[string]any
		count int
	}
	locs := map[string]*locAcc{}
	for _, l := range doc.Locations {
		if l.ID == "" {
			continue
		}
		l.ID = capID(l.ID)
		if l.Kind == schema.LocCountry && l.Country != nil && *l.Country != "" {
			cid := countryActorID(*l.Country)
			locMap[l.ID] = cid
			if _, described := actors[cid]; !described {
				acc := addActor(cid, l.Name, schema.KindCountry, l.Country)
				acc.count += len(l.Mentions)
			}
			continue
		}
		locMap[l.ID] = l.ID
		acc := locs[l.ID]
		if acc == nil {
			acc = &locAcc{row: map[string]any{
				"article": art.ID, "id": l.ID, "name": capIndexed(l.Name), "kind": l.Kind,
				"country": nil, "lat": nil, "lon": nil,
			}}
			if l.Country != nil && *l.Country != "" {
				acc.row["country"] = strings.ToUpper(*l.Country)
			}
			if l.Lat != nil && l.Lon != nil {
				acc.row["lat"], acc.row["lon"] = *l.Lat, *l.Lon
			}
			locs[l.ID] = acc
		}
		acc.count += len(l.Mentions)
	}
	ref := func(id string) string {
		if id == "" {
			return ""
		}
		id = capID(id)
		if to, ok := locMap[id]; ok {
			return to
		}
		if _, ok := actors[id]; !ok {
			addActor(id, "", "", nil)
		}
		return id
	}

	// Events, merged by real-world identity.
	events := map[string]map[string]any{}
	pairSet := map[[2]string]bool{}
	for _, e := range doc.Events {
		if e.Type == "" {
			continue
		}
		var src, tgt []string
		for _, s := range e.Source {
			if s = ref(s); s != "" {
				src = append(src, s)
			}
		}
		for _, t := range e.Target {
			if t = ref(t); t != "" {
				tgt = append(tgt, t)
			}
		}
		src, tgt = sortedSet(src), sortedSet(tgt)
		loc := ""
		if e.Location != nil && *e.Location != "" {
			if to, ok := locMap[capID(*e.Location)]; ok {
				loc = to
			}
		}
		day := dayOf(deref(e.Date))
		if day == "" {
			day = pubDay
		}
		id := EventID(e.Type, src, tgt, loc, day)
		quantities := "[]"
		if len(e.Quantities) > 0 {
			b, _ := json.Marshal(e.Quantities)
			quantities = string(b)
		}
		var fatalities any
		if e.Fatalities != nil {
			fatalities = int64(*e.Fatalities)
		}
		row := map[string]any{
			"article": art.ID, "id": id, "type": capIndexed(e.Type), "family": EventFamily(e.Type), "date": cypherDate(day),
			"sources": src, "targets": tgt,
			"location": nullable(loc), "location_is_actor": strings.HasPrefix(loc, "country:") && actors[loc] != nil,
			"cameo": nullable(deref(e.Cameo)), "fatalities": fatalities, "quantities": quantities,
			"evidence": e.Evidence.Text, "start": int64(e.Evidence.Start), "end": int64(e.Evidence.End),
			"confidence": e.Confidence, "extractor_version": nullable(doc.Extractor),
		}
		if old, ok := events[id]; ok && !betterReport(row, old) {
			// keep the more confident report of the same event, the larger toll
			if f, ok := row["fatalities"].(int64); ok {
				if of, ok := old["fatalities"].(int64); !ok || f > of {
					old["fatalities"] = f
				}
			}
			continue
		} else if ok {
			if of, ok := old["fatalities"].(int64); ok {
				if f, ok := row["fatalities"].(int64); !ok || of > f {
					row["fatalities"] = of
				}
			}
		}
		events[id] = row
		for _, s := range src {
			for _, t := range tgt {
				if s != t {
					pairSet[[2]string{s, t}] = true
				}
			}
		}
	}

	// Statements, merged by speaker and words.
	stmts := map[string]map[string]any{}
	for _, s := range doc.Statements {
		if strings.TrimSpace(s.Text) == "" {
			continue
		}
		speaker := ref(deref(s.Speaker))
		var about []string
		for _, a := range s.About {
			if a = ref(a); a != "" {
				about = append(about, a)
			}
		}
		id := StatementID(speaker, s.Text)
		row := map[string]any{
			"article": art.ID, "id": id, "kind": s.Kind, "text": s.Text, "speaker": nullable(speaker),
			"about": sortedSet(about), "date": cypherDate(pubDay),
			"evidence": s.Evidence.Text, "start": int64(s.Evidence.Start), "end": int64(s.Evidence.End),
			"confidence": s.Confidence, "extractor_version": nullable(doc.Extractor),
		}
		if old, ok := stmts[id]; ok {
			row["about"] = sortedSet(append(old["about"].([]string), about...))
			if !betterReport(row, old) {
				old["about"] = row["about"]
				continue
			}
		}
		stmts[id] = row
	}

	// Roles may name organisations only seen as role holders' affiliations.
	for _, a := range actors {
		for r := range a.roles {
			if r[0] != "" {
				ref(r[0])
			}
		}
	}
	for _, id := range sortedKeys(actors) {
		a := actors[id]
		aliases := make([]string, 0, len(a.aliases))
		for al := range a.aliases {
			aliases = append(aliases, al)
		}
		sort.Strings(aliases)
		var titles, of []string
		roles := make([][2]string, 0, len(a.roles))
		for r := range a.roles {
			roles = append(roles, r)
		}
		sort.Slice(roles, func(i, j int) bool {
			if roles[i][0] != roles[j][0] {
				return roles[i][0] < roles[j][0]
			}
			return roles[i][1] < roles[j][1]
		})
		for _, r := range roles {
			of = append(of, r[0])
			titles = append(titles, r[1])
		}
		a.row["aliases"], a.row["count"] = aliases, int64(a.count)
		a.row["role_titles"], a.row["role_of"] = nonNil(titles), nonNil(of)
		a.row["label"] = actorLabel(a.row["kind"].(string))
		p.actors = append(p.actors, a.row)
		p.actorIDs = append(p.actorIDs, id)
	}
	for _, id := range sortedKeys(locs) {
		l := locs[id]
		l.row["count"] = int64(l.count)
		p.locations = append(p.locations, l.row)
		p.locationIDs = append(p.locationIDs, id)
	}
	for _, id := range sortedKeys(events) {
		p.events = append(p.events, events[id])
		p.eventIDs = append(p.eventIDs, id)
	}
	for _, id := range sortedKeys(stmts) {
		p.stmts = append(p.stmts, stmts[id])
		p.stmtIDs = append(p.stmtIDs, id)
	}
	for pr := range pairSet {
		p.pairs = append(p.pairs, pr)
	}
	sortPairs(p.pairs)
	return p, nil
}

// betterReport orders two reports of one fact: higher confidence, then the
// earlier evidence.
func betterReport(a, b map[string]any) bool {
	ca, cb := a["confidence"].(float64), b["confidence"].(float64)
	if ca != cb {
		return ca > cb
	}
	return a["start"].(int64) < b["start"].(int64)
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func sortPairs(ps [][2]string) {
	sort.Slice(ps, func(i, j int) bool {
		if ps[i][0] != ps[j][0] {
			return ps[i][0] < ps[j][0]
		}
		return ps[i][1] < ps[j][1]
	})
}

func pairKey(p [2]string) string { return p[0] + "\x00" + p[1] }

// String describes a prepared article for error messages.
func (p *prepared) String() string { return fmt.Sprintf("article %s", p.id) }
