package source

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collect walks specs and returns documents and errors by origin.
func collect(t *testing.T, r *Reader, specs ...string) (docs []Document, errs map[string]error) {
	t.Helper()
	errs = map[string]error{}
	err := r.Walk(context.Background(), specs, func(it Item) error {
		d, err := it.Load(context.Background())
		if err != nil {
			errs[it.Origin] = err
			return nil
		}
		docs = append(docs, d)
		return nil
	})
	require.NoError(t, err)
	sort.Slice(docs, func(i, j int) bool { return docs[i].Origin < docs[j].Origin })
	return docs, errs
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func TestDecode(t *testing.T) {
	tests := []struct {
		name    string
		ext     string
		data    string
		want    []Document
		wantErr error
	}{
		{name: "text", ext: ".txt", data: "Russia accused Ukraine.", want: []Document{{Text: "Russia accused Ukraine."}}},
		{name: "bom text", ext: ".txt", data: "\xef\xbb\xbfHello world", want: []Document{{Text: "Hello world"}}},
		{name: "json text", ext: ".json", data: `{"url":"https://ex.com/a","title":"T","published_at":"2024-03-01","text":"Body."}`,
			want: []Document{{Key: "https://ex.com/a", URL: "https://ex.com/a", Title: "T", PublishedAt: "2024-03-01", Source: "ex.com", Text: "Body."}}},
		{name: "json html", ext: ".json", data: `{"title":"T","html":"<p>Body</p>"}`,
			want: []Document{{Title: "T", HTML: "<p>Body</p>"}}},
		{name: "json array", ext: ".json", data: `[{"text":"a"},{"text":"b"}]`, want: []Document{{Text: "a"}, {Text: "b"}}},
		{name: "html meta", ext: ".html", data: `<html><head><title>Page</title><meta property="article:published_time" content="2024-05-06T10:00:00Z"></head><body><p>x</p></body></html>`,
			want: []Document{{Title: "Page", PublishedAt: "2024-05-06T10:00:00Z", HTML: `<html><head><title>Page</title><meta property="article:published_time" content="2024-05-06T10:00:00Z"></head><body><p>x</p></body></html>`}}},
		{name: "sniff json", ext: "", data: `{"text":"sniffed"}`, want: []Document{{Text: "sniffed"}}},
		{name: "sniff html", ext: ".dat", data: `<!DOCTYPE html><html><body>b</body></html>`,
			want: []Document{{HTML: `<!DOCTYPE html><html><body>b</body></html>`}}},
		{name: "empty", ext: ".txt", data: " \n\t ", wantErr: ErrEmpty},
		{name: "binary", ext: ".txt", data: "PK\x03\x04\x00\x00abc", wantErr: ErrBinary},
		{name: "latin-1 repaired", ext: ".txt", data: "caf\xe9 au lait", want: []Document{{Text: "café au lait"}}},
		{name: "mojibake repaired", ext: ".txt", data: "Fran\u00c3\u00a7ois", want: []Document{{Text: "François"}}},
		{name: "json mojibake escapes repaired", ext: ".json", data: `{"text":"Fran\u00c3\u00a7ois"}`, want: []Document{{Text: "François"}}},
		{name: "json no text", ext: ".json", data: `{"title":"only a title"}`, wantErr: ErrEmpty},
		{name: "json bad", ext: ".json", data: `{"text": "unterminated`},
		{name: "json bad url", ext: ".json", data: `{"url":"javascript:alert(1)","text":"x"}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := decode("f"+tt.ext, tt.ext, []byte(tt.data))
			if tt.want == nil {
				require.Error(t, err)
				if tt.wantErr != nil {
					assert.ErrorIs(t, err, tt.wantErr)
				}
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.want, got)
		})
	}
}

func TestWalkFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":             "Article A.",
		"sub/b.html":        "<html><head><title>B</title></head><body><p>B body</p></body></html>",
		"sub/deep/c.json":   `{"url":"https://news.example/c","title":"C","published_at":"2024-01-02","text":"C body"}`,
		"sub/skip.txt":      "excluded",
		"notes.csv":         "not included by default",
		".hidden/d.txt":     "hidden",
		"bad.txt":           "",
		"lines.jsonl":       "{\"text\":\"L1\"}\n\n{broken\n{\"text\":\"L4\",\"url\":\"https://news.example/l4\"}\n",
		"archive/old.txt":   "old",
		"archive/older.txt": "older",
	})
	r := New(Options{Exclude: []string{"skip.txt", "archive/**"}, Published: "2024-06-01"})
	docs, errs := collect(t, r, dir)

	var texts []string
	for _, d := range docs {
		texts = append(texts, d.Text+d.HTML)
		assert.NotEmpty(t, d.Key, d.Origin)
		assert.NotEmpty(t, d.PublishedAt, d.Origin)
	}
	assert.ElementsMatch(t, []string{"Article A.", "<html><head><title>B</title></head><body><p>B body</p></body></html>", "C body", "L1", "L4"}, texts)
	require.Len(t, errs, 2)
	assert.ErrorIs(t, errs[filepath.Join(dir, "bad.txt")], ErrEmpty)
	lineErr := errs[filepath.Join(dir, "lines.jsonl")+":3"]
	require.Error(t, lineErr, "the bad line is an item named by its line")
	assert.Contains(t, lineErr.Error(), "decode JSON")
	for origin, err := range errs {
		assert.NotContains(t, err.Error(), filepath.Base(origin), "an item's error does not repeat its origin")
	}

	byText := map[string]Document{}
	for _, d := range docs {
		byText[d.Text] = d
	}
	assert.Equal(t, "2024-01-02", byText["C body"].PublishedAt, "a document's own date wins over --published")
	assert.Equal(t, "2024-06-01", byText["Article A."].PublishedAt)
	assert.Equal(t, "https://news.example/l4", byText["L4"].Key)
	assert.True(t, strings.HasPrefix(byText["L1"].Key, "file:"), byText["L1"].Key)
	assert.True(t, strings.HasSuffix(byText["L1"].Key, "#1"), byText["L1"].Key)

	// Every item names its file, failures included (ingest --prune spares them).
	files := map[string]string{}
	require.NoError(t, New(Options{}).Walk(context.Background(), []string{dir}, func(it Item) error {
		files[it.Origin] = it.File
		return nil
	}))
	abs := filepath.ToSlash(dir)
	assert.Equal(t, abs+"/sub/deep/c.json", files[filepath.Join(dir, "sub", "deep", "c.json")])
	assert.Equal(t, abs+"/lines.jsonl", files[filepath.Join(dir, "lines.jsonl")+":3"], "a bad line")
	assert.Equal(t, abs+"/bad.txt", files[filepath.Join(dir, "bad.txt")])

	// Include narrows the walk.
	docs, _ = collect(t, New(Options{Include: []string{"**/*.json"}}), dir)
	require.Len(t, docs, 1)
	assert.Equal(t, "C body", docs[0].Text)
}

func TestWalkMissingAndExplicitFile(t *testing.T) {
	dir := writeFiles(t, map[string]string{"notes.csv": "Explicit files are read whatever their extension."})
	docs, errs := collect(t, New(Options{}), filepath.Join(dir, "notes.csv"), filepath.Join(dir, "missing.txt"))
	require.Len(t, docs, 1)
	assert.Equal(t, "Explicit files are read whatever their extension.", docs[0].Text)
	require.Len(t, errs, 1)
	assert.True(t, errors.Is(errs[filepath.Join(dir, "missing.txt")], os.ErrNotExist))
}

func TestStdinJSONL(t *testing.T) {
	in := strings.NewReader(`{"url":"https://a.example/1","title":"One","text":"First."}` + "\n" +
		`{"text":"caf` + "\xe9" + `"}` + "\n" +
		`{"text":"bin` + "\x00\x01" + `"}` + "\n" +
		`{"html":"<p>Second</p>","published_at":"2023-02-03"}`) // no final newline
	docs, errs := collect(t, New(Options{Stdin: in}), "-")
	require.Len(t, docs, 3)
	assert.Equal(t, "stdin:1", docs[0].Origin)
	assert.Equal(t, "https://a.example/1", docs[0].Key)
	assert.Equal(t, "a.example", docs[0].Source)
	assert.Equal(t, "stdin:2", docs[1].Origin)
	assert.Equal(t, "café", docs[1].Text, "a Latin-1 byte is repaired, not rejected")
	assert.Equal(t, "stdin:4", docs[2].Origin)
	assert.Equal(t, "", docs[2].Key, "no URL and no file: the content identifies it")
	require.Len(t, errs, 1)
	assert.ErrorIs(t, errs["stdin:3"], ErrBinary)
}

func TestJSONLLineLimit(t *testing.T) {
	long := `{"text":"` + strings.Repeat("x", 5000) + `"}`
	in := strings.NewReader(long + "\n" + `{"text":"ok"}` + "\n")
	docs, errs := collect(t, New(Options{Stdin: in, MaxBytes: 1000}), "-")
	require.Len(t, docs, 1)
	assert.Equal(t, "ok", docs[0].Text)
	assert.ErrorIs(t, errs["stdin:1"], ErrTooLarge)
}

func TestMatchAny(t *testing.T) {
	tests := []struct {
		pat, rel string
		want     bool
	}{
		{"*.txt", "a/b/c.txt", true},
		{"a/*.txt", "a/c.txt", true},
		{"a/*.txt", "a/b/c.txt", false},
		{"**/b/*.txt", "a/b/c.txt", true},
		{"a/**", "a/b/c.txt", true},
		{"a/**", "ab/c.txt", false},
		{"*.html", "a/c.txt", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, matchAny([]string{tt.pat}, tt.rel, filepath.Base(tt.rel)), "%s ~ %s", tt.pat, tt.rel)
	}
}

func TestPlainTextMeta(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"2025-03-04-story.txt": "Ministers meet in Geneva\n\nGENEVA — Ministers met on Tuesday.\n",
		"notes.txt":            "A first sentence that ends.\n\nMore.",
		"2025-13-40-bad.txt":   "One line only",
	})
	docs, errs := collect(t, New(Options{}), dir)
	require.Empty(t, errs)
	got := map[string][2]string{}
	for _, d := range docs {
		got[filepath.Base(d.Origin)] = [2]string{d.Title, d.PublishedAt}
	}
	assert.Equal(t, map[string][2]string{
		"2025-03-04-story.txt": {"Ministers meet in Geneva", "2025-03-04"},
		"notes.txt":            {"", ""},
		"2025-13-40-bad.txt":   {"", ""},
	}, got)
}

// Count, a walk that reads no article, gives the number of items Walk
// produces, so that progress has a total.
func TestCountMatchesWalk(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.txt":           "Article A.",
		"sub/b.html":      "<html><body><p>B body</p></body></html>",
		"sub/deep/c.json": `{"text":"C body"}`,
		"arr.json":        `[{"text":"one"}, {"text":"two"}, {"text":"three"}]`,
		"sub/skip.txt":    "excluded",
		"notes.csv":       "not included by default",
		".hidden/d.txt":   "hidden",
		"bad.txt":         "",
		"lines.jsonl":     "{\"text\":\"L1\"}\n\n  \n{broken\n{\"text\":\"L4\"}",
	})
	r := New(Options{Exclude: []string{"skip.txt"}})
	tests := []struct {
		name  string
		specs []string
		want  int
		known bool
	}{
		{"folder", []string{dir}, 10, true},
		{"file and missing file", []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "gone.txt")}, 2, true},
		{"a URL: unknown", []string{dir, "https://news.example/feed.xml"}, 0, false},
		{"stdin: unknown", []string{"-"}, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, known := r.Count(context.Background(), tt.specs)
			assert.Equal(t, tt.known, known)
			assert.Equal(t, tt.want, n)
			if known {
				docs, errs := collect(t, r, tt.specs...)
				assert.Equal(t, len(docs)+len(errs), n, "as many items as the walk gives")
			}
		})
	}
}
