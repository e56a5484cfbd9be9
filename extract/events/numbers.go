package events

import (
	"slices"
	"strconv"
	"strings"

	"github.com/geokg/geokg/extract/text"
)

// Number is a count stated in a sentence.
type Number struct {
	Span
	Value float64
	// Unit is the head noun counted ("missiles", "people", "troops", "dollars").
	Unit string
	// Fatalities is set for deaths: "86 people were killed", "killing 12", "12 dead".
	Fatalities bool
	// Injured is set for the wounded: "40 injured", "wounding 40".
	Injured bool
}

var (
	numberWords = map[string]float64{
		"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
		"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
		"seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
		"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
	}
	multipliers = map[string]float64{
		"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
		"mln": 1e6, "bln": 1e9, "bn": 1e9, "m": 1e6, "k": 1e3,
	}
	qualifiers = set("least", "than", "some", "about", "nearly", "over", "to", "around", "almost", "approximately",
		"roughly", "estimated", "only", "just", "exactly", "least", "fewer", "under", "another", "additional")
	months = set("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
		"november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.",
		"nov.", "dec.", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec")
	percentWords = set("percent", "per", "%", "pct", "percentage", "percentage-point", "basis")
	timeWords    = set("a.m.", "p.m.", "am", "pm", "gmt", "utc", "o'clock", "hrs", "local", "edt", "est", "cet")
	ageWords     = set("aged", "age", "ages")
	refWords     = set("resolution", "article", "section", "chapter", "page", "flight", "route", "highway", "no.",
		"number", "room", "part", "phase", "level", "grade", "act", "paragraph", "item", "clause", "division",
		"brigade", "corps", "district", "precinct", "road", "street", "channel", "model", "version", "seat",
		"platform", "gate", "terminal", "unit", "block", "building", "lot", "ward", "zone", "sector", "group",
		"pages", "vol.", "volume", "line", "term", "day", "week", "year", "month", "round", "summit")
	currency = map[string]string{"$": "dollars", "us$": "dollars", "€": "euros", "£": "pounds", "¥": "yen",
		"usd": "dollars", "eur": "euros", "gbp": "pounds"}
	unitNouns = set("people", "police", "personnel", "dead", "children", "men", "women", "staff", "cattle", "aircraft",
		"militia", "infantry", "artillery", "ammunition", "equipment", "dollars", "euros", "pounds", "yen", "yuan",
		"rupees", "rubles", "roubles", "tons", "tonnes", "barrels", "kilometres", "kilometers", "miles", "km",
		"person", "soldier", "civilian", "man", "woman", "child", "missile", "troop", "member", "officer",
		"refugee", "prisoner", "hostage", "journalist", "protester", "dollar", "ton", "tonne", "body", "migrant")
	unitStop = set("of", "and", "or", "were", "was", "is", "are", "have", "has", "had", "in", "on", "at", "from",
		"to", "who", "that", "which", "more", "than", "the", "a", "an", "by", "for", "with", "into", "as", "been",
		"be", "will", "would", "could", "since", "after", "before", "during", "while", "when", "over", "under",
		"this", "last", "next", "each", "per", "among", "including", "out", "but", "said", "says", "say", "killed",
		"dead", "died", "wounded", "injured", "hurt", "missing", "each", "times", "its", "their", "his", "her")
	killAfter   = set("killed", "dead", "died", "deaths", "fatalities", "bodies", "lives", "perished", "slain", "murdered", "executed", "massacred", "drowned")
	killBefore  = set("killing", "killed", "kill", "kills", "toll", "deaths", "claimed", "claiming", "massacred", "executed", "executing", "murdered", "slaughtered", "slew")
	injAfter    = set("wounded", "injured", "hurt", "injuries", "casualties")
	injBefore   = set("wounding", "wounded", "injuring", "injured", "hurting", "hurt")
	betweenAux  = set("were", "was", "have", "has", "had", "been", "are", "is", "reportedly", "also", "being", "all", "people", "persons", "later", "who", "and")
	vaguePlural = set("dozens", "hundreds", "thousands", "millions", "billions", "scores", "tens")
)

// Numbers finds the counts stated in one sentence: digits ("59", "1,200",
// "3.5 million"), number words ("two", "twenty-five", "a dozen"), with a
// preceding "at least", "more than", "some" kept in the span. Years, dates,
// ages, percentages, clock times, reference numbers and vague amounts
// ("dozens of") are skipped.
func Numbers(text string, toks []text.Token) []Number {
	_ = text
	if len(toks) == 0 {
		return nil
	}
	buf := scratchPool.Get().(*scratch)
	defer buf.put()
	ts := slices.Grow(buf.lower[:0], len(toks))[:len(toks)]
	buf.lower = ts
	for i, t := range toks {
		ts[i] = buf.word(t.Text).lower
		if ts[i] == "" {
			ts[i] = "\x00"
		}
	}
	var out []Number
	for i := 0; i < len(ts); i++ {
		v, end, ok := parseNumber(ts, i)
		if !ok {
			continue
		}
		if skipNumber(ts, toks, i, end, v) {
			i = end
			continue
		}
		n := Number{Value: v}
		start := i
		// currency before the number
		if i > 0 {
			if u, ok := currency[ts[i-1]]; ok {
				n.Unit = u
				start = i - 1
			}
		}
		// qualifiers: "at least", "more than", "up to", "some"
		for start > 0 && qualifiers[ts[start-1]] && (ts[start-1] != "to" || start > 1 && ts[start-2] == "up") && (ts[start-1] != "over" || start == 1 || !killBefore[ts[start-2]]) {
			start--
			if start > 0 && (ts[start-1] == "at" || ts[start-1] == "more" || ts[start-1] == "up" || ts[start-1] == "less" || ts[start-1] == "fewer" || ts[start-1] == "no") {
				start--
			}
		}
		last := end
		if n.Unit == "" {
			if u, j := unitAfter(ts, end+1, v); u != "" {
				n.Unit, last = u, j
			}
		} else if end+1 < len(ts) {
			if m, ok := multipliers[ts[end+1]]; ok && ts[end+1] != "m" {
				n.Value *= m
				last = end + 1
			}
		}
		if n.Unit == "dead" {
			n.Unit, n.Fatalities = "people", true
		}
		cueAfter(ts, last+1, &n)
		if !n.Fatalities && !n.Injured {
			cueBefore(ts, start-1, &n)
		}
		if (n.Fatalities || n.Injured) && n.Unit == "" {
			n.Unit = "people"
		}
		n.Span = Span{toks[start].Start, toks[last].End}
		out = append(out, n)
		i = last
	}
	return out
}

// parseNumber reads the number starting at token i; end is its last token.
func parseNumber(ts []string, i int) (float64, int, bool) {
	t := ts[i]
	if t == "" {
		return 0, i, false
	}
	var v float64
	switch {
	case t[0] >= '0' && t[0] <= '9':
		s := strings.ReplaceAll(t, ",", "")
		f, err := strconv.ParseFloat(s, 64)
		if err != nil || strings.Count(t, ".") > 1 {
			return 0, i, false
		}
		v = f
	case t == "a" || t == "an":
		if i+1 < len(ts) && ts[i+1] == "dozen" {
			return 12, i + 1, true
		}
		return 0, i, false
	default:
		w, ok := wordValue(t)
		if !ok {
			return 0, i, false
		}
		v = w
	}
	end := i
	for end+1 < len(ts) {
		m, ok := multipliers[ts[end+1]]
		if !ok || ts[end+1] == "m" || ts[end+1] == "k" && (t[0] < '0' || t[0] > '9') {
			break
		}
		v *= m
		end++
	}
	return v, end, true
}

func wordValue(t string) (float64, bool) {
	if v, ok := numberWords[t]; ok {
		return v, true
	}
	if a, b, ok := strings.Cut(t, "-"); ok {
		va, oka := numberWords[a]
		vb, okb := numberWords[b]
		if oka && okb && va >= 20 && vb < 10 {
			return va + vb, true
		}
	}
	return 0, false
}

// skipNumber reports numbers that are not counts: years, dates, ages,
// percentages, times, reference numbers, "one of", vague words.
func skipNumber(ts []string, toks []text.Token, i, end int, v float64) bool {
	t := ts[i]
	prev, next := "", ""
	if i > 0 {
		prev = ts[i-1]
	}
	if end+1 < len(ts) {
		next = ts[end+1]
	}
	digits := t[0] >= '0' && t[0] <= '9'
	if percentWords[next] || timeWords[next] || ageWords[prev] || refWords[prev] || months[prev] || months[next] {
		return true
	}
	if next == "years" || next == "year" || next == "year-old" || next == "years-old" {
		if end+2 < len(ts) && (ts[end+2] == "old" || ts[end+2] == "of") || next != "years" && next != "year" {
			return true
		}
	}
	if strings.Contains(t, ":") || next == ":" || next == "." && end+2 < len(ts) && isDigits(ts[end+2]) ||
		prev == ":" && i >= 2 && isDigits(ts[i-2]) {
		return true // clock times "10:30"
	}
	if digits && end == i && v >= 1800 && v <= 2100 && !strings.ContainsAny(t, ",.") {
		// a year, unless a plural noun follows ("2000 troops")
		if !(next != "" && strings.HasSuffix(next, "s") && !unitStop[next] && !months[next]) {
			return true
		}
	}
	if !digits && (next == "of" || next == "another" || prev == "no" || t == "one" && (next == "" || unitStop[next] || prev == "the" || prev == "this" || prev == "that")) {
		return true
	}
	if prev == "," && next == "," && i >= 2 && len(toks[i-2].Text) > 0 && toks[i-2].Text[0] >= 'A' && toks[i-2].Text[0] <= 'Z' {
		return true // an age after a name: "John Smith, 45,"
	}
	if prev == "#" || prev == "no" || prev == "page" {
		return true
	}
	_ = vaguePlural
	return false
}

// unitAfter finds the head noun counted, scanning past modifiers
// ("59 Tomahawk missiles", "12 unarmed military observers").
func unitAfter(ts []string, i int, v float64) (string, int) {
	j := i
	if j < len(ts) && ts[j] == "of" && j+1 < len(ts) && (ts[j+1] == "the" || ts[j+1] == "them" || ts[j+1] == "its" || ts[j+1] == "their") {
		j += 2
	}
	for k := j; k < len(ts) && k < j+4; k++ {
		w := ts[k]
		if w == "" || !isWordy(w) || unitStop[w] && w != "dead" {
			break
		}
		if w == "dead" {
			return "dead", k
		}
		if unitNouns[w] && (v == 1 || w != "person" && w != "soldier" && w != "civilian") || len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "ous") {
			return w, k
		}
		if v == 1 && k == j && len(w) > 2 {
			return w, k
		}
	}
	return "", i - 1
}

func isWordy(w string) bool {
	for _, r := range w {
		if r >= 'a' && r <= 'z' || r > 0x7f {
			return true
		}
	}
	return false
}

// cueAfter marks deaths and injuries stated after the counted phrase:
// "86 people were killed", "12 dead", "40 injured".
func cueAfter(ts []string, i int, n *Number) {
	for k := i; k < len(ts) && k < i+4; k++ {
		w := ts[k]
		if killAfter[w] {
			if w == "lives" && (k == i || ts[k-1] != "their" && ts[k-1] != "lost") && k != i {
				return
			}
			n.Fatalities = true
			return
		}
		if injAfter[w] {
			n.Injured = true
			return
		}
		if !betweenAux[w] {
			return
		}
	}
}

// cueBefore marks deaths and injuries stated before the number: "killing 12",
// "the death toll rose to 40", "wounding 40".
func cueBefore(ts []string, i int, n *Number) {
	for k := i; k >= 0 && k > i-8; k-- {
		w := ts[k]
		if killBefore[w] {
			if (w == "claimed" || w == "claiming") && !n.livesUnit() {
				return
			}
			n.Fatalities = true
			return
		}
		if injBefore[w] {
			n.Injured = true
			return
		}
		if w == "," || w == "and" || w == "." || w == ";" || w[0] >= '0' && w[0] <= '9' {
			return
		}
	}
}

func (n *Number) livesUnit() bool { return n.Unit == "lives" }

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
