package cli

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/seeds"
)

func TestBrowserURL(t *testing.T) {
	for _, tc := range []struct {
		uri, user, db string
		want          string
	}{
		{"bolt://127.0.0.1:7687", "neo4j", "", "http://127.0.0.1:7474/browser/?dbms=bolt%3A%2F%2Fneo4j%40127.0.0.1%3A7687"},
		{"neo4j+s://db.example:7687", "alice", "news", "https://db.example:7474/browser/?db=news&dbms=neo4j%3A%2F%2Falice%40db.example%3A7687"},
		{"bolt://db.example", "neo4j", "", "http://db.example:7474/browser/?dbms=bolt%3A%2F%2Fneo4j%40db.example%3A7687"},
	} {
		got, err := BrowserURL(tc.uri, tc.user, tc.db, 7474)
		require.NoError(t, err)
		assert.Equal(t, tc.want, got)
	}
}

func TestBrowserCommand(t *testing.T) {
	code, out, errOut := run(t, nil, "browser")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "Neo4j Browser: http://127.0.0.1:7474/browser/?dbms=bolt%3A%2F%2Fneo4j%40127.0.0.1%3A7687\n")
	assert.Contains(t, out, ":style http://localhost:8080/browser/style.grass\n")
	assert.Contains(t, out, ":play http://localhost:8080/browser/guide.html\n")
	assert.Contains(t, out, "browser.post_connect_cmd=style http://localhost:8080/browser/style.grass\n")

	code, out, _ = run(t, map[string]string{"GEOKG_SERVE_ADDR": "10.0.0.5:9000"}, "browser")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,10.0.0.5\n")

	code, out, _ = run(t, nil, "browser", "--style")
	require.Equal(t, 0, code)
	assert.Equal(t, string(seeds.BrowserStyle), out)
	code, out, _ = run(t, nil, "browser", "--guide")
	require.Equal(t, 0, code)
	guide, err := serve.Guide("127.0.0.1:8080")
	require.NoError(t, err)
	assert.Equal(t, string(guide), out, "the guide for the default address")
}
