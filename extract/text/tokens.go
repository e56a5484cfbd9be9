package text

import (
	"unicode"
	"unicode/utf8"
)

// Token is a word or punctuation token: text[Start:End] == Text.
type Token struct {
	Start, End int
	Text       string
}

// Tokens splits text[start:end] into word and punctuation tokens with absolute
// byte offsets. Words keep internal apostrophes ("don't"), hyphens
// ("al-Assad"), digit separators ("5,000", "3.5") and the periods of
// abbreviations and initials ("U.S.", "Jan.", "W."); the possessive "'s" /
// "’s" is a token of its own; quotes and other punctuation are one token per
// character, except that a run of periods ("...") is one token.
func Tokens(text string, start, end int) []Token {
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return nil
	}
	out := make([]Token, 0, (end-start)/5+1)
	i := start
	for i < end {
		if c := text[i]; c == ' ' || c == '\n' {
			i++
			continue
		}
		r, size := decodeAt(text, i, end)
		printableASCII := r > ' ' && r < 0x7f
		if !printableASCII && (unicode.IsSpace(r) || unicode.IsControl(r) || classifyRune(r) == runeSpace || classifyRune(r) == runeDrop) {
			i += size
			continue
		}
		if isWordRune(r) {
			j := scanWord(text, i, end)
			out = append(out, Token{i, j, text[i:j]})
			i = j
			continue
		}
		j := i + size
		if r == '.' {
			for j < end && text[j] == '.' {
				j++
			}
		} else if (r == '\'' || r == '’') && j < end && (text[j] == 's' || text[j] == 'S') && !isWordAt(text, j+1, end) {
			// "'s" at the start of the range or after a non-word: keep together.
			j++
		}
		out = append(out, Token{i, j, text[i:j]})
		i = j
	}
	return out
}

func decodeAt(text string, i, end int) (rune, int) {
	c := text[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(text[i:end])
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func isWordAt(text string, i, end int) bool {
	if i >= end {
		return false
	}
	r, _ := decodeAt(text, i, end)
	return isWordRune(r)
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// scanWord returns the end of the word starting at i.
func scanWord(text string, i, end int) int {
	start := i
	dotted := false // has an internal period between letters
	for i < end {
		r, size := decodeAt(text, i, end)
		if isWordRune(r) {
			i += size
			continue
		}
		next := i + size
		switch r {
		case '\'', '’':
			// Possessive / contraction "'s": separate token.
			if next < end && (text[next] == 's' || text[next] == 'S') && !isWordAt(text, next+1, end) {
				return i
			}
			if isWordAt(text, next, end) && i > start {
				i = next
				continue
			}
		case '-', '‐':
			if isWordAt(text, next, end) {
				i = next
				continue
			}
		case ',':
			if isDigitByte(text[i-1]) && next < end && isDigitByte(text[next]) {
				i = next
				continue
			}
		case '.':
			if isWordAt(text, next, end) {
				if !isDigitByte(text[i-1]) {
					dotted = true
				}
				i = next
				continue
			}
		}
		break
	}
	// A final period belongs to abbreviations and initials.
	if i < end && text[i] == '.' && (i+1 >= end || text[i+1] != '.') {
		w := text[start:i]
		if _, ok := abbreviations[w]; ok {
			return i + 1
		}
		if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && w[0] != 'I' {
			return i + 1
		}
		if dotted && isDottedAbbrev(w) {
			return i + 1
		}
	}
	return i
}

// OpenPunct reports a token after which a new clause or quotation starts
// (an opening quote or bracket, a dash, a colon or semicolon), so the next
// word is capitalised for that reason alone.
func OpenPunct(s string) bool {
	switch s {
	case "\"", "“", "‘", "'", "(", "[", "-", "—", "–", ":", ";", "``", "«":
		return true
	}
	return false
}
