package gazetteer

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/geokg/geokg/schema"
	"github.com/geokg/geokg/seeds"
)

const dataDir = "gazetteer/"

// readData returns a built-in data file, gunzipped when its name ends in .gz.
func readData(name string) (string, error) {
	raw, err := fs.ReadFile(seeds.Gazetteer, dataDir+name)
	if err != nil {
		return "", fmt.Errorf("read %s: %w", name, err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return string(raw), nil
	}
	zr, err := gzip.NewReader(bytes.NewReader(raw))
	if err != nil {
		return "", fmt.Errorf("gunzip %s: %w", name, err)
	}
	var buf strings.Builder
	buf.Grow(len(raw) * 4)
	if _, err := io.Copy(&buf, zr); err != nil {
		return "", fmt.Errorf("gunzip %s: %w", name, err)
	}
	return buf.String(), nil
}

// eachRow calls fn with the tab-separated fields of every non-empty line
// that does not start with '#'. Fields alias text; rows with fewer than
// minFields fields are an error.
func eachRow(name, text string, minFields int, fn func(f []string) error) error {
	fields := make([]string, 0, 16)
	line := 0
	for len(text) > 0 {
		var row string
		row, text, _ = strings.Cut(text, "\n")
		line++
		row = strings.TrimSuffix(row, "\r")
		if row == "" || row[0] == '#' {
			continue
		}
		fields = fields[:0]
		for {
			f, rest, ok := strings.Cut(row, "\t")
			fields = append(fields, f)
			if !ok {
				break
			}
			row = rest
		}
		if len(fields) < minFields {
			return fmt.Errorf("%s:%d: %d fields, want %d", name, line, len(fields), minFields)
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", name, line, err)
		}
	}
	return nil
}

// each calls fn with every non-empty element of a '|'-separated list.
func each(list string, fn func(string)) {
	for list != "" {
		var item string
		item, list, _ = strings.Cut(list, "|")
		if item = strings.TrimSpace(item); item != "" {
			fn(item)
		}
	}
}

func parseFloat(s string) (float64, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.ParseFloat(s, 64)
}

func parseLatLon(lat, lon string) (float64, float64, error) {
	la, err := parseFloat(lat)
	if err != nil {
		return 0, 0, fmt.Errorf("latitude %q: %w", lat, err)
	}
	lo, err := parseFloat(lon)
	if err != nil {
		return 0, 0, fmt.Errorf("longitude %q: %w", lon, err)
	}
	return la, lo, nil
}

func parseInt(s string) (int, error) {
	if s == "" {
		return 0, nil
	}
	return strconv.Atoi(s)
}

var matchByWord = map[string]int{
	MatchName: matchName, MatchAlias: matchAlias,
	MatchDemonym: matchDemonym, MatchMetonym: matchMetonym,
}

func (b *builder) loadBuiltin() error {
	if err := b.loadCountries(); err != nil {
		return err
	}
	if err := b.loadOrgs(); err != nil {
		return err
	}
	if err := b.loadRegions(); err != nil {
		return err
	}
	if err := b.loadAdmin1(); err != nil {
		return err
	}
	if err := b.loadCities(); err != nil {
		return err
	}
	if err := b.loadPlaceAliases(); err != nil {
		return err
	}
	// Capitals: the city entry when the city is keyed, else the row of
	// countries.tsv (a capital whose name is a common word is not keyed).
	want := make(map[string]string, len(b.g.capitals))
	for iso3, c := range b.g.capitals {
		want[c.ID] = iso3
	}
	for _, e := range b.g.entries {
		if iso3, ok := want[e.ID]; ok {
			b.g.capitals[iso3] = e
		}
	}
	return nil
}

type countryAlias struct {
	match int
	forms string
}

func (b *builder) loadCountries() error {
	text, err := readData("country_aliases.tsv")
	if err != nil {
		return err
	}
	names := map[string]string{}
	extra := map[string][]countryAlias{}
	err = eachRow("country_aliases.tsv", text, 3, func(f []string) error {
		iso3, kind, forms := f[0], f[1], f[2]
		if kind == "name" {
			names[iso3] = strings.TrimSpace(forms)
			return nil
		}
		m, ok := matchByWord[kind]
		if !ok {
			return fmt.Errorf("unknown match kind %q", kind)
		}
		extra[iso3] = append(extra[iso3], countryAlias{m, forms})
		return nil
	})
	if err != nil {
		return err
	}
	text, err = readData("countries.tsv")
	if err != nil {
		return err
	}
	// iso3 iso2 name official capital cap_lat cap_lon lat lon population
	// aliases demonyms metonyms capital_id
	err = eachRow("countries.tsv", text, 14, func(f []string) error {
		iso3, iso2, name := f[0], f[1], f[2]
		lat, lon, err := parseLatLon(f[7], f[8])
		if err != nil {
			return err
		}
		pop, err := parseInt(f[9])
		if err != nil {
			return fmt.Errorf("population: %w", err)
		}
		display := name
		if n, ok := names[iso3]; ok {
			display = n
		}
		idx := b.add(Entry{
			ID: "country:" + iso3, Name: display, Type: TypeCountry,
			PlaceKind: schema.LocCountry, Country: iso3,
			Lat: lat, Lon: lon, Population: pop,
		})
		b.g.iso3[iso3] = idx
		b.g.iso2[iso2] = idx
		b.iso3to2[iso3] = iso2
		b.key(idx, matchName, display)
		if display != name {
			b.key(idx, matchAlias, name)
		}
		b.key(idx, matchAlias, f[3])
		each(f[10], func(s string) { b.key(idx, matchAlias, s) })
		for _, a := range extra[iso3] {
			each(a.forms, func(s string) { b.key(idx, a.match, s) })
		}
		each(f[11], func(s string) { b.key(idx, matchDemonym, s) })
		each(f[12], func(s string) { b.key(idx, matchMetonym, s) })
		delete(extra, iso3)
		if f[4] != "" && f[13] != "" {
			clat, clon, err := parseLatLon(f[5], f[6])
			if err != nil {
				return fmt.Errorf("capital: %w", err)
			}
			b.g.capitals[iso3] = Entry{
				ID: "geo:" + f[13], Name: f[4], Type: TypePlace, PlaceKind: schema.LocCity,
				Country: iso3, Lat: clat, Lon: clon,
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for iso3 := range extra {
		return fmt.Errorf("country_aliases.tsv: unknown country %s", iso3)
	}
	return nil
}

func (b *builder) loadOrgs() error {
	text, err := readData("orgs.tsv")
	if err != nil {
		return err
	}
	// id name kind subtype country aliases
	return eachRow("orgs.tsv", text, 6, func(f []string) error {
		typ := TypeOrg
		switch {
		case f[3] == "media":
			typ = TypeMedia
		case f[2] == schema.KindGroup:
			typ = TypeGroup
		case f[2] == schema.KindOrganization:
		default:
			return fmt.Errorf("unknown kind %q", f[2])
		}
		if !strings.HasPrefix(f[0], "org:") {
			return fmt.Errorf("id %q does not start with org:", f[0])
		}
		idx := b.add(Entry{ID: f[0], Name: f[1], Type: typ, Country: f[4]})
		b.key(idx, matchName, f[1])
		each(f[5], func(s string) { b.key(idx, matchAlias, s) })
		return nil
	})
}

func (b *builder) loadRegions() error {
	text, err := readData("regions.tsv")
	if err != nil {
		return err
	}
	// slug name kind country lat lon aliases
	return eachRow("regions.tsv", text, 7, func(f []string) error {
		kind := f[2]
		if kind != schema.LocRegion && kind != schema.LocWater && kind != schema.LocFacility {
			return fmt.Errorf("unknown kind %q", kind)
		}
		lat, lon, err := parseLatLon(f[4], f[5])
		if err != nil {
			return err
		}
		idx := b.add(Entry{
			ID: "geo:" + f[0], Name: f[1], Type: TypePlace, PlaceKind: kind,
			Country: f[3], Lat: lat, Lon: lon,
		})
		b.key(idx, matchName, f[1])
		each(f[6], func(s string) { b.key(idx, matchAlias, s) })
		return nil
	})
}

// subdivisionWords are the words news puts after the name of a first-level
// subdivision ("Idlib province", "Donetsk Oblast"); the subdivisions' own
// type words are added as they load.
var subdivisionWords = []string{"Province", "Governorate", "Region", "State", "Oblast"}

// addSubdivisionWord lets Lookup match a subdivision name followed by w,
// in title and lower case.
func (g *Gazetteer) addSubdivisionWord(w string) {
	if w == "" || strings.Contains(w, " ") {
		return
	}
	w = strings.ToUpper(w[:1]) + w[1:]
	g.adminWords[w] = true
	g.adminWords[strings.ToLower(w)] = true
}

func (b *builder) loadAdmin1() error {
	text, err := readData("admin1.tsv")
	if err != nil {
		return err
	}
	// code iso3 name type lat lon names aliases
	return eachRow("admin1.tsv", text, 8, func(f []string) error {
		lat, lon, err := parseLatLon(f[4], f[5])
		if err != nil {
			return err
		}
		idx := b.add(Entry{
			ID: "geo:" + f[0], Name: f[2], Type: TypePlace, PlaceKind: schema.LocAdmin1,
			Country: f[1], Lat: lat, Lon: lon,
		})
		b.g.addSubdivisionWord(f[3])
		each(f[6], func(s string) { b.key(idx, matchName, s) })
		each(f[7], func(s string) { b.key(idx, matchAlias, s) })
		return nil
	})
}

func (b *builder) loadCities() error {
	text, err := readData("cities.tsv.gz")
	if err != nil {
		return err
	}
	// geonameid iso3 admin1 lat lon population capital name names aliases
	return eachRow("cities.tsv.gz", text, 10, func(f []string) error {
		lat, lon, err := parseLatLon(f[3], f[4])
		if err != nil {
			return err
		}
		pop, err := parseInt(f[5])
		if err != nil {
			return fmt.Errorf("population: %w", err)
		}
		idx := b.add(Entry{
			ID: "geo:" + f[0], Name: f[7], Type: TypePlace, PlaceKind: schema.LocCity,
			Country: f[1], Lat: lat, Lon: lon, Population: pop,
		})
		each(f[8], func(s string) { b.key(idx, matchName, s) })
		each(f[9], func(s string) { b.key(idx, matchAlias, s) })
		if b.acc != nil && f[2] != "" {
			if iso2, ok := b.iso3to2[f[1]]; ok {
				code := iso2 + "." + f[2]
				a := b.acc[code]
				if a == nil {
					a = &admin1Acc{}
					b.acc[code] = a
				}
				a.lat += lat
				a.lon += lon
				a.n++
			}
		}
		return nil
	})
}

// loadPlaceAliases adds the hand-written news spellings of built-in places.
func (b *builder) loadPlaceAliases() error {
	text, err := readData("place_aliases.tsv")
	if err != nil {
		return err
	}
	type row struct{ id, aliases string }
	var rows []row
	want := map[string]int32{}
	err = eachRow("place_aliases.tsv", text, 2, func(f []string) error {
		rows = append(rows, row{f[0], f[1]})
		want[f[0]] = -1
		return nil
	})
	if err != nil {
		return err
	}
	for i, e := range b.g.entries {
		if _, ok := want[e.ID]; ok {
			want[e.ID] = int32(i)
		}
	}
	for _, r := range rows {
		idx := want[r.id]
		if idx < 0 {
			return fmt.Errorf("place_aliases.tsv: unknown place %s", r.id)
		}
		each(r.aliases, func(s string) { b.key(idx, matchAlias, s) })
	}
	return nil
}
