package cli

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

func seedArticles(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("..", "..", "seeds", "articles"))
	require.NoError(t, err)
	return dir
}

func TestIngestDryRun(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"),
		[]byte("Talks in Geneva\n\nGENEVA — Iran and the United States held talks in Geneva on Tuesday."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644))
	// No Neo4j is needed, or touched, for a dry run.
	code, out, errOut := run(t, map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}, "ingest", "--dry-run", "--published", "2025-03-04", dir)
	assert.Equal(t, exitPartial, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Len(t, lines, 1, out)
	var doc schema.Document
	require.NoError(t, json.Unmarshal([]byte(lines[0]), &doc))
	assert.Equal(t, "Talks in Geneva", *doc.Article.Title)
	assert.Equal(t, "2025-03-04", *doc.Article.PublishedAt)
	assert.NotEmpty(t, doc.Events)
	assert.Contains(t, errOut, "empty.txt")
	assert.Contains(t, errOut, "dry run: 1 articles extracted, 1 failed")
}

func TestIngestUsage(t *testing.T) {
	code, _, errOut := run(t, nil, "ingest")
	assert.Equal(t, exitUsage, code, errOut)
	code, _, errOut = run(t, nil, "ingest", "--published", "yesterday-ish", "x")
	assert.Equal(t, exitUsage, code, errOut)
	assert.Contains(t, errOut, "--published")
}

func TestIntegrationIngest(t *testing.T) {
	env := integrationEnv(t)
	graphtest.OpenEmpty(t) // no schema yet: ingest applies the migrations first
	seeds := seedArticles(t)

	code, out, errOut := run(t, env, "ingest", "--workers", "2", "--batch", "4", seeds)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, errOut, "applied schema migrations")
	assert.Contains(t, out, "articles: 13 new, 0 updated, 0 unchanged, 0 failed")
	assert.Regexp(t, `graph: \d+ nodes created, 0 deleted; \d+ relationships created, 0 deleted`, out)
	assert.Regexp(t, `(?m)^time: `, out)

	// A bad input: one line naming it, then the summary (nothing written:
	// no graph line, no rate).
	code, out, errOut = run(t, env, "ingest", seeds, filepath.Join(seeds, "no-such-file.txt"))
	assert.Equal(t, exitPartial, code, errOut)
	assert.Contains(t, out, "articles: 0 new, 0 updated, 13 unchanged, 1 failed")
	assert.NotContains(t, out, "graph:")
	assert.NotContains(t, out, "no-such-file.txt")
	assert.Equal(t, 1, strings.Count(errOut, "no-such-file.txt"), errOut)
	assert.Contains(t, errOut, `reason="stat: no such file or directory"`)
	assert.NotContains(t, errOut, "some inputs failed", "the summary counts the failures")

	// Files left out by --include count as gone for --prune.
	code, out, errOut = run(t, env, "ingest", "--prune", "--include", "*.txt", seeds)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "articles: 0 new, 0 updated, 4 unchanged, 0 failed, 9 pruned (their files are gone)")
	code, out, errOut = run(t, env, "ingest", seeds)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "articles: 9 new, 0 updated, 4 unchanged, 0 failed")
}

// Non-public addresses are refused unless allowed by flag, environment or
// config; the refusal names the address and the way to allow it.
func TestIngestFetchPolicy(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		_, _ = w.Write([]byte("GENEVA — Iran and the United States held talks in Geneva on Tuesday."))
	}))
	t.Cleanup(srv.Close)
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}

	code, out, errOut := run(t, env, "ingest", "--dry-run", srv.URL+"/story?apikey=s3cret")
	assert.Equal(t, exitPartial, code, errOut)
	assert.Empty(t, out)
	assert.Contains(t, errOut, "refusing to fetch "+srv.URL+"/story?apikey=REDACTED: 127.0.0.1 is a loopback address; allow it with --allow-network 127.0.0.0/8")
	assert.NotContains(t, errOut, "s3cret")

	code, out, errOut = run(t, env, "ingest", "--dry-run", "--allow-network", "loopback", srv.URL+"/story")
	assert.Equal(t, exitOK, code, errOut)
	assert.Contains(t, out, "Geneva")

	env["GEOKG_INGEST_ALLOW_NETWORKS"] = "10.0.0.0/8,127.0.0.1"
	code, _, errOut = run(t, env, "ingest", "--dry-run", srv.URL+"/story")
	assert.Equal(t, exitOK, code, errOut)

	code, _, errOut = run(t, env, "ingest", "--dry-run", "--allow-network", "intranet", srv.URL+"/story")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `--allow-network: network "intranet"`)
	env["GEOKG_INGEST_ALLOW_NETWORKS"] = "10.0.0.0/99"
	code, _, errOut = run(t, env, "ingest", "--dry-run", srv.URL+"/story")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "invalid config: ingest.allow_networks")
}

// Ingesting through a symlinked folder reads it; a prune that reads nothing
// from it deletes nothing, says why and exits 3.
func TestIntegrationIngestSymlinkPrune(t *testing.T) {
	env := integrationEnv(t)
	graphtest.Open(t)
	link := filepath.Join(t.TempDir(), "link")
	require.NoError(t, os.Symlink(seedArticles(t), link))

	code, out, errOut := run(t, env, "ingest", link)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "articles: 13 new")

	code, out, errOut = run(t, env, "ingest", "--prune", "--include", "*.none", link)
	assert.Equal(t, exitPartial, code, errOut)
	assert.Contains(t, out, "articles: 0 new, 0 updated, 0 unchanged, 0 failed\n")
	assert.Contains(t, out, "not pruned: "+link+": nothing was read from it although it holds files")
	assert.Contains(t, errOut, "1 source(s) not pruned")

	code, out, errOut = run(t, env, "ingest", "--prune", link)
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "articles: 0 new, 0 updated, 13 unchanged, 0 failed\n")
}

// A bad input gives one line naming it, worded alike by extract and ingest,
// then the summary; no rate when nothing was processed.
func TestBadInputMessages(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "photo.txt")
	require.NoError(t, os.WriteFile(bin, []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), 0o644))

	code, out, errOut := run(t, nil, "extract", bin)
	assert.Equal(t, exitPartial, code)
	assert.Empty(t, out)
	lines := strings.Split(strings.TrimSpace(errOut), "\n")
	require.Len(t, lines, 2, errOut)
	assert.Contains(t, lines[0], `msg=skipped source=`+bin+` reason="binary content, not text"`)
	assert.Equal(t, "geokg: some inputs failed: 1 of 1 article(s) could not be extracted", lines[1])

	code, _, errOut = run(t, map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1"}, "ingest", "--dry-run", bin)
	assert.Equal(t, exitPartial, code)
	lines = strings.Split(strings.TrimSpace(errOut), "\n")
	require.Len(t, lines, 2, errOut)
	assert.Contains(t, lines[0], `msg=skipped source=`+bin+` reason="binary content, not text"`)
	assert.Regexp(t, `^dry run: 0 articles extracted, 1 failed, nothing written \([0-9.]+m?s\)$`, lines[1])
	assert.NotContains(t, errOut, "articles/s")
}
