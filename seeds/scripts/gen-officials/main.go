// Command gen-officials compiles the person entries of the PETRARCH2 /
// Phoenix actor dictionaries (openeventdata/petrarch2, MIT) into
// seeds/officials/officials.tsv.gz, the table extract/officials reads:
//
//	go run ./seeds/scripts/gen-officials -petrarch ../shared/train/petrarch2 -out seeds/officials/officials.tsv.gz
//
// A dictionary record is a run of name lines (the primary phrase and its
// "+" synonyms) followed by code lines ("\t[RUSGOV 991231-080507]"); a
// record is a person when it has a dated code and a name that reads as a
// personal name. Keys are the record's names without titles ("PRESIDENT_
// PUTIN" gives "putin"), with and without initials; single-word keys that
// are common English words or places are left out. Open-ended ranges end at
// -horizon: the dictionaries were last revised in 2015, and who holds an
// office later is not theirs to say. The output is deterministic.
package main

import (
	"bufio"
	"compress/gzip"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/geokg/geokg/extract/gazetteer"
	"github.com/geokg/geokg/extract/officials"
	"github.com/geokg/geokg/seeds"
	"github.com/geokg/geokg/seeds/lexicon"
)

var files = []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"}

func main() {
	dir := flag.String("petrarch", "../shared/train/petrarch2", "folder holding the Phoenix.*.actors.txt dictionaries")
	out := flag.String("out", "seeds/officials/officials.tsv.gz", "table to write")
	horizon := flag.String("horizon", "20161231", "end (YYYYMMDD) of open-ended ranges")
	flag.Parse()
	if err := run(*dir, *out, *horizon); err != nil {
		fmt.Fprintln(os.Stderr, "gen-officials:", err)
		os.Exit(1)
	}
}

// term is one code line.
type term struct {
	code     string
	from, to string // YYYYMMDD, "" open; both "" and !dated: default
	dated    bool
	title    string
}

type record struct {
	names []string // raw phrases, primary first
	terms []term
}

func run(dir, out, horizon string) error {
	if _, err := strconv.Atoi(horizon); err != nil || len(horizon) != 8 {
		return fmt.Errorf("bad -horizon %q: want YYYYMMDD", horizon)
	}
	v, err := newVocab()
	if err != nil {
		return err
	}
	var recs []record
	for _, f := range files {
		rs, err := readDictionary(filepath.Join(dir, f), v)
		if err != nil {
			return err
		}
		recs = append(recs, rs...)
	}
	rows := v.people(recs, horizon)
	return write(out, rows, horizon)
}

// ---------------------------------------------------------------- reading

func readDictionary(path string, v *vocab) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open dictionary: %w", err)
	}
	defer f.Close()
	var recs []record
	var cur *record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if strings.Contains(line, "---STOP---") {
			break
		}
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || trimmed[0] == '#' || trimmed[0] == '<' {
			continue
		}
		if line[0] == '\t' || line[0] == ' ' {
			if trimmed[0] != '[' || cur == nil {
				continue
			}
			cur.terms = append(cur.terms, parseCodes(trimmed, v)...)
			continue
		}
		synonym := line[0] == '+'
		if synonym {
			line = line[1:]
		}
		name, codes := line, ""
		if i := strings.IndexAny(name, "#;"); i >= 0 {
			name = name[:i]
		}
		if i := strings.IndexByte(name, '['); i >= 0 {
			name, codes = name[:i], line[i:]
		}
		name = strings.TrimSpace(name)
		if name == "" {
			continue
		}
		// a primary phrase after codes starts a new record; before any
		// code, it is one more name of the record being read
		if cur == nil || (!synonym && len(cur.terms) > 0) {
			recs = append(recs, record{})
			cur = &recs[len(recs)-1]
		}
		cur.names = append(cur.names, name)
		if codes != "" {
			cur.terms = append(cur.terms, parseCodes(codes, v)...)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return recs, nil
}

// parseCodes reads "[RUSGOV 991231-080507] # Foreign Minister" (several
// bracketed codes may share a line).
func parseCodes(s string, v *vocab) []term {
	comment := ""
	if i := strings.LastIndexByte(s, ']'); i >= 0 {
		if j := strings.IndexByte(s[i:], '#'); j >= 0 {
			comment = strings.TrimSpace(s[i+j+1:])
		}
	}
	var out []term
	for {
		i := strings.IndexByte(s, '[')
		if i < 0 {
			break
		}
		j := strings.IndexByte(s[i:], ']')
		if j < 0 {
			break
		}
		body := strings.Fields(s[i+1 : i+j])
		s = s[i+j+1:]
		if len(body) == 0 || !validCode(body[0]) {
			continue
		}
		t := term{code: body[0]}
		if len(body) > 1 {
			rest := strings.Join(body[1:], "")
			switch {
			case strings.HasPrefix(rest, ">"):
				t.from, t.dated = normDate(rest[1:]), true
				if t.from == "" {
					continue
				}
			case strings.HasPrefix(rest, "<"):
				t.to, t.dated = normDate(rest[1:]), true
				if t.to == "" {
					continue
				}
			case strings.Contains(rest, "-"):
				a, b, _ := strings.Cut(rest, "-")
				t.from, t.to, t.dated = normDate(a), normDate(b), true
				if t.from == "" || t.to == "" || t.to < t.from {
					continue
				}
			}
		}
		if t.dated {
			t.title = v.title(comment)
		}
		out = append(out, t)
	}
	return out
}

func validCode(c string) bool {
	if len(c) < 3 {
		return false
	}
	for _, r := range c {
		if r < 'A' || r > 'Z' {
			return false
		}
	}
	return true
}

// normDate turns YYMMDD (YY up to 30 is 20YY, as PETRARCH reads it) or
// YYYYMMDD into YYYYMMDD, "" when it is not a valid date.
func normDate(s string) string {
	s = strings.TrimSpace(s)
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	switch len(s) {
	case 6:
		if yy, _ := strconv.Atoi(s[:2]); yy <= 30 {
			s = "20" + s
		} else {
			s = "19" + s
		}
	case 8:
	default:
		return ""
	}
	m, _ := strconv.Atoi(s[4:6])
	d, _ := strconv.Atoi(s[6:8])
	if m < 1 || m > 12 || d < 1 || d > 31 {
		return ""
	}
	return s
}

// ---------------------------------------------------------------- names

// vocab is what tells a personal name from a title, a place or a word.
type vocab struct {
	countries map[string]bool // ISO3
	stop      map[string]bool // upper-case title words, honorifics, demonyms, country and organisation words
	titles    map[string]string
	maxTitle  int
	gaz       *gazetteer.Gazetteer
}

func newVocab() (*vocab, error) {
	v := &vocab{countries: map[string]bool{}, stop: map[string]bool{}, titles: map[string]string{}}
	titles, err := lexicon.Titles()
	if err != nil {
		return nil, err
	}
	for _, t := range titles {
		surf := t.Surface
		if _, dup := v.titles[surf]; !dup {
			v.titles[surf] = t.Canon
		}
		ws := strings.Fields(surf)
		v.maxTitle = max(v.maxTitle, len(ws))
		for _, w := range ws {
			v.stop[strings.ToUpper(w)] = true
		}
	}
	hon, err := lexicon.Fields("honorifics.txt")
	if err != nil {
		return nil, err
	}
	for _, r := range hon {
		v.stop[strings.ToUpper(strings.TrimSuffix(r[0], "."))] = true
	}
	b, err := seeds.Gazetteer.ReadFile("gazetteer/countries.tsv")
	if err != nil {
		return nil, fmt.Errorf("read countries: %w", err)
	}
	for _, l := range strings.Split(string(b), "\n") {
		f := strings.Split(l, "\t")
		if len(f) < 12 || strings.HasPrefix(l, "#") {
			continue
		}
		v.countries[f[0]] = true
		for _, n := range append(strings.Split(f[11], "|"), f[2]) {
			for _, w := range strings.Fields(n) {
				if w != "" && len(strings.Fields(n)) == 1 {
					v.stop[strings.ToUpper(w)] = true
				}
			}
		}
	}
	for _, w := range strings.Fields(`THE OF AND FOR US U.S. UN U.N. EX FORMER LATE ADMINISTRATION GOVERNMENT REGIME
		CABINET CAMP PARTY MINISTRY ARMY FORCES COUNCIL OFFICE PRESIDENCY FAMILY SUPPORTERS LOYALISTS FOLLOWERS
		CHIEF HEAD LEADER LEADERSHIP DICTATOR STRONGMAN TEAM GROUP FACTION MOVEMENT FRONT BRIGADE COMMITTEE
		DEPARTMENT AGENCY BANK COURT COMMISSION ASSEMBLY PARLIAMENT SENATE CONGRESS NATIONAL INTERNATIONAL
		UNITED STATES REPUBLIC KINGDOM PEOPLE PEOPLES SOVIET AMERICAN BRITISH EUROPEAN
		GOV GOV. SEN SEN. REP REP. GEN GEN. COL COL. LT LT. MAJ MAJ. CAPT CAPT. ADM ADM. SGT DR DR. PROF PROF.
		KING QUEEN PRINCE PRINCESS EMIR SHEIKH SHEIK AYATOLLAH MULLAH IMAM SULTAN SIR LORD BARON`) {
		v.stop[w] = true
	}
	if v.gaz, err = gazetteer.Default(); err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	return v, nil
}

// words splits a dictionary phrase ("VLADIMIR_V._PUTIN_") into words.
func words(phrase string) []string {
	return strings.FieldsFunc(phrase, func(r rune) bool { return r == '_' || r == ' ' })
}

// nameWord reports an upper-case word that can be part of a personal name.
func (v *vocab) nameWord(w string) bool {
	if len(w) == 2 && w[1] == '.' && w[0] >= 'A' && w[0] <= 'Z' {
		return true // an initial ("M." in "ANNA_M._BEISPIEL"), not an honorific
	}
	if v.stop[strings.TrimRight(w, ".,")] || strings.HasPrefix(w, "EX-") {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case r >= 'A' && r <= 'Z', r > 0x7f:
			letters++
		case r == '.' || r == '-' || r == '\'':
		default:
			return false // digits, lower case, brackets, commas
		}
	}
	return letters > 0
}

// personName strips leading title words, honorifics and demonyms from a
// phrase and returns the rest when it reads as a personal name; titled
// tells whether something was stripped.
func (v *vocab) personName(phrase string) (ws []string, titled bool) {
	ws = words(phrase)
	for len(ws) > 0 && !v.nameWord(ws[0]) {
		ws, titled = ws[1:], true
	}
	if len(ws) == 0 || len(ws) > 5 {
		return nil, titled
	}
	for _, w := range ws {
		if !v.nameWord(w) {
			return nil, titled
		}
	}
	return ws, titled
}

// title maps a note on a code line ("President of Germany", "Foreign
// Minister") to a canonical title of the lexicon, or "".
func (v *vocab) title(comment string) string {
	ws := strings.Fields(strings.ToLower(strings.Trim(comment, " .#")))
	for n := min(v.maxTitle, len(ws)); n > 0; n-- {
		if t, ok := v.titles[strings.Join(ws[:n], " ")]; ok {
			return t
		}
	}
	return ""
}

// singleKeyOK keeps one-word keys that cannot be mistaken for a word or a
// place: "putin" yes, "hope" or "jordan" no.
func (v *vocab) singleKeyOK(w string) bool {
	if len([]rune(w)) < 4 || gazetteer.IsCommonWord(w) {
		return false
	}
	return len(v.gaz.Lookup(display(w))) == 0
}

// display writes an upper-case dictionary word as a name is written:
// "PUTIN" -> "Putin", "AL-ASSAD" -> "al-Assad", "JONG-UN" -> "Jong-un".
func display(w string) string {
	parts := strings.Split(strings.ToLower(w), "-")
	for i, p := range parts {
		rs := []rune(p)
		switch {
		case len(rs) == 0:
		case i == 0 && len(parts) > 1 && (p == "al" || p == "el"):
		case i > 0 && len(rs) <= 2:
		default:
			rs[0] = []rune(strings.ToUpper(string(rs[0])))[0]
		}
		parts[i] = string(rs)
	}
	return strings.Join(parts, "-")
}

// ---------------------------------------------------------------- people

type row struct {
	id, name, country string
	keys              map[string]bool
	terms             []string
}

// people turns the person records into rows. A record's id is the slug of
// its name without initials ("person:george-bush"), as the extractor slugs
// a name it does not find here; records sharing that slug are one person
// when their full names agree, else the one whose name has initials keeps
// them in its id ("person:george-w-bush").
func (v *vocab) people(recs []record, horizon string) []*row {
	type person struct {
		full, base string // keys with and without initials
		name       string
		country    string
		keys       map[string]bool
		terms      []string
	}
	var ps []person
	fulls := map[string]map[string]bool{} // base key -> full keys
	for _, r := range recs {
		dated := false
		for _, t := range r.terms {
			dated = dated || t.dated
		}
		if !dated {
			continue // institutions, places and groups carry undated codes
		}
		var canon []string
		keys := map[string]bool{}
		for _, n := range r.names {
			ws, titled := v.personName(n)
			if ws == nil {
				continue
			}
			if canon == nil && len(ws) >= 2 && !titled {
				canon = ws
			}
			k := officials.Key(ws)
			if len(ws) == 1 && !v.singleKeyOK(k) {
				continue
			}
			keys[k] = true
			if k2 := officials.WithoutInitials(k); len(strings.Fields(k2)) > 1 {
				keys[k2] = true
			}
		}
		if canon == nil {
			continue
		}
		name := make([]string, len(canon))
		for i, w := range canon {
			name[i] = display(w)
		}
		p := person{full: officials.Key(canon), name: strings.Join(name, " "), keys: keys}
		p.base = officials.WithoutInitials(p.full)
		p.country, p.terms = v.terms(r.terms, horizon)
		ps = append(ps, p)
		if fulls[p.base] == nil {
			fulls[p.base] = map[string]bool{}
		}
		fulls[p.base][p.full] = true
	}
	byID := map[string]*row{}
	var ids []string
	for _, p := range ps {
		key := p.base
		if len(fulls[p.base]) > 1 {
			key = p.full
		}
		id := "person:" + strings.ReplaceAll(key, " ", "-")
		x, ok := byID[id]
		if !ok {
			x = &row{id: id, name: p.name, country: p.country, keys: map[string]bool{}}
			byID[id] = x
			ids = append(ids, id)
		} else if x.country != p.country {
			x.country = "" // one name, several countries: no single affiliation
		}
		for k := range p.keys {
			x.keys[k] = true
		}
		x.terms = append(x.terms, p.terms...)
	}
	sort.Strings(ids)
	out := make([]*row, 0, len(ids))
	for _, id := range ids {
		x := byID[id]
		x.terms = dedupe(x.terms)
		out = append(out, x)
	}
	return out
}

// terms formats a record's codes and returns the one country they all
// name ("" when none or several).
func (v *vocab) terms(ts []term, horizon string) (string, []string) {
	country, several := "", false
	var out []string
	for _, t := range ts {
		if c := t.code[:3]; v.countries[c] {
			if country != "" && country != c {
				several = true
			}
			country = c
		}
		s := t.code
		if t.dated {
			to := t.to
			if to == "" {
				to = horizon
				if t.from > horizon {
					continue // begins after what the dictionary can know
				}
			}
			s += ":" + t.from + "-" + to
		}
		if t.title != "" {
			s += "=" + t.title
		}
		out = append(out, s)
	}
	if several {
		country = ""
	}
	return country, out
}

func dedupe(ss []string) []string {
	seen := map[string]bool{}
	out := ss[:0]
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// ---------------------------------------------------------------- writing

func write(path string, rows []*row, horizon string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	zw, err := gzip.NewWriterLevel(f, gzip.BestCompression)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(zw)
	fmt.Fprintf(w, "# Public officials from the PETRARCH2 / Phoenix actor dictionaries (github.com/openeventdata/petrarch2,\n")
	fmt.Fprintf(w, "# MIT licence, Copyright (c) 2014 Open Event Data Alliance); generated by seeds/scripts/gen-officials.\n")
	fmt.Fprintf(w, "# Open-ended ranges end at %s. Columns: id, name, country (ISO3), keys (|), terms (;, CODE[:FROM-TO][=Title]).\n", horizon)
	for _, r := range rows {
		keys := make([]string, 0, len(r.keys))
		for k := range r.keys {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\n", r.id, r.name, r.country, strings.Join(keys, "|"), strings.Join(r.terms, ";"))
	}
	if err := w.Flush(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	fmt.Fprintf(os.Stderr, "gen-officials: %d officials -> %s\n", len(rows), path)
	return nil
}
