package timex

import (
	"fmt"
	"strings"
	"time"
)

var publishedLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006/1/2",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 02 Jan 2006",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"Jan 2 2006",
	"Monday, January 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"02 January 2006",
	"Monday, 2 January 2006",
	"Monday 2 January 2006",
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006 3:04 pm",
	"Jan 2, 2006 3:04 PM",
	"Jan 2, 2006 15:04",
	"2 January 2006 15:04",
	"Monday, January 2, 2006 3:04 PM",
}

// ParsePublished parses a publication date as given by a user or a feed:
// "2017-04-12", RFC 3339, RFC 1123 (feeds), "April 12, 2017",
// "12 April 2017", "2017/04/12" and close variants. The result keeps the
// given time zone (UTC when none is given).
func ParsePublished(s string) (time.Time, error) {
	v := strings.Join(strings.Fields(s), " ")
	if v == "" {
		return time.Time{}, fmt.Errorf("parse published date: empty")
	}
	// "April 7th, 2017" → "April 7, 2017"
	v = stripOrdinals(v)
	for _, layout := range publishedLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			if t.Year() < 1800 || t.Year() > 2200 {
				break
			}
			return t, nil
		}
	}
	// "Sept." and "Sept" are not Go layout month abbreviations.
	if r := strings.NewReplacer("Sept.", "Sep", "Sept ", "Sep "); r != nil {
		if w := r.Replace(v); w != v {
			return ParsePublished(w)
		}
	}
	return time.Time{}, fmt.Errorf("parse published date %q: unrecognised format", truncate(s, 64))
}

func stripOrdinals(v string) string {
	if !strings.ContainsAny(v, "snrt") {
		return v
	}
	b := []byte(v)
	out := b[:0]
	for i := 0; i < len(b); i++ {
		if i > 0 && b[i-1] >= '0' && b[i-1] <= '9' && i+1 < len(b) {
			two := string(b[i : i+2])
			if (two == "st" || two == "nd" || two == "rd" || two == "th") && (i+2 == len(b) || b[i+2] == ' ' || b[i+2] == ',') {
				i++
				continue
			}
		}
		out = append(out, b[i])
	}
	return string(out)
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
