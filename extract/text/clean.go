package text

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Clean returns the article's clean text, the text all offsets refer to.
//
// The body is made valid UTF-8 (invalid bytes become U+FFFD) and NFC
// normalised; odd spaces and tabs become ' '; zero-width, bidi and control
// characters (except '\n') are removed; "\r\n" and "\r" become '\n'; spaces
// are collapsed and trimmed at line ends; runs of blank lines collapse into a
// single blank line. Curly quotes are kept. A first line repeating the title
// is dropped, and navigation/engagement boilerplate ("Share this article",
// "Advertisement", "© 2017 ...") is removed when it forms the tail of the text
// or stands alone on a short line.
func Clean(title, body string) string {
	s := normalize(body)
	if s == "" {
		return ""
	}
	lines := strings.Split(s, "\n")
	lines = dropBoilerplate(lines)
	lines = dropTitleLine(lines, title)
	return joinLines(lines)
}

// CleanLine cleans a one-line field (a title, a source name) the way Clean
// cleans the body's characters (valid UTF-8, NFC, no zero-width, bidi or
// control characters, odd spaces made plain), with line breaks made spaces.
func CleanLine(s string) string {
	return strings.Join(strings.Fields(normalize(s)), " ")
}

// normalize performs the character-level part of Clean.
func normalize(body string) string {
	if !utf8.ValidString(body) {
		body = strings.ToValidUTF8(body, "\uFFFD")
	}
	var b strings.Builder
	b.Grow(len(body))
	nl := 0        // pending newlines
	space := false // pending space
	emit := func() {
		if b.Len() > 0 {
			if nl > 0 {
				if nl == 1 {
					b.WriteByte('\n')
				} else {
					b.WriteString("\n\n")
				}
			} else if space {
				b.WriteByte(' ')
			}
		}
		nl = 0
		space = false
	}
	for i := 0; i < len(body); {
		c := body[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '\n':
				nl++
				space = false
			case c == '\r':
				nl++
				space = false
				if i+1 < len(body) && body[i+1] == '\n' {
					i++
				}
			case c == ' ' || c == '\t' || c == '\v' || c == '\f':
				space = true
			case c < 0x20 || c == 0x7f:
				// control character: dropped
			default:
				// A run of printable ASCII is copied at once.
				j := i + 1
				for j < len(body) && body[j] > ' ' && body[j] < 0x7f {
					j++
				}
				emit()
				b.WriteString(body[i:j])
				i = j
				continue
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(body[i:])
		switch classifyRune(r) {
		case runeSpace:
			space = true
		case runeNewline:
			nl++
			space = false
		case runeParagraph:
			nl += 2
			space = false
		case runeDrop:
		default:
			emit()
			b.WriteString(body[i : i+size])
		}
		i += size
	}
	out := b.String()
	if !isASCII(out) {
		// After removals, so that dropped characters cannot leave a
		// non-NFC sequence behind. NFC creates no spaces or controls.
		out = norm.NFC.String(out)
	}
	return out
}

const (
	runeKeep = iota
	runeSpace
	runeNewline
	runeParagraph
	runeDrop
)

func classifyRune(r rune) int {
	switch {
	case r == 0x00A0, r == 0x1680, r >= 0x2000 && r <= 0x200B, r == 0x202F, r == 0x205F, r == 0x3000:
		return runeSpace
	case r == 0x0085, r == 0x2028:
		return runeNewline
	case r == 0x2029:
		return runeParagraph
	case r >= 0x80 && r <= 0x9F, // C1 controls
		r == 0x00AD,                // soft hyphen
		r == 0x180E,                // Mongolian vowel separator
		r >= 0x200C && r <= 0x200F, // ZWNJ, ZWJ, LRM, RLM
		r >= 0x202A && r <= 0x202E, // bidi embeddings
		r >= 0x2060 && r <= 0x2064, // word joiner, invisible operators
		r >= 0x2066 && r <= 0x2069, // bidi isolates
		r == 0xFEFF,                // BOM / ZWNBSP
		r >= 0xFFF9 && r <= 0xFFFB: // interlinear annotation
		return runeDrop
	}
	return runeKeep
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// fold lowercases s and collapses whitespace, for loose comparisons.
func fold(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// foldTitle folds s and strips trailing sentence punctuation.
func foldTitle(s string) string {
	return strings.TrimRight(fold(normalize(s)), " .:!?")
}

// dropTitleLine drops leading lines that repeat the title (once or several
// times: "T", "T T"). Without a title, the first line is kept and only
// lines right after it that repeat it are dropped.
func dropTitleLine(lines []string, title string) []string {
	if len(lines) == 0 {
		return lines
	}
	t := foldTitle(title)
	keepFirst := false
	if t == "" {
		t = foldTitle(lines[0])
		keepFirst = true
		if t == "" || len(t) > 300 {
			return lines
		}
	}
	i := 0
	if keepFirst {
		i = 1
	}
	j := i
	for j < len(lines) {
		if lines[j] == "" {
			j++
			continue
		}
		if !repeats(lines[j], t) {
			break
		}
		j++
		i = j
	}
	if i == 0 || keepFirst && i == 1 {
		return lines
	}
	if keepFirst {
		return append(lines[:1:1], lines[i:]...)
	}
	for i < len(lines) && lines[i] == "" {
		i++
	}
	return lines[i:]
}

// repeats reports a line made of the folded title t, once or more.
func repeats(line, t string) bool {
	if len(line) > 8*len(t)+16 {
		return false
	}
	l := foldTitle(line)
	if l == t {
		return true
	}
	if !strings.HasPrefix(l, t) {
		return false
	}
	for _, part := range strings.Split(l, t) {
		if strings.Trim(part, " .:!?|-–—") != "" {
			return false
		}
	}
	return true
}

// dropBoilerplate removes the boilerplate tail and short standalone
// boilerplate lines anywhere in the text.
func dropBoilerplate(lines []string) []string {
	// Tail: walk back while lines are empty or look like boilerplate.
	end := len(lines)
	for end > 0 {
		l := lines[end-1]
		if l == "" || isTailBoilerplate(l) {
			end--
			continue
		}
		break
	}
	lines = lines[:end]
	// Standalone lines anywhere.
	out := lines[:0]
	for _, l := range lines {
		if l != "" && isStandaloneBoilerplate(l) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func joinLines(lines []string) string {
	// Collapse blank-line runs created by removals and trim ends.
	var b strings.Builder
	n := 0
	for _, l := range lines {
		n += len(l) + 1
	}
	b.Grow(n)
	blank := false
	for _, l := range lines {
		if l == "" {
			blank = true
			continue
		}
		if b.Len() > 0 {
			if blank {
				b.WriteString("\n\n")
			} else {
				b.WriteByte('\n')
			}
		}
		blank = false
		b.WriteString(l)
	}
	return b.String()
}

// standalonePhrases are whole lines (after folding and trimming punctuation)
// that are boilerplate wherever they stand.
var standalonePhrases = map[string]bool{
	"advertisement": true, "advertisements": true, "ad": true, "sponsored": true, "sponsored content": true,
	"share this article": true, "share this story": true, "share this": true, "share": true,
	"share on facebook": true, "share on twitter": true, "share on linkedin": true, "share on whatsapp": true,
	"share via email": true, "email this article": true, "print this article": true, "print": true,
	"tweet": true, "facebook": true, "twitter": true, "linkedin": true, "whatsapp": true, "email": true, "pinterest": true, "reddit": true,
	"subscribe to our newsletter": true, "sign up for our newsletter": true, "subscribe": true, "sign up": true,
	"leave a comment": true, "comments": true, "show comments": true, "view comments": true, "add a comment": true,
	"related articles": true, "related stories": true, "related": true, "related content": true, "more on this story": true,
	"read more": true, "continue reading": true, "read next": true, "recommended": true, "most read": true, "most popular": true,
	"follow us on twitter": true, "follow us on facebook": true, "follow us": true, "click here": true,
	"skip to content": true, "skip to main content": true, "back to top": true, "scroll to continue with content": true,
	"story continues below advertisement": true, "article continues below": true, "all rights reserved": true,
}

// tailPrefixes start lines that are boilerplate when they are in the tail
// (and short).
var tailPrefixes = []string{
	"share this", "share on ", "share via", "share:", "tweet this",
	"subscribe", "sign up", "newsletter",
	"leave a comment", "comments", "join the conversation", "post a comment", "add a comment",
	"related", "read more", "more:", "more from", "more on", "see also", "you may also like", "you might also like", "recommended",
	"advertisement", "sponsored",
	"follow us", "follow @", "click here", "like us on facebook",
	"tags:", "topics:", "filed under", "this article was", "this story was", "download our app", "get the app",
}

const maxBoilerLine = 160

func lineKey(l string) string {
	return strings.TrimFunc(fold(l), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSpace(r) || r == '|' || r == '»' || r == '›' || r == '>'
	})
}

func isStandaloneBoilerplate(l string) bool {
	if len(l) > 60 {
		return false
	}
	return standalonePhrases[lineKey(l)]
}

func isTailBoilerplate(l string) bool {
	if len(l) > maxBoilerLine {
		return false
	}
	if standalonePhrases[lineKey(l)] {
		return true
	}
	k := fold(l)
	if strings.Contains(k, "all rights reserved") {
		return true
	}
	kk := strings.TrimLeft(k, "-–—•*|>»([ ")
	for _, p := range strongTailPrefixes {
		if strings.HasPrefix(kk, p) {
			return true
		}
	}
	if len(kk) > 80 || looksLikeProse(kk) {
		return false
	}
	if !endsSentence(kk) {
		for _, w := range tailKeywords {
			if strings.Contains(kk, w) {
				return true
			}
		}
	}
	for _, p := range tailPrefixes {
		if strings.HasPrefix(kk, p) {
			return true
		}
	}
	return false
}

// strongTailPrefixes mark credit/copyright lines, boilerplate however they end.
var strongTailPrefixes = []string{
	"©", "(c) ", "copyright ", "reporting by", "additional reporting by", "editing by", "writing by", "compiled by",
}

// looksLikeProse reports a sentence: several words and final punctuation.
func looksLikeProse(k string) bool {
	if k == "" {
		return false
	}
	switch k[len(k)-1] {
	case '.', '!', '?', '"':
	default:
		return false
	}
	return strings.Count(k, " ") >= 5
}

// tailKeywords mark short unpunctuated tail lines as engagement boilerplate
// ("Add new comment", "Read our comment policy before posting").
var tailKeywords = []string{"comment", "newsletter", "subscribe", "sign up", "log in", "login", "share this",
	"advertis", "follow us", "all rights reserved", "cookie", "privacy policy", "terms of use", "terms of service"}

func endsSentence(k string) bool {
	if k == "" {
		return false
	}
	switch k[len(k)-1] {
	case '.', '!', '?', '"':
		return true
	}
	return strings.HasSuffix(k, "”") || strings.HasSuffix(k, "’")
}
