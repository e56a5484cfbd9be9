package quotes

// abbreviations that end with a period but do not end a sentence.
var abbrevs = newSet("mr mrs ms dr sen rep gov gen lt col sgt capt maj adm st jr sr prof rev hon pres sec supt insp det cmdr gens sens reps govs inc corp co ltd no vs etc jan feb mar apr aug sept sep oct nov dec ft mt ave blvd calif fla ill mass mich minn penn tenn tex va wash wis ariz ark colo conn del ga ind kan ky la md miss mo mont neb nev okla ore pa vt wyo u.s u.n u.k e.u d.c")

// splitSentences is a small fallback splitter used when the caller passes no
// sentences: it breaks at line ends and after . ! ? (with closing quotes or
// brackets) followed by a space and an upper-case letter, digit or opening mark.
func splitSentences(t string) []Sentence {
	var out []Sentence
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && isSpaceByte(t[s]) {
			s++
		}
		for e > s && isSpaceByte(t[e-1]) {
			e--
		}
		if e > s {
			out = append(out, Sentence{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == '\n' {
			emit(i)
			continue
		}
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c == '.' && isAbbrevBefore(t, i) {
			continue
		}
		j := i + 1
		for j < len(t) {
			k, w := markAt(t, j)
			if k == mClose || k == mToggle || k == mSingleClose || t[j] == ')' || t[j] == ']' {
				j += w
				continue
			}
			break
		}
		if j >= len(t) {
			continue
		}
		if t[j] != ' ' && t[j] != '\t' {
			continue
		}
		k := j
		for k < len(t) && (t[k] == ' ' || t[k] == '\t') {
			k++
		}
		if k >= len(t) {
			continue
		}
		n := t[k]
		mk, _ := markAt(t, k)
		if n >= 'A' && n <= 'Z' || n >= '0' && n <= '9' || mk == mOpen || mk == mToggle || mk == mSingleOpen || n == '(' || n >= 0x80 && mk == mNone {
			emit(j)
		}
	}
	emit(len(t))
	return out
}

// isAbbrevBefore reports whether the period at i ends an abbreviation or an
// initial ("Mr.", "U.S.", "J.").
func isAbbrevBefore(t string, i int) bool {
	s := i
	for s > 0 && (isAlnumASCII(t[s-1]) || t[s-1] == '.') {
		s--
	}
	w := t[s:i]
	if w == "" {
		return false
	}
	if len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' {
		return true
	}
	return inSet(abbrevs, w)
}
