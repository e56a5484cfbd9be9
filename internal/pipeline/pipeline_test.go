package pipeline

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// fakeSource yields one item per text; "ERR:..." texts are read errors.
type fakeSource struct{ texts []string }

func (f fakeSource) Walk(ctx context.Context, _ []string, fn func(source.Item) error) error {
	for i, t := range f.texts {
		origin := fmt.Sprintf("item%d", i)
		it := source.Item{Origin: origin, Doc: source.Document{Origin: origin, Key: origin, Text: t}}
		if strings.HasPrefix(t, "ERR:") {
			it = source.Item{Origin: origin, Err: errors.New(strings.TrimPrefix(t, "ERR:"))}
		}
		if err := fn(it); err != nil {
			return err
		}
	}
	return nil
}

// fakeExtractor fails on "bad" texts and works on "slow" ones until its
// context ends.
type fakeExtractor struct{}

func (fakeExtractor) Extract(ctx context.Context, d source.Document) (schema.Document, error) {
	if strings.Contains(d.Text, "slow") {
		<-ctx.Done()
		return schema.Document{}, fmt.Errorf("extract: %w", ctx.Err())
	}
	if strings.Contains(d.Text, "bad") {
		return schema.Document{}, errors.New("extract: empty content")
	}
	return schema.Document{Article: schema.Article{ID: "sha256:" + d.Text, Text: d.Text}, Extractor: "fake/1"}, nil
}

// fakeWriter records batches; it can be down for the first `down` calls,
// and rejects documents whose text contains "poison".
type fakeWriter struct {
	mu      sync.Mutex
	down    int
	calls   int
	batches [][]string
	seen    map[string]bool
}

func unavailable() error {
	return &graph.ConnError{URI: "bolt://x", Cause: "cannot connect", Hint: "is Neo4j running?",
		Err: &neo4j.ConnectivityError{Inner: errors.New("connection refused")}}
}

func (w *fakeWriter) WriteArticles(_ context.Context, docs []schema.Document) (graph.WriteStats, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.calls++
	if w.calls <= w.down {
		return graph.WriteStats{}, unavailable()
	}
	var st graph.WriteStats
	var ids []string
	for _, d := range docs {
		if strings.Contains(d.Article.Text, "poison") {
			return graph.WriteStats{}, errors.New("Neo.ClientError.Statement.TypeError: bad value")
		}
	}
	if w.seen == nil {
		w.seen = map[string]bool{}
	}
	for _, d := range docs {
		ids = append(ids, d.Article.Text)
		if w.seen[d.Article.ID] {
			st.Unchanged++
		} else {
			w.seen[d.Article.ID] = true
			st.New++
			st.NodesCreated++
		}
	}
	w.batches = append(w.batches, ids)
	return st, nil
}

func TestRun(t *testing.T) {
	tests := []struct {
		name        string
		texts       []string
		batch       int
		down        int
		wantNew     int
		wantFailed  []string
		wantBatches int
		wantErr     error
	}{
		{name: "all good", texts: []string{"a", "b", "c", "d", "e"}, batch: 2, wantNew: 5, wantBatches: 3},
		{name: "bad items are skipped", texts: []string{"a", "ERR:HTTP 404", "bad", "d"}, batch: 10, wantNew: 2,
			wantFailed: []string{"item1", "item2"}, wantBatches: 1},
		{name: "a poisoned batch is split", texts: []string{"a", "poison", "c"}, batch: 3, wantNew: 2,
			wantFailed: []string{"item1"}, wantBatches: 2},
		{name: "an article over the extraction deadline fails alone", texts: []string{"a", "slow", "c"}, batch: 3,
			wantNew: 2, wantFailed: []string{"item1"}, wantBatches: 1},
		{name: "database back after retries", texts: []string{"a", "b"}, batch: 1, down: 2, wantNew: 2, wantBatches: 2},
		{name: "database gone", texts: []string{"a", "b", "c"}, batch: 1, down: 100, wantErr: ErrUnavailable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &fakeWriter{down: tt.down}
			sum, err := Run(context.Background(), fakeSource{tt.texts}, nil, fakeExtractor{}, w,
				Options{Workers: 3, Batch: tt.batch, Retries: 2, RetryDelay: time.Millisecond, ExtractTimeout: 50 * time.Millisecond})
			if tt.wantErr != nil {
				require.ErrorIs(t, err, tt.wantErr)
				assert.Contains(t, err.Error(), "cannot connect")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.wantNew, sum.New)
			var failed []string
			for _, f := range sum.Failures {
				failed = append(failed, f.Origin)
				assert.Error(t, f.Err)
			}
			sort.Strings(failed)
			assert.Equal(t, tt.wantFailed, failed)
			assert.Equal(t, len(tt.wantFailed), sum.Failed)
			assert.Len(t, w.batches, tt.wantBatches)
			for _, b := range w.batches {
				assert.LessOrEqual(t, len(b), tt.batch)
			}
			var buf bytes.Buffer
			sum.Print(&buf)
			assert.Contains(t, buf.String(), fmt.Sprintf("%d new", tt.wantNew))
		})
	}
}

func TestRunTwiceIsUnchanged(t *testing.T) {
	w := &fakeWriter{}
	src := fakeSource{[]string{"a", "b", "c"}}
	_, err := Run(context.Background(), src, nil, fakeExtractor{}, w, Options{})
	require.NoError(t, err)
	sum, err := Run(context.Background(), src, nil, fakeExtractor{}, w, Options{})
	require.NoError(t, err)
	assert.Equal(t, 3, sum.Unchanged)
	assert.Zero(t, sum.New)
}

func TestDryRun(t *testing.T) {
	var out bytes.Buffer
	sum, err := Run(context.Background(), fakeSource{[]string{"a", "bad", "c"}}, nil, fakeExtractor{}, nil,
		Options{DryRun: true, Out: &out})
	require.NoError(t, err)
	assert.Equal(t, 2, sum.Articles)
	assert.Equal(t, 1, sum.Failed)
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	require.Len(t, lines, 2)
	for _, l := range lines {
		var d schema.Document
		require.NoError(t, json.Unmarshal([]byte(l), &d))
		assert.True(t, strings.HasPrefix(d.Article.ID, "article:"), d.Article.ID)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	texts := make([]string, 1000)
	for i := range texts {
		texts[i] = fmt.Sprint(i)
	}
	_, err := Run(ctx, fakeSource{texts}, nil, fakeExtractor{}, &fakeWriter{}, Options{})
	assert.ErrorIs(t, err, context.Canceled)
}

func TestArticleID(t *testing.T) {
	doc := schema.Document{Article: schema.Article{ID: "sha256:abc", Text: "x"}}
	a := ArticleID(source.Document{Key: "https://a.example/1"}, doc)
	b := ArticleID(source.Document{Key: "https://a.example/1"}, schema.Document{Article: schema.Article{ID: "sha256:def"}})
	assert.Equal(t, a, b, "the key, not the content, identifies an article that has one")
	c := ArticleID(source.Document{}, doc)
	assert.NotEqual(t, a, c)
	assert.True(t, strings.HasPrefix(c, "article:"))
}
