package text

import (
	"unicode"
	"unicode/utf8"
)

// Sentence is a sentence of a text as byte offsets: text[Start:End], End
// exclusive, trimmed of surrounding space.
type Sentence struct{ Start, End int }

// Text returns the sentence's text within text.
func (s Sentence) Text(text string) string { return text[s.Start:s.End] }

// Sentences splits text into sentences. A newline always ends a sentence;
// within a line, '.', '!', '?', '…' end a sentence when followed by space and
// a word that can start one. Abbreviations, initials, decimal numbers and
// ellipses are handled; closing quotes and brackets after the final
// punctuation belong to the sentence they close. It runs in linear time.
func Sentences(text string) []Sentence {
	out := make([]Sentence, 0, len(text)/120+1)
	start := 0      // start of the current sentence candidate
	quoted := false // inside an ASCII double quote (parity within the line)
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		switch {
		case c == '\n':
			out = appendSentence(out, text, start, i)
			start = i + 1
			quoted = false
			i++
			continue
		case c == '"':
			quoted = !quoted
			i++
			continue
		case c == '.' || c == '!' || c == '?':
		case c == 0xE2 && i+2 < n && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
		case c == 0xE3 && i+2 < n && text[i+1] == 0x80 && text[i+2] == 0x82: // 。
			i += 3
			i = absorbClosers(text, i, &quoted)
			out = appendSentence(out, text, start, i)
			start = i
			continue
		default:
			i++
			continue
		}
		// A run of terminators.
		term := i
		dots, qe, ell := 0, false, false
		for i < n {
			if text[i] == '.' {
				dots++
				i++
			} else if text[i] == '!' || text[i] == '?' {
				qe = true
				i++
			} else if text[i] == 0xE2 && i+2 < n && text[i+1] == 0x80 && text[i+2] == 0xA6 {
				ell = true
				i += 3
			} else {
				break
			}
		}
		single := !qe && !ell && dots == 1
		ellipsis := !qe && (ell || dots > 1)
		beforeClosers := i
		i = absorbClosers(text, i, &quoted)
		closed := i > beforeClosers
		end := i
		// Must be followed by space (or end of line/text).
		if i < n && !isHSpace(text[i]) && text[i] != '\n' {
			continue
		}
		j := skipHSpace(text, i)
		// A detached closing quote: "... ready. ”" or an ASCII quote that closes.
		if j < n && (hasPrefixAt(text, j, "”") || hasPrefixAt(text, j, "’") || text[j] == '"' && quoted || text[j] == ')') {
			q := quoted
			k := absorbClosers(text, j, &q)
			if k >= n || isHSpace(text[k]) || text[k] == '\n' {
				end = k
				i = k
				j = skipHSpace(text, k)
				quoted = q
			}
			// Otherwise a word is glued after it: an opening quote of the next sentence.
		}
		if j >= n || text[j] == '\n' {
			out = appendSentence(out, text, start, end)
			start = end
			i = j
			continue
		}
		if qe && closed && speechFollows(text, j) {
			// "Why?" Graham asked. — the question is part of the sentence.
			continue
		}
		if isBoundary(text, term, single, ellipsis, j) {
			out = appendSentence(out, text, start, end)
			start = j
			i = j
		}
	}
	out = appendSentence(out, text, start, n)
	return out
}

// absorbClosers advances i over closing quotes and brackets.
func absorbClosers(text string, i int, quoted *bool) int {
	for i < len(text) {
		switch text[i] {
		case '"':
			*quoted = !*quoted
			i++
			continue
		case '\'', ')', ']':
			i++
			continue
		case 0xE2:
			if hasPrefixAt(text, i, "”") || hasPrefixAt(text, i, "’") || hasPrefixAt(text, i, "›") {
				i += 3
				continue
			}
		case 0xC2:
			if hasPrefixAt(text, i, "»") {
				i += 2
				continue
			}
		}
		break
	}
	return i
}

func hasPrefixAt(s string, i int, p string) bool {
	return len(s)-i >= len(p) && s[i:i+len(p)] == p
}

func isHSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

func skipHSpace(s string, i int) int {
	for i < len(s) && isHSpace(s[i]) {
		i++
	}
	return i
}

// MaxSentenceBytes bounds a sentence. News sentences are far shorter (a
// long one is ~400 bytes); a run of text longer than this without a sentence
// boundary (a hostile or broken input) is cut into pieces at clause
// punctuation, so that every later stage works on bounded sentences and
// extraction time stays linear in the length of the text.
const MaxSentenceBytes = 2000

func appendSentence(out []Sentence, text string, start, end int) []Sentence {
	for start < end && isSpaceByte(text[start]) {
		start++
	}
	for end > start && isSpaceByte(text[end-1]) {
		end--
	}
	for end-start > MaxSentenceBytes {
		cut := cutPoint(text, start, start+MaxSentenceBytes)
		out = appendSentence(out, text, start, cut)
		start = cut
		for start < end && isSpaceByte(text[start]) {
			start++
		}
	}
	if start < end {
		out = append(out, Sentence{start, end})
	}
	return out
}

// cutPoint returns where to cut text[start:limit] that is too long for one
// sentence: after the last clause punctuation in its second half, else at
// its last space, else at the last rune boundary before limit.
func cutPoint(text string, start, limit int) int {
	half := start + (limit-start)/2
	space := -1
	for i := limit - 1; i > half; i-- {
		switch text[i] {
		case ';', ',', ':':
			return i + 1
		case ' ', '\t', '\n':
			if space < 0 {
				space = i
			}
		}
	}
	if space > 0 {
		return space
	}
	for i := limit; i > start+1; i-- {
		if utf8.RuneStart(text[i]) {
			return i
		}
	}
	return limit
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v'
}

// isBoundary decides whether the terminator at term, followed by space and
// the next sentence candidate at j, ends a sentence.
func isBoundary(text string, term int, single, ellipsis bool, j int) bool {
	// Look past opening quotes/brackets to the first significant rune.
	k := j
	for k < len(text) {
		c := text[k]
		if c == '"' || c == '\'' || c == '(' || c == '[' {
			k++
			continue
		}
		if hasPrefixAt(text, k, "“") || hasPrefixAt(text, k, "‘") || hasPrefixAt(text, k, "‹") || hasPrefixAt(text, k, "”") || hasPrefixAt(text, k, "’") {
			k += 3
			continue
		}
		if hasPrefixAt(text, k, "«") {
			k += 2
			continue
		}
		break
	}
	if k >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(r) {
		return false
	}
	if !unicode.IsLetter(r) && !unicode.IsDigit(r) && k == j {
		// Punctuation such as ". . ." or ", " or "—": not a new sentence.
		if r != '-' && r != '–' && r != '—' && r != '•' && r != '*' && r != '#' && r != '$' && r != '€' && r != '£' && r != '@' && !unicode.IsSymbol(r) {
			return false
		}
	}
	if ellipsis {
		return unicode.IsUpper(r) || unicode.IsDigit(r) || k > j
	}
	if !single {
		return true // '!' or '?'
	}
	// A single period: inspect the word before it.
	ws := term
	for ws > 0 && !isSpaceByte(text[ws-1]) {
		ws--
	}
	// Strip quotes and brackets from the word.
	for ws < term {
		c := text[ws]
		if c == '"' || c == '\'' || c == '(' || c == '[' || c == '`' {
			ws++
			continue
		}
		if hasPrefixAt(text, ws, "“") || hasPrefixAt(text, ws, "‘") || hasPrefixAt(text, ws, "”") || hasPrefixAt(text, ws, "’") {
			ws += 3
			continue
		}
		if hasPrefixAt(text, ws, "«") || hasPrefixAt(text, ws, "»") {
			ws += 2
			continue
		}
		break
	}
	word := text[ws:term]
	if word == "" {
		return true
	}
	nextWord := wordAt(text, k)
	isDigit := r >= '0' && r <= '9'
	if kind, ok := abbreviations[word]; ok {
		switch kind {
		case abbrTitle:
			return false
		case abbrNumbered:
			if isDigit {
				return false
			}
			return unicode.IsUpper(r) && !isMonthOrDay(nextWord) || isStarter(nextWord)
		case abbrTime:
			if isDigit {
				return false
			}
			return !isTimeFollower(nextWord)
		default: // abbrEnd
			return isStarter(nextWord) || k > j // a quotation opens after "D.C."
		}
	}
	// Single-letter initial ("George W. Bush"), but not "I".
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' && word[0] != 'I' {
		return len(nextWord) > 1 && isStarter(nextWord)
	}
	// Dotted abbreviation not in the list ("D.C.", "N.Y.").
	if isDottedAbbrev(word) {
		return isStarter(nextWord) || k > j
	}
	return true
}

// isDottedAbbrev reports letters separated by periods: "D.C", "U.S.A", "a.m".
func isDottedAbbrev(w string) bool {
	if len(w) < 3 {
		return false
	}
	seg := 0
	dots := 0
	for i := 0; i < len(w); i++ {
		c := w[i]
		switch {
		case c == '.':
			if seg == 0 || seg > 2 {
				return false
			}
			seg = 0
			dots++
		case c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z':
			seg++
		default:
			return false
		}
	}
	return dots > 0 && seg >= 1 && seg <= 2
}

// wordAt returns the run of letters starting at i.
func wordAt(text string, i int) string {
	j := i
	for j < len(text) {
		r, size := utf8.DecodeRuneInString(text[j:])
		if !unicode.IsLetter(r) {
			break
		}
		j += size
	}
	return text[i:j]
}

const (
	abbrEnd      = iota // can end a sentence: ends it only before a typical sentence starter
	abbrTitle           // never ends a sentence (titles, "vs.", "e.g.")
	abbrNumbered        // "Jan. 5", "No. 10": not before a number
	abbrTime            // "a.m.", "p.m."
)

// abbreviations maps an abbreviation (without its final period) to its kind.
var abbreviations = map[string]int{}

func init() {
	for _, w := range []string{"Mr", "Mrs", "Ms", "Dr", "Gen", "Lt", "Col", "Sgt", "Capt", "Adm", "Maj", "Gov", "Sen",
		"Rep", "Rev", "St", "Prof", "Cpl", "Pvt", "Cmdr", "Cdr", "Brig", "Hon", "Pres", "Amb", "Supt", "Insp", "Det",
		"Ft", "Mt", "Messrs", "Mme", "Mmes", "Mlle", "Fr", "Sr", "Jr", "vs", "v", "e.g", "i.e", "cf", "approx", "Atty", "Gens",
		"Reps", "Sens", "Govs", "Lieut", "Cmdt", "Pte", "Sgts", "Rt", "Mssrs", "Dept", "Univ", "est", "ca", "viz", "al"} {
		abbreviations[w] = abbrTitle
		abbreviations[upperFirst(w)] = abbrTitle
	}
	for _, w := range []string{"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
		"No", "Nos", "Nr", "Art", "Vol", "vol", "Fig", "fig", "p", "pp", "para", "Para", "Ch", "ch", "Sec", "sec", "Ex"} {
		abbreviations[w] = abbrNumbered
	}
	for _, w := range []string{"a.m", "p.m", "A.M", "P.M"} {
		abbreviations[w] = abbrTime
	}
	for _, w := range []string{"U.S", "U.N", "U.K", "E.U", "U.S.A", "U.A.E", "D.C", "Inc", "Co", "Corp", "Ltd", "Bros",
		"Plc", "plc", "LLC", "Ave", "Rd", "Blvd", "etc", "Ph.D", "B.A", "M.A", "S.A", "N.V", "A.G", "Gov't"} {
		abbreviations[w] = abbrEnd
	}
	// US state abbreviations in datelines and addresses ("Selma, Ala.").
	for _, w := range []string{"Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan",
		"Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "N.H", "N.J", "N.M",
		"N.Y", "N.C", "N.D", "Okla", "Ore", "Pa", "R.I", "S.C", "S.D", "Tenn", "Tex", "Vt", "Va", "Wash", "W.Va",
		"Wis", "Wyo"} {
		abbreviations[w] = abbrEnd
	}
	// Sr and Jr usually end names mid-sentence ("Smith Jr. said"); a new sentence after them starts with a starter.
	abbreviations["Jr"] = abbrEnd
	abbreviations["Sr"] = abbrEnd
}

func upperFirst(w string) string {
	if w == "" || w[0] < 'a' || w[0] > 'z' {
		return w
	}
	return string(w[0]-32) + w[1:]
}

// starters are words that commonly begin a sentence in news and rarely follow
// an abbreviation inside a name.
var starters = map[string]bool{}

func init() {
	for _, w := range []string{"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their",
		"Our", "My", "Your", "This", "That", "These", "Those", "There", "Here", "In", "On", "At", "But", "And", "Or", "So",
		"Yet", "If", "When", "While", "After", "Before", "As", "Since", "Although", "Though", "However", "Meanwhile",
		"Also", "Earlier", "Later", "Last", "Now", "Then", "According", "For", "From", "With", "Without", "By", "To",
		"Some", "Many", "Most", "All", "Not", "Other", "Others", "Another", "What", "Why", "How", "Who", "Where", "Still",
		"Both", "Each", "Such", "During", "Under", "Over", "Despite", "Among", "Asked", "Speaking", "Instead", "Several",
		"More", "Officials", "Authorities", "Critics", "Analysts", "Experts", "Witnesses", "Residents", "Police", "Troops",
		"Forces", "Until", "Because", "Even", "Only", "Just", "Once", "Whether", "Neither", "Nor", "Few", "Much", "Any",
		"No", "None", "Nothing", "Everyone", "Nobody", "Both", "Further", "Furthermore", "Moreover", "Nevertheless",
		"Nonetheless", "Previously", "Separately", "Elsewhere", "Overall", "Today", "Yesterday", "Tomorrow", "Its"} {
		starters[w] = true
	}
}

func isStarter(w string) bool { return starters[w] }

var timeFollowers = map[string]bool{}

func init() {
	for _, w := range []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"ET", "EST", "EDT", "CT", "CST", "CDT", "PT", "PST", "PDT", "MT", "GMT", "UTC", "BST", "CET", "CEST", "MSK", "IST",
		"JST", "AEST", "local", "Local"} {
		timeFollowers[w] = true
	}
	for _, w := range monthNames {
		timeFollowers[w] = true
	}
}

var monthNames = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September",
	"October", "November", "December"}

func isTimeFollower(w string) bool {
	return w == "" || timeFollowers[w] || unicode.IsLower(firstRune(w))
}

func isMonthOrDay(w string) bool { return timeFollowers[w] && len(w) > 3 }

func firstRune(w string) rune {
	r, _ := utf8.DecodeRuneInString(w)
	return r
}

// speechVerbs follow a quoted question or exclamation within the same
// sentence: "Why?" Graham asked.
var speechVerbs = map[string]bool{}

func init() {
	for _, w := range []string{"said", "says", "asked", "asks", "added", "adds", "told", "tells", "replied", "replies",
		"wrote", "writes", "continued", "shouted", "yelled", "declared", "insisted", "explained", "noted", "recalled",
		"warned", "argued", "responded", "stated", "tweeted", "exclaimed", "cried", "demanded", "wondered", "joked",
		"quipped", "screamed", "chanted", "pleaded", "urged", "posted", "concluded", "remarked", "whispered"} {
		speechVerbs[w] = true
	}
}

// speechFollows reports up to three capitalised words (a name, possibly
// with a title) followed by a speech verb at j.
func speechFollows(text string, j int) bool {
	k := j
	for n := 0; n < 4 && k < len(text); n++ {
		w := wordAt(text, k)
		if w == "" {
			return false
		}
		if speechVerbs[w] {
			return n > 0
		}
		if !unicode.IsUpper(firstRune(w)) || n == 3 {
			return false
		}
		k += len(w)
		if k < len(text) && text[k] == '.' {
			k++
		}
		if k >= len(text) || text[k] != ' ' {
			return false
		}
		k++
	}
	return false
}
