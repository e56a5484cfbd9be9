package serve_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/seeds"
)

// The guide is rendered from the canned queries: it never drifts from the
// queries geokg runs.
func TestGuide(t *testing.T) {
	got, err := serve.Guide("127.0.0.1:8080")
	require.NoError(t, err)
	s := string(got)
	assert.True(t, strings.HasPrefix(s, `<article class="guide">`))
	assert.Equal(t, 8, strings.Count(s, "<slide "))
	// One :params block per query, which Browser runs alone, then the query.
	assert.Contains(t, s, `<pre class="pre-scrollable code runnable">:params {a: &#39;country:EST&#39;, b: &#39;country:RUS&#39;}</pre>`)
	assert.NotContains(t, s, ":param ")
	assert.Equal(t, strings.Count(s, ">:params {"), strings.Count(s, "runnable")/2)
	assert.Contains(t, s, ":style http://localhost:8080/browser/style.grass")
}

func TestStyleSheet(t *testing.T) {
	s := string(seeds.BrowserStyle)
	for _, label := range []string{"Country", "Person", "Organization", "Group", "Location", "Event",
		"VerbalCooperation", "MaterialCooperation", "VerbalConflict", "MaterialConflict", "Statement", "Article"} {
		assert.Contains(t, s, "node."+label+" {", label)
	}
	assert.Contains(t, s, `caption: "{caption}"`, "events: type and date")
	assert.Equal(t, strings.Count(s, "{"), strings.Count(s, "}"))
}
