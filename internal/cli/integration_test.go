package cli

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
)

func TestIntegrationSchemaAndDoctor(t *testing.T) {
	env := integrationEnv(t)
	graphtest.OpenEmpty(t) // a server with no data and no schema

	code, out, _ := run(t, env, "doctor")
	assert.Equal(t, exitError, code, "pending migrations are a problem")
	assert.Contains(t, out, "FAIL  schema")
	assert.Contains(t, out, "run 'geokg schema apply'")
	assert.Contains(t, out, "ok    server      Neo4j 5.26")

	code, out, _ = run(t, env, "schema", "status")
	require.Equal(t, 0, code)
	assert.Contains(t, out, "0001     constraints       pending")
	assert.Contains(t, out, "pending: run 'geokg schema apply'")

	code, out, errOut := run(t, env, "schema", "apply")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, "applied 3 migration(s)")
	code, out, _ = run(t, env, "schema", "apply")
	require.Equal(t, 0, code)
	assert.Equal(t, "schema is up to date at version 3\n", out)

	code, out, _ = run(t, env, "schema", "status")
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "pending")
	assert.Equal(t, 3, strings.Count(out, " applied "))

	code, out, _ = run(t, env, "doctor")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "ok    schema      version 3 (current)")
	assert.True(t, strings.HasSuffix(out, "healthy\n"))
}

func TestIntegrationWrongPasswordAndDatabase(t *testing.T) {
	env := integrationEnv(t)
	bad := map[string]string{"NEO4J_URI": env["NEO4J_URI"], "NEO4J_PASSWORD": "wrong-password"}
	code, _, errOut := run(t, bad, "doctor")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, env["NEO4J_URI"])
	assert.Contains(t, errOut, "authentication failed")
	assert.Equal(t, 1, strings.Count(errOut, "\n"))

	env["NEO4J_DATABASE"] = "nosuchdb"
	code, _, errOut = run(t, env, "schema", "apply")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, `database "nosuchdb" does not exist`)
	assert.Equal(t, 1, strings.Count(errOut, "\n"))
}
