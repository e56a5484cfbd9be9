package schema

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMigrationsEmbedded(t *testing.T) {
	ms, err := Migrations()
	require.NoError(t, err)
	require.NotEmpty(t, ms)
	for i, m := range ms {
		assert.Equal(t, i+1, m.Version, "versions are contiguous from 1")
		assert.NotEmpty(t, m.Statements, m.Name)
		for _, s := range m.Statements {
			// Schema changes say IF NOT EXISTS; data backfills touch only
			// the nodes still missing what they set.
			idempotent := strings.Contains(s, "IF NOT EXISTS") ||
				strings.HasPrefix(s, "MATCH ") && strings.Contains(s, " IS NULL")
			assert.True(t, idempotent, "every statement is idempotent: %s", s)
		}
	}
	assert.Equal(t, ms[len(ms)-1].Version, LatestVersion())
}

func TestParseMigrations(t *testing.T) {
	tests := []struct {
		name    string
		files   fstest.MapFS
		want    []int
		wantErr string
	}{
		{
			name: "sorted by number, comments dropped, multi-line statements joined",
			files: fstest.MapFS{
				"m/0002_b.cypher": {Data: []byte("// two\nCREATE INDEX x IF NOT EXISTS\n  FOR (n:A) ON (n.x);\n")},
				"m/0001_a.cypher": {Data: []byte("CREATE CONSTRAINT a IF NOT EXISTS FOR (n:A) REQUIRE n.id IS UNIQUE;\n")},
				"m/README.md":     {Data: []byte("ignored")},
			},
			want: []int{1, 2},
		},
		{
			name:    "bad name",
			files:   fstest.MapFS{"m/first.cypher": {Data: []byte("RETURN 1;")}},
			wantErr: "NNNN_description",
		},
		{
			name: "duplicate version",
			files: fstest.MapFS{
				"m/0001_a.cypher": {Data: []byte("RETURN 1;")},
				"m/0001_b.cypher": {Data: []byte("RETURN 2;")},
			},
			wantErr: "share version 1",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ms, err := parseMigrations(tt.files, "m")
			if tt.wantErr != "" {
				require.ErrorContains(t, err, tt.wantErr)
				return
			}
			require.NoError(t, err)
			var got []int
			for _, m := range ms {
				got = append(got, m.Version)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	ms, err := parseMigrations(tests[0].files, "m")
	require.NoError(t, err)
	assert.Equal(t, []string{"CREATE INDEX x IF NOT EXISTS FOR (n:A) ON (n.x)"}, ms[1].Statements)
}
