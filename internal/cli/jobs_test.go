package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
)

func TestIntegrationJobsCommands(t *testing.T) {
	env := integrationEnv(t)
	graphtest.Open(t) // wiped, and the database is ours until the test ends
	dir := t.TempDir()
	for i, text := range []string{
		"The United States imposed sanctions on Iran on Monday, officials said.",
		"Russia and China held talks in Beijing on Tuesday.",
	} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644))
	}
	cfg := writeFile(t, fmt.Sprintf("serve:\n  jobs:\n    - name: local\n      schedule: \"@every 1h\"\n      sources: [%q]\n", dir))

	code, out, errOut := run(t, env, "--config", cfg, "jobs", "list")
	require.Equal(t, 0, code, errOut)
	assert.Regexp(t, `local\s+@every 1h\s+due now\s+-\s+\S+\s+never`, out, "never ran: due")

	code, out, errOut = run(t, env, "--config", cfg, "--log-level", "warn", "jobs", "run", "local")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "job local: ok in ")
	assert.Contains(t, out, "2 fetched, 2 ingested, 0 unchanged, 0 failed")

	code, out, errOut = run(t, env, "--config", cfg, "--log-level", "warn", "jobs", "run", "local", "--json")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, `"status": "unchanged"`)
	assert.Contains(t, out, `"unchanged": 2`)

	code, out, _ = run(t, env, "--config", cfg, "jobs", "list", "--json")
	require.Equal(t, 0, code)
	assert.Contains(t, out, `"last_status": "unchanged"`)
	var listed []struct {
		NextRun *time.Time `json:"next_run"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &listed))
	require.Len(t, listed, 1)
	require.NotNil(t, listed[0].NextRun)
	assert.WithinDuration(t, time.Now().Add(time.Hour), *listed[0].NextRun, time.Minute, "an hour after the last run")
	code, out, _ = run(t, env, "--config", cfg, "jobs", "list")
	require.Equal(t, 0, code)
	assert.Regexp(t, `local\s+@every 1h\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+-\s+`, out)

	code, _, errOut = run(t, env, "--config", cfg, "jobs", "run", "other")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, `no job "other" (configured: local)`)
}

func TestJobsRunOnStartConfig(t *testing.T) {
	cfg := writeFile(t, "serve:\n  jobs:\n    - name: a\n      schedule: \"@every 15m\"\n      sources: [x]\n"+
		"    - name: b\n      schedule: \"@every 15m\"\n      sources: [x]\n      run_on_start: false\n")
	tests := []struct {
		name string
		env  map[string]string
		want []bool
	}{
		{"default on, a job turns it off", nil, []bool{true, false}},
		{"globally off", map[string]string{"GEOKG_SERVE_RUN_ON_START": "false"}, []bool{false, false}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := loadConfig(loadOptions{file: cfg, getenv: envFrom(tt.env)})
			require.NoError(t, err)
			jobs, err := jobsFromConfig(c)
			require.NoError(t, err)
			var got []bool
			for _, j := range jobs {
				got = append(got, j.RunOnStart)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestJobsConfigErrors(t *testing.T) {
	cfg := writeFile(t, "serve:\n  jobs:\n    - name: bad\n      schedule: \"every 15m\"\n      sources: [x]\n")
	code, _, errOut := run(t, nil, "--config", cfg, "jobs", "list")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "serve.jobs[0].schedule")
	code, out, _ := run(t, nil, "jobs", "list")
	assert.Equal(t, 0, code)
	assert.True(t, strings.HasPrefix(out, "no jobs configured"), out)
}

// serve refuses a non-loopback address without a bearer token, before
// connecting to anything.
func TestServeNeedsTokenBeyondLoopback(t *testing.T) {
	code, _, errOut := run(t, nil, "serve", "--addr", "0.0.0.0:0")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "refusing to serve on 0.0.0.0:0 without a bearer token")
	assert.Contains(t, errOut, "GEOKG_SERVE_TOKEN")
}

func TestServeTokenFromEnvIsRedacted(t *testing.T) {
	c, err := loadConfig(loadOptions{getenv: envFrom(map[string]string{"GEOKG_SERVE_TOKEN": "s3cret"})})
	require.NoError(t, err)
	assert.Equal(t, "s3cret", c.Serve.Token)
	assert.Equal(t, "********", c.Redacted().Serve.Token)
}
