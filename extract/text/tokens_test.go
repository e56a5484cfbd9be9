package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func tokenTexts(s string) []string {
	var out []string
	for _, t := range Tokens(s, 0, len(s)) {
		out = append(out, t.Text)
	}
	return out
}

func TestTokens(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"The U.S. fired 59 missiles.", []string{"The", "U.S.", "fired", "59", "missiles", "."}},
		{"Bashar al-Assad's forces", []string{"Bashar", "al-Assad", "'s", "forces"}},
		{"Assad’s forces", []string{"Assad", "’s", "forces"}},
		{"Khan Sheikhoun, don't", []string{"Khan", "Sheikhoun", ",", "don't"}},
		{"On Jan. 5, 5,000 people; 3.5 percent", []string{"On", "Jan.", "5", ",", "5,000", "people", ";", "3.5", "percent"}},
		{`"We will respond," he said.`, []string{`"`, "We", "will", "respond", ",", `"`, "he", "said", "."}},
		{"“Yes” ‘no’ «oui»", []string{"“", "Yes", "”", "‘", "no", "’", "«", "oui", "»"}},
		{"George W. Bush", []string{"George", "W.", "Bush"}},
		{"at 4 p.m. (local)", []string{"at", "4", "p.m.", "(", "local", ")"}},
		{"wait... what?!", []string{"wait", "...", "what", "?", "!"}},
		{"2,000-year-old site", []string{"2,000-year-old", "site"}},
		{"students' union", []string{"students", "'", "union"}},
		{"O'Brien", []string{"O'Brien"}},
		{"$5 million, 10%", []string{"$", "5", "million", ",", "10", "%"}},
		{"Дамаск и Москва", []string{"Дамаск", "и", "Москва"}},
		{"So did I.", []string{"So", "did", "I", "."}},
		{"'s alone", []string{"'s", "alone"}},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			assert.Equal(t, tt.want, tokenTexts(tt.in))
		})
	}
}

func TestTokensOffsets(t *testing.T) {
	s := "Intro. The U.S. fired “59” missiles."
	toks := Tokens(s, 7, len(s))
	assert.Equal(t, "The", toks[0].Text)
	assert.Equal(t, 7, toks[0].Start)
	for _, tk := range toks {
		assert.Equal(t, tk.Text, s[tk.Start:tk.End])
	}
	assert.Nil(t, Tokens(s, 5, 2))
	assert.NotEmpty(t, Tokens(s, -3, 1000))
}
