package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/go-co-op/gocron/v2"
	"github.com/jonboulle/clockwork"
	"github.com/prometheus/client_golang/prometheus"

	"github.com/geokg/geokg/internal/redact"
)

// DaemonStore is a Store the daemon can also probe and migrate.
type DaemonStore interface {
	Store
	Ping(ctx context.Context) error
	Pending(ctx context.Context) ([]int, error)
	Migrate(ctx context.Context) ([]int, error)
	Close(ctx context.Context) error
}

// Config configures a Daemon.
type Config struct {
	// Addr is the HTTP listen address (default 127.0.0.1:8080). On loopback the Host header must name
	// loopback; any other address needs Token.
	Addr string
	// Token, when set, is required as "Authorization: Bearer <Token>" on
	// /jobs, POST /jobs/{name}/run and /metrics.
	Token string
	Jobs  []Job
	// Open connects to Neo4j; the daemon retries it with backoff until it
	// succeeds, staying up (not ready) meanwhile.
	Open func(ctx context.Context) (DaemonStore, error)
	// Runner is the template of every run (its Store is set by the daemon).
	Runner Runner
	// Grace is how long in-flight runs may take to finish their current
	// batch on shutdown before they are abandoned (default 20s).
	Grace time.Duration
	// Backoff bounds the reconnect delay (default 1s doubling to 30s).
	MinBackoff, MaxBackoff time.Duration
	// Style and Guide are served under /browser/.
	Style, Guide []byte
	Log          *slog.Logger
	// Clock drives the scheduler (nil: the real clock; tests pass a fake).
	Clock clockwork.Clock
}

// Daemon is the running service.
type Daemon struct {
	cfg     Config
	log     *slog.Logger
	metrics *metrics

	mu       sync.Mutex
	store    DaemonStore
	connErr  error
	jobs     map[string]*jobState
	order    []string
	draining bool
	addr     string

	runs      sync.WaitGroup
	drain     chan struct{}
	runCtx    context.Context
	cancelRun context.CancelFunc
	sched     gocron.Scheduler
}

// jobState is the daemon's view of a job.
type jobState struct {
	Job
	running     sync.Mutex // held during a run: never two at once
	isRunning   bool
	overruns    int
	last        *Result
	lastSuccess time.Time
	lastFailure time.Time
	cron        gocron.Job
}

// New checks the jobs and builds a daemon (nothing runs until Run).
func New(cfg Config) (*Daemon, error) {
	if cfg.Addr == "" {
		cfg.Addr = "127.0.0.1:8080"
	}
	if cfg.Grace <= 0 {
		cfg.Grace = 20 * time.Second
	}
	if cfg.MinBackoff <= 0 {
		cfg.MinBackoff = time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = 30 * time.Second
	}
	if cfg.Log == nil {
		cfg.Log = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if cfg.Open == nil {
		return nil, errors.New("serve: no way to open the store")
	}
	if cfg.Token == "" && !IsLoopback(cfg.Addr) {
		return nil, fmt.Errorf("refusing to serve on %s: %w", cfg.Addr, ErrNoToken)
	}
	d := &Daemon{cfg: cfg, log: cfg.Log, jobs: map[string]*jobState{}, drain: make(chan struct{})}
	d.metrics = newMetrics()
	for _, j := range cfg.Jobs {
		if _, dup := d.jobs[j.Name]; dup {
			return nil, fmt.Errorf("job %q is defined twice", j.Name)
		}
		if err := ValidSchedule(j.Schedule); err != nil {
			return nil, fmt.Errorf("job %q: %w", j.Name, err)
		}
		d.jobs[j.Name] = &jobState{Job: j}
		d.order = append(d.order, j.Name)
		d.metrics.initJob(j.Name)
	}
	d.runCtx, d.cancelRun = context.WithCancel(context.Background())
	return d, nil
}

// Registry is the Prometheus registry of the daemon's metrics.
func (d *Daemon) Registry() *prometheus.Registry { return d.metrics.reg }

// Addr is the address the HTTP server listens on (valid once Run started
// listening).
func (d *Daemon) Addr() string {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.addr
}

// Run serves until ctx ends, then shuts down: no new runs, in-flight runs
// get Grace to finish their current batch, then are abandoned; the HTTP
// server closes last. It returns an error only when it cannot start.
func (d *Daemon) Run(ctx context.Context, ready chan<- string) error {
	ln, err := net.Listen("tcp", d.cfg.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", d.cfg.Addr, err)
	}
	d.mu.Lock()
	d.addr = ln.Addr().String()
	d.mu.Unlock()

	opts := []gocron.SchedulerOption{gocron.WithStopTimeout(time.Second)}
	if d.cfg.Clock != nil {
		opts = append(opts, gocron.WithClock(d.cfg.Clock))
	}
	sched, err := gocron.NewScheduler(opts...)
	if err != nil {
		_ = ln.Close()
		return fmt.Errorf("start scheduler: %w", err)
	}
	d.sched = sched
	for _, name := range d.order {
		js := d.jobs[name]
		every, cron, _ := parseSchedule(js.Schedule)
		var def gocron.JobDefinition
		if every > 0 {
			def = gocron.DurationJob(every)
		} else {
			def = gocron.CronJob(cron, false)
		}
		j, err := sched.NewJob(def, gocron.NewTask(func() { d.scheduled(name) }), gocron.WithName(name))
		if err != nil {
			_ = ln.Close()
			return fmt.Errorf("job %q: schedule %q: %w", name, js.Schedule, err)
		}
		js.cron = j
	}

	connCtx, stopConn := context.WithCancel(ctx)
	defer stopConn()
	go d.connect(connCtx)

	srv := &http.Server{Handler: d.Handler(), ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- srv.Serve(ln) }()
	sched.Start()
	d.log.Info("serving", "addr", d.addr, "jobs", len(d.order))
	if ready != nil {
		ready <- d.addr
	}

	select {
	case <-ctx.Done():
	case err := <-serveErr:
		d.log.Error("http server stopped", "err", err)
	}
	d.shutdown(srv)
	return nil
}

func (d *Daemon) shutdown(srv *http.Server) {
	start := time.Now()
	d.log.Info("shutting down: no new runs; waiting for in-flight runs", "grace", d.cfg.Grace.String())
	d.mu.Lock()
	d.draining = true
	d.mu.Unlock()
	close(d.drain)
	_ = d.sched.StopJobs()
	done := make(chan struct{})
	go func() { d.runs.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(d.cfg.Grace):
		d.log.Warn("grace period over; abandoning in-flight runs (their open transactions roll back)")
		d.cancelRun()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			d.log.Error("runs did not stop after cancellation")
		}
	}
	d.cancelRun()
	_ = d.sched.Shutdown()
	hctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(hctx)
	d.mu.Lock()
	st := d.store
	d.mu.Unlock()
	if st != nil {
		_ = st.Close(hctx)
	}
	d.log.Info("stopped", "after", time.Since(start).Round(time.Millisecond).String())
}

// connect opens the store with backoff, applying pending migrations, and
// keeps trying until it succeeds or ctx ends.
func (d *Daemon) connect(ctx context.Context) {
	delay := d.cfg.MinBackoff
	for {
		st, err := d.cfg.Open(ctx)
		if err == nil {
			if _, err = st.Migrate(ctx); err != nil {
				_ = st.Close(context.WithoutCancel(ctx))
				err = fmt.Errorf("apply schema migrations: %w", err)
			}
		}
		if err == nil {
			d.mu.Lock()
			d.store, d.connErr = st, nil
			d.mu.Unlock()
			d.log.Info("connected to Neo4j")
			d.startDue(ctx, st)
			return
		}
		d.mu.Lock()
		d.connErr = err
		d.mu.Unlock()
		d.log.Warn("Neo4j unavailable; retrying", "in", delay.String(), "err", err)
		select {
		case <-ctx.Done():
			return
		case <-time.After(delay):
		}
		delay = min(delay*2, d.cfg.MaxBackoff)
	}
}

// startDue starts the RunOnStart jobs that are due, judged by the state of
// their sources in the graph; when that cannot be read, they just run.
func (d *Daemon) startDue(ctx context.Context, st DaemonStore) {
	now := time.Now()
	if d.cfg.Clock != nil {
		now = d.cfg.Clock.Now()
	}
	for _, name := range d.order {
		job := d.jobs[name].Job
		if !job.RunOnStart {
			continue
		}
		states, err := st.SourceStates(ctx, job.Sources)
		if err != nil {
			d.log.Warn("cannot read the job's last run; running it now", "job", name, "err", err)
		} else if last := LastRun(job, states); !Due(job, states, now) {
			next, _ := NextDue(job.Schedule, last, now) // Due succeeded, so this does
			d.log.Info("job not due at start", "job", name, "last_run", last.Format(time.RFC3339), "due", next.Format(time.RFC3339))
			d.startEveryAt(name, next)
			continue
		}
		d.log.Info("job due at start; running it now", "job", name)
		if _, err := d.Start(name); err != nil && !errors.Is(err, ErrBusy) {
			d.log.Warn("could not start the job", "job", name, "err", err)
		}
	}
}

// startEveryAt moves the first run of an "@every" job to at (its last run
// plus the interval) instead of one interval after the daemon started; a
// cron schedule already fires at its own times.
func (d *Daemon) startEveryAt(name string, at time.Time) {
	d.mu.Lock()
	js := d.jobs[name]
	cur := js.cron
	d.mu.Unlock()
	every, _, _ := parseSchedule(js.Schedule)
	if every <= 0 || cur == nil {
		return
	}
	j, err := d.sched.Update(cur.ID(), gocron.DurationJob(every), gocron.NewTask(func() { d.scheduled(name) }),
		gocron.WithName(name), gocron.WithStartAt(gocron.WithStartDateTime(at)))
	if err != nil {
		d.log.Warn("could not move the job's first run", "job", name, "to", at.Format(time.RFC3339), "err", err)
		return
	}
	d.mu.Lock()
	js.cron = j
	d.mu.Unlock()
}

// ErrBusy means the job is already running.
var ErrBusy = errors.New("job is already running")

// ErrUnknownJob means no job has that name.
var ErrUnknownJob = errors.New("no such job")

// ErrStopping means the daemon is shutting down.
var ErrStopping = errors.New("shutting down")

// scheduled is the scheduler's task: run, or report an overrun.
func (d *Daemon) scheduled(name string) {
	if _, err := d.Start(name); errors.Is(err, ErrBusy) {
		d.mu.Lock()
		d.jobs[name].overruns++
		d.mu.Unlock()
		d.metrics.overruns.WithLabelValues(name).Inc()
		d.log.Warn("run skipped: the previous run is still going (overrun)", "job", name)
	}
}

// Start begins a run of a job in the background; the channel delivers its
// result.
func (d *Daemon) Start(name string) (<-chan Result, error) {
	d.mu.Lock()
	js, ok := d.jobs[name]
	draining := d.draining
	d.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownJob, name)
	}
	if draining {
		return nil, ErrStopping
	}
	if !js.running.TryLock() {
		return nil, ErrBusy
	}
	d.runs.Add(1)
	d.mu.Lock()
	js.isRunning = true
	d.mu.Unlock()
	d.metrics.running.WithLabelValues(name).Set(1)
	out := make(chan Result, 1)
	go func() {
		defer d.runs.Done()
		defer js.running.Unlock()
		res := d.runOnce(js.Job)
		d.mu.Lock()
		js.isRunning = false
		js.last = &res
		switch {
		case res.Succeeded():
			js.lastSuccess = res.Finished
		case res.Status == StatusFailed:
			js.lastFailure = res.Finished
		}
		d.mu.Unlock()
		d.metrics.observe(res)
		out <- res
	}()
	return out, nil
}

func (d *Daemon) runOnce(job Job) Result {
	d.mu.Lock()
	st, connErr := d.store, d.connErr
	d.mu.Unlock()
	if st == nil {
		now := time.Now()
		msg := "Neo4j is not connected yet"
		if connErr != nil {
			msg = "Neo4j unavailable: " + connErr.Error()
		}
		d.log.Warn("run skipped", "job", job.Name, "reason", msg)
		return Result{Job: job.Name, Started: now, Finished: now, Status: StatusFailed, Error: msg}
	}
	r := d.cfg.Runner
	r.Store = st
	if r.Log == nil {
		r.Log = d.log
	}
	res, _ := r.Run(d.runCtx, job, d.drain)
	return res
}

// Readiness says whether the daemon can do its work.
type Readiness struct {
	Ready  bool   `json:"ready"`
	Neo4j  string `json:"neo4j"`
	Schema string `json:"schema"`
	Error  string `json:"error,omitempty"`
}

// Ready probes Neo4j and the schema.
func (d *Daemon) Ready(ctx context.Context) Readiness {
	d.mu.Lock()
	st, connErr, draining := d.store, d.connErr, d.draining
	d.mu.Unlock()
	r := Readiness{Neo4j: "down", Schema: "unknown"}
	switch {
	case draining:
		r.Error = "shutting down"
	case st == nil && connErr != nil:
		r.Error = connErr.Error()
	case st == nil:
		r.Error = "connecting"
	default:
		ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
		defer cancel()
		if err := st.Ping(ctx); err != nil {
			r.Error = err.Error()
			break
		}
		r.Neo4j = "up"
		pending, err := st.Pending(ctx)
		switch {
		case err != nil:
			r.Error = err.Error()
		case len(pending) > 0:
			r.Schema = fmt.Sprintf("%d migration(s) pending", len(pending))
			r.Error = "schema not current"
		default:
			r.Schema = "current"
			r.Ready = true
		}
	}
	if r.Ready {
		d.metrics.ready.Set(1)
	} else {
		d.metrics.ready.Set(0)
	}
	return r
}

// JobStatus is one job as /jobs reports it.
type JobStatus struct {
	Name        string     `json:"name"`
	Schedule    string     `json:"schedule"`
	Sources     []string   `json:"sources"` // redacted
	MaxItems    int        `json:"max_items,omitempty"`
	MaxAge      string     `json:"max_age,omitempty"`
	Running     bool       `json:"running"`
	NextRun     *time.Time `json:"next_run,omitempty"`
	Overruns    int        `json:"overruns"`
	LastSuccess *time.Time `json:"last_success,omitempty"`
	LastFailure *time.Time `json:"last_failure,omitempty"`
	LastRun     *Result    `json:"last_run,omitempty"`
}

// Jobs reports every job's state, in configuration order.
func (d *Daemon) Jobs() []JobStatus {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]JobStatus, 0, len(d.order))
	for _, name := range d.order {
		js := d.jobs[name]
		s := JobStatus{Name: name, Schedule: js.Schedule, Sources: redact.URLs(js.Sources), MaxItems: js.MaxItems,
			Running: js.isRunning, Overruns: js.overruns, LastRun: js.last}
		if js.MaxAge > 0 {
			s.MaxAge = js.MaxAge.String()
		}
		if !js.lastSuccess.IsZero() {
			t := js.lastSuccess
			s.LastSuccess = &t
		}
		if !js.lastFailure.IsZero() {
			t := js.lastFailure
			s.LastFailure = &t
		}
		if js.cron != nil {
			if t, err := js.cron.NextRun(); err == nil && !t.IsZero() {
				s.NextRun = &t
			}
		}
		out = append(out, s)
	}
	return out
}
