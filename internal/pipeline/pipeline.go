package pipeline

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"time"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// Source yields items for the given specs (see source.Reader.Walk).
type Source interface {
	Walk(ctx context.Context, specs []string, fn func(source.Item) error) error
}

// Extractor turns one source document into a contract document. It
// returns ctx's error when ctx ends before it is done.
type Extractor interface {
	Extract(ctx context.Context, doc source.Document) (schema.Document, error)
}

// Writer writes a batch of documents in one transaction.
type Writer interface {
	WriteArticles(ctx context.Context, docs []schema.Document) (graph.WriteStats, error)
}

// Pruner removes the articles of files that are gone (implemented by
// *graph.Store).
type Pruner interface {
	StaleFileArticles(ctx context.Context, roots, seen, protect []string) ([]string, error)
	DeleteArticles(ctx context.Context, ids []string) (graph.WriteStats, error)
}

// ErrUnavailable wraps the error that stopped a run because the database
// could not be reached after retries.
var ErrUnavailable = errors.New("database unavailable")

// Options tune a run.
type Options struct {
	// Workers load and extract in parallel (default 2).
	Workers int
	// Batch is the number of articles per write transaction (default 50).
	Batch int
	// DryRun extracts and prints each document as one JSON line to Out,
	// writing nothing; the Writer may be nil.
	DryRun bool
	Out    io.Writer
	// Progress receives the progress display; Log the structured lines.
	Progress Progress
	Log      *slog.Logger
	// Retries of a batch when the database stays unavailable after the
	// driver's own retries (0 means 3, negative none), with exponential
	// backoff from RetryDelay (default 2s).
	Retries    int
	RetryDelay time.Duration
	// ExtractTimeout bounds the extraction of one article (default
	// DefaultExtractTimeout): an article that takes longer fails alone.
	ExtractTimeout time.Duration
	// Prune, after a complete run, deletes the articles read earlier from
	// files under the local specs (folders or files) that this run did not
	// read again: deleted or renamed files, records removed from a JSON
	// file. Files and folders that failed to read keep their articles. The
	// Writer must be a Pruner.
	Prune bool
}

// DefaultExtractTimeout is the per-article extraction deadline when
// Options.ExtractTimeout is zero. Extraction is linear in the text (a 2 MiB
// article takes about a second), so this is only met by a bug.
const DefaultExtractTimeout = 30 * time.Second

// Failure is one item that could not be ingested.
type Failure struct {
	Origin string
	Err    error
}

// Summary is the outcome of a run.
type Summary struct {
	Articles  int // documents extracted
	New       int
	Updated   int
	Unchanged int
	Failed    int
	Pruned    int // articles deleted by Options.Prune
	Failures  []Failure
	Graph     graph.WriteStats
	Elapsed   time.Duration
	DryRun    bool
}

// Rate is articles processed per second.
func (s Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Articles+s.Failed) / s.Elapsed.Seconds()
}

type result struct {
	origin string
	file   string
	doc    schema.Document
	err    error
}

// Run ingests specs. It returns the summary and an error only when the run
// had to stop (context ended, database unavailable); per-item failures are
// in the summary.
func Run(ctx context.Context, src Source, specs []string, ex Extractor, w Writer, opts Options) (Summary, error) {
	if opts.Workers <= 0 {
		opts.Workers = 2
	}
	if opts.Batch <= 0 {
		opts.Batch = 50
	}
	switch {
	case opts.Retries == 0:
		opts.Retries = 3
	case opts.Retries < 0:
		opts.Retries = 0
	}
	if opts.RetryDelay <= 0 {
		opts.RetryDelay = 2 * time.Second
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.Progress == nil {
		opts.Progress = nopProgress{}
	}
	if opts.DryRun && opts.Out == nil {
		opts.Out = io.Discard
	}
	pruner, _ := w.(Pruner)
	if opts.Prune && !opts.DryRun && pruner == nil {
		return Summary{}, errors.New("prune: the writer cannot delete articles")
	}
	start := time.Now()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	items := make(chan source.Item, opts.Workers*2)
	results := make(chan result, opts.Workers*2)
	var walkErr error
	walkDone := make(chan struct{})
	go func() {
		defer close(walkDone)
		defer close(items)
		walkErr = src.Walk(ctx, specs, func(it source.Item) error {
			select {
			case items <- it:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range items {
				r := process(ctx, it, ex, opts.ExtractTimeout)
				select {
				case results <- r:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	r := &runner{ctx: ctx, w: w, opts: opts}
	var stopErr error
	for res := range results {
		if stopErr != nil {
			continue // drain
		}
		opts.Progress.Add(1)
		if res.err != nil {
			r.failFile(res, res.err)
			continue
		}
		if opts.Prune {
			r.seen = append(r.seen, res.doc.Article.ID)
		}
		r.sum.Articles++
		if opts.DryRun {
			if err := r.print(res.doc); err != nil {
				stopErr = err
				cancel()
			}
			continue
		}
		r.batch = append(r.batch, res)
		if len(r.batch) >= opts.Batch {
			if err := r.flush(); err != nil {
				stopErr = err
				cancel()
			}
		}
	}
	if stopErr == nil && !opts.DryRun {
		stopErr = r.flush()
	}
	<-walkDone // the walk ends with the items or with ctx
	if stopErr == nil && walkErr != nil {
		stopErr = fmt.Errorf("read sources: %w", walkErr)
	}
	if stopErr == nil {
		stopErr = ctx.Err()
	}
	if stopErr == nil && opts.Prune && !opts.DryRun {
		stopErr = r.prune(pruner, specs)
	}
	opts.Progress.Finish()
	r.sum.Elapsed = time.Since(start)
	r.sum.DryRun = opts.DryRun
	return r.sum, stopErr
}

// process loads and extracts one item.
func process(ctx context.Context, it source.Item, ex Extractor, timeout time.Duration) result {
	d, err := it.Load(ctx)
	if err != nil {
		return result{origin: it.Origin, file: it.File, err: err}
	}
	origin := d.Origin
	if origin == "" {
		origin = it.Origin
	}
	if timeout <= 0 {
		timeout = DefaultExtractTimeout
	}
	ectx, cancel := context.WithTimeout(ctx, timeout)
	doc, err := ex.Extract(ectx, d)
	cancel()
	if err != nil {
		if errors.Is(err, context.DeadlineExceeded) && ctx.Err() == nil {
			err = fmt.Errorf("extraction took longer than %v: %w", timeout, err)
		}
		return result{origin: origin, file: it.File, err: err}
	}
	doc.Article.ID = ArticleID(d, doc)
	doc.Article.File = it.File
	return result{origin: origin, file: it.File, doc: doc}
}

// ArticleID is an article's identity in the graph: derived from its URL or
// file path (so an edited article replaces itself), else from its content.
func ArticleID(d source.Document, doc schema.Document) string {
	key := d.Key
	if key == "" {
		key = "content:" + doc.Article.ID
		if doc.Article.ID == "" {
			key = "content:" + doc.Article.Text
		}
	}
	h := sha256.Sum256([]byte(key))
	return "article:" + hex.EncodeToString(h[:16])
}

type runner struct {
	ctx   context.Context
	w     Writer
	opts  Options
	sum   Summary
	batch []result
	// With Prune: seen are the articles read; failedFiles the files (or
	// folders) whose reading, extraction or writing failed; both spare
	// articles from pruning.
	seen        []string
	failedFiles []string
}

// failFile records a failed item and protects its file from Prune.
func (r *runner) failFile(res result, err error) {
	if r.opts.Prune && res.file != "" {
		r.failedFiles = append(r.failedFiles, res.file)
	}
	r.fail(res.origin, err)
}

// prune deletes the articles of the files under the local specs that this
// run did not read, in batches.
func (r *runner) prune(p Pruner, specs []string) error {
	var roots []string
	for _, s := range specs {
		if s != "-" && !source.IsURL(s) {
			roots = append(roots, source.AbsPath(s))
		}
	}
	ids, err := p.StaleFileArticles(r.ctx, roots, r.seen, r.failedFiles)
	if err != nil {
		return err
	}
	for len(ids) > 0 {
		n := min(len(ids), r.opts.Batch)
		st, err := p.DeleteArticles(r.ctx, ids[:n])
		if err != nil {
			return fmt.Errorf("prune: %w", err)
		}
		r.sum.Pruned += st.Deleted
		r.sum.Graph.Add(st)
		r.opts.Log.Info("pruned articles of removed files", "articles", st.Deleted)
		ids = ids[n:]
	}
	return nil
}

func (r *runner) fail(origin string, err error) {
	r.sum.Failed++
	r.sum.Failures = append(r.sum.Failures, Failure{Origin: origin, Err: err})
	r.opts.Progress.Clear()
	r.opts.Log.Warn("skipped", "source", origin, "reason", err.Error())
}

func (r *runner) print(doc schema.Document) error {
	b, err := json.Marshal(doc)
	if err != nil {
		return fmt.Errorf("print %s: %w", doc.Article.ID, err)
	}
	r.opts.Progress.Clear()
	if _, err := r.opts.Out.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("print: %w", err)
	}
	return nil
}

// flush writes the pending batch. A batch the database rejects for its
// content is retried article by article to isolate the bad one; an
// unavailable database is retried with backoff, then stops the run.
func (r *runner) flush() error {
	if len(r.batch) == 0 {
		return nil
	}
	batch := r.batch
	r.batch = nil
	docs := make([]schema.Document, len(batch))
	for i, b := range batch {
		docs[i] = b.doc
	}
	st, err := r.write(docs)
	if err == nil {
		r.account(st, len(batch))
		return nil
	}
	if errors.Is(err, ErrUnavailable) || r.ctx.Err() != nil {
		return err
	}
	if len(batch) == 1 {
		r.sum.Articles--
		r.failFile(batch[0], err)
		return nil
	}
	r.opts.Log.Warn("batch rejected; writing its articles one by one", "articles", len(batch), "reason", err.Error())
	for _, b := range batch {
		st, err := r.write([]schema.Document{b.doc})
		switch {
		case err == nil:
			r.account(st, 1)
		case errors.Is(err, ErrUnavailable) || r.ctx.Err() != nil:
			return err
		default:
			r.sum.Articles--
			r.failFile(b, err)
		}
	}
	return nil
}

func (r *runner) account(st graph.WriteStats, n int) {
	r.sum.New += st.New
	r.sum.Updated += st.Updated
	r.sum.Unchanged += st.Unchanged
	r.sum.Graph.Add(st)
	r.opts.Log.Debug("batch written", "articles", n, "new", st.New, "updated", st.Updated, "unchanged", st.Unchanged)
}

func (r *runner) write(docs []schema.Document) (graph.WriteStats, error) {
	delay := r.opts.RetryDelay
	for attempt := 1; ; attempt++ {
		st, err := r.w.WriteArticles(r.ctx, docs)
		if err == nil || !graph.IsUnavailable(err) {
			return st, err
		}
		if attempt > r.opts.Retries {
			return st, fmt.Errorf("%w after %d attempts: %w", ErrUnavailable, attempt, err)
		}
		r.opts.Progress.Clear()
		r.opts.Log.Warn("database unavailable; retrying", "attempt", attempt, "in", delay.String(), "reason", err.Error())
		select {
		case <-time.After(delay):
		case <-r.ctx.Done():
			return st, r.ctx.Err()
		}
		delay *= 2
	}
}
