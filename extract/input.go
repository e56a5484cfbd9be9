package extract

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/geokg/geokg/extract/text"
)

// ReadInput turns the bytes of a file into an Input: ".json" (or content
// starting with '{') is an article object read by text.ParseJSON; HTML (by
// extension or sniffing) is kept as HTML for Extract to take the main text
// from; anything else is plain text. Text that is not valid UTF-8 (a legacy
// encoding, stray bytes, mojibake) is repaired (text.Repair); empty and
// binary content is an error naming the file ("read NAME: " + the cause,
// one of text's content errors or a JSON error).
func ReadInput(name string, data []byte) (Input, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if err := text.CheckContent(data); err != nil {
		return Input{}, fmt.Errorf("read %s: %w", name, err)
	}
	data = bytes.TrimPrefix(text.Repair(data), []byte("\xef\xbb\xbf"))
	ext := strings.ToLower(filepath.Ext(name))
	trimmed := bytes.TrimSpace(data)
	if ext == ".json" || (ext != ".txt" && ext != ".html" && ext != ".htm" && len(trimmed) > 0 && trimmed[0] == '{') {
		raw, err := text.ParseJSON(data)
		if err != nil {
			return Input{}, fmt.Errorf("read %s: %w", name, err)
		}
		return Input{Text: raw.Text, HTML: raw.HTML, Title: raw.Title, URL: raw.URL, Source: raw.Source,
			PublishedAt: raw.PublishedAt}, nil
	}
	if ext == ".html" || ext == ".htm" || (ext != ".txt" && text.LooksLikeHTML(data)) {
		return Input{HTML: string(data)}, nil
	}
	return Input{Text: string(data)}, nil
}
