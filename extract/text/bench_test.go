package text

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadArticle(tb testing.TB) string {
	b, err := os.ReadFile("testdata/article.txt")
	require.NoError(tb, err)
	return string(b)
}

func BenchmarkClean(b *testing.B) {
	a := loadArticle(b)
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		Clean("Coastal states agree to cut mackerel catch after week of talks", a)
	}
}

func BenchmarkSentences(b *testing.B) {
	a := Clean("", loadArticle(b))
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(a)
	}
}

func BenchmarkTokens(b *testing.B) {
	a := Clean("", loadArticle(b))
	b.SetBytes(int64(len(a)))
	b.ReportAllocs()
	for b.Loop() {
		Tokens(a, 0, len(a))
	}
}

func BenchmarkFromHTML(b *testing.B) {
	h, err := os.ReadFile("testdata/html/wordpress.html")
	require.NoError(b, err)
	b.SetBytes(int64(len(h)))
	b.ReportAllocs()
	for b.Loop() {
		_, _ = FromHTML(string(h), "")
	}
}

func TestArticleSentences(t *testing.T) {
	a := loadArticle(t)
	c := Clean("Coastal states agree to cut mackerel catch after week of talks", a)
	assert.True(t, strings.HasPrefix(c, "LISBON"), "title line dropped")
	assert.True(t, strings.HasSuffix(c, "because the number of parties is larger."), "boilerplate tail dropped")
	got := sentenceTexts(c)
	assert.Contains(t, got, "Mr. Carvalho said the gap was closed on Thursday night when Iceland offered to give up part of its share in exchange for access to Faroese waters.")
	assert.Contains(t, got, "“This is the first time in a decade that we have all signed the same piece of paper,” Portugal’s fisheries minister, Rui Carvalho, told reporters late on Friday.")
	assert.Contains(t, got, "“Nobody got everything they wanted.")
	assert.Contains(t, got, "That is what a fair deal looks like.”")
	assert.Contains(t, got, "The U.K., which left the talks in March after a row over quota shares, was not a party to the agreement.")
	assert.Contains(t, got, "A spokesman for the Department for Environment, Food and Rural Affairs said London would “study the text carefully” and decide its position before Dec. 1.")
	assert.Len(t, got, 30)
}

// TestHugeInputs checks that 20 MB inputs of pathological shapes finish
// quickly (linear time).
func TestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("skipping 20 MB inputs in -short mode")
	}
	const mb = 1 << 20
	shapes := map[string]string{
		"words 20MB":  strings.Repeat("word. Word, “U.S.” Mr. Smith said. ", 20*mb/36),
		"dots 20MB":   strings.Repeat(".", 20*mb),
		"quotes 20MB": strings.Repeat("\"a.\" ", 4*mb),
		"abbrev":      strings.Repeat("U.S. ", mb),
		"no spaces":   strings.Repeat("a", 4*mb),
		"spaces":      strings.Repeat(" ", 4*mb),
		"newlines":    strings.Repeat("\n", 4*mb),
		"curly":       strings.Repeat("“”’‘", mb/2),
		"share lines": strings.Repeat("Share this article\n", 4*mb/19),
	}
	for name, s := range shapes {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			c := Clean("x", s)
			_ = Sentences(c)
			_ = Tokens(c, 0, len(c))
			_ = Sentences(s)
			assert.Less(t, time.Since(start), 60*time.Second) // generous: shared, loaded machines
		})
	}
}
