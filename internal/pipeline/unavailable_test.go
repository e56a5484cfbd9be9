package pipeline_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/url"
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

func openVia(t *testing.T, p *proxy) *graph.Store {
	cfg := graphtest.Config(t)
	u, err := url.Parse(cfg.URI)
	require.NoError(t, err)
	cfg.URI = u.Scheme + "://" + p.addr
	cfg.ConnectTimeout = 2 * time.Second
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

// A server that stays away stops the run with a clear error; what was
// committed stays, and a re-run completes the job.
func TestDatabaseGone(t *testing.T) {
	if testing.Short() {
		t.Skip("waits for the driver's retry budget")
	}
	direct := graphtest.Open(t)
	p := newProxy(t, target(t))
	s := openVia(t, p)
	w := &cutAfter{w: s, n: 3, cut: p.stop}
	start := time.Now()
	sum, err := pipeline.Run(context.Background(), source.New(source.Options{}), []string{seedsDir}, extractor(t), w,
		pipeline.Options{Workers: 1, Batch: 1, Retries: -1})
	require.Error(t, err)
	assert.True(t, errors.Is(err, pipeline.ErrUnavailable), err)
	t.Logf("stopped after %s: %v", time.Since(start).Round(time.Second), err)
	assert.Equal(t, 3, sum.New)
	assert.EqualValues(t, 3, one(t, direct, `MATCH (a:Article) RETURN count(a)`, nil), "committed batches are kept")

	p.restart(t)
	again, err := pipeline.Run(context.Background(), source.New(source.Options{}), []string{seedsDir}, extractor(t), s,
		pipeline.Options{Workers: 2, Batch: 5})
	require.NoError(t, err)
	assert.Equal(t, 3, again.Unchanged)
	assert.Equal(t, again.Articles-3, again.New)
}
