package cli

import (
	"fmt"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

func newSchemaCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Apply and inspect the graph schema (constraints and indexes)",
		Long: `The graph schema is a list of numbered migrations embedded in geokg. Each
applied version is recorded in the graph as a (:SchemaMigration) node.`,
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "apply",
		Short: "Apply the pending schema migrations (idempotent)",
		Example: `  geokg schema apply
  NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=secret geokg schema apply`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := app.OpenStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(ctx)
			done, err := st.Migrate(ctx)
			if err != nil {
				return err
			}
			v, err := st.SchemaVersion(ctx)
			if err != nil {
				return err
			}
			if len(done) == 0 {
				fmt.Fprintf(app.Out, "schema is up to date at version %d\n", v)
				return nil
			}
			fmt.Fprintf(app.Out, "applied %d migration(s) %v; schema version %d\n", len(done), done, v)
			return nil
		},
	})
	cmd.AddCommand(&cobra.Command{
		Use:     "status",
		Short:   "Show applied and pending schema migrations",
		Example: `  geokg schema status`,
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			st, err := app.OpenStore(ctx)
			if err != nil {
				return err
			}
			defer st.Close(ctx)
			states, err := st.SchemaStatus(ctx)
			if err != nil {
				return err
			}
			tw := tabwriter.NewWriter(app.Out, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "VERSION\tNAME\tSTATE\tAPPLIED AT")
			pending := 0
			for _, m := range states {
				state, at := "pending", ""
				if m.Applied {
					state, at = "applied", m.AppliedAt.UTC().Format("2006-01-02 15:04:05Z")
					if m.Modified {
						state = "applied (file changed since)"
					}
				} else {
					pending++
				}
				fmt.Fprintf(tw, "%04d\t%s\t%s\t%s\n", m.Version, m.Name, state, at)
			}
			if err := tw.Flush(); err != nil {
				return err
			}
			if pending > 0 {
				fmt.Fprintf(app.Out, "%d pending: run 'geokg schema apply'\n", pending)
			}
			return nil
		},
	})
	return cmd
}
