package timex

import (
	"strings"
	"time"
)

type resolver struct {
	s       string
	t       []tok
	base    time.Time
	hasBase bool
}

// word returns token i in lower case ("" out of range), for the few words
// that are not keywords.
func (r *resolver) word(i int) string {
	if i < 0 || i >= len(r.t) || r.t[i].kind != tWord {
		return ""
	}
	return strings.ToLower(r.s[r.t[i].s:r.t[i].e])
}

// kw returns the keyword code of token i, 0 when out of range.
func (r *resolver) kw(i int) int {
	if i < 0 || i >= len(r.t) {
		return 0
	}
	return r.t[i].kw
}

func (r *resolver) isPunct(i int, c rune) bool {
	return i >= 0 && i < len(r.t) && r.t[i].kind == tPunct && rune(r.t[i].num) == c
}

func weekdayOf(kw int) (time.Weekday, bool) {
	if kw >= kwWeekday && kw < kwWeekday+7 {
		return time.Weekday(kw - kwWeekday), true
	}
	return 0, false
}

// monthOf returns the month of token i: full names, or abbreviations (with an
// optional glued period, whose token count is returned in extra).
func (r *resolver) monthOf(i int) (m time.Month, n int, abbr bool) {
	if i < 0 || i >= len(r.t) || !r.t[i].cap {
		return 0, 0, false
	}
	kw := r.t[i].kw
	switch {
	case kw > kwMonth && kw <= kwMonth+12:
		return time.Month(kw - kwMonth), 1, false
	case kw > kwMonthAbbr && kw <= kwMonthAbbr+12:
		if r.isPunct(i+1, '.') && r.t[i+1].glued {
			return time.Month(kw - kwMonthAbbr), 2, true
		}
		return time.Month(kw - kwMonthAbbr), 1, true
	}
	return 0, 0, false
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func validDay(y int, m time.Month, d int) bool {
	if d < 1 || d > 31 || m < 1 || m > 12 {
		return false
	}
	return date(y, m, d).Day() == d
}

func monday(t time.Time) time.Time {
	return t.AddDate(0, 0, -((int(t.Weekday()) + 6) % 7))
}

func isYear(v int) bool { return v >= 1900 && v <= 2100 }

// dayNum reads a day of month at token i: "7", "7th"; returns tokens used.
func (r *resolver) dayNum(i int) (int, int) {
	if i >= len(r.t) || r.t[i].kind != tNum || r.t[i].e-r.t[i].s > 2 {
		return 0, 0
	}
	v := r.t[i].num
	if v < 1 || v > 31 {
		return 0, 0
	}
	// Not part of a larger number or time: "7,000", "7.5", "7:30".
	if i+1 < len(r.t) && r.t[i+1].glued && r.t[i+1].kind == tPunct && i+2 < len(r.t) && r.t[i+2].glued && r.t[i+2].kind == tNum {
		c := rune(r.t[i+1].num)
		if c == ',' || c == '.' || c == ':' {
			return 0, 0
		}
	}
	if i >= 2 && r.t[i].glued && r.t[i-1].kind == tPunct && r.t[i-1].glued && r.t[i-2].kind == tNum {
		return 0, 0 // "7:30", "1.5", "2/3"
	}
	if r.kw(i+1) == kwOrdinal && r.t[i+1].glued {
		return v, 2
	}
	return v, 1
}

// yearNum reads a four-digit year at token i that is not part of a larger
// number ("2,015", "2015.5") and not followed by a glued hyphen or percent.
func (r *resolver) yearNum(i int) (int, bool) {
	if i < 0 || i >= len(r.t) || r.t[i].kind != tNum || r.t[i].e-r.t[i].s != 4 || !isYear(r.t[i].num) {
		return 0, false
	}
	if i > 0 && r.t[i].glued && r.t[i-1].kind == tPunct {
		c := rune(r.t[i-1].num)
		if c == ',' || c == '.' || c == '$' || c == '£' || c == '€' || c == '#' {
			return 0, false
		}
	}
	if i+1 < len(r.t) && r.t[i+1].glued {
		if r.t[i+1].kind != tPunct {
			return 0, false
		}
		c := rune(r.t[i+1].num)
		if (c == ',' || c == '.' || c == '-' || c == '/') && i+2 < len(r.t) && r.t[i+2].glued && r.t[i+2].kind == tNum {
			return 0, false
		}
		if c == '%' || c == '-' {
			return 0, false
		}
	}
	return r.t[i].num, true
}

// futureCue looks back in the clause before token i for a future marker:
// "will", "scheduled", "next"… anywhere in the eight tokens before it, or
// "as soon as" / "as early as" right before it ("could come as soon as
// Monday").
func (r *resolver) futureCue(i int) bool {
	if r.word(i-1) == "as" && (r.word(i-2) == "soon" || r.word(i-2) == "early") && r.word(i-3) == "as" {
		return true
	}
	for j := i - 1; j >= 0 && j >= i-8; j-- {
		t := r.t[j]
		if t.kind == tPunct && (t.num == '.' || t.num == '!' || t.num == '?' || t.num == ';') {
			return false
		}
		if t.kw == kwFutureCue || t.kw == kwNext || t.kw == kwTomorrow {
			return true
		}
	}
	return false
}

// monthDay resolves a month-day without a year: on or before base, or on or
// after base when future is set.
func (r *resolver) monthDay(m time.Month, d int, future bool) (time.Time, bool) {
	if !validDay(2016, m, d) { // 2016 is a leap year: accepts Feb 29
		return time.Time{}, false
	}
	y := r.base.Year()
	for k := 0; k < 8; k++ { // Feb 29 may be up to 8 years away
		yy := y - k
		if future {
			yy = y + k
		}
		if !validDay(yy, m, d) {
			continue
		}
		t := date(yy, m, d)
		if future && !t.Before(r.base) || !future && !t.After(r.base) {
			return t, true
		}
	}
	return time.Time{}, false
}

// monthOnly resolves a month without a year to its first day.
func (r *resolver) monthOnly(m time.Month, future bool) time.Time {
	y := r.base.Year()
	t := date(y, m, 1)
	if future {
		if t.Before(date(y, r.base.Month(), 1)) {
			t = date(y+1, m, 1)
		}
		return t
	}
	if t.After(r.base) {
		t = date(y-1, m, 1)
	}
	return t
}

// weekday resolves a weekday name: the most recent on or before base, or
// the next on or after base when future is set.
func (r *resolver) weekday(wd time.Weekday, future bool) time.Time {
	d := int(r.base.Weekday()) - int(wd)
	if future {
		return r.base.AddDate(0, 0, (int(wd)-int(r.base.Weekday())+7)%7)
	}
	return r.base.AddDate(0, 0, -((d + 7) % 7))
}

// res builds a match spanning tokens [a,b) relative to the start token.
func res(a, b int, t time.Time, g Grain) (Match, int) {
	return Match{Start: a, End: b, Date: t, Grain: g}, b
}

// matchAt tries every pattern at token i. It returns the match (with token
// offsets relative to i in Start/End) and the tokens consumed (0: none).
func (r *resolver) matchAt(i int) (Match, int) {
	if m, n := r.matchAbsolute(i); n > 0 {
		return m, n
	}
	if !r.hasBase {
		return Match{}, 0
	}
	return r.matchRelative(i)
}

// matchAbsolute handles expressions that carry a year, and those that need
// the base for the year only (month-day), which it skips without a base.
func (r *resolver) matchAbsolute(i int) (Match, int) {
	t := r.t[i]
	// ISO 2017-04-07 / 2017/04/07.
	if t.kind == tNum && t.e-t.s == 4 && isYear(t.num) && i+4 < len(r.t) {
		sep := r.t[i+1]
		if sep.kind == tPunct && (sep.num == '-' || sep.num == '/') && sep.glued &&
			r.t[i+2].kind == tNum && r.t[i+2].glued && r.t[i+2].e-r.t[i+2].s <= 2 &&
			r.isPunct(i+3, rune(sep.num)) && r.t[i+3].glued &&
			r.t[i+4].kind == tNum && r.t[i+4].glued && r.t[i+4].e-r.t[i+4].s <= 2 {
			m, d := time.Month(r.t[i+2].num), r.t[i+4].num
			if validDay(t.num, m, d) {
				return res(0, 5, date(t.num, m, d), Day)
			}
		}
	}
	// Month-first: "April 7", "Apr. 7th, 2017", "April 2017".
	if m, n, abbr := r.monthOf(i); n > 0 {
		j := i + n
		if d, dn := r.dayNum(j); dn > 0 {
			k := j + dn
			kk := k
			if r.isPunct(kk, ',') {
				kk++
			}
			if y, ok := r.yearNum(kk); ok {
				if validDay(y, m, d) {
					return res(0, kk+1-i, date(y, m, d), Day)
				}
				return Match{}, 0
			}
			if r.hasBase {
				if shift, ok := r.ofRelYear(k); ok {
					if y := r.base.Year() + shift; validDay(y, m, d) {
						return res(0, k+3-i, date(y, m, d), Day)
					}
					return Match{}, 0
				}
				if dt, ok := r.monthDay(m, d, r.futureCue(i)); ok {
					return res(0, k-i, dt, Day)
				}
			}
			return Match{}, 0
		}
		jj := j
		if r.hasBase {
			if shift, ok := r.ofRelYear(j); ok {
				return res(0, j+3-i, date(r.base.Year()+shift, m, 1), Month)
			}
		}
		if r.isPunct(jj, ',') {
			jj++
		}
		if y, ok := r.yearNum(jj); ok {
			return res(0, jj+1-i, date(y, m, 1), Month)
		}
		if abbr || !r.hasBase {
			return Match{}, 0
		}
		// Month alone needs a date context before it.
		if r.monthContext(i, m) {
			return res(0, 1, r.monthOnly(m, r.futureCue(i)), Month)
		}
		return Match{}, 0
	}
	// Day-first: "7 April", "7th of April 2017".
	if d, dn := r.dayNum(i); dn > 0 {
		j := i + dn
		if r.kw(j) == kwOf {
			j++
		}
		m, n, abbr := r.monthOf(j)
		if n == 0 {
			return Match{}, 0
		}
		k := j + n
		if y, ok := r.yearNum(k); ok {
			if validDay(y, m, d) {
				return res(0, k+1-i, date(y, m, d), Day)
			}
			return Match{}, 0
		}
		if abbr && n == 1 && r.kw(i+1) != kwOrdinal {
			// "7 Mar" without period: accept only full names or ordinals
			return Match{}, 0
		}
		if r.hasBase {
			if shift, ok := r.ofRelYear(k); ok {
				if y := r.base.Year() + shift; validDay(y, m, d) {
					return res(0, k+3-i, date(y, m, d), Day)
				}
				return Match{}, 0
			}
			if dt, ok := r.monthDay(m, d, r.futureCue(i)); ok {
				return res(0, k-i, dt, Day)
			}
		}
		return Match{}, 0
	}
	// Years: "in 2015", "since 2011", "of 2014", "early 2015".
	if y, ok := r.yearNum(i); ok {
		switch r.kw(i - 1) {
		case kwIn, kwSince, kwOf, kwPrep, kwBefore, kwAfter, kwEarly, kwLate, kwMid:
			return res(0, 1, date(y, 1, 1), Year)
		}
		if r.isPunct(i-1, '-') && r.kw(i-2) == kwMid {
			return res(0, 1, date(y, 1, 1), Year)
		}
	}
	return Match{}, 0
}

func (r *resolver) matchRelative(i int) (Match, int) {
	t := r.t[i]
	b := r.base
	switch t.kw {
	case kwToday, kwTonight:
		// "USA Today", "Russia Today" are names.
		if t.cap && i > 0 && r.t[i-1].kind == tWord && r.t[i-1].cap && r.t[i-1].kw == 0 {
			return Match{}, 0
		}
		return res(0, 1, b, Day)
	case kwYesterday:
		return res(0, 1, b.AddDate(0, 0, -1), Day)
	case kwTomorrow:
		return res(0, 1, b.AddDate(0, 0, 1), Day)
	case kwThe:
		// the day before yesterday / the day after tomorrow
		if r.kw(i+1) == kwDay {
			if r.kw(i+2) == kwBefore && r.kw(i+3) == kwYesterday {
				return res(0, 4, b.AddDate(0, 0, -2), Day)
			}
			if r.kw(i+2) == kwAfter && r.kw(i+3) == kwTomorrow {
				return res(0, 4, b.AddDate(0, 0, 2), Day)
			}
		}
		return Match{}, 0
	case kwEarlier, kwLater:
		if _, ok := weekdayOf(r.kw(i + 1)); ok && r.t[i+1].cap {
			// "earlier Friday", "later Thursday morning"
			if m, n := r.matchWeekday(i + 1); n > 0 {
				m.End++
				return m, n + 1
			}
		}
		if r.kw(i+1) == kwThis {
			if m, n := r.matchDeictic(i+1, kwThis); n > 0 {
				m.Start = 0
				m.End += 1
				return m, n + 1
			}
		}
		return Match{}, 0
	case kwLast, kwThis, kwNext:
		return r.matchDeictic(i, t.kw)
	case kwEarly, kwLate, kwMid:
		// "early Friday", "late Tuesday night"
		j := i + 1
		if r.isPunct(j, '-') {
			j++
		}
		if _, ok := weekdayOf(r.kw(j)); ok && r.t[j].cap {
			if m, n := r.matchWeekday(j); n > 0 {
				m.Start = 0
				m.End += j - i
				return m, n + j - i
			}
		}
		return Match{}, 0
	}
	if wd, ok := weekdayOf(t.kw); ok {
		_ = wd
		return r.matchWeekday(i)
	}
	// "two days ago", "a year ago", "3 weeks ago"
	n := 0
	if t.kind == tNum && t.e-t.s <= 3 {
		n = t.num
	} else if t.kind == tWord {
		n = t.num
	}
	if n > 0 && i+2 < len(r.t) && r.kw(i+2) == kwAgo {
		if m, k := r.anniversary(i, n); k > 0 {
			return m, k
		}
		switch r.kw(i + 1) {
		case kwDay, kwDays:
			return res(0, 3, b.AddDate(0, 0, -n), Day)
		case kwWeek, kwWeeks:
			return res(0, 3, monday(b.AddDate(0, 0, -7*n)), Week)
		case kwMonthW, kwMonths:
			first := date(b.Year(), b.Month(), 1)
			return res(0, 3, first.AddDate(0, -n, 0), Month)
		case kwYear, kwYears:
			return res(0, 3, date(b.Year()-n, 1, 1), Year)
		}
	}
	// "a day after Friday's vote", "two weeks before March 3"
	if n > 0 && (r.kw(i+2) == kwAfter || r.kw(i+2) == kwBefore) {
		if m, k := r.offsetFrom(i, n); k > 0 {
			return m, k
		}
	}
	return Match{}, 0
}

// shiftBy moves d by n units of the unit keyword kw (day(s), week(s),
// month(s), year(s)); ok is false for another word.
func shiftBy(d time.Time, n, kw int) (time.Time, bool) {
	switch kw {
	case kwDay, kwDays:
		return d.AddDate(0, 0, n), true
	case kwWeek, kwWeeks:
		return d.AddDate(0, 0, 7*n), true
	case kwMonthW, kwMonths:
		return d.AddDate(0, n, 0), true
	case kwYear, kwYears:
		return d.AddDate(n, 0, 0), true
	}
	return time.Time{}, false
}

// anniversary reads "10 years ago Sunday", "a year ago today", "five years
// ago on Tuesday" at i (n units ago, then a day): the day named, n units
// earlier.
func (r *resolver) anniversary(i, n int) (Match, int) {
	j := i + 3
	if r.kw(j) == kwOn {
		j++
	}
	var day Match
	var k int
	switch r.kw(j) {
	case kwToday, kwYesterday:
		day, k = r.matchRelative(j)
	default:
		if _, ok := weekdayOf(r.kw(j)); ok {
			day, k = r.matchWeekday(j)
		}
	}
	if k == 0 || day.Grain != Day {
		return Match{}, 0
	}
	d, ok := shiftBy(day.Date, -n, r.kw(i+1))
	if !ok {
		return Match{}, 0
	}
	return res(0, j+k-i, d, Day)
}

// offsetFrom reads "a day after Friday's vote", "two weeks before March 3"
// at i: n units after or before the date that follows. Without a date
// ("a day after the attack") it matches nothing: the anchor is an event,
// not a date.
func (r *resolver) offsetFrom(i, n int) (Match, int) {
	j := i + 3
	if j >= len(r.t) {
		return Match{}, 0
	}
	anchor, k := r.matchAt(j)
	if k == 0 || anchor.Start != 0 || anchor.Grain != Day {
		return Match{}, 0
	}
	if r.kw(i+2) == kwBefore {
		n = -n
	}
	d, ok := shiftBy(anchor.Date, n, r.kw(i+1))
	if !ok {
		return Match{}, 0
	}
	return res(0, j+anchor.End-i, d, Day)
}

// matchDeictic handles last/this/next + week, month, year, weekend, night,
// morning, weekday, month name; and "this coming Friday".
func (r *resolver) matchDeictic(i int, which int) (Match, int) {
	b := r.base
	j := i + 1
	if which == kwThis && r.kw(j) == kwComing {
		if wd, ok := weekdayOf(r.kw(j + 1)); ok && r.t[j+1].cap {
			d := r.weekday(wd, true)
			if d.Equal(b) {
				d = d.AddDate(0, 0, 7)
			}
			return r.withPartOfDay(i, 0, j+2-i, d)
		}
		return Match{}, 0
	}
	if which == kwThis && r.kw(j) == kwPast {
		// "this past Friday", "this past week"
		if m, n := r.matchDeictic(j, kwLast); n > 0 {
			m.End++
			return m, n + 1
		}
		return Match{}, 0
	}
	shift := map[int]int{kwLast: -1, kwThis: 0, kwNext: 1}[which]
	switch r.kw(j) {
	case kwWeek:
		return res(0, 2, monday(b).AddDate(0, 0, 7*shift), Week)
	case kwMonthW:
		return res(0, 2, date(b.Year(), b.Month(), 1).AddDate(0, shift, 0), Month)
	case kwYear:
		return res(0, 2, date(b.Year()+shift, 1, 1), Year)
	case kwWeekend:
		// Saturday of the week (Monday-based) concerned.
		sat := monday(b).AddDate(0, 0, 5)
		if which == kwLast && !sat.Before(b) {
			sat = sat.AddDate(0, 0, -7)
		} else if which == kwNext {
			sat = sat.AddDate(0, 0, 7)
		}
		return res(0, 2, sat, Day)
	case kwNight:
		if which == kwLast {
			return res(0, 2, b.AddDate(0, 0, -1), Day)
		}
		if which == kwThis {
			return res(0, 2, b, Day)
		}
	case kwPartOfDay:
		if which == kwThis {
			return res(0, 2, b, Day)
		}
	}
	if wd, ok := weekdayOf(r.kw(j)); ok && r.t[j].cap {
		var d time.Time
		switch which {
		case kwLast:
			d = r.weekday(wd, false)
			if d.Equal(b) {
				d = d.AddDate(0, 0, -7)
			}
		case kwNext:
			d = r.weekday(wd, true)
			if d.Equal(b) {
				d = d.AddDate(0, 0, 7)
			}
		default: // this Friday: the Friday of the current week
			d = monday(b).AddDate(0, 0, (int(wd)+6)%7)
		}
		return r.withPartOfDay(i, 0, 2, d)
	}
	if m, n, abbr := r.monthOf(j); n > 0 && !abbr {
		var d time.Time
		switch which {
		case kwLast:
			d = date(b.Year(), m, 1)
			if !d.Before(date(b.Year(), b.Month(), 1)) {
				d = date(b.Year()-1, m, 1)
			}
		case kwNext:
			d = date(b.Year(), m, 1)
			if !d.After(b) {
				d = date(b.Year()+1, m, 1)
			}
		default:
			d = date(b.Year(), m, 1)
		}
		return res(0, 2, d, Month)
	}
	return Match{}, 0
}

// withPartOfDay builds a weekday match of tokens [a,e) relative to i and
// extends it over a following "night", "morning" etc.
func (r *resolver) withPartOfDay(i, a, e int, d time.Time) (Match, int) {
	if k := r.kw(i + e); k == kwNight || k == kwPartOfDay {
		e++
	}
	return res(a, e, d, Day)
}

// monthContext reports a word before a bare month name at i that makes it a
// date: "in March", "since March", "early March", "mid-March". "May" also
// a name, is accepted after fewer words.
func (r *resolver) monthContext(i int, m time.Month) bool {
	p := r.kw(i - 1)
	if r.isPunct(i-1, '-') && r.kw(i-2) == kwMid {
		return true
	}
	switch p {
	case kwIn, kwSince, kwEarly, kwLate, kwMid:
		return true
	case kwOf, kwPrep, kwBefore, kwAfter:
		return m != time.May
	}
	return false
}

// matchWeekday handles a weekday name at i (capitalised, not part of a
// name like "Black Friday" or "the Sunday Times"), with its extensions:
// "Friday night", "Tuesday last week", "Wednesday, April 5".
func (r *resolver) matchWeekday(i int) (Match, int) {
	t := r.t[i]
	wd, _ := weekdayOf(t.kw)
	if !t.cap {
		return Match{}, 0
	}
	if p := i - 1; p >= 0 && r.t[p].kw == kwNamePrefix && r.t[p].cap {
		return Match{}, 0
	}
	if nx := i + 1; nx < len(r.t) && r.t[nx].kw == kwNameSuffix && r.t[nx].cap {
		return Match{}, 0
	}
	if r.kw(i-1) == kwOn && i >= 2 && r.t[i-2].kw == kwNameSuffix && r.t[i-2].cap { // Mail on Sunday
		return Match{}, 0
	}
	e := i + 1
	// "Wednesday, April 5" / "Wednesday, April 5, 2017" / "Wednesday 5 April"
	k := e
	if r.isPunct(k, ',') {
		k++
	}
	if k < len(r.t) {
		if m, n := r.matchAbsolute(k); n > 0 && m.Grain == Day {
			return res(0, k+n-i, m.Date, Day)
		}
	}
	// "Tuesday last week", "Friday next week"
	if (r.kw(e) == kwLast || r.kw(e) == kwNext || r.kw(e) == kwThis) && r.kw(e+1) == kwWeek {
		shift := map[int]int{kwLast: -1, kwThis: 0, kwNext: 1}[r.kw(e)]
		d := monday(r.base).AddDate(0, 0, 7*shift+(int(wd)+6)%7)
		return res(0, e+2-i, d, Day)
	}
	d := r.weekday(wd, r.futureCue(i))
	if r.kw(e) == kwNight || r.kw(e) == kwPartOfDay {
		e++
	}
	return res(0, e-i, d, Day)
}

// ofRelYear reads "of last year", "of this year", "of next year" at k and
// returns the year shift.
func (r *resolver) ofRelYear(k int) (int, bool) {
	if r.kw(k) != kwOf || r.kw(k+2) != kwYear {
		return 0, false
	}
	switch r.kw(k + 1) {
	case kwLast:
		return -1, true
	case kwThis:
		return 0, true
	case kwNext:
		return 1, true
	}
	return 0, false
}
