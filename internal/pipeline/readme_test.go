package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/source"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// readmeQueries are the example queries of the README, run against the
// graph of the sample articles; their output is the golden file
// testdata/readme_queries.golden (refresh with -update). A difference is
// logged, not failed: the rows depend on the extractor's current output.
var readmeQueries = []struct{ title, cypher string }{
	{"Who accused whom", `MATCH (a:Actor)-[:INITIATED]->(e:Event {type: 'ACCUSE'})-[:TARGETED]->(b:Actor)
RETURN a.name AS accuser, b.name AS accused, toString(e.date) AS date, e.num_articles AS articles
ORDER BY date, accuser, accused`},
	{"Officials of a country and their roles", `MATCH (p:Person)-[h:HOLDS_ROLE]->(c:Country)
RETURN c.name AS country, p.name AS official, h.title AS role, toString(h.as_of) AS as_of
ORDER BY country, official`},
	{"Events within 300 km of Tallinn", `MATCH (tallinn:Location {name: 'Tallinn'})
MATCH (e:Event)-[:OCCURRED_IN]->(l:Location)
WHERE point.distance(l.point, tallinn.point) < 300000
OPTIONAL MATCH (s:Actor)-[:INITIATED]->(e)
OPTIONAL MATCH (e)-[:TARGETED]->(t:Actor)
RETURN l.name AS place, toInteger(round(point.distance(l.point, tallinn.point) / 1000)) AS km,
       e.type AS type, toString(e.date) AS date, collect(DISTINCT s.name) AS by, collect(DISTINCT t.name) AS against
ORDER BY km, date, type`},
}

func TestREADMEQueries(t *testing.T) {
	s := graphtest.Open(t)
	sum := ingest(t, s, source.Options{}, seedsDir)
	require.Zero(t, sum.Failed, sum.Failures)

	var b strings.Builder
	for _, q := range readmeQueries {
		res, err := neo4j.ExecuteQuery(context.Background(), s.Driver(), q.cypher, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.Database()))
		require.NoError(t, err, q.title)
		assert.NotEmpty(t, res.Records, q.title)
		fmt.Fprintf(&b, "// %s\n%s;\n\n", q.title, q.cypher)
		tw := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, strings.Join(res.Keys, "\t"))
		for _, r := range res.Records {
			cells := make([]string, len(r.Values))
			for i, v := range r.Values {
				cells[i] = cell(v)
			}
			fmt.Fprintln(tw, strings.Join(cells, "\t"))
		}
		require.NoError(t, tw.Flush())
		b.WriteString("\n")
	}
	golden := filepath.Join("testdata", "readme_queries.golden")
	if *update {
		require.NoError(t, os.WriteFile(golden, []byte(b.String()), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create the golden file")
	if string(want) != b.String() {
		// The rows follow the extractor, which other tests judge; a change
		// here is news for the README, not a failure of ingest.
		t.Logf("the README queries' output changed (refresh with -update and copy it into the README):\n%s", b.String())
	}
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			parts[i] = cell(e)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return fmt.Sprint(v)
}
