package text

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Raw is an input article as given by a user or a feed, before cleaning.
type Raw struct{ URL, Title, PublishedAt, Source, Text, HTML string }

// rawJSON accepts the field names used by common article dumps.
type rawJSON struct {
	URL         *string `json:"url"`
	Link        *string `json:"link"`
	Title       *string `json:"title"`
	Headline    *string `json:"headline"`
	PublishedAt *string `json:"published_at"`
	Date        *string `json:"date"`
	Published   *string `json:"published"`
	Source      *string `json:"source"`
	Text        *string `json:"text"`
	Body        *string `json:"body"`
	Content     *string `json:"content"`
	HTML        *string `json:"html"`
}

func first(ps ...*string) string {
	for _, p := range ps {
		if p != nil && *p != "" {
			return *p
		}
	}
	return ""
}

// ParseJSON reads one article object
// {url, title, published_at|date|published, text|html, source?}. The error
// names the problem: invalid JSON, not an object, or no text nor html.
func ParseJSON(b []byte) (Raw, error) {
	b = bytes.TrimSpace(bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\xef\xbb\xbf")))
	if len(b) == 0 {
		return Raw{}, errors.New("parse article json: empty input")
	}
	if b[0] != '{' {
		return Raw{}, errors.New("parse article json: not a JSON object")
	}
	var r rawJSON
	if err := json.Unmarshal(b, &r); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return Raw{}, fmt.Errorf("parse article json: field %q must be a string: %w", te.Field, err)
		}
		return Raw{}, fmt.Errorf("parse article json: %w", err)
	}
	raw := Raw{
		URL:         first(r.URL, r.Link),
		Title:       first(r.Title, r.Headline),
		PublishedAt: first(r.PublishedAt, r.Date, r.Published),
		Source:      first(r.Source),
		Text:        first(r.Text, r.Body, r.Content),
		HTML:        first(r.HTML),
	}
	if raw.Text == "" && raw.HTML == "" {
		return Raw{}, errors.New(`parse article json: no "text" or "html" field`)
	}
	if raw.Text != "" && raw.HTML == "" && LooksLikeHTML([]byte(raw.Text)) && r.Text == nil {
		// "content"/"body" holding markup is HTML.
		raw.HTML, raw.Text = raw.Text, ""
	}
	return raw, nil
}

// LooksLikeHTML sniffs markup (a doctype, <html, <head, <body, <p, <div,
// <article ...) in the first few KB of b.
func LooksLikeHTML(b []byte) bool {
	if len(b) > 4096 {
		b = b[:4096]
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	for i := 0; i+1 < len(b); i++ {
		if b[i] != '<' {
			continue
		}
		rest := b[i+1:]
		for _, tag := range htmlSniffTags {
			if len(rest) >= len(tag) && bytes.EqualFold(rest[:len(tag)], tag) {
				if len(rest) == len(tag) {
					return true
				}
				c := rest[len(tag)]
				if c == '>' || c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '/' {
					return true
				}
			}
		}
	}
	return false
}

var htmlSniffTags = [][]byte{[]byte("!doctype html"), []byte("html"), []byte("head"), []byte("body"), []byte("p"),
	[]byte("div"), []byte("article"), []byte("br"), []byte("meta"), []byte("title"), []byte("script"), []byte("section"),
	[]byte("span"), []byte("a"), []byte("h1"), []byte("h2"), []byte("table"), []byte("!--")}

// Errors for content that holds no readable article, shared by every reader
// of input (extract, ingest) so that the same input gets the same message.
var (
	ErrEmpty  = errors.New("no article text")
	ErrBinary = errors.New("binary content, not text")
)

// CheckContent rejects content that is empty (only white space) or binary
// (see LooksBinary). Text that is not valid UTF-8 is not rejected: Repair
// mends it.
func CheckContent(b []byte) error {
	switch {
	case len(bytes.TrimSpace(b)) == 0:
		return ErrEmpty
	case LooksBinary(b):
		return ErrBinary
	}
	return nil
}

// LooksBinary reports content that is not text: NUL bytes (outside UTF-16
// text with a byte-order mark), or more than 10% control characters in the
// first 8 KB. Invalid UTF-8 is not a sign of binary content: legacy
// encodings and stray bytes are mended by Repair; only the five bytes
// Windows-1252 leaves undefined count as junk when they are not part of
// valid UTF-8.
func LooksBinary(b []byte) bool {
	if len(b) > 8192 {
		b = b[:8192]
	}
	if len(b) == 0 {
		return false
	}
	if d, ok := decodeUTF16(b); ok {
		return LooksBinary(d)
	}
	if bytes.IndexByte(b, 0) >= 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
				bad++
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			// a rune cut by the 8 KB window is not invalid
			if len(b)-i < utf8.UTFMax && !utf8.FullRune(b[i:]) {
				break
			}
			if undefinedCP1252(c) {
				bad++
			}
		}
		i += size
	}
	return bad*10 > len(b) // more than 10% junk
}

// undefinedCP1252 reports the bytes Windows-1252 gives no character.
func undefinedCP1252(c byte) bool {
	return c == 0x81 || c == 0x8d || c == 0x8f || c == 0x90 || c == 0x9d
}
