package source

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const articleHTML = `<!DOCTYPE html><html><head>
<title>Ministers meet in Geneva | Example News</title>
<meta property="og:title" content="Ministers meet in Geneva">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2024-03-05T08:00:00Z">
</head><body><article><p>GENEVA — Foreign ministers met on Tuesday.</p></article></body></html>`

// newServer serves an article, a feed, redirects, errors, a slow page, a
// huge body and a broken feed.
func newServer(t *testing.T) *httptest.Server {
	t.Helper()
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		assert.Equal(t, "test-agent/1", r.UserAgent())
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, articleHTML)
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=iso-8859-1")
		w.Write([]byte("<html><body><p>Caf\xe9 talks in Z\xfcrich.</p></body></html>"))
	})
	mux.HandleFunc("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/missing", http.NotFound)
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>filler text</p>\n", 1000))
		for written := 0; written < 50<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/image", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"))
	})
	mux.HandleFunc("/empty", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
	})
	mux.HandleFunc("/feed.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Wire</title>
<item><title>Feed title wins</title><link>%[1]s/article</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item>
<item><title>Gone</title><link>/missing</link><pubDate>Mon, 04 Mar 2024 11:00:00 GMT</pubDate></item>
<item><title>Inline</title><description>&lt;p&gt;Inline body only.&lt;/p&gt;</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/atom", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/xml")
		io.WriteString(w, `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Wire</title>
<entry><title>Atom entry</title><link href="/old"/><updated>2024-02-01T12:00:00Z</updated></entry></feed>`)
	})
	mux.HandleFunc("/broken.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Broken<item><link>`)
	})
	srv = httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestURLs(t *testing.T) {
	srv := newServer(t)
	r := New(Options{UserAgent: "test-agent/1", Timeout: 300 * time.Millisecond, MaxBytes: 1 << 20, Allow: loopback(t)})

	docs, errs := collect(t, r, srv.URL+"/article", srv.URL+"/old")
	require.Empty(t, errs)
	require.Len(t, docs, 2)
	for _, d := range docs {
		assert.Equal(t, srv.URL+"/article", d.URL, "the final URL after redirects")
		assert.Equal(t, "Ministers meet in Geneva", d.Title)
		assert.Equal(t, "2024-03-05T08:00:00Z", d.PublishedAt)
		assert.Equal(t, "Example News", d.Source)
		assert.Contains(t, d.HTML, "Foreign ministers met")
	}

	docs, errs = collect(t, r, srv.URL+"/latin1")
	require.Empty(t, errs)
	require.Len(t, docs, 1)
	assert.Contains(t, docs[0].HTML, "Café talks in Zürich.")

	failures := []struct {
		path string
		want string
	}{
		{"/missing", "HTTP 404"},
		{"/loop", "redirects"},
		{"/slow", "deadline exceeded"},
		{"/huge", "too large"},
		{"/image", "binary"},
		{"/empty", "no article text"},
		{"/broken.xml", "read feed"},
	}
	for _, f := range failures {
		t.Run(f.path, func(t *testing.T) {
			start := time.Now()
			docs, errs := collect(t, r, srv.URL+f.path)
			assert.Empty(t, docs)
			require.Len(t, errs, 1)
			err := errs[srv.URL+f.path]
			require.Error(t, err)
			assert.Contains(t, err.Error(), f.want)
			assert.NotContains(t, err.Error(), srv.URL, "the item's Origin names its source; the error does not repeat it")
			assert.Less(t, time.Since(start), 3*time.Second)
		})
	}
}

func TestFeeds(t *testing.T) {
	srv := newServer(t)
	r := New(Options{UserAgent: "test-agent/1", Timeout: time.Second, Allow: loopback(t)})

	docs, errs := collect(t, r, srv.URL+"/feed.xml")
	require.Len(t, errs, 1)
	assert.Contains(t, errs[srv.URL+"/missing"].Error(), "HTTP 404")
	require.Len(t, docs, 2)
	byTitle := map[string]Document{}
	for _, d := range docs {
		byTitle[d.Title] = d
	}
	a := byTitle["Feed title wins"]
	assert.Equal(t, "2024-03-04T10:00:00Z", a.PublishedAt, "the item's date is the publication date")
	assert.Equal(t, "Example Wire", a.Source)
	assert.Equal(t, srv.URL+"/article", a.Key)
	assert.Contains(t, a.HTML, "Foreign ministers met")
	assert.Equal(t, "<p>Inline body only.</p>", byTitle["Inline"].HTML)

	docs, errs = collect(t, r, srv.URL+"/atom")
	require.Empty(t, errs)
	require.Len(t, docs, 1)
	assert.Equal(t, "Atom entry", docs[0].Title)
	assert.Equal(t, "2024-02-01T12:00:00Z", docs[0].PublishedAt)
	assert.Equal(t, srv.URL+"/old", docs[0].Key, "the feed link is the identity")
}

func TestWalkStopsOnCancel(t *testing.T) {
	srv := newServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := New(Options{Allow: loopback(t)}).Walk(ctx, []string{srv.URL + "/article"}, func(Item) error { return nil })
	assert.ErrorIs(t, err, context.Canceled)
}
