package extract

import (
	"sort"

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
