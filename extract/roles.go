package extract

import (
	"sort"
	"strings"
	"unicode"

	"github.com/geokg/geokg/schema"
)

// roleHolder is a person with a role, noted in text order for "his counterpart".
type roleHolder struct {
	pos   int
	x     *actor
	title string
}

// buildRoles attaches titles to people ("Iranian Defense Minister Hossein
// Dehqan", "Sergei Shoigu, Russia's defense minister", "his Russian
// counterpart, Sergei Shoigu") and resolves role phrases without a name
// ("the Russian defense minister") to the person holding the role.
func (a *analysis) buildRoles() {
	var holders []roleHolder
	setRole := func(x *actor, title, of string, pos int) {
		if x == nil || title == "" {
			return
		}
		x.addRole(title, of)
		if x.country == "" && of != "" {
			if c := a.countryOfID(of); c != "" {
				x.country = c
			}
		}
		holders = append(holders, roleHolder{pos, x, title})
	}
	// takeTitle gives x the role of title item t and, when unknown, the
	// gender the title implies
	takeTitle := func(x *actor, t *item, of string, pos int) {
		t.used = true
		setRole(x, t.title.canon, of, pos)
		if x.gender == 0 {
			x.gender = t.title.gender
		}
	}
	for si, its := range a.items {
		for k, it := range its {
			if it.kind != itName || it.actor == nil || it.actor.kind != schema.KindPerson {
				continue
			}
			x := it.actor
			// (A) [Country|Demonym|Country's] Title[,] Name
			if p := prevItem(its, k); p != nil && p.kind == itTitle && (p.j == it.i || a.appositive(si, p, it)) {
				of := ""
				if q := prevItem(its, k-1); q != nil && (q.kind == itGaz || q.kind == itName && q.actor != nil) {
					// "Iranian Defense Minister", "Lebanon's new President", "EU enlargement commissioner"
					b := q.j
					if isPoss(a.tokAt(si, b)) {
						b++
					}
					for b < p.i && titleModifier[strings.ToLower(a.tokAt(si, b))] {
						b++
					}
					if b+1 == p.i && isLowerWord(a.tokAt(si, b)) {
						b++
					}
					if b == p.i {
						of = a.qualifier(q)
					}
				}
				if of == "" {
					// "Title of Country Name" is rare; "the Title of X, Name" handled below
					of = a.ofAfter(si, p.j, its)
				}
				takeTitle(x, p, of, it.start)
			} else if p != nil && p.kind == itGaz && p.j == it.i && p.actor != nil && p.actor.kind == schema.KindCountry && x.country == "" {
				x.country = p.actor.country // "Iranian Hossein Dehqan"
			}
			// (B) Name, [the] [Country's|Demonym] Title [of Country]
			if a.tokAt(si, it.j) == "," {
				kk := k + 1
				of := ""
				if kk < len(its) && its[kk].kind == itGaz && its[kk].i <= it.j+2 {
					q := its[kk]
					if nt := kk + 1; nt < len(its) && its[nt].kind == itTitle && (its[nt].i == q.j || its[nt].i == q.j+1 && isPoss(a.tokAt(si, q.j))) {
						of = a.qualifier(q)
						kk = nt
					}
				}
				if kk < len(its) && its[kk].kind == itTitle && (its[kk].i <= it.j+3 || kk > k+1) && a.onlyArticles(si, it.j+1, its[kk].i, kk > k+1) {
					t := its[kk]
					if of == "" {
						of = a.ofAfter(si, t.j, its)
					}
					takeTitle(x, t, of, it.start)
				}
			}
			// (C) his [Demonym] counterpart[,] Name
			if c := a.counterpartBefore(si, it.i); c >= 0 {
				of := ""
				for _, q := range its {
					if q.kind == itGaz && q.i >= c-1 && q.j <= it.i && q.actor != nil {
						of = a.qualifier(q)
					}
				}
				for h := len(holders) - 1; h >= 0; h-- {
					if holders[h].x != x && holders[h].pos < it.start {
						setRole(x, holders[h].title, of, it.start)
						break
					}
				}
			}
		}
		// (D) the Title of Country, Name
		for k, it := range its {
			if it.kind != itTitle || it.used {
				continue
			}
			of := a.ofAfter(si, it.j, its)
			if of == "" {
				continue
			}
			// find the item after "of X ,"
			for kk := k + 1; kk < len(its) && kk <= k+3; kk++ {
				n := its[kk]
				if n.kind == itName && n.actor != nil && n.actor.kind == schema.KindPerson && a.tokAt(si, n.i-1) == "," {
					it.used = true
					setRole(n.actor, it.title.canon, of, n.start)
					break
				}
			}
		}
	}
}

var titleModifier = map[string]bool{"new": true, "former": true, "then": true, "acting": true, "outgoing": true,
	"incoming": true, "interim": true, "current": true, "top": true, "veteran": true, "powerful": true, "chief": true}

// defaultCountry gives titled people with no stated country the country
// the article is about: any title when it names that country only
// ("Defence Minister Pierre Joxe said" in a story about France), a local
// one ("provincial governor", "police chief") when that country clearly
// leads. National titles in a story naming several countries stay
// unaffiliated: a US paper's story about North Korea quotes "President
// Obama" and "Secretary of State John Kerry" without saying whose.
func (a *analysis) defaultCountry() {
	codes := make([]string, 0, len(a.context))
	for c := range a.context {
		codes = append(codes, c)
	}
	sort.Slice(codes, func(i, j int) bool {
		if a.context[codes[i]] != a.context[codes[j]] {
			return a.context[codes[i]] > a.context[codes[j]]
		}
		return codes[i] < codes[j]
	})
	if len(codes) == 0 {
		return
	}
	iso, best, second := codes[0], a.context[codes[0]], 0
	if len(codes) > 1 {
		second = a.context[codes[1]]
	}
	if iso == "" || best < 3 || best < 2*second {
		return
	}
	only := second == 0
	for _, x := range a.actors {
		if x.kind != schema.KindPerson || x.country != "" || len(x.roles) == 0 {
			continue
		}
		stated, local := false, false // a role "of" an organisation says where they belong
		for _, r := range x.roles {
			stated = stated || r.Of != ""
			local = local || localTitle(r.Title)
		}
		if !stated && (only || local) {
			x.country = iso
		}
	}
}

// localWords mark a sub-national office, held in the country where the
// story happens.
var localWords = map[string]bool{"governor": true, "mayor": true, "provincial": true, "district": true,
	"regional": true, "local": true, "police": true, "municipal": true, "village": true, "tribal": true,
	"province": true, "city": true, "county": true}

func localTitle(title string) bool {
	for _, w := range strings.Fields(strings.ToLower(title)) {
		if localWords[w] {
			return true
		}
	}
	return false
}

func isLowerWord(w string) bool {
	r := firstRune(w)
	return unicode.IsLower(r)
}

// onlyArticles reports whether tokens [i, j) are at most "the"/"a"/"an"
// (or a qualifier item already checked when qualified is set).
func (a *analysis) onlyArticles(si, i, j int, qualified bool) bool {
	for k := i; k < j; k++ {
		t := a.tokAt(si, k)
		switch strings.ToLower(t) {
		case "the", "a", "an", "former", "then", "acting", "new", "deputy", "top", "senior", "current", "outgoing":
			continue
		}
		if qualified {
			continue
		}
		return false
	}
	return true
}

// ofAfter returns the qualifier in "Title of (the) Country" starting at token k.
func (a *analysis) ofAfter(si, k int, its []*item) string {
	if a.tokAt(si, k) != "of" && a.tokAt(si, k) != "for" {
		return ""
	}
	k++
	if strings.EqualFold(a.tokAt(si, k), "the") {
		k++
	}
	for _, q := range its {
		if q.kind == itGaz && q.i == k {
			return a.qualifier(q)
		}
		if q.kind == itName && q.i == k && q.actor != nil && q.actor.kind != schema.KindPerson {
			return q.actor.id
		}
	}
	return ""
}

// counterpartBefore returns the token index of "his" in "his [Russian]
// counterpart[,] NAME" ending right before token i, or -1.
func (a *analysis) counterpartBefore(si, i int) int {
	k := i - 1
	if a.tokAt(si, k) == "," {
		k--
	}
	if strings.ToLower(a.tokAt(si, k)) != "counterpart" {
		return -1
	}
	k--
	for n := 0; n < 3 && k >= 0; n++ {
		switch strings.ToLower(a.tokAt(si, k)) {
		case "his", "her", "their", "its":
			return k
		}
		k--
	}
	return -1
}
