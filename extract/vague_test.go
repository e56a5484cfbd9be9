package extract

import (
	"context"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/schema"
)

// A later mention that says only where an attack of the same type happened,
// at a place the article puts around the detailed one, is that attack; at
// another place it is an event of its own.
func TestVagueRepeat(t *testing.T) {
	const lead = "At least 14 people were killed when a missile hit a market in Kramatorsk in Donetsk Oblast on Saturday. "
	tests := []struct {
		name, claim string
		repeat      bool // the claim's airstrike is the lead's attack
	}{
		{"the province the article puts the town in", "a Donetsk airstrike had hit an ammunition store", true},
		{"another province", "a Kharkiv airstrike had hit an ammunition store", false},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{PublishedAt: "2024-03-10", Text: lead +
				"Russia denied the attack, with its foreign ministry insisting that " + tt.claim + ". " +
				"Separately, an airstrike hit a fuel depot in Odesa."})
			require.NoError(t, err)
			var places []string
			for _, ev := range d.Events {
				if ev.Type == "ASSAULT" && ev.Location != nil {
					places = append(places, placeName(d, *ev.Location))
				}
			}
			want := []string{"Kramatorsk", "Odesa"}
			if !tt.repeat {
				want = append(want, "Kharkiv")
			}
			assert.ElementsMatch(t, want, places)
		})
	}
}

func placeName(d schema.Document, id string) string {
	for _, l := range d.Locations {
		if l.ID == id {
			return l.Name
		}
	}
	return id
}
