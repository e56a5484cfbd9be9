package extract

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileArticle repeats unit to about size bytes after a title: one
// endless sentence, or a flood of short ones.
func hostileArticle(unit string, size int) string {
	return "T\n\n" + strings.Repeat(unit, size/len(unit)) + "end.\n"
}

// hostileUnits are shapes that made extraction superlinear: clauses of one
// sentence joined by commas or "and", a run of names, quotes, one endless
// word, many short sentences with speakers and pronouns, and places inside
// places with vague repeats of an attack.
var hostileUnits = map[string]string{
	"clauses":   "Russia accused Estonia of spying on Monday, ",
	"and":       "Russia accused Estonia of spying on Monday and ",
	"names":     "Vladimir Putin Estonia Kaja Kallas NATO Tallinn ",
	"quotes":    "\"Russia attacked Estonia,\" he said, ",
	"word":      "abcdefghij",
	"sentences": "Russia accused Estonia. He said Putin attacked Kallas. ",
	"places":    "Shelling killed 3 people in Kharkiv in Kharkiv Oblast, Ukraine. A Kharkiv Oblast airstrike hit a depot. ",
}

// TestHostileArticlesFinish extracts a 2 MB article of each hostile shape
// under a deadline: extraction is linear, so each takes about a second
// (BenchmarkExtractHostile measures it); before the sentence bound one
// took more than ten minutes.
func TestHostileArticlesFinish(t *testing.T) {
	if testing.Short() {
		t.Skip("2 MB articles")
	}
	e := newTestExtractor(t)
	for name, unit := range hostileUnits {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(t.Context(), 20*time.Second)
			defer cancel()
			d, err := e.Extract(ctx, Input{Text: hostileArticle(unit, MaxTextBytes-64), PublishedAt: "2019-01-23"})
			require.NoError(t, err)
			assert.NotEmpty(t, d.Article.Text)
		})
	}
}

func TestExtractStopsWhenCancelled(t *testing.T) {
	e := newTestExtractor(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	_, err := e.Extract(ctx, Input{Text: hostileArticle(hostileUnits["clauses"], 100_000)})
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.Canceled), "got %v", err)

	// a deadline met mid-way stops between passes with the deadline's error
	ctx, cancel = context.WithTimeout(t.Context(), time.Millisecond)
	defer cancel()
	_, err = e.Extract(ctx, Input{Text: hostileArticle(hostileUnits["sentences"], MaxTextBytes-64)})
	require.Error(t, err)
	assert.True(t, errors.Is(err, context.DeadlineExceeded), "got %v", err)
}

// BenchmarkExtractHostile measures 2 MB articles of each hostile shape
// (the bar: under 2 s each on one core):
// go test -run '^$' -bench ExtractHostile -benchtime 3x -cpu 1 ./extract/
func BenchmarkExtractHostile(b *testing.B) {
	e := newTestExtractor(b)
	for _, name := range []string{"clauses", "and", "names", "quotes", "word", "sentences", "places"} {
		b.Run(name, func(b *testing.B) {
			in := Input{Text: hostileArticle(hostileUnits[name], MaxTextBytes-64), PublishedAt: "2019-01-23"}
			b.SetBytes(int64(len(in.Text)))
			for b.Loop() {
				if _, err := e.Extract(b.Context(), in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
