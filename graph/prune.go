package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// qStaleFileArticles finds the articles read from files under the roots
// that a run did not see again. A root is a folder or a file; protected
// paths (files or folders that could not be read this time) keep theirs.
const qStaleFileArticles = `UNWIND $roots AS root
MATCH (a:Article)
WHERE a.file = root.path OR a.file STARTS WITH root.prefix
WITH DISTINCT a
WHERE NOT a.id IN $seen
  AND NONE(p IN $protect WHERE a.file = p.path OR a.file STARTS WITH p.prefix)
RETURN a.id AS id
ORDER BY id`

// StaleFileArticles returns the ids of the articles whose file lies under
// one of roots (absolute paths with forward slashes, as in Article.File)
// and that are not in seen, except those under a protected path.
func (s *Store) StaleFileArticles(ctx context.Context, roots, seen, protect []string) ([]string, error) {
	if len(roots) == 0 {
		return nil, nil
	}
	if seen == nil {
		seen = []string{}
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, qStaleFileArticles, map[string]any{
		"roots": pathRows(roots), "seen": seen, "protect": pathRows(protect),
	}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("find articles of removed files: %w", s.connErr(err))
	}
	ids := make([]string, 0, len(res.Records))
	for _, r := range res.Records {
		if id, ok := r.Values[0].(string); ok {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// pathRows gives each path the prefix its descendants start with.
func pathRows(paths []string) []map[string]any {
	rows := make([]map[string]any, 0, len(paths))
	for _, p := range paths {
		p = strings.TrimSuffix(p, "/")
		rows = append(rows, map[string]any{"path": p, "prefix": p + "/"})
	}
	return rows
}
