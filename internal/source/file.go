package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geokg/geokg/extract/text"
	"github.com/geokg/geokg/internal/redact"
)

// AbsPath is path made absolute and clean, with forward slashes: how files
// are named in Item.File and in the graph.
func AbsPath(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		abs = filepath.Clean(path)
	}
	return filepath.ToSlash(abs)
}

// record is the JSON shape of one article in .json and .jsonl inputs.
type record struct {
	URL         string `json:"url"`
	Title       string `json:"title"`
	PublishedAt string `json:"published_at"`
	Source      string `json:"source"`
	Text        string `json:"text"`
	HTML        string `json:"html"`
}

func (r *Reader) readFile(ctx context.Context, path string, emit func(Item) error) error {
	file := AbsPath(path)
	key := "file:" + file
	fn := func(it Item) error {
		it.File = file
		return emit(it)
	}
	ext := strings.ToLower(filepath.Ext(path))
	if ext == ".jsonl" || ext == ".ndjson" {
		f, err := os.Open(path)
		if err != nil {
			return fn(Item{Origin: path, Err: PathCause(err)})
		}
		defer f.Close()
		return r.readJSONL(ctx, path, key, f, fn)
	}
	data, err := readLimited(path, r.opts.MaxBytes)
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	docs, err := decode(path, ext, data)
	if err != nil {
		return fn(Item{Origin: path, Err: err})
	}
	for i, d := range docs {
		if ext == ".txt" || ext == ".text" || ext == ".md" {
			plainTextMeta(&d, filepath.Base(path))
		}
		d.Origin = path
		if len(docs) > 1 {
			d.Origin = fmt.Sprintf("%s[%d]", path, i)
		}
		if d.Key == "" {
			d.Key = key
			if len(docs) > 1 {
				d.Key = fmt.Sprintf("%s#%d", key, i)
			}
		}
		r.finish(&d)
		if err := fn(Item{Origin: d.Origin, Doc: d}); err != nil {
			return err
		}
	}
	return nil
}

func readLimited(path string, max int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, PathCause(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, PathCause(err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w (over %d bytes)", ErrTooLarge, max)
	}
	return data, nil
}

// decode turns a file's bytes into documents according to its extension,
// sniffing the content when the extension says nothing.
func decode(name, ext string, data []byte) ([]Document, error) {
	data, err := checkContent(data)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	switch ext {
	case ".json":
		return decodeJSON(data)
	case ".html", ".htm", ".xhtml":
		return []Document{htmlDoc(string(data))}, nil
	case ".txt", ".text", ".md":
		return []Document{{Text: string(data)}}, nil
	}
	trimmed := bytes.TrimSpace(data)
	switch {
	case len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') && json.Valid(trimmed):
		return decodeJSON(trimmed)
	case looksHTML(trimmed):
		return []Document{htmlDoc(string(data))}, nil
	}
	return []Document{{Text: string(data)}}, nil
}

func looksHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<body")) || bytes.HasPrefix(head, []byte("<p>")) || bytes.HasPrefix(head, []byte("<article"))
}

func htmlDoc(s string) Document {
	d := Document{HTML: s}
	meta := htmlMeta(s)
	d.Title, d.PublishedAt, d.URL, d.Source = meta.title, meta.published, meta.canonical, meta.site
	d.Key = d.URL
	return d
}

// decodeJSON accepts one record or an array of records.
func decodeJSON(data []byte) ([]Document, error) {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		var recs []record
		if err := json.Unmarshal(data, &recs); err != nil {
			return nil, fmt.Errorf("decode JSON: %w", err)
		}
		if len(recs) == 0 {
			return nil, ErrEmpty
		}
		docs := make([]Document, 0, len(recs))
		for i, rec := range recs {
			d, err := rec.document()
			if err != nil {
				return nil, fmt.Errorf("record %d: %w", i, err)
			}
			docs = append(docs, d)
		}
		return docs, nil
	}
	d, err := decodeRecord(data)
	if err != nil {
		return nil, err
	}
	return []Document{d}, nil
}

// decodeRecord parses one JSON article record.
func decodeRecord(data []byte) (Document, error) {
	var rec record
	dec := json.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&rec); err != nil {
		return Document{}, fmt.Errorf("decode JSON: %w", err)
	}
	if dec.More() {
		return Document{}, errors.New("decode JSON: trailing data after the object")
	}
	return rec.document()
}

func (rec record) document() (Document, error) {
	d := Document{
		URL:         strings.TrimSpace(rec.URL),
		Title:       strings.TrimSpace(rec.Title),
		PublishedAt: strings.TrimSpace(rec.PublishedAt),
		Source:      strings.TrimSpace(rec.Source),
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		d.Text = rec.Text
	case strings.TrimSpace(rec.HTML) != "":
		d.HTML = rec.HTML
		if d.Title == "" || d.PublishedAt == "" {
			m := htmlMeta(rec.HTML)
			if d.Title == "" {
				d.Title = m.title
			}
			if d.PublishedAt == "" {
				d.PublishedAt = m.published
			}
		}
	default:
		return Document{}, fmt.Errorf("%w: no text or html field", ErrEmpty)
	}
	if err := text.CheckContent([]byte(d.Text + d.HTML)); err != nil {
		return Document{}, err
	}
	// mojibake written as JSON escapes survives the repair of the raw bytes
	d.Text, d.HTML, d.Title = text.RepairString(d.Text), text.RepairString(d.HTML), text.RepairString(d.Title)
	if d.URL != "" && !IsURL(d.URL) {
		return Document{}, fmt.Errorf("url %q is not an http(s) URL", d.URL)
	}
	if d.URL != "" {
		d.Key = d.URL
		if d.Source == "" {
			d.Source = hostOf(d.URL)
		}
	}
	return d, nil
}

// readJSONL reads one JSON record per line; blank lines are skipped and a
// bad line becomes an error item without stopping the stream.
func (r *Reader) readJSONL(ctx context.Context, name, key string, in io.Reader, fn func(Item) error) error {
	br := bufio.NewReaderSize(in, 64<<10)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		data, tooLong, rerr := readLine(br, r.opts.MaxBytes)
		origin := fmt.Sprintf("%s:%d", name, line)
		if rerr != nil && rerr != io.EOF {
			return fn(Item{Origin: origin, Err: fmt.Errorf("read: %w", rerr)})
		}
		var item Item
		switch {
		case tooLong:
			item = Item{Origin: origin, Err: fmt.Errorf("%w (line over %d bytes)", ErrTooLarge, r.opts.MaxBytes)}
		case len(bytes.TrimSpace(data)) == 0:
			// blank line
		default:
			d, err := decodeLine(data)
			if err != nil {
				item = Item{Origin: origin, Err: err}
			} else {
				d.Origin = origin
				if d.Key == "" && key != "" {
					d.Key = fmt.Sprintf("%s#%d", key, line)
				}
				r.finish(&d)
				item = Item{Origin: origin, Doc: d}
			}
		}
		if item.Origin != "" {
			if err := fn(item); err != nil {
				return err
			}
		}
		if rerr == io.EOF {
			return nil
		}
	}
}

// decodeLine parses one JSON-lines record, its text repaired (text.Repair).
func decodeLine(data []byte) (Document, error) {
	if text.LooksBinary(data) {
		return Document{}, ErrBinary
	}
	return decodeRecord(bytes.TrimSpace(text.Repair(data)))
}

// readLine reads up to '\n'; a line longer than max is consumed and
// reported with tooLong, so memory stays bounded.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	var buf []byte
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(buf)+len(chunk)) > max+1 {
				tooLong = true
				buf = nil
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return buf, tooLong, err
	}
}

// checkContent rejects empty and binary content and returns the rest as
// valid UTF-8: legacy encodings, stray bytes and mojibake are repaired
// (text.Repair), not rejected.
func checkContent(data []byte) ([]byte, error) {
	if err := text.CheckContent(data); err != nil {
		return nil, err
	}
	return text.Repair(data), nil
}

// finish applies reader-wide defaults to a document and redacts the
// credentials of its URL (the full URL stays in Key, the identity, which is
// only ever stored hashed).
func (r *Reader) finish(d *Document) {
	if d.PublishedAt == "" {
		d.PublishedAt = r.opts.Published
	}
	if d.Source == "" && d.URL != "" {
		d.Source = hostOf(d.URL)
	}
	d.URL = redact.URL(d.URL)
}

// plainTextMeta gives a plain-text article a title from its first line when
// that line is short and stands alone ("Title\n\nBody"), and a publication
// date from a YYYY-MM-DD prefix of the file name.
func plainTextMeta(d *Document, base string) {
	if d.Title == "" {
		text := strings.TrimLeft(d.Text, " \t\r\n")
		first, rest, ok := strings.Cut(text, "\n")
		first = strings.TrimSpace(first)
		if ok && first != "" && len(first) <= 200 && strings.HasPrefix(strings.TrimLeft(rest, " \t\r"), "\n") &&
			!strings.HasSuffix(first, ".") {
			d.Title = first
		}
	}
	if d.PublishedAt == "" && len(base) >= 10 {
		if _, err := time.Parse("2006-01-02", base[:10]); err == nil {
			d.PublishedAt = base[:10]
		}
	}
}
