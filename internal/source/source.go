package source

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/extract/text"
)

// Sentinel errors for content that cannot be ingested. The content errors
// are the extractor's (text.CheckContent), so extract and ingest word them
// alike.
var (
	ErrEmpty    = text.ErrEmpty
	ErrBinary   = text.ErrBinary
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
	// (the content then identifies the document). It is the full URL, with
	// any credentials: never show or store it except hashed.
	Key string
	// URL is the article's URL with credentials redacted.
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
	// Client fetches URLs; nil means a client with Timeout whose transport
	// obeys Allow (see NewTransport). A given Client brings its own policy.
	Client *http.Client
	// Allow lists the non-public networks that may be fetched from; by
	// default only public addresses are.
	Allow AllowList
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
		c = &http.Client{Timeout: opts.Timeout, Transport: NewTransport(opts.Allow)}
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

// PathCause drops the path from a file system error ("open: no such file or
// directory"): an item's error never repeats its Origin, since messages print
// both.
func PathCause(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// IsURL reports whether a source spec is an http(s) URL.
func IsURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

func (r *Reader) walkPath(ctx context.Context, spec string, fn func(Item) error) error {
	return r.files(ctx, spec, func(path string, err error) error {
		if err != nil {
			return fn(Item{Origin: path, File: AbsPath(path), Err: err})
		}
		return r.readFile(ctx, path, fn)
	})
}

// files calls fn with every file a path spec names: the file itself, or the
// files of a folder that pass the filters, in name order; what cannot be
// read comes with its error.
func (r *Reader) files(ctx context.Context, spec string, fn func(path string, err error) error) error {
	info, err := os.Stat(spec) // follows a symlinked root
	if err != nil {
		return fn(spec, PathCause(err))
	}
	if !info.IsDir() {
		return fn(spec, nil)
	}
	w := &dirWalk{r: r, root: spec, fn: fn, visited: map[string]bool{}}
	return w.dir(ctx, spec)
}

// dirWalk reads a folder recursively, in name order, following symbolic
// links to files and folders. Files keep the path they were reached by
// (under the folder given), which is their identity. A folder already
// visited in this walk (a link loop, or a second link to the same folder)
// is not read again.
type dirWalk struct {
	r       *Reader
	root    string
	fn      func(path string, err error) error
	visited map[string]bool // real paths of the folders read
}

func (w *dirWalk) dir(ctx context.Context, path string) error {
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		return w.fn(path, PathCause(err))
	}
	if w.visited[real] {
		return nil
	}
	w.visited[real] = true
	entries, err := os.ReadDir(path)
	if err != nil {
		return w.fn(path, PathCause(err))
	}
	for _, e := range entries {
		if err := ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full := filepath.Join(path, name)
		rel, _ := filepath.Rel(w.root, full)
		rel = filepath.ToSlash(rel)
		mode := e.Type()
		if mode&os.ModeSymlink != 0 {
			fi, err := os.Stat(full)
			if err != nil {
				// A dangling link that would have been read is reported,
				// so that --prune keeps the articles it led to.
				if w.wanted(rel, name) {
					if err := w.fn(full, PathCause(err)); err != nil {
						return err
					}
				}
				continue
			}
			mode = fi.Mode().Type()
		}
		switch {
		case mode.IsDir():
			if matchAny(w.r.opts.Exclude, rel, name) {
				continue
			}
			if err := w.dir(ctx, full); err != nil {
				return err
			}
		case mode.IsRegular():
			if !w.wanted(rel, name) {
				continue
			}
			if err := w.fn(full, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// wanted reports whether a file is included and not excluded.
func (w *dirWalk) wanted(rel, name string) bool {
	return matchAny(w.r.opts.Include, rel, name) && !matchAny(w.r.opts.Exclude, rel, name)
}

// HasFiles reports whether a folder holds at least one file that is not
// hidden, whatever its name (following symbolic links, each folder once, as
// a walk does); a path that is a file holds itself. An error is one about
// path itself: parts below it that cannot be read are passed over.
func HasFiles(path string) (bool, error) {
	errFound := errors.New("found")
	all := &Reader{opts: Options{Include: []string{"*"}}}
	err := all.files(context.Background(), path, func(p string, err error) error {
		switch {
		case err == nil:
			return errFound
		case p == path:
			return err
		}
		return nil
	})
	if errors.Is(err, errFound) {
		return true, nil
	}
	return false, err
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
