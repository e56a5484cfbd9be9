package pipeline_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/source"
)

var update = flag.Bool("update", false, "rewrite the output blocks of the README's example queries")

// readmeExamples are the Cypher examples of the README's "The graph"
// section: each ```cypher block followed by a plain ``` block with its
// output. A block that ends with "..." shows the first rows only.
type readmeExample struct {
	cypher   string
	want     []string // output lines, without a final "..."
	truncate bool
	at       [2]int // byte range of the output block's body in the README
}

const readmePath = "../../README.md"

func readmeExamples(t *testing.T, md string) []readmeExample {
	t.Helper()
	var out []readmeExample
	rest, off := md, 0
	for {
		i := strings.Index(rest, "```cypher\n")
		if i < 0 {
			return out
		}
		body := rest[i+len("```cypher\n"):]
		j := strings.Index(body, "```\n")
		require.GreaterOrEqual(t, j, 0, "unclosed cypher block")
		cypher := body[:j]
		after := body[j+len("```\n"):]
		bodyOff := off + i + len("```cypher\n") + j + len("```\n")
		if strings.HasPrefix(after, "```\n") {
			outBody := after[len("```\n"):]
			k := strings.Index(outBody, "```\n")
			require.GreaterOrEqual(t, k, 0, "unclosed output block")
			lines := strings.Split(strings.TrimSuffix(outBody[:k], "\n"), "\n")
			ex := readmeExample{cypher: cypher, at: [2]int{bodyOff + len("```\n"), bodyOff + len("```\n") + k}}
			if lines[len(lines)-1] == "..." {
				ex.truncate, lines = true, lines[:len(lines)-1]
			}
			ex.want = lines
			out = append(out, ex)
		}
		rest, off = after, bodyOff
	}
}

// TestREADMEQueries runs the README's example queries against the graph of
// the sample articles and checks the output the README shows (refresh it
// with -update).
func TestREADMEQueries(t *testing.T) {
	s := graphtest.Open(t)
	sum := ingest(t, s, source.Options{}, seedsDir)
	require.Zero(t, sum.Failed, sum.Failures)

	raw, err := os.ReadFile(readmePath)
	require.NoError(t, err)
	md := string(raw)
	examples := readmeExamples(t, md)
	require.NotEmpty(t, examples, "the README has example queries with their output")
	updated := md
	for i := len(examples) - 1; i >= 0; i-- { // from the end, so offsets hold
		ex := examples[i]
		res, err := neo4j.ExecuteQuery(context.Background(), s.Driver(), ex.cypher, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.Database()))
		require.NoError(t, err, ex.cypher)
		require.NotEmpty(t, res.Records, ex.cypher)
		var b strings.Builder
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
		got := strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
		for i := range got {
			got[i] = strings.TrimRight(got[i], " ")
		}
		shown := got
		if ex.truncate && len(got) > len(ex.want) {
			shown = got[:len(ex.want)]
		}
		block := strings.Join(shown, "\n") + "\n"
		if len(shown) < len(got) {
			block += "...\n"
		}
		updated = updated[:ex.at[0]] + block + updated[ex.at[1]:]
		if !*update {
			assert.Equal(t, strings.Join(ex.want, "\n"), strings.Join(shown, "\n"),
				"README output of\n%s(refresh with: go test ./internal/pipeline -run TestREADMEQueries -update)", ex.cypher)
		}
	}
	if *update && updated != md {
		require.NoError(t, os.WriteFile(readmePath, []byte(updated), 0o644))
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
