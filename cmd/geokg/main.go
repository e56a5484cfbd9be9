// Command geokg turns news articles into a geopolitical knowledge graph in
// Neo4j. See 'geokg --help'.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"

	"github.com/geokg/geokg/internal/cli"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := cli.Main(ctx)
	stop()
	os.Exit(code)
}
