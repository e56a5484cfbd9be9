package serve

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/extract/timex"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/redact"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// Job is one scheduled re-ingestion job.
type Job struct {
	Name string
	// Schedule is a 5-field cron expression ("*/15 * * * *") or
	// "@every <duration>" ("@every 15m").
	Schedule string
	// Sources are feed or page URLs, folders and files.
	Sources []string
	// MaxItems bounds the items ingested per source and run (0: no limit).
	MaxItems int
	// MaxAge skips items published longer ago than this (0: no limit).
	MaxAge time.Duration
	// RunOnStart makes the daemon run the job as soon as it is connected
	// when it is due (see Due): never ran, or its last run, as recorded in
	// the graph, is older than its schedule allows; when it is not due, an
	// "@every" job first runs one interval after its last run. Otherwise
	// the first run waits for the schedule.
	RunOnStart bool
}

// Store is what runs need from the graph (implemented by *graph.Store).
type Store interface {
	pipeline.Writer
	SourceStates(ctx context.Context, urls []string) (map[string]graph.SourceState, error)
	SaveSourceState(ctx context.Context, st graph.SourceState) error
	SeenItems(ctx context.Context, sourceURL string) (map[string]graph.SeenItem, error)
	SaveSeenItems(ctx context.Context, sourceURL string, items []graph.SeenItem) error
}

// RunnerOptions tune fetching and writing.
type RunnerOptions struct {
	Workers      int
	Batch        int
	FetchTimeout time.Duration
	// ExtractTimeout bounds one article's extraction (see pipeline.Options).
	ExtractTimeout time.Duration
	MaxBytes       int64
	UserAgent      string
	// Allow lists the non-public networks sources may be fetched from (by
	// default only public addresses are).
	Allow source.AllowList
	// Transport is the HTTP transport under the conditional-request layer
	// (nil: source.NewTransport(Allow), which enforces the fetch policy).
	Transport http.RoundTripper
	// RetryTimeout bounds retrying a batch while Neo4j is unavailable
	// (pipeline.Options); RetryDelay is the first backoff.
	RetryTimeout time.Duration
	RetryDelay   time.Duration
}

// Runner runs one job once.
type Runner struct {
	Store     Store
	Extractor pipeline.Extractor
	Options   RunnerOptions
	Log       *slog.Logger
	// Now is the clock (nil: time.Now).
	Now func() time.Time
}

// Run statuses.
//
// A source's run fails when it could not do its work: Neo4j refused or
// could not take the writes, or something failed (the feed, page or folder
// itself, or items) and nothing was fetched: no item was ingested or found
// unchanged and the source did not answer 304 Not Modified. A run fails
// when it stopped (Neo4j) or every source failed; it is partial when some
// source or item failed and another one was fetched. Only ok, unchanged
// and partial runs are successes (Result.Succeeded).
const (
	StatusOK          = "ok"          // something was ingested, nothing failed
	StatusUnchanged   = "unchanged"   // nothing new, nothing failed
	StatusPartial     = "partial"     // some items or sources failed, others were fetched
	StatusFailed      = "failed"      // nothing was fetched, or the run stopped (Neo4j down, ...)
	StatusInterrupted = "interrupted" // shutdown stopped it early
)

// Counts are the items of a run or a source.
type Counts struct {
	// Requests is the number of HTTP requests made.
	Requests int `json:"requests"`
	// Fetched items were read (HTTP 200, or a file).
	Fetched int `json:"fetched"`
	// Ingested items were written new or updated.
	Ingested int `json:"ingested"`
	// Unchanged items: 304, same content as last time, or unchanged in the
	// graph.
	Unchanged int `json:"unchanged"`
	// Failed items could not be fetched, extracted or written.
	Failed int `json:"failed"`
	// Skipped items: beyond max_items or older than max_age.
	Skipped int `json:"skipped"`
}

func (c *Counts) add(o Counts) {
	c.Requests += o.Requests
	c.Fetched += o.Fetched
	c.Ingested += o.Ingested
	c.Unchanged += o.Unchanged
	c.Failed += o.Failed
	c.Skipped += o.Skipped
}

// SourceResult is the outcome of one source in a run.
type SourceResult struct {
	Source string `json:"source"`
	Counts
	// NotModified: the source itself answered 304.
	NotModified bool   `json:"not_modified"`
	Status      string `json:"status"`
	Error       string `json:"error,omitempty"`
}

// Result is the outcome of a run.
type Result struct {
	Job      string    `json:"job"`
	Started  time.Time `json:"started"`
	Finished time.Time `json:"finished"`
	Status   string    `json:"status"`
	Error    string    `json:"error,omitempty"`
	Counts
	Sources []SourceResult `json:"sources"`
}

// Duration is how long the run took.
func (r Result) Duration() time.Duration { return r.Finished.Sub(r.Started) }

// Succeeded reports whether the run fetched something (see the statuses):
// ok, unchanged or partial.
func (r Result) Succeeded() bool {
	return r.Status == StatusOK || r.Status == StatusUnchanged || r.Status == StatusPartial
}

// errNotModified marks a 304 in the walk.
func isNotModified(err error) bool {
	var se *source.StatusError
	return errors.As(err, &se) && se.Status == http.StatusNotModified
}

// Run runs job once. Closing drain makes it stop taking new items (the
// items already handed to the pipeline are finished); cancelling ctx
// abandons in-flight writes (they roll back). The error is set when the run
// could not do its work (it is also in Result.Error).
func (r *Runner) Run(ctx context.Context, job Job, drain <-chan struct{}) (Result, error) {
	now := r.now()
	res := Result{Job: job.Name, Started: now}
	log := r.log().With("job", job.Name)
	states, err := r.Store.SourceStates(ctx, job.Sources)
	if err != nil {
		err = redact.Error(err)
		res.Finished, res.Status, res.Error = r.now(), StatusFailed, err.Error()
		return res, err
	}
	var firstErr error
	for _, spec := range job.Sources {
		if isClosed(drain) || ctx.Err() != nil {
			res.Status = StatusInterrupted
			break
		}
		sr, err := r.runSource(ctx, job, spec, states[spec], drain, log)
		res.Sources = append(res.Sources, sr)
		res.Counts.add(sr.Counts)
		if err != nil && firstErr == nil {
			firstErr = redact.Error(err)
		}
	}
	res.Finished = r.now()
	switch {
	case res.Status == StatusInterrupted:
	case firstErr != nil:
		res.Status, res.Error = StatusFailed, firstErr.Error()
	default:
		res.Status = summarise(res.Sources)
		if res.Status == StatusFailed && len(res.Sources) > 0 {
			res.Error = res.Sources[0].Error
		}
	}
	log.Info("run finished", "status", res.Status, "fetched", res.Fetched, "ingested", res.Ingested,
		"unchanged", res.Unchanged, "failed", res.Failed, "skipped", res.Skipped, "requests", res.Requests,
		"duration", res.Duration().Round(time.Millisecond).String())
	return res, firstErr
}

// summarise is a run's status from its sources': interrupted if one was,
// failed if all failed, partial if some failed or were partial, else ok
// when something was ingested, else unchanged.
func summarise(srcs []SourceResult) string {
	status, failed := StatusUnchanged, 0
	for _, s := range srcs {
		switch s.Status {
		case StatusInterrupted:
			return s.Status
		case StatusFailed:
			failed++
			status = StatusPartial
		case StatusPartial:
			status = StatusPartial
		case StatusOK:
			if status == StatusUnchanged {
				status = StatusOK
			}
		}
	}
	if failed > 0 && failed == len(srcs) {
		return StatusFailed
	}
	return status
}

func (r *Runner) now() time.Time {
	if r.Now != nil {
		return r.Now()
	}
	return time.Now()
}

func (r *Runner) log() *slog.Logger {
	if r.Log != nil {
		return r.Log
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

func isClosed(c <-chan struct{}) bool {
	if c == nil {
		return false
	}
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// runSource ingests one source: a conditional request for it, then its new
// or changed items through the pipeline; the items committed are recorded.
func (r *Runner) runSource(ctx context.Context, job Job, spec string, st graph.SourceState, drain <-chan struct{}, log *slog.Logger) (SourceResult, error) {
	shown := redact.URL(spec)
	sr := SourceResult{Source: shown}
	seen, err := r.Store.SeenItems(ctx, spec)
	if err != nil {
		err = redact.Error(err)
		sr.Status, sr.Error = StatusFailed, err.Error()
		return sr, err
	}
	base := r.Options.Transport
	if base == nil {
		t := source.NewTransport(r.Options.Allow)
		defer t.CloseIdleConnections()
		base = t
	}
	tr := newCondTransport(base)
	tr.remember(spec, st.ETag, st.LastModified)
	for h, it := range seen {
		tr.rememberHash(h, it.ETag, it.LastModified)
	}
	timeout := r.Options.FetchTimeout
	if timeout <= 0 {
		timeout = 30 * time.Second
	}
	reader := source.New(source.Options{
		Client: &http.Client{Transport: tr, Timeout: timeout}, Timeout: timeout,
		MaxBytes: r.Options.MaxBytes, UserAgent: r.Options.UserAgent,
	})
	js := &jobSource{reader: reader, spec: spec, job: job, seen: seen, tr: tr, drain: drain, now: r.now(),
		pending: map[string]graph.SeenItem{}, byArticle: map[string]string{}}
	w := &recordingWriter{store: r.Store, src: js, spec: spec, log: log}
	sum, runErr := pipeline.Run(ctx, js, []string{spec}, &recordingExtractor{ex: r.Extractor, src: js}, w, pipeline.Options{
		Workers: r.Options.Workers, Batch: r.Options.Batch, Log: log,
		RetryTimeout: r.Options.RetryTimeout, RetryDelay: r.Options.RetryDelay, ExtractTimeout: r.Options.ExtractTimeout,
	})
	runErr = redact.Error(runErr)
	js.mu.Lock()
	sr.Counts = js.counts
	sr.NotModified = js.notModified
	truncated, interrupted := js.truncated, js.interrupted
	js.mu.Unlock()
	sr.Requests = tr.requests()
	sr.Ingested = sum.New + sum.Updated
	sr.Unchanged += sum.Unchanged
	sr.Failed += sum.Failed
	for _, f := range sum.Failures {
		log.Warn("item failed", "source", shown, "item", f.Origin, "err", f.Err)
	}
	if err := w.err(); err != nil && runErr == nil {
		log.Warn("recording seen items failed; they will be re-checked next run", "source", shown, "err", redact.Error(err))
	}

	state := graph.SourceState{URL: spec, Job: job.Name, LastRun: r.now()}
	switch {
	case runErr != nil:
		sr.Status, sr.Error = StatusFailed, runErr.Error()
		if ctx.Err() != nil {
			sr.Status = StatusInterrupted
		}
	case interrupted:
		sr.Status = StatusInterrupted
	case sr.Failed > 0 && sr.Ingested == 0 && sr.Unchanged == 0 && !sr.NotModified:
		sr.Status = StatusFailed // nothing fetched
	case sr.Failed > 0:
		sr.Status = StatusPartial
	case sr.Ingested > 0:
		sr.Status = StatusOK
	default:
		sr.Status = StatusUnchanged
	}
	state.LastStatus, state.LastError = sr.Status, sr.Error
	if sr.Failed > 0 && sr.Error == "" && len(sum.Failures) > 0 {
		state.LastError = fmt.Sprintf("%d item(s) failed; first: %s: %v", sr.Failed, sum.Failures[0].Origin, sum.Failures[0].Err)
		if sr.Status == StatusFailed {
			sr.Error = state.LastError
		}
	}
	// The source's validators are kept only when every item was handled:
	// otherwise the next request would be answered 304 and the rest lost.
	if sr.Status == StatusOK || sr.Status == StatusUnchanged {
		if !truncated {
			state.ETag, state.LastModified = tr.validators(spec)
		}
		state.LastSuccess = state.LastRun
	}
	if err := r.Store.SaveSourceState(context.WithoutCancel(ctx), state); err != nil {
		log.Warn("save source state", "source", shown, "err", redact.Error(err))
		if runErr == nil {
			runErr = err
		}
	}
	if runErr != nil && ctx.Err() != nil {
		return sr, nil // an abandoned run is reported by its status, not as an error
	}
	return sr, runErr
}

// jobSource walks one source for the pipeline, loading each item itself so
// that unchanged (304 or same content), too old and over-limit items never
// reach extraction.
type jobSource struct {
	reader *source.Reader
	spec   string
	job    Job
	seen   map[string]graph.SeenItem
	tr     *condTransport
	drain  <-chan struct{}
	now    time.Time

	mu          sync.Mutex
	counts      Counts
	taken       int
	notModified bool
	truncated   bool
	interrupted bool
	pending     map[string]graph.SeenItem // by item key, waiting for commit
	byArticle   map[string]string         // article id -> item key
	tooOld      []graph.SeenItem
}

func (s *jobSource) Walk(ctx context.Context, specs []string, fn func(source.Item) error) error {
	err := s.reader.Walk(ctx, specs, func(it source.Item) error {
		if isClosed(s.drain) {
			s.mu.Lock()
			s.interrupted = true
			s.mu.Unlock()
			return errDraining
		}
		if it.Err != nil {
			if isNotModified(it.Err) {
				s.mu.Lock()
				if it.Origin == s.spec {
					s.notModified = true
				} else {
					s.counts.Unchanged++
				}
				s.mu.Unlock()
				return nil
			}
			return fn(it)
		}
		s.mu.Lock()
		full := s.job.MaxItems > 0 && s.taken >= s.job.MaxItems
		if full {
			s.counts.Skipped++
			s.truncated = true
		}
		s.mu.Unlock()
		if full {
			return nil
		}
		d, err := it.Load(ctx)
		if err != nil {
			if isNotModified(err) {
				s.mu.Lock()
				s.counts.Unchanged++
				s.mu.Unlock()
				return nil
			}
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return fn(source.Item{Origin: it.Origin, Err: err})
		}
		hash := docHash(d)
		key := itemKey(d, hash)
		etag, lm := s.tr.validators(d.Key)
		item := graph.SeenItem{Key: key, ETag: etag, LastModified: lm, Hash: hash, Status: "ingested", SeenAt: s.now}
		s.mu.Lock()
		defer s.mu.Unlock()
		s.counts.Fetched++
		if old, ok := s.seen[redact.Hash(key)]; ok && old.Hash == hash {
			s.counts.Unchanged++
			return nil
		}
		if s.job.MaxAge > 0 && tooOld(d.PublishedAt, s.now.Add(-s.job.MaxAge)) {
			s.counts.Skipped++
			item.Status = "too_old"
			s.tooOld = append(s.tooOld, item)
			return nil
		}
		s.taken++
		s.pending[key] = item
		s.mu.Unlock()
		err = fn(source.Item{Origin: it.Origin, Doc: d})
		s.mu.Lock()
		return err
	})
	if errors.Is(err, errDraining) {
		return nil
	}
	return err
}

var errDraining = errors.New("shutting down: no new items taken")

// tooOld reports whether a publication date is before the cutoff; an
// unknown date is not too old.
func tooOld(published string, cutoff time.Time) bool {
	if published == "" {
		return false
	}
	t, err := timex.ParsePublished(published)
	if err != nil {
		return false
	}
	return t.Before(cutoff)
}

// itemKey is the identity of an item in the source's state: its key (the
// item's link, stored hashed; graph caps what it shows), or, when it has
// none, its content hash (docHash).
func itemKey(d source.Document, hash string) string {
	if d.Key == "" {
		return "content:" + hash
	}
	return d.Key
}

// docHash digests what decides whether an item changed.
func docHash(d source.Document) string {
	h := sha256.New()
	for _, s := range []string{d.URL, d.Title, d.PublishedAt, d.Source, d.Text, d.HTML} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// recordingExtractor remembers which item became which article.
type recordingExtractor struct {
	ex  pipeline.Extractor
	src *jobSource
}

func (e *recordingExtractor) Extract(ctx context.Context, d source.Document) (schema.Document, error) {
	doc, err := e.ex.Extract(ctx, d)
	if err != nil {
		return doc, err
	}
	id := pipeline.ArticleID(d, doc)
	hash := ""
	if d.Key == "" {
		hash = docHash(d) // only an item without a link is known by its content
	}
	key := itemKey(d, hash)
	e.src.mu.Lock()
	e.src.byArticle[id] = key
	e.src.mu.Unlock()
	return doc, nil
}

// recordingWriter writes a batch, then records its items as seen (after
// the commit, so a crash in between only makes the next run re-check them;
// the write then finds them unchanged).
type recordingWriter struct {
	store Store
	src   *jobSource
	spec  string
	log   *slog.Logger

	mu      sync.Mutex
	lastErr error
}

func (w *recordingWriter) WriteArticles(ctx context.Context, docs []schema.Document) (graph.WriteStats, error) {
	st, err := w.store.WriteArticles(ctx, docs)
	if err != nil {
		return st, err
	}
	w.src.mu.Lock()
	items := append([]graph.SeenItem(nil), w.src.tooOld...)
	w.src.tooOld = nil
	for _, d := range docs {
		key, ok := w.src.byArticle[d.Article.ID]
		if !ok {
			continue
		}
		if it, ok := w.src.pending[key]; ok {
			it.ArticleID = d.Article.ID
			items = append(items, it)
			delete(w.src.pending, key)
		}
	}
	w.src.mu.Unlock()
	if err := w.store.SaveSeenItems(context.WithoutCancel(ctx), w.spec, items); err != nil {
		w.mu.Lock()
		w.lastErr = err
		w.mu.Unlock()
	}
	return st, nil
}

func (w *recordingWriter) err() error {
	// Items skipped as too old with no write after them are recorded here.
	w.src.mu.Lock()
	items := w.src.tooOld
	w.src.tooOld = nil
	w.src.mu.Unlock()
	if len(items) > 0 {
		if err := w.store.SaveSeenItems(context.Background(), w.spec, items); err != nil {
			return err
		}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.lastErr
}

// condTransport makes GETs conditional on the validators remembered for
// their URL and records the validators of every response. URLs are known
// by their hash (redact.Hash), as the graph stores them.
type condTransport struct {
	base http.RoundTripper

	mu    sync.Mutex
	known map[string][2]string // url hash -> etag, last-modified (sent)
	got   map[string][2]string // url hash -> etag, last-modified (received)
	n     int
}

func newCondTransport(base http.RoundTripper) *condTransport {
	return &condTransport{base: base, known: map[string][2]string{}, got: map[string][2]string{}}
}

func (t *condTransport) remember(url, etag, lastModified string) {
	t.rememberHash(redact.Hash(url), etag, lastModified)
}

func (t *condTransport) rememberHash(h, etag, lastModified string) {
	if etag == "" && lastModified == "" {
		return
	}
	t.mu.Lock()
	t.known[h] = [2]string{etag, lastModified}
	t.mu.Unlock()
}

// validators returns the validators received for url in this run, or the
// remembered ones when the answer was 304.
func (t *condTransport) validators(url string) (etag, lastModified string) {
	h := redact.Hash(url)
	t.mu.Lock()
	defer t.mu.Unlock()
	v, ok := t.got[h]
	if !ok {
		v = t.known[h]
	}
	return v[0], v[1]
}

func (t *condTransport) requests() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.n
}

func (t *condTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	u := redact.Hash(req.URL.String())
	t.mu.Lock()
	t.n++
	v, ok := t.known[u]
	t.mu.Unlock()
	if ok && req.Method == http.MethodGet {
		req = req.Clone(req.Context())
		if v[0] != "" {
			req.Header.Set("If-None-Match", v[0])
		}
		if v[1] != "" {
			req.Header.Set("If-Modified-Since", v[1])
		}
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode == http.StatusOK {
		etag, lm := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if etag != "" || lm != "" {
			t.mu.Lock()
			t.got[u] = [2]string{etag, lm}
			t.mu.Unlock()
		} else {
			t.mu.Lock()
			t.got[u] = [2]string{}
			t.mu.Unlock()
		}
	}
	return resp, nil
}

// ValidSchedule checks a schedule string without a scheduler.
func ValidSchedule(s string) error {
	_, _, err := parseSchedule(s)
	return err
}

// parseSchedule splits "@every 15m" from cron expressions.
func parseSchedule(s string) (every time.Duration, cron string, err error) {
	s = strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(s, "@every"); ok {
		d, err := time.ParseDuration(strings.TrimSpace(rest))
		if err != nil || d <= 0 {
			return 0, "", fmt.Errorf("schedule %q: %q is not a positive duration such as 15m", s, rest)
		}
		return d, "", nil
	}
	if len(strings.Fields(s)) != 5 && !strings.HasPrefix(s, "@") {
		return 0, "", fmt.Errorf("schedule %q: want a 5-field cron expression (\"*/15 * * * *\") or \"@every 15m\"", s)
	}
	return 0, s, nil
}
