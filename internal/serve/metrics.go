package serve

import (
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

// metrics are the daemon's Prometheus series, on a registry of its own.
type metrics struct {
	reg         *prometheus.Registry
	items       *prometheus.CounterVec
	requests    *prometheus.CounterVec
	runs        *prometheus.CounterVec
	duration    *prometheus.HistogramVec
	lastSuccess *prometheus.GaugeVec
	lastFailure *prometheus.GaugeVec
	overruns    *prometheus.CounterVec
	running     *prometheus.GaugeVec
	ready       prometheus.Gauge
}

// Item outcomes, the values of the "outcome" label.
var outcomes = []string{"fetched", "ingested", "unchanged", "failed", "skipped"}

func newMetrics() *metrics {
	m := &metrics{
		reg: prometheus.NewRegistry(),
		items: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_job_items_total",
			Help: "Items handled by job runs, by outcome: fetched (read), ingested (new or updated), unchanged, failed, skipped (over max_items or max_age).",
		}, []string{"job", "outcome"}),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_job_http_requests_total",
			Help: "HTTP requests made by job runs (feeds and articles, conditional when possible).",
		}, []string{"job"}),
		runs: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_job_runs_total",
			Help: "Job runs by final status: ok, unchanged, partial, failed, interrupted.",
		}, []string{"job", "status"}),
		duration: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "geokg_job_run_duration_seconds",
			Help:    "Duration of job runs.",
			Buckets: []float64{0.1, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800},
		}, []string{"job"}),
		lastSuccess: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "geokg_job_last_success_timestamp_seconds",
			Help: "Unix time of the end of the job's last successful run: ok, unchanged or partial, i.e. something was fetched (0: never).",
		}, []string{"job"}),
		lastFailure: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "geokg_job_last_failure_timestamp_seconds",
			Help: "Unix time of the end of the job's last failed run: nothing was fetched, or Neo4j could not take the writes (0: never).",
		}, []string{"job"}),
		overruns: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "geokg_job_overruns_total",
			Help: "Scheduled runs skipped because the previous run was still going.",
		}, []string{"job"}),
		running: prometheus.NewGaugeVec(prometheus.GaugeOpts{
			Name: "geokg_job_running",
			Help: "1 while the job runs.",
		}, []string{"job"}),
		ready: prometheus.NewGauge(prometheus.GaugeOpts{
			Name: "geokg_ready",
			Help: "1 when Neo4j is reachable and the schema current (as of the last /readyz probe).",
		}),
	}
	m.reg.MustRegister(m.items, m.requests, m.runs, m.duration, m.lastSuccess, m.lastFailure, m.overruns, m.running, m.ready,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// initJob makes a job's series exist (at zero) before its first run.
func (m *metrics) initJob(job string) {
	for _, o := range outcomes {
		m.items.WithLabelValues(job, o)
	}
	m.requests.WithLabelValues(job)
	m.lastSuccess.WithLabelValues(job)
	m.lastFailure.WithLabelValues(job)
	m.overruns.WithLabelValues(job)
	m.running.WithLabelValues(job)
}

func (m *metrics) observe(r Result) {
	j := r.Job
	m.items.WithLabelValues(j, "fetched").Add(float64(r.Fetched))
	m.items.WithLabelValues(j, "ingested").Add(float64(r.Ingested))
	m.items.WithLabelValues(j, "unchanged").Add(float64(r.Unchanged))
	m.items.WithLabelValues(j, "failed").Add(float64(r.Failed))
	m.items.WithLabelValues(j, "skipped").Add(float64(r.Skipped))
	m.requests.WithLabelValues(j).Add(float64(r.Requests))
	m.runs.WithLabelValues(j, r.Status).Inc()
	m.duration.WithLabelValues(j).Observe(r.Duration().Seconds())
	switch {
	case r.Succeeded():
		m.lastSuccess.WithLabelValues(j).Set(float64(r.Finished.Unix()))
	case r.Status == StatusFailed:
		m.lastFailure.WithLabelValues(j).Set(float64(r.Finished.Unix()))
	}
	m.running.WithLabelValues(j).Set(0)
}
