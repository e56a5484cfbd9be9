package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
)

var (
	benchCountries = []struct{ name, adj, capital string }{
		{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Japan", "Japanese", "Tokyo"},
		{"India", "Indian", "New Delhi"}, {"Brazil", "Brazilian", "Brasilia"}, {"Kenya", "Kenyan", "Nairobi"},
		{"Egypt", "Egyptian", "Cairo"}, {"Turkey", "Turkish", "Ankara"}, {"Poland", "Polish", "Warsaw"},
		{"Mexico", "Mexican", "Mexico City"}, {"Canada", "Canadian", "Ottawa"}, {"Nigeria", "Nigerian", "Abuja"},
		{"Pakistan", "Pakistani", "Islamabad"}, {"Indonesia", "Indonesian", "Jakarta"}, {"Spain", "Spanish", "Madrid"},
		{"Italy", "Italian", "Rome"}, {"Sweden", "Swedish", "Stockholm"}, {"Chile", "Chilean", "Santiago"},
		{"Vietnam", "Vietnamese", "Hanoi"}, {"Ethiopia", "Ethiopian", "Addis Ababa"},
	}
	benchFirst = []string{"Anna", "Pavel", "Maria", "Kenji", "Amina", "Carlos", "Sofia", "Omar", "Lena", "Ravi"}
	benchLast  = []string{"Novak", "Ito", "Haddad", "Silva", "Okafor", "Berg", "Rossi", "Khan", "Duarte", "Weber"}
	benchVerbs = []string{
		"accused %s of violating the ceasefire",
		"signed a trade agreement with %s",
		"imposed sanctions on %s",
		"sent humanitarian aid to %s",
		"threatened to cut diplomatic ties with %s",
		"held talks with %s",
		"rejected a proposal from %s",
		"expelled two diplomats from %s",
	}
)

// benchArticles generates n distinct news-like articles as JSON lines.
func benchArticles(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, 42))
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	day := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range n {
		a := benchCountries[r.IntN(len(benchCountries))]
		b := benchCountries[r.IntN(len(benchCountries))]
		for b.name == a.name {
			b = benchCountries[r.IntN(len(benchCountries))]
		}
		c := benchCountries[r.IntN(len(benchCountries))]
		person := benchFirst[r.IntN(len(benchFirst))] + " " + benchLast[r.IntN(len(benchLast))]
		date := day.AddDate(0, 0, r.IntN(365))
		text := fmt.Sprintf("%s — %s Foreign Minister %s said on Monday that %s had %s. ",
			a.capital, a.adj, person, a.name, fmt.Sprintf(benchVerbs[r.IntN(len(benchVerbs))], b.name))
		text += fmt.Sprintf(`"We will not accept this," %s told reporters in %s. `, person, a.capital)
		text += fmt.Sprintf("%s %s, officials in %s said on Tuesday. ", b.name, fmt.Sprintf(benchVerbs[r.IntN(len(benchVerbs))], c.name), b.capital)
		text += fmt.Sprintf("Protesters gathered outside the %s embassy in %s. Report number %d.", c.adj, b.capital, i)
		_ = enc.Encode(map[string]string{
			"url":          fmt.Sprintf("https://bench.example/%d", i),
			"title":        fmt.Sprintf("%s and %s: report %d", a.name, b.name, i),
			"published_at": date.Format("2006-01-02"),
			"text":         text,
		})
	}
	return buf.Bytes()
}

// BenchmarkIngest1000 ingests 1,000 generated articles end to end (stdin
// JSON lines → extraction → Neo4j) into an empty graph, per batch size.
//
//	eval "$(scripts/neo4j env)"; go test ./internal/pipeline -run '^$' -bench Ingest1000 -benchtime 1x
func BenchmarkIngest1000(b *testing.B) {
	s := graphtest.Open(b)
	ex := extractor(b)
	data := benchArticles(1000, 1)
	for _, batch := range []int{1, 10, 50, 200} {
		b.Run(fmt.Sprintf("batch=%d", batch), func(b *testing.B) {
			var articles, items float64
			var elapsed time.Duration
			for range b.N {
				b.StopTimer()
				require.NoError(b, graph.WipeData(context.Background(), s))
				src := source.New(source.Options{Stdin: bytes.NewReader(data)})
				b.StartTimer()
				start := time.Now()
				sum, err := pipeline.Run(context.Background(), src, []string{"-"}, ex, s,
					pipeline.Options{Workers: 2, Batch: batch})
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
	data := benchArticles(1000, 1)
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
