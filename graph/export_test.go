package graph

import "context"

// ExecForTest runs one auto-commit statement (tests only).
func ExecForTest(ctx context.Context, s *Store, cypher string) error {
	return s.run(ctx, cypher, nil)
}
