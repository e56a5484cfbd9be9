package cli

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

func strp(s string) *string { return &s }

// seedSmallGraph writes two articles through the ingest write path.
func seedSmallGraph(t *testing.T) {
	t.Helper()
	s := graphtest.Open(t)
	lat, lon := 34.72405, 36.72559
	usa := schema.Actor{ID: "country:USA", Name: "United States", Kind: schema.KindCountry, Country: strp("USA"),
		Aliases: []string{"Washington", "US"}, Mentions: []schema.Span{{Text: "US"}}}
	syr := schema.Actor{ID: "country:SYR", Name: "Syria", Kind: schema.KindCountry, Country: strp("SYR"),
		Aliases: []string{"Damascus"}, Mentions: []schema.Span{{Text: "Syria"}}}
	mattis := schema.Actor{ID: "person:jim-mattis", Name: "Jim Mattis", Kind: schema.KindPerson, Country: strp("USA"),
		Aliases: []string{"Mattis"}, Roles: []schema.Role{{Title: "Defense Secretary", Of: "country:USA"}},
		Mentions: []schema.Span{{Text: "Mattis"}}}
	homs := schema.Location{ID: "geo:169577", Name: "Homs", Kind: schema.LocCity, Country: strp("SYR"), Lat: &lat, Lon: &lon,
		Mentions: []schema.Span{{Text: "Homs"}}}
	ev := "The United States struck an air base near Homs."
	st := "Syria will pay a price for using chemical weapons."
	doc := schema.Document{
		Article: schema.Article{ID: "a1", Title: strp("US strikes Syria"), URL: strp("https://news.example/a1"),
			PublishedAt: strp("2017-04-07"), Text: ev + " " + st},
		Actors: []schema.Actor{usa, syr, mattis}, Locations: []schema.Location{homs},
		Events: []schema.Event{{Type: "ASSAULT", Source: []string{"country:USA"}, Target: []string{"country:SYR"},
			Location: strp("geo:169577"), Date: strp("2017-04-07"), Evidence: schema.Span{End: len(ev), Text: ev}, Confidence: 0.9}},
		Statements: []schema.Statement{{Kind: schema.StatementDirect, Text: st, Speaker: strp("person:jim-mattis"),
			About: []string{"country:SYR"}, Evidence: schema.Span{Text: st}, Confidence: 0.9}},
		Extractor: "test/1",
	}
	_, err := s.WriteArticles(context.Background(), []schema.Document{doc})
	require.NoError(t, err)
}

func TestIntegrationQueryCommands(t *testing.T) {
	env := integrationEnv(t)
	seedSmallGraph(t)

	code, out, errOut := run(t, env, "query", "relations", "Washington", "Damascus")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, `resolved "Washington" → United States (country:USA) by alias`)
	assert.Contains(t, out, "== Events between them, by month and type\nMONTH    INITIATOR      TARGET  TYPE     EVENTS\n2017-04  United States  Syria   ASSAULT  1\n")
	assert.Contains(t, out, "2017-04-07  Jim Mattis  Syria  direct  Syria will pay a price for using chemical weapons.")
	assert.Contains(t, out, "2     United States -[INITIATED]-> ASSAULT 2017-04-07 -[TARGETED]-> Syria")

	code, out, errOut = run(t, env, "query", "relations", "US", "Syria", "--json")
	require.Equal(t, 0, code, errOut)
	var rel map[string][]map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rel))
	assert.Equal(t, []map[string]any{{"month": "2017-04", "initiator": "United States", "target": "Syria", "type": "ASSAULT", "events": 1.0}}, rel["events"])
	assert.Len(t, rel["paths"], 1)

	code, out, errOut = run(t, env, "query", "officials", "United States", "--csv")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "person,role,of,as_of,first_seen,last_seen\nJim Mattis,Defense Secretary,United States,2017-04-07,2017-04-07,2017-04-07\n", out)

	code, out, errOut = run(t, env, "query", "timeline", "mattis")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "(none)\n", out)

	code, out, errOut = run(t, env, "query", "timeline", "Syria", "--type", "assault", "--json")
	require.Equal(t, 0, code, errOut)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	require.Len(t, rows, 1)
	assert.Equal(t, []any{"https://news.example/a1"}, rows[0]["sources"])
	assert.Equal(t, []any{"Homs"}, rows[0]["places"])

	code, out, errOut = run(t, env, "query", "statements", "--speaker", "US", "--search", "chemical weapons", "--csv")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "date,speaker,about,kind,text,score\n2017-04-07,Jim Mattis,Syria,direct,Syria will pay"), out)

	code, out, errOut = run(t, env, "query", "statements", "--from", "2017-04-07", "--to", "2017-04-07", "--csv")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2017-04-07,Jim Mattis,Syria,direct,Syria will pay")
	code, out, errOut = run(t, env, "query", "statements", "--from", "2017-04-08")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "(none)\n", out)

	code, out, errOut = run(t, env, "query", "near", "Homs", "--km", "10")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "2017-04-07  ASSAULT  United States  Syria    Homs   0   ")

	code, out, errOut = run(t, env, "query", "near", "34.9,36.7", "--km", "10")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "(none)\n", out, "Homs is ~20 km away")

	code, out, errOut = run(t, env, "query", "top", "--csv")
	require.Equal(t, 0, code, errOut)
	assert.Equal(t, "actor_a,actor_b,events,cooperation,conflict,first,last\nSyria,United States,1,0,1,2017-04-07,2017-04-07\n", out)

	code, out, errOut = run(t, env, "query", "relations", "US", "Syria", "--cypher")
	require.Equal(t, 0, code, errOut)
	assert.True(t, strings.HasPrefix(out, "// Relations as a graph\nMATCH (x:Actor {id: 'country:USA'})\nMATCH (y:Actor {id: 'country:SYR'})\n"), out)
	assert.Equal(t, 1, strings.Count(out, "// "), "one statement, which Browser runs in one frame")

	code, _, errOut = run(t, env, "query", "relations", "Atlantis", "Syria")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, `no actor in the graph matches "Atlantis"`)
}

func TestQueryUsage(t *testing.T) {
	for _, args := range [][]string{
		{"query", "relations", "US"},
		{"query", "timeline", "US", "--type", "BOMB"},
		{"query", "top", "--since", "yesterday"},
		{"query", "near", "Homs"},
		{"query", "statements", "--json", "--csv"},
		{"query", "statements", "--from", "yesterday"},
		{"query", "statements", "--to", "soon"},
	} {
		code, _, errOut := run(t, nil, args...)
		assert.Equal(t, exitUsage, code, "%v: %s", args, errOut)
	}
	code, out, _ := run(t, nil, "query", "relations", "--help")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "geokg query relations Estonia Russia")
}

func TestParseSince(t *testing.T) {
	now := time.Date(2024, 3, 31, 12, 0, 0, 0, time.UTC)
	for in, want := range map[string]string{
		"": "", "2024-01-02": "2024-01-02", "30d": "2024-03-01", "2w": "2024-03-17", "1m": "2024-03-02",
		"1y": "2023-03-31", "36h": "2024-03-30", "2024-01-02T23:00:00-05:00": "2024-01-03",
	} {
		got, err := parseSince(in, now)
		require.NoError(t, err, in)
		assert.Equal(t, want, got, in)
	}
	_, err := parseSince("soon", now)
	assert.Error(t, err)
}

func FuzzParseSince(f *testing.F) {
	for _, s := range []string{"", "30d", "2024-01-02", "99999999y", "1h", "2024-01-02T03:04:05Z", "-3d"} {
		f.Add(s)
	}
	now := time.Date(2024, 3, 31, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, s string) {
		got, err := parseSince(s, now)
		if err != nil || got == "" {
			return
		}
		if _, perr := time.Parse("2006-01-02", got); perr != nil && !strings.HasPrefix(got, "-") && len(got) == 10 {
			t.Fatalf("parseSince(%q) = %q, not a day", s, got)
		}
	})
}
