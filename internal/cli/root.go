package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/internal/redact"
)

// ErrSomeFailed is returned by commands that finished their work but had to
// skip some inputs; Main maps it to exit code 3.
var ErrSomeFailed = errors.New("some inputs failed")

// errSomeFailedShown ends a command whose printed summary already counts
// the failed inputs (each logged once as it happened): exit code 3, and no
// further line.
var errSomeFailedShown = fmt.Errorf("%w (counted in the summary)", ErrSomeFailed)

// Exit codes.
const (
	exitOK      = 0
	exitError   = 1
	exitUsage   = 2
	exitPartial = 3
)

// App is what every command shares: the streams, the configuration loaded
// once before the command runs, and the logger built from it.
type App struct {
	In       io.Reader
	Out, Err io.Writer
	Getenv   func(string) string

	configFile string
	cfg        Config
	log        *slog.Logger
}

// Config is the effective configuration (valid once a command runs).
func (a *App) Config() Config { return a.cfg }

// Logger is the structured logger on stderr.
func (a *App) Logger() *slog.Logger { return a.log }

// OpenStore connects to the configured Neo4j.
func (a *App) OpenStore(ctx context.Context) (*graph.Store, error) {
	c := a.cfg.Neo4j
	return graph.Open(ctx, graph.Config{URI: c.URI, Username: c.Username, Password: c.Password, Database: c.Database,
		RetryTimeout: c.RetryTimeout, Log: a.log})
}

// Main runs geokg with the process's arguments and returns the exit code.
func Main(ctx context.Context) int {
	return Run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr, os.Getenv)
}

// Run is Main with explicit arguments, streams and environment (for tests).
func Run(ctx context.Context, args []string, in io.Reader, out, errOut io.Writer, getenv func(string) string) int {
	app := &App{In: in, Out: out, Err: errOut, Getenv: getenv}
	root := newRootCmd(app)
	root.SetArgs(args)
	root.SetIn(in)
	root.SetOut(out)
	root.SetErr(errOut)
	err := root.ExecuteContext(ctx)
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, errSomeFailedShown):
		return exitPartial
	case errors.Is(err, ErrSomeFailed):
		fmt.Fprintf(errOut, "geokg: %s\n", redact.Text(err.Error()))
		return exitPartial
	case isUsageError(err):
		fmt.Fprintf(errOut, "geokg: %s\nRun 'geokg --help' for usage.\n", redact.Text(err.Error()))
		return exitUsage
	case errors.Is(err, context.Canceled):
		fmt.Fprintln(errOut, "geokg: interrupted")
		return exitError
	default:
		fmt.Fprintf(errOut, "geokg: %s\n", redact.Text(oneLine(err.Error())))
		return exitError
	}
}

// usageError marks a mistake in how the command was called.
type usageError struct{ error }

func isUsageError(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	msg := err.Error()
	return strings.HasPrefix(msg, "unknown command") || strings.HasPrefix(msg, "unknown flag") ||
		strings.HasPrefix(msg, "unknown shorthand flag") ||
		strings.HasPrefix(msg, "invalid argument") || strings.HasPrefix(msg, "flag needs an argument")
}

func oneLine(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "\n", " ")), " ")
}

func newRootCmd(app *App) *cobra.Command {
	root := &cobra.Command{
		Use:   "geokg",
		Short: "Turn news articles into a geopolitical knowledge graph in Neo4j",
		Long: `geokg reads news articles (files, folders, URLs, RSS/Atom feeds), extracts the
actors, places, events and statements they report, and writes them into a
Neo4j graph that can be queried with Cypher and explored in Neo4j Browser.

Configuration is read from a YAML file (--config, else ./geokg.yaml, else
$XDG_CONFIG_HOME/geokg/geokg.yaml), the environment (NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE, and GEOKG_<KEY> for the rest, e.g.
GEOKG_LOG_LEVEL) and flags; flags win over the environment, which wins over
the file. See 'geokg config show'.`,
		Example: `  scripts/neo4j start && eval "$(scripts/neo4j env)"
  geokg schema apply
  geokg doctor
  geokg extract seeds/articles/2025-03-11-sahel-observer-france-chad.txt
  geokg query relations France Chad`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			cfg, err := loadConfig(loadOptions{
				file:   app.configFile,
				flags:  cmd.Flags(),
				getenv: app.Getenv,
				search: defaultSearch(),
			})
			if err != nil {
				return err
			}
			app.cfg = cfg
			app.log = newLogger(app.Err, cfg.Log)
			return nil
		},
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	f := root.PersistentFlags()
	f.StringVar(&app.configFile, "config", "", "config file (default ./geokg.yaml, then the user config dir)")
	f.String("neo4j-uri", "", "Neo4j URI (env NEO4J_URI; default bolt://127.0.0.1:7687)")
	f.String("neo4j-username", "", "Neo4j user (env NEO4J_USERNAME; default neo4j)")
	f.String("neo4j-password", "", "Neo4j password (env NEO4J_PASSWORD)")
	f.String("database", "", "Neo4j database (env NEO4J_DATABASE; default: the server's default)")
	f.String("log-level", "", "log level: debug, info, warn, error (env GEOKG_LOG_LEVEL)")
	f.String("log-format", "", "log format: text or json (env GEOKG_LOG_FORMAT)")

	root.AddCommand(
		newVersionCmd(app),
		newConfigCmd(app),
		newSchemaCmd(app),
		newDoctorCmd(app),
	)
	for _, c := range extraCommands {
		root.AddCommand(c(app))
	}
	markArgErrors(root)
	return root
}

// markArgErrors makes every command's argument check report a usage error
// (exit code 2), whichever cobra validator it uses.
func markArgErrors(cmd *cobra.Command) {
	if check := cmd.Args; check != nil {
		cmd.Args = func(c *cobra.Command, args []string) error {
			err := check(c, args)
			var u usageError
			if err != nil && !errors.As(err, &u) {
				return usageError{err}
			}
			return err
		}
	}
	for _, sub := range cmd.Commands() {
		markArgErrors(sub)
	}
}

// extraCommands are registered by the files of other commands (init), so
// that each command lives in one file.
var extraCommands []func(*App) *cobra.Command

func newLogger(w io.Writer, c LogConfig) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	// Every line goes through redaction: no URL credential is logged.
	if c.Format == "json" {
		return slog.New(redact.Handler(slog.NewJSONHandler(w, opts)))
	}
	return slog.New(redact.Handler(slog.NewTextHandler(w, opts)))
}
