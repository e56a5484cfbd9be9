package graph_test

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
)

func TestIntegrationMigrateTwice(t *testing.T) {
	st := graphtest.OpenEmpty(t)
	ctx := context.Background()

	pending, err := st.Pending(ctx)
	require.NoError(t, err)
	assert.Len(t, pending, schema.LatestVersion())

	done, err := st.Migrate(ctx)
	require.NoError(t, err)
	assert.Len(t, done, schema.LatestVersion())
	first, err := st.SchemaObjects(ctx)
	require.NoError(t, err)

	done, err = st.Migrate(ctx)
	require.NoError(t, err)
	assert.Empty(t, done, "second run applies nothing")
	second, err := st.SchemaObjects(ctx)
	require.NoError(t, err)
	assert.Equal(t, first, second, "SHOW CONSTRAINTS / SHOW INDEXES unchanged")

	v, err := st.SchemaVersion(ctx)
	require.NoError(t, err)
	assert.Equal(t, schema.LatestVersion(), v)

	names := map[string]string{}
	for _, o := range first {
		names[o.Kind+" "+o.Name] = o.Type
	}
	for _, c := range []string{"article_id", "actor_id", "location_id", "event_id", "statement_id"} {
		assert.Equal(t, "UNIQUENESS", names["constraint "+c], c)
	}
	assert.Equal(t, "POINT", names["index location_point"])
	assert.Equal(t, "FULLTEXT", names["index actor_names"])
	assert.Equal(t, "FULLTEXT", names["index statement_text"])
	assert.Equal(t, "RANGE", names["index event_date"])
	assert.Equal(t, "UNIQUENESS", names["constraint source_url"])
	assert.Equal(t, "UNIQUENESS", names["constraint source_url_hash"])
	assert.Equal(t, "RANGE", names["index source_item_key"])
	assert.Equal(t, "RANGE", names["index source_item_key_hash"])
}

// Migration 0004 gives events written before it their Browser caption.
func TestIntegrationMigrationBackfillsCaptions(t *testing.T) {
	st := graphtest.OpenEmpty(t)
	ctx := context.Background()
	_, err := st.Migrate(ctx)
	require.NoError(t, err)
	require.NoError(t, graph.ExecForTest(ctx, st, `CREATE (:Event {id: 'e1', type: 'ASSAULT', date: date('2025-03-14')}),
  (:Event {id: 'e2', type: 'CONSULT'}), (:Event {id: 'e3', type: 'AID', caption: 'kept'})`))
	require.NoError(t, graph.ExecForTest(ctx, st, `MATCH (m:SchemaMigration {version: 4}) DELETE m`))

	done, err := st.Migrate(ctx)
	require.NoError(t, err)
	assert.Equal(t, []int{4}, done)
	for id, want := range map[string]string{"e1": "ASSAULT 2025-03-14", "e2": "CONSULT", "e3": "kept"} {
		assert.Equal(t, want, one(t, st, `MATCH (e:Event {id: $id}) RETURN e.caption`, map[string]any{"id": id}), id)
	}
}

func TestIntegrationUniqueIDs(t *testing.T) {
	st := graphtest.Open(t)
	ctx := context.Background()
	_, err := st.Migrate(ctx)
	require.NoError(t, err)
	for _, label := range []string{"Article", "Actor", "Location", "Event", "Statement"} {
		err := graph.ExecForTest(ctx, st, "CREATE (:"+label+" {id: 'x'})")
		require.NoError(t, err)
		err = graph.ExecForTest(ctx, st, "CREATE (:"+label+" {id: 'x'})")
		assert.Error(t, err, "duplicate %s id rejected", label)
	}
}
