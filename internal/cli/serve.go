package cli

import (
	"context"
	"fmt"
	"net"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/seeds"
)

func init() { extraCommands = append(extraCommands, newServeCmd) }

type serveOptions struct {
	addr  string
	grace time.Duration
}

func newServeCmd(app *App) *cobra.Command {
	var o serveOptions
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the re-ingestion daemon: scheduled jobs, health, metrics and the Browser style",
		Long: `Serve runs the jobs of the config file (serve.jobs) on their schedules and
serves an HTTP API on serve.addr (default 127.0.0.1:8080; keep it on
loopback, or behind a proxy):

  GET  /healthz               the process is up
  GET  /readyz                Neo4j reachable and schema current (503 otherwise)
  GET  /metrics               Prometheus metrics: items fetched / ingested /
                              unchanged / failed / skipped per job, run
                              durations, last success time, overruns
  GET  /jobs                  every job's state as JSON
  POST /jobs/{name}/run       start a run now (?wait=1 to wait for its result)
  GET  /browser/style.grass   the Neo4j Browser style sheet  (:style URL)
  GET  /browser/guide.html    the Browser guide of the canned queries (:play URL)

A job has a name, a schedule (a 5-field cron expression or "@every 15m"),
sources (feed or page URLs, folders, files) and optional limits (max_items per
source and run, max_age of items). Each source's state (ETag, Last-Modified,
last run, status, error, the items already seen) is kept in the graph, so an
unchanged feed costs one conditional request and writes nothing, and a
restart resumes without re-processing what was committed.

A job never runs twice at once: a scheduled run that finds the previous one
still going is skipped and counted as an overrun. If Neo4j is down the daemon
stays up, reports not-ready and reconnects with backoff. On SIGTERM or SIGINT
it stops taking work, gives in-flight runs --grace to finish their current
batch, then abandons them (the open transaction rolls back: no article is
half-written) and exits.`,
		Example: `  # geokg.yaml
  serve:
    addr: 127.0.0.1:8080
    jobs:
      - name: world
        schedule: "@every 15m"
        sources: [https://feeds.example.org/world.rss]
        max_items: 50
        max_age: 72h
      - name: archive
        schedule: "0 3 * * *"
        sources: [/data/articles]

  geokg serve --config geokg.yaml
  curl -s localhost:8080/jobs | jq .
  curl -s -XPOST 'localhost:8080/jobs/world/run?wait=1'`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), app, o)
		},
	}
	cmd.Flags().StringVar(&o.addr, "addr", "", "listen address (default: serve.addr)")
	cmd.Flags().DurationVar(&o.grace, "grace", 20*time.Second, "on shutdown, how long in-flight runs may take to finish")
	return cmd
}

// jobsFromConfig converts the configured jobs.
func jobsFromConfig(cfg Config) ([]serve.Job, error) {
	jobs := make([]serve.Job, 0, len(cfg.Serve.Jobs))
	for i, j := range cfg.Serve.Jobs {
		if err := serve.ValidSchedule(j.Schedule); err != nil {
			return nil, fmt.Errorf("invalid config: serve.jobs[%d].schedule: %w", i, err)
		}
		jobs = append(jobs, serve.Job{Name: j.Name, Schedule: j.Schedule, Sources: j.Sources, MaxItems: j.MaxItems, MaxAge: j.MaxAge})
	}
	return jobs, nil
}

// newRunner builds the run engine from the configuration.
func newRunner(app *App) (serve.Runner, error) {
	cfg := app.Config()
	ex, err := extract.New(extract.Options{GeoNamesCities: cfg.Extract.GeoNamesCities,
		GeoNamesAdmin1: cfg.Extract.GeoNamesAdmin1, GeoNamesAll: cfg.Extract.GeoNamesAll})
	if err != nil {
		return serve.Runner{}, fmt.Errorf("load extractor: %w", err)
	}
	return serve.Runner{
		Extractor: extractAdapter{ex},
		Log:       app.Logger(),
		Options: serve.RunnerOptions{
			Workers: cfg.Ingest.Workers, Batch: cfg.Ingest.Batch, FetchTimeout: cfg.Ingest.FetchTimeout,
			MaxBytes: cfg.Ingest.MaxBytes, UserAgent: cfg.Ingest.UserAgent, ExtractTimeout: cfg.Extract.Timeout,
		},
	}, nil
}

func runServe(ctx context.Context, app *App, o serveOptions) error {
	cfg := app.Config()
	addr := cfg.Serve.Addr
	if o.addr != "" {
		addr = o.addr
	}
	if host, _, err := net.SplitHostPort(addr); err != nil {
		return usageError{fmt.Errorf("--addr %q: %w", addr, err)}
	} else if ip := net.ParseIP(host); host != "localhost" && (ip == nil || !ip.IsLoopback()) {
		app.Logger().Warn("serving on a non-loopback address; the API has no authentication", "addr", addr)
	}
	jobs, err := jobsFromConfig(cfg)
	if err != nil {
		return err
	}
	if len(jobs) == 0 {
		app.Logger().Warn("no jobs configured (serve.jobs); serving health, metrics and the Browser style only")
	}
	runner, err := newRunner(app)
	if err != nil {
		return err
	}
	guide, err := serve.Guide(addr)
	if err != nil {
		return err
	}
	d, err := serve.New(serve.Config{
		Addr: addr, Jobs: jobs, Runner: runner, Grace: o.grace, Log: app.Logger(),
		Style: seeds.BrowserStyle, Guide: guide,
		Open: func(ctx context.Context) (serve.DaemonStore, error) { return app.OpenStore(ctx) },
	})
	if err != nil {
		return err
	}
	return d.Run(ctx, nil)
}
