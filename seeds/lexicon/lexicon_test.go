package lexicon

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLists(t *testing.T) {
	cases := []struct {
		file   string
		fields int      // fields every line must have at least
		kinds  []string // allowed values of field 2, when set
		min    int      // at least this many entries
	}{
		{"titles.txt", 1, nil, 150},
		{"honorifics.txt", 2, []string{"m", "f", "-"}, 20},
		{"firstnames.txt", 2, []string{"m", "f", "-"}, 800},
		{"familyfirst.txt", 1, nil, 50},
		{"orgwords.txt", 2, []string{"organization", "group"}, 80},
		{"orgheads.txt", 2, []string{"organization", "group"}, 20},
		{"placewords.txt", 2, []string{"facility", "water", "region", "other"}, 30},
		{"thingwords.txt", 1, nil, 40},
		{"notnames.txt", 1, nil, 200},
	}
	for _, c := range cases {
		t.Run(c.file, func(t *testing.T) {
			rows, err := Fields(c.file)
			require.NoError(t, err)
			assert.GreaterOrEqual(t, len(rows), c.min)
			for _, r := range rows {
				require.GreaterOrEqual(t, len(r), c.fields, "line %v", r)
				assert.NotEmpty(t, r[0])
				if c.kinds != nil {
					assert.Contains(t, c.kinds, r[1], "line %v", r)
				}
			}
		})
	}
}

func TestMissingList(t *testing.T) {
	_, err := Lines("nope.txt")
	assert.Error(t, err)
}
