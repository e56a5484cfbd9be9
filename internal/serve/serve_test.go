package serve_test

import (
	"context"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// fakeExtractor turns a document into a contract document with one actor,
// counting calls; block, when set, holds every call until it is closed.
type fakeExtractor struct {
	calls, running, maxRunning atomic.Int64
	block                      chan struct{}
}

func (f *fakeExtractor) Extract(_ context.Context, d source.Document) (schema.Document, error) {
	f.calls.Add(1)
	n := f.running.Add(1)
	defer f.running.Add(-1)
	for {
		m := f.maxRunning.Load()
		if n <= m || f.maxRunning.CompareAndSwap(m, n) {
			break
		}
	}
	if f.block != nil {
		<-f.block
	}
	text := d.Text
	if text == "" {
		text = d.HTML
	}
	s := func(v string) *string { return &v }
	return schema.Document{
		Article: schema.Article{Title: s(d.Title), URL: s(d.URL), PublishedAt: s(d.PublishedAt), Text: text},
		Actors: []schema.Actor{{ID: "country:USA", Name: "United States", Kind: schema.KindCountry, Country: s("USA"),
			Mentions: []schema.Span{{Text: "US"}}}},
		Extractor: "fake/1",
	}, nil
}

// newsSite serves an RSS feed of its articles with ETag and
// If-None-Match support on the feed and on every article, and counts the
// requests by path and the conditional ones.
type newsSite struct {
	mu          sync.Mutex
	articles    map[string]string // path -> body
	order       []string
	dates       map[string]string
	requests    map[string]int
	conditional int
	delay       time.Duration
	srv         *httptest.Server
}

func newNewsSite(t *testing.T, n int) *newsSite {
	s := &newsSite{articles: map[string]string{}, dates: map[string]string{}, requests: map[string]int{}}
	for i := 1; i <= n; i++ {
		p := fmt.Sprintf("/a/%d", i)
		s.articles[p] = fmt.Sprintf("<html><head><title>Story %d</title></head><body><p>The United States said something about story %d today.</p></body></html>", i, i)
		s.order = append(s.order, p)
		s.dates[p] = time.Now().UTC().Add(-time.Duration(i) * time.Hour).Format(time.RFC1123Z)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *newsSite) etag(body string) string {
	h := sha256.Sum256([]byte(body))
	return fmt.Sprintf(`"%x"`, h[:8])
}

func (s *newsSite) feed() string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Test News</title>`)
	for _, p := range s.order {
		fmt.Fprintf(&b, `<item><title>%s</title><link>%s%s</link><pubDate>%s</pubDate><guid>%s</guid><description>%d</description></item>`,
			p, s.srv.URL, p, s.dates[p], p, len(s.articles[p]))
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

func (s *newsSite) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests[r.URL.Path]++
	if r.Header.Get("If-None-Match") != "" {
		s.conditional++
	}
	var body, ctype string
	switch {
	case r.URL.Path == "/feed.xml":
		body, ctype = s.feed(), "application/rss+xml"
	case s.articles[r.URL.Path] != "":
		body, ctype = s.articles[r.URL.Path], "text/html; charset=utf-8"
	default:
		s.mu.Unlock()
		http.NotFound(w, r)
		return
	}
	delay := s.delay
	s.mu.Unlock()
	if delay > 0 && r.URL.Path != "/feed.xml" {
		time.Sleep(delay)
	}
	tag := s.etag(body)
	if r.Header.Get("If-None-Match") == tag {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	w.Header().Set("ETag", tag)
	w.Header().Set("Content-Type", ctype)
	_, _ = io.WriteString(w, body)
}

func (s *newsSite) edit(path, body string) {
	s.mu.Lock()
	s.articles[path] = body
	s.mu.Unlock()
}

func (s *newsSite) reset() (total, conditional int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, n := range s.requests {
		total += n
	}
	conditional = s.conditional
	s.requests, s.conditional = map[string]int{}, 0
	return total, conditional
}

// snapshot is what the graph holds of the articles.
func articles(t *testing.T, st *graph.Store) map[string]string {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), st.Driver(),
		`MATCH (a:Article) RETURN a.url AS url, a.title + '|' + a.content_hash + '|' + toString(a.ingested_at) AS v`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(st.Database()))
	require.NoError(t, err)
	out := map[string]string{}
	for _, r := range res.Records {
		u, _ := r.Get("url")
		v, _ := r.Get("v")
		out[u.(string)], _ = v.(string)
	}
	return out
}

func runner(st serve.Store, ex *fakeExtractor) *serve.Runner {
	return &serve.Runner{Store: st, Extractor: ex, Options: serve.RunnerOptions{Workers: 2, Batch: 2, RetryDelay: 10 * time.Millisecond}}
}

func TestIntegrationConditionalRuns(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	site := newNewsSite(t, 2)
	ex := &fakeExtractor{}
	job := serve.Job{Name: "news", Schedule: "@every 1h", Sources: []string{site.srv.URL + "/feed.xml"}}
	r := runner(st, ex)

	// First run: the feed and both articles.
	res, err := r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.StatusOK, res.Status)
	assert.Equal(t, serve.Counts{Requests: 3, Fetched: 2, Ingested: 2}, res.Counts)
	total, cond := site.reset()
	assert.Equal(t, 3, total)
	assert.Equal(t, 0, cond)
	first := articles(t, st)
	require.Len(t, first, 2)
	assert.EqualValues(t, 2, ex.calls.Load())

	// Second run, nothing changed: one conditional request, nothing written.
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.StatusUnchanged, res.Status)
	assert.Equal(t, serve.Counts{Requests: 1}, res.Counts)
	assert.True(t, res.Sources[0].NotModified)
	total, cond = site.reset()
	assert.Equal(t, 1, total)
	assert.Equal(t, 1, cond)
	assert.Equal(t, first, articles(t, st), "nothing written")
	assert.EqualValues(t, 2, ex.calls.Load(), "nothing extracted")

	// An edited item: the feed changes, the unchanged article answers 304,
	// the edited one is fetched and replaces its article.
	site.edit("/a/2", "<html><head><title>Story 2</title></head><body><p>The United States corrected story 2, which is longer now.</p></body></html>")
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.StatusOK, res.Status)
	assert.Equal(t, serve.Counts{Requests: 3, Fetched: 1, Ingested: 1, Unchanged: 1}, res.Counts)
	total, cond = site.reset()
	assert.Equal(t, 3, total)
	assert.Equal(t, 3, cond, "feed and both articles asked conditionally")
	third := articles(t, st)
	require.Len(t, third, 2)
	u1, u2 := site.srv.URL+"/a/1", site.srv.URL+"/a/2"
	assert.Equal(t, first[u1], third[u1], "article 1 untouched")
	assert.NotEqual(t, first[u2], third[u2], "article 2 replaced")
	assert.EqualValues(t, 3, ex.calls.Load())

	// The source's state is in the graph.
	states, err := st.SourceStates(ctx, job.Sources)
	require.NoError(t, err)
	s := states[job.Sources[0]]
	assert.Equal(t, "news", s.Job)
	assert.Equal(t, serve.StatusOK, s.LastStatus)
	assert.NotEmpty(t, s.ETag)
	assert.False(t, s.LastSuccess.IsZero())
	seen, err := st.SeenItems(ctx, job.Sources[0])
	require.NoError(t, err)
	assert.Len(t, seen, 2)
}

func TestIntegrationLimitsAndFolders(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	site := newNewsSite(t, 3)
	ex := &fakeExtractor{}
	r := runner(st, ex)

	// max_items: one per run; the feed's validators are not kept until all
	// items were taken, so the next run continues.
	job := serve.Job{Name: "limited", Schedule: "@every 1h", Sources: []string{site.srv.URL + "/feed.xml"}, MaxItems: 1}
	for i, want := range []serve.Counts{
		{Requests: 2, Fetched: 1, Ingested: 1, Skipped: 2},
		{Requests: 3, Fetched: 1, Ingested: 1, Unchanged: 1, Skipped: 1},
		{Requests: 4, Fetched: 1, Ingested: 1, Unchanged: 2},
		{Requests: 1},
	} {
		res, err := r.Run(ctx, job, nil)
		require.NoError(t, err)
		assert.Equal(t, want, res.Counts, "run %d", i+1)
	}
	assert.Len(t, articles(t, st), 3)

	// max_age: items older than 90 minutes (2 and 3) are skipped, once.
	require.NoError(t, graph.WipeData(ctx, st))
	job = serve.Job{Name: "recent", Schedule: "@every 1h", Sources: []string{site.srv.URL + "/feed.xml"}, MaxAge: 90 * time.Minute}
	res, err := r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.Counts{Requests: 4, Fetched: 3, Ingested: 1, Skipped: 2}, res.Counts)
	assert.Len(t, articles(t, st), 1)

	// A folder: an unchanged file is not extracted again; an edited one is.
	dir := t.TempDir()
	for i := 1; i <= 2; i++ {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(fmt.Sprintf("The United States, story %d.", i)), 0o644))
	}
	job = serve.Job{Name: "folder", Schedule: "@every 1h", Sources: []string{dir}}
	calls := ex.calls.Load()
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.Counts{Fetched: 2, Ingested: 2}, res.Counts)
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.Counts{Fetched: 2, Unchanged: 2}, res.Counts)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "2.txt"), []byte("The United States, story 2, edited."), 0o644))
	res, err = r.Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, serve.Counts{Fetched: 2, Ingested: 1, Unchanged: 1}, res.Counts)
	assert.Equal(t, calls+3, ex.calls.Load())
}

// startDaemon runs a daemon until the test ends (or stop is called) and
// returns its base URL.
func startDaemon(t *testing.T, cfg serve.Config) (base string, d *serve.Daemon, stop func() time.Duration) {
	t.Helper()
	cfg.Addr = "127.0.0.1:0"
	d, err := serve.New(cfg)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- d.Run(ctx, ready) }()
	select {
	case addr := <-ready:
		base = "http://" + addr
	case err := <-done:
		t.Fatalf("daemon did not start: %v", err)
	}
	var once sync.Once
	var took time.Duration
	stop = func() time.Duration {
		once.Do(func() {
			start := time.Now()
			cancel()
			select {
			case err := <-done:
				require.NoError(t, err)
			case <-time.After(60 * time.Second):
				t.Fatal("daemon did not stop")
			}
			took = time.Since(start)
		})
		return took
	}
	t.Cleanup(func() { stop() })
	return base, d, stop
}

// keepOpen is the test's store, which the daemon must not close.
type keepOpen struct{ *graph.Store }

func (keepOpen) Close(context.Context) error { return nil }

func openStore(st *graph.Store) func(context.Context) (serve.DaemonStore, error) {
	return func(context.Context) (serve.DaemonStore, error) { return keepOpen{st}, nil }
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func post(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Post(url, "", nil)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(b)
}

func TestIntegrationDaemonHTTP(t *testing.T) {
	st := graphtest.Open(t)
	site := newNewsSite(t, 2)
	ex := &fakeExtractor{}
	base, _, _ := startDaemon(t, serve.Config{
		Jobs:   []serve.Job{{Name: "news", Schedule: "@every 1s", Sources: []string{site.srv.URL + "/feed.xml"}}},
		Runner: *runner(nil, ex), Open: openStore(st),
		Style: []byte("node { color: #fff; }"), Guide: []byte("<article class=\"guide\"></article>"),
	})

	code, body := get(t, base+"/healthz")
	assert.Equal(t, 200, code)
	assert.Equal(t, "ok\n", body)
	require.Eventually(t, func() bool { c, _ := get(t, base+"/readyz"); return c == 200 }, 10*time.Second, 50*time.Millisecond)
	_, body = get(t, base+"/readyz")
	assert.JSONEq(t, `{"ready": true, "neo4j": "up", "schema": "current"}`, body)

	// The schedule fires every second: the first run ingests, later ones
	// find the feed unchanged.
	require.Eventually(t, func() bool {
		_, m := get(t, base+"/metrics")
		return strings.Contains(m, `geokg_job_runs_total{job="news",status="unchanged"}`)
	}, 15*time.Second, 100*time.Millisecond)
	_, m := get(t, base+"/metrics")
	assert.Contains(t, m, `geokg_job_items_total{job="news",outcome="ingested"} 2`)
	assert.Contains(t, m, `geokg_job_items_total{job="news",outcome="failed"} 0`)
	assert.Contains(t, m, `geokg_job_runs_total{job="news",status="ok"} 1`)
	assert.Contains(t, m, `geokg_job_run_duration_seconds_count{job="news"}`)
	assert.Contains(t, m, `geokg_job_last_success_timestamp_seconds{job="news"} 1.`)
	assert.Contains(t, m, `geokg_ready 1`)

	code, body = get(t, base+"/jobs")
	assert.Equal(t, 200, code)
	var jobs []serve.JobStatus
	require.NoError(t, json.Unmarshal([]byte(body), &jobs))
	require.Len(t, jobs, 1)
	assert.Equal(t, "news", jobs[0].Name)
	assert.NotNil(t, jobs[0].LastRun)
	assert.NotNil(t, jobs[0].LastSuccess)
	assert.NotNil(t, jobs[0].NextRun)

	code, body = post(t, base+"/jobs/nope/run")
	assert.Equal(t, 404, code, body)
	// A manual run (waiting for the result; it may have to wait for a
	// scheduled one to end).
	require.Eventually(t, func() bool {
		code, body = post(t, base+"/jobs/news/run?wait=1")
		return code == 200
	}, 10*time.Second, 20*time.Millisecond)
	var res serve.Result
	require.NoError(t, json.Unmarshal([]byte(body), &res))
	assert.Equal(t, serve.StatusUnchanged, res.Status)
	assert.Equal(t, 1, res.Requests)

	code, body = get(t, base+"/browser/style.grass")
	assert.Equal(t, 200, code)
	assert.Equal(t, "node { color: #fff; }", body)
	resp, err := http.Get(base + "/browser/guide.html")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, "*", resp.Header.Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "text/html; charset=utf-8", resp.Header.Get("Content-Type"))
}

func TestIntegrationOverrunIsReportedNotStacked(t *testing.T) {
	st := graphtest.Open(t)
	site := newNewsSite(t, 1)
	ex := &fakeExtractor{block: make(chan struct{})}
	base, d, _ := startDaemon(t, serve.Config{
		Jobs:   []serve.Job{{Name: "slow", Schedule: "@every 200ms", Sources: []string{site.srv.URL + "/feed.xml"}}},
		Runner: *runner(nil, ex), Open: openStore(st), Grace: 5 * time.Second,
	})
	require.Eventually(t, func() bool { return ex.calls.Load() == 1 }, 10*time.Second, 20*time.Millisecond)
	require.Eventually(t, func() bool { return d.Jobs()[0].Overruns >= 2 }, 10*time.Second, 50*time.Millisecond)
	code, _ := post(t, base+"/jobs/slow/run")
	assert.Equal(t, http.StatusConflict, code)
	_, m := get(t, base+"/metrics")
	assert.Contains(t, m, `geokg_job_running{job="slow"} 1`)
	assert.Regexp(t, `geokg_job_overruns_total\{job="slow"\} [1-9]`, m)
	close(ex.block)
	require.Eventually(t, func() bool { return !d.Jobs()[0].Running }, 10*time.Second, 20*time.Millisecond)
	assert.EqualValues(t, 1, ex.maxRunning.Load(), "never two runs at once")
}

func TestIntegrationShutdownMidRun(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	site := newNewsSite(t, 8)
	site.delay = 150 * time.Millisecond
	ex := &fakeExtractor{}
	r := runner(nil, ex)
	r.Options.Batch = 1
	r.Options.Workers = 1
	job := serve.Job{Name: "news", Schedule: "@every 1h", Sources: []string{site.srv.URL + "/feed.xml"}}
	base, _, stop := startDaemon(t, serve.Config{Jobs: []serve.Job{job}, Runner: *r, Open: openStore(st), Grace: 3 * time.Second})
	require.Eventually(t, func() bool { c, _ := get(t, base+"/readyz"); return c == 200 }, 10*time.Second, 50*time.Millisecond)
	code, _ := post(t, base+"/jobs/news/run")
	require.Equal(t, http.StatusAccepted, code)
	require.Eventually(t, func() bool { return len(articles(t, st)) >= 2 }, 10*time.Second, 20*time.Millisecond)
	took := stop()
	assert.Less(t, took, 5*time.Second, "bounded shutdown")

	// Every article in the graph is whole and recorded as seen.
	committed := articles(t, st)
	assert.Less(t, len(committed), 8, "the run was stopped early")
	res, err := neo4j.ExecuteQuery(ctx, st.Driver(), `MATCH (a:Article)
RETURN count(a) AS n, count(a.content_hash) AS hashed, count(a.lock_) AS locked,
       COUNT { MATCH (:Source)-[:HAS_ITEM]->(i:SourceItem {status: 'ingested'}) RETURN i } AS seen,
       COUNT { MATCH (a2:Article) WHERE NOT (a2)-[:MENTIONS]->(:Actor {id: 'country:USA'}) RETURN a2 } AS partial`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(st.Database()))
	require.NoError(t, err)
	m := res.Records[0].AsMap()
	assert.Equal(t, m["n"], m["hashed"])
	assert.EqualValues(t, 0, m["locked"])
	assert.EqualValues(t, 0, m["partial"])
	assert.Equal(t, m["n"], m["seen"], "what was committed is recorded")

	// A restart resumes: the rest is ingested, nothing committed is
	// extracted again.
	site.delay = 0
	calls := ex.calls.Load()
	out, err := runner(st, ex).Run(ctx, job, nil)
	require.NoError(t, err)
	assert.Equal(t, 8-len(committed), out.Ingested)
	assert.Equal(t, len(committed), out.Unchanged)
	assert.EqualValues(t, 8-len(committed), ex.calls.Load()-calls)
	assert.Len(t, articles(t, st), 8)
}

// flakyProxy forwards TCP to a target while up; while down it refuses
// new connections and has cut the open ones.
type flakyProxy struct {
	ln     net.Listener
	target string
	up     atomic.Bool
	mu     sync.Mutex
	conns  []net.Conn
}

func (p *flakyProxy) set(up bool) {
	p.up.Store(up)
	if !up {
		p.mu.Lock()
		for _, c := range p.conns {
			c.Close()
		}
		p.conns = nil
		p.mu.Unlock()
	}
}

func newFlakyProxy(t *testing.T, target string) *flakyProxy {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	p := &flakyProxy{ln: ln, target: target}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			if !p.up.Load() {
				c.Close()
				continue
			}
			go func() {
				defer c.Close()
				s, err := net.Dial("tcp", p.target)
				if err != nil {
					return
				}
				defer s.Close()
				p.mu.Lock()
				p.conns = append(p.conns, c, s)
				p.mu.Unlock()
				go func() { _, _ = io.Copy(s, c) }()
				_, _ = io.Copy(c, s)
			}()
		}
	}()
	return p
}

func TestIntegrationNeo4jDownThenUp(t *testing.T) {
	st := graphtest.Open(t)
	cfg := graphtest.Config(t)
	target := strings.TrimPrefix(strings.TrimPrefix(cfg.URI, "bolt://"), "neo4j://")
	proxy := newFlakyProxy(t, target)
	pcfg := cfg
	pcfg.URI = "bolt://" + proxy.ln.Addr().String()
	pcfg.ConnectTimeout = time.Second
	site := newNewsSite(t, 1)
	ex := &fakeExtractor{}
	base, _, _ := startDaemon(t, serve.Config{
		Jobs:   []serve.Job{{Name: "news", Schedule: "@every 1h", Sources: []string{site.srv.URL + "/feed.xml"}}},
		Runner: *runner(nil, ex), MinBackoff: 50 * time.Millisecond, MaxBackoff: 200 * time.Millisecond,
		Open: func(ctx context.Context) (serve.DaemonStore, error) { return graph.Open(ctx, pcfg) },
	})
	_ = st

	code, _ := get(t, base+"/healthz")
	assert.Equal(t, 200, code, "alive while Neo4j is down")
	require.Eventually(t, func() bool {
		c, b := get(t, base+"/readyz")
		return c == 503 && strings.Contains(b, "cannot connect")
	}, 10*time.Second, 50*time.Millisecond)
	code, body := post(t, base+"/jobs/news/run?wait=1")
	require.Equal(t, 200, code)
	assert.Contains(t, body, `"status": "failed"`)
	assert.Contains(t, body, "Neo4j unavailable")

	proxy.set(true)
	require.Eventually(t, func() bool { c, _ := get(t, base+"/readyz"); return c == 200 }, 20*time.Second, 50*time.Millisecond)
	code, body = post(t, base+"/jobs/news/run?wait=1")
	require.Equal(t, 200, code)
	assert.Contains(t, body, `"status": "ok"`)

	// Down again: not ready, and back.
	proxy.set(false)
	require.Eventually(t, func() bool { c, _ := get(t, base+"/readyz"); return c == 503 }, 20*time.Second, 100*time.Millisecond)
	proxy.set(true)
	require.Eventually(t, func() bool { c, _ := get(t, base+"/readyz"); return c == 200 }, 20*time.Second, 100*time.Millisecond)
}

func TestSchedules(t *testing.T) {
	for s, ok := range map[string]bool{
		"@every 15m": true, "*/5 * * * *": true, "0 3 * * 1-5": true, "@hourly": true,
		"@every": false, "@every -1m": false, "@every soon": false, "* * *": false, "": false,
	} {
		err := serve.ValidSchedule(s)
		assert.Equal(t, ok, err == nil, "%q: %v", s, err)
	}
	_, err := serve.New(serve.Config{Jobs: []serve.Job{{Name: "a", Schedule: "* * *"}},
		Open: func(context.Context) (serve.DaemonStore, error) { return nil, nil }})
	assert.ErrorContains(t, err, `job "a"`)
}

func FuzzValidSchedule(f *testing.F) {
	for _, s := range []string{"@every 15m", "*/5 * * * *", "@every", "* * *", "@hourly", "@every 1h30m"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if serve.ValidSchedule(s) == nil && strings.HasPrefix(strings.TrimSpace(s), "@every") {
			_, err := serve.New(serve.Config{Jobs: []serve.Job{{Name: "j", Schedule: s}},
				Open: func(context.Context) (serve.DaemonStore, error) { return nil, nil }})
			if err != nil {
				t.Fatalf("ValidSchedule accepted %q but New rejects it: %v", s, err)
			}
		}
	})
}
