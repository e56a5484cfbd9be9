package pipeline_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
)

// BenchmarkIngest1000 ingests 1,000 generated articles end to end (stdin
// JSON lines → extraction → Neo4j) into an empty graph, per batch size and
// number of workers; the defaults (DefaultBatch, DefaultWorkers) are chosen
// from it. BenchmarkWrite1000 in graph gives the server's ceiling for the
// same articles.
//
//	eval "$(scripts/neo4j env)"; go test ./internal/pipeline -run '^$' -bench Ingest1000 -benchtime 1x
func BenchmarkIngest1000(b *testing.B) {
	s := graphtest.Open(b)
	ex := extractor(b)
	data := graphtest.BenchArticles(1000, 1)
	// Warm the server up (query plans, JIT), untimed.
	_, err := pipeline.Run(context.Background(), source.New(source.Options{Stdin: bytes.NewReader(data)}), []string{"-"}, ex, s,
		pipeline.Options{})
	require.NoError(b, err)
	for _, c := range []struct{ batch, workers int }{
		{50, 2}, {200, 2}, {500, 2}, {200, 1}, {200, 4},
	} {
		batch, workers := c.batch, c.workers
		b.Run(fmt.Sprintf("batch=%d/workers=%d", batch, workers), func(b *testing.B) {
			var articles, items float64
			var elapsed time.Duration
			for range b.N {
				b.StopTimer()
				require.NoError(b, graph.WipeData(context.Background(), s))
				src := source.New(source.Options{Stdin: bytes.NewReader(data)})
				b.StartTimer()
				start := time.Now()
				sum, err := pipeline.Run(context.Background(), src, []string{"-"}, ex, s,
					pipeline.Options{Workers: workers, Batch: batch})
				elapsed += time.Since(start)
				require.NoError(b, err)
				require.Zero(b, sum.Failed, sum.Failures)
				require.Equal(b, 1000, sum.New)
				articles += float64(sum.New)
				items += float64(sum.Graph.NodesCreated + sum.Graph.RelsCreated)
			}
			b.ReportMetric(articles/elapsed.Seconds(), "articles/s")
			b.ReportMetric(items/elapsed.Seconds(), "nodes+rels/s")
			b.ReportMetric(0, "ns/op")
		})
	}
	b.Run("reingest-unchanged", func(b *testing.B) {
		require.NoError(b, graph.WipeData(context.Background(), s))
		_, err := pipeline.Run(context.Background(), source.New(source.Options{Stdin: bytes.NewReader(data)}), []string{"-"}, ex, s,
			pipeline.Options{Workers: 2, Batch: 50})
		require.NoError(b, err)
		var n float64
		var elapsed time.Duration
		for range b.N {
			start := time.Now()
			sum, err := pipeline.Run(context.Background(), source.New(source.Options{Stdin: bytes.NewReader(data)}), []string{"-"}, ex, s,
				pipeline.Options{Workers: 2, Batch: 50})
			elapsed += time.Since(start)
			require.NoError(b, err)
			require.Equal(b, 1000, sum.Unchanged)
			n += 1000
		}
		b.ReportMetric(n/elapsed.Seconds(), "articles/s")
		b.ReportMetric(0, "ns/op")
	})
}

// BenchmarkExtractOnly is the same input without Neo4j, to separate the
// extractor's share of the time.
func BenchmarkExtractOnly(b *testing.B) {
	ex := extractor(b)
	data := graphtest.BenchArticles(1000, 1)
	var elapsed time.Duration
	for range b.N {
		start := time.Now()
		sum, err := pipeline.Run(context.Background(), source.New(source.Options{Stdin: bytes.NewReader(data)}), []string{"-"}, ex, nil,
			pipeline.Options{Workers: 2, DryRun: true})
		elapsed += time.Since(start)
		require.NoError(b, err)
		require.Equal(b, 1000, sum.Articles)
	}
	b.ReportMetric(float64(1000*b.N)/elapsed.Seconds(), "articles/s")
	b.ReportMetric(0, "ns/op")
}
