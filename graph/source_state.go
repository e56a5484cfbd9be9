package graph

import (
	"context"
	"fmt"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/geokg/geokg/internal/redact"
)

// Per-source state of the re-ingestion daemon, kept in the graph so that a
// restarted daemon (or a one-off `geokg jobs run`) resumes where the last
// run stopped:
//
//	(:Source {url, url_hash, job, etag, last_modified, last_run,
//	          last_status, last_error, last_success})
//	(:Source)-[:HAS_ITEM]->(:SourceItem {key, key_hash, etag,
//	          last_modified, hash, article_id, status, seen_at})
//
// url is the source as configured (a feed or page URL, a folder or file
// path) and key an item's stable identity (its link or path), both stored
// with credentials redacted (redact.URL; a redacted url ends in " #" and
// the start of its hash, so that url stays unique); url_hash and key_hash,
// hashes of the full values, identify them, so two URLs that differ only in
// their token are two sources and no secret is stored. The validators (etag,
// last_modified) make the next request conditional; hash is a digest of the
// item's content, so an unchanged item is skipped before extraction.

// SourceState is what the daemon remembers of one configured source.
type SourceState struct {
	// URL is the source as configured, credentials included; the graph
	// keeps only its redacted form and its hash.
	URL          string
	Job          string
	ETag         string
	LastModified string
	LastRun      time.Time
	LastStatus   string // "ok", "unchanged", "partial", "failed"
	LastError    string // stored redacted
	LastSuccess  time.Time
}

// SeenItem is one item of a source that was committed (or deliberately
// skipped, such as an item older than the job's max age).
type SeenItem struct {
	// Key is the item's identity (link or path). Saved, it may carry
	// credentials (only its redacted form and KeyHash are stored); read
	// back, it is the redacted form.
	Key string
	// KeyHash is redact.Hash of the full key (set by SeenItems).
	KeyHash      string
	ETag         string
	LastModified string
	Hash         string
	ArticleID    string
	Status       string // "ingested", "too_old"
	SeenAt       time.Time
}

// SourceStates returns the stored state of the given sources (full URLs, as
// configured), by URL; missing ones are absent from the map. State written
// before source URLs were hashed is upgraded on the first call.
func (s *Store) SourceStates(ctx context.Context, urls []string) (map[string]SourceState, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	if err := s.upgradeLegacySources(ctx); err != nil {
		return nil, err
	}
	byHash := make(map[string]string, len(urls))
	hashes := make([]string, 0, len(urls))
	for _, u := range urls {
		h := redact.Hash(u)
		byHash[h] = u
		hashes = append(hashes, h)
	}
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `UNWIND $hashes AS h
MATCH (src:Source {url_hash: h})
RETURN src.url_hash AS url_hash, src.job AS job, src.etag AS etag, src.last_modified AS last_modified,
       src.last_run AS last_run, src.last_status AS last_status, src.last_error AS last_error,
       src.last_success AS last_success`, map[string]any{"hashes": hashes}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("read source state: %w", s.connErr(err))
	}
	out := map[string]SourceState{}
	for _, r := range res.Records {
		m := r.AsMap()
		st := SourceState{URL: byHash[str(m["url_hash"])], Job: str(m["job"]), ETag: str(m["etag"]), LastModified: str(m["last_modified"]),
			LastStatus: str(m["last_status"]), LastError: str(m["last_error"]),
			LastRun: timeOf(m["last_run"]), LastSuccess: timeOf(m["last_success"])}
		out[st.URL] = st
	}
	return out, nil
}

// storedURL is how a source URL is stored: redacted, and when redaction
// changed it, followed by " #" and the start of its hash (url is unique).
func storedURL(full string) string {
	red := redact.URL(full)
	if red == full {
		return full
	}
	return red + " #" + redact.Hash(full)[:12]
}

// upgradeLegacySources hashes and redacts the :Source nodes (and their
// items) written with the full URL as identity, every one of them (also of
// sources no longer configured, whose URLs hold credentials too). It runs
// once per Store: nothing writes such nodes any more.
func (s *Store) upgradeLegacySources(ctx context.Context) error {
	if s.legacyUpgraded.Load() {
		return nil
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.cfg.Database})
	defer sess.Close(ctx)
	_, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, `MATCH (src:Source) WHERE src.url_hash IS NULL
RETURN elementId(src) AS id, src.url AS url, src.last_error AS last_error,
       [(src)-[:HAS_ITEM]->(i:SourceItem) WHERE i.key_hash IS NULL | [elementId(i), i.key]] AS items`, nil)
		if err != nil {
			return nil, err
		}
		recs, err := res.Collect(ctx)
		if err != nil || len(recs) == 0 {
			return nil, err
		}
		rows := make([]map[string]any, 0, len(recs))
		for _, r := range recs {
			m := r.AsMap()
			full := str(m["url"])
			var items []map[string]any
			list, _ := m["items"].([]any)
			for _, x := range list {
				pair, _ := x.([]any)
				if len(pair) != 2 {
					continue
				}
				key := str(pair[1])
				items = append(items, map[string]any{"id": str(pair[0]), "hash": redact.Hash(key), "key": redact.URL(key)})
			}
			if items == nil {
				items = []map[string]any{}
			}
			rows = append(rows, map[string]any{"id": str(m["id"]), "hash": redact.Hash(full), "url": storedURL(full),
				"last_error": optional(redact.Text(str(m["last_error"]))), "items": items})
		}
		_, err = tx.Run(ctx, `UNWIND $rows AS r
MATCH (src:Source) WHERE elementId(src) = r.id AND NOT EXISTS { MATCH (:Source {url_hash: r.hash}) }
SET src.url_hash = r.hash, src.url = r.url, src.last_error = r.last_error
WITH src, r
UNWIND r.items AS it
MATCH (src)-[:HAS_ITEM]->(i:SourceItem) WHERE elementId(i) = it.id
SET i.key_hash = it.hash, i.key = it.key`, map[string]any{"rows": rows})
		return nil, err
	})
	if err != nil {
		return fmt.Errorf("upgrade source state: %w", s.connErr(err))
	}
	s.legacyUpgraded.Store(true)
	return nil
}

// SaveSourceState records the outcome of a run for one source. Empty
// validators keep the stored ones (a failed request teaches nothing); a
// zero LastSuccess keeps the stored one.
func (s *Store) SaveSourceState(ctx context.Context, st SourceState) error {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `MERGE (src:Source {url_hash: $url_hash})
SET src.url = $url, src.job = $job, src.last_run = $last_run, src.last_status = $last_status, src.last_error = $last_error,
    src.etag = coalesce($etag, src.etag), src.last_modified = coalesce($last_modified, src.last_modified),
    src.last_success = coalesce($last_success, src.last_success)`, map[string]any{
		"url_hash": redact.Hash(st.URL), "url": storedURL(st.URL), "job": st.Job, "etag": optional(st.ETag),
		"last_modified": optional(st.LastModified), "last_run": timeParam(st.LastRun), "last_status": st.LastStatus,
		"last_error": optional(redact.Text(st.LastError)), "last_success": timeParam(st.LastSuccess),
	}, neo4j.EagerResultTransformer, s.writeConfig())
	if err != nil {
		return fmt.Errorf("save source state %s: %w", redact.URL(st.URL), s.connErr(err))
	}
	return nil
}

// SeenItems returns the items recorded for a source (its full URL), by
// KeyHash.
func (s *Store) SeenItems(ctx context.Context, sourceURL string) (map[string]SeenItem, error) {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	res, err := neo4j.ExecuteQuery(ctx, s.driver, `MATCH (:Source {url_hash: $url_hash})-[:HAS_ITEM]->(i:SourceItem)
RETURN i.key AS key, i.key_hash AS key_hash, i.etag AS etag, i.last_modified AS last_modified, i.hash AS hash,
       i.article_id AS article_id, i.status AS status, i.seen_at AS seen_at`,
		map[string]any{"url_hash": redact.Hash(sourceURL)}, neo4j.EagerResultTransformer, s.readConfig())
	if err != nil {
		return nil, fmt.Errorf("read seen items of %s: %w", redact.URL(sourceURL), s.connErr(err))
	}
	out := make(map[string]SeenItem, len(res.Records))
	for _, r := range res.Records {
		m := r.AsMap()
		it := SeenItem{Key: str(m["key"]), KeyHash: str(m["key_hash"]), ETag: str(m["etag"]), LastModified: str(m["last_modified"]),
			Hash: str(m["hash"]), ArticleID: str(m["article_id"]), Status: str(m["status"]), SeenAt: timeOf(m["seen_at"])}
		if it.KeyHash == "" {
			it.KeyHash = redact.Hash(it.Key) // not upgraded yet: the key is the full one
		}
		out[it.KeyHash] = it
	}
	return out, nil
}

// SaveSeenItems records items of a source (its full URL), upserting by the
// hash of each item's full key.
func (s *Store) SaveSeenItems(ctx context.Context, sourceURL string, items []SeenItem) error {
	ctx, cancel := s.bounded(ctx)
	defer cancel()
	if len(items) == 0 {
		return nil
	}
	rows := make([]map[string]any, len(items))
	for i, it := range items {
		// the hash of the whole key is the identity; the key shown is capped
		// like every indexed value (a hostile feed's kilobytes of link)
		rows[i] = map[string]any{"key": capIndexed(redact.URL(it.Key)), "key_hash": redact.Hash(it.Key), "etag": optional(it.ETag),
			"last_modified": optional(it.LastModified), "hash": it.Hash, "article_id": optional(it.ArticleID),
			"status": it.Status, "seen_at": timeParam(it.SeenAt)}
	}
	_, err := neo4j.ExecuteQuery(ctx, s.driver, `MERGE (src:Source {url_hash: $url_hash})
ON CREATE SET src.url = $url
WITH src
UNWIND $rows AS r
MERGE (src)-[:HAS_ITEM]->(i:SourceItem {key_hash: r.key_hash})
SET i.key = r.key, i.etag = r.etag, i.last_modified = r.last_modified, i.hash = r.hash, i.article_id = r.article_id,
    i.status = r.status, i.seen_at = r.seen_at`, map[string]any{"url_hash": redact.Hash(sourceURL), "url": storedURL(sourceURL), "rows": rows},
		neo4j.EagerResultTransformer, s.writeConfig())
	if err != nil {
		return fmt.Errorf("save seen items of %s: %w", redact.URL(sourceURL), s.connErr(err))
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
