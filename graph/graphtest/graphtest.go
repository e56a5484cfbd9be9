// Package graphtest connects integration tests to the real Neo4j named by
// GEOKG_TEST_NEO4J_URI (with GEOKG_TEST_NEO4J_USERNAME, _PASSWORD, _DATABASE)
// and gives each test a wiped database. The variables are the tests' own, not
// NEO4J_URI: a user's exported NEO4J_URI (the graph 'make demo' built) must
// never be wiped by a test. scripts/test ('make test') starts a server of its
// own and sets them. Without GEOKG_TEST_NEO4J_URI the tests are skipped with
// a message saying how to run them.
package graphtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// Prefix names the test server's variables: GEOKG_TEST_NEO4J_URI, …
const Prefix = "GEOKG_TEST_"

// SkipMessage is shown when GEOKG_TEST_NEO4J_URI is unset.
const SkipMessage = "integration test skipped: GEOKG_TEST_NEO4J_URI is not set (run `make test`, which starts a Neo4j of its own for the tests; NEO4J_URI is never used by tests)"

// Config is the test server's configuration, from the environment.
func Config(t testing.TB) graph.Config {
	t.Helper()
	uri := os.Getenv(Prefix + "NEO4J_URI")
	if uri == "" {
		t.Skip(SkipMessage)
	}
	user := os.Getenv(Prefix + "NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	return graph.Config{URI: uri, Username: user, Password: os.Getenv(Prefix + "NEO4J_PASSWORD"), Database: os.Getenv(Prefix + "NEO4J_DATABASE")}
}

// Env is the test server as the NEO4J_* variables geokg reads, for running
// geokg's commands in-process against it.
func Env(t testing.TB) map[string]string {
	t.Helper()
	c := Config(t)
	return map[string]string{"NEO4J_URI": c.URI, "NEO4J_USERNAME": c.Username, "NEO4J_PASSWORD": c.Password, "NEO4J_DATABASE": c.Database}
}

// BrowserURL is the test server's Neo4j Browser address
// (GEOKG_TEST_NEO4J_BROWSER_URL), or "" when it is unset.
func BrowserURL() string { return os.Getenv(Prefix + "NEO4J_BROWSER_URL") }

// Open returns a store on a database with all data removed and the schema
// migrations applied. It is closed when the test ends.
func Open(t testing.TB) *graph.Store {
	t.Helper()
	s := connect(t)
	ctx := context.Background()
	require.NoError(t, graph.WipeData(ctx, s), "wipe data")
	_, err := s.Migrate(ctx)
	require.NoError(t, err, "apply migrations")
	return s
}

// OpenEmpty returns a store on a database with all data, constraints and
// indexes removed, as on a new server.
func OpenEmpty(t testing.TB) *graph.Store {
	t.Helper()
	s := connect(t)
	require.NoError(t, graph.WipeAll(context.Background(), s), "wipe database")
	return s
}

func connect(t testing.TB) *graph.Store {
	t.Helper()
	cfg := Config(t)
	lock(t)
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	s, err := graph.Open(ctx, cfg)
	require.NoError(t, err, "connect to Neo4j")
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

// lock serialises tests that use the server across test binaries (go test
// runs packages in parallel, and every test wipes the one database).
func lock(t testing.TB) {
	t.Helper()
	f, err := os.OpenFile(filepath.Join(os.TempDir(), "geokg-neo4j-test.lock"), os.O_CREATE|os.O_RDWR, 0o666)
	require.NoError(t, err)
	require.NoError(t, syscall.Flock(int(f.Fd()), syscall.LOCK_EX))
	t.Cleanup(func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		_ = f.Close()
	})
}

// Snapshot is the whole graph (except migration bookkeeping and the
// ingested_at timestamps) as sorted lines, their counts and a hash, so that
// two graphs can be compared exactly.
type Snapshot struct {
	Nodes, Rels, Props int
	Sum                string
	Lines              []string
}

// TakeSnapshot reads every node and relationship of the store's database.
func TakeSnapshot(t testing.TB, s *graph.Store) Snapshot {
	t.Helper()
	ctx := context.Background()
	q := func(cypher string) []*neo4j.Record {
		res, err := neo4j.ExecuteQuery(ctx, s.Driver(), cypher, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.Database()))
		require.NoError(t, err)
		return res.Records
	}
	var out Snapshot
	for _, r := range q(`MATCH (n) WHERE NOT n:SchemaMigration RETURN labels(n) AS l, properties(n) AS p`) {
		l, _ := r.Get("l")
		p, _ := r.Get("p")
		props := p.(map[string]any)
		delete(props, "ingested_at")
		var labels []string
		for _, x := range l.([]any) {
			labels = append(labels, x.(string))
		}
		sort.Strings(labels)
		out.Nodes++
		out.Props += len(props)
		out.Lines = append(out.Lines, fmt.Sprintf("N %v %v", labels, props))
	}
	for _, r := range q(`MATCH (a)-[r]->(b) RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS p`) {
		a, _ := r.Get("a")
		ty, _ := r.Get("t")
		b, _ := r.Get("b")
		p, _ := r.Get("p")
		out.Rels++
		out.Props += len(p.(map[string]any))
		out.Lines = append(out.Lines, fmt.Sprintf("R %v -%v-> %v %v", a, ty, b, p))
	}
	sort.Strings(out.Lines)
	h := sha256.Sum256([]byte(strings.Join(out.Lines, "\n")))
	out.Sum = hex.EncodeToString(h[:])
	return out
}

// AssertSameGraph compares two snapshots: counts, then line by line for a
// readable diff.
func AssertSameGraph(t testing.TB, want, got Snapshot) {
	t.Helper()
	assert.Equal(t, want.Nodes, got.Nodes, "nodes")
	assert.Equal(t, want.Rels, got.Rels, "relationships")
	assert.Equal(t, want.Props, got.Props, "properties")
	if want.Sum != got.Sum {
		assert.Equal(t, strings.Join(want.Lines, "\n"), strings.Join(got.Lines, "\n"))
	}
}
