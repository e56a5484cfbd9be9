package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// a dictionary excerpt written for this test in the PETRARCH2 format
const sample = `
####### SYNONYM SETS #######

&ARMS_
+RIFLE
+TANK

####### VERB PATTERNS #######

---  REBUKE   [111]  ---
REBUKE
SCOLD {SCOLDS SCOLDED SCOLDING }
+TELL_OFF [112]
- * (OF TREASON)                                      [1121]        # REBUKE
- * CRASH (INTO SEA)                                  [---]         # SCOLD
- * ATTACK ON +                                       [112]         # REBUKE
- POLICE * [173]

---  SHIP   [---]  ---
SHIP
- * &ARMS                                             [0232]        # SHIP
`

func TestCompile(t *testing.T) {
	d, err := parse(strings.NewReader(sample))
	require.NoError(t, err)
	require.Len(t, d.blocks, 2)
	assert.Equal(t, []string{"rifle", "tank"}, d.sets["ARMS"])
	rows := strings.Join(compile(d), "\n")
	for _, want := range []string{
		"rebuke\tACCUSE\t111\t0.60\tverb",
		"scold\tACCUSE\t111\t0.60\tverb",
		"tell off\tACCUSE\t112\t0.60\tverb",
		"scold ... crash into sea\tNONE\t-\t0.80\t",
		"rebuke ... attack on\tACCUSE\t112\t0.80\trec=on",
		"ship ... rifle\tREQUEST\t0232\t0.80\t",
		"ship ... tank\tREQUEST\t0232\t0.80\t",
	} {
		assert.Contains(t, rows, want)
	}
	assert.NotContains(t, rows, "of treason", "a pattern of the verb's own PLOVER type adds nothing")
	assert.NotContains(t, rows, "police", "patterns with words before the verb are not expressible")
	assert.NotContains(t, rows, "ship\t", "a verb coded [---] is no event by itself")
}

func TestPlover(t *testing.T) {
	for code, want := range map[string]string{
		"020": "REQUEST", "036": "AGREE", "042": "CONSULT", "051": "SUPPORT", "057": "AGREE", "061": "COOPERATE",
		"073": "AID", "0831": "CONCEDE", "0871": "RETREAT", "090": "ACCUSE", "100": "REQUEST", "112": "ACCUSE",
		"120": "REJECT", "138": "THREATEN", "141": "PROTEST", "154": "MOBILIZE", "163": "SANCTION", "173": "COERCE",
		"181": "ASSAULT", "195": "ASSAULT", "202": "ASSAULT", "010": "", "---": "",
	} {
		assert.Equal(t, want, plover(code), code)
	}
}
