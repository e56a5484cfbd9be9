// Package graphtest connects integration tests to the real Neo4j named by
// NEO4J_URI (with NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE) and gives
// each test a wiped database. Without NEO4J_URI the tests are skipped with a
// message saying how to run them.
package graphtest

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
)

// SkipMessage is shown when NEO4J_URI is unset.
const SkipMessage = "integration test skipped: NEO4J_URI is not set (run `make test`, which starts the local Neo4j, or `scripts/neo4j start && eval \"$(scripts/neo4j env)\"`)"

// Config is the server configuration taken from the environment.
func Config(t testing.TB) graph.Config {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		t.Skip(SkipMessage)
	}
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = "neo4j"
	}
	return graph.Config{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
}

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
