package gazetteer

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

func mustDefault(t testing.TB) *Gazetteer {
	t.Helper()
	g, err := Default()
	require.NoError(t, err)
	return g
}

// find returns the first entry with id, and its position.
func find(es []Entry, id string) (Entry, int) {
	for i, e := range es {
		if e.ID == id {
			return e, i
		}
	}
	return Entry{}, -1
}

func TestLookupFirst(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		phrase    string
		id        string
		typ       string
		match     string
		placeKind string
		country   string
	}{
		{"Iran", "country:IRN", TypeCountry, MatchName, schema.LocCountry, "IRN"},
		{"Iranian", "country:IRN", TypeCountry, MatchDemonym, schema.LocCountry, "IRN"},
		{"Tehran", "country:IRN", TypeCountry, MatchMetonym, schema.LocCountry, "IRN"},
		{"Islamic Republic of Iran", "country:IRN", TypeCountry, MatchAlias, schema.LocCountry, "IRN"},
		{"Washington", "country:USA", TypeCountry, MatchMetonym, schema.LocCountry, "USA"},
		{"White House", "country:USA", TypeCountry, MatchMetonym, schema.LocCountry, "USA"},
		{"Pentagon", "country:USA", TypeCountry, MatchMetonym, schema.LocCountry, "USA"},
		{"U.S.", "country:USA", TypeCountry, MatchAlias, schema.LocCountry, "USA"},
		{"US", "country:USA", TypeCountry, MatchAlias, schema.LocCountry, "USA"},
		{"USA", "country:USA", TypeCountry, MatchAlias, schema.LocCountry, "USA"},
		{"United States of America", "country:USA", TypeCountry, MatchAlias, schema.LocCountry, "USA"},
		{"American", "country:USA", TypeCountry, MatchDemonym, schema.LocCountry, "USA"},
		{"Kremlin", "country:RUS", TypeCountry, MatchMetonym, schema.LocCountry, "RUS"},
		{"Moscow", "country:RUS", TypeCountry, MatchMetonym, schema.LocCountry, "RUS"},
		{"Russian Federation", "country:RUS", TypeCountry, MatchAlias, schema.LocCountry, "RUS"},
		{"Damascus", "country:SYR", TypeCountry, MatchMetonym, schema.LocCountry, "SYR"},
		{"Syrian Arab Republic", "country:SYR", TypeCountry, MatchAlias, schema.LocCountry, "SYR"},
		{"DPRK", "country:PRK", TypeCountry, MatchAlias, schema.LocCountry, "PRK"},
		{"North Korea", "country:PRK", TypeCountry, MatchName, schema.LocCountry, "PRK"},
		{"Pyongyang", "country:PRK", TypeCountry, MatchMetonym, schema.LocCountry, "PRK"},
		{"ROK", "country:KOR", TypeCountry, MatchAlias, schema.LocCountry, "KOR"},
		{"Britain", "country:GBR", TypeCountry, MatchAlias, schema.LocCountry, "GBR"},
		{"Downing Street", "country:GBR", TypeCountry, MatchMetonym, schema.LocCountry, "GBR"},
		{"Elysee", "country:FRA", TypeCountry, MatchMetonym, schema.LocCountry, "FRA"},
		{"Élysée", "country:FRA", TypeCountry, MatchMetonym, schema.LocCountry, "FRA"},
		{"Kiev", "country:UKR", TypeCountry, MatchMetonym, schema.LocCountry, "UKR"},
		{"Ivory Coast", "country:CIV", TypeCountry, MatchName, schema.LocCountry, "CIV"},
		{"Emirati", "country:ARE", TypeCountry, MatchDemonym, schema.LocCountry, "ARE"},
		{"Saudi", "country:SAU", TypeCountry, MatchAlias, schema.LocCountry, "SAU"},
		{"Palestinian", "country:PSE", TypeCountry, MatchDemonym, schema.LocCountry, "PSE"},
		{"Turkey", "country:TUR", TypeCountry, MatchName, schema.LocCountry, "TUR"},
		{"Vietnam", "country:VNM", TypeCountry, MatchName, schema.LocCountry, "VNM"},
		{"Homs", "geo:169577", TypePlace, MatchName, schema.LocCity, "SYR"},
		{"Idlib", "geo:169389", TypePlace, MatchName, schema.LocCity, "SYR"},
		{"Idlib province", "geo:SY-ID", TypePlace, MatchName, schema.LocAdmin1, "SYR"},
		{"Idlib Province", "geo:SY-ID", TypePlace, MatchName, schema.LocAdmin1, "SYR"},
		{"Idlib governorate", "geo:SY-ID", TypePlace, MatchName, schema.LocAdmin1, "SYR"},
		{"Homs province", "geo:SY-HI", TypePlace, MatchAlias, schema.LocAdmin1, "SYR"},
		{"Washington State", "geo:US-WA", TypePlace, MatchName, schema.LocAdmin1, "USA"},
		{"Donetsk Oblast", "geo:UA-14", TypePlace, MatchAlias, schema.LocAdmin1, "UKR"},
		{"Islamic State", "org:islamic-state", TypeGroup, MatchName, "", ""},
		{"Khan Sheikhoun", "geo:168325", TypePlace, MatchAlias, schema.LocCity, "SYR"},
		{"Hague", "geo:2747373", TypePlace, MatchName, schema.LocCity, "NLD"},
		{"Eastern Mediterranean", "geo:eastern-mediterranean", TypePlace, MatchName, schema.LocWater, ""},
		{"Strait of Hormuz", "geo:strait-of-hormuz", TypePlace, MatchName, schema.LocWater, ""},
		{"Middle East", "geo:middle-east", TypePlace, MatchName, schema.LocRegion, ""},
		{"Golan Heights", "geo:golan-heights", TypePlace, MatchName, schema.LocRegion, "SYR"},
		{"Shayrat air base", "geo:shayrat-air-base", TypePlace, MatchName, schema.LocFacility, "SYR"},
		{"Kobani", "geo:172256", TypePlace, MatchAlias, schema.LocCity, "SYR"},
		{"Deraa", "geo:170905", TypePlace, MatchAlias, schema.LocCity, "SYR"},
		{"NATO", "org:nato", TypeOrg, MatchName, "", ""},
		{"North Atlantic Treaty Organization", "org:nato", TypeOrg, MatchAlias, "", ""},
		{"U.N.", "org:un", TypeOrg, MatchAlias, "", ""},
		{"Hezbollah", "org:hezbollah", TypeGroup, MatchName, "", "LBN"},
		{"Islamic State", "org:islamic-state", TypeGroup, MatchName, "", ""},
		{"Daesh", "org:islamic-state", TypeGroup, MatchAlias, "", ""},
		{"Reuters", "org:reuters", TypeMedia, MatchName, "", "GBR"},
		{"New York Times", "org:nyt", TypeMedia, MatchName, "", "USA"},
		{"The New York Times", "org:nyt", TypeMedia, MatchName, "", "USA"},
		{"State Department", "org:us-state-department", TypeOrg, MatchAlias, "", "USA"},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got := g.Lookup(tt.phrase)
			require.NotEmpty(t, got)
			e := got[0]
			assert.Equal(t, tt.id, e.ID)
			assert.Equal(t, tt.typ, e.Type)
			assert.Equal(t, tt.match, e.Match)
			assert.Equal(t, tt.placeKind, e.PlaceKind)
			assert.Equal(t, tt.country, e.Country)
			assert.NotEmpty(t, e.Name)
		})
	}
}

func TestLookupCandidates(t *testing.T) {
	g := mustDefault(t)
	tests := []struct {
		phrase string
		ids    []string // all present, in this order (others may sit between)
	}{
		// The metonym first, then the cities by population, the state too.
		{"Washington", []string{"country:USA", "geo:4140963", "geo:US-WA"}},
		{"Tehran", []string{"country:IRN", "geo:112931"}},
		{"Idlib", []string{"geo:169389", "geo:SY-ID"}},
		{"Homs", []string{"geo:169577", "geo:SY-HI"}},
		{"Paris", []string{"country:FRA", "geo:2988507", "geo:4717560"}},
		{"Georgia", []string{"country:GEO", "geo:US-GA"}},
		{"Gaza", []string{"geo:gaza-strip", "geo:281133"}},
		{"Brussels", []string{"org:eu"}},
	}
	for _, tt := range tests {
		t.Run(tt.phrase, func(t *testing.T) {
			got := g.Lookup(tt.phrase)
			last := -1
			for _, id := range tt.ids {
				e, i := find(got, id)
				require.GreaterOrEqual(t, i, 0, "%s not among candidates of %q", id, tt.phrase)
				assert.Greater(t, i, last, "%s out of order", id)
				if e.Type != TypeOrg {
					assert.NotEmpty(t, e.Country, id)
				}
				last = i
			}
		})
	}
}

func TestLookupRanking(t *testing.T) {
	g := mustDefault(t)
	rank := func(e Entry) int {
		switch {
		case e.Type == TypeCountry:
			return 0
		case e.Type != TypePlace:
			return 1
		case e.PlaceKind == schema.LocRegion || e.PlaceKind == schema.LocWater || e.PlaceKind == schema.LocFacility:
			return 2
		}
		return 3
	}
	for _, phrase := range []string{"Washington", "Paris", "London", "Springfield", "Alexandria", "Tripoli", "Georgia", "Jordan", "Gaza"} {
		got := g.Lookup(phrase)
		require.NotEmpty(t, got, phrase)
		for i := 1; i < len(got); i++ {
			a, b := got[i-1], got[i]
			assert.LessOrEqual(t, rank(a), rank(b), "%q: %s before %s", phrase, a.ID, b.ID)
			if a.PlaceKind == schema.LocCity && b.PlaceKind == schema.LocCity && a.Match == b.Match {
				assert.GreaterOrEqual(t, a.Population, b.Population, "%q: %s before %s", phrase, a.ID, b.ID)
			}
		}
	}
}

func TestLookupMisses(t *testing.T) {
	g := mustDefault(t)
	// Common English words and first names are not city keys, nor is a
	// bare leading "the"; keys are case-sensitive.
	for _, phrase := range []string{"Of", "Mobile", "Split", "Nice", "Reading", "Bath", "Deal", "March", "Gary", "Obama", "Florence", "Ali", "Dana", "Mandela", "iran", "", "  ", "States", "Times", "Valley"} {
		for _, e := range g.Lookup(phrase) {
			assert.NotEqual(t, schema.LocCity, e.PlaceKind, "%q matched city %s %s", phrase, e.ID, e.Name)
		}
	}
	got := g.Lookup("the Kremlin")
	require.NotEmpty(t, got)
	assert.Equal(t, "country:RUS", got[0].ID)
	got = g.Lookup("The Pentagon")
	require.NotEmpty(t, got)
	assert.Equal(t, "country:USA", got[0].ID)
	assert.Empty(t, g.Lookup("the"))
	assert.Empty(t, g.Lookup("iran"))
	assert.Empty(t, g.Lookup("Xyzzyville"))
}

func TestLookupNormalisation(t *testing.T) {
	g := mustDefault(t)
	for _, phrase := range []string{"North  Korea", " North Korea ", "North\tKorea", "North\u00a0Korea"} {
		got := g.Lookup(phrase)
		require.NotEmpty(t, got, "%q", phrase)
		assert.Equal(t, "country:PRK", got[0].ID)
	}
	got := g.Lookup("People\u2019s Liberation Army")
	require.NotEmpty(t, got)
	assert.Equal(t, "org:pla", got[0].ID)
}

func TestLookupFold(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ phrase, id string }{
		{"IRAN", "country:IRN"},
		{"NORTH KOREA", "country:PRK"},
		{"KREMLIN", "country:RUS"},
		{"HEZBOLLAH", "org:hezbollah"},
		{"nato", "org:nato"},
		{"US", "country:USA"},
		{"IDLIB PROVINCE", "geo:SY-ID"},
		{"THE KREMLIN", "country:RUS"},
		{"HOMS GOVERNORATE", "geo:SY-HI"},
	}
	for _, tt := range tests {
		got := g.LookupFold(tt.phrase)
		require.NotEmpty(t, got, tt.phrase)
		assert.Equal(t, tt.id, got[0].ID, tt.phrase)
	}
	// Function words in capitals are not acronyms.
	assert.Empty(t, g.LookupFold("IS"))
	assert.Empty(t, g.LookupFold("IT"))
	assert.True(t, g.HasPrefixFold("NORTH"))
}

func TestPrefixAndMaxWords(t *testing.T) {
	g := mustDefault(t)
	assert.True(t, g.HasPrefix("North"))
	assert.True(t, g.HasPrefix("Khan"))
	assert.True(t, g.HasPrefix("Iran"))
	assert.False(t, g.HasPrefix("Xyzzy"))
	assert.False(t, g.HasPrefix("the"))
	assert.GreaterOrEqual(t, g.MaxWords(), 5)
	assert.LessOrEqual(t, g.MaxWords(), 16)
	// Every word count of a key is within MaxWords.
	for k := range g.exact.keys {
		require.LessOrEqual(t, strings.Count(k, " ")+1, g.MaxWords(), k)
	}
}

func TestCountries(t *testing.T) {
	g := mustDefault(t)
	e, ok := g.Country("IRN")
	require.True(t, ok)
	assert.Equal(t, "Iran", e.Name)
	assert.Equal(t, "country:IRN", e.ID)
	assert.InDelta(t, 32, e.Lat, 3)
	assert.InDelta(t, 53, e.Lon, 3)
	assert.Empty(t, e.Match)

	e, ok = g.CountryByISO2("sy")
	require.True(t, ok)
	assert.Equal(t, "country:SYR", e.ID)

	_, ok = g.Country("XXX")
	assert.False(t, ok)
	_, ok = g.CountryByISO2("QQ")
	assert.False(t, ok)

	n := 0
	for _, e := range g.entries {
		if e.Type == TypeCountry {
			n++
			assert.NotEmpty(t, e.Name)
			assert.Len(t, e.Country, 3)
			assert.False(t, e.Lat == 0 && e.Lon == 0, "%s has no centroid", e.ID)
		}
	}
	assert.GreaterOrEqual(t, n, 249)
}

func TestEntriesWellFormed(t *testing.T) {
	g := mustDefault(t)
	ids := map[string]bool{}
	counts := map[string]int{}
	for _, e := range g.entries {
		require.False(t, ids[e.ID], "duplicate id %s", e.ID)
		ids[e.ID] = true
		counts[e.Type+"/"+e.PlaceKind]++
		assert.NotEmpty(t, e.Name, e.ID)
		assert.GreaterOrEqual(t, e.Lat, -90.0, e.ID)
		assert.LessOrEqual(t, e.Lat, 90.0, e.ID)
		assert.GreaterOrEqual(t, e.Lon, -180.0, e.ID)
		assert.LessOrEqual(t, e.Lon, 180.0, e.ID)
		if e.Country != "" {
			_, ok := g.Country(e.Country)
			assert.True(t, ok, "%s: unknown country %s", e.ID, e.Country)
		}
		switch e.Type {
		case TypeCountry:
			assert.True(t, strings.HasPrefix(e.ID, "country:"), e.ID)
		case TypePlace:
			assert.True(t, strings.HasPrefix(e.ID, "geo:"), e.ID)
			assert.Contains(t, []string{schema.LocCity, schema.LocAdmin1, schema.LocRegion, schema.LocWater, schema.LocFacility}, e.PlaceKind, e.ID)
		case TypeOrg, TypeGroup, TypeMedia:
			assert.True(t, strings.HasPrefix(e.ID, "org:"), e.ID)
		default:
			t.Errorf("%s: type %q", e.ID, e.Type)
		}
	}
	orgs := counts[TypeOrg+"/"] + counts[TypeGroup+"/"] + counts[TypeMedia+"/"]
	assert.GreaterOrEqual(t, orgs, 200)
	assert.GreaterOrEqual(t, counts[TypePlace+"/"+schema.LocCity], 30000)
	assert.GreaterOrEqual(t, counts[TypePlace+"/"+schema.LocAdmin1], 3000)
	assert.GreaterOrEqual(t, counts[TypePlace+"/"+schema.LocRegion]+counts[TypePlace+"/"+schema.LocWater], 80)
}

func TestCapital(t *testing.T) {
	g := mustDefault(t)
	tests := []struct{ iso3, id, name string }{
		{"USA", "geo:4140963", "Washington"},
		{"syr", "geo:170654", "Damascus"},
		{"IRN", "geo:112931", "Tehran"},
		{"GBR", "geo:2643743", "London"},
	}
	for _, tt := range tests {
		e, ok := g.Capital(tt.iso3)
		require.True(t, ok, tt.iso3)
		assert.Equal(t, tt.id, e.ID)
		assert.Equal(t, tt.name, e.Name)
		assert.Equal(t, schema.LocCity, e.PlaceKind)
		assert.NotZero(t, e.Lat)
	}
	n := 0
	for _, e := range g.entries {
		if e.Type == TypeCountry {
			if _, ok := g.Capital(e.Country); ok {
				n++
			}
		}
	}
	assert.Greater(t, n, 230)
	_, ok := g.Capital("ATA")
	assert.False(t, ok)
}

func TestByID(t *testing.T) {
	g := mustDefault(t)
	e, ok := g.ByID("org:nato")
	require.True(t, ok)
	assert.Equal(t, "NATO", e.Name)
	e, ok = g.ByID("country:SYR")
	require.True(t, ok)
	assert.Equal(t, "Syria", e.Name)
	_, ok = g.ByID("geo:nowhere")
	assert.False(t, ok)
}

func TestLookupAppendReusesBuffer(t *testing.T) {
	g := mustDefault(t)
	buf := make([]Entry, 0, 32)
	got := g.LookupAppend(buf[:0], "Washington")
	require.NotEmpty(t, got)
	assert.Equal(t, "country:USA", got[0].ID)
	allocs := testing.AllocsPerRun(100, func() {
		buf = g.LookupAppend(buf[:0], "Washington")
	})
	assert.Zero(t, allocs)
}

func TestIsCommonWord(t *testing.T) {
	assert.True(t, IsCommonWord("mobile"))
	assert.True(t, IsCommonWord("Split"))
	assert.False(t, IsCommonWord("Homs"))
}

func FuzzLookup(f *testing.F) {
	g := mustDefault(f)
	for _, s := range []string{"Iran", " North  Korea ", "the Kremlin", "People\u2019s Daily", "\u00a0", "The ", "ÉLYSÉE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, phrase string) {
		got := g.Lookup(phrase)
		again := g.Lookup(normalize(phrase))
		if len(got) != len(again) {
			t.Fatalf("%q: %d entries, normalised %d", phrase, len(got), len(again))
		}
		for _, e := range got {
			if e.ID == "" || e.Match == "" {
				t.Fatalf("%q: bad entry %+v", phrase, e)
			}
		}
		_ = g.LookupFold(phrase)
		_ = g.HasPrefix(phrase)
		_ = g.HasPrefixFold(phrase)
	})
}

func TestConcurrentFirstUse(t *testing.T) {
	g, err := Load(Options{})
	require.NoError(t, err)
	done := make(chan []Entry)
	for range 4 {
		go func() { done <- g.LookupFold("SYRIA") }()
	}
	for range 4 {
		got := <-done
		require.NotEmpty(t, got)
		assert.Equal(t, "country:SYR", got[0].ID)
	}
}
