package gazetteer

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/geokg/geokg/schema"
)

// GeoRow is one row of a GeoNames main-table dump (allCountries.txt,
// citiesNNN.txt, XX.txt): the columns the gazetteer uses.
type GeoRow struct {
	ID           string // geonameid
	Name         string
	ASCIIName    string
	Lat, Lon     float64
	FeatureClass string // "P" populated place, "A" administrative area, ...
	FeatureCode  string // "PPLC", "ADM1", ...
	CountryCode  string // ISO 3166-1 alpha-2
	Admin1       string // admin1 code within the country
	Population   int
}

// geoColumns is the number of columns of the GeoNames main table; rows
// need at least the first 15 (up to population).
const (
	geoColumns    = 19
	geoMinColumns = 15
)

// ErrBadRow reports a dump line that is not a GeoNames row.
var ErrBadRow = errors.New("not a GeoNames row")

// ParseGeoRow parses one line of a GeoNames main-table dump.
func ParseGeoRow(line string) (GeoRow, error) {
	line = strings.TrimSuffix(line, "\r")
	var f [geoColumns]string
	n := 0
	for n < geoColumns {
		col, rest, ok := strings.Cut(line, "\t")
		f[n] = col
		n++
		if !ok {
			break
		}
		line = rest
	}
	if n < geoMinColumns {
		return GeoRow{}, fmt.Errorf("%w: %d columns", ErrBadRow, n)
	}
	if f[0] == "" || strings.TrimLeft(f[0], "0123456789") != "" {
		return GeoRow{}, fmt.Errorf("%w: geonameid %q", ErrBadRow, f[0])
	}
	lat, err := strconv.ParseFloat(f[4], 64)
	if err != nil || lat < -90 || lat > 90 {
		return GeoRow{}, fmt.Errorf("%w: latitude %q", ErrBadRow, f[4])
	}
	lon, err := strconv.ParseFloat(f[5], 64)
	if err != nil || lon < -180 || lon > 180 {
		return GeoRow{}, fmt.Errorf("%w: longitude %q", ErrBadRow, f[5])
	}
	pop := 0
	if f[14] != "" {
		p, err := strconv.ParseInt(f[14], 10, 64)
		if err != nil || p < 0 {
			return GeoRow{}, fmt.Errorf("%w: population %q", ErrBadRow, f[14])
		}
		pop = int(min(p, 1<<31-1))
	}
	return GeoRow{
		ID: f[0], Name: strings.TrimSpace(f[1]), ASCIIName: strings.TrimSpace(f[2]),
		Lat: lat, Lon: lon, FeatureClass: f[6], FeatureCode: f[7],
		CountryCode: f[8], Admin1: f[10], Population: pop,
	}, nil
}

// ReadGeoNames calls fn for every row of a GeoNames main-table dump; blank
// lines and lines starting with '#' are skipped. It stops at the first bad
// row or error from fn.
func ReadGeoNames(r io.Reader, fn func(GeoRow) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 4<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" || text[0] == '#' {
			continue
		}
		row, err := ParseGeoRow(text)
		if err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	return nil
}

// Admin1Row is one row of admin1CodesASCII.txt.
type Admin1Row struct {
	Code      string // "SY.12": ISO 3166-1 alpha-2, dot, admin1 code
	Name      string
	ASCIIName string
	ID        string // geonameid
}

// ReadAdmin1Codes calls fn for every row of admin1CodesASCII.txt.
func ReadAdmin1Codes(r io.Reader, fn func(Admin1Row) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || text[0] == '#' {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) < 4 {
			return fmt.Errorf("line %d: %w: %d columns in admin1 code row", line, ErrBadRow, len(f))
		}
		row := Admin1Row{Code: f[0], Name: strings.TrimSpace(f[1]), ASCIIName: strings.TrimSpace(f[2]), ID: f[3]}
		if !strings.Contains(row.Code, ".") || row.Name == "" ||
			row.ID == "" || strings.TrimLeft(row.ID, "0123456789") != "" {
			return fmt.Errorf("line %d: %w: admin1 code row", line, ErrBadRow)
		}
		if err := fn(row); err != nil {
			return fmt.Errorf("line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", line+1, err)
	}
	return nil
}

var (
	commonOnce  sync.Once
	commonWords map[string]bool
	commonNames map[string]bool
	commonErr   error
)

func loadCommonWords() {
	text, err := readData("common_words.txt.gz")
	if err != nil {
		commonErr = err
		return
	}
	commonWords = make(map[string]bool, 70000)
	commonNames = make(map[string]bool, 256)
	for _, w := range strings.Split(text, "\n") {
		switch {
		case w == "" || w[0] == '#':
		case w[0] >= 'A' && w[0] <= 'Z':
			commonNames[w] = true
		default:
			commonWords[w] = true
		}
	}
}

// IsCommonWord reports whether w, in lower case, is a common English word
// of the built-in word list (SCOWL). It loads the list on first use.
func IsCommonWord(w string) bool {
	commonOnce.Do(loadCommonWords)
	return commonWords[strings.ToLower(w)]
}

// junkPlaceKey reports whether a place name read from a dump must not be a
// key: the rule the generator applies to the built-in cities (common words
// unless a million people live there; person-like names below 500,000).
func junkPlaceKey(key string, population int) bool {
	if population >= 1_000_000 {
		return false
	}
	if len(key) <= 2 {
		return true
	}
	if strings.ContainsAny(key, " -") {
		return false
	}
	commonOnce.Do(loadCommonWords)
	if commonWords[strings.ToLower(key)] {
		return true
	}
	return population < 500_000 && commonNames[key]
}

// placeKeys indexes a place name from a dump: the name, its hyphens as
// spaces, and without a leading "The".
func (b *builder) placeKeys(idx int32, match int, name string, population int) {
	forms := []string{name}
	if strings.Contains(name, "-") {
		forms = append(forms, strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == ' ' }), " "))
	}
	for _, f := range forms {
		if rest, ok := strings.CutPrefix(f, "The "); ok && !junkPlaceKey(rest, population) {
			b.put(idx, match, normalize(rest))
		}
	}
	for _, f := range forms {
		if !junkPlaceKey(f, population) {
			b.put(idx, match, normalize(f))
		}
	}
}

type admin1Acc struct {
	lat, lon float64
	n        int
	featured bool // coordinates come from the ADM1 feature itself
}

func (b *builder) loadDumps(opts Options) error {
	if opts.GeoNamesCities == "" && opts.GeoNamesAll == "" && opts.GeoNamesAdmin1 == "" {
		return nil
	}
	commonOnce.Do(loadCommonWords)
	if commonErr != nil {
		return fmt.Errorf("load common words: %w", commonErr)
	}
	minPop := opts.MinPopulation
	if minPop <= 0 {
		minPop = 1000
	}
	seen := make(map[string]bool, len(b.g.entries))
	for _, e := range b.g.entries {
		seen[e.ID] = true
	}
	// Admin1 coordinates by "CC.code": from the ADM1 feature when a dump
	// has it, else the mean of the cities in it.
	acc := b.acc
	if acc == nil {
		acc = map[string]*admin1Acc{}
	}
	accFor := func(code string) *admin1Acc {
		a := acc[code]
		if a == nil {
			a = &admin1Acc{}
			acc[code] = a
		}
		return a
	}
	addCity := func(r GeoRow) {
		if r.Admin1 != "" {
			a := accFor(r.CountryCode + "." + r.Admin1)
			if !a.featured {
				a.lat += r.Lat
				a.lon += r.Lon
				a.n++
			}
		}
		id := "geo:" + r.ID
		if seen[id] {
			return
		}
		country, ok := b.g.iso2[r.CountryCode]
		if !ok {
			return
		}
		seen[id] = true
		name := r.ASCIIName
		if name == "" {
			name = r.Name
		}
		idx := b.add(Entry{
			ID: id, Name: name, Type: TypePlace, PlaceKind: schema.LocCity,
			Country: b.g.entries[country].Country, Lat: r.Lat, Lon: r.Lon, Population: r.Population,
		})
		b.placeKeys(idx, matchName, r.Name, r.Population)
		if r.ASCIIName != r.Name {
			b.placeKeys(idx, matchName, r.ASCIIName, r.Population)
		}
	}
	readFile := func(path string, fn func(GeoRow) error) error {
		f, err := os.Open(path)
		if err != nil {
			return fmt.Errorf("open GeoNames dump: %w", err)
		}
		defer f.Close()
		if err := ReadGeoNames(f, fn); err != nil {
			return fmt.Errorf("read GeoNames dump %s: %w", path, err)
		}
		return nil
	}
	if opts.GeoNamesCities != "" {
		err := readFile(opts.GeoNamesCities, func(r GeoRow) error {
			if r.FeatureClass == "P" || r.FeatureClass == "" {
				addCity(r)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if opts.GeoNamesAll != "" {
		err := readFile(opts.GeoNamesAll, func(r GeoRow) error {
			switch {
			case r.FeatureClass == "P" && r.Population >= minPop:
				addCity(r)
			case r.FeatureClass == "A" && r.FeatureCode == "ADM1" && r.Admin1 != "":
				a := accFor(r.CountryCode + "." + r.Admin1)
				*a = admin1Acc{lat: r.Lat, lon: r.Lon, n: 1, featured: true}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if opts.GeoNamesAdmin1 == "" {
		return nil
	}
	f, err := os.Open(opts.GeoNamesAdmin1)
	if err != nil {
		return fmt.Errorf("open GeoNames admin1 codes: %w", err)
	}
	defer f.Close()
	err = ReadAdmin1Codes(f, func(r Admin1Row) error {
		cc, _, _ := strings.Cut(r.Code, ".")
		country, ok := b.g.iso2[cc]
		if !ok {
			return nil
		}
		iso3 := b.g.entries[country].Country
		id := "geo:" + r.ID
		if seen[id] || b.hasAdmin1(r.Name, iso3) || b.hasAdmin1(r.ASCIIName, iso3) {
			return nil
		}
		seen[id] = true
		var lat, lon float64
		if a := acc[r.Code]; a != nil && a.n > 0 {
			lat, lon = a.lat/float64(a.n), a.lon/float64(a.n)
		}
		name := r.ASCIIName
		if name == "" {
			name = r.Name
		}
		idx := b.add(Entry{
			ID: id, Name: name, Type: TypePlace, PlaceKind: schema.LocAdmin1,
			Country: iso3, Lat: lat, Lon: lon,
		})
		for _, n := range []string{r.Name, r.ASCIIName} {
			if n != "" && !junkPlaceKey(n, 0) {
				b.key(idx, matchName, n)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read GeoNames admin1 codes %s: %w", opts.GeoNamesAdmin1, err)
	}
	return nil
}

// hasAdmin1 reports whether a first-level subdivision of country iso3 is
// already keyed by name.
func (b *builder) hasAdmin1(name, iso3 string) bool {
	v, ok := b.g.exact.keys[normalize(name)]
	if !ok {
		return false
	}
	for _, e := range b.g.exact.appendRefs(b.g, nil, v) {
		if e.PlaceKind == schema.LocAdmin1 && e.Country == iso3 {
			return true
		}
	}
	return false
}
