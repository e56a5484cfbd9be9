package events

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/geokg/geokg/extract/text"
)

func numbers(s string) []Number { return Numbers(s, text.Tokens(s, 0, len(s))) }

func TestNumbers(t *testing.T) {
	tests := []struct {
		sentence   string
		text       string
		value      float64
		unit       string
		fatalities bool
		injured    bool
	}{
		{"The US fired a barrage of 59 Tomahawk missiles at the base.", "59 Tomahawk missiles", 59, "missiles", false, false},
		{"At least 86 people were killed in the attack.", "At least 86 people", 86, "people", true, false},
		{"Troops shelled the village, killing 12 soldiers.", "12 soldiers", 12, "soldiers", true, false},
		{"The death toll rose to 40 on Sunday.", "40", 40, "people", true, false},
		{"Officials said 12 dead and 30 injured.", "12 dead", 12, "people", true, false},
		{"The blast injured 30 people.", "30 people", 30, "people", false, true},
		{"The bank lent $3.5 million to the city.", "$3.5 million", 3.5e6, "dollars", false, false},
		{"More than 1,200 troops crossed the border.", "More than 1,200 troops", 1200, "troops", false, false},
		{"Two soldiers were wounded in the clash.", "Two soldiers", 2, "soldiers", false, true},
		{"Some twenty-five journalists were detained.", "Some twenty-five journalists", 25, "journalists", false, false},
		{"The ship carried 2,000 tons of grain.", "2,000 tons", 2000, "tons", false, false},
		{"A dozen rockets hit the town.", "A dozen rockets", 12, "rockets", false, false},
	}
	for _, tt := range tests {
		ns := numbers(tt.sentence)
		var got *Number
		for i := range ns {
			if tt.sentence[ns[i].Start:ns[i].End] == tt.text {
				got = &ns[i]
			}
		}
		if !assert.NotNil(t, got, "%q: %+v", tt.sentence, ns) {
			continue
		}
		assert.InDelta(t, tt.value, got.Value, 1e-6, tt.sentence)
		assert.Equal(t, tt.unit, got.Unit, tt.sentence)
		assert.Equal(t, tt.fatalities, got.Fatalities, tt.sentence)
		assert.Equal(t, tt.injured, got.Injured, tt.sentence)
	}
}

func TestNumbersSkipped(t *testing.T) {
	for _, s := range []string{
		"The treaty was signed in 2017.",
		"The victim, aged 45, was a teacher.",
		"Inflation rose 5 percent last year.",
		"Growth slowed to 3.2% in the third quarter.",
		"The meeting starts at 10:30 a.m. on Monday.",
		"The vote is set for March 5.",
		"Resolution 2254 calls for a political transition.",
		"John Smith, 45, was arrested.",
		"One of the soldiers was wounded.",
		"Dozens of people were injured.",
		"A 45-year-old man was detained.",
	} {
		assert.Empty(t, numbers(s), s)
	}
}
