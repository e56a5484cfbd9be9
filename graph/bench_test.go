package graph_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
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

// extractor adapts the extractor to the pipeline.
type extractor struct{ ex *extract.Extractor }

func (a extractor) Extract(ctx context.Context, d source.Document) (schema.Document, error) {
	return a.ex.Extract(ctx, extract.Input{Text: d.Text, HTML: d.HTML, Title: d.Title, URL: d.URL, Source: d.Source, PublishedAt: d.PublishedAt})
}

// BenchmarkWrite1000 puts 1,000 generated articles into an empty graph
// three ways per batch size, one after the other in every iteration so
// that they share the server's conditions:
//
//	ingest   end to end, as 'geokg ingest' (JSON lines → extraction →
//	         WriteArticles), with the default workers
//	geokg    WriteArticles of the already extracted documents
//	ceiling  a bare UNWIND/MERGE of the same prepared rows with the least
//	         Cypher that gives the same graph shape
//	         (graph.CeilingWriteForTest): the server's own rate for
//	         geokg's graph
//
// It reports each rate in articles/s and ceiling/ingest, the share of the
// server's capacity that the whole of geokg leaves unused:
//
//	eval "$(scripts/neo4j env)"
//	go test ./graph -run '^$' -bench Write1000 -benchtime 3x
func BenchmarkWrite1000(b *testing.B) {
	s := graphtest.Open(b)
	ctx := context.Background()
	ex, err := extract.New(extract.Options{})
	require.NoError(b, err)
	data := graphtest.BenchArticles(1000, 1)
	docs := benchDocs(b, 1000)
	inBatches := func(write func(context.Context, []schema.Document) (graph.WriteStats, error)) func(int) int {
		return func(batch int) int {
			n := 0
			for i := 0; i < len(docs); i += batch {
				st, err := write(ctx, docs[i:min(i+batch, len(docs))])
				require.NoError(b, err)
				n += st.New
			}
			return n
		}
	}
	ways := []struct {
		name  string
		write func(batch int) int // returns the articles written
	}{
		{"ingest", func(batch int) int {
			sum, err := pipeline.Run(ctx, source.New(source.Options{Stdin: bytes.NewReader(data)}), []string{"-"},
				extractor{ex}, s, pipeline.Options{Batch: batch})
			require.NoError(b, err)
			require.Zero(b, sum.Failed, sum.Failures)
			return sum.New
		}},
		{"geokg", inBatches(s.WriteArticles)},
		{"ceiling", inBatches(func(ctx context.Context, docs []schema.Document) (graph.WriteStats, error) {
			return graph.CeilingWriteForTest(ctx, s, docs)
		})},
	}
	// Warm the server up (query plans, JIT), untimed.
	for _, way := range ways {
		require.NoError(b, graph.WipeData(ctx, s))
		way.write(100)
	}
	for _, batch := range []int{50, 200, 500} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			articles := make([]float64, len(ways))
			elapsed := make([]time.Duration, len(ways))
			for range b.N {
				for i, way := range ways {
					require.NoError(b, graph.WipeData(ctx, s))
					start := time.Now()
					n := way.write(batch)
					elapsed[i] += time.Since(start)
					require.Equal(b, len(docs), n)
					articles[i] += float64(n)
				}
			}
			rate := make([]float64, len(ways))
			for i, way := range ways {
				rate[i] = articles[i] / elapsed[i].Seconds()
				b.ReportMetric(rate[i], way.name+"_articles/s")
			}
			b.ReportMetric(rate[2]/rate[0], "ceiling/ingest")
			b.ReportMetric(0, "ns/op")
		})
	}
}

// The ceiling write gives the nodes and the article edges geokg writes (it
// leaves out only what is derived: roles, place-in-country, the rollup), so
// that the benchmark compares like with like.
func TestIntegrationCeilingWriteHasGeokgShape(t *testing.T) {
	s := graphtest.Open(t)
	ctx := context.Background()
	docs := corpus()
	_, err := s.WriteArticles(ctx, docs)
	require.NoError(t, err)
	want := counts(t, s)
	require.NoError(t, graph.WipeData(ctx, s))
	st, err := graph.CeilingWriteForTest(ctx, s, docs)
	require.NoError(t, err)
	assert.Equal(t, len(docs), st.New)
	assert.Equal(t, want, counts(t, s))
}

// counts are the graph's nodes by kind and its article and event edges by
// type.
func counts(t *testing.T, s *graph.Store) map[string]int64 {
	t.Helper()
	out := map[string]int64{}
	for _, label := range []string{"Article", "Actor", "Location", "Event", "Statement"} {
		out[label] = one(t, s, "MATCH (n:"+label+") RETURN count(n)", nil).(int64)
	}
	for _, typ := range []string{"MENTIONS", "REPORTS", "QUOTES", "INITIATED", "TARGETED", "OCCURRED_IN", "SAID"} {
		out[typ] = one(t, s, "MATCH ()-[r:"+typ+"]->() RETURN count(r)", nil).(int64)
	}
	return out
}
