package quotes

import "strings"

// maxContent bounds the tokens of one statement's content, which keeps Find
// linear on pathological input (sentences of thousands of words).
const maxContent = 300

// unit finds the statements of one unit: a sentence, or several when a
// quotation runs across them.
func (f *finder) unit(s, e int) {
	for ; f.pos < s; f.pos++ {
		if f.t[f.pos] == '\n' && (f.pos == 0 || f.t[f.pos-1] != '\n') {
			f.para++
		}
	}
	f.tokenize(s, e)
	f.loose = 0
	if len(f.toks) == 0 {
		return
	}
	before := len(f.out)
	prevLone := f.lastLone
	f.lastLone = -1
	if f.quoteOnly() {
		f.lone()
		f.pending = false
		return
	}
	f.prevLone = prevLone
	if f.dashSigned() || f.colonSigned() {
		f.pending = false
		return
	}
	f.pending = false
	lo := 0
	var prevSpk Span
	for c := 0; c < len(f.toks); c++ {
		if c < lo {
			continue
		}
		fl, n := f.cueAt(c, lo)
		if fl == 0 {
			// a looser reading the attribution model judges (model.go)
			if fl, n = f.cueMode(c, lo, true); fl == 0 {
				continue
			}
		}
		f.loose = fl & (cueLoose | cuePassive | cueNominal)
		next := f.statement(c, n, fl, lo, &prevSpk)
		f.loose = 0
		if next > lo {
			lo = next
		}
	}
	for i := before; i < len(f.out); i++ {
		if f.out[i].Kind == Direct {
			f.lastP = f.para
		}
	}
}

// quoteOnly reports a unit made of quotations and punctuation alone.
func (f *finder) quoteOnly() bool {
	if f.toks[0].k != kQuote {
		return false
	}
	for _, t := range f.toks {
		if t.k == kWord {
			return false
		}
	}
	return true
}

// dashSigned handles a quotation signed with a dash and a name:
// "“We deserve better.” ― Maria Lopez".
func (f *finder) dashSigned() bool {
	toks := f.toks
	i := 0
	for i < len(toks) && (toks[i].k == kQuote || toks[i].k == kPunct && !f.isDash(i)) {
		i++
	}
	if i == 0 || toks[0].k != kQuote || !f.isDash(i) {
		return false
	}
	d := i
	s := d + 1
	e := s
	for e < len(toks) && f.isWord(e) && e-s < 7 && (toks[e].cap || f.wordIs(e, "of") || f.wordIs(e, "de") || f.wordIs(e, "la")) {
		e++
	}
	if e == s || !toks[s].cap {
		return false
	}
	for j := e; j < len(toks); j++ {
		if toks[j].k != kPunct {
			return false
		}
	}
	last := 0
	for j := 0; j < d; j++ {
		if toks[j].k == kQuote {
			last = j
		}
	}
	content := Span{f.regs[toks[0].reg].cs, f.regs[toks[last].reg].ce}
	f.emit(Quote{Kind: Direct, Content: content, Cue: Span{toks[d].s, toks[d].e}, Speaker: Span{toks[s].s, toks[e-1].e}, Confidence: 0.8, pattern: patDash})
	f.lastP = f.para
	return true
}

// colonSigned handles a unit opened by a name and a colon: a transcript
// line or a headline ("KASICH: We will go on.", "Dendias: Talks must
// resume") and the "Name, Outlet: “…”" blocks of quote round-ups, whose
// speaker is the name, not the outlet.
func (f *finder) colonSigned() bool {
	toks := f.toks
	if !f.isWord(0) || !toks[0].cap || notSigners[strings.ToLower(f.w(0))] {
		return false
	}
	e := 0
	for e < len(toks) && e < 6 && f.isWord(e) && (toks[e].cap || f.wordIs(e, "of") || f.wordIs(e, "de")) && toks[e].cue == 0 {
		e++
	}
	if e == 0 || !toks[e-1].cap {
		return false
	}
	c := e
	if f.isPunct(c, ',') {
		// "Name, Outlet:": a short capitalised credit after the name
		k := c + 1
		for k < len(toks) && k < c+6 && f.isWord(k) && toks[k].cap {
			k++
		}
		if k == c+1 {
			return false
		}
		c = k
	}
	if !f.isPunct(c, ':') {
		return false
	}
	i := c + 1
	for i < len(toks) && toks[i].k == kPunct {
		i++
	}
	j := len(toks)
	for j > i && toks[j-1].k == kPunct {
		j--
	}
	if j <= i || f.wordCount(Span{toks[i].s, toks[j-1].e}) < 3 {
		return false
	}
	direct := false
	for k := i; k < j; k++ {
		direct = direct || toks[k].k == kQuote
	}
	kind, conf := Indirect, 0.6
	if direct {
		kind, conf = Direct, 0.8
	}
	f.emit(Quote{Kind: kind, Content: f.span(i, j), Cue: Span{toks[c].s, toks[c].e}, Speaker: Span{toks[0].s, toks[e-1].e}, Label: true, Confidence: conf, pattern: patColon})
	if direct {
		f.lastP = f.para
	}
	return true
}

// notSigners open a line with a colon without naming a speaker.
var notSigners = map[string]bool{"note": true, "update": true, "updated": true, "correction": true, "editor": true,
	"editors": true, "related": true, "read": true, "watch": true, "photo": true, "video": true, "source": true,
	"sources": true, "credit": true, "caption": true, "warning": true, "breaking": true, "exclusive": true,
	"the": true, "a": true, "an": true, "in": true, "on": true, "at": true, "by": true, "for": true, "from": true,
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true,
	"sunday": true, "today": true, "yesterday": true, "here": true, "this": true, "that": true, "it": true}

// lone handles a unit that is a quotation with no attribution.
func (f *finder) lone() {
	var first, last = -1, -1
	for i, t := range f.toks {
		if t.k == kQuote {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	r0, r1 := f.regs[f.toks[first].reg], f.regs[f.toks[last].reg]
	content := Span{r0.cs, r1.ce}
	if f.wordCount(content) < 3 || r0.single && !f.pending {
		return // a scare-quoted phrase, or a subhead: 'All Bets Are Off.'
	}
	if f.pending {
		f.emit(Quote{Kind: Direct, Content: content, Cue: f.pendingCue, Speaker: f.pendingSpk, Confidence: 0.85, pattern: patPending})
		f.lastP = f.para
		return
	}
	if n := len(f.out); n > 0 && f.out[n-1].Kind == Direct && f.lastP == f.para && f.out[n-1].Content.End < content.Start {
		// "“A,” he said. “B.”": the same statement goes on
		q := &f.out[n-1]
		if q.Parts == nil {
			q.Parts = []Span{q.Content}
		}
		q.Parts = append(q.Parts, content)
		q.Content.End = content.End
		return
	}
	if f.lastP >= 0 && f.para-f.lastP <= 2 {
		f.emit(Quote{Kind: Direct, Content: content, Inherit: true, Confidence: 0.6, pattern: patInherit})
	} else {
		f.emit(Quote{Kind: Direct, Content: content, Confidence: 0.4, pattern: patLone})
	}
	f.lastP = f.para
	f.lastLone = len(f.out) - 1
	f.lonePara = f.para
}

// wordCount counts the words in a span (roughly: runs of non-space).
func (f *finder) wordCount(s Span) int {
	n, in := 0, false
	for i := s.Start; i < s.End; i++ {
		sp := isSpaceByte(f.t[i])
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n
}

func (f *finder) emit(q Quote) {
	if q.Content.Empty() {
		return
	}
	q.loose = f.loose
	for i := len(f.out) - 1; i >= 0 && i >= len(f.out)-4; i-- {
		if f.out[i].Content == q.Content {
			return
		}
	}
	f.out = append(f.out, q)
}

// cueAt returns the cue flags of token c and the number of tokens of the
// cue, or 0 when c is not a speech cue.
func (f *finder) cueAt(c, lo int) (int, int) { return f.cueMode(c, lo, false) }

// cueMode is cueAt; when loose, it also accepts a weak cue without a
// that-clause after it ("The Times reported the email came …", flagged
// cueLoose) and a passive cue ("Sanders was asked whether …", flagged
// cuePassive: the speaker is not the subject), and nothing else.
func (f *finder) cueMode(c, lo int, loose bool) (int, int) {
	if !f.isWord(c) {
		return 0, 0
	}
	if f.wordIs(c, "according") && f.wordIs(c+1, "to") {
		return cueAccording | cueSpeech | cueStrong, 2
	}
	if f.wordIs(c, "put") && f.wordIs(c+1, "it") {
		// "as X put it"
		for j := c - 1; j >= lo && j > c-10 && f.isWord(j); j-- {
			if f.wordIs(j, "as") {
				if j < c-1 {
					return cuePutIt | cueSpeech | cueStrong, 2
				}
				break
			}
		}
		return 0, 0
	}
	fl := f.toks[c].cue
	if fl == 0 {
		return 0, 0
	}
	if f.wordIs(c, "states") && !f.wordIs(c+1, "that") {
		return 0, 0 // the noun, unless "X states that"
	}
	if f.toks[c].cap && c > lo && !(f.isWord(c-1) && f.toks[c-1].cap && f.wordIn(c, sayForms) && (c+1 >= len(f.toks) || f.isBoundary(c+1) || f.headline())) {
		return 0, 0 // "Said" inside a sentence is a name, but "…, Lindsey Graham Says."
	}
	// look behind over auxiliaries and adverbs
	a := c
	passive := false
	for a-1 >= lo && (f.wordIn(a-1, auxiliaries) || f.lowerAdverb(a-1)) {
		if f.wordIn(a-1, beForms) {
			passive = true
		}
		a--
	}
	if passive && fl&cueIng == 0 {
		if loose && (f.wordIn(c+1, whWords) || f.wordIs(c+1, "that") || f.wordIs(c+1, "about") || c+1 < len(f.toks) && f.toks[c+1].k == kQuote) {
			return fl | cuePassive, 1 // "was asked whether", "was told that"
		}
		return 0, 0 // "was told", "is expected"
	}
	if loose && !passive && c > lo && f.nominal(c) {
		return fl | cueNominal, 1 // "his call for", "Trump's claims that"
	}
	if loose && fl&cueStrong != 0 {
		return 0, 0 // cueAt's reading stands
	}
	if p := a - 1; f.isWord(p) {
		if f.toks[p].sets&infinitive != 0 {
			if !f.catenative(p - 1) {
				return 0, 0 // "to say"
			}
		} else if (f.toks[p].sets&determiners != 0 && !f.wordIs(p, "that")) || f.toks[p].sets&prepositions != 0 && !f.wordIs(p, "as") && fl&cueIng == 0 {
			return 0, 0 // a noun ("the claims") or an infinitive ("to say")
		}
	}
	if p := a - 1; f.isWord(p) && fl&cueIng == 0 {
		w := f.w(p)
		if len(w) > 3 && (w[len(w)-2:] == "'s" || len(w) > 4 && w[len(w)-4:] == "’s") && !f.pronounContraction(p) {
			return 0, 0 // "Trump's claims"
		}
	}
	nx := c + 1
	for f.wordIn(nx, timeWords) {
		nx++
	}
	if fl&cueCall != 0 {
		// call: a cue only with a quotation close after it, or "called for/on"
		if f.wordIs(c+1, "for") || f.wordIs(c+1, "on") {
			return fl, 2
		}
		if f.isWord(c+1) && !f.wordIn(c+1, particles) && !f.wordIn(c+1, timeWords) && fl&cueIng == 0 && c > lo && f.isWord(c-1) {
			// "Trump has called climate change a hoax"
			for k := c + 2; k < len(f.toks) && k <= c+12; k++ {
				if f.wordIs(k, "a") || f.wordIs(k, "an") || f.toks[k].k == kQuote {
					return fl, 1
				}
				if f.isBoundary(k) {
					break
				}
			}
		}
		for k := c + 1; k < len(f.toks) && k <= c+6; k++ {
			if f.toks[k].k == kQuote {
				return fl, 1
			}
			if f.isBoundary(k) {
				break
			}
		}
		if loose && f.isWord(c+1) && !f.wordIn(c+1, particles) {
			return fl | cueLoose, 1 // "calling the senator a liar"
		}
		return 0, 0
	}
	if fl&cueStrong == 0 {
		// weak cue: content must follow as a that-clause or quotation, or
		// the cue ends its clause ("…, he added.")
		if nx >= len(f.toks) || f.wordIs(nx, "that") || f.isBoundary(nx) {
			return fl, 1
		}
		if f.wordIn(nx, pronounSubj) && !f.wordIs(nx, "it") {
			return fl, 1
		}
		if f.wordIn(nx, whWords) || f.wordIs(nx, "to") && f.toks[c].sets&agreeForms != 0 {
			return fl, 1
		}
		if _, short := f.shortTail(nx, fl&^cueObject); short && c > lo && (f.isWord(c-1) || f.toks[c-1].k == kQuote) && !f.wordIn(nx, whWords) {
			// "…,” Steve Mosko wrote in an email."
			if j := c - 1; f.toks[j].k == kWord && !f.toks[j].cap && !f.wordIn(j, pronounSubj) && !f.wordIn(j, auxiliaries) {
				return 0, 0
			}
			return fl, 1
		}
		if fl&cueObject != 0 {
			for k := nx; k < len(f.toks) && k < nx+5 && !f.isBoundary(k); k++ {
				if f.wordIs(k, "to") && k > nx {
					return fl, 1 // "asked the candidates to …"
				}
			}
		}
		for k := nx; k < len(f.toks) && k < nx+8 && !f.isBoundary(k); k++ {
			if f.wordIs(k, "that") || f.wordIs(k, "whether") {
				return fl, 1
			}
		}
		if loose && !f.wordIn(c, addForms) && (f.isWord(nx) || nx < len(f.toks) && f.toks[nx].k == kQuote) {
			return fl | cueLoose, 1 // "reported the email came …"
		}
		return 0, 0
	}
	if loose {
		return 0, 0
	}
	return fl, 1
}

// pronounContraction reports "He’s", "she's", "it's".
func (f *finder) pronounContraction(i int) bool {
	w := f.w(i)
	for _, p := range [...]string{"he", "she", "it", "that", "there", "who"} {
		if len(w) > len(p) && equalFoldASCII(w[:len(p)], p) && (w[len(p)] == '\'' || w[len(p)] == 0xE2) {
			return true
		}
	}
	return false
}

// statement builds the statement of the cue at c (n tokens). It returns the
// token index up to which the unit is used (for a cue ending its clause), or lo.
func (f *finder) statement(c, n, fl, lo int, prevSpk *Span) int {
	toks := f.toks
	cue := Span{toks[c].s, toks[c+n-1].e}
	if f.asked(c, lo, cue) {
		return lo
	}
	if fl&cueNominal != 0 {
		f.nominalStatement(c, cue)
		return lo
	}
	if fl&cuePassive != 0 {
		return f.forward(c, n, fl, cue, Span{}, lo) // the one asked is not the speaker
	}
	if fl&cueAccording != 0 {
		return f.according(c, lo, cue)
	}
	if fl&cuePutIt != 0 {
		return f.putIt(c, lo, cue)
	}
	// auxiliaries and adverbs before the cue
	a := c
	for a-1 >= lo && (f.wordIn(a-1, auxiliaries) || f.lowerAdverb(a-1) || f.wordIn(a-1, timeWords) || f.wordIs(a-1, "to") && f.catenative(a-2) || f.catenative(a-1) && f.wordIs(a, "to")) {
		a--
	}
	if fl&cueIng != 0 && f.wordIn(a-1, prepositions) && !f.toks[a-1].cap {
		// "aside from saying …", "for saying that …"
		sp := *prevSpk
		if sp.Empty() {
			sp = f.subject(lo)
		}
		return f.forward(c, n, fl, cue, sp, lo)
	}
	// the segment before the cue; a parenthetical before the cue belongs to it
	k := a - 1
	if f.isPunct(k, ')') {
		for j := k - 1; j >= lo && j > k-10; j-- {
			if f.isPunct(j, '(') {
				k = j - 1
				break
			}
		}
	}
	for k >= lo && k > a-40 && (f.isWord(k) || f.isPunct(k, '\'') && f.isWord(k-1)) && (!f.wordIn(k, clauseWords) || f.wordIs(k, "and") && f.isWord(k-1) && f.toks[k-1].cap && !f.wordIn(k-1, timeWords) && k-1 >= lo) {
		if fl2, _ := f.cueAt(k, lo); fl2 != 0 && k < a-1 {
			break
		}
		k--
	}
	segS, segE := f.stripLead(k+1, a), a
	if segS < segE && k >= lo && f.wordIs(k, "who") && !toks[k].cap {
		// "One of the docs who sent the letter called …": the antecedent
		j := k
		for j-1 >= lo && j > k-6 && f.isWord(j-1) && !f.wordIn(j-1, clauseWords) && toks[j-1].cue == 0 {
			j--
		}
		if j < k {
			segS = j
		}
	}
	spk0, spk1 := segS, segE
	after := c + n
	if segS >= segE && k >= lo && (toks[k].k == kQuote && f.wordIn(c, invertible) || f.isPunct(k, ',') && f.wordIn(c, sayForms)) && fl&cueIng == 0 {
		// "“…,” said X" / "…, says X, the …"
		if s0, s1 := f.npAfter(after, toks[k].k == kQuote); s1 > s0 && !f.wordIn(s0, timeWords) &&
			(s1 >= len(toks) || f.isBoundary(s1) && toks[s1].k != kQuote || (f.wordIn(s1, prepositions) || f.wordIn(s1, timeWords)) && !f.wordIs(s1, "to") && !f.wordIs(s1, "of") ||
				f.wordIs(s1, "who") || f.wordIs(s1, "whose")) { // "“…,” said a party member who backs him"
			return f.post(c, cue, lo, k, s0, s1, s1, prevSpk, true)
		}
	}
	if segS >= segE {
		switch {
		case fl&cueIng != 0 && f.isPunct(a-1, ','), k >= lo && (f.wordIs(k, "and") || f.wordIs(k, "but")):
			// "…, saying …", "… and said …": the subject of the sentence speaks
			sp := *prevSpk
			if sp.Empty() {
				sp = f.subject(lo)
			}
			return f.forward(c, n, fl, cue, sp, lo)
		case k >= lo && f.wordIs(k, "whom") && f.wordIs(k-1, "of"):
			// "families, many of whom say …"
			j := k - 1
			for j-1 >= lo && j > k-5 && f.isWord(j-1) && !f.wordIn(j-1, clauseWords) {
				j--
			}
			if j < k-1 {
				return f.forward(c, n, fl, cue, Span{toks[j].s, toks[k].e}, lo)
			}
			return lo
		case k >= lo && (f.wordIs(k, "who") || f.wordIs(k, "which") || f.wordIs(k, "that")) && !f.toks[k].cap:
			// "an architect who said …": the antecedent speaks
			j := k
			if f.isPunct(j-1, ',') || f.isDash(j-1) {
				j--
			}
			e := j
			for j-1 >= lo && j > e-6 && f.isWord(j-1) && !f.wordIn(j-1, clauseWords) && !f.wordIn(j-1, prepositions) && !f.wordIn(j-1, auxiliaries) &&
				toks[j-1].cue == 0 { // "He said the army, which said …": the army
				j--
			}
			if j = f.stripLead(j, e); j < e {
				sp := Span{toks[j].s, toks[e-1].e}
				return f.forward(c, n, fl, cue, sp, lo)
			}
			return lo
		case k >= lo && (f.isPunct(k, ',') || f.isDash(k)):
			// "X, who heads Y, said" / "X, the Y, said" / "X -- the Y -- told"
			spk0, spk1 = f.appositive(k, lo)
		}
	} else if spk1-spk0 > 12 {
		// too long for a subject: keep its last run of capitalised words
		j := spk1 - 1
		for j > spk0 && !toks[j].cap {
			j--
		}
		e := j + 1
		for j > spk0 && toks[j-1].cap {
			j--
		}
		if toks[j].cap {
			spk0, spk1 = j, e
		} else {
			spk0 = spk1
		}
	}
	if spk1 <= spk0 {
		return lo
	}
	delim := spk0 - 1
	if f.wordIs(delim, "as") && delim-1 >= lo && (toks[delim-1].k == kQuote || f.isPunct(delim-1, ',')) {
		delim-- // "“I can't breathe,” as Eric Garner said"
	}
	spSpan := Span{toks[spk0].s, toks[spk1-1].e}
	// cue ending its clause: "…, X said (on Friday)."
	if delim < lo && f.prevLone >= 0 && f.lonePara == f.para && fl&cueIng == 0 {
		// "“Does anybody know?” / Graham asked.": the attribution is its own sentence
		if x, short := f.shortTail(after, fl); short && x >= len(toks)-1 {
			q := &f.out[f.prevLone]
			q.Speaker, q.Cue, q.Inherit, q.Confidence = spSpan, cue, false, 0.85
			f.prevLone = -1
			*prevSpk = spSpan
			return len(toks)
		}
	}
	if delim >= lo && (toks[delim].k == kQuote || f.isPunct(delim, ',') || f.isDash(delim)) && fl&cueIng == 0 {
		x, short := f.shortTail(after, fl)
		// "…, including companies accused of supplying arms": a passive
		// participle, not an attribution of what precedes
		passive := f.wordIs(after, "of") || f.wordIs(after, "with")
		if toks[delim].k == kQuote || short && delim > lo && !f.leadingPhrase(lo, delim) && !passive {
			*prevSpk = spSpan
			return f.post(c, cue, lo, delim, spk0, spk1, x, prevSpk, false)
		}
	}
	*prevSpk = spSpan
	return f.forward(c, n, fl, cue, spSpan, lo)
}

// askedWords open the question after a participle "asked".
var askedWords = newSet("about whether if what who how why which when where")

// asked handles a question put to someone in a participle clause: "Asked
// about the plan, Rubio said …", "…, she said when asked whether …". The
// content is the question, up to the next comma; the one asked is not its
// speaker, and what follows is read on its own.
func (f *finder) asked(c, lo int, cue Span) bool {
	if !f.wordIs(c, "asked") || !(c == lo || f.isPunct(c-1, ',') || f.wordIn(c-1, subordinate) || f.wordIs(c-1, "after") || f.wordIs(c-1, "once")) {
		return false
	}
	i := c + 1
	for i < len(f.toks) && i < c+8 && f.isWord(i) && !f.wordIn(i, askedWords) {
		i++ // "on Monday", "at a briefing in Washington"
	}
	if !f.wordIn(i, askedWords) {
		return false
	}
	e := i + 1
	for e < len(f.toks) && !f.isPunct(e, ',') && !f.isPunct(e, ';') && !f.isPunct(e, ':') {
		e++
	}
	for e > i && f.toks[e-1].k == kPunct {
		e--
	}
	if e-i < 2 {
		return false
	}
	kind, conf := Indirect, 0.6
	for k := i; k < e; k++ {
		if f.toks[k].k == kQuote {
			kind, conf = Direct, 0.7
		}
	}
	f.emit(Quote{Kind: kind, Content: f.span(i, e), Cue: cue, Confidence: conf, pattern: patAsked})
	return true
}

// adjunct reports a phrase at i, after a comma, that adds to the speaker's
// clause rather than to what was said: a participle ("…, crediting the
// software"), "while" and a participle, or "and" with a verb of the
// speaker ("…, and reminded the audience").
func (f *finder) adjunct(i int) bool {
	ing := func(k int) bool {
		return f.isWord(k) && !f.toks[k].cap && len(f.w(k)) > 5 && strings.HasSuffix(f.w(k), "ing")
	}
	switch {
	case ing(i):
		return true
	case f.wordIs(i, "while") && ing(i+1):
		return true
	case f.wordIs(i, "and") && f.isWord(i+1) && !f.toks[i+1].cap && strings.HasSuffix(f.w(i+1), "ed") && !f.wordIn(i+1, auxiliaries):
		return true
	}
	return false
}

// nominal reports a speech noun at c, after a determiner or a possessive
// and before what was said: "his call for", "the claims that", "Trump's
// promise to".
func (f *finder) nominal(c int) bool {
	p := c - 1
	w := f.w(p)
	poss := len(w) > 2 && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && !f.pronounContraction(p)
	if !f.isWord(p) || !(f.wordIn(p, determiners) && !f.wordIs(p, "that") || poss) {
		return false
	}
	return f.wordIs(c+1, "for") || f.wordIs(c+1, "that") || f.wordIs(c+1, "to") || f.wordIs(c+1, "on")
}

// nominalStatement emits what a speech noun at c reports, up to the next
// boundary; its speaker is the possessor, when there is one ("Trump's").
func (f *finder) nominalStatement(c int, cue Span) {
	i := c + 1
	if f.wordIs(i, "for") || f.wordIs(i, "on") {
		i++
	}
	e := i
	for e < len(f.toks) && !f.isPunct(e, ',') && !f.isPunct(e, ';') && !f.isPunct(e, '.') && !f.isDash(e) {
		e++
	}
	if e-i < 2 {
		return
	}
	var sp Span
	if p := c - 1; !f.wordIn(p, determiners) {
		s := p
		for s-1 >= 0 && f.isWord(s-1) && f.toks[s-1].cap {
			s--
		}
		sp = Span{f.toks[s].s, f.toks[p].e}
	}
	kind := Indirect
	for k := i; k < e; k++ {
		if f.toks[k].k == kQuote {
			kind = Direct
		}
	}
	f.emit(Quote{Kind: kind, Content: f.span(i, e), Cue: cue, Speaker: sp, Confidence: 0.5, pattern: patForward})
}

// catenative reports a verb taking a to-infinitive before a cue: "continues
// to insist", "appeared to suggest".
func (f *finder) catenative(i int) bool { return f.wordIn(i, catenatives) }

// leadingPhrase reports whether tokens [lo, d) are a short introductory
// phrase ("In a statement", "On Friday") rather than reported content.
func (f *finder) leadingPhrase(lo, d int) bool {
	for lo < d && f.wordIn(lo, leadStrip) {
		lo++
	}
	if d-lo > 6 {
		return false
	}
	if f.wordIn(lo, timeWords) && !f.wordIn(lo, prepositions) && d-lo > 1 && !f.wordIn(lo+1, timeWords) {
		return false // "This campaign, he says, is different": a subject, not "This week"
	}
	return f.wordIn(lo, prepositions) || f.wordIn(lo, timeWords)
}

// appositive finds the speaker of a cue preceded by a comma or dash at k:
// walks back over comma-separated segments ("Donna Rawlings, 59, of Ashton,
// Md., who watched the ceremony, said") to the segment that starts the
// noun phrase. It returns token indexes [s, e).
func (f *finder) appositive(k, lo int) (int, int) {
	e := k
	best := -1
	j := k - 1
	for seg := 0; seg < 5 && j >= lo; seg++ {
		// one segment back
		i := j
		for i >= lo && i > j-25 && (f.isWord(i) || f.isPunct(i, '(') || f.isPunct(i, ')') || f.isPunct(i, '/') || f.isPunct(i, '&') || f.isPunct(i, '\'')) {
			i--
		}
		s := i + 1
		if s > j {
			break
		}
		if f.stripConj(s, j+1) > j && i >= lo && f.isPunct(i, ',') {
			j = i - 1 // ", meanwhile,": an aside between the speaker and the cue
			continue
		}
		if f.wordIn(s, leadStrip) || f.wordIn(s, clauseWords) && !f.wordIs(s, "who") && !f.wordIs(s, "which") && !f.wordIs(s, "whose") {
			// "and Trump, the nominee, said": the phrase after the conjunction
			if t := f.stripLead(s, j+1); t <= j && (f.toks[t].cap || f.wordIn(t, determiners)) {
				best = t
			}
			break
		}
		if f.wordIn(s, prepositions) && !f.wordIs(s, "of") && (f.toks[s].cap || !strings.HasSuffix(f.w(s), "ing")) {
			break
		}
		if f.toks[s].cap || f.wordIn(s, determiners) {
			best = s
		}
		if i < lo || !(f.isPunct(i, ',') || f.isDash(i)) {
			break
		}
		j = i - 1
	}
	if best < 0 {
		return e, e
	}
	return best, e
}

// stripLead drops leading conjunctions and adverbs ("But", "and", "However")
// and a leading prepositional phrase from the segment [s, e).
func (f *finder) stripLead(s, e int) int {
	for s < e && (f.wordIn(s, leadStrip) || f.isPunct(s, ',')) {
		s++
	}
	if s < e && f.wordIn(s, prepositions) && !f.approx(s, e) {
		// "After the debate Trump said": keep the last capitalised run
		j := e - 1
		for j > s && f.toks[j].cap && f.toks[j-1].cap {
			j--
		}
		if f.toks[j].cap && j > s {
			return j
		}
		return e
	}
	return s
}

// approx reports an approximate quantity opening [s, e): "About 9
// percent", "about half", "Over 200 lawmakers" (a subject, not a phrase to strip).
func (f *finder) approx(s, e int) bool {
	if !(f.wordIs(s, "about") || f.wordIs(s, "over") || f.wordIs(s, "under") || f.wordIs(s, "nearly") || f.wordIs(s, "around")) || s+1 >= e || !f.isWord(s+1) {
		return false
	}
	w := f.w(s + 1)
	return w[0] >= '0' && w[0] <= '9' || f.wordIs(s+1, "half") || f.wordIs(s+1, "a") && f.wordIs(s+2, "third") || f.wordIs(s+1, "one")
}

// stripConj drops leading conjunctions, adverbs and commas from [s, e).
func (f *finder) stripConj(s, e int) int {
	for s < e && (f.wordIn(s, leadStrip) || f.isPunct(s, ',')) {
		s++
	}
	return s
}

// subject returns the subject at the start of the unit for a participle cue
// ("Trump attacked Clinton, saying …"): after a leading phrase ("Earlier in
// the day,"), the words up to the first verb-like word.
func (f *finder) subject(lo int) Span {
	s := f.stripConj(lo, len(f.toks))
	if (f.wordIn(s, prepositions) || f.wordIn(s, timeWords) || f.lowerAdverb(s) || f.isWord(s) && f.toks[s].cap && len(f.w(s)) > 2 && f.w(s)[len(f.w(s))-2:] == "ly") && !f.wordIn(s, pronounSubj) {
		j := s
		for j < len(f.toks) && j < s+10 && !f.isPunct(j, ',') {
			j++
		}
		if f.isPunct(j, ',') {
			s = f.stripConj(j+1, len(f.toks))
		}
	}
	if s >= len(f.toks) || !f.isWord(s) {
		return Span{}
	}
	if f.wordIn(s, pronounSubj) {
		return Span{f.toks[s].s, f.toks[s].e}
	}
	e := s
	for e < len(f.toks) && e < s+8 && f.isWord(e) {
		if !f.toks[e].cap && e > s {
			w := f.w(e)
			if f.wordIn(e, auxiliaries) || f.wordIn(e, clauseWords) || f.toks[e].cue != 0 || len(w) > 3 && w[len(w)-2:] == "ed" {
				break
			}
		}
		e++
	}
	if e == s || !f.toks[e-1].cap && e-s == 1 {
		return Span{}
	}
	return Span{f.toks[s].s, f.toks[e-1].e}
}

// subjectCue reports whether a short subject starting at i is followed by a
// speech cue: "human rights groups warned".
func (f *finder) subjectCue(i int) bool {
	for j := i; j < len(f.toks) && j < i+8 && f.isWord(j); j++ {
		if fl, _ := f.cueAt(j, i); fl != 0 && j > i {
			return true
		}
		if f.wordIn(j, clauseWords) {
			return false
		}
	}
	return false
}

// npAfter returns the noun phrase after an inverted cue ("said Luis Rubio,
// who …"), as token indexes [s, e).
func (f *finder) npAfter(i int, afterQuote bool) (int, int) {
	s := i
	if s >= len(f.toks) || !f.isWord(s) {
		return s, s
	}
	if !f.toks[s].cap && !f.wordIn(s, determiners) && !f.wordIs(s, "he") && !f.wordIs(s, "she") &&
		!(afterQuote && !f.wordIn(s, clauseWords) && !f.wordIn(s, prepositions)) {
		return s, s
	}
	e := s
	hasCap := false
	for e < len(f.toks) && f.isWord(e) && e-s < 10 {
		if !f.toks[e].cap && (f.wordIn(e, clauseWords) || f.wordIn(e, prepositions)) && !(f.wordIs(e, "of") && e > s && e+1 < len(f.toks) && f.isWord(e+1)) {
			break
		}
		if fl := f.toks[e].cue; fl != 0 && !f.toks[e].cap {
			break
		}
		if !f.toks[e].cap && (f.wordIn(e, auxiliaries) || f.wordIn(e, beForms)) {
			break
		}
		if e > s && !f.toks[e].cap && strings.HasSuffix(f.w(e), "ed") && !f.toks[e-1].cap && !f.wordIn(e-1, determiners) && !f.lowerAdverb(e-1) {
			break // a verb after a noun: "the workers deserved better" is a clause, not a speaker
		}
		hasCap = hasCap || f.toks[e].cap
		e++
	}
	if (f.wordIs(s, "he") || f.wordIs(s, "she")) && e > s+1 {
		e = s + 1
	}
	if !hasCap && e-s > 5 {
		return s, s
	}
	// "said the ministry's spokesman, Igor Konashenkov"
	if !hasCap && f.isPunct(e, ',') && e+1 < len(f.toks) && f.toks[e+1].cap && f.isWord(e+1) {
		j := e + 1
		for j < len(f.toks) && f.isWord(j) && f.toks[j].cap {
			j++
		}
		e = j
	}
	return s, e
}

// shortTail reports whether the words after a cue up to the next boundary
// are a short tail ("on Friday", "in a statement", "told reporters") rather
// than reported content; x is the index of the boundary ending it.
func (f *finder) shortTail(i, fl int) (int, bool) {
	n := 0
	j := i
	for ; j < len(f.toks) && !f.isBoundary(j); j++ {
		if f.wordIs(j, "that") || f.toks[j].k == kQuote {
			return j, false
		}
		if c, _ := f.cueAt(j, i); c != 0 {
			return j, false
		}
		n++
		if n > 12 {
			return j, false
		}
	}
	if n == 0 {
		return j, true
	}
	first := i
	if n > 8 && !f.wordIn(first, tailWords) {
		return j, false
	}
	if f.wordIn(first, tailWords) || f.wordIn(first, timeWords) || fl&cueObject != 0 || f.wordIs(first, "of") || n == 1 && f.lowerAdverb(first) {
		return j, true
	}
	return j, false
}

// post emits a statement whose attribution follows its content: the content
// runs from lo to delim (the comma, dash or quotation before the speaker);
// x is the token after the attribution.
func (f *finder) post(c int, cue Span, lo, delim, s0, s1, x int, prevSpk *Span, inverted bool) int {
	toks := f.toks
	var content Span
	var parts []Span
	direct := false
	cs, ce := lo, delim // content tokens [cs, ce)
	if toks[delim].k == kQuote {
		ce = delim + 1
	}
	for cs < ce && toks[cs].k == kPunct {
		cs++
	}
	for ce > cs && toks[ce-1].k == kPunct {
		ce--
	}
	if ce <= cs {
		return lo
	}
	for i := cs; i < ce; i++ {
		if toks[i].k == kQuote {
			direct = true
		}
	}
	content = f.span(cs, ce)
	sp := Span{toks[s0].s, toks[s1-1].e}
	if inverted {
		*prevSpk = sp
	}
	// what follows the attribution
	next := x
	if x < len(toks) {
		y := x
		if f.isPunct(y, ',') || f.isPunct(y, '.') || f.isPunct(y, ':') || f.isPunct(y, ';') {
			y++
		}
		switch {
		case y < len(toks) && toks[y].k == kQuote:
			// “A,” he said. “B.”
			last := y
			for z := y; z < len(toks); z++ {
				if toks[z].k == kQuote {
					last = z
				} else if toks[z].k == kWord {
					break
				}
			}
			p2 := f.span(y, last+1)
			parts = []Span{content, p2}
			content.End = p2.End
			direct = true
			next = last + 1
		case f.isPunct(x, ',') && y < len(toks) && toks[y].k == kWord:
			if fl, _ := f.cueAt(y, y); fl == 0 && !f.wordIs(y, "according") && (!f.wordIn(y, clauseWords) || f.wordIs(y, "that")) && !(inverted && f.wordIn(y, determiners)) && !f.adjunct(y) {
				// "A, he said, B."
				z := len(toks)
				for z > y && toks[z-1].k == kPunct {
					z--
				}
				if z > y {
					p2 := f.span(y, z)
					parts = []Span{content, p2}
					content.End = p2.End
					for i := y; i < z; i++ {
						if toks[i].k == kQuote {
							direct = true
						}
					}
					next = len(toks)
				}
			}
		}
	}
	kind := Indirect
	conf := 0.75
	if direct {
		kind, conf = Direct, 0.9
	}
	f.emit(Quote{Kind: kind, Content: content, Parts: parts, Cue: cue, Speaker: sp, Confidence: conf, pattern: postPattern(inverted)})
	return next
}

// span returns the byte span of tokens [i, j), a lone quotation without its marks.
func (f *finder) span(i, j int) Span {
	if j == i+1 && f.toks[i].k == kQuote {
		r := f.regs[f.toks[i].reg]
		return Span{r.cs, r.ce}
	}
	return Span{f.toks[i].s, f.toks[j-1].e}
}

// forward emits a statement whose content follows its cue: "X said (that) …".
func (f *finder) forward(c, n, fl int, cue, sp Span, lo int) int {
	toks := f.toks
	i := c + n
	if fl&cueObject != 0 && fl&cueStrong != 0 {
		// skip the addressee: "told reporters (at a rally) that"
		for j := i; j < len(toks) && j < i+8; j++ {
			if f.wordIs(j, "that") || f.isBoundary(j) || f.wordIs(j, "to") {
				if f.wordIs(j, "that") || f.isPunct(j, ',') || f.isPunct(j, ':') || toks[j].k == kQuote || f.wordIs(j, "to") {
					i = j
				}
				break
			}
			if j > i && f.wordIn(j, pronounSubj) && !f.wordIs(j, "it") {
				i = j
				break
			}
		}
	}
	for f.wordIn(i, timeWords) {
		i++
	}
	// "said in an interview that": start at the that
	for j := i; j < len(toks) && j < i+8 && (f.wordIn(i, prepositions) || f.wordIn(i, timeWords) || f.lowerAdverb(i) || f.wordIs(i, "that")); j++ {
		if f.isBoundary(j) {
			break
		}
		if f.wordIs(j, "that") {
			i = j
			break
		}
	}
	for i < len(toks) && toks[i].k == kPunct {
		if f.isPunct(i, ':') {
			// "He said:" — content may be the next unit
			if i+1 >= len(toks) {
				f.pending, f.pendingSpk, f.pendingCue = true, sp, cue
				return lo
			}
		}
		i++
	}
	if i >= len(toks) {
		if f.isPunct(c+n, ':') || len(toks) > 0 && f.isPunct(len(toks)-1, ':') {
			f.pending, f.pendingSpk, f.pendingCue = true, sp, cue
		}
		return lo
	}
	// content runs to the end of the unit, or to ", adding …" / ";"
	e := len(toks)
	if e > i+maxContent {
		e = i + maxContent
	}
	for j := i + 1; j < e; j++ {
		if f.isPunct(j, ';') {
			e = j
			break
		}
		if (f.wordIs(j, "and") || f.wordIs(j, "but")) && j+1 < len(toks) {
			// "called it a deal and said the experts were wrong": a second statement
			if fl2, _ := f.cueAt(j+1, j+1); fl2 != 0 && fl2&cueIng == 0 {
				e = j
				break
			}
		}
		if f.isPunct(j, ',') && j+1 < len(toks) {
			if fl2, _ := f.cueAt(j+1, j+1); fl2&cueIng != 0 || f.adjunct(j+1) {
				e = j
				break
			}
			if f.wordIs(j+1, "and") || f.wordIs(j+1, "but") || f.wordIs(j+1, "while") {
				// "…, and human rights groups warned that …": a new statement
				if f.subjectCue(j + 2) {
					e = j
					break
				}
			}
		}
	}
	for e > i && toks[e-1].k == kPunct {
		e--
	}
	if e <= i {
		return lo
	}
	direct := false
	for j := i; j < e; j++ {
		if toks[j].k == kQuote {
			direct = true
		}
	}
	if fl&(cueStrong|cueLoose|cuePassive) == 0 && !direct && !f.wordIs(i, "that") && sp.Empty() {
		return lo
	}
	if !direct && f.wordIn(i, badStart) && fl&cueCall == 0 && !(f.wordIs(i, "about") && f.isWord(i+1) && f.w(i + 1)[0] >= '0' && f.w(i + 1)[0] <= '9') {
		// "said at a campaign stop in Ohio, that …", "said after the debate he …"
		ni := -1
		for j := i + 1; j < e && j < i+16 && !f.wordIn(i, subordinate); j++ {
			if f.wordIs(j, "that") || (f.wordIn(j, pronounSubj) && !f.wordIs(j, "who") || f.isWord(j) && f.pronounContraction(j)) && j < i+9 {
				ni = j
				break
			}
		}
		if ni < 0 {
			return lo // "said of RT", "said when she resigned"
		}
		i = ni
	}
	if !direct && (e-i < 2 || f.lowerAdverb(i) && e-i < 3) {
		return lo // "said sarcastically"
	}
	if f.wordIs(i, "not") && f.wordIs(i+1, "to") && f.wordIs(i+2, "be") {
		return lo // "who asked not to be named"
	}
	content := f.span(i, e)
	kind, conf := Indirect, 0.7
	if direct {
		kind, conf = Direct, 0.85
	}
	if sp.Empty() {
		conf -= 0.2
	}
	f.emit(Quote{Kind: kind, Content: content, Cue: cue, Speaker: sp, Confidence: conf, pattern: patForward})
	return lo
}

// according handles "according to X": "…, according to X." and
// "According to X, …".
func (f *finder) according(c, lo int, cue Span) int {
	toks := f.toks
	s := c + 2
	e := s
	for e < len(toks) && !f.isBoundary(e) && !f.wordIs(e, "that") {
		e++
	}
	if e <= s {
		return lo
	}
	sp := Span{toks[s].s, toks[e-1].e}
	start := f.stripConj(lo, c)
	if start >= c {
		// According to X, content.
		i := e
		for i < len(toks) && toks[i].k == kPunct {
			i++
		}
		j := len(toks)
		for j > i && toks[j-1].k == kPunct {
			j--
		}
		if j > i {
			f.emitSpan(i, j, cue, sp, patAccordingFront)
		}
		return len(toks)
	}
	j := c
	for j > start && toks[j-1].k == kPunct {
		j--
	}
	if j > start {
		f.emitSpan(start, j, cue, sp, patAccording)
	}
	return e
}

// putIt handles "as X put it": "…, as a ministry memo put it." and "As X
// put it in a statement, …".
func (f *finder) putIt(c, lo int, cue Span) int {
	toks := f.toks
	as := c - 1
	for !f.wordIs(as, "as") {
		as--
	}
	a := c
	for a-1 > as && (f.wordIn(a-1, auxiliaries) || f.lowerAdverb(a-1)) {
		a--
	}
	if a <= as+1 {
		return lo
	}
	sp := Span{toks[as+1].s, toks[a-1].e}
	start := f.stripConj(lo, as)
	if start >= as {
		// As X put it (in a statement), content.
		i := c + 2
		for i < len(toks) && i < c+14 && !f.isPunct(i, ',') && toks[i].k != kQuote {
			i++
		}
		for i < len(toks) && toks[i].k == kPunct {
			i++
		}
		j := len(toks)
		for j > i && toks[j-1].k == kPunct {
			j--
		}
		if j > i {
			f.emitSpan(i, j, cue, sp, patPutIt)
		}
		return len(toks)
	}
	j := as
	for j > start && toks[j-1].k == kPunct {
		j--
	}
	if j > start {
		f.emitSpan(start, j, cue, sp, patPutIt)
	}
	return c + 2
}

// headline reports a unit written in title case ("Obama Says Museum Will
// Tell of Suffering").
func (f *finder) headline() bool {
	n, caps := 0, 0
	for i := range f.toks {
		if f.toks[i].k == kWord && len(f.w(i)) > 3 {
			n++
			if f.toks[i].cap {
				caps++
			}
		}
	}
	return n >= 3 && caps*10 >= n*8
}

func (f *finder) emitSpan(i, j int, cue, sp Span, pat uint8) {
	direct := false
	for k := i; k < j; k++ {
		if f.toks[k].k == kQuote {
			direct = true
		}
	}
	kind, conf := Indirect, 0.7
	if direct {
		kind, conf = Direct, 0.85
	}
	f.emit(Quote{Kind: kind, Content: f.span(i, j), Cue: cue, Speaker: sp, Confidence: conf, pattern: pat})
}
