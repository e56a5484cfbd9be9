package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestProvenance(t *testing.T) {
	body := "The two governments failed to agree on a new schedule for the ferries on Friday evening."
	tests := []struct {
		name, in string
		want     []string // kind: text of each span
	}{
		{"byline", "Title Here\n\nBy Jane Doe and Tomas Ribeiro\n\n" + body,
			[]string{"byline: By Jane Doe and Tomas Ribeiro"}},
		{"lone author line after the title", "Title Here\n\nHalvard Lund\n\n" + body,
			[]string{"byline: Halvard Lund"}},
		{"outlet line at the end", "Title Here\n\n" + body + "\n\nEastern Ledger",
			[]string{"byline: Eastern Ledger"}},
		{"name line inside the body is kept", "Title Here\n\n" + body + "\n\nHalvard Lund\n\n" + body, nil},
		{"name lines without blank lines around are kept", "Title Here\n\n" + body + "\nHalvard Lund\n" + body, nil},
		{"dateline outlet", "Title Here\n\nLISBON, May 3 (Caspian Wire) - " + body,
			[]string{"outlet: (Caspian Wire)"}},
		{"dateline outlet after a mixed-case place", "Title\n\nWashington (AFP) - " + body,
			[]string{"outlet: (AFP)"}},
		{"party code is no outlet", "Title\n\nSen. Lindsey Graham (R-S.C.) - " + body, nil},
		{"parenthesis in running text is no dateline", "Title\n\nThe minister (Caspian Wire said) - " + body, nil},
		{"photo credit", "Title\n\n" + body + "\n\nPhoto: Ana Pires/Eastern Ledger",
			[]string{"credit: Photo: Ana Pires/Eastern Ledger"}},
		{"reuters trailer", "Title\n\n" + body + "\n\nReporting by Jane Doe; Editing by Tom Brown",
			[]string{"credit: Reporting by Jane Doe; Editing by Tom Brown"}},
		{"prose starting with a credit word is kept", "Title\n\nReporting by the paper showed that the ministry had hidden the figures for years.", nil},
		{"contributed reporting", "Title\n\n" + body + "\n\nMirela Kovac contributed reporting from Rabat.",
			[]string{"contrib: Mirela Kovac contributed reporting from Rabat."}},
		{"contributed reporting inside a sentence is kept", "Title\n\n" + body + " Officials said the plan contributed reporting delays.", nil},
		{"author right above the dateline", "Title Here\n\nEmily Stephenson\nWASHINGTON (Caspian Wire) - " + body,
			[]string{"byline: Emily Stephenson", "outlet: (Caspian Wire)"}},
		{"inline photo credit in a caption", "Title\n\n" + body + "\n\nDock workers march in Lisbon on Friday. (Photo: Ana Pires/Eastern Ledger)",
			[]string{"credit: (Photo: Ana Pires/Eastern Ledger)"}},
		{"parenthesis that is no credit", "Title\n\n" + body + " (The ferry runs twice a week.)", nil},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, p := range Provenance(tt.in) {
				got = append(got, p.Kind+": "+tt.in[p.Start:p.End])
			}
			assert.Equal(t, tt.want, got)
		})
	}
	ps := Provenance("T\n\nLISBON, May 3 (Caspian Wire) - " + body)
	if assert.Len(t, ps, 1) {
		assert.Equal(t, "Caspian Wire", ps[0].Name)
	}
}
