package extract

import (
	"context"
	"errors"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	e, err := New(Options{})
	require.NoError(t, err)
	return e
}

func actorByName(d schema.Document, name string) *schema.Actor {
	for i := range d.Actors {
		if d.Actors[i].Name == name {
			return &d.Actors[i]
		}
	}
	return nil
}

// extractActor extracts text and returns the document and its actor named name.
func extractActor(t *testing.T, e *Extractor, text, name string) (schema.Document, *schema.Actor) {
	t.Helper()
	d, err := e.Extract(context.Background(), Input{Text: text})
	require.NoError(t, err)
	a := actorByName(d, name)
	require.NotNil(t, a, "no actor %q in %+v", name, d.Actors)
	return d, a
}

func actorByID(d schema.Document, id string) *schema.Actor {
	for i := range d.Actors {
		if d.Actors[i].ID == id {
			return &d.Actors[i]
		}
	}
	return nil
}

func TestExtractErrors(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name string
		in   Input
		want error
	}{
		{"empty", Input{}, ErrEmpty},
		{"spaces", Input{Text: " \n\t \n"}, ErrEmpty},
		{"binary", Input{Text: "\x00\x01\x02PNG\x00\x00\xff\xfe"}, ErrBinary},
		{"too large", Input{Text: strings.Repeat("Iran said so. ", 20<<20/14+1)}, ErrTooLarge},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := e.Extract(context.Background(), c.in)
			require.Error(t, err)
			assert.True(t, errors.Is(err, c.want), "got %v", err)
		})
	}
}

func TestExtractEmptyHTML(t *testing.T) {
	e := newTestExtractor(t)
	_, err := e.Extract(context.Background(), Input{HTML: "<html><body><script>x()</script></body></html>"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "html")
}

func TestExtractInvalidUTF8(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Iran \xff\xfe and Russia met in Moscow on Friday."})
	require.NoError(t, err)
	assert.NotContains(t, d.Article.Text, "\xff")
	checkDocument(t, d)
}

func TestReadInput(t *testing.T) {
	cases := []struct {
		name, file, data string
		check            func(t *testing.T, in Input)
		wantErr          string
	}{
		{name: "text", file: "a.txt", data: "Iran and Russia met.", check: func(t *testing.T, in Input) {
			assert.Equal(t, "Iran and Russia met.", in.Text)
		}},
		{name: "json", file: "a.json", data: `{"url":"u","title":"T","published_at":"2017-04-12","text":"Iran met Russia."}`,
			check: func(t *testing.T, in Input) {
				assert.Equal(t, "u", in.URL)
				assert.Equal(t, "2017-04-12", in.PublishedAt)
				assert.Equal(t, "Iran met Russia.", in.Text)
			}},
		{name: "html sniffed", file: "page", data: "<!DOCTYPE html><html><body><p>Iran met Russia.</p></body></html>",
			check: func(t *testing.T, in Input) {
				assert.Empty(t, in.Text)
				assert.Contains(t, in.HTML, "<p>")
			}},
		{name: "empty", file: "a.txt", data: "  \n", wantErr: "no article text"},
		{name: "binary", file: "a.bin", data: "\x00\x01\x02\x03", wantErr: "binary"},
		{name: "latin-1 repaired", file: "a.txt", data: "Fran\xe7ois Hollande met Russia in Moscow and talked.",
			check: func(t *testing.T, in Input) {
				assert.Equal(t, "François Hollande met Russia in Moscow and talked.", in.Text)
			}},
		{name: "mojibake repaired", file: "a.txt", data: "FranÃ§ois Hollande met Russia.", check: func(t *testing.T, in Input) {
			assert.Equal(t, "François Hollande met Russia.", in.Text)
		}},
		{name: "bad json", file: "a.json", data: `{"title": 3}`, wantErr: "a.json"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in, err := ReadInput(c.file, []byte(c.data))
			if c.wantErr != "" {
				require.Error(t, err)
				assert.Contains(t, err.Error(), c.wantErr)
				return
			}
			require.NoError(t, err)
			c.check(t, in)
		})
	}
}

func TestRoles(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		text, person, title, of, country string
	}{
		{"Iranian Defense Minister Hossein Dehqan spoke on Tuesday.", "Hossein Dehqan", "Defense Minister", "country:IRN", "IRN"},
		{"US President Donald Trump arrived in Tokyo.", "Donald Trump", "President", "country:USA", "USA"},
		{"Sergei Shoigu, Russia's defence minister, met officials in Damascus.", "Sergei Shoigu", "Defense Minister", "country:RUS", "RUS"},
		{"The talks were led by Angela Merkel, the German chancellor, in Berlin.", "Angela Merkel", "Chancellor", "country:DEU", "DEU"},
		{"Iranian Foreign Minister Javad Zarif spoke by phone with his Turkish counterpart, Mevlut Cavusoglu, on Monday.",
			"Mevlut Cavusoglu", "Foreign Minister", "country:TUR", "TUR"},
		{"UN Secretary-General Antonio Guterres called for calm.", "Antonio Guterres", "Secretary-General", "org:un", ""},
		{"The prime minister of Japan, Shinzo Abe, visited Manila.", "Shinzo Abe", "Prime Minister", "country:JPN", "JPN"},
		{"Oman's foreign minister, Badr Albusaidi, said both sides were flexible.", "Badr Albusaidi", "Foreign Minister", "country:OMN", "OMN"},
		{"Assistant Secretary of State Victoria Nuland visited Kyiv.", "Victoria Nuland", "Assistant Secretary of State", "", ""},
	}
	for _, c := range cases {
		t.Run(c.person, func(t *testing.T) {
			d, p := extractActor(t, e, c.text, c.person)
			assert.Equal(t, schema.KindPerson, p.Kind)
			require.NotEmpty(t, p.Roles)
			assert.Equal(t, c.title, p.Roles[0].Title)
			if strings.HasPrefix(c.of, "org:") {
				assert.True(t, strings.HasPrefix(p.Roles[0].Of, "org:"), "of = %q", p.Roles[0].Of)
			} else {
				assert.Equal(t, c.of, p.Roles[0].Of)
			}
			if c.country != "" {
				require.NotNil(t, p.Country)
				assert.Equal(t, c.country, *p.Country)
			}
			checkDocument(t, d)
		})
	}
}

// A titled person with no stated country takes the article's country only
// when the article is about that one country, or holds a local office.
func TestDefaultCountry(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, text, person string
		country            any // string, or nil for none
	}{
		{"one country", "France said on Monday it would send troops to the border. Defence Minister Pierre Joxe said France " +
			"was ready. France has 5,000 soldiers there, France's army said.", "Pierre Joxe", "FRA"},
		{"several countries, national title", "North Korea tested a missile. North Korea said the test succeeded. North Korea " +
			"and China held talks. President Okafor condemned North Korea's test, and North Korea rejected it.", "Okafor", nil},
		{"several countries, an official the table knows", "North Korea tested a missile. North Korea said the test succeeded. North Korea " +
			"and China held talks. President Obama condemned North Korea's test, and North Korea rejected it.", "Barack Obama", "USA"},
		{"several countries, local office", "Afghanistan mourned. Afghanistan's army said 23 people were killed in Afghanistan. " +
			"Afghanistan and Pakistan closed a crossing. Provincial governor Hayatullah Hayat said Afghanistan would respond.",
			"Hayatullah Hayat", "AFG"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, p := extractActor(t, e, c.text, c.person)
			if c.country == nil {
				assert.Nil(t, p.Country)
			} else {
				require.NotNil(t, p.Country)
				assert.Equal(t, c.country, *p.Country)
			}
		})
	}
}

func TestCoreference(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, text, mention, person string
	}{
		{"surname", "Iranian Defense Minister Hossein Dehqan criticised the strike. Dehqan said it was illegal.", "Dehqan", "person:hossein-dehqan"},
		{"role", "Sergei Shoigu, Russia's defense minister, arrived. The Russian defense minister urged calm.", "Russian defense minister", "person:sergei-shoigu"},
		{"particle surname", "Syrian Defense Minister Fahd Jassem al-Freij visited Homs. Freij met troops.", "Freij", "person:fahd-jassem-al-freij"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{Text: c.text})
			require.NoError(t, err)
			p := actorByID(d, c.person)
			require.NotNil(t, p, "no %s in %+v", c.person, d.Actors)
			found := false
			last := strings.LastIndex(d.Article.Text, c.mention)
			for _, m := range p.Mentions {
				if m.Start <= last && last < m.End {
					found = true
				}
			}
			assert.True(t, found, "mention %q not linked to %s: %+v", c.mention, c.person, p.Mentions)
		})
	}
}

// A pronoun is resolved to the person it stands for (here: the speaker of
// what follows it) but is not one of the person's mentions, which are where
// the article names them.
func TestPronouns(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, text, said, pronoun, person string
	}{
		{"pronoun", "German Chancellor Angela Merkel met the press. She said Europe would act.", "Europe would act", "She", "person:angela-merkel"},
		{"pronoun after quote", "\"We will respond,\" said Iranian Defense Minister Hossein Dehqan. He said Washington would regret it.",
			"Washington would regret it", "He", "person:hossein-dehqan"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{Text: c.text})
			require.NoError(t, err)
			var speaker string
			for _, st := range d.Statements {
				if st.Text == c.said && st.Speaker != nil {
					speaker = *st.Speaker
				}
			}
			assert.Equal(t, c.person, speaker, "the speaker of %q in %+v", c.said, d.Statements)
			p := actorByID(d, c.person)
			require.NotNil(t, p)
			for _, m := range p.Mentions {
				assert.NotEqual(t, c.pronoun, m.Text, "a pronoun is no mention")
			}
		})
	}
}

func TestSpeakers(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Russian Foreign Minister Sergei Lavrov met reporters. \"We will not accept this,\" he said. " +
		"Washington said the talks had failed. \"Nothing has changed,\" Lavrov said."})
	require.NoError(t, err)
	require.Len(t, d.Statements, 3)
	// "Sergei Lavrov" is the table of officials' "Sergey Lavrov": one id for both spellings
	for i, want := range []string{"person:sergey-lavrov", "country:USA", "person:sergey-lavrov"} {
		require.NotNil(t, d.Statements[i].Speaker, "statement %d", i)
		assert.Equal(t, want, *d.Statements[i].Speaker, "statement %d: %q", i, d.Statements[i].Text)
	}
}

func TestPlaces(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, text, place, kind, country string
	}{
		{"context country", "Syrian troops shelled rebels near Homs on Friday.", "Homs", schema.LocCity, "SYR"},
		{"admin1", "At least 86 people were killed in Khan Sheikhoun in Idlib Province.", "Idlib", schema.LocAdmin1, "SYR"},
		{"country as place", "Russian jets struck targets in Syria.", "Syria", schema.LocCountry, "SYR"},
		{"water", "US warships deployed to the eastern Mediterranean.", "Eastern Mediterranean", schema.LocWater, ""},
		{"capital as place", "Leaders met in Moscow on Monday.", "Moscow", schema.LocCity, "RUS"},
		{"world city over a namesake town", "The United States said the United States would leave the climate accord. " +
			"The United States will not return, officials in Paris were told.", "Paris", schema.LocCity, "FRA"},
		{"qualified by a state", "A rally was held in Paris, Texas, on Monday.", "Paris", schema.LocCity, "USA"},
		{"qualified by an abbreviation", "A rally in Athens, Ga., drew thousands.", "Athens", schema.LocCity, "USA"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{Text: c.text})
			require.NoError(t, err)
			var got *schema.Location
			for i := range d.Locations {
				if d.Locations[i].Name == c.place {
					got = &d.Locations[i]
				}
			}
			require.NotNil(t, got, "no location %q in %+v", c.place, d.Locations)
			assert.Equal(t, c.kind, got.Kind)
			if c.country != "" {
				require.NotNil(t, got.Country)
				assert.Equal(t, c.country, *got.Country)
			}
			assert.NotNil(t, got.Lat)
		})
	}
}

// A town the gazetteer lacks is no location rather than a namesake abroad,
// and abbreviated months are not names.
func TestNoFalsePlacesOrNames(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Donna Rawlings, 59, of Ashton, Md., said she voted. On Nov. 11, 2014, he spoke."})
	require.NoError(t, err)
	for _, l := range d.Locations {
		assert.NotEqual(t, "Ashton", l.Name)
	}
	assert.Nil(t, actorByName(d, "Nov."))
}

func TestEvents(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{PublishedAt: "2017-04-12", Text: "US warships launched 59 Tomahawk missiles against an air base " +
		"in Syria near Homs on Friday. At least 86 people were killed in a chemical attack in Khan Sheikhoun."})
	require.NoError(t, err)
	checkDocument(t, d)
	var strike, gas *schema.Event
	for i := range d.Events {
		ev := &d.Events[i]
		if ev.Type == "ASSAULT" && ev.Date != nil && strike == nil {
			strike = ev
		}
		if ev.Fatalities != nil {
			gas = ev
		}
	}
	require.NotNil(t, strike, "%+v", d.Events)
	assert.Equal(t, "2017-04-07", *strike.Date)
	assert.Contains(t, strike.Source, "country:USA")
	require.NotNil(t, gas)
	assert.Equal(t, 86, *gas.Fatalities)
}

// Who is on each side of an event: the side named inside the trigger
// phrase, never the speaker of a closing attribution.
func TestEventSides(t *testing.T) {
	e := newTestExtractor(t)
	cases := []struct {
		name, text, typ string
		source, target  []string
	}{
		{"inside the phrase", "Switzerland expelled two Russian diplomats for spying.", "SANCTION",
			[]string{"country:CHE"}, []string{"country:RUS"}},
		{"closing speaker", "France will send 4,000 troops to Liberia, Defence Minister Pierre Joxe said on Monday.", "",
			nil, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{Text: c.text})
			require.NoError(t, err)
			require.NotEmpty(t, d.Events)
			joxe := actorByName(d, "Pierre Joxe")
			for _, ev := range d.Events {
				if joxe != nil {
					assert.NotContains(t, ev.Target, joxe.ID, "the speaker is not a side: %+v", ev)
				}
				if ev.Type == c.typ {
					assert.Equal(t, c.source, ev.Source)
					assert.Equal(t, c.target, ev.Target)
				}
			}
		})
	}
}

// A lead that summarises an event told in detail later is one event, dated
// by the detailed account.
func TestLeadSummaryIsTheDetailedEvent(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{PublishedAt: "2017-04-12", Text: "Iranian Defense Minister Hossein Dehqan held phone talks " +
		"with his Russian counterpart. Dehqan spoke by phone with Russian Defense Minister Sergei Shoigu on Tuesday."})
	require.NoError(t, err)
	var consult []schema.Event
	for _, ev := range d.Events {
		if ev.Type == "CONSULT" {
			consult = append(consult, ev)
		}
	}
	require.Len(t, consult, 1, "%+v", d.Events)
	require.NotNil(t, consult[0].Date)
	assert.Equal(t, "2017-04-11", *consult[0].Date)
}

// "The Kyiv attack" happened in Kyiv; a dateline's day is not a quantity.
func TestCapitalBeforeAnEventNoun(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{PublishedAt: "2025-11-24", Text: "KYIV, Nov 24 - Russian drones struck a power station " +
		"in Kyiv overnight. Russia's defence ministry did not comment on the Kyiv attack."})
	require.NoError(t, err)
	require.NotEmpty(t, d.Events)
	for _, ev := range d.Events {
		assert.NotContains(t, ev.Source, "country:UKR", "Kyiv is where, not who: %+v", ev)
		for _, q := range ev.Quantities {
			assert.NotEqual(t, 24.0, q.Value, "the dateline's day: %+v", ev)
		}
	}
}

// A neighbour named as a border or a destination is not a party, and what
// an earlier event acted upon is not the initiator of a later one.
func TestPlacesAreNotParties(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{PublishedAt: "2025-03-21", Text: "Gunmen killed at least 27 soldiers in an attack on an army post " +
		"in western Niger near the border with Mali on Friday. The attackers set fire to vehicles before fleeing towards Mali. " +
		"The junta expelled French troops and turned to Russia for security assistance."})
	require.NoError(t, err)
	for _, ev := range d.Events {
		assert.NotContains(t, ev.Source, "country:MLI", "%+v", ev)
		assert.NotContains(t, ev.Source, "country:FRA", "%+v", ev)
		if ev.Type == "ASSAULT" && ev.Fatalities != nil {
			assert.Equal(t, []string{"country:NER"}, ev.Target, "27 killed in Niger")
		} else {
			assert.NotContains(t, ev.Target, "country:MLI", "fleeing towards Mali: %+v", ev)
		}
	}
}

func TestReciprocalAndAppositive(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "China and the Philippines accused each other on Monday of causing a collision. " +
		"The United States, a treaty ally of the Philippines, condemned China's actions near the Second Thomas Shoal."})
	require.NoError(t, err)
	accuse := 0
	for _, ev := range d.Events {
		assert.NotEqual(t, "AGREE", ev.Type, "'a treaty ally' describes the United States: %+v", ev)
		if ev.Type == "ACCUSE" && len(ev.Source) == 1 && len(ev.Target) == 1 &&
			(ev.Source[0] == "country:CHN" && ev.Target[0] == "country:PHL" || ev.Source[0] == "country:PHL" && ev.Target[0] == "country:CHN") {
			accuse++
		}
	}
	assert.Equal(t, 1, accuse, "%+v", d.Events)
	assert.Nil(t, actorByName(d, "Thomas Shoal"), "a shoal is a place")
}

// "Companies accused of supplying Russia" are accused; nobody speaks.
func TestReducedRelativePassive(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "The package imposes travel bans on 75 individuals and entities, including Chinese " +
		"companies accused of supplying Russia with military technology."})
	require.NoError(t, err)
	assert.Empty(t, d.Statements)
	for _, ev := range d.Events {
		if ev.Type == "ACCUSE" {
			assert.Empty(t, ev.Source, "%+v", ev)
			assert.Equal(t, []string{"country:CHN"}, ev.Target)
		}
	}
}

func TestNoJunk(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Iran, Russia, Syria Seek Increased Defense Cooperation\n\n" +
		"On Tuesday the ministers met. They fired 59 Tomahawk missiles in April.\n\nAdd new comment\n\nRead our comment policy before posting"})
	require.NoError(t, err)
	for _, a := range d.Actors {
		assert.Equal(t, schema.KindCountry, a.Kind, "junk actor %q", a.Name)
	}
	for _, l := range d.Locations {
		assert.NotContains(t, []string{"Tomahawk", "Tuesday", "April"}, l.Name)
	}
}

func TestDeterministicAndConcurrent(t *testing.T) {
	e := newTestExtractor(t)
	in := Input{Text: "Iranian Defense Minister Hossein Dehqan said on Tuesday that the US strike on Syria was illegal. " +
		"\"It was aggression,\" he said.", PublishedAt: "2017-04-12", URL: "https://example.org/a"}
	first, err := e.Extract(context.Background(), in)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(first.Article.ID, "sha256:"))
	assert.Equal(t, Version, first.Extractor)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d, err := e.Extract(context.Background(), in)
			assert.NoError(t, err)
			assert.Equal(t, first, d)
		}()
	}
	wg.Wait()
}

// checkDocument verifies the contract invariants: offsets inside the text and
// matching their text, ids resolvable.
func checkDocument(t testing.TB, d schema.Document) {
	t.Helper()
	txt := d.Article.Text
	span := func(what string, s schema.Span) {
		if s.Start < 0 || s.End > len(txt) || s.Start >= s.End {
			t.Fatalf("%s: span %d-%d outside text of %d bytes", what, s.Start, s.End, len(txt))
		}
		if txt[s.Start:s.End] != s.Text {
			t.Fatalf("%s: span text %q != %q", what, s.Text, txt[s.Start:s.End])
		}
	}
	ids := map[string]bool{}
	for _, a := range d.Actors {
		if ids[a.ID] {
			t.Fatalf("actor id %s twice", a.ID)
		}
		ids[a.ID] = true
		for _, m := range a.Mentions {
			span("actor "+a.ID, m)
		}
	}
	for _, l := range d.Locations {
		ids[l.ID] = true
		for _, m := range l.Mentions {
			span("location "+l.ID, m)
		}
	}
	for _, a := range d.Actors {
		for _, r := range a.Roles {
			if r.Of != "" && !ids[r.Of] {
				t.Fatalf("role of %s: unknown id %q", a.ID, r.Of)
			}
		}
	}
	evIDs := map[string]bool{}
	for _, ev := range d.Events {
		if evIDs[ev.ID] {
			t.Fatalf("event id %s twice", ev.ID)
		}
		evIDs[ev.ID] = true
		span("event "+ev.ID, ev.Evidence)
		for _, id := range append(append([]string{}, ev.Source...), ev.Target...) {
			if !ids[id] {
				t.Fatalf("event %s: unknown actor %q", ev.ID, id)
			}
		}
		if ev.Location != nil && !ids[*ev.Location] {
			t.Fatalf("event %s: unknown location %q", ev.ID, *ev.Location)
		}
	}
	stIDs := map[string]bool{}
	for _, st := range d.Statements {
		if stIDs[st.ID] {
			t.Fatalf("statement id %s twice", st.ID)
		}
		stIDs[st.ID] = true
		span("statement "+st.ID, st.Evidence)
		if st.Speaker != nil && !ids[*st.Speaker] {
			t.Fatalf("statement %s: unknown speaker %q", st.ID, *st.Speaker)
		}
		for _, id := range st.About {
			if !ids[id] {
				t.Fatalf("statement %s: unknown about %q", st.ID, id)
			}
		}
	}
}

// TestLargeArticle checks that a long, repetitive article (every feature on
// every line) is handled in near-linear time with valid offsets.
func TestLargeArticle(t *testing.T) {
	if testing.Short() {
		t.Skip("large input")
	}
	e := newTestExtractor(t)
	line := "Iranian Defense Minister Hossein Dehqan met Sergei Shoigu in Moscow on Friday. \"We will respond,\" he said. " +
		"Syria and Russia attacked rebels near Homs, killing 12 people. She said Washington had failed. "
	text := strings.Repeat(line, (1<<20)/len(line))
	d, err := e.Extract(context.Background(), Input{Text: text, PublishedAt: "2017-04-12"})
	require.NoError(t, err)
	checkDocument(t, d)
	assert.NotEmpty(t, d.Statements)
	assert.NotEmpty(t, d.Events)
}

func TestSameEventSameID(t *testing.T) {
	e := newTestExtractor(t)
	a, err := e.Extract(context.Background(), Input{PublishedAt: "2017-04-12", URL: "https://a.example/1",
		Text: "The United States launched 59 Tomahawk missiles at a Syrian air base near Homs on Friday."})
	require.NoError(t, err)
	b, err := e.Extract(context.Background(), Input{PublishedAt: "2017-04-09", URL: "https://b.example/2",
		Text: "Officials said the United States launched missiles at a Syrian air base near Homs on Friday, April 7."})
	require.NoError(t, err)
	find := func(d schema.Document) string {
		for _, ev := range d.Events {
			if ev.Type == "ASSAULT" && ev.Date != nil {
				return ev.ID
			}
		}
		return ""
	}
	idA, idB := find(a), find(b)
	require.NotEmpty(t, idA, "%+v", a.Events)
	assert.Equal(t, idA, idB)
	assert.NotEqual(t, a.Article.ID, b.Article.ID)
}

func TestWriteSummary(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{PublishedAt: "2017-04-12", Text: "Iranian Defense Minister Hossein Dehqan spoke with his " +
		"Russian counterpart, Sergei Shoigu, on Tuesday. \"The attack was aggression,\" Dehqan said. " +
		"US warships launched 59 Tomahawk missiles at an air base near Homs in Syria on Friday."})
	require.NoError(t, err)
	var b strings.Builder
	require.NoError(t, WriteSummary(&b, d))
	out := b.String()
	assert.Contains(t, out, "Hossein Dehqan [IRN] — Defense Minister of Iran")
	assert.Contains(t, out, "Sergei Shoigu [RUS] — Defense Minister of Russia")
	assert.Contains(t, out, "United States ASSAULT Syria")
	assert.Contains(t, out, "in Homs, on 2017-04-07")
	assert.Contains(t, out, `Hossein Dehqan (direct): "The attack was aggression,"`)
}

func TestOrganisationNamesAndAttribution(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "James Acton is co-director of the Nuclear Policy Program at the Carnegie Endowment for International Peace. " +
		"At least 13 people were killed in clashes across the country, according to the Venezuelan Observatory of Social Conflict."})
	require.NoError(t, err)
	org := actorByName(d, "Carnegie Endowment for International Peace")
	require.NotNil(t, org, "actors: %+v", d.Actors)
	assert.Nil(t, org.Country, "a small town's name lends no country")
	for _, l := range d.Locations {
		assert.NotEqual(t, "Carnegie", l.Name, "part of an organisation's name, not a place")
	}
	obs := actorByName(d, "Venezuelan Observatory of Social Conflict")
	require.NotNil(t, obs, "actors: %+v", d.Actors)
	for _, ev := range d.Events {
		assert.NotContains(t, append(ev.Source, ev.Target...), obs.ID, "the source of the information is not a party: %+v", ev)
	}
	checkDocument(t, d)
}

// The outlet that reports an event does not take part in it, and common
// acronyms are not organisations.
func TestOutletsAreNotParties(t *testing.T) {
	e := newTestExtractor(t)
	for _, in := range []Input{
		{Text: "RIGA, March 15 (Baltic Wire) - Hundreds of people demonstrated outside the Russian embassy in Riga against GPS jamming."},
		{Text: "A Baltic Observatory crew saw hundreds of people demonstrate in Riga on Saturday.", Source: "Baltic Observatory"},
	} {
		d, err := e.Extract(context.Background(), in)
		require.NoError(t, err)
		require.NotEmpty(t, d.Events, in.Text)
		for _, ev := range d.Events {
			for _, id := range append(ev.Source, ev.Target...) {
				assert.NotContains(t, []string{"org:baltic-wire", "org:baltic-observatory"}, id, "%s: %+v", in.Text, ev)
			}
		}
		assert.Nil(t, actorByName(d, "GPS"))
	}
}

func TestRelativeEventDates(t *testing.T) {
	e := newTestExtractor(t)
	b, err := os.ReadFile("testdata/anniversary.json")
	require.NoError(t, err)
	in, err := ReadInput("anniversary.json", b)
	require.NoError(t, err)
	d, err := e.Extract(context.Background(), in)
	require.NoError(t, err)
	dates := map[string]string{}
	for _, ev := range d.Events {
		require.NotNil(t, ev.Date, "event %s has no date", ev.Type)
		dates[ev.Type] = *ev.Date
		if ev.Type == "SUPPORT" {
			assert.Empty(t, ev.Quantities, "'10 years ago' is a date, not a quantity")
		}
	}
	assert.Equal(t, map[string]string{
		"SUPPORT": "2006-06-12", // signed 10 years ago Sunday (published Monday 2016-06-13)
		"ASSAULT": "2016-06-10", // on Friday
		"COERCE":  "2016-06-11", // a day after the attack
	}, dates)
}
