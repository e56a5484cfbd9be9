package cli

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/spf13/pflag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/internal/pipeline"
)

func envFrom(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func writeFile(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "geokg.yaml")
	require.NoError(t, os.WriteFile(p, []byte(body), 0o600))
	return p
}

func testFlags(t *testing.T, args ...string) *pflag.FlagSet {
	t.Helper()
	fs := pflag.NewFlagSet("test", pflag.ContinueOnError)
	for name := range flagKeys {
		fs.String(name, "", "")
	}
	require.NoError(t, fs.Parse(args))
	return fs
}

func TestConfigPrecedence(t *testing.T) {
	file := writeFile(t, `
neo4j:
  uri: bolt://file:7687
  username: fileuser
  password: filepw
log:
  level: warn
ingest:
  workers: 7
  fetch_timeout: 5s
`)
	tests := []struct {
		name  string
		env   map[string]string
		flags []string
		check func(t *testing.T, c Config)
	}{
		{
			name: "file over defaults",
			check: func(t *testing.T, c Config) {
				assert.Equal(t, "bolt://file:7687", c.Neo4j.URI)
				assert.Equal(t, "fileuser", c.Neo4j.Username)
				assert.Equal(t, "warn", c.Log.Level)
				assert.Equal(t, 7, c.Ingest.Workers)
				assert.Equal(t, 5*time.Second, c.Ingest.FetchTimeout)
				assert.Equal(t, pipeline.DefaultBatch, c.Ingest.Batch, "default kept")
				assert.Equal(t, file, c.File)
			},
		},
		{
			name: "env over file",
			env:  map[string]string{"NEO4J_URI": "neo4j://env:7687", "NEO4J_PASSWORD": "envpw", "GEOKG_LOG_LEVEL": "debug", "GEOKG_INGEST_WORKERS": "3"},
			check: func(t *testing.T, c Config) {
				assert.Equal(t, "neo4j://env:7687", c.Neo4j.URI)
				assert.Equal(t, "envpw", c.Neo4j.Password)
				assert.Equal(t, "fileuser", c.Neo4j.Username)
				assert.Equal(t, "debug", c.Log.Level)
				assert.Equal(t, 3, c.Ingest.Workers)
			},
		},
		{
			name:  "flags over env",
			env:   map[string]string{"NEO4J_URI": "neo4j://env:7687", "NEO4J_DATABASE": "envdb"},
			flags: []string{"--neo4j-uri", "bolt://flag:7687", "--log-level", "error"},
			check: func(t *testing.T, c Config) {
				assert.Equal(t, "bolt://flag:7687", c.Neo4j.URI)
				assert.Equal(t, "envdb", c.Neo4j.Database)
				assert.Equal(t, "error", c.Log.Level)
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := loadConfig(loadOptions{file: file, getenv: envFrom(tt.env), flags: testFlags(t, tt.flags...)})
			require.NoError(t, err)
			tt.check(t, c)
		})
	}
}

func TestConfigDefaultsAndSearch(t *testing.T) {
	c, err := loadConfig(loadOptions{getenv: envFrom(nil), search: []string{filepath.Join(t.TempDir(), "missing.yaml")}})
	require.NoError(t, err)
	assert.Equal(t, "bolt://127.0.0.1:7687", c.Neo4j.URI)
	assert.Equal(t, "neo4j", c.Neo4j.Username)
	assert.Equal(t, "", c.File)

	found := writeFile(t, "log:\n  format: json\n")
	c, err = loadConfig(loadOptions{getenv: envFrom(nil), search: []string{"/nonexistent/geokg.yaml", found}})
	require.NoError(t, err)
	assert.Equal(t, "json", c.Log.Format)
	assert.Equal(t, found, c.File)
}

func TestConfigInvalid(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		env     map[string]string
		wantKey string
	}{
		{"bad scheme", "", map[string]string{"NEO4J_URI": "http://x:7474"}, "neo4j.uri"},
		{"missing host", "", map[string]string{"NEO4J_URI": "bolt://"}, "neo4j.uri"},
		{"bad level", "", map[string]string{"GEOKG_LOG_LEVEL": "loud"}, "log.level"},
		{"bad format", "log:\n  format: xml\n", nil, "log.format"},
		{"workers not a number", "", map[string]string{"GEOKG_INGEST_WORKERS": "many"}, "ingest.workers"},
		{"workers zero", "ingest:\n  workers: 0\n", nil, "ingest.workers"},
		{"batch too big", "ingest:\n  batch: 100000\n", nil, "ingest.batch"},
		{"bad duration", "ingest:\n  fetch_timeout: soon\n", nil, "fetch_timeout"},
		{"unknown key", "neo4j:\n  url: bolt://x\n", nil, "url"},
		{"geonames missing", "extract:\n  geonames_cities: /nonexistent/cities15000.txt\n", nil, "extract.geonames_cities"},
		{"job without schedule", "serve:\n  jobs:\n  - name: a\n    sources: [x]\n", nil, "serve.jobs[0].schedule"},
		{"bad allow-list", "ingest:\n  allow_networks: [intranet]\n", nil, "ingest.allow_networks"},
		{"bad allow-list env", "", map[string]string{"GEOKG_INGEST_ALLOW_NETWORKS": "10.0.0.0/8,300.1.1.1"}, "ingest.allow_networks"},
		{"duplicate job", "serve:\n  jobs:\n  - {name: a, schedule: '@every 1m', sources: [x]}\n  - {name: a, schedule: '@every 1m', sources: [y]}\n", nil, "serve.jobs[1].name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := loadOptions{getenv: envFrom(tt.env)}
			if tt.file != "" {
				o.file = writeFile(t, tt.file)
			}
			_, err := loadConfig(o)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantKey)
			assert.NotContains(t, err.Error(), "\n", "one line")
		})
	}
}

func TestConfigAllowNetworks(t *testing.T) {
	c, err := loadConfig(loadOptions{getenv: envFrom(nil)})
	require.NoError(t, err)
	assert.Empty(t, c.Ingest.AllowNetworks, "public addresses only by default")
	c, err = loadConfig(loadOptions{getenv: envFrom(map[string]string{"GEOKG_INGEST_ALLOW_NETWORKS": "10.0.0.0/8,loopback"})})
	require.NoError(t, err)
	assert.Equal(t, []string{"10.0.0.0/8", "loopback"}, c.Ingest.AllowNetworks)
	c, err = loadConfig(loadOptions{file: writeFile(t, "ingest:\n  allow_networks: [private, 169.254.169.254]\n"), getenv: envFrom(nil)})
	require.NoError(t, err)
	assert.Equal(t, []string{"private", "169.254.169.254"}, c.Ingest.AllowNetworks)
}

func TestConfigRedacted(t *testing.T) {
	c := Config{Neo4j: Neo4jConfig{Password: "secret"}}
	assert.Equal(t, "********", c.Redacted().Neo4j.Password)
	assert.Equal(t, "secret", c.Neo4j.Password, "original untouched")
	assert.Equal(t, "", Config{}.Redacted().Neo4j.Password)
}

func TestConfigRetryTimeout(t *testing.T) {
	c, err := loadConfig(loadOptions{getenv: envFrom(nil)})
	require.NoError(t, err)
	assert.Equal(t, 30*time.Second, c.Neo4j.RetryTimeout, "default")
	c, err = loadConfig(loadOptions{getenv: envFrom(map[string]string{"GEOKG_NEO4J_RETRY_TIMEOUT": "2s"})})
	require.NoError(t, err)
	assert.Equal(t, 2*time.Second, c.Neo4j.RetryTimeout)
	_, err = loadConfig(loadOptions{file: writeFile(t, "neo4j:\n  retry_timeout: 0s\n"), getenv: envFrom(nil)})
	assert.ErrorContains(t, err, "neo4j.retry_timeout")
}
