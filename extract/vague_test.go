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
// another place it is an event of its own, and so is a place in a list of
// towns.
func TestVagueRepeat(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string // where the article's assaults happened
	}{
		{"the province the article puts the town in",
			"Artillery fire killed nine people at a bus station in Lysychansk in Luhansk Oblast on Thursday. " +
				"Local officials later said a Luhansk airstrike had also damaged a school nearby. " +
				"Separately, an airstrike hit a fuel depot in Odesa.",
			[]string{"Lysychansk", "Odesa"}},
		{"another province",
			"Artillery fire killed nine people at a bus station in Lysychansk in Luhansk Oblast on Thursday. " +
				"Local officials later said a Zaporizhzhia airstrike had also damaged a school.",
			[]string{"Lysychansk", "Zaporizhzhya"}},
		{"a list of towns is no province",
			"Shelling killed 12 people in Homs, Aleppo and Idlib on Friday. Separately, an Aleppo airstrike hit a hospital.",
			[]string{"Homs", "Aleppo"}},
	}
	e := newTestExtractor(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := e.Extract(context.Background(), Input{Text: tt.text, PublishedAt: "2024-03-09"})
			require.NoError(t, err)
			var places []string
			for _, ev := range d.Events {
				if ev.Type == "ASSAULT" && ev.Location != nil {
					places = append(places, placeName(d, *ev.Location))
				}
			}
			assert.ElementsMatch(t, tt.want, places)
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
