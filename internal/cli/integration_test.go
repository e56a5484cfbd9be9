package cli

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/schema"
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
	assert.Regexp(t, `(?m)^0001 +constraints +pending`, out)
	assert.Contains(t, out, "pending: run 'geokg schema apply'")

	code, out, errOut := run(t, env, "schema", "apply")
	require.Equal(t, 0, code, errOut)
	assert.Contains(t, out, fmt.Sprintf("applied %d migration(s)", schema.LatestVersion()))
	code, out, _ = run(t, env, "schema", "apply")
	require.Equal(t, 0, code)
	assert.Equal(t, fmt.Sprintf("schema is up to date at version %d\n", schema.LatestVersion()), out)

	code, out, _ = run(t, env, "schema", "status")
	require.Equal(t, 0, code)
	assert.NotContains(t, out, "pending")
	assert.Equal(t, schema.LatestVersion(), strings.Count(out, " applied "))

	code, out, _ = run(t, env, "doctor")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, fmt.Sprintf("ok    schema      version %d (current)", schema.LatestVersion()))
	assert.True(t, strings.HasSuffix(out, "healthy\n"))
}

func TestIntegrationWrongPasswordAndDatabase(t *testing.T) {
	env := integrationEnv(t)
	bad := map[string]string{"NEO4J_URI": env["NEO4J_URI"], "NEO4J_PASSWORD": "wrong-password"}
	code, _, errOut := run(t, bad, "doctor")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, env["NEO4J_URI"])
	assert.Contains(t, errOut, "authentication failed")
	assert.Contains(t, errOut, `eval "$(scripts/neo4j env)"`, "the hint says how to pick up the local server's password")
	assert.Equal(t, 1, strings.Count(errOut, "\n"))

	env["NEO4J_DATABASE"] = "nosuchdb"
	code, _, errOut = run(t, env, "schema", "apply")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, `database "nosuchdb" does not exist`)
	assert.Equal(t, 1, strings.Count(errOut, "\n"))
}
