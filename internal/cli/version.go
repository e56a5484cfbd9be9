package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// Set at build time: -ldflags "-X github.com/geokg/geokg/internal/cli.version=v1.2.3 -X ….commit=abc".
var (
	version = "dev"
	commit  = ""
)

// Version is geokg's version and the commit it was built from.
func Version() (string, string) {
	c, dirty := commit, false
	if c == "" {
		if info, ok := debug.ReadBuildInfo(); ok {
			for _, s := range info.Settings {
				switch s.Key {
				case "vcs.revision":
					c = s.Value
				case "vcs.modified":
					dirty = s.Value == "true"
				}
			}
		}
	}
	if c == "" {
		c = "unknown"
	}
	if dirty {
		c += "-dirty"
	}
	return version, c
}

func newVersionCmd(app *App) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print geokg's version and commit",
		Args:  cobra.NoArgs,
		RunE: func(*cobra.Command, []string) error {
			v, c := Version()
			_, err := fmt.Fprintf(app.Out, "geokg %s (commit %s, %s)\n", v, c, runtime.Version())
			return err
		},
	}
}
