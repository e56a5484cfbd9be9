package extract

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/ner"
	"github.com/geokg/geokg/extract/officials"
	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/extract/timex"
	"github.com/geokg/geokg/schema"
)

// binaryHead is how much of a text LooksBinary reads: only that is copied.
const binaryHead = 8192

// Version names the extractor in every Document it produces; bump it when
// the output for the same input changes.
const Version = "geokg-extract/3"

// MaxTextBytes is the largest article text Extract accepts (news articles
// are far smaller; this bounds time and memory on hostile input).
const MaxTextBytes = 2 << 20

// Errors returned for input that holds no article.
var (
	ErrEmpty    = text.ErrEmpty
	ErrBinary   = text.ErrBinary
	ErrTooLarge = fmt.Errorf("article text larger than %d bytes", MaxTextBytes)
	// ErrInternal reports a bug in the extractor met on this article.
	ErrInternal = errors.New("internal extractor error")
)

// Options locates optional GeoNames dumps that extend the built-in
// gazetteer; all empty means the shipped gazetteer alone.
type Options struct{ GeoNamesCities, GeoNamesAdmin1, GeoNamesAll string }

// Input is one article. HTML is used when Text is empty: its main text is
// extracted. PublishedAt anchors relative dates ("on Friday").
type Input struct{ Text, HTML, Title, URL, Source, PublishedAt string }

// Extractor extracts Documents from articles. It is safe for concurrent use.
type Extractor struct {
	gaz     *gazetteer.Gazetteer
	lex     *lexicons
	names   *ner.Model      // the statistical name tagger
	dict    *ner.Dictionary // what the gazetteer and lexicons say of each token, for the tagger
	taggers sync.Pool       // *ner.Tagger
	off     *officials.Table
}

var (
	defaultOnce sync.Once
	defaultGaz  *gazetteer.Gazetteer
	defaultErr  error
)

// New returns an Extractor. The default gazetteer is loaded once per process
// and shared by all extractors built without GeoNames options.
func New(opts Options) (*Extractor, error) {
	lex, err := loadLexicons()
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	var g *gazetteer.Gazetteer
	if opts == (Options{}) {
		defaultOnce.Do(func() { defaultGaz, defaultErr = gazetteer.Default() })
		g, err = defaultGaz, defaultErr
	} else {
		g, err = gazetteer.Load(gazetteer.Options{
			GeoNamesCities: opts.GeoNamesCities, GeoNamesAdmin1: opts.GeoNamesAdmin1, GeoNamesAll: opts.GeoNamesAll,
		})
	}
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	off, err := officials.Default()
	if err != nil {
		return nil, fmt.Errorf("load officials: %w", err)
	}
	m, err := ner.Load()
	if err != nil {
		return nil, err
	}
	dict, err := ner.NewDictionary(g)
	if err != nil {
		return nil, err
	}
	return &Extractor{gaz: g, lex: lex, names: m, dict: dict, off: off}, nil
}

// ArticleID is the stable id of an article: "sha256:" + hex(sha256(url + "\n" + text)).
func ArticleID(url, cleanText string) string {
	h := sha256.New()
	h.Write([]byte(url))
	h.Write([]byte{'\n'})
	h.Write([]byte(cleanText))
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// Extract turns one article into a Document. It is deterministic: the same
// input gives the same output. Empty, binary and oversized input is an
// error; a panic inside is returned as an error wrapping ErrInternal. Its
// time is linear in the length of the text (sentences are bounded, see
// text.MaxSentenceBytes); it stops with ctx's error between its passes when
// ctx is cancelled or its deadline passes.
func (e *Extractor) Extract(ctx context.Context, in Input) (d schema.Document, err error) {
	defer func() {
		// a bug on one odd article must not take a whole ingest down
		if r := recover(); r != nil {
			d, err = schema.Document{}, fmt.Errorf("extract: %w: %v", ErrInternal, r)
		}
	}()
	if err := ctx.Err(); err != nil {
		return schema.Document{}, fmt.Errorf("extract: %w", err)
	}
	return e.extract(ctx, in)
}

func (e *Extractor) extract(ctx context.Context, in Input) (schema.Document, error) {
	body, title, url, source, published := in.Text, in.Title, in.URL, in.Source, in.PublishedAt
	if strings.TrimSpace(body) == "" && strings.TrimSpace(in.HTML) != "" {
		if len(in.HTML) > 4*MaxTextBytes {
			return schema.Document{}, fmt.Errorf("extract: %w", ErrTooLarge)
		}
		if text.LooksBinary([]byte(in.HTML[:min(len(in.HTML), binaryHead)])) {
			return schema.Document{}, fmt.Errorf("extract: html: %w", ErrBinary)
		}
		page, err := text.FromHTML(text.RepairString(in.HTML), in.URL)
		if err != nil {
			return schema.Document{}, fmt.Errorf("extract: read html: %w", err)
		}
		body = page.Text
		title = firstNonEmpty(title, page.Title)
		url = firstNonEmpty(url, page.URL)
		source = firstNonEmpty(source, page.SiteName)
		published = firstNonEmpty(published, page.PublishedAt)
	}
	if len(body) > MaxTextBytes {
		return schema.Document{}, fmt.Errorf("extract: %w", ErrTooLarge)
	}
	if text.LooksBinary([]byte(body[:min(len(body), binaryHead)])) {
		return schema.Document{}, fmt.Errorf("extract: %w", ErrBinary)
	}
	body, title = text.RepairString(body), text.RepairString(title)
	// Titles and source names are cleaned like the body (bidi overrides and
	// zero-width characters would otherwise reach the graph and the screen).
	title, source = text.CleanLine(title), text.CleanLine(source)
	clean := text.Clean(title, body)
	if strings.TrimSpace(clean) == "" {
		return schema.Document{}, fmt.Errorf("extract: %w", ErrEmpty)
	}
	var pub time.Time
	hasPub := false
	if published != "" {
		if t, err := timex.ParsePublished(published); err == nil {
			pub, hasPub = t, true
		}
	}
	if strings.TrimSpace(title) == "" {
		title = headlineOf(clean)
	}
	art := schema.Article{
		ID:     ArticleID(url, clean),
		Title:  strPtr(strings.TrimSpace(title)),
		URL:    strPtr(url),
		Source: strPtr(source),
		Text:   clean,
	}
	if hasPub { // an unreadable date is left out rather than passed on raw
		art.PublishedAt = strPtr(formatPublished(published, pub))
	}
	a := newAnalysis(e, clean, pub, hasPub)
	a.outlet = strings.TrimSpace(source)
	a.docID = art.ID
	if err := a.run(ctx); err != nil {
		return schema.Document{}, fmt.Errorf("extract: %w", err)
	}
	d := a.document()
	if art.Source == nil && a.outlet != "" {
		art.Source = strPtr(a.outlet) // credited in the dateline
	}
	d.Article = art
	d.Extractor = Version
	a.finishIDs(&d)
	return d, nil
}

// formatPublished keeps a date-only publication date as YYYY-MM-DD and
// writes anything with a time of day as RFC 3339.
func formatPublished(raw string, t time.Time) string {
	if len(strings.TrimSpace(raw)) <= 10 || (t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0) {
		return t.Format("2006-01-02")
	}
	return t.Format(time.RFC3339)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// headlineOf returns the first line of a text when it reads as a headline:
// short, without final punctuation, followed by a blank line.
func headlineOf(t string) string {
	i := strings.Index(t, "\n\n")
	if i <= 0 || i > 200 || strings.Contains(t[:i], "\n") {
		return ""
	}
	l := strings.TrimSpace(t[:i])
	if l == "" || strings.ContainsAny(l[len(l)-1:], ".!?\"”:;,") {
		return ""
	}
	return l
}
