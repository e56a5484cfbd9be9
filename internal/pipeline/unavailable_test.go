package pipeline_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// proxy is a TCP relay to Neo4j that a test can cut and restore, to play
// a server that becomes unreachable mid-run.
type proxy struct {
	target string
	addr   string
	mu     sync.Mutex
	ln     net.Listener
	conns  []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{target: target}
	require.NoError(t, p.start("127.0.0.1:0"))
	t.Cleanup(p.stop)
	return p
}

func (p *proxy) start(addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	p.mu.Lock()
	p.ln, p.addr = ln, ln.Addr().String()
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			s, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, s)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(s, c); s.Close() }()
			go func() { _, _ = io.Copy(c, s); c.Close() }()
		}
	}()
	return nil
}

// stop refuses new connections and breaks the open ones.
func (p *proxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

func (p *proxy) restart(t *testing.T) {
	require.NoError(t, p.start(p.addr))
}

// cutAfter is a Writer that cuts the proxy after n successful batches.
type cutAfter struct {
	w     pipeline.Writer
	n     int
	calls int
	cut   func()
}

func (c *cutAfter) WriteArticles(ctx context.Context, docs []schema.Document) (graph.WriteStats, error) {
	st, err := c.w.WriteArticles(ctx, docs)
	if err == nil {
		c.calls++
		if c.calls == c.n {
			c.cut()
		}
	}
	return st, err
}

func openVia(t *testing.T, p *proxy, opts ...func(*graph.Config)) *graph.Store {
	cfg := graphtest.Config(t)
	u, err := url.Parse(cfg.URI)
	require.NoError(t, err)
	cfg.URI = u.Scheme + "://" + p.addr
	cfg.ConnectTimeout = 2 * time.Second
	for _, o := range opts {
		o(&cfg)
	}
	s, err := graph.Open(context.Background(), cfg)
	require.NoError(t, err)
	t.Cleanup(func() { _ = s.Close(context.Background()) })
	return s
}

func target(t *testing.T) string {
	u, err := url.Parse(graphtest.Config(t).URI)
	require.NoError(t, err)
	host := u.Host
	if u.Port() == "" {
		host += ":7687"
	}
	return host
}

// A short outage is absorbed by the retries: nothing is lost.
func TestDatabaseBlip(t *testing.T) {
	direct := graphtest.Open(t)
	p := newProxy(t, target(t))
	s := openVia(t, p)
	w := &cutAfter{w: s, n: 3, cut: func() {
		p.stop()
		go func() { time.Sleep(2 * time.Second); p.restart(t) }()
	}}
	sum, err := pipeline.Run(context.Background(), source.New(source.Options{}), []string{seedsDir}, extractor(t), w,
		pipeline.Options{Workers: 1, Batch: 1, RetryDelay: 500 * time.Millisecond})
	require.NoError(t, err)
	assert.Zero(t, sum.Failed)
	assert.Equal(t, sum.Articles, sum.New)
	assert.EqualValues(t, sum.Articles, one(t, direct, `MATCH (a:Article) RETURN count(a)`, nil))
}

// logRecords keeps what a test's logger received.
type logRecords struct {
	mu   sync.Mutex
	recs []slog.Record
}

func (l *logRecords) Enabled(context.Context, slog.Level) bool { return true }
func (l *logRecords) Handle(_ context.Context, r slog.Record) error {
	l.mu.Lock()
	l.recs = append(l.recs, r.Clone())
	l.mu.Unlock()
	return nil
}
func (l *logRecords) WithAttrs([]slog.Attr) slog.Handler { return l }
func (l *logRecords) WithGroup(string) slog.Handler      { return l }

// first returns the first warning whose message contains msg.
func (l *logRecords) first(msg string) (slog.Record, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, r := range l.recs {
		if r.Level == slog.LevelWarn && strings.Contains(r.Message, msg) {
			return r, true
		}
	}
	return slog.Record{}, false
}

// A server that stays away (a closed port) stops the run with a clear
// error within neo4j.retry_timeout, the first retry logged at once; what
// was committed stays, and a re-run completes the job.
func TestDatabaseGone(t *testing.T) {
	const retryTimeout = 2 * time.Second
	direct := graphtest.Open(t)
	p := newProxy(t, target(t))
	logs := &logRecords{}
	log := slog.New(logs)
	s := openVia(t, p, func(c *graph.Config) { c.RetryTimeout, c.Log = retryTimeout, log })
	var cut time.Time
	w := &cutAfter{w: s, n: 3, cut: func() { p.stop(); cut = time.Now() }}
	sum, err := pipeline.Run(context.Background(), source.New(source.Options{}), []string{seedsDir}, extractor(t), w,
		pipeline.Options{Workers: 1, Batch: 1, RetryTimeout: retryTimeout, RetryDelay: 200 * time.Millisecond, Log: log})
	took := time.Since(cut)
	require.Error(t, err)
	assert.True(t, errors.Is(err, pipeline.ErrUnavailable), err)
	assert.Contains(t, err.Error(), "retry timeout 2s")
	t.Logf("gave up %s after the server went away: %v", took.Round(10*time.Millisecond), err)
	assert.Less(t, took, retryTimeout+time.Second, "giving up is bounded by the retry timeout")
	first, ok := logs.first("retrying")
	require.True(t, ok, "the first retry is logged as a warning")
	assert.Less(t, first.Time.Sub(cut), 500*time.Millisecond, "the first retry is logged at once")
	var cause string
	first.Attrs(func(a slog.Attr) bool {
		if a.Key == "cause" || a.Key == "reason" {
			cause = a.Value.String()
		}
		return true
	})
	assert.NotEmpty(t, cause, "the warning says why")
	assert.Equal(t, 3, sum.New)
	assert.EqualValues(t, 3, one(t, direct, `MATCH (a:Article) RETURN count(a)`, nil), "committed batches are kept")

	p.restart(t)
	again, err := pipeline.Run(context.Background(), source.New(source.Options{}), []string{seedsDir}, extractor(t), s,
		pipeline.Options{Workers: 2, Batch: 5})
	require.NoError(t, err)
	assert.Equal(t, 3, again.Unchanged)
	assert.Equal(t, again.Articles-3, again.New)
}
