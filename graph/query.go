package graph

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/geokg/geokg/schema"
)

// Canned queries. Every query is a fixed Cypher text; every value a user
// gives travels as a parameter, never inside the text. A Query can be run
// (Store.Query) or printed for pasting into Neo4j Browser (Query.Browser).

// Query is one canned, parameterised Cypher statement.
type Query struct {
	// Name is a short machine name ("events", "statements", "paths").
	Name string
	// Title is a heading for people.
	Title  string
	Cypher string
	Params map[string]any
}

// Table is the result of a Query with values turned into plain Go values:
// strings, int64, float64, bool, nil, []any and map[string]any. Dates are
// "YYYY-MM-DD" strings, points {"lat","lon"} maps, nodes their caption and
// paths a one-line rendering ("A -[INITIATED]-> ASSAULT 2017-04-07").
type Table struct {
	Name    string
	Title   string
	Columns []string
	Rows    [][]any
}

// Maps returns the rows as column → value maps (for JSON output).
func (t Table) Maps() []map[string]any {
	out := make([]map[string]any, 0, len(t.Rows))
	for _, r := range t.Rows {
		m := make(map[string]any, len(t.Columns))
		for i, c := range t.Columns {
			m[c] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// Query runs q in a read transaction.
func (s *Store) Query(ctx context.Context, q Query) (Table, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, q.Cypher, q.Params, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return Table{}, fmt.Errorf("query %s: %w", q.Name, s.connErr(err))
	}
	t := Table{Name: q.Name, Title: q.Title, Columns: res.Keys}
	for _, r := range res.Records {
		row := make([]any, len(r.Values))
		for i, v := range r.Values {
			row[i] = plain(v)
		}
		t.Rows = append(t.Rows, row)
	}
	return t, nil
}

// QueryAll runs the queries in order.
func (s *Store) QueryAll(ctx context.Context, qs []Query) ([]Table, error) {
	out := make([]Table, 0, len(qs))
	for _, q := range qs {
		t, err := s.Query(ctx, q)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, nil
}

// Browser renders the query for pasting into Neo4j Browser: a comment with
// the title, then the statement with its parameter values written in as
// Cypher literals. Browser runs a paste of one statement in one frame and
// draws its graph; it runs a paste of several `;`-separated statements
// (`:params {…};` then the query) as a multi-statement frame that shows only
// "completed", and a `:param` line not ended by `;` swallows the rest of the
// paste (a syntax error). The e2e test pastes this into Browser.
func (q Query) Browser() string {
	cypher := paramRE.ReplaceAllStringFunc(strings.TrimSpace(q.Cypher), func(m string) string {
		if v, ok := q.Params[m[1:]]; ok {
			return CypherLiteral(v)
		}
		return m
	})
	return "// " + q.Title + "\n" + cypher + "\n"
}

// paramRE matches a parameter reference ($name); geokg's statements have
// no '$' inside string literals.
var paramRE = regexp.MustCompile(`\$[A-Za-z_][A-Za-z0-9_]*`)

// BrowserParams is the one Neo4j Browser command that sets the query's
// parameters (and clears any others), `:params {a: 'country:EST', b: null}`:
// run alone, then q.Cypher, as the guide's two blocks per query do.
// Browser may hand an integer set this way over as a float (20.0), which
// LIMIT refuses: the queries say LIMIT toInteger($limit).
func (q Query) BrowserParams() string {
	keys := make([]string, 0, len(q.Params))
	for k := range q.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = k + ": " + CypherLiteral(q.Params[k])
	}
	return ":params {" + strings.Join(parts, ", ") + "}"
}

// CypherLiteral writes a parameter value as a Cypher literal.
func CypherLiteral(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		r := strings.NewReplacer(`\`, `\\`, `'`, `\'`, "\n", `\n`, "\r", `\r`, "\t", `\t`)
		return "'" + r.Replace(x) + "'"
	case bool:
		return fmt.Sprint(x)
	case int, int64, int32:
		return fmt.Sprint(x)
	case float64:
		s := fmt.Sprint(x)
		if !strings.ContainsAny(s, ".eE") {
			s += ".0"
		}
		return s
	case []string:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = CypherLiteral(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case []any:
		parts := make([]string, len(x))
		for i, s := range x {
			parts[i] = CypherLiteral(s)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return CypherLiteral(fmt.Sprint(v))
}

// pathRels are the relationships a "connecting path" may use: the facts,
// not the provenance (every two actors share an article) nor the rollup
// (which would hide the events behind one edge).
const pathRels = "INITIATED|TARGETED|SAID|ABOUT|HOLDS_ROLE|OCCURRED_IN|IN"

// sides expands $a and $b into the actor and the persons holding a role in
// it, so that "Iran" covers what its officials did and said.
const sides = `MATCH (x:Actor {id: $a})
MATCH (y:Actor {id: $b})
WITH [x] + COLLECT { MATCH (p:Person)-[:HOLDS_ROLE]->(x) WHERE p <> y RETURN p } AS as,
     [y] + COLLECT { MATCH (p:Person)-[:HOLDS_ROLE]->(y) WHERE p <> x RETURN p } AS bs`

// RelationsQueries are everything between two actors (ids): events by type
// per month in both directions, statements one side made about the other,
// shared partners, and the shortest connecting paths of up to three hops.
// A side is the actor and the persons holding a role in it.
func RelationsQueries(a, b string) []Query {
	p := map[string]any{"a": a, "b": b}
	return []Query{
		{Name: "events", Title: "Events between them, by month and type", Params: p, Cypher: sides + `
UNWIND as + bs AS s
MATCH (s)-[:INITIATED]->(e:Event)-[:TARGETED]->(t:Actor)
WHERE (s IN as AND t IN bs) OR (s IN bs AND t IN as)
WITH DISTINCT s, t, e
WITH substring(toString(e.date), 0, 7) AS month, s.name AS initiator, t.name AS target, e.type AS type,
     count(e) AS events, collect(toString(e.date)) AS dates
RETURN month, initiator, target, type, events
ORDER BY month, initiator, target, type`},
		{Name: "statements", Title: "Statements one made about the other", Params: p, Cypher: sides + `
UNWIND as + bs AS sp
MATCH (sp)-[:SAID]->(st:Statement)-[:ABOUT]->(ab:Actor)
WHERE (sp IN as AND ab IN bs) OR (sp IN bs AND ab IN as)
WITH st, sp, collect(DISTINCT ab.name) AS about
RETURN st.date AS date, sp.name AS speaker, about, st.kind AS kind, st.text AS text
ORDER BY date, speaker, text`},
		{Name: "partners", Title: "Shared partners (actors both interact with)", Params: p, Cypher: `MATCH (x:Actor {id: $a})-[r1:INTERACTS_WITH]-(c:Actor)
WHERE NOT c.id IN [$a, $b]
WITH c, sum(r1.events) AS with_a
MATCH (c)-[r2:INTERACTS_WITH]-(y:Actor {id: $b})
WITH c, with_a, sum(r2.events) AS with_b
RETURN c.name AS partner, c.kind AS kind, with_a, with_b
ORDER BY with_a + with_b DESC, partner`},
		{Name: "paths", Title: "Shortest connecting paths (up to 3 hops)", Params: p, Cypher: `MATCH (x:Actor {id: $a}), (y:Actor {id: $b})
MATCH p = allShortestPaths((x)-[:` + pathRels + `*..3]-(y))
RETURN length(p) AS hops, p AS path
ORDER BY hops
LIMIT 25`},
	}
}

// RelationsGraphQuery is relations for Neo4j Browser's graph view: the
// two actors, the events and statements between their sides (with the
// persons' roles), and the shortest connecting paths of up to 3 hops.
func RelationsGraphQuery(a, b string) Query {
	return Query{Name: "graph", Title: "Relations as a graph", Params: map[string]any{"a": a, "b": b},
		Cypher: sides + `, x, y
UNWIND as + bs AS s
OPTIONAL MATCH p = (s)-[:INITIATED|SAID]->(:Event|Statement)-[:TARGETED|ABOUT]->(t:Actor)
WHERE (s IN as AND t IN bs) OR (s IN bs AND t IN as)
WITH x, y, [q IN collect(p) WHERE q IS NOT NULL] AS direct
RETURN x, y, direct,
       COLLECT { MATCH r = (p:Person)-[:HOLDS_ROLE]->(o) WHERE o IN [x, y] AND any(q IN direct WHERE p IN nodes(q)) RETURN r } AS roles,
       COLLECT { MATCH q = allShortestPaths((x)-[:` + pathRels + `*..3]-(y)) RETURN q } AS paths`}
}

// OfficialsQuery lists the persons holding a role in a country (or in one
// of its organisations), the role as of the latest article stating it, and
// when the person was first and last seen in an article.
func OfficialsQuery(country string) Query {
	return Query{Name: "officials", Title: "Officials and their roles", Params: map[string]any{"country": country},
		Cypher: `MATCH (c:Actor {id: $country})
MATCH (p:Person)-[r:HOLDS_ROLE]->(o:Actor)
WHERE o = c OR (o:Organization AND o.country = c.country AND c.country IS NOT NULL)
WITH p, r, o,
     COLLECT { MATCH (a:Article)-[:MENTIONS]->(p) WHERE a.published IS NOT NULL RETURN a.published } AS seen
RETURN p.name AS person, r.title AS role, o.name AS of, r.as_of AS as_of,
       reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d < m THEN d ELSE m END) AS first_seen,
       reduce(m = null, d IN seen | CASE WHEN m IS NULL OR d > m THEN d ELSE m END) AS last_seen
ORDER BY as_of DESC, person, role`}
}

// TimelineFilter narrows a timeline. Dates are "YYYY-MM-DD"; "" means open.
type TimelineFilter struct {
	From, To string
	Type     string // PLOVER type, e.g. "ASSAULT"
	Limit    int    // 0 means 500
}

// TimelineQuery lists the dated events an actor initiated or was targeted
// by, with the articles reporting them.
func TimelineQuery(actor string, f TimelineFilter) Query {
	return Query{Name: "timeline", Title: "Timeline", Params: map[string]any{
		"actor": actor, "from": optional(f.From), "to": optional(f.To), "type": optional(strings.ToUpper(f.Type)),
		"limit": limitOr(f.Limit, 500),
	}, Cypher: `MATCH (x:Actor {id: $actor})
CALL (x) {
  MATCH (x)-[:INITIATED]->(e:Event) RETURN e
  UNION
  MATCH (e:Event)-[:TARGETED]->(x) RETURN e
}
WITH e
WHERE ($from IS NULL OR e.date >= date($from)) AND ($to IS NULL OR e.date <= date($to))
  AND ($type IS NULL OR e.type = $type)
RETURN e.date AS date, e.type AS type,
       COLLECT { MATCH (s:Actor)-[:INITIATED]->(e) RETURN s.name ORDER BY s.name } AS initiators,
       COLLECT { MATCH (e)-[:TARGETED]->(t:Actor) RETURN t.name ORDER BY t.name } AS targets,
       COLLECT { MATCH (e)-[:OCCURRED_IN]->(l) RETURN l.name ORDER BY l.name } AS places,
       e.fatalities AS fatalities, e.summary AS summary,
       COLLECT { MATCH (a:Article)-[:REPORTS]->(e) RETURN coalesce(a.url, a.title, a.id) ORDER BY a.published, a.id } AS sources
ORDER BY date, type, e.id
LIMIT toInteger($limit)`}
}

// StatementFilter narrows the statements query; ids and words are optional.
type StatementFilter struct {
	Speaker string // actor id; a country also covers the persons holding a role in it
	About   string // actor id, likewise
	Search  string // words, all required, looked up in the statement_text index
	// From and To bound the statement's date ("YYYY-MM-DD" or "").
	From, To string
	Limit    int // 0 means 100
}

// StatementsQuery lists statements by speaker, subject and words.
func StatementsQuery(f StatementFilter) Query {
	head := "MATCH (st:Statement)\nWITH st, null AS score\n"
	order := "ORDER BY date DESC, speaker, text"
	var search any
	if strings.TrimSpace(f.Search) != "" {
		search = LuceneAllWords(f.Search)
		head = "CALL db.index.fulltext.queryNodes('statement_text', $search) YIELD node AS st, score\n"
		order = "ORDER BY score DESC, date DESC, speaker, text"
	}
	return Query{Name: "statements", Title: "Statements", Params: map[string]any{
		"speaker": optional(f.Speaker), "about": optional(f.About), "search": search,
		"from": optional(f.From), "to": optional(f.To), "limit": limitOr(f.Limit, 100),
	}, Cypher: head + `OPTIONAL MATCH (sp:Actor)-[:SAID]->(st)
WITH st, score, sp
WHERE ($from IS NULL OR st.date >= date($from)) AND ($to IS NULL OR st.date <= date($to))
  AND ($speaker IS NULL OR (sp IS NOT NULL AND (sp.id = $speaker OR EXISTS { (sp)-[:HOLDS_ROLE]->(:Actor {id: $speaker}) })))
  AND ($about IS NULL OR EXISTS { MATCH (st)-[:ABOUT]->(ab:Actor) WHERE ab.id = $about OR EXISTS { (ab)-[:HOLDS_ROLE]->(:Actor {id: $about}) } })
RETURN st.date AS date, sp.name AS speaker,
       COLLECT { MATCH (st)-[:ABOUT]->(ab:Actor) RETURN ab.name ORDER BY ab.name } AS about,
       st.kind AS kind, st.text AS text, score
` + order + `
LIMIT toInteger($limit)`}
}

// NearFilter is a circle and an optional start date.
type NearFilter struct {
	Lat, Lon float64
	Km       float64
	Since    string // "YYYY-MM-DD" or ""
	Limit    int    // 0 means 500
}

// NearQuery lists the events that occurred at locations within Km of a
// point, nearest first (served by the location_point index).
func NearQuery(f NearFilter) Query {
	return Query{Name: "near", Title: "Events nearby", Params: map[string]any{
		"lat": f.Lat, "lon": f.Lon, "km": f.Km, "since": optional(f.Since), "limit": limitOr(f.Limit, 500),
	}, Cypher: `WITH point({latitude: $lat, longitude: $lon}) AS here
MATCH (l:Location)
WHERE point.distance(l.point, here) <= $km * 1000.0
MATCH (e:Event)-[:OCCURRED_IN]->(l)
WHERE $since IS NULL OR e.date >= date($since)
RETURN e.date AS date, e.type AS type,
       COLLECT { MATCH (s:Actor)-[:INITIATED]->(e) RETURN s.name ORDER BY s.name } AS initiators,
       COLLECT { MATCH (e)-[:TARGETED]->(t:Actor) RETURN t.name ORDER BY t.name } AS targets,
       l.name AS place, round(point.distance(l.point, here) / 1000.0, 1) AS km, e.summary AS summary
ORDER BY km, date, type, e.id
LIMIT toInteger($limit)`}
}

// TopFilter narrows the most-active-dyads query.
type TopFilter struct {
	Type  string // PLOVER type or ""
	Since string // "YYYY-MM-DD" or ""
	Limit int    // 0 means 20
}

// TopQuery ranks pairs of actors (unordered) by the events between them,
// split into cooperation and conflict by the PLOVER scale.
func TopQuery(f TopFilter) Query {
	var coop []string
	for _, t := range schema.EventTypes {
		if schema.Cooperative(t) {
			coop = append(coop, t)
		}
	}
	return Query{Name: "top", Title: "Most active pairs", Params: map[string]any{
		"type": optional(strings.ToUpper(f.Type)), "since": optional(f.Since), "limit": limitOr(f.Limit, 20),
		"cooperative": coop,
	}, Cypher: `MATCH (s:Actor)-[:INITIATED]->(e:Event)-[:TARGETED]->(t:Actor)
WHERE s <> t AND ($type IS NULL OR e.type = $type) AND ($since IS NULL OR e.date >= date($since))
WITH CASE WHEN s.id < t.id THEN s ELSE t END AS x, CASE WHEN s.id < t.id THEN t ELSE s END AS y, e
WITH x, y, collect(DISTINCT e) AS es
RETURN x.name AS actor_a, y.name AS actor_b, size(es) AS events,
       size([e IN es WHERE e.type IN $cooperative]) AS cooperation,
       size([e IN es WHERE NOT e.type IN $cooperative]) AS conflict,
       reduce(m = null, e IN es | CASE WHEN e.date IS NOT NULL AND (m IS NULL OR e.date < m) THEN e.date ELSE m END) AS first,
       reduce(m = null, e IN es | CASE WHEN e.date IS NOT NULL AND (m IS NULL OR e.date > m) THEN e.date ELSE m END) AS last
ORDER BY events DESC, actor_a, actor_b
LIMIT toInteger($limit)`}
}

func limitOr(n, def int) int64 {
	if n <= 0 {
		return int64(def)
	}
	return int64(n)
}

// LuceneAllWords turns free text into a Lucene query requiring every word,
// with Lucene's special characters escaped so that the text is taken
// literally.
func LuceneAllWords(text string) string {
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) })
	var parts []string
	for _, w := range words {
		w = LuceneEscape(w)
		if w == "" || w == "AND" || w == "OR" || w == "NOT" {
			w = strings.ToLower(w)
		}
		if w != "" {
			parts = append(parts, "+"+w)
		}
	}
	return strings.Join(parts, " ")
}

// LuceneEscape escapes the characters the Lucene query parser treats
// specially.
func LuceneEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`\+-!():^[]"{}~*?|&/`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// EventFamilies are the PLOVER quad classes, used as second labels on
// :Event nodes so that Neo4j Browser's style sheet (which styles by label)
// can colour events by family.
var EventFamilies = map[string][]string{
	"VerbalCooperation":   {"AGREE", "CONSULT", "SUPPORT"},
	"MaterialCooperation": {"CONCEDE", "COOPERATE", "AID", "RETREAT"},
	"VerbalConflict":      {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
	"MaterialConflict":    {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}

// EventFamily is the family label of a PLOVER type, "" when unknown.
func EventFamily(eventType string) string {
	for fam, types := range EventFamilies {
		for _, t := range types {
			if t == eventType {
				return fam
			}
		}
	}
	return ""
}

// ActorRef is an actor found for a name a user typed.
type ActorRef struct {
	ID, Name, Kind string
	// Match says how it was found: "id", "name", "alias", "hint" or
	// "fulltext".
	Match string
}

// ErrNotFound means nothing in the graph matches a name.
var ErrNotFound = errors.New("not found")

// ResolveActor finds the actor a user means by text: an actor id, a name or
// alias (any case; the most mentioned wins), then the first of hints (ids
// suggested by a gazetteer, best first) present in the graph, then the best
// full-text match on names and aliases.
func (s *Store) ResolveActor(ctx context.Context, text string, hints []string) (ActorRef, error) {
	text = strings.TrimSpace(text)
	if text == "" {
		return ActorRef{}, fmt.Errorf("resolve actor: empty name: %w", ErrNotFound)
	}
	const pick = `RETURN x.id AS id, x.name AS name, x.kind AS kind, how,
       COUNT { (:Article)-[:MENTIONS]->(x) } AS mentions
ORDER BY rank, mentions DESC, id LIMIT 1`
	steps := []struct {
		cypher string
		params map[string]any
	}{
		{`MATCH (x:Actor {id: $q}) WITH x, 'id' AS how, 0 AS rank ` + pick, map[string]any{"q": text}},
		{`MATCH (x:Actor)
WHERE toLower(x.name) = toLower($q) OR any(al IN coalesce(x.aliases, []) WHERE toLower(al) = toLower($q))
WITH x, CASE WHEN toLower(x.name) = toLower($q) THEN 'name' ELSE 'alias' END AS how,
     CASE WHEN toLower(x.name) = toLower($q) THEN 0 ELSE 1 END AS rank ` + pick, map[string]any{"q": text}},
		{`UNWIND range(0, size($hints) - 1) AS i
MATCH (x:Actor {id: $hints[i]})
WITH x, 'hint' AS how, i AS rank ` + pick, map[string]any{"hints": nonNilStrings(hints)}},
	}
	if q := LuceneAllWords(text); q != "" {
		steps = append(steps, struct {
			cypher string
			params map[string]any
		}{`CALL db.index.fulltext.queryNodes('actor_names', $q) YIELD node AS x, score
WITH x, 'fulltext' AS how, -score AS rank ` + pick, map[string]any{"q": q}})
	}
	for _, st := range steps {
		res, err := neo4j.ExecuteQuery(ctx, s.driver, st.cypher, st.params, neo4j.EagerResultTransformer, s.readConfig())
		if err != nil {
			return ActorRef{}, fmt.Errorf("resolve actor %q: %w", text, s.connErr(err))
		}
		if len(res.Records) == 0 {
			continue
		}
		m := res.Records[0].AsMap()
		ref := ActorRef{Match: str(m["how"])}
		ref.ID, ref.Name, ref.Kind = str(m["id"]), str(m["name"]), str(m["kind"])
		return ref, nil
	}
	return ActorRef{}, fmt.Errorf("no actor in the graph matches %q: %w", text, ErrNotFound)
}

// PlaceRef is a place with coordinates.
type PlaceRef struct {
	ID, Name string
	Lat, Lon float64
}

// ResolvePlace finds a location with a point by id or name (any case; the
// one with most events wins).
func (s *Store) ResolvePlace(ctx context.Context, text string) (PlaceRef, error) {
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `MATCH (l:Location)
WHERE l.point IS NOT NULL AND (l.id = $q OR toLower(l.name) = toLower($q))
RETURN l.id AS id, l.name AS name, l.point.y AS lat, l.point.x AS lon,
       COUNT { (:Event)-[:OCCURRED_IN]->(l) } AS events
ORDER BY events DESC, id LIMIT 1`, map[string]any{"q": strings.TrimSpace(text)}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return PlaceRef{}, fmt.Errorf("resolve place %q: %w", text, s.connErr(err))
	}
	if len(res.Records) == 0 {
		return PlaceRef{}, fmt.Errorf("no location in the graph matches %q: %w", text, ErrNotFound)
	}
	m := res.Records[0].AsMap()
	lat, _ := m["lat"].(float64)
	lon, _ := m["lon"].(float64)
	return PlaceRef{ID: str(m["id"]), Name: str(m["name"]), Lat: lat, Lon: lon}, nil
}

// optional turns "" into a Cypher null.
func optional(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func nonNilStrings(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

// plain converts a driver value into a plain Go value.
func plain(v any) any {
	switch x := v.(type) {
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05")
	case time.Time:
		return x.Format(time.RFC3339)
	case dbtype.Point2D:
		return map[string]any{"lat": x.Y, "lon": x.X}
	case dbtype.Node:
		return Caption(x)
	case dbtype.Path:
		return renderPath(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = plain(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = plain(e)
		}
		return out
	}
	return v
}

// Caption is how a node reads in a table or a path: an actor's or place's
// name, an event's type and date, a statement's first words, an article's
// title.
func Caption(n dbtype.Node) string {
	has := func(l string) bool {
		for _, x := range n.Labels {
			if x == l {
				return true
			}
		}
		return false
	}
	p := n.Props
	switch {
	case has("Event"):
		s := str(p["type"])
		if d, ok := p["date"].(dbtype.Date); ok {
			s += " " + d.Time().Format("2006-01-02")
		}
		return s
	case has("Statement"):
		return "“" + firstWords(str(p["text"]), 6) + "”"
	case has("Article"):
		if t := str(p["title"]); t != "" {
			return t
		}
	}
	if name := str(p["name"]); name != "" {
		return name
	}
	return str(p["id"])
}

func firstWords(s string, n int) string {
	w := strings.Fields(s)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + "…"
}

func renderPath(p dbtype.Path) string {
	if len(p.Nodes) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(Caption(p.Nodes[0]))
	for i, r := range p.Relationships {
		if i+1 >= len(p.Nodes) {
			break
		}
		if r.StartElementId == p.Nodes[i].ElementId {
			fmt.Fprintf(&b, " -[%s]-> ", r.Type)
		} else {
			fmt.Fprintf(&b, " <-[%s]- ", r.Type)
		}
		b.WriteString(Caption(p.Nodes[i+1]))
	}
	return b.String()
}
