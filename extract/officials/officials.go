package officials

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/geokg/geokg/seeds"
)

// Term is one code an official held: over [From, To] (dates as YYYYMMDD
// numbers), or by default (Default: when no dated term applies).
type Term struct {
	Code     string // CAMEO actor code: "RUSGOV", "USAELI", "IGOUNO"
	Country  string // ISO3 of the code's country, "" for international codes
	From, To int32  // inclusive; 0 and OpenEnd for open ranges
	Default  bool
	Title    string // a title the dictionary notes for this term ("Foreign Minister"), else ""
}

// OpenEnd is the To of a range without an end.
const OpenEnd = 99991231

// Official is one person of the table.
type Official struct {
	ID      string // "person:vladimir-putin"
	Name    string // "Vladimir Putin"
	Country string // ISO3 when all the person's coded terms name one country
	Terms   []Term
}

// Match is an official resolved at a date.
type Match struct {
	*Official
	// Office is the office term in force at the date (GOV, MIL, LEG, JUD ...
	// of a country), nil when none is or the date is unknown.
	Office *Term
}

// RoleTitle is the readable title of the office in force: the dictionary's
// own title for the term when it notes one, else a generic affiliation
// named by the code ("Government", "Military", "Legislature", "Judiciary").
func (m Match) RoleTitle() string {
	if m.Office == nil {
		return ""
	}
	if m.Office.Title != "" {
		return m.Office.Title
	}
	return sectorTitle(sector(m.Office.Code))
}

// sector is the role part of a code: "RUSGOV" -> "GOV", "IGOUNO" -> "".
func sector(code string) string {
	if len(code) < 6 || strings.HasPrefix(code, "IGO") {
		return ""
	}
	return code[3:]
}

var sectorTitles = []struct{ prefix, title string }{
	{"GOV", "Government"}, {"MIL", "Military"}, {"LEG", "Legislature"}, {"JUD", "Judiciary"},
	{"SPY", "Intelligence"}, {"COP", "Police"},
}

func sectorTitle(s string) string {
	for _, st := range sectorTitles {
		if strings.HasPrefix(s, st.prefix) {
			return st.title
		}
	}
	return ""
}

// office reports a term that is an office of a country (not an elite,
// opposition or rebel code, nor an international one).
func (t *Term) office() bool { return t.Country != "" && sectorTitle(sector(t.Code)) != "" }

func (t *Term) covers(d int32) bool { return !t.Default && t.From <= d && d <= t.To }

// Table maps name keys to officials.
type Table struct {
	officials []Official
	byKey     map[string][]int32
}

// Len is the number of officials.
func (t *Table) Len() int { return len(t.officials) }

// Date turns a time into the YYYYMMDD number terms use; 0 for the zero time.
func Date(tm time.Time) int32 {
	if tm.IsZero() {
		return 0
	}
	return int32(tm.Year()*10000 + int(tm.Month())*100 + tm.Day())
}

// Lookup resolves a name key (Key) at a date (Date; 0 when unknown). A key
// several officials share resolves to the one in office at the date, else
// to the one with a dated term covering it; without a date, or when that
// leaves zero or several, it does not resolve.
func (t *Table) Lookup(key string, date int32) (Match, bool) {
	cands := t.byKey[key]
	if len(cands) == 0 {
		return Match{}, false
	}
	pick := func(ok func(*Term) bool) (int32, *Term, int) {
		n, hit := 0, int32(-1)
		var term *Term
		for _, c := range cands {
			o := &t.officials[c]
			for i := range o.Terms {
				if ok(&o.Terms[i]) {
					n++
					hit, term = c, &o.Terms[i]
					break
				}
			}
		}
		return hit, term, n
	}
	if date != 0 {
		if c, term, n := pick(func(x *Term) bool { return x.office() && x.covers(date) }); n == 1 {
			return Match{Official: &t.officials[c], Office: term}, true
		} else if n > 1 {
			return Match{}, false
		}
		if len(cands) > 1 {
			if c, _, n := pick(func(x *Term) bool { return x.covers(date) }); n == 1 {
				return Match{Official: &t.officials[c]}, true
			}
			return Match{}, false
		}
	}
	if len(cands) == 1 {
		return Match{Official: &t.officials[cands[0]]}, true
	}
	return Match{}, false
}

// Key is the lookup form of a name given as words: lower case without
// accents, hyphens as spaces, without periods and apostrophes ("Jong-un" ->
// "jong un", "Vladimir V. Putin" -> "vladimir v putin").
func Key(words []string) string {
	var b strings.Builder
	space := false
	for _, w := range words {
		space = b.Len() > 0
		for _, r := range norm.NFKD.String(w) {
			switch {
			case unicode.Is(unicode.Mn, r), r == '.', r == '\'', r == '’':
			case unicode.IsLetter(r) || unicode.IsDigit(r):
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteRune(unicode.ToLower(r))
			default:
				space = true
			}
		}
	}
	return b.String()
}

// WithoutInitials drops one-letter words from a key ("george w bush" ->
// "george bush"); a key of initials only is kept.
func WithoutInitials(key string) string {
	ws := strings.Fields(key)
	out := ws[:0:0]
	for _, w := range ws {
		if len([]rune(w)) > 1 {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return key
	}
	return strings.Join(out, " ")
}

var (
	defaultOnce  sync.Once
	defaultTable *Table
	defaultErr   error
)

// Default returns the embedded table, parsed on first use and shared.
func Default() (*Table, error) {
	defaultOnce.Do(func() { defaultTable, defaultErr = loadDefault() })
	return defaultTable, defaultErr
}

func loadDefault() (*Table, error) {
	b, err := seeds.Officials.ReadFile("officials/officials.tsv.gz")
	if err != nil {
		return nil, fmt.Errorf("read officials table: %w", err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("read officials table: %w", err)
	}
	return Parse(zr)
}

// Parse reads a table in the format gen-officials writes, one official a
// line: id, name, country, keys ('|'), terms (';', each
// CODE[:FROM-TO][=Title] with FROM/TO as YYYYMMDD or empty for open, no
// range for a default term). '#' starts a comment line.
func Parse(r io.Reader) (*Table, error) {
	t := &Table{byKey: map[string][]int32{}}
	codes := map[string]string{} // interned codes and titles
	intern := func(s string) string {
		if v, ok := codes[s]; ok {
			return v
		}
		codes[s] = s
		return s
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for line := 1; sc.Scan(); line++ {
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		f := strings.Split(l, "\t")
		if len(f) != 5 {
			return nil, fmt.Errorf("officials line %d: %d fields, want 5", line, len(f))
		}
		o := Official{ID: f[0], Name: f[1], Country: f[2]}
		for _, ts := range strings.Split(f[4], ";") {
			term, err := parseTerm(ts, intern)
			if err != nil {
				return nil, fmt.Errorf("officials line %d: %w", line, err)
			}
			o.Terms = append(o.Terms, term)
		}
		idx := int32(len(t.officials))
		t.officials = append(t.officials, o)
		for _, k := range strings.Split(f[3], "|") {
			if k != "" {
				t.byKey[k] = append(t.byKey[k], idx)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read officials table: %w", err)
	}
	return t, nil
}

func parseTerm(s string, intern func(string) string) (Term, error) {
	var t Term
	if i := strings.IndexByte(s, '='); i >= 0 {
		s, t.Title = s[:i], intern(s[i+1:])
	}
	rng := ""
	if i := strings.IndexByte(s, ':'); i >= 0 {
		s, rng = s[:i], s[i+1:]
	} else {
		t.Default = true
	}
	if len(s) < 3 {
		return t, fmt.Errorf("bad code %q", s)
	}
	t.Code = intern(s)
	if c := s[:3]; c != "IGO" && len(s) >= 3 && isUpper(c) {
		t.Country = intern(c)
	}
	if t.Default {
		return t, nil
	}
	from, to, ok := strings.Cut(rng, "-")
	if !ok {
		return t, fmt.Errorf("bad range %q", rng)
	}
	var err error
	if t.From, err = date(from, 0); err != nil {
		return t, err
	}
	if t.To, err = date(to, OpenEnd); err != nil {
		return t, err
	}
	return t, nil
}

func isUpper(s string) bool {
	for _, r := range s {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

func date(s string, open int32) (int32, error) {
	if s == "" {
		return open, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || len(s) != 8 {
		return 0, fmt.Errorf("bad date %q", s)
	}
	return int32(n), nil
}
