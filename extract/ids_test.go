package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

func TestSlugCapsLongNames(t *testing.T) {
	long := strings.Repeat("Aleksandrovich Konstantinopolsky ", 400)
	s := slug(long)
	assert.LessOrEqual(t, len("person:"+s), schema.MaxIDLen)
	assert.True(t, strings.HasPrefix(s, "aleksandrovich-konstantinopolsky-"), s)
	assert.Equal(t, s, slug(long), "deterministic")
	assert.NotEqual(t, s, slug(long+"Smith"), "the hash covers the whole name")
	assert.Equal(t, "emmanuel-macron", slug("Emmanuel Macron"), "ordinary names unchanged")
}

// An absurdly long name yields ids within the index limit; the rest of the
// article is extracted as usual.
func TestLongNameIDsAreCapped(t *testing.T) {
	e := newTestExtractor(t)
	var name strings.Builder
	for i := 0; i < 600; i++ {
		name.WriteString("Zorvath ")
	}
	text := "Estonia accused Russia of spying on Monday.\n\nPresident " + name.String() + "Kell said the talks would go on.\n\nThe " +
		strings.TrimSpace(strings.Repeat("Grand ", 600)) + " Council met in Tallinn.\n"
	d, err := e.Extract(context.Background(), Input{Text: text, Title: "Long names"})
	require.NoError(t, err)
	capped := 0
	for _, a := range d.Actors {
		assert.LessOrEqual(t, len(a.ID), schema.MaxIDLen, a.Name)
		if strings.Contains(a.ID, "~") {
			capped++
		}
	}
	assert.Positive(t, capped, "the long names were capped")
	for _, l := range d.Locations {
		assert.LessOrEqual(t, len(l.ID), schema.MaxIDLen, l.Name)
	}
	assert.NotNil(t, actorByID(d, "country:EST"))
	assert.NotNil(t, actorByID(d, "country:RUS"))
}

// Titles and source names lose bidi overrides and zero-width characters,
// as the body does.
func TestTitleAndSourceAreCleaned(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{
		Title:  "Iran\u202e and\u200b Iraq \u2066sign\u2069 a\u2060 deal\ufeff\n  today",
		Source: "\u202aReuters\u200d\u202c",
		Text:   "Iran and Iraq signed a trade deal in Baghdad on Monday.",
	})
	require.NoError(t, err)
	require.NotNil(t, d.Article.Title)
	assert.Equal(t, "Iran and Iraq sign a deal today", *d.Article.Title)
	require.NotNil(t, d.Article.Source)
	assert.Equal(t, "Reuters", *d.Article.Source)
}
