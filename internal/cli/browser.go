package cli

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"github.com/spf13/cobra"

	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/seeds"
)

func init() { extraCommands = append(extraCommands, newBrowserCmd) }

type browserOptions struct {
	httpPort int
	style    bool
	guide    bool
}

func newBrowserCmd(app *App) *cobra.Command {
	var o browserOptions
	cmd := &cobra.Command{
		Use:   "browser",
		Short: "Print the Neo4j Browser URL and how to load geokg's style and guide",
		Long: `Browser prints the Neo4j Browser URL for the configured database, and the
steps to load geokg's style sheet (a colour per node kind, events coloured by
PLOVER family, readable captions) and the guide of the canned queries.

'geokg serve' serves both, so ':style URL' and ':play URL' work once the
serve host is on Neo4j's allow-list (browser.remote_content_hostname_whitelist
in neo4j.conf). --style and --guide print the files themselves, to drop on
Browser's :style frame or to host elsewhere.`,
		Example: `  geokg browser
  geokg browser --style > geokg.grass
  geokg browser --guide > guide.html`,
		Args: cobra.ExactArgs(0),
		RunE: func(cmd *cobra.Command, _ []string) error {
			switch {
			case o.style:
				_, err := app.Out.Write(seeds.BrowserStyle)
				return err
			case o.guide:
				g, err := serve.Guide(app.Config().Serve.Addr)
				if err != nil {
					return err
				}
				_, err = app.Out.Write(g)
				return err
			}
			return printBrowserSteps(app, o)
		},
	}
	cmd.Flags().IntVar(&o.httpPort, "http-port", 7474, "Neo4j's HTTP port (where Browser is served)")
	cmd.Flags().BoolVar(&o.style, "style", false, "print the style sheet (GraSS)")
	cmd.Flags().BoolVar(&o.guide, "guide", false, "print the Browser guide (HTML)")
	return cmd
}

// BrowserURL is the Browser address for a Bolt URI, with the connection
// and database preselected.
func BrowserURL(boltURI, user, database string, httpPort int) (string, error) {
	u, err := url.Parse(boltURI)
	if err != nil {
		return "", fmt.Errorf("neo4j.uri %q: %w", boltURI, err)
	}
	host := u.Hostname()
	if host == "" {
		host = "127.0.0.1"
	}
	scheme := "http"
	if strings.HasSuffix(u.Scheme, "+s") || strings.HasSuffix(u.Scheme, "+ssc") {
		scheme = "https"
	}
	port := u.Port()
	if port == "" {
		port = "7687"
	}
	dbms := fmt.Sprintf("%s://%s@%s", strings.SplitN(u.Scheme, "+", 2)[0], url.PathEscape(user), net.JoinHostPort(host, port))
	q := url.Values{}
	q.Set("dbms", dbms)
	if database != "" {
		q.Set("db", database)
	}
	return fmt.Sprintf("%s://%s/browser/?%s", scheme, net.JoinHostPort(host, fmt.Sprint(httpPort)), q.Encode()), nil
}

func printBrowserSteps(app *App, o browserOptions) error {
	cfg := app.Config()
	link, err := BrowserURL(cfg.Neo4j.URI, cfg.Neo4j.Username, cfg.Neo4j.Database, o.httpPort)
	if err != nil {
		return err
	}
	serveHost, servePort, _ := net.SplitHostPort(cfg.Serve.Addr)
	// Neo4j's default allow-list is "guides.neo4j.com,localhost": naming a
	// loopback daemon "localhost" needs no change to neo4j.conf.
	if ip := net.ParseIP(serveHost); serveHost == "" || (ip != nil && (ip.IsLoopback() || ip.IsUnspecified())) {
		serveHost = "localhost"
	}
	base := "http://" + net.JoinHostPort(serveHost, servePort) + "/browser/"
	w := app.Out
	fmt.Fprintf(w, "Neo4j Browser: %s\n\n", link)
	fmt.Fprintf(w, "1. Open the URL and connect as %q (password: the one in NEO4J_PASSWORD).\n", cfg.Neo4j.Username)
	fmt.Fprintf(w, "2. Start the daemon, which serves the style and the guide:  geokg serve\n")
	fmt.Fprintf(w, "3. In Browser, load the style:   :style %sstyle.grass\n", base)
	fmt.Fprintf(w, "   and open the guide:           :play %sguide.html\n", base)
	fmt.Fprintf(w, "   (without the daemon: run ':style', then drop seeds/browser/style.grass,\n")
	fmt.Fprintf(w, "   or the output of 'geokg browser --style', on the style frame)\n")
	fmt.Fprintf(w, "4. Ask: geokg query relations Estonia Russia --cypher   and paste the output as it is\n")
	fmt.Fprintf(w, "   (one statement; Browser draws the graph), or run the guide's blocks.\n\n")
	if serveHost == "localhost" {
		fmt.Fprintf(w, "Neo4j fetches :style and :play content only from allowed hosts; its default\n")
		fmt.Fprintf(w, "allow-list has localhost. To load the style on every connect, add to neo4j.conf:\n")
	} else {
		fmt.Fprintf(w, "Neo4j fetches :style and :play content only from allowed hosts; add to neo4j.conf\n")
		fmt.Fprintf(w, "(then restart Neo4j):\n")
		fmt.Fprintf(w, "  browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,%s\n", serveHost)
	}
	fmt.Fprintf(w, "  browser.post_connect_cmd=style %sstyle.grass\n", base)
	return nil
}
