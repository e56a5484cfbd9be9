package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Provenance kinds: what a stretch of an article says about the article
// itself rather than about the world.
const (
	ProvByline  = "byline"  // "By Jane Doe", a lone author name under the headline
	ProvOutlet  = "outlet"  // "(Caspian Wire)" in a dateline, an outlet name on its own line
	ProvCredit  = "credit"  // "Photo: Ana Pires/Eastern Ledger", "Reporting by …; Editing by …"
	ProvContrib = "contrib" // "Mirela Kovac contributed reporting from Rabat."
)

// Prov is one provenance span of the clean text: a byline, an outlet credit,
// a photo credit or a "contributed reporting" line. Its words name the
// article's authors and publishers, never actors, speakers or event sides.
type Prov struct {
	Kind       string
	Start, End int
	// Name is the outlet of a ProvOutlet span ("Caspian Wire"), else "".
	Name string
}

// maxHeader is how many lines after the headline may hold a byline or an
// outlet name before the body starts.
const maxHeader = 6

// Provenance finds the provenance lines and spans of a clean text (Clean's
// output: the headline, if any, on the first line): bylines and lone author
// or outlet names in the header and trailer of the article, photo and
// video credits, "X contributed reporting" and "Reporting by" lines, and the
// outlet in parentheses after a dateline ("LISBON, May 3 (Caspian Wire) -").
// Spans are in text order and do not overlap.
func Provenance(t string) []Prov {
	type line struct{ s, e int }
	var lines []line
	for s := 0; s < len(t); {
		e := strings.IndexByte(t[s:], '\n')
		if e < 0 {
			e = len(t)
		} else {
			e += s
		}
		ls, le := s, e
		for ls < le && isSpaceByte(t[ls]) {
			ls++
		}
		for le > ls && isSpaceByte(t[le-1]) {
			le--
		}
		if le > ls {
			lines = append(lines, line{ls, le})
		}
		s = e + 1
	}
	// the body: lines that read as prose (a sentence of several words)
	firstBody, lastBody := -1, -1
	for i, l := range lines {
		if prose(t[l.s:l.e]) {
			if firstBody < 0 {
				firstBody = i
			}
			lastBody = i
		}
	}
	var out []Prov
	for i, l := range lines {
		s := t[l.s:l.e]
		switch {
		case creditLine(s):
			out = append(out, Prov{Kind: ProvCredit, Start: l.s, End: l.e})
		case contribLine(s):
			out = append(out, Prov{Kind: ProvContrib, Start: l.s, End: l.e})
		case bylineLine(s) && (firstBody < 0 || i <= firstBody+1 || i > lastBody):
			out = append(out, Prov{Kind: ProvByline, Start: l.s, End: l.e})
		case i > 0 && firstBody >= 0 && nameLine(s) && (paragraph(t, l.s, l.e) && (i < firstBody && i <= maxHeader || i > lastBody) ||
			i+1 == firstBody && i <= maxHeader && datelineStart(t[lines[i+1].s:lines[i+1].e])):
			// a name alone under the headline or at the end, or right above the dateline
			out = append(out, Prov{Kind: ProvByline, Start: l.s, End: l.e})
		default:
			if i == firstBody || i == firstBody+1 {
				if p, ok := datelineOutlet(t, l.s, l.e); ok {
					out = append(out, p)
					continue
				}
			}
			out = append(out, inlineCredits(t, l.s, l.e)...)
		}
	}
	return out
}

// paragraph reports whether the line [s, e) is a paragraph of its own: a
// blank line (or the start or end of the text) before and after it.
func paragraph(t string, s, e int) bool {
	blank := func(i, step int) bool {
		n := 0
		for ; i >= 0 && i < len(t); i += step {
			switch t[i] {
			case '\n':
				n++
				if n == 2 {
					return true
				}
			case ' ', '\t', '\r':
			default:
				return false
			}
		}
		return true
	}
	return blank(s-1, -1) && blank(e, 1)
}

// prose reports a line that reads as running text: at least eight words and
// ending with sentence punctuation or a closing quotation mark.
func prose(s string) bool {
	if len(strings.Fields(s)) < 8 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?\"”’'):", r)
}

// capWords splits s into words and reports whether every word is a
// capitalised name word (or a name particle, an initial, "and", "&").
func capWords(s string) ([]string, bool) {
	ws := strings.Fields(s)
	for _, w := range ws {
		w = strings.Trim(w, ",;")
		if w == "" || w == "and" || w == "&" || w == "de" || w == "van" || w == "von" || w == "al" || w == "bin" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return ws, false
		}
		for _, c := range w {
			if unicode.IsDigit(c) {
				return ws, false
			}
		}
	}
	return ws, true
}

// nameLine reports a line that is only a name or two: two to five
// capitalised words without sentence punctuation ("Halvard Lund",
// "Eastern Ledger").
func nameLine(s string) bool {
	if len(s) > 80 || strings.ContainsAny(s, ".!?:\"“”()[]|") && !initialsOnly(s) {
		return false
	}
	ws, ok := capWords(s)
	if !ok || len(ws) < 2 || len(ws) > 5 {
		return false
	}
	upper := 0
	for _, w := range ws {
		if strings.ToUpper(w) == w {
			upper++
		}
	}
	return upper < len(ws) // an all-capitals line is a dateline or a heading
}

// initialsOnly reports a name whose only periods end initials ("Mary J. Blige").
func initialsOnly(s string) bool {
	if strings.ContainsAny(s, "!?:\"“”()[]|") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if strings.Contains(w, ".") && !(len(w) == 2 && w[1] == '.') {
			return false
		}
	}
	return true
}

// bylineLine reports "By Jane Doe", "By Jane Doe and Tomas Ribeiro, Caspian
// Wire", "BY JANE DOE".
func bylineLine(s string) bool {
	if len(s) > 120 {
		return false
	}
	rest, ok := cutPrefixFold(s, "by ")
	if !ok {
		return false
	}
	rest = strings.TrimSpace(rest)
	rest = strings.NewReplacer(" | ", " ", " - ", " ", "|", " ").Replace(rest)
	ws, ok := capWords(strings.TrimRight(rest, "."))
	return ok && len(ws) >= 1 && len(ws) <= 12 && !strings.ContainsAny(rest, "\"“”")
}

// creditWords open a photo, video or graphic credit line.
var creditWords = []string{"photo", "photos", "photograph", "photographs", "image", "images", "picture", "pictures",
	"video", "graphic", "graphics", "illustration", "credit", "photo credit", "image credit", "photo by", "photos by",
	"video by", "reporting by", "additional reporting by", "editing by", "writing by", "compiled by", "produced by"}

// creditLine reports "Photo: Ana Pires/Eastern Ledger", "Reporting by Jane
// Doe; Editing by Tom Brown".
func creditLine(s string) bool {
	if len(s) > 200 {
		return false
	}
	for _, w := range creditWords {
		rest, ok := cutPrefixFold(s, w)
		if !ok {
			continue
		}
		rest = strings.TrimLeft(rest, " ")
		if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "|") || strings.HasSuffix(w, " by") && rest != "" && !prose(s) {
			return true
		}
	}
	return false
}

// contribPhrases mark a line crediting reporters.
var contribPhrases = []string{"contributed reporting", "contributed to this report", "contributed to this article",
	"contributed additional reporting", "also contributed reporting"}

// contribLine reports "Mirela Kovac contributed reporting from Rabat." as a
// short paragraph of its own.
func contribLine(s string) bool {
	if len(s) > 300 {
		return false
	}
	l := strings.ToLower(s)
	for _, p := range contribPhrases {
		if i := strings.Index(l, p); i > 0 {
			_, ok := capWords(strings.TrimSpace(s[:i]))
			return ok
		}
	}
	return false
}

// datelineStart reports a line opening with a dateline: a place in
// capitals followed by a comma, a parenthesis or a dash ("MOSCOW, May 3",
// "WASHINGTON (AP) —").
func datelineStart(l string) bool {
	i := 0
	for i < len(l) && (l[i] >= 'A' && l[i] <= 'Z' || l[i] == '.' || l[i] == ' ' && i+1 < len(l) && l[i+1] >= 'A' && l[i+1] <= 'Z') {
		i++
	}
	if i < 3 || i >= len(l) {
		return false
	}
	rest := l[i:]
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, " (") || strings.HasPrefix(rest, " -") || strings.HasPrefix(rest, " —") || strings.HasPrefix(rest, " –")
}

// creditOpeners open a credit in parentheses inside a caption: "(Photo:
// Ana Pires/Eastern Ledger)", "(AP Photo/Evan Vucci)", "(Getty Images)".
var creditOpeners = []string{"photo:", "photo by", "photos:", "photograph:", "image:", "credit:", "video:",
	"ap photo", "afp photo", "reuters/", "getty images", "file photo", "pool photo"}

// inlineCredits finds credits in parentheses in the line [s, e).
func inlineCredits(t string, s, e int) []Prov {
	var out []Prov
	for i := s; i < e; i++ {
		if t[i] != '(' {
			continue
		}
		j := strings.IndexByte(t[i:e], ')')
		if j < 0 || j > 120 {
			continue
		}
		in := strings.TrimSpace(t[i+1 : i+j])
		for _, w := range creditOpeners {
			if _, ok := cutPrefixFold(in, w); ok {
				out = append(out, Prov{Kind: ProvCredit, Start: i, End: i + j + 1})
				break
			}
		}
		i += j
	}
	return out
}

// datelineOutlet finds the outlet credited in a dateline, "LISBON, May 3
// (Caspian Wire) -" or "WASHINGTON (AP) —", in the line [s, e).
func datelineOutlet(t string, s, e int) (Prov, bool) {
	l := t[s:e]
	open := strings.IndexByte(l, '(')
	if open <= 0 || open > 60 {
		return Prov{}, false
	}
	if w, _, _ := strings.Cut(l, " "); len(strings.TrimRight(w, ",")) < 2 || strings.ToUpper(w) != w || strings.ToLower(w) == w {
		// a dateline opens with a place in capitals, or is a place alone: "Washington (AFP) -"
		if ws, ok := capWords(l[:open]); !ok || len(ws) > 3 {
			return Prov{}, false
		}
	}
	close := strings.IndexByte(l[open:], ')')
	if close < 0 || close > 50 {
		return Prov{}, false
	}
	close += open
	// a dash (or colon) follows the parenthesis
	rest := strings.TrimLeft(l[close+1:], " \u00a0")
	if !(strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, ":")) {
		return Prov{}, false
	}
	// the dateline before it: capitalised place words, commas, a date
	head := l[:open]
	if strings.ContainsAny(head, ".!?\"“") && !strings.Contains(head, ".,") && !abbrevDots(head) {
		return Prov{}, false
	}
	name := strings.TrimSpace(l[open+1 : close])
	ws, ok := capWords(name)
	// "(R-S.C.)" after a senator's name is no outlet
	if !ok || strings.ContainsAny(name, ".-") || len(ws) == 0 || len(ws) > 5 {
		return Prov{}, false
	}
	return Prov{Kind: ProvOutlet, Start: s + open, End: s + close + 1, Name: name}, true
}

// abbrevDots reports periods that only end abbreviations of a dateline
// ("Sept.", "D.C.", "Calif.").
func abbrevDots(s string) bool {
	for _, w := range strings.Fields(s) {
		w = strings.TrimRight(w, ",")
		if strings.Contains(w, ".") && len(w) > 6 {
			return false
		}
	}
	return true
}

// cutPrefixFold is strings.CutPrefix ignoring ASCII case.
func cutPrefixFold(s, p string) (string, bool) {
	if len(s) < len(p) || !strings.EqualFold(s[:len(p)], p) {
		return s, false
	}
	return s[len(p):], true
}
