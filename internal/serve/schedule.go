package serve

import (
	"fmt"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/geokg/geokg/graph"
)

// NextDue is when a job with this schedule is next due, given when it last
// ran (zero: never, so it is due now): for "@every D" the last run plus D,
// for a cron expression the first time it fires after the last run. A time
// not after now means the job is due (a run was missed, e.g. while the
// daemon was down).
func NextDue(schedule string, lastRun, now time.Time) (time.Time, error) {
	if lastRun.IsZero() {
		return now, nil
	}
	every, expr, err := parseSchedule(schedule)
	if err != nil {
		return time.Time{}, err
	}
	if every > 0 {
		return lastRun.Add(every), nil
	}
	sched, err := cron.ParseStandard(expr)
	if err != nil {
		return time.Time{}, fmt.Errorf("schedule %q: %w", schedule, err)
	}
	return sched.Next(lastRun), nil
}

// LastRun is when a job last ran, from the state of its sources in the
// graph: the oldest source's last run, zero when some source never ran.
func LastRun(job Job, states map[string]graph.SourceState) time.Time {
	var oldest time.Time
	for i, src := range job.Sources {
		st, ok := states[src]
		if !ok || st.LastRun.IsZero() {
			return time.Time{}
		}
		if i == 0 || st.LastRun.Before(oldest) {
			oldest = st.LastRun
		}
	}
	return oldest
}

// Due reports whether a job is due at now given its sources' state.
func Due(job Job, states map[string]graph.SourceState, now time.Time) bool {
	next, err := NextDue(job.Schedule, LastRun(job, states), now)
	return err != nil || !next.After(now)
}
