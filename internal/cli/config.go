package cli

import (
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/go-viper/mapstructure/v2"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is geokg's whole configuration, after defaults, the config file,
// the environment and flags have been merged (in increasing precedence).
type Config struct {
	Neo4j   Neo4jConfig   `mapstructure:"neo4j" yaml:"neo4j"`
	Log     LogConfig     `mapstructure:"log" yaml:"log"`
	Extract ExtractConfig `mapstructure:"extract" yaml:"extract"`
	Ingest  IngestConfig  `mapstructure:"ingest" yaml:"ingest"`
	Serve   ServeConfig   `mapstructure:"serve" yaml:"serve"`
	// File is the config file that was read, "" when none.
	File string `mapstructure:"-" yaml:"-"`
}

// Neo4jConfig names the server. Env: NEO4J_URI, NEO4J_USERNAME,
// NEO4J_PASSWORD, NEO4J_DATABASE.
type Neo4jConfig struct {
	URI      string `mapstructure:"uri" yaml:"uri"`
	Username string `mapstructure:"username" yaml:"username"`
	Password string `mapstructure:"password" yaml:"password"`
	Database string `mapstructure:"database" yaml:"database"`
}

// LogConfig sets the structured log written to stderr.
type LogConfig struct {
	Level  string `mapstructure:"level" yaml:"level"`   // debug | info | warn | error
	Format string `mapstructure:"format" yaml:"format"` // text | json
}

// ExtractConfig points the extractor at optional GeoNames dumps.
type ExtractConfig struct {
	GeoNamesCities string `mapstructure:"geonames_cities" yaml:"geonames_cities"` // cities15000.txt
	GeoNamesAdmin1 string `mapstructure:"geonames_admin1" yaml:"geonames_admin1"` // admin1CodesASCII.txt
	GeoNamesAll    string `mapstructure:"geonames_all" yaml:"geonames_all"`       // allCountries.txt
	// Timeout bounds the extraction of one article; a longer one fails alone.
	Timeout time.Duration `mapstructure:"timeout" yaml:"timeout"`
}

// IngestConfig tunes ingestion and fetching.
type IngestConfig struct {
	Workers      int           `mapstructure:"workers" yaml:"workers"`
	Batch        int           `mapstructure:"batch" yaml:"batch"`
	FetchTimeout time.Duration `mapstructure:"fetch_timeout" yaml:"fetch_timeout"`
	MaxBytes     int64         `mapstructure:"max_bytes" yaml:"max_bytes"`
	UserAgent    string        `mapstructure:"user_agent" yaml:"user_agent"`
}

// ServeConfig configures the daemon.
type ServeConfig struct {
	Addr string      `mapstructure:"addr" yaml:"addr"`
	Jobs []JobConfig `mapstructure:"jobs" yaml:"jobs"`
}

// JobConfig is one scheduled re-ingestion job.
type JobConfig struct {
	Name     string        `mapstructure:"name" yaml:"name"`
	Schedule string        `mapstructure:"schedule" yaml:"schedule"`
	Sources  []string      `mapstructure:"sources" yaml:"sources"`
	MaxItems int           `mapstructure:"max_items" yaml:"max_items"`
	MaxAge   time.Duration `mapstructure:"max_age" yaml:"max_age"`
}

// defaults are the values used when nothing else sets a key. Every key is
// listed so that viper also finds it in the environment.
var defaults = map[string]any{
	"neo4j.uri":               "bolt://127.0.0.1:7687",
	"neo4j.username":          "neo4j",
	"neo4j.password":          "",
	"neo4j.database":          "",
	"log.level":               "info",
	"log.format":              "text",
	"extract.geonames_cities": "",
	"extract.geonames_admin1": "",
	"extract.geonames_all":    "",
	"extract.timeout":         "30s",
	"ingest.workers":          2,
	"ingest.batch":            50,
	"ingest.fetch_timeout":    "30s",
	"ingest.max_bytes":        int64(20 << 20),
	"ingest.user_agent":       "geokg/" + version + " (+https://github.com/geokg/geokg)",
	"serve.addr":              "127.0.0.1:8080",
}

// neo4jEnv maps keys to the conventional Neo4j variable names; every other
// key is read from GEOKG_<KEY> with dots as underscores (GEOKG_LOG_LEVEL).
var neo4jEnv = map[string]string{
	"neo4j.uri":      "NEO4J_URI",
	"neo4j.username": "NEO4J_USERNAME",
	"neo4j.password": "NEO4J_PASSWORD",
	"neo4j.database": "NEO4J_DATABASE",
}

// loadOptions says where configuration comes from; tests replace the
// environment and the search path.
type loadOptions struct {
	file   string              // --config; "" to search
	flags  *pflag.FlagSet      // flags bound to keys by flagKeys
	getenv func(string) string // os.Getenv
	search []string            // candidate files when file is ""
}

// flagKeys binds persistent flags to configuration keys.
var flagKeys = map[string]string{
	"neo4j-uri":      "neo4j.uri",
	"neo4j-username": "neo4j.username",
	"neo4j-password": "neo4j.password",
	"database":       "neo4j.database",
	"log-level":      "log.level",
	"log-format":     "log.format",
}

// defaultSearch lists the config files tried when --config is not given.
func defaultSearch() []string {
	paths := []string{"geokg.yaml"}
	if dir, err := os.UserConfigDir(); err == nil {
		paths = append(paths, filepath.Join(dir, "geokg", "geokg.yaml"))
	}
	return paths
}

func loadConfig(o loadOptions) (Config, error) {
	v := viper.New()
	for k, d := range defaults {
		v.SetDefault(k, d)
	}
	v.SetConfigType("yaml")
	file := o.file
	if file == "" {
		for _, p := range o.search {
			if _, err := os.Stat(p); err == nil {
				file = p
				break
			}
		}
	}
	if file != "" {
		v.SetConfigFile(file)
		if err := v.ReadInConfig(); err != nil {
			return Config{}, fmt.Errorf("read config file %s: %w", file, err)
		}
	}
	getenv := o.getenv
	if getenv == nil {
		getenv = os.Getenv
	}
	for _, k := range v.AllKeys() {
		name, ok := neo4jEnv[k]
		if !ok {
			name = "GEOKG_" + strings.ToUpper(strings.ReplaceAll(k, ".", "_"))
		}
		if val := getenv(name); val != "" {
			v.Set(k, val)
		}
	}
	if o.flags != nil {
		for flag, key := range flagKeys {
			if f := o.flags.Lookup(flag); f != nil && f.Changed {
				v.Set(key, f.Value.String())
			}
		}
	}
	var cfg Config
	if err := v.Unmarshal(&cfg, viper.DecodeHook(mapstructure.ComposeDecodeHookFunc(
		mapstructure.StringToTimeDurationHookFunc(),
		mapstructure.StringToSliceHookFunc(","),
	)), func(dc *mapstructure.DecoderConfig) { dc.ErrorUnused = true }); err != nil {
		return Config{}, fmt.Errorf("invalid config: %s", decodeErrorLine(err))
	}
	cfg.File = file
	if err := cfg.Validate(); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// decodeErrorLine keeps the first, most specific line of a decode error,
// which names the key ("'ingest.workers' cannot parse value …").
func decodeErrorLine(err error) string {
	msg := err.Error()
	for _, line := range strings.Split(msg, "\n") {
		line = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "*"))
		if line != "" && !strings.HasPrefix(line, "decoding failed") && !strings.Contains(line, "error(s) decoding") {
			return line
		}
	}
	return msg
}

// Validate checks every value and returns one line naming the first bad key.
func (c Config) Validate() error {
	bad := func(key string, val any, why string) error {
		return fmt.Errorf("invalid config: %s = %v: %s", key, val, why)
	}
	u, err := url.Parse(c.Neo4j.URI)
	switch {
	case c.Neo4j.URI == "":
		return bad("neo4j.uri", `""`, "must be set, e.g. bolt://127.0.0.1:7687")
	case err != nil:
		return bad("neo4j.uri", c.Neo4j.URI, err.Error())
	case !oneOf(u.Scheme, "bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"):
		return bad("neo4j.uri", c.Neo4j.URI, "scheme must be bolt, bolt+s, bolt+ssc, neo4j, neo4j+s or neo4j+ssc")
	case u.Host == "":
		return bad("neo4j.uri", c.Neo4j.URI, "missing host")
	}
	if !oneOf(c.Log.Level, "debug", "info", "warn", "error") {
		return bad("log.level", c.Log.Level, "must be debug, info, warn or error")
	}
	if !oneOf(c.Log.Format, "text", "json") {
		return bad("log.format", c.Log.Format, "must be text or json")
	}
	if c.Ingest.Workers < 1 || c.Ingest.Workers > 256 {
		return bad("ingest.workers", c.Ingest.Workers, "must be between 1 and 256")
	}
	if c.Ingest.Batch < 1 || c.Ingest.Batch > 10000 {
		return bad("ingest.batch", c.Ingest.Batch, "must be between 1 and 10000")
	}
	if c.Ingest.FetchTimeout <= 0 {
		return bad("ingest.fetch_timeout", c.Ingest.FetchTimeout, "must be a positive duration such as 30s")
	}
	if c.Extract.Timeout <= 0 {
		return bad("extract.timeout", c.Extract.Timeout, "must be a positive duration such as 30s")
	}
	if c.Ingest.MaxBytes < 1024 {
		return bad("ingest.max_bytes", c.Ingest.MaxBytes, "must be at least 1024")
	}
	for _, p := range []struct{ key, path string }{
		{"extract.geonames_cities", c.Extract.GeoNamesCities},
		{"extract.geonames_admin1", c.Extract.GeoNamesAdmin1},
		{"extract.geonames_all", c.Extract.GeoNamesAll},
	} {
		if p.path == "" {
			continue
		}
		if _, err := os.Stat(p.path); err != nil {
			return bad(p.key, p.path, "file not readable")
		}
	}
	if _, _, err := splitHostPort(c.Serve.Addr); err != nil {
		return bad("serve.addr", c.Serve.Addr, err.Error())
	}
	names := map[string]bool{}
	for i, j := range c.Serve.Jobs {
		key := fmt.Sprintf("serve.jobs[%d]", i)
		switch {
		case j.Name == "":
			return bad(key+".name", `""`, "every job needs a name")
		case names[j.Name]:
			return bad(key+".name", j.Name, "job names must be unique")
		case j.Schedule == "":
			return bad(key+".schedule", `""`, `needs a cron expression or "@every 15m"`)
		case len(j.Sources) == 0:
			return bad(key+".sources", "[]", "needs at least one feed, URL or folder")
		case j.MaxItems < 0:
			return bad(key+".max_items", j.MaxItems, "must not be negative")
		}
		names[j.Name] = true
	}
	return nil
}

func oneOf(s string, options ...string) bool {
	for _, o := range options {
		if s == o {
			return true
		}
	}
	return false
}

func splitHostPort(addr string) (string, string, error) {
	i := strings.LastIndex(addr, ":")
	if i < 0 || i == len(addr)-1 {
		return "", "", errors.New("must be host:port, e.g. 127.0.0.1:8080")
	}
	return addr[:i], addr[i+1:], nil
}

// Redacted returns a copy with secrets replaced, for printing.
func (c Config) Redacted() Config {
	if c.Neo4j.Password != "" {
		c.Neo4j.Password = "********"
	}
	return c
}
