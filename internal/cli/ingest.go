package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/extract/timex"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

func init() { extraCommands = append(extraCommands, newIngestCmd) }

type ingestOptions struct {
	published string
	workers   int
	batch     int
	dryRun    bool
	prune     bool
	include   []string
	exclude   []string
}

func newIngestCmd(app *App) *cobra.Command {
	var o ingestOptions
	cmd := &cobra.Command{
		Use:   "ingest [flags] SOURCE...",
		Short: "Extract articles and write them into Neo4j (idempotent)",
		Long: `Ingest reads articles, extracts what they report and writes it into the graph.

A SOURCE is:
  a file       .txt, .html, .json ({url,title,published_at,text|html} or an array
               of them), .jsonl (one such object per line)
  a folder     read recursively; --include/--exclude globs (on the base name or
               the path inside the folder; "**/" matches any folders)
  a URL        an http(s) article page (its main text is extracted), or an
               RSS/Atom/JSON feed: every item's link is fetched and the item's
               date is the publication date
  -            JSON lines on standard input

The schema migrations are applied first if any are pending. Writing is
idempotent: an article whose content and extractor version are unchanged is
skipped; a changed one replaces what it said before. An article is identified
by its URL, else by its file path.

With --prune, a complete run then deletes the articles read earlier from files
under the given folders (or the given files) that it did not read this time:
deleted or renamed files, records removed from a JSON file, files now left out
by --include/--exclude. Files that fail to read keep their articles.

A bad item (unreadable file, HTTP error, empty or binary content, invalid
UTF-8, a broken feed) is reported and skipped; the exit code is 3 when some
failed. If Neo4j becomes unreachable the batch is retried with backoff, then
the run stops; everything committed stays, and re-running finishes the job.`,
		Example: `  geokg ingest seeds/articles
  geokg ingest --published 2024-03-05 notes/*.txt
  geokg ingest --include '*.json' --exclude 'drafts/**' ~/news
  geokg ingest --prune ~/news          # also forget articles whose files were deleted
  geokg ingest https://example.org/world/rss.xml
  geokg ingest --dry-run article.html | jq .events
  zcat dump.jsonl.gz | geokg ingest --batch 200 -`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError{errors.New("ingest needs at least one SOURCE (a file, folder, URL or -)")}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			if o.published != "" {
				if _, err := timex.ParsePublished(o.published); err != nil {
					return usageError{fmt.Errorf("--published %q: %w", o.published, err)}
				}
			}
			if o.workers < 0 || o.batch < 0 {
				return usageError{errors.New("--workers and --batch must be positive")}
			}
			return runIngest(cmd.Context(), app, o, args)
		},
	}
	f := cmd.Flags()
	f.StringVar(&o.published, "published", "", "publication date (2017-04-12 or RFC 3339) for articles that carry none")
	f.IntVar(&o.workers, "workers", 0, "parallel fetch+extract workers (default: ingest.workers, 2)")
	f.IntVar(&o.batch, "batch", 0, "articles per write transaction (default: ingest.batch, 50)")
	f.BoolVar(&o.dryRun, "dry-run", false, "extract and print each document as a JSON line; write nothing")
	f.BoolVar(&o.prune, "prune", false, "after a complete run, delete the articles of files under the given folders that are gone")
	f.StringSliceVar(&o.include, "include", nil, "glob of files to read in folders (repeatable; default: .txt .text .html .htm .json .jsonl .ndjson)")
	f.StringSliceVar(&o.exclude, "exclude", nil, "glob of files or folders to skip in folders (repeatable)")
	return cmd
}

// extractAdapter feeds source documents to the extractor.
type extractAdapter struct{ ex *extract.Extractor }

func (a extractAdapter) Extract(ctx context.Context, d source.Document) (schema.Document, error) {
	return a.ex.Extract(ctx, extract.Input{Text: d.Text, HTML: d.HTML, Title: d.Title, URL: d.URL,
		Source: d.Source, PublishedAt: d.PublishedAt})
}

func runIngest(ctx context.Context, app *App, o ingestOptions, args []string) error {
	cfg := app.Config()
	log := app.Logger()
	if o.workers == 0 {
		o.workers = cfg.Ingest.Workers
	}
	if o.batch == 0 {
		o.batch = cfg.Ingest.Batch
	}
	ex, err := extract.New(extract.Options{GeoNamesCities: cfg.Extract.GeoNamesCities,
		GeoNamesAdmin1: cfg.Extract.GeoNamesAdmin1, GeoNamesAll: cfg.Extract.GeoNamesAll})
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	src := source.New(source.Options{
		Include: o.include, Exclude: o.exclude, Published: o.published,
		Timeout: cfg.Ingest.FetchTimeout, MaxBytes: cfg.Ingest.MaxBytes, UserAgent: cfg.Ingest.UserAgent,
		Stdin: app.In,
	})
	var writer pipeline.Writer
	if !o.dryRun {
		st, err := app.OpenStore(ctx)
		if err != nil {
			return err
		}
		defer st.Close(context.WithoutCancel(ctx))
		applied, err := st.Migrate(ctx)
		if err != nil {
			return fmt.Errorf("apply schema migrations: %w", err)
		}
		if len(applied) > 0 {
			log.Info("applied schema migrations", "versions", fmt.Sprint(applied))
		}
		writer = st
	}
	var progress pipeline.Progress
	if isTerminal(app.Err) {
		progress = pipeline.NewBar(app.Err, "ingesting")
	} else {
		progress = pipeline.NewLogProgress(log, 5*time.Second)
	}
	sum, runErr := pipeline.Run(ctx, src, args, extractAdapter{ex}, writer, pipeline.Options{
		Workers: o.workers, Batch: o.batch, DryRun: o.dryRun, Prune: o.prune, Out: app.Out, Progress: progress, Log: log,
		ExtractTimeout: cfg.Extract.Timeout,
	})
	summaryOut := app.Out
	if o.dryRun {
		summaryOut = app.Err
	}
	sum.Print(summaryOut)
	switch {
	case runErr != nil:
		committed := sum.New + sum.Updated + sum.Unchanged
		return fmt.Errorf("ingest stopped: %w (%d articles were committed and are kept; re-run the same command to finish)", runErr, committed)
	case sum.Failed > 0:
		return fmt.Errorf("%w: %d of %d item(s) could not be ingested", ErrSomeFailed, sum.Failed, sum.Failed+sum.Articles)
	}
	return nil
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
