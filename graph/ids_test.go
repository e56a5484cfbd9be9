package graph_test

import (
	"context"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

// Ids too large for Neo4j's index, as JSON-lines input may carry, are
// capped the same way wherever they appear, and so are names and urls (also
// indexed): the article is written whole, its neighbours in the batch too,
// and a re-write changes nothing.
func TestIntegrationOversizeIDsAreCapped(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()
	long := func(prefix string) string { return prefix + strings.Repeat("very-long-name-", 1400) } // ~21 KB
	pid, oid, lid, aid := long("person:"), long("org:"), long("geo:"), long("article:")

	// Neo4j itself refuses such a key: what the cap protects against.
	sess := s.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.Database()})
	res, err := sess.Run(ctx, `CREATE (:Actor:Person {id: $id})`, map[string]any{"id": pid})
	if err == nil {
		_, err = res.Consume(ctx)
	}
	require.NoError(t, sess.Close(ctx))
	require.ErrorContains(t, err, "too large to index", "an uncapped id fails in Neo4j")

	text := "A very long name accused Russia in a very long place."
	d := doc(aid, text, "2025-03-01", []schema.Actor{
		person(pid, strings.Repeat("Name ", 3000), "EST", "Chairman", oid), // 15 KB: the name index refuses it too
		country("RUS", "Russia"),
	}, []schema.Location{city(lid, "Very Long Place", "EST", 59.4, 24.7)},
		[]schema.Event{event("ACCUSE", []string{pid}, []string{"country:RUS"}, lid, "2025-03-01", text)},
		[]schema.Statement{{Kind: "reported", Text: "Russia spies", Speaker: sp(pid), About: []string{"country:RUS", oid},
			Evidence: schema.Span{Text: text, End: len(text)}, Confidence: 0.7}})
	st, err := s.WriteArticles(ctx, append(corpus()[:1], d))
	require.NoError(t, err)
	assert.Equal(t, 2, st.New)

	capped := func(id string) string { return schema.Cap(id, schema.MaxIDLen) }
	assert.EqualValues(t, 1, one(t, s, `MATCH (a:Article {id: $id}) RETURN count(a)`, map[string]any{"id": capped(aid)}))
	assert.EqualValues(t, 1, one(t, s, `MATCH (:Person {id: $p})-[:INITIATED]->(:Event {type: 'ACCUSE'})-[:TARGETED]->(:Actor {id: 'country:RUS'}) RETURN count(*)`,
		map[string]any{"p": capped(pid)}))
	assert.EqualValues(t, 1, one(t, s, `MATCH (:Event {type: 'ACCUSE'})-[:OCCURRED_IN]->(l:Location {id: $l}) RETURN count(l)`,
		map[string]any{"l": capped(lid)}))
	assert.EqualValues(t, 1, one(t, s, `MATCH (:Person {id: $p})-[:HOLDS_ROLE]->(o {id: $o}) RETURN count(o)`,
		map[string]any{"p": capped(pid), "o": capped(oid)}))
	assert.EqualValues(t, 0, one(t, s, `MATCH (n) WHERE size(n.id) > $max RETURN count(n)`, map[string]any{"max": schema.MaxIDLen}))
	assert.EqualValues(t, 0, one(t, s, `MATCH (n) WHERE size(n.name) > $max OR size(n.url) > $max RETURN count(n)`,
		map[string]any{"max": schema.MaxIndexedLen}))

	st, err = s.WriteArticles(ctx, []schema.Document{d})
	require.NoError(t, err)
	assert.Equal(t, 1, st.Unchanged, "the capped ids are stable")
}
