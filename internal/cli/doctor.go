package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/schema"
)

// check is one line of the doctor's report.
type check struct {
	name, detail, fix string
	ok                bool
}

func newDoctorCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "doctor",
		Short: "Check the Neo4j connection, server version and schema",
		Long: `Check that Neo4j answers at the configured URI with the configured
credentials and database, report the server's version and edition and the
graph's schema version, and say what to do about each problem. Exits non-zero
when something needs fixing.`,
		Example: `  geokg doctor
  geokg doctor --neo4j-uri bolt://127.0.0.1:7687`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := app.OpenStore(ctx)
			if err != nil {
				return err // one line naming the URI and the cause
			}
			defer st.Close(ctx)
			checks := runChecks(ctx, st)
			return printChecks(app.Out, checks)
		},
	}
}

func runChecks(ctx context.Context, st *graph.Store) []check {
	db := st.Database()
	if db == "" {
		db = "(server default)"
	}
	checks := []check{{name: "connection", ok: true, detail: fmt.Sprintf("%s answers; database %s", st.URI(), db)}}

	info, err := st.Server(ctx)
	switch {
	case err != nil:
		checks = append(checks, check{name: "server", detail: err.Error(), fix: "check the server's logs"})
	case !strings.HasPrefix(info.Version, "5."):
		checks = append(checks, check{name: "server", detail: fmt.Sprintf("Neo4j %s %s", info.Version, info.Edition),
			fix: "geokg is tested with Neo4j 5.26 LTS; use scripts/neo4j or docker compose"})
	default:
		checks = append(checks, check{name: "server", ok: true, detail: fmt.Sprintf("Neo4j %s %s", info.Version, info.Edition)})
	}

	states, err := st.SchemaStatus(ctx)
	if err != nil {
		return append(checks, check{name: "schema", detail: err.Error(), fix: "check the user's read permissions"})
	}
	applied, pending, modified := 0, 0, 0
	for _, m := range states {
		switch {
		case !m.Applied:
			pending++
		case m.Modified:
			modified++
			applied = max(applied, m.Version)
		default:
			applied = max(applied, m.Version)
		}
	}
	latest := schema.LatestVersion()
	switch {
	case pending > 0:
		checks = append(checks, check{name: "schema", detail: fmt.Sprintf("version %d of %d, %d migration(s) pending", applied, latest, pending),
			fix: "run 'geokg schema apply'"})
	case modified > 0:
		checks = append(checks, check{name: "schema", detail: fmt.Sprintf("version %d, %d applied migration(s) changed since", applied, modified),
			fix: "the binary's migrations differ from the applied ones; upgrade geokg or review 'geokg schema status'"})
	default:
		checks = append(checks, check{name: "schema", ok: true, detail: fmt.Sprintf("version %d (current)", applied)})
	}

	nodes, rels, err := st.Counts(ctx)
	if err != nil {
		checks = append(checks, check{name: "data", detail: err.Error(), fix: "check the server's logs"})
	} else {
		checks = append(checks, check{name: "data", ok: true, detail: fmt.Sprintf("%d nodes, %d relationships", nodes, rels)})
	}
	return checks
}

var errUnhealthy = errors.New("doctor found problems")

func printChecks(w io.Writer, checks []check) error {
	failed := 0
	for _, c := range checks {
		status := "ok  "
		if !c.ok {
			status = "FAIL"
			failed++
		}
		fmt.Fprintf(w, "%s  %-10s  %s\n", status, c.name, c.detail)
		if c.fix != "" {
			fmt.Fprintf(w, "      %-10s  → %s\n", "", c.fix)
		}
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d check(s) failed", errUnhealthy, failed)
	}
	fmt.Fprintln(w, "healthy")
	return nil
}
