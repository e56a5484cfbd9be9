package source

import (
	"bufio"
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDecodeLine(f *testing.F) {
	f.Add([]byte(`{"url":"https://a.example/x","title":"T","published_at":"2024-01-01","text":"Body"}`))
	f.Add([]byte(`{"html":"<p>x</p>"}`))
	f.Add([]byte(`{"text":"a"} {"text":"b"}`))
	f.Add([]byte("{\"text\":\"\xff\"}"))
	f.Add([]byte(`[1,2,3]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := decodeLine(data)
		if err != nil {
			return
		}
		if d.Text == "" && d.HTML == "" {
			t.Fatalf("document without content from %q", data)
		}
		if !utf8.ValidString(d.Text + d.HTML + d.Title + d.URL) {
			t.Fatalf("invalid UTF-8 accepted from %q", data)
		}
	})
}

func FuzzJSONL(f *testing.F) {
	f.Add("{\"text\":\"a\"}\n\n{bad\n{\"text\":\"b\"}")
	f.Add("\n\n\n")
	f.Add(strings.Repeat("x", 300))
	f.Fuzz(func(t *testing.T, in string) {
		r := New(Options{Stdin: strings.NewReader(in), MaxBytes: 256})
		lines := 0
		err := r.Walk(context.Background(), []string{"-"}, func(it Item) error {
			lines++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if max := strings.Count(in, "\n") + 1; lines > max {
			t.Fatalf("%d items from %d lines", lines, max)
		}
	})
}

func FuzzDecodeFile(f *testing.F) {
	f.Add(".json", []byte(`[{"text":"a"},{"html":"<b>b</b>"}]`))
	f.Add(".html", []byte(`<html><head><meta property="og:title" content="x"></head></html>`))
	f.Add("", []byte("plain"))
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		docs, err := decode("f"+ext, ext, data)
		if err != nil {
			return
		}
		for _, d := range docs {
			if !utf8.ValidString(d.Text + d.HTML) {
				t.Fatalf("invalid UTF-8 accepted")
			}
		}
	})
}

func FuzzParseFeed(f *testing.F) {
	f.Add([]byte(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>I</title><link>https://a.example/1</link><pubDate>Mon, 04 Mar 2024 10:00:00 GMT</pubDate></item></channel></rss>`))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="/x"/></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1.1","items":[{"url":"https://a.example/2"}]}`))
	f.Add([]byte(`<rss><channel><item><link>`))
	f.Fuzz(func(t *testing.T, body []byte) {
		_ = sniffFeed(body)
		feed, err := ParseFeed(body)
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it == nil {
				continue
			}
			e := feedEntry(feed, it, nil)
			if e.Link != "" && !IsURL(e.Link) {
				t.Fatalf("non-http link %q", e.Link)
			}
		}
	})
}

// FuzzCount: counting a file never fails and agrees with reading it when
// reading succeeds.
func FuzzCount(f *testing.F) {
	f.Add([]byte(`[{"text":"a"},{"text":"b"}]`))
	f.Add([]byte(`{"text":"a"}`))
	f.Add([]byte("[1, [2, 3], {\"x\": [4]}"))
	f.Add([]byte("{\"text\":\"a\"}\n\n  \n{\"text\":\"b\"}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		n := countJSONRecords(bytes.NewReader(data))
		if n < 1 {
			t.Fatalf("count %d < 1 for %q", n, data)
		}
		if docs, err := decodeJSON(data); err == nil && len(docs) != n {
			t.Fatalf("count %d, read %d documents from %q", n, len(docs), data)
		}
		if lines := countLines(bufio.NewReaderSize(bytes.NewReader(data), 16)); lines < 0 || lines > bytes.Count(data, []byte("\n"))+1 {
			t.Fatalf("%d lines in %q", lines, data)
		}
	})
}
