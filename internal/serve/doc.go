// Package serve is geokg's re-ingestion daemon: jobs from the
// configuration (a name, a cron or "@every" schedule, sources, limits) run
// on a gocron scheduler, each through the ingestion pipeline, with the
// state of every source kept in the graph (graph.SourceState, SeenItem) so
// that an unchanged feed costs one conditional request and writes nothing,
// and a restart resumes where the last run stopped. Once connected, the
// daemon runs at once every job with RunOnStart that is due (see Due: it
// never ran, or its last run is older than its schedule allows), instead of
// waiting a whole interval.
//
// A job never runs twice at once; a scheduled run that finds the previous
// one still going is counted as an overrun and skipped. The daemon serves
// /healthz, /readyz (Neo4j reachable, schema current), /metrics
// (Prometheus), /jobs (JSON) and POST /jobs/{name}/run on a loopback
// address, plus the Neo4j Browser style sheet and guide under /browser/.
// On shutdown it stops taking work, lets in-flight runs finish their
// current batch within a grace period, then abandons them (an abandoned
// write transaction rolls back, so no article is half-written).
//
// Runner is the single-run engine, also used by `geokg jobs run`.
package serve
