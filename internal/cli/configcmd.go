package cli

import (
	"fmt"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"
)

func newConfigCmd(app *App) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Inspect geokg's configuration",
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "show",
		Short: "Print the effective configuration, secrets redacted",
		Long: `Print the configuration geokg would use, after merging defaults, the config
file, the environment and flags. Passwords are shown as ********.`,
		Example: `  geokg config show
  NEO4J_URI=bolt://db:7687 geokg config show
  geokg --config ./prod.yaml config show`,
		Args: cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			cfg := app.Config()
			src := "none (defaults, environment and flags only)"
			if cfg.File != "" {
				src = cfg.File
			}
			fmt.Fprintf(app.Out, "# config file: %s\n", src)
			b, err := yaml.Marshal(cfg.Redacted())
			if err != nil {
				return fmt.Errorf("print config: %w", err)
			}
			_, err = app.Out.Write(b)
			return err
		},
	})
	return cmd
}
