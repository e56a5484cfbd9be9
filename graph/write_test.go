package graph_test

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

// --- document builders ---------------------------------------------------

func sp(s string) *string   { return &s }
func fp(f float64) *float64 { return &f }
func ip(i int) *int         { return &i }

func country(code, name string, aliases ...string) schema.Actor {
	return schema.Actor{ID: "country:" + code, Name: name, Kind: schema.KindCountry, Country: sp(code),
		Aliases: aliases, Mentions: []schema.Span{{Text: name}}}
}

func person(id, name, countryCode, title, of string) schema.Actor {
	a := schema.Actor{ID: id, Name: name, Kind: schema.KindPerson, Country: sp(countryCode), Mentions: []schema.Span{{Text: name}}}
	if title != "" {
		a.Roles = []schema.Role{{Title: title, Of: of}}
	}
	return a
}

func city(id, name, cc string, lat, lon float64) schema.Location {
	return schema.Location{ID: id, Name: name, Kind: schema.LocCity, Country: sp(cc), Lat: fp(lat), Lon: fp(lon),
		Mentions: []schema.Span{{Text: name}}}
}

func event(typ string, src, tgt []string, loc, date, evidence string) schema.Event {
	e := schema.Event{Type: typ, Source: src, Target: tgt, Evidence: schema.Span{Start: 0, End: len(evidence), Text: evidence}, Confidence: 0.8}
	if loc != "" {
		e.Location = sp(loc)
	}
	if date != "" {
		e.Date = sp(date)
	}
	return e
}

func doc(id, text, published string, actors []schema.Actor, locs []schema.Location, events []schema.Event, stmts []schema.Statement) schema.Document {
	return schema.Document{
		Article: schema.Article{ID: id, Title: sp("Title of " + id), URL: sp("https://news.example/" + id),
			Source: sp("news.example"), PublishedAt: sp(published), Text: text},
		Actors: actors, Locations: locs, Events: events, Statements: stmts, Extractor: "test/1",
	}
}

// corpus is three articles: a and b report the same strike; b and c quote
// the same statement; c carries an accusation and a role.
func corpus() []schema.Document {
	usa, syr, rus, isr := country("USA", "United States", "Washington"), country("SYR", "Syria", "Damascus"),
		country("RUS", "Russia", "Moscow", "the Kremlin"), country("ISR", "Israel")
	lavrov := person("person:sergei-lavrov", "Sergei Lavrov", "RUS", "Foreign Minister", "country:RUS")
	homs := city("geo:169577", "Homs", "SYR", 34.72405, 36.72559)
	strike := event("ASSAULT", []string{"country:USA"}, []string{"country:SYR"}, "geo:169577", "2017-04-07",
		"US warships fired 59 Tomahawk missiles at an air base near Homs.")
	strike.Fatalities = ip(6)
	strike.Cameo = sp("195")
	strike.Quantities = []schema.Quantity{{Value: 59, Unit: "missiles", Text: "59 Tomahawk missiles"}}
	strikeB := strike
	strikeB.Fatalities = ip(9)
	strikeB.Confidence = 0.9
	strikeB.Evidence = schema.Span{Start: 3, End: 40, Text: "The United States struck Syria near Homs."}
	accuse := event("ACCUSE", []string{"person:sergei-lavrov"}, []string{"country:USA"}, "", "2017-04-08",
		"Lavrov accused Washington of aggression.")
	consult := event("CONSULT", []string{"country:RUS"}, []string{"country:SYR"}, "", "2017-04-09",
		"Russian and Syrian officials met in Moscow.")
	quote := schema.Statement{Kind: schema.StatementDirect, Text: "This is an act of aggression", Speaker: sp("person:sergei-lavrov"),
		About: []string{"country:USA"}, Evidence: schema.Span{Start: 0, End: 30, Text: "This is an act of aggression"}, Confidence: 0.9}
	quoteC := quote
	quoteC.About = []string{"country:USA", "country:SYR"}
	return []schema.Document{
		doc("article:a", "US warships fired 59 Tomahawk missiles at an air base near Homs.", "2017-04-07",
			[]schema.Actor{usa, syr}, []schema.Location{homs}, []schema.Event{strike}, nil),
		doc("article:b", "The United States struck Syria near Homs. Lavrov said: \"This is an act of aggression.\"", "2017-04-07T18:00:00Z",
			[]schema.Actor{usa, syr, lavrov}, []schema.Location{homs}, []schema.Event{strikeB}, []schema.Statement{quote}),
		doc("article:c", "Lavrov accused Washington of aggression. Russian and Syrian officials met in Moscow. Israel watched.", "2017-04-09",
			[]schema.Actor{usa, syr, rus, isr, lavrov}, nil, []schema.Event{accuse, consult}, []schema.Statement{quoteC}),
	}
}

// --- graph snapshots -----------------------------------------------------

type snapshot = graphtest.Snapshot

func snap(t *testing.T, s *graph.Store) snapshot { return graphtest.TakeSnapshot(t, s) }

func assertSameGraph(t *testing.T, want, got snapshot) { graphtest.AssertSameGraph(t, want, got) }

func query(t *testing.T, s *graph.Store, cypher string, params map[string]any) []map[string]any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.Driver(), cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.Database()))
	require.NoError(t, err)
	var rows []map[string]any
	for _, r := range res.Records {
		rows = append(rows, r.AsMap())
	}
	return rows
}

func one(t *testing.T, s *graph.Store, cypher string, params map[string]any) any {
	t.Helper()
	rows := query(t, s, cypher, params)
	require.Len(t, rows, 1, cypher)
	for _, v := range rows[0] {
		return v
	}
	return nil
}

// --- tests -------------------------------------------------------------

func TestWriteIdempotent(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()
	docs := corpus()

	st, err := s.WriteArticles(ctx, docs)
	require.NoError(t, err)
	assert.Equal(t, 3, st.New)
	assert.Positive(t, st.NodesCreated)
	assert.Positive(t, st.RelsCreated)
	first := snap(t, s)

	st, err = s.WriteArticles(ctx, docs)
	require.NoError(t, err)
	assert.Equal(t, graph.WriteStats{Unchanged: 3}, st)
	second := snap(t, s)
	assert.Equal(t, first.Nodes, second.Nodes)
	assert.Equal(t, first.Rels, second.Rels)
	assert.Equal(t, first.Props, second.Props)
	assertSameGraph(t, first, second)

	// One real-world thing, one node.
	assert.EqualValues(t, 1, one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN count(e)`, nil))
	assert.EqualValues(t, 2, one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN e.num_articles`, nil))
	assert.EqualValues(t, 2, one(t, s, `MATCH (:Article)-[r:REPORTS]->(:Event {type: 'ASSAULT'}) RETURN count(r)`, nil))
	assert.EqualValues(t, 9, one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN e.fatalities`, nil), "the largest toll")
	assert.Equal(t, "The United States struck Syria near Homs.", one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN e.summary`, nil),
		"the most confident report summarises")
	assert.Equal(t, "195", one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN e.cameo`, nil))
	assert.EqualValues(t, 1, one(t, s, `MATCH (e:Event:MaterialConflict {type: 'ASSAULT'}) RETURN count(e)`, nil), "family label")
	assert.EqualValues(t, 1, one(t, s, `MATCH (e:Event:VerbalConflict {type: 'ACCUSE'}) RETURN count(e)`, nil), "family label")
	assert.Equal(t, "ACCUSE 2017-04-08", one(t, s, `MATCH (e:Event {type: 'ACCUSE'}) RETURN e.caption`, nil), "Browser's caption")
	assert.EqualValues(t, 1, one(t, s, `MATCH (c:Actor {id: 'country:USA'}) RETURN count(c)`, nil))
	assert.EqualValues(t, 1, one(t, s, `MATCH (st:Statement) RETURN count(st)`, nil))
	assert.EqualValues(t, 2, one(t, s, `MATCH (:Statement)-[:ABOUT]->(a) RETURN count(a)`, nil), "ABOUT is the union")
	assert.Equal(t, []any{"Moscow", "the Kremlin"}, one(t, s, `MATCH (c:Country {id: 'country:RUS'}) RETURN c.aliases`, nil))
	assert.Equal(t, "Foreign Minister", one(t, s,
		`MATCH (:Person {id: 'person:sergei-lavrov'})-[h:HOLDS_ROLE]->(:Country {id: 'country:RUS'}) RETURN h.title`, nil))
	assert.Equal(t, "SYR", one(t, s, `MATCH (:Location {name: 'Homs'})-[:IN]->(c:Country) RETURN c.country`, nil))
	assert.EqualValues(t, 1, one(t, s, `MATCH (l:Location {name: 'Homs'}) RETURN count(l.point)`, nil))

	// The rollup.
	roll := query(t, s, `MATCH (a:Actor)-[i:INTERACTS_WITH]->(b:Actor)
RETURN a.id AS a, b.id AS b, i.events AS n, i.by_type AS by, i.cooperation AS coop, i.conflict AS conf,
       toString(i.first) AS first, toString(i.last) AS last ORDER BY a, b`, nil)
	assert.Equal(t, []map[string]any{
		{"a": "country:RUS", "b": "country:SYR", "n": int64(1), "by": `{"CONSULT":1}`, "coop": int64(1), "conf": int64(0), "first": "2017-04-09", "last": "2017-04-09"},
		{"a": "country:USA", "b": "country:SYR", "n": int64(1), "by": `{"ASSAULT":1}`, "coop": int64(0), "conf": int64(1), "first": "2017-04-07", "last": "2017-04-07"},
		{"a": "person:sergei-lavrov", "b": "country:USA", "n": int64(1), "by": `{"ACCUSE":1}`, "coop": int64(0), "conf": int64(1), "first": "2017-04-08", "last": "2017-04-08"},
	}, roll)
}

// TestReplaceEqualsFreshIngest edits articles in several ways; after each
// edit the graph must equal the graph of a fresh ingest of the current set.
func TestReplaceEqualsFreshIngest(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()

	fresh := func(docs []schema.Document) snapshot {
		require.NoError(t, graph.WipeData(ctx, s))
		_, err := s.WriteArticles(ctx, docs)
		require.NoError(t, err)
		return snap(t, s)
	}

	edits := []struct {
		name string
		edit func(docs []schema.Document) []schema.Document
	}{
		{"drop the event only a asserted... b still reports it", func(d []schema.Document) []schema.Document {
			d[0].Events = nil
			d[0].Article.Text += " (corrected)"
			return d
		}},
		{"drop the only report of an event", func(d []schema.Document) []schema.Document {
			d[2].Events = d[2].Events[:1] // CONSULT disappears, RUS->SYR rollup too
			d[2].Article.Text += " (edited)"
			return d
		}},
		{"change a role, an alias and the quote's about", func(d []schema.Document) []schema.Document {
			d[2].Actors[4].Roles = []schema.Role{{Title: "Minister of Foreign Affairs", Of: "country:RUS"}}
			d[2].Actors[2].Aliases = []string{"Moscow"}
			d[2].Statements[0].About = []string{"country:SYR"}
			d[2].Article.Text += " (v2)"
			return d
		}},
		{"an actor mentioned by one article only goes away", func(d []schema.Document) []schema.Document {
			d[2].Actors = d[2].Actors[:3] // Israel and Lavrov no longer in c
			d[2].Events = d[2].Events[1:]
			d[2].Statements = nil
			d[2].Article.Text += " (v3)"
			return d
		}},
		{"the same event gets a new date", func(d []schema.Document) []schema.Document {
			d[1].Events[0].Date = sp("2017-04-06")
			d[1].Article.Text += " (date fixed)"
			return d
		}},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			// ingest the original, then the edited set on top
			require.NoError(t, graph.WipeData(ctx, s))
			_, err := s.WriteArticles(ctx, corpus())
			require.NoError(t, err)
			edited := e.edit(corpus())
			st, err := s.WriteArticles(ctx, edited)
			require.NoError(t, err)
			assert.Equal(t, 1, st.Updated)
			assert.Equal(t, 2, st.Unchanged)
			got := snap(t, s)
			want := fresh(edited)
			assertSameGraph(t, want, got)
		})
	}

	t.Run("the event disappears unless another article reports it", func(t *testing.T) {
		require.NoError(t, graph.WipeData(ctx, s))
		_, err := s.WriteArticles(ctx, corpus())
		require.NoError(t, err)
		d := corpus()
		d[0].Events, d[0].Article.Text = nil, "Nothing happened."
		_, err = s.WriteArticles(ctx, d)
		require.NoError(t, err)
		assert.EqualValues(t, 1, one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN e.num_articles`, nil))
		d[1].Events, d[1].Article.Text = nil, "Nothing happened either."
		st, err := s.WriteArticles(ctx, d)
		require.NoError(t, err)
		assert.Positive(t, st.NodesDeleted)
		assert.EqualValues(t, 0, one(t, s, `MATCH (e:Event {type: 'ASSAULT'}) RETURN count(e)`, nil))
		assert.EqualValues(t, 0, one(t, s, `MATCH (:Actor {id: 'country:USA'})-[i:INTERACTS_WITH]->(:Actor {id: 'country:SYR'}) RETURN count(i)`, nil))
	})

	t.Run("deleting articles", func(t *testing.T) {
		require.NoError(t, graph.WipeData(ctx, s))
		_, err := s.WriteArticles(ctx, corpus())
		require.NoError(t, err)
		st, err := s.DeleteArticles(ctx, []string{"article:c"})
		require.NoError(t, err)
		assert.Equal(t, 1, st.Deleted)
		got := snap(t, s)
		assertSameGraph(t, fresh(corpus()[:2]), got)
		_, err = s.DeleteArticles(ctx, []string{"article:a", "article:b"})
		require.NoError(t, err)
		assert.Zero(t, snap(t, s).Nodes, "nothing left once no article supports it")
	})
}

func TestConcurrentWrites(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			docs := corpus()
			if i%2 == 1 {
				for l, r := 0, len(docs)-1; l < r; l, r = l+1, r-1 {
					docs[l], docs[r] = docs[r], docs[l]
				}
			}
			for _, d := range docs {
				if _, err := s.WriteArticles(ctx, []schema.Document{d}); err != nil {
					errs[i] = err
					return
				}
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		require.NoError(t, err)
	}
	got := snap(t, s)
	for _, label := range []string{"Article", "Actor", "Location", "Event", "Statement"} {
		rows := query(t, s, fmt.Sprintf(`MATCH (n:%s) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN id`, label), nil)
		assert.Empty(t, rows, "duplicate %s nodes", label)
	}
	rows := query(t, s, `MATCH (a)-[r]->(b) WITH a, type(r) AS t, b, count(*) AS c WHERE c > 1 AND t <> 'HOLDS_ROLE' RETURN a.id, t, b.id`, nil)
	assert.Empty(t, rows, "duplicate relationships")
	require.NoError(t, graph.WipeData(ctx, s))
	_, err := s.WriteArticles(ctx, corpus())
	require.NoError(t, err)
	assertSameGraph(t, snap(t, s), got)
}

func TestInjectionIsData(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()
	evil := "x'}) MATCH (n) DETACH DELETE n //"
	d := doc("article:evil", "Text with "+evil+" and `backticks` and $param and \\u0027", "2020-01-01",
		[]schema.Actor{{ID: "person:" + evil, Name: evil, Kind: schema.KindPerson, Aliases: []string{"}) RETURN 1 //"},
			Mentions: []schema.Span{{Text: evil}}}}, nil, nil, nil)
	d.Article.Title = sp(`"; MATCH (n) DETACH DELETE n; //`)
	d.Article.URL = sp("https://evil.example/?q=') CALL db.clearQueryCaches() //")
	// a bystander that must survive
	_, err := s.WriteArticles(ctx, corpus()[:1])
	require.NoError(t, err)
	_, err = s.WriteArticles(ctx, []schema.Document{d})
	require.NoError(t, err)
	assert.Equal(t, *d.Article.Title, one(t, s, `MATCH (a:Article {id: 'article:evil'}) RETURN a.title`, nil))
	assert.Equal(t, *d.Article.URL, one(t, s, `MATCH (a:Article {id: 'article:evil'}) RETURN a.url`, nil))
	assert.Equal(t, evil, one(t, s, `MATCH (p:Person {id: $id}) RETURN p.name`, map[string]any{"id": "person:" + evil}))
	assert.EqualValues(t, 1, one(t, s, `MATCH (a:Article {id: 'article:a'}) RETURN count(a)`, nil))
}

func TestWriteRejectsDocumentWithoutID(t *testing.T) {
	s := graphtest.Open(t)
	_, err := s.WriteArticles(context.Background(), []schema.Document{{}})
	require.Error(t, err)
}
