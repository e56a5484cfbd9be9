package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/geokg/geokg/schema"
)

// The ceiling write: the rows WriteArticles prepares, written with the least
// Cypher that gives geokg's graph shape — one UNWIND per kind, MERGE of every
// node on its constraint-backed id, CREATE of the article's relationships,
// MERGE of the event and statement edges — and none of what keeps the graph
// exact (article locks, change detection, replacing old facts, derived
// values, the INTERACTS_WITH rollup). Its rate is what the server itself
// allows for this graph shape; the gap to WriteArticles is geokg's overhead.
const (
	qCeilingArticles = `UNWIND $rows AS r
MERGE (a:Article {id: r.id})
SET a.url = r.url, a.title = r.title, a.content_hash = r.content_hash, a.published = r.published`
	qCeilingActors = `UNWIND $rows AS r
MERGE (x:Actor {id: r.id}) ON CREATE SET x.name = r.name, x.kind = r.kind
WITH x, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:MENTIONS {count: r.count}]->(x)`
	qCeilingLocations = `UNWIND $rows AS r
MERGE (l:Location {id: r.id}) ON CREATE SET l.name = r.name, l.kind = r.kind
WITH l, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:MENTIONS {count: r.count}]->(l)`
	qCeilingEvents = `UNWIND $rows AS r
MERGE (e:Event {id: r.id}) ON CREATE SET e.type = r.type, e.date = r.date
WITH e, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:REPORTS {confidence: r.confidence, evidence: r.evidence}]->(e)
` + qEventEdges
	qCeilingStatements = `UNWIND $rows AS r
MERGE (s:Statement {id: r.id}) ON CREATE SET s.kind = r.kind, s.text = r.text
WITH s, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:QUOTES {confidence: r.confidence, evidence: r.evidence}]->(s)
FOREACH (sp IN CASE WHEN r.speaker IS NULL THEN [] ELSE [r.speaker] END |
  MERGE (p:Actor {id: sp}) MERGE (p)-[:SAID]->(s))`
)

// CeilingWriteForTest writes docs in one transaction the ceiling way (see
// above), for the benchmark that measures the server's own rate. Its graph
// is not a correct ingest: run it on a wiped database.
func CeilingWriteForTest(ctx context.Context, s *Store, docs []schema.Document) (WriteStats, error) {
	now := time.Now()
	batch := make([]*prepared, 0, len(docs))
	for _, d := range docs {
		p, err := prepare(d, now)
		if err != nil {
			return WriteStats{}, err
		}
		batch = append(batch, p)
	}
	rows := rowsOf(batch)
	return s.write(ctx, func(w *txWriter) error {
		for _, step := range []struct {
			cypher string
			rows   []map[string]any
		}{
			{qCeilingArticles, rows.articles}, {qCeilingActors, rows.actors}, {qCeilingLocations, rows.locations},
			{qCeilingEvents, rows.events}, {qCeilingStatements, rows.statements},
		} {
			if len(step.rows) == 0 {
				continue
			}
			if _, err := w.run(ctx, step.cypher, map[string]any{"rows": step.rows}); err != nil {
				return fmt.Errorf("ceiling write: %w", err)
			}
		}
		w.stats.New += len(docs)
		return nil
	})
}
