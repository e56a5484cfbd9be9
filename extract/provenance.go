package extract

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/geokg/geokg/extract/quotes"
	"github.com/geokg/geokg/extract/text"
)

// provenance finds the article's bylines, credits and dateline outlets
// (text.Provenance); the outlet credited in a dateline is the publisher when
// the input named none.
func (a *analysis) provenance() {
	a.prov = text.Provenance(a.text)
	for _, p := range a.prov {
		if p.Kind == text.ProvOutlet && a.outlet == "" {
			a.outlet = p.Name
		}
	}
}

// inProvenance reports whether [s, e) overlaps a provenance span.
func (a *analysis) inProvenance(s, e int) bool {
	i := sort.Search(len(a.prov), func(i int) bool { return a.prov[i].End > s })
	return i < len(a.prov) && a.prov[i].Start < e
}

// afterProvenance trims from a statement's content the provenance it
// starts with ("VILNIUS, June 13 (Amber Post) - Lithuania and Poland
// signed …" keeps "Lithuania and Poland signed …"); a content inside a
// byline or credit comes back empty.
func (a *analysis) afterProvenance(c quotes.Span) quotes.Span {
	i := sort.Search(len(a.prov), func(i int) bool { return a.prov[i].End > c.Start })
	if i == len(a.prov) || a.prov[i].Start >= c.End {
		return c
	}
	p := a.prov[i]
	if p.Start <= c.Start && p.End >= c.End {
		return quotes.Span{}
	}
	if p.Kind != text.ProvOutlet || p.End >= c.End {
		return c
	}
	s := p.End
	for s < c.End {
		r, w := utf8.DecodeRuneInString(a.text[s:])
		if !strings.ContainsRune(" -–—:\u00a0", r) {
			break
		}
		s += w
	}
	if s >= c.End {
		return quotes.Span{}
	}
	return quotes.Span{Start: s, End: c.End}
}

// dropProvenance removes the items inside bylines, credits and dateline
// outlets: the people and outlets named there wrote or published the
// article; they are not actors, speakers or event sides of it.
func (a *analysis) dropProvenance(its []*item) []*item {
	if len(a.prov) == 0 {
		return its
	}
	out := its[:0]
	for _, it := range its {
		if !a.inProvenance(it.start, it.end) {
			out = append(out, it)
		}
	}
	return out
}
