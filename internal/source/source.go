package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Sentinel errors for content that cannot be ingested.
var (
	ErrEmpty    = errors.New("empty content")
	ErrBinary   = errors.New("binary content")
	ErrTooLarge = errors.New("content too large")
	ErrNotFeed  = errors.New("not a feed")
)

// Document is one article as read from a source, before extraction.
// Exactly one of Text and HTML is set.
type Document struct {
	// Origin says where the document came from, for messages:
	// a path, "path:line", a URL or "stdin:line".
	Origin string
	// Key is the document's stable identity across runs: its URL when known,
	// else "file:" + the absolute path (+ "#line" inside JSON files), else ""
	// (the content then identifies the document).
	Key         string
	URL         string
	Title       string
	PublishedAt string
	// Source is the outlet (a feed title, a JSON "source" field, a host name).
	Source string
	Text   string
	HTML   string
}

// Item is one entry produced by a walk: a document, an error for an input
// that could not be read, or a deferred fetch.
type Item struct {
	Origin string
	// File is the absolute path (forward slashes) of the local file or
	// folder the item comes from, "" for URLs and standard input.
	File string
	Doc  Document
	Err  error
	load func(ctx context.Context) (Document, error)
}

// Load returns the item's document, fetching it first if the item is
// deferred.
func (it Item) Load(ctx context.Context) (Document, error) {
	if it.Err != nil {
		return Document{}, it.Err
	}
	if it.load != nil {
		return it.load(ctx)
	}
	return it.Doc, nil
}

// Options configure a Reader. The zero value is usable.
type Options struct {
	// Include and Exclude are glob patterns (path.Match syntax, plus "**/"
	// prefixes) matched against the base name and the slash-separated path
	// relative to the folder being walked. Include defaults to the
	// supported extensions.
	Include []string
	Exclude []string
	// Published is the publication date given to documents that carry none.
	Published string
	// Client fetches URLs; nil means a client with Timeout.
	Client *http.Client
	// Timeout bounds each HTTP request (default 20s).
	Timeout time.Duration
	// MaxBytes bounds each file, HTTP body and JSON line (default 10 MiB).
	MaxBytes int64
	// UserAgent is sent with every request.
	UserAgent string
	// Stdin is read for the source "-" (default os.Stdin).
	Stdin io.Reader
}

// DefaultUserAgent identifies geokg to web servers.
const DefaultUserAgent = "geokg/1 (+https://github.com/geokg/geokg; news knowledge graph)"

const (
	defaultTimeout  = 20 * time.Second
	defaultMaxBytes = 10 << 20
)

// Reader walks sources.
type Reader struct {
	opts   Options
	client *http.Client
}

// New returns a Reader with opts, defaults filled in.
func New(opts Options) *Reader {
	if opts.Timeout <= 0 {
		opts.Timeout = defaultTimeout
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = defaultMaxBytes
	}
	if opts.UserAgent == "" {
		opts.UserAgent = DefaultUserAgent
	}
	if opts.Stdin == nil {
		opts.Stdin = os.Stdin
	}
	if len(opts.Include) == 0 {
		opts.Include = []string{"*.txt", "*.text", "*.html", "*.htm", "*.json", "*.jsonl", "*.ndjson"}
	}
	c := opts.Client
	if c == nil {
		c = &http.Client{Timeout: opts.Timeout}
	}
	if c.CheckRedirect == nil {
		cc := *c
		cc.CheckRedirect = func(req *http.Request, via []*http.Request) error {
			if len(via) >= 10 {
				return fmt.Errorf("stopped after %d redirects", len(via))
			}
			return nil
		}
		c = &cc
	}
	return &Reader{opts: opts, client: c}
}

// Walk reads each spec in turn (a file, a folder, an http(s) URL of an
// article or a feed, or "-" for JSON lines on stdin) and calls fn with every
// item found. Per-item failures are delivered as items with Err set; Walk
// returns early only when ctx ends or fn returns an error.
func (r *Reader) Walk(ctx context.Context, specs []string, fn func(Item) error) error {
	for _, spec := range specs {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		switch {
		case spec == "-":
			err = r.readJSONL(ctx, "stdin", "", r.opts.Stdin, fn)
		case IsURL(spec):
			err = r.walkURL(ctx, spec, fn)
		default:
			err = r.walkPath(ctx, spec, fn)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// IsURL reports whether a source spec is an http(s) URL.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func (r *Reader) walkPath(ctx context.Context, spec string, fn func(Item) error) error {
	info, err := os.Stat(spec)
	if err != nil {
		return fn(Item{Origin: spec, File: AbsPath(spec), Err: fmt.Errorf("read %s: %w", spec, err)})
	}
	if !info.IsDir() {
		return r.readFile(ctx, spec, fn)
	}
	root := spec
	return filepath.WalkDir(root, func(path string, d os.DirEntry, werr error) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if werr != nil {
			if ferr := fn(Item{Origin: path, File: AbsPath(path), Err: fmt.Errorf("walk %s: %w", path, werr)}); ferr != nil {
				return ferr
			}
			if d != nil && d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if path != root && (strings.HasPrefix(d.Name(), ".") || matchAny(r.opts.Exclude, rel, d.Name())) {
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasPrefix(d.Name(), ".") || !d.Type().IsRegular() {
			return nil
		}
		if !matchAny(r.opts.Include, rel, d.Name()) || matchAny(r.opts.Exclude, rel, d.Name()) {
			return nil
		}
		return r.readFile(ctx, path, fn)
	})
}

// matchAny reports whether any pattern matches the relative path or the base
// name. A leading "**/" matches any number of folders.
func matchAny(patterns []string, rel, base string) bool {
	for _, p := range patterns {
		p = filepath.ToSlash(p)
		if ok, _ := filepath.Match(p, base); ok {
			return true
		}
		if ok, _ := filepath.Match(p, rel); ok {
			return true
		}
		if rest, found := strings.CutPrefix(p, "**/"); found {
			parts := strings.Split(rel, "/")
			for i := range parts {
				if ok, _ := filepath.Match(rest, strings.Join(parts[i:], "/")); ok {
					return true
				}
			}
		}
		if strings.HasSuffix(p, "/**") && (rel == strings.TrimSuffix(p, "/**") || strings.HasPrefix(rel, strings.TrimSuffix(p, "**"))) {
			return true
		}
	}
	return false
}
