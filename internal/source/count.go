package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
)

// Count is how many items Walk will produce for specs, found by a cheap
// walk that reads no article: one per file (and per file that cannot be
// read), one per non-blank line of a JSON-lines file, one per record of a
// JSON array. known is false when a spec is a URL (a feed's size is only
// known once fetched) or standard input.
func (r *Reader) Count(ctx context.Context, specs []string) (n int, known bool) {
	for _, spec := range specs {
		if spec == "-" || IsURL(spec) {
			return 0, false
		}
	}
	for _, spec := range specs {
		err := r.files(ctx, spec, func(path string, err error) error {
			if err != nil {
				n++
				return nil
			}
			n += r.countFile(path)
			return nil
		})
		if err != nil {
			return 0, false
		}
	}
	return n, true
}

// countFile counts the items of one file (at least one: a file that fails
// to read is an item too).
func (r *Reader) countFile(path string) int {
	ext := strings.ToLower(filepath.Ext(path))
	if ext != ".jsonl" && ext != ".ndjson" && ext != ".json" {
		return 1
	}
	f, err := os.Open(path)
	if err != nil {
		return 1
	}
	defer f.Close()
	if ext == ".json" {
		return countJSONRecords(bufio.NewReader(io.LimitReader(f, r.opts.MaxBytes)))
	}
	return max(countLines(bufio.NewReaderSize(f, 64<<10)), 1)
}

// countLines counts the lines holding more than white space.
func countLines(br *bufio.Reader) int {
	n, blank := 0, true
	for {
		chunk, err := br.ReadSlice('\n')
		if len(bytes.TrimSpace(chunk)) > 0 {
			blank = false
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if len(chunk) > 0 && !blank {
			n++
		}
		blank = true
		if err != nil {
			return n
		}
	}
}

// countJSONRecords counts the elements of a top-level JSON array (one for
// any other value, or an empty array).
func countJSONRecords(rd io.Reader) int {
	dec := json.NewDecoder(rd)
	tok, err := dec.Token()
	if d, ok := tok.(json.Delim); err != nil || !ok || d != '[' {
		return 1
	}
	n := 0
	for dec.More() {
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return max(n, 1)
		}
		n++
	}
	return max(n, 1) // an empty array is one (failing) item
}
