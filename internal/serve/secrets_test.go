package serve_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/serve"
)

// secrets appear in the feed URL (userinfo and ?token=) and in item links
// (?apikey=); none may be stored, logged or reported.
var secrets = []string{"hunter2", "s3cret-feed", "s3cret-item"}

// privateFeed needs the token of the feed URL; its items carry an API key
// and one of them is missing.
func privateFeed(t *testing.T) *httptest.Server {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/feed.xml" && strings.HasPrefix(r.URL.Query().Get("token"), "s3cret-feed"):
			w.Header().Set("ETag", `"v1"`)
			if r.Header.Get("If-None-Match") == `"v1"` {
				w.WriteHeader(http.StatusNotModified)
				return
			}
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Private Wire</title>`+
				`<item><title>One</title><link>%[1]s/a/1?apikey=s3cret-item</link></item>`+
				`<item><title>Gone</title><link>%[1]s/a/404?apikey=s3cret-item</link></item>`+
				`</channel></rss>`, srv.URL)
		case r.URL.Path == "/a/1" && r.URL.Query().Get("apikey") == "s3cret-item":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, `<html><body><p>The United States said something today.</p></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(srv.Close)
	return srv
}

// allProperties is every property of every node and relationship, as JSON.
func allProperties(t *testing.T, st interface {
	Driver() neo4j.DriverWithContext
	Database() string
}) string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), st.Driver(),
		`MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN properties(n) AS n, collect(properties(r)) AS r`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(st.Database()))
	require.NoError(t, err)
	var b strings.Builder
	for _, r := range res.Records {
		j, err := json.Marshal(r.AsMap())
		require.NoError(t, err)
		b.Write(j)
		b.WriteByte('\n')
	}
	return b.String()
}

func assertNoSecret(t *testing.T, where, text string) {
	t.Helper()
	for _, s := range secrets {
		assert.NotContains(t, text, s, "%s shows a secret", where)
	}
}

func TestIntegrationSecretsNeverStored(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	srv := privateFeed(t)
	withUser := strings.Replace(srv.URL, "http://", "http://bob:hunter2@", 1)
	feedA, feedB := withUser+"/feed.xml?token=s3cret-feed-A", withUser+"/feed.xml?token=s3cret-feed-B"
	job := serve.Job{Name: "private", Schedule: "@every 1h", Sources: []string{feedA, feedB}}
	var logs bytes.Buffer
	ex := &fakeExtractor{}
	r := runner(st, ex)
	r.Log = slog.New(slog.NewTextHandler(&logs, nil)) // no redacting handler: the runner redacts itself

	res, err := r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.StatusPartial, res.Status, "one item is missing")
	assert.Equal(t, 2, res.Fetched, "one article per source")
	assert.Equal(t, 2, res.Failed)
	js, err := json.Marshal(res)
	require.NoError(t, err)
	assertNoSecret(t, "the run result", string(js))
	assert.Contains(t, string(js), `"source":"http://REDACTED@`)

	// Two tokens are two sources, each with its state; nothing secret is
	// stored anywhere in the graph.
	graphText := allProperties(t, st)
	assertNoSecret(t, "the graph", graphText)
	assert.EqualValues(t, 2, oneValue(t, st, `MATCH (s:Source) RETURN count(DISTINCT s.url_hash)`))
	assert.EqualValues(t, 2, oneValue(t, st, `MATCH (s:Source) WHERE s.url STARTS WITH $u RETURN count(DISTINCT s.url)`,
		"http://REDACTED@"+strings.TrimPrefix(srv.URL, "http://")+"/feed.xml?token=REDACTED #"))
	assert.Contains(t, oneValue(t, st, `MATCH (s:Source) RETURN DISTINCT s.last_error`), "/a/404?apikey=REDACTED: HTTP 404")
	assert.Equal(t, srv.URL+"/a/1?apikey=REDACTED", oneValue(t, st, `MATCH (a:Article) RETURN DISTINCT a.url`))

	// A re-run finds each source's state and seen items by their hashes:
	// the article is known unchanged before extraction.
	calls := ex.calls.Load()
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, res.Unchanged)
	assert.Equal(t, calls, ex.calls.Load(), "nothing extracted again")
	states, err := st.SourceStates(ctx, job.Sources)
	require.NoError(t, err)
	require.Len(t, states, 2)
	assert.Equal(t, serve.StatusPartial, states[feedA].LastStatus)
	assert.Contains(t, states[feedB].LastError, "apikey=REDACTED")

	// /jobs shows redacted sources and results; the log has no secret.
	base, d, _ := startDaemon(t, serve.Config{Jobs: []serve.Job{job}, Runner: *r, Open: openStore(st)})
	require.Eventually(t, func() bool { _, err := d.Start("private"); return err == nil }, 10e9, 50e6)
	require.Eventually(t, func() bool {
		for _, j := range d.Jobs() {
			if j.LastRun != nil {
				return true
			}
		}
		return false
	}, 30e9, 50e6)
	code, body := get(t, base+"/jobs")
	require.Equal(t, http.StatusOK, code)
	assertNoSecret(t, "/jobs", body)
	assert.Contains(t, body, "token=REDACTED")
	assertNoSecret(t, "the log", logs.String())
	assert.Contains(t, logs.String(), "REDACTED")
}

func oneValue(t *testing.T, st interface {
	Driver() neo4j.DriverWithContext
	Database() string
}, cypher string, u ...string) any {
	t.Helper()
	var params map[string]any
	if len(u) > 0 {
		params = map[string]any{"u": u[0]}
	}
	res, err := neo4j.ExecuteQuery(context.Background(), st.Driver(), cypher, params, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(st.Database()))
	require.NoError(t, err)
	require.Len(t, res.Records, 1, cypher)
	return res.Records[0].Values[0]
}
