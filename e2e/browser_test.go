package e2e

import (
	"bytes"
	"context"
	"encoding/json"
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
	browserURL = flag.String("browser-url", "", "Neo4j Browser address (default: $GEOKG_TEST_NEO4J_BROWSER_URL, which scripts/test sets)")
	shot       = flag.String("screenshot", "", "where to save the screenshot (default: a temp file; docs/browser.png to refresh the README's)")
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

// geokg runs a geokg command in-process against the test server.
func geokg(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	var out, errOut bytes.Buffer
	code := cli.Run(context.Background(), args, strings.NewReader(""), &out, &errOut, func(k string) string { return env[k] })
	require.Contains(t, []int{0, 3}, code, "geokg %s: %s", strings.Join(args, " "), errOut.String())
	return out.String()
}

// seed wipes the graph, ingests seeds/articles with the real pipeline and
// returns the two countries with the most events between them.
func seed(t *testing.T, st *graph.Store, env map[string]string) (a, b graph.ActorRef) {
	t.Helper()
	ctx := context.Background()
	geokg(t, env, "ingest", "../seeds/articles")
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
// connects, loads geokg's style from `geokg serve`, pastes what
// `geokg query relations A B --cypher` prints for the two most connected
// countries of the seed articles and checks that the graph view draws both
// countries and an event between them; then it plays the guide and runs
// every block of it, as a user clicking them would, checking each query
// draws a graph or a table with rows.
func TestIntegrationBrowserRelations(t *testing.T) {
	chrome := chromiumPath(t)
	st := graphtest.Open(t)
	env := graphtest.Env(t)
	cfg := graphtest.Config(t)
	if *browserURL == "" {
		*browserURL = graphtest.BrowserURL()
	}
	if *browserURL == "" {
		t.Skip("e2e test skipped: GEOKG_TEST_NEO4J_BROWSER_URL is not set (scripts/test sets it with the test server)")
	}
	a, b := seed(t, st, env)
	t.Logf("relations between %s (%s) and %s (%s)", a.Name, a.ID, b.Name, b.ID)

	// geokg serve, for :style and :play (localhost is on Neo4j's default allow-list).
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
	ctx, cancel := context.WithTimeout(base, 300*time.Second)
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
	eval := func(what, js string) {
		t.Helper()
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](js)); err != nil {
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
	// The form can re-render under the first click; retry until connected.
	connected := false
	for attempt := 0; attempt < 4 && !connected; attempt++ {
		_ = chromedp.Do(ctx, chromedp.Click(`[data-testid="connect"]`))
		for wait := time.Now().Add(15 * time.Second); time.Now().Before(wait) && !connected; time.Sleep(300 * time.Millisecond) {
			txt, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			connected = err == nil && strings.Contains(txt, "You are connected as user")
		}
	}
	if !connected {
		dump()
		t.Fatal("connect: Browser is still disconnected")
	}

	// runEditor runs what the editor holds and waits for its frame, on top
	// of the frames there were (marked seen).
	runEditor := func(what string) {
		t.Helper()
		eval(what, `(() => { document.querySelectorAll('[data-testid="frame"]').forEach(f => f.dataset.geokgSeen = '1'); return true })()`)
		step(what, chromedp.Click(`[data-testid="editor-Run"]`))
		for wait := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			fresh, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const f = document.querySelector('[data-testid="frame"]'); return !!f && f.dataset.geokgSeen !== '1'; })()`))
			if err == nil && fresh {
				return
			}
			if time.Now().After(wait) {
				dump()
				t.Fatalf("%s: no new frame", what)
			}
		}
	}
	// paste puts text in the editor as a clipboard paste does (typing
	// would run the first line on Enter).
	paste := func(what, text string) {
		t.Helper()
		step(what, chromedp.Click(`[data-testid="activeEditor"]`))
		eval(what, `(() => { const ta = document.querySelector('[data-testid="activeEditor"] textarea'); ta.focus();
		  const dt = new DataTransfer(); dt.setData('text/plain', `+jsString(text)+`);
		  ta.dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true})); return true })()`)
		runEditor(what)
	}
	// top reads the newest frame: its text, the captions of its graph view
	// and whether it shows a table.
	type frame struct {
		Text     string   `json:"text"`
		Captions []string `json:"captions"`
		Error    bool     `json:"error"`
	}
	top := func() frame {
		f, err := chromedp.Run(ctx, chromedp.Evaluate[frame](`(() => { const f = document.querySelector('[data-testid="frame"]');
		  return {text: f.innerText, captions: Array.from(f.querySelectorAll('svg g.node')).map(n => n.textContent.trim()),
		          error: !!f.querySelector('[data-testid="errorBanner"], [data-testid="cypherFrameErrorMessage"]') || /\bERROR\b/.test(f.innerText)}; })()`))
		require.NoError(t, err)
		return f
	}

	paste("load the style", ":style "+styleURL)

	// What --cypher prints, pasted as it is.
	cypher := geokg(t, env, "query", "relations", a.Name, b.Name, "--cypher")
	paste("paste the output of geokg query relations --cypher", cypher)
	// The graph view draws one <g class="node"> per node, captioned.
	var captions []string
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(500 * time.Millisecond) {
		if f := top(); containsAll(f.Captions, a.Name, b.Name) {
			captions = f.Captions
			break
		}
	}
	if !containsAll(captions, a.Name, b.Name) {
		dump()
		t.Fatalf("graph view does not show %q and %q; frame: %q", a.Name, b.Name, top().Text)
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
	assert.Positive(t, countEvents(captions), "an event between them is drawn, captioned with its type")

	// The style applied: countries are drawn in the style sheet's blue.
	fills, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
		`(() => { for (const n of document.querySelectorAll('svg g.node')) { if (n.textContent.trim() === `+jsString(a.Name)+`) {
		  return Array.from(n.querySelectorAll('circle')).map(c => (c.getAttribute('fill') || getComputedStyle(c).fill || '').toUpperCase()); } } return []; })()`))
	require.NoError(t, err)
	assert.True(t, slices.Contains(fills, "#3B6FB6") || slices.Contains(fills, "RGB(59, 111, 182)"),
		"country colour from seeds/browser/style.grass; fills %q", fills)

	// The guide of the canned queries plays from the daemon.
	guideURL := "http://localhost:" + port + "/browser/guide.html"
	paste("play the guide", ":play "+guideURL)
	found := false
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline) && !found; time.Sleep(500 * time.Millisecond) {
		found = strings.Contains(top().Text, "geokg: the canned queries")
	}
	if !found {
		dump()
		t.Fatalf(":play %s does not show the guide", guideURL)
	}
	// Every block of the guide, clicked (which puts it in the editor) and
	// run, slide by slide: a :params block, then its query.
	slides, err := chromedp.Run(ctx, chromedp.Evaluate[int](`(() => { window.geokgGuide = document.querySelector('[data-testid="frame"]');
	  return window.geokgGuide.querySelectorAll('[data-testid="carousel"] li').length; })()`))
	require.NoError(t, err)
	require.Equal(t, len(serve.GuideSlides())+1, slides, "slides of the guide")
	ran := 0
	for slide := 1; slide <= slides; slide++ {
		if slide > 1 {
			eval("next slide", `(() => { window.geokgGuide.querySelector('[data-testid="nextSlide"]').click(); return true })()`)
			time.Sleep(300 * time.Millisecond)
		}
		blocks, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](
			`Array.from(window.geokgGuide.querySelectorAll('pre.runnable')).map(p => p.textContent)`))
		require.NoError(t, err)
		for i, block := range blocks {
			what := fmt.Sprintf("guide slide %d block %d: %.60s", slide, i, oneLine(block))
			eval(what, fmt.Sprintf(`(() => { window.geokgGuide.querySelectorAll('pre.runnable')[%d].click(); return true })()`, i))
			runEditor(what)
			ran++
			var f frame
			for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(300 * time.Millisecond) {
				if f = top(); f.Error || len(f.Captions) > 0 || strings.Contains(f.Text, "Table") ||
					strings.HasPrefix(block, ":params") && strings.Contains(f.Text, "Successfully set your parameters") {
					break
				}
			}
			switch {
			case f.Error:
				assert.Fail(t, what+" fails", f.Text)
			case strings.HasPrefix(block, ":params"):
				assert.Contains(t, f.Text, "Successfully set your parameters", what)
			case len(f.Captions) > 0:
				t.Logf("%s: a graph of %d nodes", what, len(f.Captions))
			default:
				assert.Contains(t, f.Text, "Table", "%s draws a graph or a table: %s", what, f.Text)
				assert.NotContains(t, f.Text, "no records", what)
			}
			// Close the result, so that Browser's frame limit never drops the guide.
			eval("close the result of "+what, `(() => { document.querySelector('[data-testid="frame"] button[title="Close"]').click(); return true })()`)
		}
	}
	queries := 0
	for _, s := range serve.GuideSlides() {
		queries += len(s.Queries)
	}
	assert.Equal(t, 2*queries, ran, "a :params block and a query per canned query")
}

// countEvents counts the captions of event nodes ("SANCTION 2025-03-05").
func countEvents(captions []string) int {
	n := 0
	for _, c := range captions {
		for _, typ := range []string{"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
			"ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"} {
			if strings.HasPrefix(c, typ) {
				n++
			}
		}
	}
	return n
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// jsString is s as a JavaScript string literal (JSON is one).
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
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
