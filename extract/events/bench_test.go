package events

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/geokg/geokg/extract/text"
)

// BenchmarkFindArticle runs Find and Numbers over every sentence of
// testdata/article.txt, a ~600-word news article written for these tests.
func BenchmarkFindArticle(b *testing.B) {
	raw, err := os.ReadFile(filepath.Join("testdata", "article.txt"))
	if err != nil {
		b.Fatal(err)
	}
	benchArticle := string(raw)
	words := len(strings.Fields(benchArticle))
	b.ReportMetric(float64(words), "words/article")
	sents := text.Sentences(benchArticle)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			toks := text.Tokens(benchArticle, s.Start, s.End)
			Find(benchArticle, toks)
			Numbers(benchArticle, toks)
		}
	}
}
