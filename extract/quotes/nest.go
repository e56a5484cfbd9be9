package quotes

import (
	"sort"
	"strings"
)

// unnest settles statements whose content lies inside another statement's
// content. Two readings are possible:
//
//   - The inner attribution is part of what the outer speaker said
//     ("the spokesman says the minister promised to …", "condemned what
//     he called a “reckless provocation”"). It is hearsay: the article
//     only reports that the outer speaker said so, so the inner statement
//     is dropped and the outer one keeps the whole content. PolNeAR
//     annotates this way: in its training split 0.4% of speech
//     attributions lie inside another attribution's content.
//   - The outer content ran on past its clause into a second attribution
//     that sits beside it ("…, although she noted that …", "…, Lena Park
//     noted that …", "… -- who cited …"). Then the outer content ends at
//     that boundary and both statements stay.
//
// qs are in text order; the result is too.
func unnest(src string, qs []Quote) []Quote {
	if len(qs) < 2 {
		return qs
	}
	// one pass in order of start (longest first on ties), against the
	// statement reaching furthest so far: the only one that can enclose the
	// next (or one clipped to its side, which no longer matters)
	order := make([]int, len(qs))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		x, y := qs[order[a]].Content, qs[order[b]].Content
		return x.Start < y.Start || x.Start == y.Start && x.End > y.End
	})
	drop := make([]bool, len(qs))
	far := -1
	for _, i := range order {
		in := &qs[i]
		if far >= 0 && encloses(qs[far].Content, in.Content) && !opensPost(&qs[far], in) {
			switch cut, how := siblingCut(src, qs[far].Content, in); how {
			case nested:
				drop[i] = true
				continue
			case beside:
				clip(src, &qs[far], cut)
			case aside:
				clip(src, in, cut)
			}
		}
		if far < 0 || in.Content.End > qs[far].Content.End {
			far = i
		}
	}
	kept := qs[:0]
	for i, q := range qs {
		if !drop[i] {
			kept = append(kept, q)
		}
	}
	return kept
}

// encloses reports whether b lies inside a and is not a itself.
func encloses(a, b Span) bool {
	return a.Start <= b.Start && b.End <= a.End && a != b
}

// opensPost reports an outer statement attributed after the start of its
// content ("…, she said") whose content opens with the inner attribution
// ("Lopez said she felt …, she said"): the outer reading took in a sentence
// that has its own attribution, so neither statement contains the other.
func opensPost(out, in *Quote) bool {
	if out.Cue.Empty() || out.Cue.Start <= out.Content.Start {
		return false
	}
	a := attributionStart(out.Content, in)
	return a == out.Content.Start || a == in.Content.Start && in.Content.Start == out.Content.Start
}

// attributionStart returns where the inner statement's attribution starts:
// at its speaker or cue when they lie in the outer content (a speaker carried
// over from earlier does not), else at its content.
func attributionStart(outer Span, in *Quote) int {
	a := in.Content.Start
	for _, s := range []Span{in.Speaker, in.Cue} {
		if !s.Empty() && s.Start >= outer.Start && s.Start < a {
			a = s.Start
		}
	}
	return a
}

// sideConjunctions open a clause that stands beside the one before it;
// "and" and "but" do so even without a comma ("… and Obama said …").
var sideConjunctions = []string{"although", "though", "but", "while", "whereas", "yet", "and", "when", "which", "who", "aside from", "apart from"}

// how an inner attribution stands to the content around it
const (
	nested = iota // part of what the outer speaker said
	beside        // a clause of its own after the outer content: cut there
	aside         // a relative clause in the middle ("the strike, which Moscow said hit a depot, killed 12"): it ends at its comma
)

// siblingCut tells how the inner statement's attribution stands in the
// outer content, and where the outer content ends when the attribution
// opens a clause of its own (after a comma, semicolon, colon, dash or
// sentence end, with or without a side conjunction, or after a bare "and"
// or "but"), or where the inner content ends when it is a relative clause
// with a speaker of its own in the middle of the outer one ("Kyiv said the
// strike, which Moscow said hit a depot, killed 12": Moscow's statement is
// kept, as the antecedent's, and Kyiv's content stays whole).
func siblingCut(src string, outer Span, in *Quote) (int, int) {
	a := attributionStart(outer, in)
	if a <= outer.Start || a > len(src) || a == in.Content.Start {
		return 0, nested
	}
	before := strings.TrimRight(src[outer.Start:a], " \t\n")
	conj := ""
	for _, c := range sideConjunctions {
		if n := len(before) - len(c); n > 0 && strings.EqualFold(before[n:], c) && !isWordByte(before[n-1]) {
			before = strings.TrimRight(before[:n], " \t\n")
			conj = c
			break
		}
	}
	end := strings.TrimRight(before, "”’\"'") // "“…,” when X said"
	for _, p := range []string{",", ";", ":", "--", "—", "–", ".", "!", "?"} {
		if strings.HasSuffix(end, p) {
			if conj == "which" || conj == "who" {
				// a relative clause the outer content goes on after: it
				// ends at its last comma ("the strike, which Moscow said hit
				// a depot, a barracks and a radar, killed 12")
				if c := strings.LastIndexByte(src[in.Content.Start:outer.End], ','); c > 0 &&
					strings.TrimSpace(src[in.Content.Start+c+1:outer.End]) != "" {
					return in.Content.Start + c, aside
				}
			}
			end = strings.TrimRight(end[:len(end)-len(p)], " \t\n")
			if p == "." || p == "!" || p == "?" {
				end = before // a sentence keeps its end
			}
			if len(end) == 0 {
				return 0, nested
			}
			return outer.Start + len(end), beside
		}
	}
	if (conj == "and" || conj == "but") && len(before) > 0 {
		return outer.Start + len(before), beside
	}
	return 0, nested
}

func isWordByte(c byte) bool { return isAlnumASCII(c) || c >= 0x80 }

// clip ends q's content at end (at the end of its last part when it is in
// pieces), and makes it reported speech when no quotation is left in it.
func clip(src string, q *Quote, end int) {
	q.Content.End = end
	if q.Parts != nil {
		parts := q.Parts[:0]
		for _, p := range q.Parts {
			if p.Start < end {
				p.End = min(p.End, end)
				parts = append(parts, p)
			}
		}
		q.Parts = parts
		if n := len(parts); n > 0 {
			q.Content.End = parts[n-1].End
		}
		if len(parts) < 2 {
			q.Parts = nil
		}
	}
	// a whole quotation's content leaves its marks outside
	text := src[max(0, q.Content.Start-3):q.Content.End]
	if q.Kind == Direct && !strings.ContainsAny(text, "\"“”«»") && !strings.Contains(text, "''") {
		q.Kind = Indirect
	}
}
