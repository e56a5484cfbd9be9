package text

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

func renderPage(p Page) string {
	return fmt.Sprintf("Title: %s\nPublished: %s\nSite: %s\nURL: %s\n\n%s\n", p.Title, p.PublishedAt, p.SiteName, p.URL, p.Text)
}

func TestFromHTMLGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/html/*.html")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			p, err := FromHTML(string(b), "")
			require.NoError(t, err)
			got := renderPage(p)
			golden := strings.TrimSuffix(f, ".html") + ".golden.txt"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create golden files")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestFromHTMLRules(t *testing.T) {
	tests := []struct {
		name, html string
		title      string
		has        []string
		hasNot     []string
	}{
		{"scripts styles comments", `<html><head><title>T</title><style>p{color:red}</style></head><body><script>var x="<p>no</p>";</script><!-- a comment --><p>Real text one.</p><p>Real text two.</p></body></html>`,
			"T", []string{"Real text one.\n\nReal text two."}, []string{"color", "var x", "comment"}},
		{"nav header footer aside form", `<body><header>Site header</header><nav>Home News</nav><article><p>The body paragraph is here and it is long enough to count as text.</p></article><aside>Sidebar text</aside><form>Search form</form><footer>Footer text</footer></body>`,
			"", []string{"The body paragraph"}, []string{"Site header", "Home News", "Sidebar", "Search form", "Footer"}},
		{"hidden", `<body><p>Visible.</p><p hidden>Hidden one.</p><div aria-hidden="true"><p>Hidden two.</p></div><p style="visibility: hidden">Hidden three.</p></body>`,
			"", []string{"Visible."}, []string{"Hidden"}},
		{"br and inline", `<body><p>Line one<br>Line <b>two</b> <a href="#">link</a>.</p></body>`,
			"", []string{"Line one\nLine two link."}, nil},
		{"title from h1", `<body><h1>Headline here</h1><p>Text.</p></body>`, "Headline here", []string{"Text."}, nil},
		{"title repeated dropped", `<head><title>Big News</title></head><body><div><p>Big News</p><p>Body text.</p></div></body>`, "Big News", []string{"Body text."}, []string{"Big News"}},
		{"no paragraphs", `<body><div>Just a div with text.</div></body>`, "", []string{"Just a div with text."}, nil},
		{"entities", `<body><p>Caf&eacute; &amp; bar&nbsp;&mdash; &#8220;quoted&#8221;</p></body>`, "", []string{"Café & bar — “quoted”"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := FromHTML(tt.html, "https://example.org/a")
			require.NoError(t, err)
			assert.Equal(t, tt.title, p.Title)
			assert.Equal(t, "https://example.org/a", p.URL)
			for _, h := range tt.has {
				assert.Contains(t, p.Text, h)
			}
			for _, h := range tt.hasNot {
				assert.NotContains(t, p.Text, h)
			}
		})
	}
}

func TestFromHTMLEmpty(t *testing.T) {
	_, err := FromHTML("", "")
	assert.ErrorIs(t, err, ErrNoText)
}

func TestLooksLikeHTML(t *testing.T) {
	for _, s := range []string{"<!DOCTYPE html><html>", "  <html lang=en>", "<p>Hi</p>", "<BODY>", "text before <div class=x>"} {
		assert.True(t, LooksLikeHTML([]byte(s)), s)
	}
	for _, s := range []string{"", "plain text", "a < b and c > d", "<3 love", "x <pizza>"} {
		assert.False(t, LooksLikeHTML([]byte(s)), s)
	}
}

func TestLooksBinary(t *testing.T) {
	assert.False(t, LooksBinary([]byte("Plain news text, with “quotes” and ünïcödé.\n")))
	assert.False(t, LooksBinary(nil))
	assert.True(t, LooksBinary([]byte("PK\x03\x04\x00\x00")))
	// bytes Windows-1252 leaves undefined are junk; other invalid UTF-8 is
	// legacy text that Repair mends (and "\xff\xfe" opens UTF-16)
	assert.True(t, LooksBinary([]byte{0xfd, 0x80, 0x81, 'a', 'b', 0x90, 0x91, 0x92}))
	assert.False(t, LooksBinary([]byte("caf\xe9 cr\xe8me br\xfbl\xe9e \x93quoted\x94")))
	assert.False(t, LooksBinary([]byte("\xff\xfeN\x00e\x00w\x00s\x00")))
	assert.True(t, LooksBinary([]byte("\xff\xfe\x01\x00\x02\x00\x03\x00")))
	assert.True(t, LooksBinary([]byte("\x01\x02\x03\x04\x05abc")))
	// A multi-byte rune cut by the sniff window is fine.
	b := []byte(strings.Repeat("a", 8191) + "é")
	assert.False(t, LooksBinary(b))
}

func TestFromHTMLDeepNesting(t *testing.T) {
	s := strings.Repeat("<div>", 2000) + "<p>Deep text survives.</p><script>var no;</script>" + strings.Repeat("</div>", 2000)
	p, err := FromHTML(s, "u")
	require.NoError(t, err)
	assert.Equal(t, "Deep text survives.", p.Text)
}
