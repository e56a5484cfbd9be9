package quotes

import "unicode/utf8"

// region is one quotation: the marks at [open, cs) and [ce, close), the
// quoted words at [cs, ce). A region left open at the end of a paragraph is
// closed there (closed == false).
type region struct {
	open, cs, ce, close int
	closed              bool
	single              bool // opened by a single mark (‘ or ')
}

// mark kinds
const (
	mNone = iota
	mOpen
	mClose
	mToggle // " and NYT's '' : opens when outside a quotation, closes inside
	mSingleOpen
	mSingleClose
	mSingleToggle // ASCII ': an apostrophe, or a single quotation mark
)

// markAt reports the quotation mark starting at i, its kind and width.
func markAt(t string, i int) (kind, width int) {
	c := t[i]
	switch c {
	case '"':
		return mToggle, 1
	case '`':
		if i+1 < len(t) && t[i+1] == '`' {
			return mOpen, 2
		}
	case '\'':
		if i+1 < len(t) && t[i+1] == '\'' {
			return mToggle, 2
		}
		return mSingleToggle, 1
	case 0xC2:
		if i+1 < len(t) {
			switch t[i+1] {
			case 0xAB: // «
				return mOpen, 2
			case 0xBB: // »
				return mClose, 2
			}
		}
	case 0xE2:
		if i+2 < len(t) && t[i+1] == 0x80 {
			switch t[i+2] {
			case 0x9C, 0x9E: // “ „
				return mOpen, 3
			case 0x9D: // ”
				return mClose, 3
			case 0x98: // ‘
				return mSingleOpen, 3
			case 0x99: // ’
				return mSingleClose, 3
			}
		}
	}
	return mNone, 1
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'
}

// wordByteAt reports whether the rune at i is a letter or digit.
func wordRuneAt(t string, i int) bool {
	if i < 0 || i >= len(t) {
		return false
	}
	c := t[i]
	if c < utf8.RuneSelf {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeRuneInString(t[i:])
	return isLetterRune(r)
}

// wordRuneBefore reports whether the rune ending at i is a letter or digit.
func wordRuneBefore(t string, i int) bool {
	if i <= 0 {
		return false
	}
	c := t[i-1]
	if c < utf8.RuneSelf {
		return isAlnumASCII(c)
	}
	r, _ := utf8.DecodeLastRuneInString(t[:i])
	return isLetterRune(r)
}

// findRegions scans the whole text once and returns its quotations in order.
// A paragraph (line) that ends inside a quotation continues it when the next
// paragraph opens with a quotation mark (the journalistic convention);
// otherwise the quotation is closed at the end of the paragraph.
func findRegions(t string, out []region) []region {
	in := false
	single := false // the open region was opened by ‘
	var cur region
	closeAt := func(ce, end int, closed bool) {
		cur.ce, cur.close, cur.closed, cur.single = ce, end, closed, single
		if cur.ce < cur.cs {
			cur.ce = cur.cs
		}
		out = append(out, cur)
		in = false
	}
	for i := 0; i < len(t); {
		c := t[i]
		if c == '\n' {
			if in {
				// paragraph end inside a quotation
				j := i
				for j < len(t) && isSpaceByte(t[j]) {
					j++
				}
				k, w := mNone, 0
				if j < len(t) {
					k, w = markAt(t, j)
				}
				if !single && (k == mOpen || k == mToggle) && j+w < len(t) && !isSpaceByte(t[j+w]) &&
					(t[cur.open] == '"') == (t[j] == '"') {
					// continuation paragraph (opened by the same kind of
					// mark, straight or curly): swallow its opening mark
					i = j + w
					continue
				}
				if single {
					in = false // an apostrophe, not a quotation
				} else {
					closeAt(trimRightSpace(t, cur.cs, i), i, false)
				}
			}
			i++
			continue
		}
		if c != '"' && c != '`' && c != '\'' && c != 0xC2 && c != 0xE2 {
			i++
			continue
		}
		k, w := markAt(t, i)
		switch k {
		case mOpen:
			if in && !single {
				// an opening mark inside a quotation: the previous close was lost
				closeAt(trimRightSpace(t, cur.cs, i), i, false)
			}
			if !in || !single {
				cur = region{open: i, cs: i + w}
				in, single = true, false
			}
		case mClose:
			if in && !single {
				closeAt(i, i+w, true)
			} else if !in && (i == 0 || t[i-1] == '\n' || isSpaceByte(t[i-1]) && wordRuneAt(t, i+w)) && i+w < len(t) && t[i+w] != '\n' {
				// a closing mark typed for an opening one: ”Fear. I am …”
				cur = region{open: i, cs: i + w}
				in, single = true, false
			}
		case mToggle:
			if in && !single {
				closeAt(i, i+w, true)
			} else if !in {
				// open only when it looks like an opening mark
				if i+w < len(t) && !isSpaceByte(t[i+w]) {
					cur = region{open: i, cs: i + w}
					in, single = true, false
				}
			}
		case mSingleToggle:
			if !in && !wordRuneBefore(t, i) && wordRuneAt(t, i+w) && (i == 0 || isSpaceByte(t[i-1])) && !(t[i+w] >= '0' && t[i+w] <= '9') {
				cur = region{open: i, cs: i + w}
				in, single = true, true
			} else if in && single && !wordRuneAt(t, i+w) && i > cur.cs && !isSpaceByte(t[i-1]) && (wordRuneBefore(t, i) || t[i-1] == '.' || t[i-1] == ',' || t[i-1] == '?' || t[i-1] == '!') {
				closeAt(i, i+w, true)
			}
		case mSingleOpen:
			if !in && !wordRuneBefore(t, i) && wordRuneAt(t, i+w) {
				cur = region{open: i, cs: i + w}
				in, single = true, true
			}
		case mSingleClose:
			if in && single && !wordRuneAt(t, i+w) && wordRuneBefore(t, i) {
				closeAt(i, i+w, true)
			}
		}
		i += w
	}
	if in && !single {
		closeAt(trimRightSpace(t, cur.cs, len(t)), len(t), false)
	}
	// drop empty regions
	n := 0
	for _, r := range out {
		if r.ce > r.cs {
			out[n] = r
			n++
		}
	}
	return out[:n]
}

func trimRightSpace(t string, lo, hi int) int {
	for hi > lo && isSpaceByte(t[hi-1]) {
		hi--
	}
	return hi
}
