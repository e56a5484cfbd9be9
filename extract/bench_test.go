package extract

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/gazetteer"
)

// benchArticle is about 600 words of wire copy built from the test articles.
func benchArticle(tb testing.TB) string {
	var b strings.Builder
	for _, f := range []string{"testdata/protest.txt", "testdata/aid.txt", "testdata/talks.txt"} {
		data, err := os.ReadFile(f)
		require.NoError(tb, err)
		b.Write(data)
		b.WriteString("\n\n")
	}
	words := strings.Fields(b.String())
	if len(words) > 600 {
		words = words[:600]
	}
	return strings.Join(words, " ")
}

// BenchmarkExtract measures one 600-word article end to end:
// go test -bench Extract -cpu 1 ./extract/
func BenchmarkExtract(b *testing.B) {
	e := newTestExtractor(b)
	in := Input{Text: benchArticle(b), PublishedAt: "2019-01-23"}
	b.SetBytes(int64(len(in.Text)))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := e.Extract(context.Background(), in); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkGazetteerLoad measures building the built-in gazetteer from scratch.
func BenchmarkGazetteerLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := gazetteer.Load(gazetteer.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
