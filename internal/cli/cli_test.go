package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
)

// run executes geokg in-process with the given environment.
func run(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errOut bytes.Buffer
	t.Chdir(t.TempDir()) // no ./geokg.yaml from the working tree
	code = Run(context.Background(), args, strings.NewReader(""), &out, &errOut, envFrom(env))
	return code, out.String(), errOut.String()
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, nil, "version")
	require.Equal(t, 0, code)
	assert.Regexp(t, `^geokg \S+ \(commit \S+, go`, out)
}

func TestConfigShowRedactsSecrets(t *testing.T) {
	code, out, _ := run(t, map[string]string{"NEO4J_PASSWORD": "hunter2", "NEO4J_URI": "bolt://db.example:7687"}, "config", "show")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "uri: bolt://db.example:7687")
	assert.Contains(t, out, "password: '********'")
	assert.NotContains(t, out, "hunter2")

	// A password in the URI, tokens in job sources.
	cfg := writeFile(t, "serve:\n  jobs:\n  - {name: a, schedule: '@every 1h', sources: ['https://u:tok1@x.example/rss?apikey=tok2']}\n")
	code, out, errOut := run(t, map[string]string{"NEO4J_URI": "bolt://neo4j:hunter2@db.example:7687"}, "--config", cfg, "config", "show")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "uri: bolt://REDACTED@db.example:7687")
	assert.Contains(t, out, "https://REDACTED@x.example/rss?apikey=REDACTED")
	for _, secret := range []string{"hunter2", "tok1", "tok2"} {
		assert.NotContains(t, out, secret)
	}
	code, _, errOut = run(t, map[string]string{"NEO4J_URI": "http://neo4j:hunter2@db.example:7474"}, "config", "show")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "neo4j.uri = http://REDACTED@db.example:7474")
	assert.NotContains(t, errOut, "hunter2")
}

func TestUsageAndConfigErrors(t *testing.T) {
	code, _, errOut := run(t, nil, "no-such-command")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, errOut, "unknown command")

	code, _, errOut = run(t, nil, "extract")
	assert.Equal(t, exitUsage, code, "a missing argument is a usage error")
	assert.Contains(t, errOut, "requires at least 1 arg(s)")

	code, _, errOut = run(t, map[string]string{"GEOKG_LOG_LEVEL": "loud"}, "doctor")
	assert.Equal(t, exitError, code)
	assert.Equal(t, "geokg: invalid config: log.level = loud: must be debug, info, warn or error\n", errOut)
}

// A stopped server gives one line that names the URI and the cause.
func TestUnreachableNeo4jIsOneLine(t *testing.T) {
	env := map[string]string{"NEO4J_URI": "bolt://127.0.0.1:1", "NEO4J_PASSWORD": "x"}
	for _, args := range [][]string{{"doctor"}, {"schema", "apply"}, {"schema", "status"}} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			code, out, errOut := run(t, env, args...)
			assert.NotEqual(t, 0, code)
			assert.Empty(t, out)
			assert.Equal(t, 1, strings.Count(errOut, "\n"), "one line: %q", errOut)
			assert.Contains(t, errOut, "bolt://127.0.0.1:1")
			assert.Contains(t, errOut, "connection refused")
			assert.Contains(t, errOut, `scripts/neo4j start && eval "$(scripts/neo4j env)"`)
			assert.NotContains(t, errOut, "goroutine")
		})
	}
}

// integrationEnv returns the environment naming the test server, or skips.
func integrationEnv(t *testing.T) map[string]string {
	t.Helper()
	return graphtest.Env(t)
}
