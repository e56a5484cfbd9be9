package cli

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/redact"
	"github.com/geokg/geokg/internal/serve"
)

func init() { extraCommands = append(extraCommands, newJobsCmd) }

func newJobsCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "jobs",
		Short: "List the configured re-ingestion jobs, or run one once (for cron or a Kubernetes CronJob)",
		Long: `Jobs works with the jobs of the config file (serve.jobs) without the daemon:
'jobs list' shows them with their next run and each source's last run as
recorded in the graph,
'jobs run NAME' runs one job once, with the same per-source state as
'geokg serve' (conditional requests, items already seen), and exits.`,
		Example: `  geokg jobs list
  geokg jobs run world
  # crontab: every 15 minutes
  */15 * * * * geokg --config /etc/geokg.yaml jobs run world`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newJobsListCmd(app), newJobsRunCmd(app))
	return cmd
}

func newJobsListCmd(app *App) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the configured jobs and their sources' last runs",
		Long: `List prints every job of serve.jobs with its schedule, its next run and its
limits, and for each source the last run recorded in the graph (time,
status, error). The next run is when the job is due by its sources' last
runs ("due now" when it never ran or a run was missed: 'geokg serve' runs
such jobs at start). When Neo4j is unreachable the jobs are listed without
their state.`,
		Example: `  geokg jobs list
  geokg jobs list --json`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runJobsList(cmd.Context(), app, asJSON)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return cmd
}

type jobListing struct {
	Name     string `json:"name"`
	Schedule string `json:"schedule"`
	MaxItems int    `json:"max_items,omitempty"`
	MaxAge   string `json:"max_age,omitempty"`
	// NextRun is when the job is next due by its sources' last runs (now
	// or earlier: due); absent when Neo4j could not be read.
	NextRun *time.Time    `json:"next_run,omitempty"`
	Sources []sourceState `json:"sources"`
}

type sourceState struct {
	Source      string     `json:"source"`
	LastRun     *time.Time `json:"last_run,omitempty"`
	LastStatus  string     `json:"last_status,omitempty"`
	LastError   string     `json:"last_error,omitempty"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	ETag        string     `json:"etag,omitempty"`
}

func runJobsList(ctx context.Context, app *App, asJSON bool) error {
	cfg := app.Config()
	jobs, err := jobsFromConfig(cfg)
	if err != nil {
		return err
	}
	var urls []string
	for _, j := range jobs {
		urls = append(urls, j.Sources...)
	}
	states := map[string]graph.SourceState{}
	known := false // the sources' state was read
	if len(urls) > 0 {
		st, err := app.OpenStore(ctx)
		if err != nil {
			app.Logger().Warn("Neo4j unreachable; listing jobs without their state", "err", err)
		} else {
			defer st.Close(context.WithoutCancel(ctx))
			if states, err = st.SourceStates(ctx, urls); err != nil {
				return err
			}
			known = true
		}
	}
	now := time.Now()
	var out []jobListing
	for _, j := range jobs {
		l := jobListing{Name: j.Name, Schedule: j.Schedule, MaxItems: j.MaxItems}
		if j.MaxAge > 0 {
			l.MaxAge = j.MaxAge.String()
		}
		if known {
			if next, err := serve.NextDue(j.Schedule, serve.LastRun(j, states), now); err == nil {
				l.NextRun = &next
			}
		}
		for _, s := range j.Sources {
			ss := sourceState{Source: redact.URL(s)}
			if st, ok := states[s]; ok {
				ss.LastStatus, ss.LastError, ss.ETag = st.LastStatus, st.LastError, st.ETag
				if !st.LastRun.IsZero() {
					t := st.LastRun
					ss.LastRun = &t
				}
				if !st.LastSuccess.IsZero() {
					t := st.LastSuccess
					ss.LastSuccess = &t
				}
			}
			l.Sources = append(l.Sources, ss)
		}
		out = append(out, l)
	}
	if asJSON {
		enc := json.NewEncoder(app.Out)
		enc.SetIndent("", "  ")
		if out == nil {
			out = []jobListing{}
		}
		return enc.Encode(out)
	}
	if len(out) == 0 {
		fmt.Fprintln(app.Out, "no jobs configured (add serve.jobs to the config file; see 'geokg serve --help')")
		return nil
	}
	tw := tabwriter.NewWriter(app.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "JOB\tSCHEDULE\tNEXT RUN\tLIMITS\tSOURCE\tLAST RUN\tSTATUS\tERROR")
	for _, l := range out {
		var limits []string
		if l.MaxItems > 0 {
			limits = append(limits, fmt.Sprintf("max_items=%d", l.MaxItems))
		}
		if l.MaxAge != "" {
			limits = append(limits, "max_age="+l.MaxAge)
		}
		lim := strings.Join(limits, ",")
		if lim == "" {
			lim = "-"
		}
		next := "-"
		switch {
		case l.NextRun == nil:
		case !l.NextRun.After(now):
			next = "due now"
		default:
			next = l.NextRun.Local().Format("2006-01-02 15:04:05")
		}
		for i, s := range l.Sources {
			name, sched := l.Name, l.Schedule
			if i > 0 {
				name, sched, next, lim = "", "", "", ""
			}
			last, status := "never", "-"
			if s.LastRun != nil {
				last = s.LastRun.Local().Format("2006-01-02 15:04:05")
				status = s.LastStatus
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", name, sched, next, lim, s.Source, last, status, shorten(s.LastError, 60))
		}
	}
	return tw.Flush()
}

func newJobsRunCmd(app *App) *cobra.Command {
	var grace time.Duration
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "run NAME",
		Short: "Run one configured job once and exit",
		Long: `Run runs the job NAME of serve.jobs once, exactly as the daemon would (the
same per-source state, so cron and the daemon can be mixed), prints what it
did and exits: 0 when it succeeded (also when nothing was new), 3 when some
items failed, 1 when the run failed. On SIGINT/SIGTERM it stops taking new
items and gives the current batch --grace to commit.`,
		Example: `  geokg jobs run world
  geokg jobs run world --json | jq .ingested`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runJobOnce(cmd.Context(), app, args[0], grace, asJSON)
		},
	}
	cmd.Flags().DurationVar(&grace, "grace", 20*time.Second, "on interruption, how long the current batch may take to commit")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

func runJobOnce(ctx context.Context, app *App, name string, grace time.Duration, asJSON bool) error {
	jobs, err := jobsFromConfig(app.Config())
	if err != nil {
		return err
	}
	var job *serve.Job
	var names []string
	for i := range jobs {
		names = append(names, jobs[i].Name)
		if jobs[i].Name == name {
			job = &jobs[i]
		}
	}
	if job == nil {
		if len(names) == 0 {
			return usageError{fmt.Errorf("no job %q: no jobs are configured (serve.jobs)", name)}
		}
		return usageError{fmt.Errorf("no job %q (configured: %s)", name, strings.Join(names, ", "))}
	}
	runner, err := newRunner(app)
	if err != nil {
		return err
	}
	st, err := app.OpenStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close(context.WithoutCancel(ctx))
	if _, err := st.Migrate(ctx); err != nil {
		return fmt.Errorf("apply schema migrations: %w", err)
	}
	runner.Store = st
	// An interruption drains (no new items); the current batch gets grace.
	drain := make(chan struct{})
	runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stopWatch := make(chan struct{})
	defer close(stopWatch)
	go func() {
		select {
		case <-ctx.Done():
			close(drain)
			select {
			case <-time.After(grace):
				cancel()
			case <-stopWatch:
			}
		case <-stopWatch:
		}
	}()
	res, runErr := runner.Run(runCtx, *job, drain)
	if asJSON {
		enc := json.NewEncoder(app.Out)
		enc.SetIndent("", "  ")
		_ = enc.Encode(res)
	} else {
		fmt.Fprintf(app.Out, "job %s: %s in %s — %d request(s), %d fetched, %d ingested, %d unchanged, %d failed, %d skipped\n",
			res.Job, res.Status, res.Duration().Round(time.Millisecond), res.Requests, res.Fetched, res.Ingested,
			res.Unchanged, res.Failed, res.Skipped)
		for _, s := range res.Sources {
			note := ""
			if s.NotModified {
				note = " (not modified)"
			}
			fmt.Fprintf(app.Out, "  %s: %s%s — %d fetched, %d ingested, %d unchanged, %d failed, %d skipped\n",
				s.Source, s.Status, note, s.Fetched, s.Ingested, s.Unchanged, s.Failed, s.Skipped)
		}
	}
	switch {
	case runErr != nil:
		return fmt.Errorf("job %s failed: %w", name, runErr)
	case res.Status == serve.StatusInterrupted:
		return fmt.Errorf("job %s: %w", name, context.Canceled)
	case res.Status == serve.StatusFailed:
		return errors.New("job " + name + " failed: " + res.Error)
	case res.Status == serve.StatusPartial:
		return fmt.Errorf("%w: %d item(s) of job %s", ErrSomeFailed, res.Failed, name)
	}
	return nil
}
