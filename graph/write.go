package graph

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/schema"
)

// WriteStats counts what writes did. Article counts are per article; the
// node and relationship counts come from the server's statement counters.
type WriteStats struct {
	New, Updated, Unchanged, Deleted int
	NodesCreated, NodesDeleted       int
	RelsCreated, RelsDeleted         int
	PropertiesSet                    int
}

// Add adds o to s.
func (s *WriteStats) Add(o WriteStats) {
	s.New += o.New
	s.Updated += o.Updated
	s.Unchanged += o.Unchanged
	s.Deleted += o.Deleted
	s.NodesCreated += o.NodesCreated
	s.NodesDeleted += o.NodesDeleted
	s.RelsCreated += o.RelsCreated
	s.RelsDeleted += o.RelsDeleted
	s.PropertiesSet += o.PropertiesSet
}

// WriteArticles writes a batch of extracted documents in one retrying write
// transaction. Each document's Article.ID is its identity across runs.
// An article whose content hash and extractor version are unchanged is
// skipped (counted Unchanged); a changed one is replaced: what it alone
// asserted is removed, its new facts written, and every derived value (node
// properties, roles, ABOUT edges, the INTERACTS_WITH rollup) recomputed for
// the nodes it touches, so that the graph equals a fresh ingest of the
// current inputs. Documents with the same article id in one batch: the last
// wins.
func (s *Store) WriteArticles(ctx context.Context, docs []schema.Document) (WriteStats, error) {
	if len(docs) == 0 {
		return WriteStats{}, nil
	}
	now := time.Now()
	byID := map[string]*prepared{}
	var order []string
	for _, d := range docs {
		p, err := prepare(d, now)
		if err != nil {
			return WriteStats{}, fmt.Errorf("write articles: %w", err)
		}
		if _, dup := byID[p.id]; !dup {
			order = append(order, p.id)
		}
		byID[p.id] = p
	}
	batch := make([]*prepared, 0, len(order))
	for _, id := range order {
		batch = append(batch, byID[id])
	}
	stats, err := s.write(ctx, func(tx *txWriter) error { return tx.replace(ctx, batch, nil) })
	if err != nil {
		return WriteStats{}, fmt.Errorf("write %d articles: %w", len(batch), err)
	}
	return stats, nil
}

// DeleteArticles removes articles and everything only they asserted,
// recomputing what they shared with others.
func (s *Store) DeleteArticles(ctx context.Context, ids []string) (WriteStats, error) {
	if len(ids) == 0 {
		return WriteStats{}, nil
	}
	stats, err := s.write(ctx, func(tx *txWriter) error { return tx.replace(ctx, nil, ids) })
	if err != nil {
		return WriteStats{}, fmt.Errorf("delete %d articles: %w", len(ids), err)
	}
	return stats, nil
}

// write runs fn in a retrying write transaction (the driver retries
// transient errors such as deadlocks and lost connections with backoff).
// Stats are rebuilt on every attempt, so a retried attempt is not counted
// twice.
//
// The driver retries for Config.RetryTimeout at most (its
// MaxTransactionRetryTime); retryWatch keeps the whole, back-off sleeps
// included, within that bound unless an attempt is still running.
func (s *Store) write(ctx context.Context, fn func(*txWriter) error) (WriteStats, error) {
	wctx, watch, stop := watch(ctx, s.cfg.RetryTimeout)
	defer stop()
	sess := s.driver.NewSession(wctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	stats, err := neo4j.ExecuteWrite(wctx, sess, func(tx neo4j.ManagedTransaction) (WriteStats, error) {
		watch.enter()
		w := &txWriter{tx: tx}
		err := fn(w)
		watch.leave(err)
		if err != nil {
			return WriteStats{}, err
		}
		return w.stats, nil
	})
	if err != nil {
		if ctx.Err() == nil && errors.Is(context.Cause(wctx), errRetryBudget) {
			return WriteStats{}, s.gaveUp(err)
		}
		return WriteStats{}, s.writeErr(err)
	}
	return stats, nil
}

// gaveUp phrases a write abandoned at the retry timeout: an unavailable
// server (IsUnavailable holds) named with the last cause.
func (s *Store) gaveUp(err error) error {
	last := err
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		last = lim.Errors[len(lim.Errors)-1]
	}
	cause := rootCause(last)
	if errors.Is(last, context.Canceled) {
		cause = "no answer"
	}
	return &ConnError{URI: s.cfg.URI, Cause: fmt.Sprintf("gave up after %s (neo4j.retry_timeout): %s", s.cfg.RetryTimeout, cause),
		Hint: notRunningHint, Err: fmt.Errorf("%w: %w", errRetryBudget, err)}
}

// writeErr phrases a failed write. When the driver gave up retrying because
// the server stayed unreachable, the error is a ConnError for which
// IsUnavailable holds, so callers can tell it from a rejected write.
func (s *Store) writeErr(err error) error {
	var lim *neo4j.TransactionExecutionLimit
	if errors.As(err, &lim) && len(lim.Errors) > 0 {
		last := lim.Errors[len(lim.Errors)-1]
		if neo4j.IsConnectivityError(last) || isTimeout(last) {
			e := s.connErr(last)
			var ce *ConnError
			if errors.As(e, &ce) {
				ce.Cause = fmt.Sprintf("%s (gave up after %d attempts: %s)", ce.Cause, len(lim.Errors), lim.Cause)
			}
			return e
		}
	}
	return s.connErr(err)
}

// txWriter runs the statements of one transaction and sums their counters.
type txWriter struct {
	tx    neo4j.ManagedTransaction
	stats WriteStats
}

func (w *txWriter) run(ctx context.Context, cypher string, params map[string]any) ([]*neo4j.Record, error) {
	res, err := w.tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	c := sum.Counters()
	w.stats.NodesCreated += c.NodesCreated()
	w.stats.NodesDeleted += c.NodesDeleted()
	w.stats.RelsCreated += c.RelationshipsCreated()
	w.stats.RelsDeleted += c.RelationshipsDeleted()
	w.stats.PropertiesSet += c.PropertiesSet()
	return recs, nil
}

// touched collects the ids whose derived values must be recomputed.
type touched struct {
	events, stmts, actors, locations map[string]bool
	pairs                            map[string][2]string
}

func newTouched() *touched {
	return &touched{events: map[string]bool{}, stmts: map[string]bool{}, actors: map[string]bool{},
		locations: map[string]bool{}, pairs: map[string][2]string{}}
}

func addAll(m map[string]bool, ids []string) {
	for _, id := range ids {
		m[id] = true
	}
}

// Statements of the replace path. Every value is a parameter.
const (
	// qEventEdges links an event (e) to the actors and the place of its
	// row (r).
	qEventEdges = `FOREACH (sid IN r.sources | MERGE (s:Actor {id: sid}) MERGE (s)-[:INITIATED]->(e))
FOREACH (tid IN r.targets | MERGE (t:Actor {id: tid}) MERGE (e)-[:TARGETED]->(t))
FOREACH (lid IN CASE WHEN r.location IS NOT NULL AND NOT r.location_is_actor THEN [r.location] ELSE [] END |
  MERGE (l:Location {id: lid}) MERGE (e)-[:OCCURRED_IN]->(l))
FOREACH (cid IN CASE WHEN r.location IS NOT NULL AND r.location_is_actor THEN [r.location] ELSE [] END |
  MERGE (c:Actor {id: cid}) MERGE (e)-[:OCCURRED_IN]->(c))`

	// Lock (or create) each article node first: a concurrent writer of the
	// same article waits here, then sees the committed hash.
	qLockArticles = `UNWIND $ids AS id
MERGE (a:Article {id: id})
ON CREATE SET a.new_ = true
SET a.lock_ = true
RETURN id, a.content_hash AS hash, a.extractor_version AS version, a.file AS file, coalesce(a.new_, false) AS created`
	qUnlockArticles = `UNWIND $ids AS id
MATCH (a:Article {id: id})
REMOVE a.lock_, a.new_`
	qOldFacts = `UNWIND $ids AS id
MATCH (a:Article {id: id})
CALL (a) {
  OPTIONAL MATCH (a)-[:REPORTS]->(e:Event)
  OPTIONAL MATCH (s:Actor)-[:INITIATED]->(e)-[:TARGETED]->(t:Actor)
  RETURN collect(DISTINCT e.id) AS events, collect(DISTINCT [s.id, t.id]) AS pairs
}
CALL (a) {
  OPTIONAL MATCH (a)-[:QUOTES]->(st:Statement)
  RETURN collect(DISTINCT st.id) AS stmts
}
CALL (a) {
  OPTIONAL MATCH (a)-[:MENTIONS]->(m)
  OPTIONAL MATCH (m:Location)-[:IN]->(c:Actor)
  RETURN collect(DISTINCT CASE WHEN m:Actor THEN m.id END) AS actors,
         collect(DISTINCT CASE WHEN m:Location THEN m.id END) AS locations,
         collect(DISTINCT c.id) AS countries
}
RETURN events, pairs, stmts, actors, locations, countries`
	qDropArticleFacts = `UNWIND $ids AS id
MATCH (a:Article {id: id})-[r:MENTIONS|REPORTS|QUOTES]->()
DELETE r`
	qDeleteArticles = `UNWIND $ids AS id
MATCH (a:Article {id: id})
DETACH DELETE a`
	qWriteArticles = `UNWIND $rows AS r
MATCH (a:Article {id: r.id})
SET a.url = r.url, a.title = r.title, a.source = r.source, a.published_at = r.published_at,
    a.published = r.published, a.content_hash = r.content_hash,
    a.extractor_version = r.extractor_version, a.ingested_at = r.ingested_at, a.chars = r.chars, a.file = r.file`
	// An unchanged article read from another file than last time (a JSON
	// record moved) only changes its file.
	qSetArticleFiles = `UNWIND $rows AS r
MATCH (a:Article {id: r.id})
SET a.file = r.file`
	qWriteActors = `UNWIND $rows AS r
MERGE (x:Actor {id: r.id})
ON CREATE SET x.name = r.name, x.kind = r.kind, x.country = r.country
WITH x, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:MENTIONS {count: r.count, name: r.name, kind: r.kind, country: r.country,
  aliases: r.aliases, role_titles: r.role_titles, role_of: r.role_of}]->(x)`
	qWriteLocations = `UNWIND $rows AS r
MERGE (l:Location {id: r.id})
ON CREATE SET l.name = r.name, l.kind = r.kind
WITH l, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:MENTIONS {count: r.count, name: r.name, kind: r.kind, country: r.country, lat: r.lat, lon: r.lon}]->(l)`
	qWriteEvents = `UNWIND $rows AS r
MERGE (e:Event {id: r.id})
ON CREATE SET e.type = r.type, e.date = r.date, e.caption = r.type + coalesce(' ' + toString(r.date), '')
FOREACH (_ IN CASE WHEN r.family = 'VerbalCooperation' THEN [1] ELSE [] END | SET e:VerbalCooperation)
FOREACH (_ IN CASE WHEN r.family = 'MaterialCooperation' THEN [1] ELSE [] END | SET e:MaterialCooperation)
FOREACH (_ IN CASE WHEN r.family = 'VerbalConflict' THEN [1] ELSE [] END | SET e:VerbalConflict)
FOREACH (_ IN CASE WHEN r.family = 'MaterialConflict' THEN [1] ELSE [] END | SET e:MaterialConflict)
WITH e, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:REPORTS {evidence: r.evidence, start: r.start, end: r.end, confidence: r.confidence,
  extractor_version: r.extractor_version, cameo: r.cameo, fatalities: r.fatalities, quantities: r.quantities}]->(e)
` + qEventEdges
	qWriteStatements = `UNWIND $rows AS r
MERGE (s:Statement {id: r.id})
ON CREATE SET s.kind = r.kind, s.text = r.text
WITH s, r
MATCH (a:Article {id: r.article})
CREATE (a)-[:QUOTES {evidence: r.evidence, start: r.start, end: r.end, confidence: r.confidence,
  extractor_version: r.extractor_version, kind: r.kind, text: r.text, about: r.about, date: r.date}]->(s)
FOREACH (sp IN CASE WHEN r.speaker IS NULL THEN [] ELSE [r.speaker] END |
  MERGE (p:Actor {id: sp}) MERGE (p)-[:SAID]->(s))`
	// An event's properties are a function of all its reports: the most
	// confident report (ties: the smallest article id) gives the summary,
	// CAMEO code and quantities; fatalities is the largest reported toll.
	qDeleteOrphanEvents = `UNWIND $ids AS id
MATCH (e:Event {id: id})
WHERE NOT EXISTS { (:Article)-[:REPORTS]->(e) }
DETACH DELETE e`
	qRecomputeEvents = `UNWIND $ids AS id
MATCH (e:Event {id: id})
MATCH (a:Article)-[r:REPORTS]->(e)
WITH e, a, r ORDER BY r.confidence DESC, a.id, r.start
WITH e, collect(r) AS rs
SET e.num_articles = size(rs),
    e.summary = rs[0].evidence,
    e.confidence = reduce(m = 0.0, x IN rs | CASE WHEN x.confidence > m THEN x.confidence ELSE m END),
    e.cameo = head([x IN rs WHERE x.cameo IS NOT NULL | x.cameo]),
    e.quantities = coalesce(head([x IN rs WHERE x.quantities <> '[]' | x.quantities]), '[]'),
    e.fatalities = reduce(m = null, x IN rs | CASE WHEN x.fatalities IS NOT NULL AND (m IS NULL OR x.fatalities > m) THEN x.fatalities ELSE m END)`
	qDeleteOrphanStatements = `UNWIND $ids AS id
MATCH (s:Statement {id: id})
WHERE NOT EXISTS { (:Article)-[:QUOTES]->(s) }
DETACH DELETE s`
	// A statement's ABOUT edges are the union of what its quoting articles
	// say it is about; its date is the earliest article's.
	qRecomputeStatements = `UNWIND $ids AS id
MATCH (s:Statement {id: id})
MATCH (a:Article)-[q:QUOTES]->(s)
WITH s, a, q ORDER BY q.confidence DESC, a.id, q.start
WITH s, collect(q) AS qs
WITH s, qs, reduce(acc = [], x IN reduce(all = [], q IN qs | all + q.about) | CASE WHEN x IN acc THEN acc ELSE acc + x END) AS about
SET s.num_articles = size(qs), s.kind = qs[0].kind, s.text = qs[0].text,
    s.date = reduce(m = null, q IN qs | CASE WHEN q.date IS NOT NULL AND (m IS NULL OR q.date < m) THEN q.date ELSE m END)
WITH s, about
CALL (s, about) {
  OPTIONAL MATCH (s)-[old:ABOUT]->(t:Actor)
  WHERE NOT t.id IN about
  DELETE old
}
FOREACH (aid IN about | MERGE (t:Actor {id: aid}) MERGE (s)-[:ABOUT]->(t))`
)

// replace is the whole write path: lock the articles, skip the unchanged,
// drop what the changed (and deleted) ones asserted, write the new facts,
// then recompute everything derived from the touched nodes.
func (w *txWriter) replace(ctx context.Context, batch []*prepared, deleteIDs []string) error {
	ids := make([]string, 0, len(batch))
	for _, p := range batch {
		ids = append(ids, p.id)
	}
	var write []*prepared
	var clear []string
	var moved []map[string]any
	if len(ids) > 0 {
		props := w.stats.PropertiesSet
		recs, err := w.run(ctx, qLockArticles, map[string]any{"ids": ids})
		w.stats.PropertiesSet = props // the lock flags are bookkeeping
		if err != nil {
			return fmt.Errorf("lock articles: %w", err)
		}
		state := map[string]*neo4j.Record{}
		for _, r := range recs {
			id, _ := r.Get("id")
			state[id.(string)] = r
		}
		for _, p := range batch {
			r := state[p.id]
			created, _ := r.Get("created")
			hash, _ := r.Get("hash")
			version, _ := r.Get("version")
			file, _ := r.Get("file")
			switch {
			case created == true:
				w.stats.New++
				write = append(write, p)
			case hash == p.hash && versionEq(version, p.version):
				w.stats.Unchanged++
				if p.file != "" && file != p.file {
					moved = append(moved, map[string]any{"id": p.id, "file": p.file})
				}
			default:
				w.stats.Updated++
				write = append(write, p)
				clear = append(clear, p.id)
			}
		}
	}
	if len(moved) > 0 {
		if _, err := w.run(ctx, qSetArticleFiles, map[string]any{"rows": moved}); err != nil {
			return fmt.Errorf("update article files: %w", err)
		}
	}
	clear = append(clear, deleteIDs...)
	t := newTouched()
	if len(clear) > 0 {
		if err := w.collectOld(ctx, clear, t); err != nil {
			return err
		}
		if _, err := w.run(ctx, qDropArticleFacts, map[string]any{"ids": clear}); err != nil {
			return fmt.Errorf("drop old facts: %w", err)
		}
	}
	if len(deleteIDs) > 0 {
		before := w.stats.NodesDeleted
		if _, err := w.run(ctx, qDeleteArticles, map[string]any{"ids": deleteIDs}); err != nil {
			return fmt.Errorf("delete articles: %w", err)
		}
		w.stats.Deleted += w.stats.NodesDeleted - before
	}
	if len(write) > 0 {
		if err := w.writeNew(ctx, write, t); err != nil {
			return err
		}
	}
	if err := w.recompute(ctx, t); err != nil {
		return err
	}
	if len(ids) > 0 {
		props := w.stats.PropertiesSet
		if _, err := w.run(ctx, qUnlockArticles, map[string]any{"ids": ids}); err != nil {
			return fmt.Errorf("unlock articles: %w", err)
		}
		w.stats.PropertiesSet = props
	}
	return nil
}

func versionEq(stored any, v string) bool {
	s, _ := stored.(string)
	return s == v
}

// collectOld records what the articles asserted before they are cleared.
func (w *txWriter) collectOld(ctx context.Context, ids []string, t *touched) error {
	recs, err := w.run(ctx, qOldFacts, map[string]any{"ids": ids})
	if err != nil {
		return fmt.Errorf("read old facts: %w", err)
	}
	for _, r := range recs {
		get := func(k string) []string {
			v, _ := r.Get(k)
			return anyStrings(v)
		}
		addAll(t.events, get("events"))
		addAll(t.stmts, get("stmts"))
		addAll(t.actors, get("actors"))
		addAll(t.actors, get("countries"))
		addAll(t.locations, get("locations"))
		pv, _ := r.Get("pairs")
		for _, p := range anySlice(pv) {
			pp := anyStrings(p)
			if len(pp) == 2 && pp[0] != "" && pp[1] != "" && pp[0] != pp[1] {
				t.pairs[pairKey([2]string{pp[0], pp[1]})] = [2]string{pp[0], pp[1]}
			}
		}
	}
	return nil
}

// batchRows are the parameter rows of a batch of articles, by kind.
type batchRows struct {
	articles, actors, locations, events, statements []map[string]any
}

func rowsOf(batch []*prepared) batchRows {
	var r batchRows
	for _, p := range batch {
		r.articles = append(r.articles, p.article)
		r.actors = append(r.actors, p.actors...)
		r.locations = append(r.locations, p.locations...)
		r.events = append(r.events, p.events...)
		r.statements = append(r.statements, p.stmts...)
	}
	return r
}

// writeNew writes the facts of the articles, one UNWIND statement per kind.
func (w *txWriter) writeNew(ctx context.Context, batch []*prepared, t *touched) error {
	rows := rowsOf(batch)
	for _, p := range batch {
		addAll(t.actors, p.actorIDs)
		addAll(t.locations, p.locationIDs)
		addAll(t.events, p.eventIDs)
		addAll(t.stmts, p.stmtIDs)
		for _, pr := range p.pairs {
			t.pairs[pairKey(pr)] = pr
		}
	}
	steps := []struct {
		what  string
		query string
		rows  []map[string]any
	}{
		{"articles", qWriteArticles, rows.articles},
		{"actors", qWriteActors, rows.actors},
		{"locations", qWriteLocations, rows.locations},
		{"events", qWriteEvents, rows.events},
		{"statements", qWriteStatements, rows.statements},
	}
	for _, s := range steps {
		if len(s.rows) == 0 {
			continue
		}
		if _, err := w.run(ctx, s.query, map[string]any{"rows": s.rows}); err != nil {
			return fmt.Errorf("write %s: %w", s.what, err)
		}
	}
	return nil
}

// recompute brings every derived value of the touched nodes up to date and
// deletes nodes no article supports any more. Order matters: events and
// statements first (their deletion ends INITIATED/TARGETED/SAID/ABOUT),
// then the rollup, then locations (their IN edges keep countries), then
// actors.
func (w *txWriter) recompute(ctx context.Context, t *touched) error {
	if ids := sortedKeys(t.events); len(ids) > 0 {
		if _, err := w.run(ctx, qDeleteOrphanEvents, map[string]any{"ids": ids}); err != nil {
			return fmt.Errorf("delete orphan events: %w", err)
		}
		if _, err := w.run(ctx, qRecomputeEvents, map[string]any{"ids": ids}); err != nil {
			return fmt.Errorf("recompute events: %w", err)
		}
	}
	if ids := sortedKeys(t.stmts); len(ids) > 0 {
		if _, err := w.run(ctx, qDeleteOrphanStatements, map[string]any{"ids": ids}); err != nil {
			return fmt.Errorf("delete orphan statements: %w", err)
		}
		if _, err := w.run(ctx, qRecomputeStatements, map[string]any{"ids": ids}); err != nil {
			return fmt.Errorf("recompute statements: %w", err)
		}
	}
	pairs := make([][2]string, 0, len(t.pairs))
	for _, p := range t.pairs {
		pairs = append(pairs, p)
	}
	sortPairs(pairs)
	if err := w.rollup(ctx, pairs); err != nil {
		return err
	}
	if err := w.recomputeLocations(ctx, sortedKeys(t.locations), t); err != nil {
		return err
	}
	return w.recomputeActors(ctx, sortedKeys(t.actors))
}

func anySlice(v any) []any {
	s, _ := v.([]any)
	return s
}

func anyStrings(v any) []string {
	var out []string
	for _, x := range anySlice(v) {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	return out
}
