package extract

import (
	"fmt"
	"strings"
	"sync"

	"github.com/geokg/geokg/seeds/lexicon"
)

// titleInfo is one title of office from seeds/lexicon/titles.txt.
type titleInfo struct {
	canon  string
	gender byte // 'm', 'f' or 0
	words  int
}

// lexicons holds the hand-written word lists, parsed once.
type lexicons struct {
	titles      map[string]titleInfo // lower-case surface -> title
	titleMax    int                  // longest title in words
	titleFirst  map[string]bool      // lower-case first words of titles
	titleFirstN int                  // length in bytes of the longest of titleFirst
	honorific   map[string]byte      // "Mr." -> 'm'
	firstNames  map[string]byte      // "Sergei" -> 'm'
	orgWords    map[string]string    // "Ministry" -> organization
	orgHeads    map[string]string    // "Bank" (of ...) -> organization
	placeWords  map[string]string    // "Square" -> facility
	notNames    map[string]bool      // "The", "Monday"
	thingWords  map[string]bool      // "War", "Prize": capitalised names of things
	familyFirst map[string]bool      // "Xi", "Kim": family names written first
}

var (
	lexOnce sync.Once
	lexVal  *lexicons
	lexErr  error
)

func loadLexicons() (*lexicons, error) {
	lexOnce.Do(func() { lexVal, lexErr = parseLexicons() })
	return lexVal, lexErr
}

func gender(s string) byte {
	switch s {
	case "m", "f":
		return s[0]
	}
	return 0
}

func parseLexicons() (*lexicons, error) {
	l := &lexicons{
		titles: map[string]titleInfo{}, titleFirst: map[string]bool{}, honorific: map[string]byte{},
		firstNames: map[string]byte{}, orgWords: map[string]string{}, orgHeads: map[string]string{},
		placeWords: map[string]string{},
		notNames:   map[string]bool{}, thingWords: map[string]bool{}, familyFirst: map[string]bool{},
	}
	titles, err := lexicon.Titles()
	if err != nil {
		return nil, err
	}
	for _, t := range titles {
		surf := t.Surface
		ti := titleInfo{canon: t.Canon, words: len(strings.Fields(surf)), gender: gender(t.Gender)}
		if _, dup := l.titles[surf]; !dup {
			l.titles[surf] = ti
		}
		if ti.words > l.titleMax {
			l.titleMax = ti.words
		}
		first := strings.Fields(surf)[0]
		l.titleFirst[first] = true
		l.titleFirstN = max(l.titleFirstN, len(first))
	}
	rows, err := lexicon.Fields("honorifics.txt")
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		g := byte(0)
		if len(r) > 1 {
			g = gender(r[1])
		}
		l.honorific[r[0]] = g
	}
	if rows, err = lexicon.Fields("firstnames.txt"); err != nil {
		return nil, err
	}
	for _, r := range rows {
		g := byte(0)
		if len(r) > 1 {
			g = gender(r[1])
		}
		l.firstNames[r[0]] = g
	}
	for file, m := range map[string]map[string]string{"orgwords.txt": l.orgWords, "orgheads.txt": l.orgHeads, "placewords.txt": l.placeWords} {
		if rows, err = lexicon.Fields(file); err != nil {
			return nil, err
		}
		for _, r := range rows {
			if len(r) < 2 {
				return nil, fmt.Errorf("lexicon %s: line %q: want word | kind", file, strings.Join(r, "|"))
			}
			m[r[0]] = r[1]
		}
	}
	lines, err := lexicon.Lines("notnames.txt")
	if err != nil {
		return nil, err
	}
	for _, w := range lines {
		l.notNames[w] = true

	}
	// abbreviations written with a dot ("Nov. 8", "mine No. 2"); not every
	// notname: "Mr." starts a name, "A." is an initial
	for _, w := range strings.Fields("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec No Nos Mon Tue Tues Wed Thu Thur Thurs Fri Sat Sun") {
		l.notNames[w+"."] = true
	}
	if lines, err = lexicon.Lines("familyfirst.txt"); err != nil {
		return nil, err
	}
	for _, w := range lines {
		l.familyFirst[w] = true
	}
	if lines, err = lexicon.Lines("thingwords.txt"); err != nil {
		return nil, err
	}
	for _, w := range lines {
		l.thingWords[w] = true
	}
	return l, nil
}
