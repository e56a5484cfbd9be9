package extract

import (
	"context"
	"os"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

// TestEventErrors checks, on testdata/sides.txt (written for this test), the
// errors events used to make: the target of "sanctions on X over Y", aid
// read into "helped X evade", an ended agreement read as an agreement, a
// demand of the speaker's read as the subject's act, a considered strike
// read as a strike, one meeting split per person and country, deaths
// attached to the wrong event, and a refusal dropped instead of kept as a
// REJECT.
func TestEventErrors(t *testing.T) {
	e := newTestExtractor(t)
	b, err := os.ReadFile("testdata/sides.txt")
	require.NoError(t, err)
	d, err := e.Extract(context.Background(), Input{Text: string(b), PublishedAt: "2026-06-04"})
	require.NoError(t, err)
	of := func(typ string) []schema.Event {
		var out []schema.Event
		for _, ev := range d.Events {
			if ev.Type == typ {
				out = append(out, ev)
			}
		}
		return out
	}
	has := func(ids []string, id string) bool { return slices.Contains(ids, id) }

	sanctions := of("SANCTION")
	require.Len(t, sanctions, 2, "Canada on Belarus; Niger ending its agreement with Italy")
	for _, ev := range sanctions {
		assert.False(t, has(ev.Target, "country:LTU"), "over Lithuania: the cause, not the target")
	}
	assert.True(t, has(sanctions[0].Source, "country:CAN") && has(sanctions[0].Target, "country:BLR"))
	assert.Empty(t, of("AID"), "helping Minsk evade export controls is no aid")
	for _, ev := range of("AGREE") {
		assert.False(t, has(ev.Source, "country:NER"), "an ended agreement is not an agreement")
	}
	for _, ev := range d.Events {
		assert.False(t, has(ev.Source, "country:BLR"), "Belarus must face consequences: Belarus does nothing")
		if ev.Type == "ASSAULT" {
			assert.False(t, has(ev.Source, "country:CAN"), "would support striking: no strike")
		}
	}
	assert.Empty(t, of("REQUEST"), "facing consequences is no act demanded")
	require.Len(t, of("CONSULT"), 1, "one meeting, one event")
	consult := of("CONSULT")[0]
	assert.Len(t, consult.Source, 2, "the minister and her country are one side")
	deaths := map[int]schema.Event{}
	for _, ev := range d.Events {
		if ev.Fatalities != nil {
			assert.Equal(t, "ASSAULT", ev.Type, "deaths belong to the attack, not to its condemnation: %+v", ev)
			deaths[*ev.Fatalities] = ev
		}
	}
	require.Len(t, deaths, 2)
	post := deaths[14]
	assert.True(t, has(post.Source, "country:AZE") && has(post.Target, "country:ARM"),
		"the deaths belong to the attack on the Armenian post")
	require.Contains(t, deaths, 9, "the bombing Latvia condemned killed nine")
	assert.Equal(t, []string{"country:LVA"}, deaths[9].Target, "in Daugavpils, where its clause counts the dead")
	rejects := of("REJECT")
	require.Len(t, rejects, 1, "refused to meet: a REJECT, not a dropped meeting")
	assert.Equal(t, []string{"country:POL"}, rejects[0].Source)
	assert.Equal(t, []string{"country:BLR"}, rejects[0].Target)
}

// Generic verbs ("helped", "suspended", "discussed", "received") state an
// event only between two named sides, and a reporter's request for comment is no event, nor is
// what it would have been a comment on.
func TestNoEventFromGenericVerbsOrCommentRequests(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct {
		text, typ string
		want      bool
	}{
		{"The governor helps lead a program for veterans.", "AID", false},
		{"The win is helping the senator stretch her lead.", "AID", false},
		{"Russia helped Syria rebuild its air defences.", "AID", true},
		{"Senator Alma Ruiz suspended her campaign on Tuesday.", "SANCTION", false},
		{"The embassy did not respond to a request for comment.", "REJECT", false},
		{"The ministry declined to comment on the criticism from Ankara.", "ACCUSE", false},
		{"The ministry declined to comment on the criticism from Ankara.", "REJECT", false},
		{"The ministers discussed the crisis at length.", "CONSULT", false},
		{"Chancellor Ute Brandt said she had discussed the issue with French President Paul Roux.", "CONSULT", true},
		{"The senator received 38 percent of the vote.", "CONSULT", false},
		{"Speaking to supporters in Ohio, the governor warned of higher taxes.", "CONSULT", false},
		{"Putin and Erdogan talked by phone on Tuesday.", "CONSULT", true},
		{"Russia and China convened in Beijing.", "CONSULT", true},
		{"Russia suspended its participation in the treaty.", "SANCTION", true},
		{"The United Nations called for immediate talks between Russia and Ukraine.", "REQUEST", true},
		{"Germany demanded immediate withdrawal of Russian troops from Ukraine.", "REQUEST", true},
		{"Russia refused to comment on the attack on Kyiv.", "ASSAULT", false},
		{"The UN asked donors who pledged aid in March to send it to Sudan.", "REQUEST", true},
		{"France and Germany helped draft the resolution.", "AID", false},
		{"Israel did not comply with the ruling of the International Court of Justice.", "REJECT", true},
		{"Sanctions on Russia will remain, the EU said, until Moscow withdraws its troops from Ukraine.", "RETREAT", false},
		{"Hungary criticised the EU for its sanctions on Russia.", "SANCTION", true},
	}
	for _, tt := range tests {
		d, err := e.Extract(context.Background(), Input{Text: tt.text})
		require.NoError(t, err)
		got := false
		for _, ev := range d.Events {
			got = got || ev.Type == tt.typ
		}
		assert.Equal(t, tt.want, got, "%s in %q: %+v", tt.typ, tt.text, d.Events)
	}
}

// With no weapon, no dead and no state or armed group, "attacked",
// "battle" and "beat" are figures of speech: an attack in words accuses,
// a contest is no event.
func TestFigurativeAssault(t *testing.T) {
	e := newTestExtractor(t)
	tests := []struct{ text, want string }{
		{"Senator Dana Holt attacked Governor Luis Pena as too cozy with the banks.", "ACCUSE"},
		{"Senator Dana Holt has hammered Governor Luis Pena throughout the campaign.", "ACCUSE"},
		{"Senator Dana Holt launched a pre-emptive attack against Governor Luis Pena, calling him reckless.", "ACCUSE"},
		{"Holt and Pena battled for the nomination all spring.", ""},
		{"Holt hopes to beat Pena in the primary on Tuesday.", ""},
		{"Holt's battle with Pena for the nomination is far from over.", ""},
		// violence stays violence
		{"Russia attacked Ukraine on Friday.", "ASSAULT"},
		{"Gunmen attacked a bus near Kabul, killing four people.", "ASSAULT"},
		{"A man murdered journalist Anna Petrova in her flat in Minsk on Monday.", "ASSAULT"},
		{"Thugs beat up journalist Anna Petrova in Minsk.", "ASSAULT"},
		{"The battle for Bakhmut raged for months.", "ASSAULT"},
		{"Three men assaulted journalist Anna Petrova outside her home in Minsk.", "ASSAULT"},
		{"A man attacked rabbi Eli Brenner in Berlin on Monday.", "ASSAULT"},
		{"A man hit journalist Anna Petrova outside parliament on Monday.", "ASSAULT"},
		{"Senator Dana Holt hit Governor Luis Pena over his bank speeches.", "ACCUSE"},
		{"The fight against corruption in Ukraine has stalled.", ""},
	}
	for _, tt := range tests {
		d, err := e.Extract(context.Background(), Input{Text: tt.text, PublishedAt: "2026-03-02"})
		require.NoError(t, err)
		var types []string
		for _, ev := range d.Events {
			if ev.Type == "ASSAULT" || ev.Type == "ACCUSE" {
				types = append(types, ev.Type)
			}
		}
		if tt.want == "" {
			assert.Empty(t, types, tt.text)
		} else {
			assert.Equal(t, []string{tt.want}, types, tt.text)
		}
	}
}

// The partner of a generic verb in a with-phrase is its other side, not
// the topic it discussed.
func TestGenericVerbPartner(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Putin discussed Syria with Erdogan."})
	require.NoError(t, err)
	require.Len(t, d.Events, 1, "%+v", d.Events)
	assert.Equal(t, "CONSULT", d.Events[0].Type)
	assert.Equal(t, []string{"person:recep-tayyip-erdogan"}, d.Events[0].Target)
	// "with" after help is no partner: the one helped is
	d, err = e.Extract(context.Background(), Input{Text: "The US helped Ukraine with weapons from Germany."})
	require.NoError(t, err)
	require.Len(t, d.Events, 1, "%+v", d.Events)
	assert.Equal(t, []string{"country:UKR"}, d.Events[0].Target)
	// "by Air Force jets" names who struck, not the means
	d, err = e.Extract(context.Background(), Input{Text: "Strikes by Air Force jets killed 12 people in Gaza."})
	require.NoError(t, err)
	require.NotEmpty(t, d.Events)
	assert.Equal(t, []string{"org:air-force"}, d.Events[0].Source)
}
