package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"

	"github.com/geokg/geokg/internal/redact"
)

// StatusError is an HTTP response outside 2xx.
type StatusError struct {
	URL    string // redacted
	Status int
}

func (e *StatusError) Error() string {
	return fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status)) // the item's Origin names the URL
}

// response is a fetched body, decoded to UTF-8.
type response struct {
	url         string // final URL after redirects
	contentType string
	body        []byte
}

// fetch GETs u with the reader's timeout, size limit and User-Agent.
func (r *Reader) fetch(ctx context.Context, u string) (*response, error) {
	ctx, cancel := context.WithTimeout(ctx, r.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fetchError(u, err)
	}
	req.Header.Set("User-Agent", r.opts.UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := r.client.Do(req)
	if err != nil {
		return nil, fetchError(u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil, &StatusError{URL: redact.URL(u), Status: resp.StatusCode}
	}
	if resp.ContentLength > r.opts.MaxBytes {
		return nil, fetchError(u, fmt.Errorf("%w (Content-Length %d over %d bytes)", ErrTooLarge, resp.ContentLength, r.opts.MaxBytes))
	}
	raw, err := io.ReadAll(io.LimitReader(resp.Body, r.opts.MaxBytes+1))
	if err != nil {
		return nil, fetchError(u, err)
	}
	if int64(len(raw)) > r.opts.MaxBytes {
		return nil, fetchError(u, fmt.Errorf("%w (body over %d bytes)", ErrTooLarge, r.opts.MaxBytes))
	}
	ct := resp.Header.Get("Content-Type")
	body, err := toUTF8(raw, ct)
	if err != nil {
		return nil, err
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL.String()
	}
	return &response{url: final, contentType: ct, body: body}, nil
}

// fetchError wraps a fetch failure without repeating the URL (the item's
// Origin names it), credentials redacted from the cause. A connection the fetch
// policy refused says so first: "refusing to fetch URL: 10.0.0.5 is a
// private address; allow it with --allow-network 10.0.0.0/8 …".
func fetchError(u string, err error) error {
	var be *BlockedError
	if errors.As(err, &be) {
		target := u
		var ue *url.Error
		if errors.As(err, &ue) && ue.URL != "" {
			target = ue.URL
		}
		if target != u {
			return fmt.Errorf("refusing to fetch %s (redirected from %s): %w", redact.URL(target), redact.URL(u), be)
		}
		return fmt.Errorf("refusing to fetch %s: %w", redact.URL(u), be)
	}
	// url.Error repeats the URL, which the item's Origin already says.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return fmt.Errorf("fetch: %w", redact.Error(err))
}

// toUTF8 converts a body to UTF-8 using the declared or sniffed charset,
// and rejects empty and binary bodies.
func toUTF8(raw []byte, contentType string) ([]byte, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, ErrEmpty
	}
	if bytes.IndexByte(raw[:min(len(raw), 8192)], 0) >= 0 {
		return nil, ErrBinary
	}
	if mt, _, _ := mime.ParseMediaType(contentType); mt != "" && !textual(mt) {
		return nil, fmt.Errorf("%w: %s", ErrBinary, mt)
	}
	if !utf8.Valid(raw) {
		rd, err := charset.NewReader(bytes.NewReader(raw), contentType)
		if err == nil {
			if conv, err := io.ReadAll(rd); err == nil && utf8.Valid(conv) {
				raw = conv
			}
		}
	}
	return checkContent(raw)
}

func textual(mt string) bool {
	return strings.HasPrefix(mt, "text/") || strings.Contains(mt, "xml") || strings.Contains(mt, "json") || strings.Contains(mt, "html")
}

// walkURL fetches spec; a feed yields one deferred item per entry, anything
// else is one article.
func (r *Reader) walkURL(ctx context.Context, spec string, fn func(Item) error) error {
	resp, err := r.fetch(ctx, spec)
	if err != nil {
		return fn(Item{Origin: spec, Err: err})
	}
	if isFeed(resp) {
		return r.walkFeed(ctx, spec, resp, fn)
	}
	d, err := articleDoc(resp)
	if err != nil {
		return fn(Item{Origin: spec, Err: err})
	}
	d.Origin = spec
	r.finish(&d)
	return fn(Item{Origin: spec, Doc: d})
}

// articleDoc turns a fetched page into a document.
func articleDoc(resp *response) (Document, error) {
	mt, _, _ := mime.ParseMediaType(resp.contentType)
	d := Document{URL: resp.url, Key: resp.url, Source: hostOf(resp.url)}
	if mt == "text/plain" {
		d.Text = string(resp.body)
		return d, nil
	}
	s := string(resp.body)
	d.HTML = s
	m := htmlMeta(s)
	d.Title, d.PublishedAt = m.title, m.published
	if m.site != "" {
		d.Source = m.site
	}
	return d, nil
}

// isFeed reports whether a response is an RSS, Atom or JSON feed.
func isFeed(resp *response) bool {
	mt, _, _ := mime.ParseMediaType(resp.contentType)
	switch mt {
	case "application/rss+xml", "application/atom+xml", "application/feed+json", "application/rdf+xml":
		return true
	case "text/html", "application/xhtml+xml", "text/plain":
		return false
	}
	return sniffFeed(resp.body)
}

func sniffFeed(body []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 2048)]))
	if bytes.HasPrefix(head, []byte("{")) {
		return bytes.Contains(head, []byte("jsonfeed.org"))
	}
	if !bytes.HasPrefix(head, []byte("<")) {
		return false
	}
	return bytes.Contains(head, []byte("<rss")) || bytes.Contains(head, []byte("<feed")) || bytes.Contains(head, []byte("<rdf:rdf"))
}

func (r *Reader) walkFeed(ctx context.Context, spec string, resp *response, fn func(Item) error) error {
	feed, err := ParseFeed(resp.body)
	if err != nil {
		return fn(Item{Origin: spec, Err: fmt.Errorf("read feed: %w", err)})
	}
	base, _ := url.Parse(resp.url)
	for i, it := range feed.Items {
		if err := ctx.Err(); err != nil {
			return err
		}
		origin := fmt.Sprintf("%s#%d", spec, i+1)
		entry := feedEntry(feed, it, base)
		if entry.Link == "" && entry.Content == "" {
			if err := fn(Item{Origin: origin, Err: errors.New("feed item with neither link nor content")}); err != nil {
				return err
			}
			continue
		}
		if entry.Link != "" {
			origin = entry.Link
		}
		e := entry
		item := Item{Origin: origin, load: func(ctx context.Context) (Document, error) {
			return r.loadEntry(ctx, e)
		}}
		if err := fn(item); err != nil {
			return err
		}
	}
	return nil
}

// Entry is one feed item, reduced to what ingestion needs.
type Entry struct {
	Link        string
	Title       string
	PublishedAt string
	Source      string
	Content     string // HTML content carried in the feed, used when Link is empty
}

// ParseFeed parses an RSS, Atom or JSON feed.
func ParseFeed(body []byte) (*gofeed.Feed, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	if feed == nil {
		return nil, ErrNotFeed
	}
	return feed, nil
}

func feedEntry(feed *gofeed.Feed, it *gofeed.Item, base *url.URL) Entry {
	e := Entry{Title: strings.TrimSpace(it.Title), Source: strings.TrimSpace(feed.Title)}
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link != "" && base != nil {
		if u, err := base.Parse(link); err == nil {
			link = u.String()
		}
	}
	if IsURL(link) {
		e.Link = link
	}
	switch {
	case it.PublishedParsed != nil:
		e.PublishedAt = it.PublishedParsed.UTC().Format(time.RFC3339)
	case it.UpdatedParsed != nil:
		e.PublishedAt = it.UpdatedParsed.UTC().Format(time.RFC3339)
	}
	e.Content = it.Content
	if e.Content == "" {
		e.Content = it.Description
	}
	return e
}

// loadEntry fetches a feed entry's article; the feed's title and date win
// over the page's.
func (r *Reader) loadEntry(ctx context.Context, e Entry) (Document, error) {
	var d Document
	if e.Link != "" {
		resp, err := r.fetch(ctx, e.Link)
		if err != nil {
			return Document{}, err
		}
		if d, err = articleDoc(resp); err != nil {
			return Document{}, err
		}
		d.Origin = e.Link
		d.Key = e.Link // the feed's link is the identity, whatever redirects say today
		d.URL = e.Link
	} else {
		content, err := checkContent([]byte(e.Content))
		if err != nil {
			return Document{}, err
		}
		d = Document{HTML: string(content)}
	}
	if e.Title != "" {
		d.Title = e.Title
	}
	if e.PublishedAt != "" {
		d.PublishedAt = e.PublishedAt
	}
	if e.Source != "" {
		d.Source = e.Source
	}
	r.finish(&d)
	return d, nil
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(p.Hostname()), "www.")
}
