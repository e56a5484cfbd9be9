package serve_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/serve"
)

func TestNextDue(t *testing.T) {
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		name, schedule string
		last           time.Time
		want           time.Time
	}{
		{"never ran: due now", "@every 15m", time.Time{}, now},
		{"every: last run plus the interval", "@every 15m", now.Add(-10 * time.Minute), now.Add(5 * time.Minute)},
		{"every: missed", "@every 15m", now.Add(-2 * time.Hour), now.Add(-105 * time.Minute)},
		{"cron: next firing after the last run", "0 3 * * *", now.Add(-6 * time.Hour), time.Date(2025, 3, 11, 3, 0, 0, 0, time.UTC)},
		{"cron: missed while down", "0 3 * * *", now.Add(-30 * time.Hour), time.Date(2025, 3, 10, 3, 0, 0, 0, time.UTC)},
		{"descriptor", "@hourly", now.Add(-10 * time.Minute), time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := serve.NextDue(tt.schedule, tt.last, now)
			require.NoError(t, err)
			assert.Equal(t, tt.want, got.UTC())
		})
	}
	_, err := serve.NextDue("* * *", now.Add(-time.Hour), now)
	assert.Error(t, err)
}

func TestDue(t *testing.T) {
	now := time.Date(2025, 3, 10, 12, 0, 0, 0, time.UTC)
	job := serve.Job{Name: "j", Schedule: "@every 15m", Sources: []string{"a", "b"}}
	ran := func(ago time.Duration) graph.SourceState { return graph.SourceState{LastRun: now.Add(-ago)} }
	tests := []struct {
		name   string
		states map[string]graph.SourceState
		due    bool
	}{
		{"no state: never ran", nil, true},
		{"one source never ran", map[string]graph.SourceState{"a": ran(time.Minute)}, true},
		{"both recent", map[string]graph.SourceState{"a": ran(time.Minute), "b": ran(10 * time.Minute)}, false},
		{"the oldest counts", map[string]graph.SourceState{"a": ran(time.Minute), "b": ran(20 * time.Minute)}, true},
		{"exactly one interval ago", map[string]graph.SourceState{"a": ran(15 * time.Minute), "b": ran(15 * time.Minute)}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.due, serve.Due(job, tt.states, now))
		})
	}
}
