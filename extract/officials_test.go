package extract

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

// personIDs lists the ids of the people of an article.
func personIDs(t *testing.T, e *Extractor, text, published string) map[string]schema.Actor {
	t.Helper()
	d, err := e.Extract(context.Background(), Input{Text: text, PublishedAt: published})
	require.NoError(t, err)
	checkDocument(t, d)
	out := map[string]schema.Actor{}
	for _, a := range d.Actors {
		if a.Kind == schema.KindPerson {
			out[a.ID] = a
		}
	}
	return out
}

func TestOfficialIDsDoNotDependOnSpelling(t *testing.T) {
	e := newTestExtractor(t)
	for _, tc := range []struct{ name, text, published, id string }{
		{"full name", "Vladimir Putin met the governor in Sochi on Tuesday.", "2016-05-10", "person:vladimir-putin"},
		{"title and surname", "President Putin met the governor in Sochi on Tuesday.", "2016-05-10", "person:vladimir-putin"},
		{"surname alone", "Putin met the governor in Sochi on Tuesday.", "2016-05-10", "person:vladimir-putin"},
		{"initial", "Vladimir V. Putin met the governor in Sochi on Tuesday.", "2016-05-10", "person:vladimir-putin"},
		{"no date", "President Putin met the governor in Sochi on Tuesday.", "", "person:vladimir-putin"},
		{"other transliteration", "Foreign Minister Sergei Lavrov spoke in Geneva on Monday.", "2015-02-02", "person:sergey-lavrov"},
		{"dictionary spelling", "Sergey Lavrov spoke in Geneva on Monday.", "2015-02-02", "person:sergey-lavrov"},
		{"son, not father", "George W. Bush spoke in Texas on Monday.", "2004-02-02", "person:george-w-bush"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ps := personIDs(t, e, tc.text, tc.published)
			assert.Contains(t, ps, tc.id)
			assert.Len(t, ps, 1)
		})
	}
}

func TestOfficialsSharingASurnameStayApart(t *testing.T) {
	e := newTestExtractor(t)
	ps := personIDs(t, e, "Hillary Clinton campaigned in Ohio on Monday. Bill Clinton spoke in Iowa.", "2016-03-01")
	assert.Contains(t, ps, "person:hillary-clinton")
	assert.Contains(t, ps, "person:bill-clinton")
	// a bare surname two officials share is not resolved across articles
	ps = personIDs(t, e, "Clinton campaigned in Ohio on Monday and spoke about trade.", "2016-03-01")
	assert.NotContains(t, ps, "person:hillary-clinton")
	assert.NotContains(t, ps, "person:bill-clinton")
	// two Kims of two Koreas
	ps = personIDs(t, e, "Kim Jong Il received a delegation in Pyongyang. In Seoul, Kim Jong Pil criticised the visit.", "1999-06-01")
	require.Contains(t, ps, "person:kim-jong-il")
	require.Contains(t, ps, "person:kim-jong-pil")
	assert.Equal(t, "PRK", *ps["person:kim-jong-il"].Country)
	assert.Equal(t, "KOR", *ps["person:kim-jong-pil"].Country)
}

func TestOfficialRolesFromTheTable(t *testing.T) {
	e := newTestExtractor(t)
	// the date decides the office: in 2016 Putin holds a Russian government office
	ps := personIDs(t, e, "Putin told reporters in Sochi that talks would continue.", "2016-05-10")
	p := ps["person:vladimir-putin"]
	require.NotNil(t, p.Country)
	assert.Equal(t, "RUS", *p.Country)
	assert.Equal(t, []schema.Role{{Title: "Government", Of: "country:RUS"}}, p.Roles)
	// a title the dictionary notes for the term
	ps = personIDs(t, e, "Sergey Lavrov spoke in Geneva on Monday.", "2015-02-02")
	assert.Equal(t, []schema.Role{{Title: "Foreign Minister", Of: "country:RUS"}}, ps["person:sergey-lavrov"].Roles)
	// the text's title wins; the table only says whose it is
	ps = personIDs(t, e, "President Putin met the governor in Sochi on Tuesday.", "2016-05-10")
	assert.Equal(t, []schema.Role{{Title: "President", Of: "country:RUS"}}, ps["person:vladimir-putin"].Roles)
	// never against the text: a country the text gives stays, and no office of another country is added
	ps = personIDs(t, e, "Kazakh envoy Vladimir Putin met the governor in Almaty on Tuesday.", "2016-05-10")
	p = ps["person:vladimir-putin"]
	require.NotNil(t, p.Country)
	assert.Equal(t, "KAZ", *p.Country)
	assert.Equal(t, []schema.Role{{Title: "Envoy", Of: "country:KAZ"}}, p.Roles)
	// before the office, identity and affiliation only
	ps = personIDs(t, e, "Putin met the governor in Leningrad on Tuesday.", "1990-05-10")
	assert.Empty(t, ps["person:vladimir-putin"].Roles)
	assert.Equal(t, "RUS", *ps["person:vladimir-putin"].Country)
}

func TestIndianMinistersAffiliation(t *testing.T) {
	e := newTestExtractor(t)
	// a minister the table knows: India from the table
	ps := personIDs(t, e, "Anand Sharma told reporters in Geneva that the talks had stalled.", "2012-07-01")
	require.Contains(t, ps, "person:anand-sharma")
	assert.Equal(t, "IND", *ps["person:anand-sharma"].Country)
	// one it does not know (appointed after the dictionary): India from the text
	ps = personIDs(t, e, "India's foreign minister S. Jaishankar said in Delhi that the talks had stalled. Jaishankar added that he would travel to Tokyo.", "2020-07-01")
	require.Contains(t, ps, "person:jaishankar")
	assert.Equal(t, "IND", *ps["person:jaishankar"].Country)
	assert.Equal(t, []schema.Role{{Title: "Foreign Minister", Of: "country:IND"}}, ps["person:jaishankar"].Roles)
}
