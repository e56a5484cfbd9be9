package graph_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

// benchDocs extracts the benchmark articles once, so that the write
// benchmarks measure writing only.
func benchDocs(b *testing.B, n int) []schema.Document {
	b.Helper()
	ex, err := extract.New(extract.Options{})
	require.NoError(b, err)
	var docs []schema.Document
	sc := bufio.NewScanner(bytes.NewReader(graphtest.BenchArticles(n, 1)))
	for sc.Scan() {
		var in extract.Input
		require.NoError(b, json.Unmarshal(sc.Bytes(), &struct {
			URL         *string `json:"url"`
			Title       *string `json:"title"`
			PublishedAt *string `json:"published_at"`
			Text        *string `json:"text"`
		}{&in.URL, &in.Title, &in.PublishedAt, &in.Text}))
		d, err := ex.Extract(context.Background(), in)
		require.NoError(b, err)
		d.Article.ID = in.URL
		docs = append(docs, d)
	}
	require.Len(b, docs, n)
	return docs
}

// BenchmarkWrite1000 writes 1,000 extracted articles into an empty graph two
// ways, per batch size: "geokg" is WriteArticles (what ingest does, without
// the extraction), "ceiling" a bare UNWIND/MERGE of the same prepared rows
// with the least Cypher that gives the same graph shape (see
// graph.CeilingWriteForTest). The ceiling is the server's own rate for
// geokg's graph; the ratio is geokg's write overhead. The end-to-end rate
// (with extraction) is BenchmarkIngest1000 in internal/pipeline:
//
//	eval "$(scripts/neo4j env)"
//	go test ./graph ./internal/pipeline -run '^$' -bench 'Write1000|Ingest1000' -benchtime 1x
func BenchmarkWrite1000(b *testing.B) {
	s := graphtest.Open(b)
	docs := benchDocs(b, 1000)
	ctx := context.Background()
	ways := []struct {
		name  string
		write func(context.Context, []schema.Document) (graph.WriteStats, error)
	}{
		{"geokg", s.WriteArticles},
		{"ceiling", func(ctx context.Context, docs []schema.Document) (graph.WriteStats, error) {
			return graph.CeilingWriteForTest(ctx, s, docs)
		}},
	}
	// Warm the server up (query plans, JIT) with both ways, untimed.
	for _, way := range ways {
		require.NoError(b, graph.WipeData(ctx, s))
		for i := 0; i < len(docs); i += 100 {
			_, err := way.write(ctx, docs[i:min(i+100, len(docs))])
			require.NoError(b, err)
		}
	}
	for _, batch := range []int{50, 200, 500} {
		for _, way := range ways {
			b.Run(fmt.Sprintf("%s/batch=%d", way.name, batch), func(b *testing.B) {
				var articles, items float64
				var elapsed time.Duration
				for range b.N {
					require.NoError(b, graph.WipeData(ctx, s))
					start := time.Now()
					for i := 0; i < len(docs); i += batch {
						st, err := way.write(ctx, docs[i:min(i+batch, len(docs))])
						require.NoError(b, err)
						articles += float64(st.New)
						items += float64(st.NodesCreated + st.RelsCreated)
					}
					elapsed += time.Since(start)
				}
				b.ReportMetric(articles/elapsed.Seconds(), "articles/s")
				b.ReportMetric(items/elapsed.Seconds(), "nodes+rels/s")
				b.ReportMetric(0, "ns/op")
			})
		}
	}
}
