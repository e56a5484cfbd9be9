package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Per-source state of the re-ingestion daemon, kept in the graph so that a
// restarted daemon (or a one-off `geokg jobs run`) resumes where the last
// run stopped:
//
//	(:Source {url, job, etag, last_modified, last_run, last_status,
//	          last_error, last_success})
//	(:Source)-[:HAS_ITEM]->(:SourceItem {key, etag, last_modified, hash,
//	          article_id, status, seen_at})
//
// url is the source as configured (a feed or page URL, a folder or file
// path); key is an item's stable identity (its link or path). The validators
// (etag, last_modified) make the next request conditional; hash is a digest
// of the item's content, so an unchanged item is skipped before extraction.

// SourceState is what the daemon remembers of one configured source.
type SourceState struct {
	URL          string
	Job          string
	ETag         string
	LastModified string
	LastRun      time.Time
	LastStatus   string // "ok", "unchanged", "partial", "failed"
	LastError    string
	LastSuccess  time.Time
}

// SeenItem is one item of a source that was committed (or deliberately
// skipped, such as an item older than the job's max age).
type SeenItem struct {
	Key          string
	ETag         string
	LastModified string
	Hash         string
	ArticleID    string
	Status       string // "ingested", "too_old"
	SeenAt       time.Time
}

// SourceStates returns the stored state of the given sources (missing ones
// are absent from the map).
func (s *Store) SourceStates(ctx context.Context, urls []string) (map[string]SourceState, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `UNWIND $urls AS u
MATCH (src:Source {url: u})
RETURN src.url AS url, src.job AS job, src.etag AS etag, src.last_modified AS last_modified,
       src.last_run AS last_run, src.last_status AS last_status, src.last_error AS last_error,
       src.last_success AS last_success`, map[string]any{"urls": nonNilStrings(urls)}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("read source state: %w", s.connErr(err))
	}
	out := map[string]SourceState{}
	for _, r := range res.Records {
		m := r.AsMap()
		st := SourceState{URL: str(m["url"]), Job: str(m["job"]), ETag: str(m["etag"]), LastModified: str(m["last_modified"]),
			LastStatus: str(m["last_status"]), LastError: str(m["last_error"]),
			LastRun: timeOf(m["last_run"]), LastSuccess: timeOf(m["last_success"])}
		out[st.URL] = st
	}
	return out, nil
}

// SaveSourceState records the outcome of a run for one source. Empty
// validators keep the stored ones (a failed request teaches nothing); a
// zero LastSuccess keeps the stored one.
func (s *Store) SaveSourceState(ctx context.Context, st SourceState) error {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `MERGE (src:Source {url: $url})
SET src.job = $job, src.last_run = $last_run, src.last_status = $last_status, src.last_error = $last_error,
    src.etag = coalesce($etag, src.etag), src.last_modified = coalesce($last_modified, src.last_modified),
    src.last_success = coalesce($last_success, src.last_success)`, map[string]any{
		"url": st.URL, "job": st.Job, "etag": optional(st.ETag), "last_modified": optional(st.LastModified),
		"last_run": timeParam(st.LastRun), "last_status": st.LastStatus, "last_error": optional(st.LastError),
		"last_success": timeParam(st.LastSuccess),
	}, neo4j.EagerResultTransformer, s.writeConfig())
	if err != nil {
		return fmt.Errorf("save source state %s: %w", st.URL, s.connErr(err))
	}
	return nil
}

// SeenItems returns the items recorded for a source, by key.
func (s *Store) SeenItems(ctx context.Context, sourceURL string) (map[string]SeenItem, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `MATCH (:Source {url: $url})-[:HAS_ITEM]->(i:SourceItem)
RETURN i.key AS key, i.etag AS etag, i.last_modified AS last_modified, i.hash AS hash,
       i.article_id AS article_id, i.status AS status, i.seen_at AS seen_at`,
		map[string]any{"url": sourceURL}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("read seen items of %s: %w", sourceURL, s.connErr(err))
	}
	out := make(map[string]SeenItem, len(res.Records))
	for _, r := range res.Records {
		m := r.AsMap()
		it := SeenItem{Key: str(m["key"]), ETag: str(m["etag"]), LastModified: str(m["last_modified"]), Hash: str(m["hash"]),
			ArticleID: str(m["article_id"]), Status: str(m["status"]), SeenAt: timeOf(m["seen_at"])}
		out[it.Key] = it
	}
	return out, nil
}

// SaveSeenItems records items of a source (upserting by key).
func (s *Store) SaveSeenItems(ctx context.Context, sourceURL string, items []SeenItem) error {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	if len(items) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(items))
	for i, it := range items {
		rows[i] = map[string]any{"key": it.Key, "etag": optional(it.ETag), "last_modified": optional(it.LastModified),
			"hash": it.Hash, "article_id": optional(it.ArticleID), "status": it.Status, "seen_at": timeParam(it.SeenAt)}
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `MERGE (src:Source {url: $url})
WITH src
UNWIND $rows AS r
MERGE (src)-[:HAS_ITEM]->(i:SourceItem {key: r.key})
SET i.etag = r.etag, i.last_modified = r.last_modified, i.hash = r.hash, i.article_id = r.article_id,
    i.status = r.status, i.seen_at = r.seen_at`, map[string]any{"url": sourceURL, "rows": rows},
		neo4j.EagerResultTransformer, s.writeConfig())
	if err != nil {
		return fmt.Errorf("save seen items of %s: %w", sourceURL, s.connErr(err))
	}
	return nil
}

func timeParam(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Millisecond)
}

func timeOf(v any) time.Time {
	switch x := v.(type) {
	case time.Time:
		return x
	case neo4j.LocalDateTime:
		return x.Time()
	}
	return time.Time{}
}
