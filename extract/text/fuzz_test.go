package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F) {
	f.Add("")
	f.Add("The U.S. fired 59 missiles. \"We will respond,\" he said.\n\nMr. Smith left… Then?")
	f.Add("“We are ready. ” He left. 'a.' (b.) «c.» D. E. F.")
	f.Add("Share this article\r\nAdvertisement\r\n\u00a0\u200b© 2017 X\n\n\n")
	f.Add("bad\xff\xfe utf8 \x00 ctrl e\u0301\u200d\u0301")
	if b, err := os.ReadFile("testdata/article.txt"); err == nil {
		f.Add(string(b))
	}
}

func FuzzClean(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		c := Clean("Title", s)
		if !utf8.ValidString(c) {
			t.Fatalf("invalid UTF-8 out: %q", c)
		}
		if strings.Contains(c, "\r") || strings.Contains(c, "\n\n\n") || strings.Contains(c, "  ") || strings.Contains(c, "\t") {
			t.Fatalf("not normalised: %q", c)
		}
		if c != strings.TrimSpace(c) {
			t.Fatalf("not trimmed: %q", c)
		}
		c0 := Clean("", s)
		if c1 := Clean("", c0); c1 != c0 {
			t.Fatalf("not idempotent:\n%q\n%q", c0, c1)
		}
	})
}

func checkSentences(t *testing.T, s string) {
	prev := 0
	for i, se := range Sentences(s) {
		if se.Start < prev || se.End <= se.Start || se.End > len(s) {
			t.Fatalf("sentence %d %+v out of order/bounds (prev end %d, len %d)", i, se, prev, len(s))
		}
		txt := s[se.Start:se.End]
		if txt != strings.TrimSpace(txt) && strings.TrimLeft(txt, " \t\n\r\f\v") != txt {
			t.Fatalf("sentence %d not trimmed: %q", i, txt)
		}
		if isSpaceByte(txt[0]) || isSpaceByte(txt[len(txt)-1]) {
			t.Fatalf("sentence %d not trimmed: %q", i, txt)
		}
		if strings.Contains(txt, "\n") {
			t.Fatalf("sentence %d spans a newline: %q", i, txt)
		}
		prev = se.End
	}
}

func FuzzSentences(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		checkSentences(t, s)
		checkSentences(t, Clean("", s))
	})
}

func FuzzTokens(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		for _, rng := range [][2]int{{0, len(s)}, {len(s) / 3, len(s) - len(s)/4}} {
			prev := rng[0]
			for i, tk := range Tokens(s, rng[0], rng[1]) {
				if tk.Start < prev || tk.End <= tk.Start || tk.End > rng[1] {
					t.Fatalf("token %d %+v out of order/bounds [%d,%d) prev %d", i, tk, rng[0], rng[1], prev)
				}
				if s[tk.Start:tk.End] != tk.Text {
					t.Fatalf("token %d text mismatch", i)
				}
				if strings.ContainsAny(tk.Text, " \n\t") {
					t.Fatalf("token %d has space: %q", i, tk.Text)
				}
				prev = tk.End
			}
		}
	})
}

func FuzzFromHTML(f *testing.F) {
	addSeeds(f)
	files, _ := filepath.Glob("testdata/html/*.html")
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(string(b))
		}
	}
	f.Add(`<html><body><article class="comments"><p>a</p></article><script type="application/ld+json">{"@graph":[{"datePublished":"x"}]}</script></body></html>`)
	f.Fuzz(func(t *testing.T, s string) {
		p, err := FromHTML(s, "")
		if err != nil {
			return
		}
		if !utf8.ValidString(p.Text) {
			t.Fatalf("invalid UTF-8 text")
		}
	})
}

func FuzzParseJSON(f *testing.F) {
	f.Add([]byte(`{"url":"u","title":"t","published_at":"2017-04-12","text":"x"}`))
	f.Add([]byte(`{"html":"<p>x</p>","date":"d"}`))
	f.Add([]byte(`{"text":5}`))
	f.Add([]byte("\ufeff{}"))
	f.Fuzz(func(t *testing.T, b []byte) {
		r, err := ParseJSON(b)
		if err == nil && r.Text == "" && r.HTML == "" {
			t.Fatalf("no error but no text")
		}
		_ = LooksLikeHTML(b)
		_ = LooksBinary(b)
	})
}

func FuzzProvenance(f *testing.F) {
	addSeeds(f)
	f.Add("T\n\nBy Jane Doe\n\nLISBON, May 3 (Caspian Wire) - Text goes on here for a while.\n\nPhoto: A/B")
	f.Fuzz(func(t *testing.T, s string) {
		end := 0
		for _, p := range Provenance(s) {
			if p.Start < end || p.End <= p.Start || p.End > len(s) {
				t.Fatalf("bad span %+v (previous end %d) in %q", p, end, s)
			}
			end = p.End
		}
	})
}
