package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WipeData deletes every node and relationship except the record of applied
// migrations, in batches so that large graphs do not exhaust the heap.
func WipeData(ctx context.Context, s *Store) error {
	return s.deleteNodes(ctx, "MATCH (n) WHERE NOT n:SchemaMigration")
}

// WipeAll deletes all data, constraints and indexes, as on a new server.
func WipeAll(ctx context.Context, s *Store) error {
	if err := s.deleteNodes(ctx, "MATCH (n)"); err != nil {
		return err
	}
	// Constraints first: dropping one drops its backing index.
	for _, kind := range []string{"CONSTRAINT", "INDEX"} {
		list := map[string]string{
			"CONSTRAINT": "SHOW CONSTRAINTS YIELD name RETURN name",
			"INDEX":      "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name",
		}[kind]
		res, err := neo4j.ExecuteQuery(ctx, s.driver, list, nil, neo4j.EagerResultTransformer, s.writeConfig())
		if err != nil {
			return fmt.Errorf("wipe schema: %w", s.connErr(err))
		}
		for _, r := range res.Records {
			name, _ := r.Get("name")
			// Schema names cannot be parameters; these come from the server
			// itself and are quoted as identifiers.
			if err := s.run(ctx, fmt.Sprintf("DROP %s `%s` IF EXISTS", kind, name), nil); err != nil {
				return fmt.Errorf("wipe schema: %w", err)
			}
		}
	}
	return nil
}

func (s *Store) deleteNodes(ctx context.Context, match string) error {
	if err := s.run(ctx, match+" CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil); err != nil {
		return fmt.Errorf("wipe data: %w", err)
	}
	return nil
}
