package lexicon

import (
	"embed"
	"fmt"
	"strings"
)

//go:embed *.txt
var files embed.FS

// Lines returns the non-empty, non-comment lines of the named list
// ("titles.txt"), trimmed. A '#' starts a comment line.
func Lines(name string) ([]string, error) {
	b, err := files.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read lexicon %s: %w", name, err)
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		out = append(out, l)
	}
	return out, nil
}

// Fields splits each line of the named list on '|' and trims the fields.
func Fields(name string) ([][]string, error) {
	ls, err := Lines(name)
	if err != nil {
		return nil, err
	}
	out := make([][]string, 0, len(ls))
	for _, l := range ls {
		fs := strings.Split(l, "|")
		for i := range fs {
			fs[i] = strings.TrimSpace(fs[i])
		}
		out = append(out, fs)
	}
	return out, nil
}

// Title is one line of titles.txt: a lower-case surface form, the
// canonical title it stands for and the gender it implies ("m", "f" or "").
type Title struct{ Surface, Canon, Gender string }

// Titles reads titles.txt; the canonical title defaults to the surface as
// written.
func Titles() ([]Title, error) {
	rows, err := Fields("titles.txt")
	if err != nil {
		return nil, err
	}
	out := make([]Title, 0, len(rows))
	for _, r := range rows {
		t := Title{Surface: strings.ToLower(r[0]), Canon: r[0]}
		if len(r) > 1 && r[1] != "" {
			t.Canon = r[1]
		}
		if len(r) > 2 {
			t.Gender = r[2]
		}
		out = append(out, t)
	}
	return out, nil
}
