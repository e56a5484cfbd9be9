package timex

import (
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Grain is the precision of a resolved date.
type Grain int

// Grains, finest first.
const (
	Day Grain = iota + 1
	Week
	Month
	Year
)

func (g Grain) String() string {
	switch g {
	case Day:
		return "day"
	case Week:
		return "week"
	case Month:
		return "month"
	case Year:
		return "year"
	}
	return "unknown"
}

// Match is a date expression found in a string: s[Start:End] == Text. Date
// is the first day of the period (a Monday for Week, the 1st for Month,
// January 1st for Year), at midnight UTC.
type Match struct {
	Start, End int
	Text       string
	Date       time.Time
	Grain      Grain
}

// Find returns the date expressions in s, in order, resolved against base
// (the publication date). Only base's calendar date in its own location is
// used: pass a UTC date, or a time in the publisher's zone to resolve
// "yesterday" against the writer's day. With a zero base only absolute
// dates (with a year) are returned. Dates returned are midnight UTC.
func Find(s string, base time.Time) []Match {
	buf := tokPool.Get().(*[]tok)
	defer putToks(buf)
	toks := tokenize((*buf)[:0], s)
	*buf = toks
	if len(toks) == 0 {
		return nil
	}
	r := resolver{s: s, t: toks}
	if !base.IsZero() {
		b := base // its own calendar date: the writer's day when a zone is known
		r.base = time.Date(b.Year(), b.Month(), b.Day(), 0, 0, 0, 0, time.UTC)
		r.hasBase = true
	}
	var out []Match
	for i := 0; i < len(toks); {
		if !toks[i].interesting() {
			i++
			continue
		}
		if m, n := r.matchAt(i); n > 0 {
			if m.Start < 0 || m.End <= m.Start || i+m.End > len(toks) || n < m.End {
				i++ // defensive: a pattern returned an inconsistent span
				continue
			}
			m.Start = toks[i+m.Start].s
			m.End = toks[i+m.End-1].e
			m.Text = s[m.Start:m.End]
			out = append(out, m)
			i += n
			continue
		}
		i++
	}
	return out
}

// ---- tokens ----

type tokKind uint8

const (
	tWord tokKind = iota + 1
	tNum
	tPunct
)

type tok struct {
	s, e  int
	kind  tokKind
	kw    int  // keyword code, 0 if none
	num   int  // value for numbers (capped), or number words
	cap   bool // word starts with an upper-case letter
	glued bool // no space between this token and the previous one
}

// Offset is a span that dates something relative to an event rather than to
// a date: "a day after the attack" (Days 1), "two weeks before the vote"
// (Days -14). s[Start:End] == Text.
type Offset struct {
	Start, End int
	Text       string
	Days       int
}

// Offsets returns the offsets from an event in s, in order: a count, a unit
// (day, week), "after" or "before", then anything but a date (a date there
// is a Match of Find instead).
func Offsets(s string) []Offset {
	if !mayHaveOffset(s) {
		return nil
	}
	buf := tokPool.Get().(*[]tok)
	defer putToks(buf)
	toks := tokenize((*buf)[:0], s)
	*buf = toks
	r := resolver{s: s, t: toks, base: date(2000, 1, 1), hasBase: true}
	var out []Offset
	for i := 0; i+3 < len(toks); i++ {
		n := toks[i].num
		if n <= 0 || toks[i].kind == tNum && toks[i].e-toks[i].s > 3 {
			continue
		}
		days := 0
		switch r.kw(i + 1) {
		case kwDay, kwDays:
			days = n
		case kwWeek, kwWeeks:
			days = 7 * n
		default:
			continue
		}
		switch r.kw(i + 2) {
		case kwAfter:
		case kwBefore:
			days = -days
		default:
			continue
		}
		if _, k := r.matchAt(i + 3); k > 0 {
			continue // "a day after Friday": a date
		}
		start, end := toks[i].s, toks[i+2].e
		out = append(out, Offset{Start: start, End: end, Text: s[start:end], Days: days})
		i += 2
	}
	return out
}

// mayHaveOffset is a quick test for "after" or "before" in s, so that
// sentences without either are not tokenised.
func mayHaveOffset(s string) bool {
	for _, w := range [...]string{"after", "After", "AFTER", "before", "Before", "BEFORE"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func (t tok) interesting() bool { return t.kw != 0 || t.kind == tNum || t.kind == tWord && t.num > 0 }

// tokPool keeps token buffers for reuse: Find and Offsets run concurrently,
// each with its own buffer.
var tokPool = sync.Pool{New: func() any { return new([]tok) }}

// putToks returns a buffer to tokPool, empty when a huge sentence grew it.
func putToks(buf *[]tok) {
	if cap(*buf) > 4096 {
		*buf = nil
	}
	tokPool.Put(buf)
}

// tokenize appends the tokens of s to out.
func tokenize(out []tok, s string) []tok {
	var buf [16]byte
	prevEnd := -1
	for i := 0; i < len(s); {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		start := i
		switch {
		case c >= '0' && c <= '9':
			v := 0
			for i < len(s) && s[i] >= '0' && s[i] <= '9' {
				if v < 1e6 {
					v = v*10 + int(s[i]-'0')
				}
				i++
			}
			out = append(out, tok{s: start, e: i, kind: tNum, num: v, glued: prevEnd == start})
		case c < utf8.RuneSelf && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'):
			n := 0
			for i < len(s) {
				b := s[i]
				if b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' {
					if n < len(buf) {
						buf[n] = b | 0x20
					}
					n++
					i++
					continue
				}
				if b >= utf8.RuneSelf {
					r, size := utf8.DecodeRuneInString(s[i:])
					if unicode.IsLetter(r) {
						n = len(buf) + 1 // not a keyword
						i += size
						continue
					}
				}
				break
			}
			t := tok{s: start, e: i, kind: tWord, cap: c >= 'A' && c <= 'Z', glued: prevEnd == start}
			if n <= len(buf) {
				t.kw = keywords[string(buf[:n])]
				t.num = numberWords[string(buf[:n])]
			}
			out = append(out, t)
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				for i < len(s) {
					r2, size2 := utf8.DecodeRuneInString(s[i:])
					if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) {
						break
					}
					i += size2
				}
				out = append(out, tok{s: start, e: i, kind: tWord, glued: prevEnd == start})
			} else if unicode.IsSpace(r) {
				continue
			} else {
				out = append(out, tok{s: start, e: i, kind: tPunct, num: int(r), glued: prevEnd == start})
			}
		}
		prevEnd = i
	}
	return out
}

// keyword codes
const (
	kwMonth     = 100 // +1..12 full month names
	kwMonthAbbr = 200 // +1..12 abbreviations
	kwWeekday   = 300 // +0..6 (Sunday=0)
	kwSimple    = 400
)

const (
	kwToday = kwSimple + iota
	kwTonight
	kwYesterday
	kwTomorrow
	kwLast
	kwThis
	kwNext
	kwEarlier
	kwLater
	kwEarly
	kwLate
	kwMid
	kwOn
	kwIn
	kwSince
	kwOf
	kwPrep // other prepositions that introduce a year or a month
	kwThe
	kwDay
	kwDays
	kwWeek
	kwWeeks
	kwMonthW
	kwMonths
	kwYear
	kwYears
	kwWeekend
	kwNight
	kwPartOfDay // morning, afternoon, evening
	kwAgo
	kwComing
	kwBefore
	kwAfter
	kwA
	kwOrdinal
	kwFutureCue
	kwNamePrefix // "Black" Friday, "Good" Friday
	kwNameSuffix // Sunday "Times"
	kwPast
)

var keywords = map[string]int{}

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
}

func init() {
	months := []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
		"october", "november", "december"}
	for i, m := range months {
		keywords[m] = kwMonth + i + 1
	}
	for i, m := range []string{"jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if m != "" {
			keywords[m] = kwMonthAbbr + i + 1
		}
	}
	keywords["sept"] = kwMonthAbbr + 9
	for i, d := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		keywords[d] = kwWeekday + i
	}
	set := func(code int, ws ...string) {
		for _, w := range ws {
			keywords[w] = code
		}
	}
	set(kwToday, "today")
	set(kwTonight, "tonight")
	set(kwYesterday, "yesterday")
	set(kwTomorrow, "tomorrow")
	set(kwLast, "last")
	set(kwThis, "this")
	set(kwNext, "next")
	set(kwEarlier, "earlier")
	set(kwLater, "later")
	set(kwEarly, "early")
	set(kwLate, "late")
	set(kwMid, "mid", "middle")
	set(kwOn, "on")
	set(kwIn, "in")
	set(kwSince, "since")
	set(kwOf, "of")
	set(kwPrep, "during", "by", "until", "till", "from", "between", "and", "to", "through", "throughout", "before",
		"after", "around", "circa", "for", "spring", "summer", "autumn", "fall", "winter")
	set(kwLate, "late")
	set(kwBefore, "before")
	set(kwAfter, "after")
	set(kwThe, "the")
	set(kwDay, "day")
	set(kwDays, "days")
	set(kwWeek, "week")
	set(kwWeeks, "weeks")
	set(kwMonthW, "month")
	set(kwMonths, "months")
	set(kwYear, "year")
	set(kwYears, "years")
	set(kwWeekend, "weekend")
	set(kwNight, "night", "overnight")
	set(kwPartOfDay, "morning", "afternoon", "evening")
	set(kwAgo, "ago")
	set(kwComing, "coming")
	set(kwA, "a", "an")
	set(kwOrdinal, "st", "nd", "rd", "th")
	set(kwFutureCue, "will", "ll", "shall", "scheduled", "upcoming", "planned", "expected", "ahead")
	set(kwNamePrefix, "black", "good", "bloody", "super", "ash", "easter", "palm", "holy", "maundy", "cyber",
		"shrove", "whit", "trinity", "low", "man", "girl", "casual", "giving", "small")
	set(kwNameSuffix, "times", "telegraph", "express", "mirror", "mail", "post", "herald", "tribune", "independent",
		"observer", "live", "school", "people", "sport", "star", "world", "review", "magazine", "edition", "show",
		"club", "league")
	set(kwPast, "past")
}
