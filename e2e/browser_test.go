package e2e

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/cli"
	"github.com/geokg/geokg/internal/serve"
	"github.com/geokg/geokg/seeds"
)

var (
	browserURL = flag.String("browser-url", envOr("NEO4J_BROWSER_URL", "http://127.0.0.1:7474/browser/"),
		"Neo4j Browser address (default: $NEO4J_BROWSER_URL, which `scripts/neo4j env` exports)")
	shot = flag.String("screenshot", "", "where to save the screenshot (default: a temp file; docs/browser.png to refresh the README's)")
)

// chromiumPath finds Debian's chromium; the test installs nothing.
func chromiumPath(t *testing.T) string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Skip("e2e test skipped: no chromium on PATH (apt-get install -y chromium)")
	return ""
}

// seed wipes the graph, ingests seeds/articles with the real pipeline and
// returns the two countries with the most events between them.
func seed(t *testing.T, st *graph.Store) (a, b graph.ActorRef) {
	t.Helper()
	ctx := context.Background()
	var out, errOut bytes.Buffer
	env := func(k string) string { return os.Getenv(k) }
	code := cli.Run(ctx, []string{"ingest", "../seeds/articles"}, strings.NewReader(""), &out, &errOut, env)
	require.Contains(t, []int{0, 3}, code, "ingest: %s", errOut.String())
	res, err := neo4j.ExecuteQuery(ctx, st.Driver(), `MATCH (s:Country)-[:INITIATED]->(e:Event)-[:TARGETED]->(t:Country)
WHERE s <> t
WITH CASE WHEN s.id < t.id THEN s ELSE t END AS x, CASE WHEN s.id < t.id THEN t ELSE s END AS y, count(e) AS n
RETURN x.id AS a, x.name AS an, y.id AS b, y.name AS bn ORDER BY n DESC, a, b LIMIT 1`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(st.Database()))
	require.NoError(t, err)
	require.Len(t, res.Records, 1, "the seed articles report events between two countries")
	m := res.Records[0].AsMap()
	return graph.ActorRef{ID: m["a"].(string), Name: m["an"].(string)}, graph.ActorRef{ID: m["b"].(string), Name: m["bn"].(string)}
}

// TestIntegrationBrowserRelations opens Neo4j Browser in headless Chromium,
// connects, loads geokg's style from `geokg serve`, runs the relations
// query for the two most connected countries of the seed articles and
// checks that the graph view draws both countries and an event between them.
func TestIntegrationBrowserRelations(t *testing.T) {
	chrome := chromiumPath(t)
	st := graphtest.Open(t)
	cfg := graphtest.Config(t)
	a, b := seed(t, st)
	t.Logf("relations between %s (%s) and %s (%s)", a.Name, a.ID, b.Name, b.ID)

	// geokg serve, for :style (localhost is on Neo4j's default allow-list).
	guide, err := serve.Guide("localhost:8080")
	require.NoError(t, err)
	d, err := serve.New(serve.Config{Addr: "localhost:0", Style: seeds.BrowserStyle, Guide: guide,
		Open: func(context.Context) (serve.DaemonStore, error) { return nil, fmt.Errorf("not needed") }})
	require.NoError(t, err)
	dctx, stopDaemon := context.WithCancel(context.Background())
	defer stopDaemon()
	ready := make(chan string, 1)
	go func() { _ = d.Run(dctx, ready) }()
	addr := <-ready
	_, port, _ := strings.Cut(addr, ":")
	styleURL := "http://localhost:" + port + "/browser/style.grass"

	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.WindowSize(1400, 1000), chromedp.Flag("disable-dev-shm-usage", true))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	base, cancel := chromedp.NewContext(actx)
	defer cancel()
	ctx, cancel := context.WithTimeout(base, 240*time.Second)
	defer cancel()

	dump := func() {
		dctx, cancel := context.WithTimeout(base, 20*time.Second)
		defer cancel()
		if png, err := chromedp.Run(dctx, chromedp.CaptureScreenshot()); err == nil {
			p := filepath.Join(os.TempDir(), "geokg-e2e-failure.png")
			_ = os.WriteFile(p, png, 0o644)
			if html, err := chromedp.Run(dctx, chromedp.OuterHTML("body")); err == nil {
				_ = os.WriteFile(p+".html", []byte(html), 0o644)
			}
			t.Logf("screenshot of the failure: %s", p)
		}
	}
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(ctx, actions...); err != nil {
			dump()
			t.Fatalf("%s: %v", what, err)
		}
	}
	// The user travels in the URL (dbms=bolt://user@host:port).
	bolt := strings.Replace(cfg.URI, "://", "://"+cfg.Username+"@", 1)
	bolt = strings.Replace(bolt, "neo4j://", "bolt://", 1)
	step("open Browser", chromedp.Navigate(*browserURL+"?dbms="+bolt),
		chromedp.WaitVisible(`[data-testid="password"]`))
	step("type the password", chromedp.SendKeys(`[data-testid="password"]`, cfg.Password))
	// The form can re-render under the first click; retry until connected
	// (the disconnected banner is gone).
	connected := false
	for attempt := 0; attempt < 4 && !connected; attempt++ {
		_ = chromedp.Do(ctx, chromedp.Click(`[data-testid="connect"]`))
		cctx, ccancel := context.WithTimeout(ctx, 15*time.Second)
		connected = chromedp.Do(cctx, chromedp.WaitNotPresent(`[data-testid="disconnectedBanner"]`)) == nil
		ccancel()
	}
	if !connected {
		dump()
		t.Fatal("connect: Browser is still disconnected")
	}

	run := func(what, command string) {
		t.Helper()
		step(what,
			chromedp.Click(`[data-testid="activeEditor"]`),
			chromedp.SendKeys(`[data-testid="activeEditor"] textarea`, oneLine(command)),
			chromedp.Click(`[data-testid="editor-Run"]`),
			chromedp.Sleep(1500*time.Millisecond))
	}
	run("load the style", ":style "+styleURL)
	q := graph.RelationsGraphQuery(a.ID, b.ID)
	run("set the parameters", ":params {a: "+graph.CypherLiteral(a.ID)+", b: "+graph.CypherLiteral(b.ID)+"}")
	run("run the relations query", q.Cypher)

	// The graph view draws one <g class="node"> per node, captioned.
	var captions []string
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		txt, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`Array.from(document.querySelectorAll('svg g.node')).map(n => n.textContent.trim())`))
		if err == nil && containsAll(txt, a.Name, b.Name) {
			captions = txt
			break
		}
		time.Sleep(500 * time.Millisecond)
	}
	if !containsAll(captions, a.Name, b.Name) {
		dump()
		t.Fatalf("graph view does not show %q and %q; captions: %q", a.Name, b.Name, captions)
	}
	t.Logf("graph view nodes: %q", captions)
	// The screenshot is of the result frame: the query and its graph.
	png, err := chromedp.Run(ctx, chromedp.Screenshot(`[data-testid="frame"]:has(svg g.node)`))
	require.NoError(t, err)
	path := *shot
	if path == "" {
		path = filepath.Join(t.TempDir(), "browser.png")
	}
	require.NoError(t, os.WriteFile(path, png, 0o644))
	t.Logf("screenshot: %s", path)
	events := 0
	for _, c := range captions {
		for _, typ := range []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
			"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"} {
			if strings.HasPrefix(c, typ) {
				events++
			}
		}
	}
	assert.Positive(t, events, "an event between them is drawn, captioned with its type")

	// The style applied: countries are drawn in the style sheet's blue.
	fills, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`(() => { for (const n of document.querySelectorAll('svg g.node')) { if (n.textContent.trim() === `+jsString(a.Name)+`) {
		  return Array.from(n.querySelectorAll('circle')).map(c => (c.getAttribute('fill') || getComputedStyle(c).fill || '').toUpperCase()); } } return []; })()`))
	require.NoError(t, err)
	assert.True(t, slices.Contains(fills, "#3B6FB6") || slices.Contains(fills, "RGB(59, 111, 182)"),
		"country colour from seeds/browser/style.grass; fills %q", fills)

	// The guide of the canned queries plays from the daemon.
	guideURL := "http://localhost:" + port + "/browser/guide.html"
	run("play the guide", ":play "+guideURL)
	found := false
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !found; time.Sleep(500 * time.Millisecond) {
		txt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
		found = err == nil && strings.Contains(txt, "geokg: the canned queries")
	}
	if !found {
		dump()
	}
	assert.True(t, found, ":play %s shows the guide", guideURL)
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func jsString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

func containsAll(have []string, want ...string) bool {
	for _, w := range want {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}
