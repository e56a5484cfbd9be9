package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/spf13/cobra"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/serve"
)

// notRun are the --help examples the test does not run, and why. Every
// other example that calls geokg runs against the demo graph.
var notRun = map[string]string{
	"geokg ingest --published 2024-03-05 notes/*.txt":                                               "the user's own notes",
	"geokg ingest https://example.org/world/rss.xml":                                                "a feed on the network",
	"geokg ingest --allow-network 10.20.0.0/16 http://news.intranet/rss":                            "a feed on the user's intranet",
	"zcat dump.jsonl.gz | geokg ingest --batch 200 -":                                               "the user's own dump",
	"curl -s https://example.org/story.html | geokg extract --url https://example.org/story.html -": "a page on the network",
	"NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=secret geokg schema apply":                      "names a server other than the test server",
	"geokg doctor --neo4j-uri bolt://127.0.0.1:7687":                                                "names a server other than the test server",
	"geokg --config ./prod.yaml config show":                                                        "the user's own config file",
	"geokg jobs run world":                                                                          "needs a job 'world' in the config, which fetches from the network",
	"geokg jobs run world --json | jq .ingested":                                                    "needs a job 'world' in the config, which fetches from the network",
	"*/15 * * * * geokg --config /etc/geokg.yaml jobs run world":                                    "a crontab line",
	"geokg serve --config geokg.yaml":                                                               "a daemon",
}

// example is one geokg call of a command's Example.
type example struct {
	line string            // as --help shows it
	env  map[string]string // VAR=value before geokg
	args []string          // after geokg, up to a pipe, redirection or comment
}

// helpExamples collects the Example lines of every command that call geokg.
func helpExamples(t *testing.T, cmd *cobra.Command) []example {
	var out []example
	for _, line := range strings.Split(cmd.Example, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") || !slices.Contains(strings.Fields(line), "geokg") {
			continue // a comment, a config file, a curl to the daemon
		}
		out = append(out, parseExample(t, line))
	}
	for _, sub := range cmd.Commands() {
		out = append(out, helpExamples(t, sub)...)
	}
	return out
}

// parseExample splits a shell line into VAR=value words, then geokg and its
// arguments (quotes removed, globs expanded), stopping at |, >, # or &&.
// args is nil when the line does not start with geokg (a pipe into it).
func parseExample(t *testing.T, line string) example {
	t.Helper()
	var words []string
	var w strings.Builder
	inWord, quote := false, rune(0)
	flush := func() {
		if inWord {
			words = append(words, w.String())
		}
		w.Reset()
		inWord = false
	}
loop:
	for _, r := range line {
		switch {
		case quote != 0 && r == quote:
			quote = 0
		case quote != 0:
			w.WriteRune(r)
		case r == '\'' || r == '"':
			quote, inWord = r, true
		case r == ' ' || r == '\t':
			flush()
		case (r == '|' || r == '>' || r == '&' || r == '#') && !inWord:
			break loop
		default:
			w.WriteRune(r)
			inWord = true
		}
	}
	flush()
	ex := example{line: line, env: map[string]string{}}
	for len(words) > 0 && strings.Contains(words[0], "=") && !strings.HasPrefix(words[0], "-") {
		k, v, _ := strings.Cut(words[0], "=")
		ex.env[k] = v
		words = words[1:]
	}
	if len(words) == 0 || words[0] != "geokg" {
		return ex
	}
	for _, a := range words[1:] {
		if strings.ContainsAny(a, "*?[") && !strings.HasPrefix(a, "-") {
			m, err := filepath.Glob(a)
			require.NoError(t, err, line)
			if len(m) > 0 {
				ex.args = append(ex.args, m...)
				continue
			}
		}
		ex.args = append(ex.args, a)
	}
	return ex
}

// TestIntegrationExamples runs every example of every command's --help, and
// every query of the Browser guide, against the demo graph ('make demo':
// seeds/articles ingested): each succeeds, and each query returns rows.
func TestIntegrationExamples(t *testing.T) {
	env := integrationEnv(t)
	st := graphtest.Open(t)
	t.Chdir("../..")                         // the examples name files of the repository
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config file
	ctx := context.Background()
	geokg := func(extra map[string]string, args ...string) (int, string, string) {
		var out, errOut bytes.Buffer
		code := Run(ctx, args, strings.NewReader(""), &out, &errOut, func(k string) string {
			if v, ok := extra[k]; ok {
				return v
			}
			return env[k]
		})
		return code, out.String(), errOut.String()
	}
	code, _, errOut := geokg(nil, "ingest", "seeds/articles")
	require.Equal(t, 0, code, errOut)

	// rows runs Cypher (a --cypher output, a guide query) on the demo graph.
	rows := func(cypher string, params map[string]any) int {
		res, err := neo4j.ExecuteQuery(ctx, st.Driver(), cypher, params, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(st.Database()))
		require.NoError(t, err, cypher)
		return len(res.Records)
	}

	examples := helpExamples(t, newRootCmd(&App{}))
	require.NotEmpty(t, examples)
	seen := map[string]bool{}
	for _, ex := range examples {
		seen[ex.line] = true
		t.Run(ex.line, func(t *testing.T) {
			if why, ok := notRun[ex.line]; ok {
				t.Logf("not run: %s", why)
				return
			}
			require.NotNil(t, ex.args, "an example that does not start with geokg needs a reason in notRun")
			code, out, errOut := geokg(ex.env, ex.args...)
			require.Equal(t, 0, code, "stderr: %s", errOut)
			assert.NotEmpty(t, strings.TrimSpace(out), "prints something")
			if ex.args[0] != "query" {
				return
			}
			if slices.Contains(ex.args, "--cypher") {
				assert.Positive(t, rows(out, nil), "the Cypher returns rows: %s", out)
				return
			}
			assert.True(t, hasRows(out), "returns rows:\n%s", out)
		})
	}
	for line := range notRun {
		assert.True(t, seen[line], "notRun names %q, which is no longer an example", line)
	}

	for _, slide := range serve.GuideSlides() {
		for _, q := range slide.Queries {
			t.Run("guide/"+slide.Title+"/"+q.Title, func(t *testing.T) {
				n := rows(q.Cypher, q.Params)
				assert.Positive(t, n, "returns rows on the demo graph")
				assert.Equal(t, n, rows(q.Browser(), nil), "with its values written in, as --cypher prints it")
			})
		}
	}
}

// hasRows tells whether a query's output (table, CSV or JSON) has a row.
func hasRows(out string) bool {
	out = strings.TrimSpace(out)
	if strings.HasPrefix(out, "[") || strings.HasPrefix(out, "{") {
		var v any
		if json.Unmarshal([]byte(out), &v) != nil {
			return false
		}
		switch x := v.(type) {
		case []any:
			return len(x) > 0
		case map[string]any:
			for _, t := range x {
				if rows, ok := t.([]any); ok && len(rows) > 0 {
					return true
				}
			}
		}
		return false
	}
	// Tables (one per "== title" section) and CSV: a line after the header.
	for _, section := range strings.Split(out, "\n\n") {
		var lines []string
		for _, l := range strings.Split(section, "\n") {
			if l != "" && !strings.HasPrefix(l, "== ") && l != "(none)" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 1 {
			return true
		}
	}
	return false
}
