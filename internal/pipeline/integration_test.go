package pipeline_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract"
	"github.com/geokg/geokg/graph"
	"github.com/geokg/geokg/graph/graphtest"
	"github.com/geokg/geokg/internal/pipeline"
	"github.com/geokg/geokg/internal/source"
	"github.com/geokg/geokg/schema"
)

// These tests run the whole ingest path (source → real extractor → real
// Neo4j) on the shipped sample articles.

var seedsDir = filepath.Join("..", "..", "seeds", "articles")

type extractAdapter struct{ ex *extract.Extractor }

func (a extractAdapter) Extract(ctx context.Context, d source.Document) (schema.Document, error) {
	return a.ex.Extract(ctx, extract.Input{Text: d.Text, HTML: d.HTML, Title: d.Title, URL: d.URL, Source: d.Source, PublishedAt: d.PublishedAt})
}

var (
	exOnce sync.Once
	exVal  *extract.Extractor
	exErr  error
)

func extractor(t testing.TB) pipeline.Extractor {
	t.Helper()
	exOnce.Do(func() { exVal, exErr = extract.New(extract.Options{}) })
	require.NoError(t, exErr)
	return extractAdapter{exVal}
}

func ingest(t testing.TB, s *graph.Store, opts source.Options, specs ...string) pipeline.Summary {
	t.Helper()
	sum, err := pipeline.Run(context.Background(), source.New(opts), specs, extractor(t), s, pipeline.Options{Workers: 2, Batch: 5})
	require.NoError(t, err)
	return sum
}

// copySeeds copies the sample articles into a temporary folder.
func copySeeds(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(seedsDir)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() || strings.HasSuffix(e.Name(), ".md") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(seedsDir, e.Name()))
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, e.Name()), data, 0o644))
	}
	return dir
}

func editFile(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Contains(t, string(data), old)
	require.NoError(t, os.WriteFile(path, []byte(strings.Replace(string(data), old, new, 1)), 0o644))
}

type snapshot = graphtest.Snapshot

func snap(t *testing.T, s *graph.Store) snapshot { return graphtest.TakeSnapshot(t, s) }

func assertSameGraph(t *testing.T, want, got snapshot) { graphtest.AssertSameGraph(t, want, got) }

func one(t *testing.T, s *graph.Store, cypher string, params map[string]any) any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), s.Driver(), cypher, params, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.Database()))
	require.NoError(t, err)
	require.Len(t, res.Records, 1, cypher)
	return res.Records[0].Values[0]
}

func TestIngestFolderTwice(t *testing.T) {
	s := graphtest.Open(t)
	dir := copySeeds(t)
	first := ingest(t, s, source.Options{}, dir)
	assert.Zero(t, first.Failed, first.Failures)
	assert.Equal(t, first.Articles, first.New)
	assert.GreaterOrEqual(t, first.New, 12)
	a := snap(t, s)

	second := ingest(t, s, source.Options{}, dir)
	assert.Equal(t, first.New, second.Unchanged)
	assert.Zero(t, second.New+second.Updated)
	assert.Zero(t, second.Graph.NodesCreated+second.Graph.RelsCreated+second.Graph.NodesDeleted+second.Graph.RelsDeleted)
	assertSameGraph(t, a, snap(t, s))

	// The Omdurman shelling is reported by three outlets: one event.
	assert.EqualValues(t, 3, one(t, s, `MATCH (e:Event {type: 'ASSAULT'})-[:OCCURRED_IN]->(:Location {name: 'Omdurman'})
WHERE e.fatalities = 14 RETURN e.num_articles`, nil))
	// Every PLOVER type is in the sample graph.
	assert.EqualValues(t, len(schema.EventTypes), one(t, s, `MATCH (e:Event) RETURN count(DISTINCT e.type)`, nil))
}

func TestIngestEditEqualsFresh(t *testing.T) {
	s := graphtest.Open(t)
	dir := copySeeds(t)
	ingest(t, s, source.Options{}, dir)
	omdurman := `MATCH (e:Event {type: 'ASSAULT', fatalities: 14})-[:OCCURRED_IN]->(:Location {name: 'Omdurman'}) RETURN e.num_articles`

	// Delete the sentence of the analysis that held the shelling: the event
	// stays, reported by the two others.
	analysis := filepath.Join(dir, "2025-03-14-the-long-view-sudan-analysis.txt")
	editFile(t, analysis, "On March 2, Sudan's army shelled Rapid Support Forces positions in Omdurman, killing 14 civilians in a market. ", "")
	sum := ingest(t, s, source.Options{}, dir)
	assert.Equal(t, 1, sum.Updated)
	assert.Equal(t, sum.Articles-1, sum.Unchanged)
	assert.EqualValues(t, 2, one(t, s, omdurman, nil))
	got := snap(t, s)
	require.NoError(t, graph.WipeData(context.Background(), s))
	ingest(t, s, source.Options{}, dir)
	assertSameGraph(t, snap(t, s), got)

	// Remove it from the other two as well: the event disappears.
	editFile(t, filepath.Join(dir, "2025-03-04-daily-chronicle-sudan-aid.txt"),
		"The convoy arrived two days after Sudan's army shelled Rapid Support Forces positions in Omdurman on Sunday, a bombardment that killed 14 civilians, according to doctors in the city.", "")
	editFile(t, filepath.Join(dir, "2025-03-03-globewire-omdurman-shelling.json"),
		`Sudan's army shelled positions held by the Rapid Support Forces in Omdurman on Sunday, March 2, killing 14 civilians and wounding dozens, a local medical group said.`,
		`A local medical group said the situation in Omdurman was dire.`)
	sum = ingest(t, s, source.Options{}, dir)
	assert.Equal(t, 2, sum.Updated)
	assert.EqualValues(t, 0, one(t, s, `MATCH (e:Event {type: 'ASSAULT', fatalities: 14}) RETURN count(e)`, nil))
	got = snap(t, s)
	require.NoError(t, graph.WipeData(context.Background(), s))
	ingest(t, s, source.Options{}, dir)
	assertSameGraph(t, snap(t, s), got)
}

func TestConcurrentIngests(t *testing.T) {
	s := graphtest.Open(t)
	dir := copySeeds(t)
	var wg sync.WaitGroup
	sums := make([]pipeline.Summary, 2)
	errs := make([]error, 2)
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sums[i], errs[i] = pipeline.Run(context.Background(), source.New(source.Options{}), []string{dir}, extractor(t), s,
				pipeline.Options{Workers: 2, Batch: 3})
		}()
	}
	wg.Wait()
	require.NoError(t, errs[0])
	require.NoError(t, errs[1])
	assert.Equal(t, sums[0].Articles, sums[0].New+sums[1].New, "each article is new exactly once")
	for _, label := range []string{"Article", "Actor", "Location", "Event", "Statement"} {
		assert.EqualValues(t, 0, one(t, s, fmt.Sprintf(`MATCH (n:%s) WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(id)`, label), nil), label)
	}
	got := snap(t, s)
	require.NoError(t, graph.WipeData(context.Background(), s))
	ingest(t, s, source.Options{}, dir)
	assertSameGraph(t, snap(t, s), got)
}

func TestIngestURLsAndFeeds(t *testing.T) {
	s := graphtest.Open(t)
	article := func(title, body string) string {
		return `<html><head><title>` + title + `</title></head><body><article><p>` + body + `</p></article></body></html>`
	}
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/a1", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, article("Lavrov accuses Washington", `MOSCOW — Russian Foreign Minister Sergei Lavrov accused the United States on Tuesday of provoking tension in Syria.`))
	})
	mux.HandleFunc("/a2", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, article("Japan sends aid", `TOKYO — Japan sent emergency aid to the Philippines on Monday after a typhoon.`))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a2", http.StatusFound) })
	mux.HandleFunc("/gone", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>more text</p>", 4096))
		for n := 0; n < 50<<20; n += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/feed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title>
<item><title>Aid for the Philippines</title><link>%[1]s/moved</link><pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate></item>
<item><title>Missing</title><link>%[1]s/gone</link><pubDate>Mon, 10 Mar 2025 09:00:00 GMT</pubDate></item>
<item><title>Slow</title><link>%[1]s/slow</link><pubDate>Mon, 10 Mar 2025 10:00:00 GMT</pubDate></item>
<item><title>Huge</title><link>%[1]s/huge</link><pubDate>Mon, 10 Mar 2025 11:00:00 GMT</pubDate></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/broken-feed", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss><channel><title>Broken</title><item><link>`)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()

	opts := source.Options{Timeout: 500 * time.Millisecond, MaxBytes: 2 << 20, Published: "2025-03-11"}
	sum := ingest(t, s, opts, srv.URL+"/a1", srv.URL+"/feed", srv.URL+"/broken-feed")
	assert.Equal(t, 2, sum.New)
	failed := map[string]string{}
	for _, f := range sum.Failures {
		failed[strings.TrimPrefix(f.Origin, srv.URL)] = f.Err.Error()
	}
	assert.Len(t, failed, 4)
	assert.Contains(t, failed["/gone"], "404")
	assert.Contains(t, failed["/slow"], "deadline")
	assert.Contains(t, failed["/huge"], "too large")
	assert.Contains(t, failed["/broken-feed"], "read feed")

	assert.Equal(t, "2025-03-10T08:00:00Z", one(t, s, `MATCH (a:Article {url: $u}) RETURN a.published_at`, map[string]any{"u": srv.URL + "/moved"}),
		"a feed item's date is the publication date")
	assert.Equal(t, "Aid for the Philippines", one(t, s, `MATCH (a:Article {url: $u}) RETURN a.title`, map[string]any{"u": srv.URL + "/moved"}))
	assert.EqualValues(t, 1, one(t, s, `MATCH (:Country {id: 'country:JPN'})-[:INITIATED]->(e:Event {type: 'AID'}) RETURN count(e)`, nil))
	assert.Equal(t, "2025-03-11", one(t, s, `MATCH (a:Article {url: $u}) RETURN a.published_at`, map[string]any{"u": srv.URL + "/a1"}))

	again := ingest(t, s, opts, srv.URL+"/a1", srv.URL+"/feed")
	assert.Equal(t, 2, again.Unchanged)
}

func TestIngestInjection(t *testing.T) {
	s := graphtest.Open(t)
	dir := t.TempDir()
	evil := `{"url":"https://evil.example/x?id=1'}) DETACH DELETE n //","title":"\"}) MATCH (n) DETACH DELETE n //",` +
		`"published_at":"2025-01-01","text":"MOSCOW — Russia accused Ukraine of attacks. '}) MATCH (n) DETACH DELETE n RETURN 1 // $x {{x}}"}` + "\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "evil.jsonl"), []byte(evil), 0o644))
	sum := ingest(t, s, source.Options{}, dir)
	require.Equal(t, 1, sum.New, sum.Failures)
	assert.Equal(t, `"}) MATCH (n) DETACH DELETE n //`, one(t, s, `MATCH (a:Article) RETURN a.title`, nil))
	assert.Equal(t, `https://evil.example/x?id=1'}) DETACH DELETE n //`, one(t, s, `MATCH (a:Article) RETURN a.url`, nil))
	assert.EqualValues(t, 1, one(t, s, `MATCH (a:Article) WHERE a.chars > 0 RETURN count(a)`, nil))
	assert.Positive(t, one(t, s, `MATCH (n) RETURN count(n)`, nil))
}

func ingestPrune(t *testing.T, s *graph.Store, specs ...string) pipeline.Summary {
	t.Helper()
	sum, err := pipeline.Run(context.Background(), source.New(source.Options{}), specs, extractor(t), s,
		pipeline.Options{Workers: 2, Batch: 5, Prune: true})
	require.NoError(t, err)
	return sum
}

// --prune forgets the articles of deleted files, keeps those of files that
// fail to read, touches nothing outside the given folders, and leaves the
// graph a fresh ingest of the remaining files would build.
func TestIngestPrune(t *testing.T) {
	s := graphtest.Open(t)
	dir := copySeeds(t)
	first := ingest(t, s, source.Options{}, dir)
	require.Zero(t, first.Failed, first.Failures)
	articles := `MATCH (a:Article) RETURN count(a)`
	assert.EqualValues(t, first.New, one(t, s, articles, nil))
	assert.EqualValues(t, 0, one(t, s, `MATCH (a:Article) WHERE a.file IS NULL OR NOT a.file STARTS WITH $dir RETURN count(a)`,
		map[string]any{"dir": source.AbsPath(dir) + "/"}), "every article knows its file")

	// Nothing gone: nothing pruned, nothing written.
	sum := ingestPrune(t, s, dir)
	assert.Zero(t, sum.Pruned)
	assert.Zero(t, sum.Graph.NodesDeleted+sum.Graph.PropertiesSet)

	// Another folder: its (absent) articles only.
	sum = ingestPrune(t, s, t.TempDir())
	assert.Zero(t, sum.Pruned)
	assert.EqualValues(t, first.New, one(t, s, articles, nil))

	// One file deleted, one broken: the first is forgotten, the second kept.
	analysis := filepath.Join(dir, "2025-03-14-the-long-view-sudan-analysis.txt")
	require.NoError(t, os.Remove(analysis))
	globewire := filepath.Join(dir, "2025-03-03-globewire-omdurman-shelling.json")
	original, err := os.ReadFile(globewire)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(globewire, []byte(`{"url": "https://globewire.example/omdurman", "text": `), 0o644))
	sum = ingestPrune(t, s, dir)
	assert.Equal(t, 1, sum.Pruned)
	assert.Equal(t, 1, sum.Failed, "the broken file is reported")
	assert.EqualValues(t, first.New-1, one(t, s, articles, nil))
	assert.EqualValues(t, 2, one(t, s, `MATCH (e:Event {type: 'ASSAULT', fatalities: 14})<-[:REPORTS]-(a:Article) RETURN count(a)`, nil),
		"the shelling is still reported by the broken file's article and the aid story")
	pruned := snap(t, s)

	// The same graph as a fresh ingest of what is left.
	require.NoError(t, os.WriteFile(globewire, original, 0o644))
	require.NoError(t, graph.WipeData(context.Background(), s))
	ingest(t, s, source.Options{}, dir)
	assertSameGraph(t, snap(t, s), pruned)
}
