package graph_test

import (
	"context"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/redact"
)

// Source state keeps no credential: URLs and item keys are stored redacted,
// identified by the hash of the full value.
func TestIntegrationSourceStateRedacted(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	a, b := "https://bob:pw-a@feeds.example/rss?token=tok-a", "https://bob:pw-b@feeds.example/rss?token=tok-b"
	item := "https://feeds.example/story?apikey=key-1"
	now := time.Now().UTC()
	for i, u := range []string{a, b} {
		n := string(rune('A' + i))
		require.NoError(t, st.SaveSourceState(ctx, graph.SourceState{URL: u, Job: "j", ETag: `"e` + n + `"`, LastRun: now,
			LastStatus: "partial", LastError: "fetch " + item + ": HTTP 404"}))
		require.NoError(t, st.SaveSeenItems(ctx, u, []graph.SeenItem{{Key: item, Hash: "h" + n, Status: "ingested", SeenAt: now}}))
	}
	states, err := st.SourceStates(ctx, []string{a, b, "https://other.example/rss"})
	require.NoError(t, err)
	require.Len(t, states, 2, "two tokens, two sources")
	assert.Equal(t, a, states[a].URL)
	assert.Equal(t, `"eA"`, states[a].ETag)
	assert.Equal(t, `"eB"`, states[b].ETag)
	assert.Equal(t, "fetch https://feeds.example/story?apikey=REDACTED: HTTP 404", states[a].LastError)
	seen, err := st.SeenItems(ctx, b)
	require.NoError(t, err)
	require.Len(t, seen, 1)
	got := seen[redact.Hash(item)]
	assert.Equal(t, "hB", got.Hash)
	assert.Equal(t, "https://feeds.example/story?apikey=REDACTED", got.Key)

	assert.EqualValues(t, 0, one(t, st, `MATCH (n) WHERE any(k IN keys(n) WHERE toString(n[k]) =~ '.*(pw-|tok-|key-1).*') RETURN count(n)`, nil))
	assert.EqualValues(t, 2, one(t, st, `MATCH (s:Source) WHERE s.url STARTS WITH 'https://REDACTED@feeds.example/rss?token=REDACTED #' RETURN count(DISTINCT s.url)`, nil))
}

// State written before 0006 (the full URL as identity) is found, hashed and
// redacted the first time its source is looked up.
func TestIntegrationLegacySourceStateUpgraded(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	full := "https://feeds.example/rss?apikey=legacy-secret"
	item := "https://feeds.example/a?sig=legacy-sig"
	require.NoError(t, graph.ExecForTest(ctx, st, `CREATE (:Source {url: '`+full+`', job: 'j', etag: '"old"',
  last_error: 'fetch `+item+`: HTTP 500'})-[:HAS_ITEM]->(:SourceItem {key: '`+item+`', hash: 'h1', status: 'ingested'})`))

	seenBefore, err := st.SeenItems(ctx, full)
	require.NoError(t, err)
	assert.Empty(t, seenBefore, "not upgraded yet: found by hash only")

	states, err := st.SourceStates(ctx, []string{full})
	require.NoError(t, err)
	require.Contains(t, states, full)
	assert.Equal(t, `"old"`, states[full].ETag)
	assert.Equal(t, "fetch https://feeds.example/a?sig=REDACTED: HTTP 500", states[full].LastError)
	seen, err := st.SeenItems(ctx, full)
	require.NoError(t, err)
	assert.Equal(t, "h1", seen[redact.Hash(item)].Hash)
	assert.EqualValues(t, 0, one(t, st, `MATCH (n) WHERE any(k IN keys(n) WHERE toString(n[k]) CONTAINS 'legacy-') RETURN count(n)`, nil))

	// Upgrading again changes nothing; saving goes to the same node.
	require.NoError(t, st.SaveSourceState(ctx, graph.SourceState{URL: full, Job: "j", LastStatus: "ok"}))
	_, err = st.SourceStates(ctx, []string{full})
	require.NoError(t, err)
	assert.EqualValues(t, 1, one(t, st, `MATCH (s:Source) RETURN count(s)`, nil))
	assert.EqualValues(t, 1, one(t, st, `MATCH (i:SourceItem) RETURN count(i)`, nil))
}
