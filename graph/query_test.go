package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
)

// seedQueryGraph writes the known small graph of the query tests with
// parameterised Cypher, independently of the ingest path:
//
//	United States (US, Washington), Iran (Tehran), Israel, IRGC (an Iranian
//	organisation); Antony Blinken (Secretary of State of the US), Hossein
//	Dehqan (Defence Minister of Iran), Hossein Salami (Commander of the
//	IRGC); Tehran, Isfahan (Iran), Tel Aviv (Israel).
//	e1 2024-03-01 US SANCTION Iran @Tehran             (art1)
//	e2 2024-03-02 Dehqan THREATEN US @Tehran           (art2)
//	e3 2024-03-10 Iran ASSAULT Israel @Tel Aviv, 3 dead (art3)
//	e4 2024-04-05 US CONSULT Israel                    (art3)
//	e5 2024-03-11 Iran ASSAULT Israel @Isfahan         (art3)
//	s1 2024-03-02 Dehqan about US (direct)             (art2)
//	s2 2024-03-01 Blinken about Iran (indirect)        (art1)
//	s3 2024-03-10 Iran about Israel (direct)           (art3)
func seedQueryGraph(t *testing.T, s *graph.Store) {
	t.Helper()
	ctx := context.Background()
	exec := func(cypher string, params map[string]any) {
		t.Helper()
		_, err := neo4j.ExecuteQuery(ctx, s.Driver(), cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.Database()))
		require.NoError(t, err, cypher)
	}
	actor := func(id, name, kind, country string, aliases ...string) map[string]any {
		if aliases == nil {
			aliases = []string{}
		}
		return map[string]any{"id": id, "name": name, "kind": kind, "country": country, "aliases": aliases}
	}
	for label, rows := range map[string][]any{
		"Country": {
			actor("country:USA", "United States", "country", "USA", "US", "Washington"),
			actor("country:IRN", "Iran", "country", "IRN", "Tehran"),
			actor("country:ISR", "Israel", "country", "ISR"),
		},
		"Person": {
			actor("person:antony-blinken", "Antony Blinken", "person", "USA", "Blinken"),
			actor("person:hossein-dehqan", "Hossein Dehqan", "person", "IRN", "Dehqan"),
			actor("person:hossein-salami", "Hossein Salami", "person", "IRN"),
		},
		"Organization": {actor("org:irgc", "IRGC", "organization", "IRN", "Revolutionary Guards")},
	} {
		// A label cannot be a parameter; these three are fixed strings.
		exec(`UNWIND $rows AS r
CREATE (a:Actor:`+label+` {id: r.id, name: r.name, kind: r.kind, country: r.country, aliases: r.aliases})`,
			map[string]any{"rows": rows})
	}
	exec(`UNWIND $rows AS r
MATCH (p:Person {id: r.p}), (o:Actor {id: r.o})
CREATE (p)-[:HOLDS_ROLE {title: r.title, as_of: date(r.as_of)}]->(o)`, map[string]any{"rows": []any{
		map[string]any{"p": "person:antony-blinken", "o": "country:USA", "title": "Secretary of State", "as_of": "2024-03-01"},
		map[string]any{"p": "person:hossein-dehqan", "o": "country:IRN", "title": "Defence Minister", "as_of": "2024-03-10"},
		map[string]any{"p": "person:hossein-salami", "o": "org:irgc", "title": "Commander", "as_of": "2024-03-02"},
	}})
	exec(`UNWIND $rows AS r
MATCH (c:Country {id: r.country})
CREATE (l:Location {id: r.id, name: r.name, kind: 'city', country: c.country,
                    point: point({latitude: r.lat, longitude: r.lon})})-[:IN]->(c)`, map[string]any{"rows": []any{
		map[string]any{"id": "geo:tehran", "name": "Tehran", "country": "country:IRN", "lat": 35.6892, "lon": 51.3890},
		map[string]any{"id": "geo:isfahan", "name": "Isfahan", "country": "country:IRN", "lat": 32.6546, "lon": 51.6680},
		map[string]any{"id": "geo:tel-aviv", "name": "Tel Aviv", "country": "country:ISR", "lat": 32.0853, "lon": 34.7818},
	}})
	exec(`UNWIND $rows AS r
CREATE (a:Article {id: r.id, url: r.url, title: r.title, published_at: r.day, published: date(r.day)})
WITH a, r
UNWIND r.mentions AS m
MATCH (x {id: m})
CREATE (a)-[:MENTIONS {count: 1}]->(x)`, map[string]any{"rows": []any{
		map[string]any{"id": "art1", "url": "https://news.example/1", "title": "US sanctions Iran", "day": "2024-03-01",
			"mentions": []string{"country:USA", "country:IRN", "person:antony-blinken", "geo:tehran"}},
		map[string]any{"id": "art2", "url": "https://news.example/2", "title": "Dehqan warns US", "day": "2024-03-02",
			"mentions": []string{"country:USA", "country:IRN", "person:hossein-dehqan", "person:hossein-salami", "org:irgc"}},
		map[string]any{"id": "art3", "url": "https://news.example/3", "title": "Strikes on Israel", "day": "2024-03-10",
			"mentions": []string{"country:IRN", "country:ISR", "person:hossein-dehqan", "geo:tel-aviv", "geo:isfahan"}},
	}})
	exec(`UNWIND $rows AS r
CREATE (e:Event {id: r.id, type: r.type, date: date(r.date), fatalities: r.fatalities, summary: r.summary, num_articles: 1})
WITH e, r
MATCH (s:Actor {id: r.s}), (t:Actor {id: r.t}), (a:Article {id: r.article})
CREATE (s)-[:INITIATED]->(e)-[:TARGETED]->(t), (a)-[:REPORTS {evidence: r.summary, confidence: 0.9}]->(e)
WITH e, r
OPTIONAL MATCH (l:Location {id: r.loc})
FOREACH (_ IN CASE WHEN l IS NULL THEN [] ELSE [1] END | CREATE (e)-[:OCCURRED_IN]->(l))`, map[string]any{"rows": []any{
		map[string]any{"id": "e1", "type": "SANCTION", "date": "2024-03-01", "s": "country:USA", "t": "country:IRN", "loc": "geo:tehran", "article": "art1", "fatalities": nil, "summary": "The US imposed sanctions on Iran."},
		map[string]any{"id": "e2", "type": "THREATEN", "date": "2024-03-02", "s": "person:hossein-dehqan", "t": "country:USA", "loc": "geo:tehran", "article": "art2", "fatalities": nil, "summary": "Dehqan threatened the US."},
		map[string]any{"id": "e3", "type": "ASSAULT", "date": "2024-03-10", "s": "country:IRN", "t": "country:ISR", "loc": "geo:tel-aviv", "article": "art3", "fatalities": 3, "summary": "Iran struck Tel Aviv."},
		map[string]any{"id": "e4", "type": "CONSULT", "date": "2024-04-05", "s": "country:USA", "t": "country:ISR", "loc": nil, "article": "art3", "fatalities": nil, "summary": "The US consulted Israel."},
		map[string]any{"id": "e5", "type": "ASSAULT", "date": "2024-03-11", "s": "country:IRN", "t": "country:ISR", "loc": "geo:isfahan", "article": "art3", "fatalities": nil, "summary": "Iran fired from Isfahan."},
	}})
	exec(`UNWIND $rows AS r
CREATE (st:Statement {id: r.id, kind: r.kind, text: r.text, date: date(r.date)})
WITH st, r
MATCH (sp:Actor {id: r.speaker}), (ab:Actor {id: r.about}), (a:Article {id: r.article})
CREATE (sp)-[:SAID]->(st)-[:ABOUT]->(ab), (a)-[:QUOTES {evidence: r.text, confidence: 0.9}]->(st)`, map[string]any{"rows": []any{
		map[string]any{"id": "s1", "kind": "direct", "date": "2024-03-02", "speaker": "person:hossein-dehqan", "about": "country:USA", "article": "art2",
			"text": "The United States will regret any attack on Iranian soil."},
		map[string]any{"id": "s2", "kind": "indirect", "date": "2024-03-01", "speaker": "person:antony-blinken", "about": "country:IRN", "article": "art1",
			"text": "Iran must stop arming its proxies in the region."},
		map[string]any{"id": "s3", "kind": "direct", "date": "2024-03-10", "speaker": "country:IRN", "about": "country:ISR", "article": "art3",
			"text": "Israel crossed a red line."},
	}})
	// The rollup, as ingest computes it (ordered pairs).
	exec(`UNWIND $rows AS r
MATCH (s:Actor {id: r.s}), (t:Actor {id: r.t})
CREATE (s)-[:INTERACTS_WITH {events: r.n}]->(t)`, map[string]any{"rows": []any{
		map[string]any{"s": "country:USA", "t": "country:IRN", "n": 1},
		map[string]any{"s": "person:hossein-dehqan", "t": "country:USA", "n": 1},
		map[string]any{"s": "country:IRN", "t": "country:ISR", "n": 2},
		map[string]any{"s": "country:USA", "t": "country:ISR", "n": 1},
	}})
}

func TestIntegrationQueries(t *testing.T) {
	s := graphtest.Open(t)
	seedQueryGraph(t, s)
	ctx := context.Background()

	const (
		s1 = "The United States will regret any attack on Iranian soil."
		s2 = "Iran must stop arming its proxies in the region."
		s3 = "Israel crossed a red line."
	)
	l := func(xs ...any) []any {
		if xs == nil {
			return []any{}
		}
		return xs
	}
	tests := []struct {
		name string
		q    graph.Query
		cols []string
		rows [][]any
	}{
		{"relations events", graph.RelationsQueries("country:USA", "country:IRN")[0],
			[]string{"month", "initiator", "target", "type", "events"}, [][]any{
				{"2024-03", "Hossein Dehqan", "United States", "THREATEN", int64(1)},
				{"2024-03", "United States", "Iran", "SANCTION", int64(1)},
			}},
		{"relations statements", graph.RelationsQueries("country:USA", "country:IRN")[1],
			[]string{"date", "speaker", "about", "kind", "text"}, [][]any{
				{"2024-03-01", "Antony Blinken", l("Iran"), "indirect", s2},
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1},
			}},
		{"relations partners", graph.RelationsQueries("country:USA", "country:IRN")[2],
			[]string{"partner", "kind", "with_a", "with_b"}, [][]any{
				{"Israel", "country", int64(1), int64(2)},
			}},
		{"relations paths", graph.RelationsQueries("country:USA", "country:IRN")[3],
			[]string{"hops", "path"}, [][]any{
				{int64(2), "United States -[INITIATED]-> SANCTION 2024-03-01 -[TARGETED]-> Iran"},
			}},
		{"relations reversed", graph.RelationsQueries("country:IRN", "country:USA")[3],
			[]string{"hops", "path"}, [][]any{
				{int64(2), "Iran <-[TARGETED]- SANCTION 2024-03-01 <-[INITIATED]- United States"},
			}},
		{"relations without events", graph.RelationsQueries("country:ISR", "person:antony-blinken")[0],
			[]string{"month", "initiator", "target", "type", "events"}, nil},
		{"officials", graph.OfficialsQuery("country:IRN"),
			[]string{"person", "role", "of", "as_of", "first_seen", "last_seen"}, [][]any{
				{"Hossein Dehqan", "Defence Minister", "Iran", "2024-03-10", "2024-03-02", "2024-03-10"},
				{"Hossein Salami", "Commander", "IRGC", "2024-03-02", "2024-03-02", "2024-03-02"},
			}},
		{"officials of the US", graph.OfficialsQuery("country:USA"),
			[]string{"person", "role", "of", "as_of", "first_seen", "last_seen"}, [][]any{
				{"Antony Blinken", "Secretary of State", "United States", "2024-03-01", "2024-03-01", "2024-03-01"},
			}},
		{"timeline", graph.TimelineQuery("country:IRN", graph.TimelineFilter{}),
			[]string{"date", "type", "initiators", "targets", "places", "fatalities", "summary", "sources"}, [][]any{
				{"2024-03-01", "SANCTION", l("United States"), l("Iran"), l("Tehran"), nil, "The US imposed sanctions on Iran.", l("https://news.example/1")},
				{"2024-03-10", "ASSAULT", l("Iran"), l("Israel"), l("Tel Aviv"), int64(3), "Iran struck Tel Aviv.", l("https://news.example/3")},
				{"2024-03-11", "ASSAULT", l("Iran"), l("Israel"), l("Isfahan"), nil, "Iran fired from Isfahan.", l("https://news.example/3")},
			}},
		{"timeline from, type", graph.TimelineQuery("country:USA", graph.TimelineFilter{From: "2024-03-02", Type: "consult"}),
			[]string{"date", "type", "initiators", "targets", "places", "fatalities", "summary", "sources"}, [][]any{
				{"2024-04-05", "CONSULT", l("United States"), l("Israel"), l(), nil, "The US consulted Israel.", l("https://news.example/3")},
			}},
		{"timeline to", graph.TimelineQuery("country:USA", graph.TimelineFilter{To: "2024-03-02"}),
			[]string{"date", "type", "initiators", "targets", "places", "fatalities", "summary", "sources"}, [][]any{
				{"2024-03-01", "SANCTION", l("United States"), l("Iran"), l("Tehran"), nil, "The US imposed sanctions on Iran.", l("https://news.example/1")},
				{"2024-03-02", "THREATEN", l("Hossein Dehqan"), l("United States"), l("Tehran"), nil, "Dehqan threatened the US.", l("https://news.example/2")},
			}},
		{"statements", graph.StatementsQuery(graph.StatementFilter{}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-10", "Iran", l("Israel"), "direct", s3, nil},
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1, nil},
				{"2024-03-01", "Antony Blinken", l("Iran"), "indirect", s2, nil},
			}},
		{"statements by a country and its officials", graph.StatementsQuery(graph.StatementFilter{Speaker: "country:IRN"}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-10", "Iran", l("Israel"), "direct", s3, nil},
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1, nil},
			}},
		{"statements about", graph.StatementsQuery(graph.StatementFilter{About: "country:USA"}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1, nil},
			}},
		{"statements speaker and about", graph.StatementsQuery(graph.StatementFilter{Speaker: "country:USA", About: "country:IRN"}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-01", "Antony Blinken", l("Iran"), "indirect", s2, nil},
			}},
		{"statements from", graph.StatementsQuery(graph.StatementFilter{From: "2024-03-02"}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-10", "Iran", l("Israel"), "direct", s3, nil},
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1, nil},
			}},
		{"statements from, to", graph.StatementsQuery(graph.StatementFilter{From: "2024-03-01", To: "2024-03-02"}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-02", "Hossein Dehqan", l("United States"), "direct", s1, nil},
				{"2024-03-01", "Antony Blinken", l("Iran"), "indirect", s2, nil},
			}},
		{"statements limit", graph.StatementsQuery(graph.StatementFilter{Limit: 1}),
			[]string{"date", "speaker", "about", "kind", "text", "score"}, [][]any{
				{"2024-03-10", "Iran", l("Israel"), "direct", s3, nil},
			}},
		{"near Tehran 100 km", graph.NearQuery(graph.NearFilter{Lat: 35.6892, Lon: 51.3890, Km: 100}),
			[]string{"date", "type", "initiators", "targets", "place", "km", "summary"}, [][]any{
				{"2024-03-01", "SANCTION", l("United States"), l("Iran"), "Tehran", 0.0, "The US imposed sanctions on Iran."},
				{"2024-03-02", "THREATEN", l("Hossein Dehqan"), l("United States"), "Tehran", 0.0, "Dehqan threatened the US."},
			}},
		{"near Tehran 400 km since", graph.NearQuery(graph.NearFilter{Lat: 35.6892, Lon: 51.3890, Km: 400, Since: "2024-03-02"}),
			[]string{"date", "type", "initiators", "targets", "place", "km", "summary"}, [][]any{
				{"2024-03-02", "THREATEN", l("Hossein Dehqan"), l("United States"), "Tehran", 0.0, "Dehqan threatened the US."},
				{"2024-03-11", "ASSAULT", l("Iran"), l("Israel"), "Isfahan", 338.8, "Iran fired from Isfahan."},
			}},
		{"top", graph.TopQuery(graph.TopFilter{}),
			[]string{"actor_a", "actor_b", "events", "cooperation", "conflict", "first", "last"}, [][]any{
				{"Iran", "Israel", int64(2), int64(0), int64(2), "2024-03-10", "2024-03-11"},
				{"Iran", "United States", int64(1), int64(0), int64(1), "2024-03-01", "2024-03-01"},
				{"Israel", "United States", int64(1), int64(1), int64(0), "2024-04-05", "2024-04-05"},
				{"United States", "Hossein Dehqan", int64(1), int64(0), int64(1), "2024-03-02", "2024-03-02"},
			}},
		{"top of a type", graph.TopQuery(graph.TopFilter{Type: "assault"}),
			[]string{"actor_a", "actor_b", "events", "cooperation", "conflict", "first", "last"}, [][]any{
				{"Iran", "Israel", int64(2), int64(0), int64(2), "2024-03-10", "2024-03-11"},
			}},
		{"top since, limit", graph.TopQuery(graph.TopFilter{Since: "2024-03-05", Limit: 1}),
			[]string{"actor_a", "actor_b", "events", "cooperation", "conflict", "first", "last"}, [][]any{
				{"Iran", "Israel", int64(2), int64(0), int64(2), "2024-03-10", "2024-03-11"},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := s.Query(ctx, tc.q)
			require.NoError(t, err)
			assert.Equal(t, tc.cols, got.Columns)
			assert.Equal(t, tc.rows, got.Rows)
		})
	}
}

func TestIntegrationStatementSearch(t *testing.T) {
	s := graphtest.Open(t)
	seedQueryGraph(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		words, speaker string
		want           []string
	}{
		{"red line", "", []string{"Israel crossed a red line."}},
		{"REGRET attack", "", []string{"The United States will regret any attack on Iranian soil."}},
		{"red line", "country:USA", nil},
		{"iran", "", []string{"Iran must stop arming its proxies in the region."}},
		{`"(red)" AND`, "", nil}, // Lucene syntax is taken literally
	} {
		t.Run(tc.words, func(t *testing.T) {
			got, err := s.Query(ctx, graph.StatementsQuery(graph.StatementFilter{Search: tc.words, Speaker: tc.speaker}))
			require.NoError(t, err)
			var texts []string
			for _, r := range got.Maps() {
				texts = append(texts, r["text"].(string))
				assert.IsType(t, float64(0), r["score"])
			}
			assert.Equal(t, tc.want, texts)
		})
	}
}

func TestIntegrationResolve(t *testing.T) {
	s := graphtest.Open(t)
	seedQueryGraph(t, s)
	ctx := context.Background()
	for _, tc := range []struct {
		text  string
		hints []string
		id    string
		match string
	}{
		{"country:IRN", nil, "country:IRN", "id"},
		{"united states", nil, "country:USA", "name"},
		{"US", nil, "country:USA", "alias"},
		{"Washington", nil, "country:USA", "alias"},
		{"dehqan", nil, "person:hossein-dehqan", "alias"},
		{"Persia", []string{"country:XXX", "country:IRN"}, "country:IRN", "hint"},
		{"Salami", nil, "person:hossein-salami", "fulltext"},
		{"Revolutionary", nil, "org:irgc", "fulltext"},
	} {
		t.Run(tc.text, func(t *testing.T) {
			got, err := s.ResolveActor(ctx, tc.text, tc.hints)
			require.NoError(t, err)
			assert.Equal(t, tc.id, got.ID)
			assert.Equal(t, tc.match, got.Match)
		})
	}
	_, err := s.ResolveActor(ctx, "Atlantis", nil)
	assert.True(t, errors.Is(err, graph.ErrNotFound), "%v", err)
	_, err = s.ResolveActor(ctx, "(", nil)
	assert.True(t, errors.Is(err, graph.ErrNotFound), "%v", err)

	p, err := s.ResolvePlace(ctx, "tehran")
	require.NoError(t, err)
	assert.Equal(t, graph.PlaceRef{ID: "geo:tehran", Name: "Tehran", Lat: 35.6892, Lon: 51.3890}, p)
	_, err = s.ResolvePlace(ctx, "Atlantis")
	assert.True(t, errors.Is(err, graph.ErrNotFound))
}

func TestBrowserRendering(t *testing.T) {
	q := graph.TimelineQuery("country:IRN", graph.TimelineFilter{From: "2024-01-01"})
	out := q.Browser()
	// One statement Browser runs in one frame: no client commands, no ';'
	// (Browser would split the paste into a multi-statement frame).
	assert.True(t, strings.HasPrefix(out, "// Timeline\n"), out)
	assert.NotContains(t, out, ":param")
	assert.NotContains(t, out, ";")
	assert.NotContains(t, out, "$", "every parameter is written in")
	assert.Contains(t, out, "MATCH (x:Actor {id: 'country:IRN'})")
	assert.Contains(t, out, "date('2024-01-01')")
	assert.Contains(t, out, "LIMIT toInteger(500)")
	assert.NotContains(t, q.Cypher, "country:IRN", "the query itself stays parameterised")

	assert.Equal(t, ":params {actor: 'country:IRN', from: '2024-01-01', limit: 500, to: null, type: null}", q.BrowserParams())

	for v, want := range map[any]string{
		"it's": `'it\'s'`, nil: "null", int64(3): "3", 2.0: "2.0", 1.5: "1.5", true: "true",
	} {
		assert.Equal(t, want, graph.CypherLiteral(v))
	}
	assert.Equal(t, "['a', 'b\\\\']", graph.CypherLiteral([]string{"a", `b\`}))
	assert.Equal(t, `+red +line +\(x\) +and`, graph.LuceneAllWords("red  line (x) AND"))
}

// Canned queries never carry values in their text.
func TestQueriesAreParameterised(t *testing.T) {
	evil := `x'}) DETACH DELETE n //`
	qs := append(graph.RelationsQueries(evil, evil),
		graph.OfficialsQuery(evil),
		graph.TimelineQuery(evil, graph.TimelineFilter{From: evil, To: evil, Type: evil}),
		graph.StatementsQuery(graph.StatementFilter{Speaker: evil, About: evil, Search: evil}),
		graph.NearQuery(graph.NearFilter{Since: evil}),
		graph.TopQuery(graph.TopFilter{Type: evil, Since: evil}),
	)
	for _, q := range qs {
		assert.NotContains(t, q.Cypher, "DETACH", q.Name)
	}
}

func TestIntegrationRelationsGraph(t *testing.T) {
	s := graphtest.Open(t)
	seedQueryGraph(t, s)
	ctx := context.Background()

	got, err := s.Query(ctx, graph.RelationsGraphQuery("country:USA", "country:IRN"))
	require.NoError(t, err)
	require.Len(t, got.Rows, 1)
	r := got.Maps()[0]
	assert.Equal(t, "United States", r["x"])
	assert.Equal(t, "Iran", r["y"])
	assert.ElementsMatch(t, []any{
		"United States -[INITIATED]-> SANCTION 2024-03-01 -[TARGETED]-> Iran",
		"Hossein Dehqan -[INITIATED]-> THREATEN 2024-03-02 -[TARGETED]-> United States",
		"Hossein Dehqan -[SAID]-> “The United States will regret any…” -[ABOUT]-> United States",
		"Antony Blinken -[SAID]-> “Iran must stop arming its proxies…” -[ABOUT]-> Iran",
	}, r["direct"])
	assert.ElementsMatch(t, []any{
		"Hossein Dehqan -[HOLDS_ROLE]-> Iran", "Antony Blinken -[HOLDS_ROLE]-> United States",
	}, r["roles"])
	assert.Equal(t, []any{"United States -[INITIATED]-> SANCTION 2024-03-01 -[TARGETED]-> Iran"}, r["paths"])

	assert.Equal(t, "MaterialCooperation", graph.EventFamily("AID"))
	assert.Equal(t, "", graph.EventFamily("DANCE"))
}

// User words reach the Lucene parser: every special character is escaped.
func FuzzLuceneAllWords(f *testing.F) {
	for _, s := range []string{"red line", `"(x)" AND y~2`, `a\b`, "+-!():^[]{}~*?|&/", "ünïcode  words"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := graph.LuceneAllWords(s)
		escaped := false
		for _, r := range out {
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '+':
				// the required-term marker we add before each word
			case strings.ContainsRune(`-!():^[]"{}~*?|&/`, r):
				t.Fatalf("unescaped %q in %q (from %q)", r, out, s)
			}
		}
		if escaped {
			t.Fatalf("dangling escape in %q", out)
		}
	})
}
