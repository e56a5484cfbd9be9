package events

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/text"
)

// find runs Find over the single sentence s.
func find(s string) []Trigger {
	return Find(s, text.Tokens(s, 0, len(s)))
}

func spanText(s string, sp Span) string { return s[sp.Start:sp.End] }

// best returns the selected trigger of s (the one a single-event sentence asserts).
func best(t *testing.T, s string) (Trigger, bool) {
	t.Helper()
	sel := Select(find(s))
	if len(sel) == 0 {
		return Trigger{}, false
	}
	return sel[0], true
}

func TestLexiconParses(t *testing.T) {
	l, err := loadLexicon()
	require.NoError(t, err)
	assert.Greater(t, l.size, 500)
	for _, w := range []string{"struck", "met", "withdrew", "sought", "attacked", "banned", "criticised", "talks", "airstrikes"} {
		assert.NotEmpty(t, l.forms[w], w)
	}
}

func TestInflection(t *testing.T) {
	tests := []struct{ lemma, form string }{
		{"ban", "banned"}, {"ban", "banning"}, {"stop", "stopped"}, {"deny", "denied"}, {"deny", "denies"},
		{"agree", "agreed"}, {"agree", "agreeing"}, {"urge", "urging"}, {"visit", "visited"},
		{"threaten", "threatened"}, {"crash", "crashes"}, {"release", "releasing"}, {"strike", "struck"},
	}
	for _, tt := range tests {
		l := &lexicon{forms: map[string][]lemmaForm{}}
		l.addForms(tt.lemma, false, false)
		assert.Contains(t, l.forms, tt.form, tt.lemma)
	}
}

func TestFindTypes(t *testing.T) {
	tests := []struct {
		name, sentence, typ, trigger string
	}{
		{"agree intent cooperate", "The two countries will share intelligence on militant groups.", "AGREE", "share intelligence"},
		{"agree", "Israel and Hamas agreed to a three-day truce on Monday.", "AGREE", "agreed"},
		{"agree intent", "Germany said it will send more aid to Ukraine next year.", "AGREE", ""},
		{"insist on", "The union insisted on a pay rise before talks resume.", "REQUEST", "insisted"},
		{"insist that, a demand", "Lebanon insisted that Israel withdraw from the border villages.", "REQUEST", "insisted"},
		{"ask to, a request", "The minister asked Congress to approve the aid package.", "REQUEST", "asked"},
		{"support behind, an endorsement", "The governor threw his support behind Senator Ada Quist on Monday.", "SUPPORT", "support"},
		{"an appeal to, a request", "Iran's appeal to the United Nations for help went unanswered.", "REQUEST", "appeal to"},
		{"consult meet", "Putin and Erdogan met in Sochi on Tuesday.", "CONSULT", "met"},
		{"consult phone", "Macron held a phone call with Zelensky on Friday.", "CONSULT", "phone call"},
		{"consult visit", "The Chinese foreign minister visited Moscow last week.", "CONSULT", "visited"},
		{"consult call", "Biden called Netanyahu on Sunday night.", "CONSULT", "called"},
		{"support", "The foreign ministry praised the new government in Kabul.", "SUPPORT", "praised"},
		{"support sign", "Japan and Australia signed a defence pact in Tokyo.", "SUPPORT", "signed a defence pact"},
		{"concede", "The government lifted the curfew in the capital after a week.", "CONCEDE", "lifted the curfew"},
		{"cooperate", "The two countries shared intelligence on militant groups.", "COOPERATE", "shared intelligence"},
		{"aid", "The World Bank approved a $500 million loan to Pakistan.", "AID", "loan"},
		{"aid humanitarian", "Saudi Arabia delivered humanitarian aid to Gaza.", "AID", "delivered humanitarian aid"},
		{"retreat withdraw", "Russia withdrew its troops from the Kherson region.", "RETREAT", "withdrew"},
		{"retreat release", "The militants released 20 hostages on Thursday.", "RETREAT", "released"},
		{"request urge", "The UN urged both sides to return to the negotiating table.", "REQUEST", "urged"},
		{"request call for", "China called for restraint from both sides.", "REQUEST", "called for"},
		{"request must", "The minister said Iran must stop enriching uranium.", "REQUEST", "must"},
		{"accuse", "Washington accused Moscow of meddling in the election.", "ACCUSE", "accused"},
		{"accuse condemn", "The European Union condemned the execution of the activists.", "ACCUSE", "condemned"},
		{"accuse called X a Y", "The president called the decision a grave mistake.", "ACCUSE", "called"},
		{"reject", "Egypt rejected the proposal to host the refugees.", "REJECT", "rejected"},
		{"reject refuse", "Hungary refused to sign the declaration.", "REJECT", "refused"},
		{"reject negated", "The rebels did not agree to the ceasefire terms.", "REJECT", "agree"},
		{"threaten", "North Korea threatened to strike Guam.", "THREATEN", "threatened to strike"},
		{"threaten warn", "Tehran warned that it would close the Strait of Hormuz.", "THREATEN", "warned"},
		{"threaten conditional", "The union said it will boycott the talks unless wages rise.", "THREATEN", "boycott"},
		{"protest", "Thousands of demonstrators rallied in Paris against the pension reform.", "PROTEST", ""},
		{"protest labour strike", "Railway workers went on strike over pay on Monday.", "PROTEST", ""},
		{"protest general strike", "Unions called a general strike for Thursday.", "PROTEST", "general strike"},
		{"sanction", "The European Union imposed sanctions on Russia over the annexation of Crimea.", "SANCTION", "imposed sanctions"},
		{"sanction expel", "Poland expelled three Russian diplomats.", "SANCTION", "expelled three Russian diplomats"},
		{"mobilize", "Turkey deployed troops to the Syrian border.", "MOBILIZE", "deployed"},
		{"mobilize alert", "Seoul put its forces on high alert after the launch.", "MOBILIZE", ""},
		{"coerce arrest", "Police arrested 15 protesters in Moscow.", "COERCE", "arrested"},
		{"coerce curfew", "Authorities imposed a curfew in the northern city.", "COERCE", "imposed a curfew"},
		{"accuse attacked policy", "The opposition leader attacked the government's economic policy.", "ACCUSE", "attacked"},
		{"accuse verbal attack", "Trump attacked his Democratic rival in a series of tweets.", "ACCUSE", "attacked"},
		{"assault airstrike", "Israeli air strikes hit targets in southern Lebanon.", "ASSAULT", "air strikes"},
		{"assault launched", "The United States launched 59 Tomahawk missiles at a Syrian air base.", "ASSAULT", "launched 59 Tomahawk missiles"},
		{"assault killed", "Gunmen killed five police officers near the border.", "ASSAULT", "killed"},
		{"assault struck", "A drone strike killed a senior commander in Yemen.", "ASSAULT", "drone strike"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tr, ok := best(t, tt.sentence)
			require.True(t, ok, "no trigger in %q: %+v", tt.sentence, find(tt.sentence))
			assert.Equal(t, tt.typ, tr.Type, "%q: %+v", tt.sentence, find(tt.sentence))
			if tt.trigger != "" {
				assert.Equal(t, tt.trigger, spanText(tt.sentence, tr.Span))
			}
			assert.Regexp(t, `^[0-9]{2,4}$`, tr.Cameo)
		})
	}
}

func TestFindNoEvent(t *testing.T) {
	for _, s := range []string{
		"The minister said on Tuesday that the economy was growing.",
		"The report was published by the agency on Friday.",
		"He announced his candidacy in March 2019.",
		"She died of a heart attack in 2015.",
		"The attack helicopters returned to base.",
		"The company reported a great deal of interest in its shares.",
		"Officials told the press conference that prices would rise.",
		"The ministry released a statement on the economy.",
		"The company failed to meet the deadline.",
		"The government vowed to fight corruption.",
		"Stocks rallied on Wall Street after the data.",
		"Shares sank 5 percent in early trading.",
		"There were signs of recovery in the housing market.",
		"Oil demand is expected to grow next year.",
		"The city faces a host of problems.",
		"She spoke at a campaign rally in Michigan on Friday.",
		"The ministry insisted that the new rules were lawful.",
		"The embassy did not immediately respond to a request for comment on the sanctions.",
		"Republicans must be gnashing their teeth over the polls.",
		"Asked whether he would endorse the governor, the senator smiled.",
		"The moderator asked the candidate about the attack on the embassy.",
		"The senator's appeal among young voters has grown.",
		"Aides were encouraged by the results.",
		"In March, the senator had 38 percent support in the state poll.",
		"The governor has support from 52 percent of likely voters.",
		"The ministry declined to elaborate.",
		"She declined to be interviewed for this article.",
		"She was pressed on why she had not visited the border.",
	} {
		assert.Empty(t, Select(find(s)), s)
	}
}

func TestPassiveAgent(t *testing.T) {
	s := "Syria was struck by US missiles on Friday."
	ts := find(s)
	require.Len(t, ts, 1)
	tr := ts[0]
	assert.Equal(t, "ASSAULT", tr.Type)
	assert.True(t, tr.Passive)
	assert.Equal(t, "US missiles", spanText(s, tr.Agent))
	assert.Equal(t, "Syria", spanText(s, tr.Patient))

	s = "Five soldiers were killed by a roadside bomb."
	tr, ok := best(t, s)
	require.True(t, ok)
	assert.True(t, tr.Passive)
	assert.Equal(t, "Five soldiers", spanText(s, tr.Patient))
}

func TestActiveRoles(t *testing.T) {
	tests := []struct{ sentence, trigger, agent, patient string }{
		{"Russia attacked Ukrainian positions near Bakhmut.", "attacked", "Russia", "Ukrainian positions"},
		{"The European Union imposed sanctions on Iran.", "imposed sanctions", "European Union", "Iran"},
		{"Israel's attack on Gaza drew wide condemnation.", "attack", "Israel", "Gaza"},
		{"The United Nations urged Myanmar to end the violence.", "urged", "United Nations", "Myanmar"},
		{"Moscow withdrew its ambassador from London.", "withdrew its ambassador", "Moscow", "London"},
		{"On Tuesday, Russia, which backs Assad, bombed rebel positions.", "bombed", "Russia", "rebel positions"},
	}
	for _, tt := range tests {
		ts := find(tt.sentence)
		var got *Trigger
		for i := range ts {
			if spanText(tt.sentence, ts[i].Span) == tt.trigger {
				got = &ts[i]
			}
		}
		require.NotNil(t, got, "%q: %+v", tt.sentence, ts)
		assert.Equal(t, tt.agent, spanText(tt.sentence, got.Agent), tt.sentence)
		assert.Equal(t, tt.patient, spanText(tt.sentence, got.Patient), tt.sentence)
		assert.False(t, got.Passive)
	}
}

func TestNegation(t *testing.T) {
	tests := []struct {
		sentence, trigger string
		negated           bool
	}{
		{"Russia did not attack the convoy.", "attack", true},
		{"Russia didn't attack the convoy.", "attack", true},
		{"Iran denied attacking the tanker.", "attacking", true},
		{"The army never withdrew from the town.", "withdrew", true},
		{"Russia attacked the convoy.", "attacked", false},
	}
	for _, tt := range tests {
		ts := find(tt.sentence)
		found := false
		for _, tr := range ts {
			if spanText(tt.sentence, tr.Span) == tt.trigger {
				found = true
				assert.Equal(t, tt.negated, tr.Negated, tt.sentence)
			}
		}
		assert.True(t, found, "%q: %+v", tt.sentence, ts)
	}
	// "denied" itself is the asserted event
	tr, ok := best(t, "Iran denied attacking the tanker.")
	require.True(t, ok)
	assert.Equal(t, "REJECT", tr.Type)
	// a negated cooperative verb refuses; a noun under a negation does not
	for s, want := range map[string]string{
		"Trump did not endorse Ryan on Monday.":                    "REJECT",
		"Paris would not sign the accord.":                         "REJECT",
		"The ministry did not provide details of the plan.":        "AID",
		"I just don't think endorsements matter much in politics.": "SUPPORT",
	} {
		var got []string
		for _, tr := range find(s) {
			if tr.Negated {
				got = append(got, Asserted(tr).Type)
			}
		}
		assert.Equal(t, []string{want}, got, s)
	}
}

func TestSymmetric(t *testing.T) {
	tests := []struct{ sentence, agent, patient string }{
		{"Putin and Erdogan met in Sochi on Tuesday.", "Putin and Erdogan", ""},
		{"Talks between Armenia and Azerbaijan resumed in Brussels.", "Armenia and Azerbaijan", ""},
		{"Blinken met with Wang Yi in Beijing.", "Blinken", "Wang Yi"},
	}
	for _, tt := range tests {
		tr, ok := best(t, tt.sentence)
		require.True(t, ok, tt.sentence)
		assert.Equal(t, "CONSULT", tr.Type, tt.sentence)
		assert.True(t, tr.Symmetric, tt.sentence)
		assert.Equal(t, tt.agent, spanText(tt.sentence, tr.Agent), tt.sentence)
		assert.Equal(t, tt.patient, spanText(tt.sentence, tr.Patient), tt.sentence)
	}
}

func TestEmbedded(t *testing.T) {
	s := "North Korea threatened on Sunday to launch missiles at Guam."
	ts := find(s)
	require.NotEmpty(t, ts)
	assert.Equal(t, "THREATEN", ts[0].Type)
	s = "The council urged Israel to halt its offensive in Gaza."
	ts = find(s)
	require.GreaterOrEqual(t, len(ts), 2, "%+v", ts)
	assert.Equal(t, "REQUEST", ts[0].Type)
	for _, tr := range ts[1:] {
		assert.True(t, tr.Embedded, "%q embedded", spanText(s, tr.Span))
		assert.Less(t, tr.Confidence, ts[0].Confidence)
	}
}

func TestSpansWithinSentence(t *testing.T) {
	doc := "First sentence here. Syria was struck by US missiles on Friday, killing 12 people. Talks resumed."
	for _, sent := range text.Sentences(doc) {
		toks := text.Tokens(doc, sent.Start, sent.End)
		for _, tr := range Find(doc, toks) {
			for _, sp := range []Span{tr.Span, tr.Agent, tr.Patient} {
				if sp.Empty() {
					continue
				}
				assert.GreaterOrEqual(t, sp.Start, sent.Start)
				assert.LessOrEqual(t, sp.End, sent.End)
			}
		}
	}
}

// Which nominal triggers are asserted, and whether the sentence's subject
// may be read as their initiator.
func TestNominalReference(t *testing.T) {
	tests := []struct {
		name, sentence, trigger string
		embedded, anaphoric     bool
	}{
		{"denied doing it", "Syria denied carrying out the gas attack.", "gas attack", true, false},
		{"object of a request", "Russia urged the immediate reinforcement of the Syrian army.", "reinforcement", true, true},
		{"object of another event", "Russia condemned the attack on the convoy.", "attack", false, true},
		{"subject of a that-clause", "He noted that the missile attack was an attempt to distract.", "missile attack", false, true},
		{"in a prepositional phrase", "They discussed Syria's role in the chemical attack.", "chemical attack", false, true},
		{"claimed responsibility", "The Taliban claimed responsibility for the attack.", "attack", false, false},
		{"object of a plain verb", "The United States sped up the withdrawal of its forces from Panama.", "withdrawal", false, false},
		{"indefinite", "Israel launched an attack on Gaza.", "launched an attack", false, false},
		{"subject of reported speech", "Rubio said the talks had been productive.", "talks", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got *Trigger
			trs := find(tt.sentence)
			for i := range trs {
				if spanText(tt.sentence, trs[i].Span) == tt.trigger {
					got = &trs[i]
				}
			}
			require.NotNil(t, got, "trigger %q in %+v", tt.trigger, trs)
			assert.Equal(t, tt.embedded, got.Embedded, "embedded")
			assert.Equal(t, tt.anaphoric, got.Anaphoric, "anaphoric")
		})
	}
}

func TestHypotheticalNouns(t *testing.T) {
	for _, s := range []string{"Witkoff said any deal must end enrichment.", "Sanctions return if no agreement is reached.",
		"Diplomats discussed a possible ceasefire."} {
		seen := false
		for _, tr := range find(s) {
			if w := spanText(s, tr.Span); w == "deal" || w == "agreement" || w == "ceasefire" {
				seen = true
				assert.True(t, tr.Embedded, "%q: %s is a possibility, not an event", s, w)
			}
		}
		assert.True(t, seen, "%q: the noun is found", s)
	}
}

func TestAdjectivalParticiples(t *testing.T) {
	for _, s := range []string{"Negotiators met to discuss a proposed peace plan.", "Troops patrolled the disputed region."} {
		for _, tr := range find(s) {
			w := spanText(s, tr.Span)
			assert.NotContains(t, []string{"proposed", "disputed"}, w, "%q: %s describes a noun", s, w)
		}
	}
	// "an alleged attack" still reports an accusation
	s := "Washington blamed an alleged chemical attack on Damascus."
	found := false
	for _, tr := range find(s) {
		found = found || spanText(s, tr.Span) == "alleged" && tr.Type == "ACCUSE"
	}
	assert.True(t, found, "%+v", find(s))
}

func TestNamesAreNotTriggers(t *testing.T) {
	for _, s := range []string{
		"Ban Ki-moon condemned the test.",
		"Secretary General Ban Ki-moon condemned the test.",
		"Just as intriguing was the RT host Ed Schultz.",
	} {
		for _, tr := range find(s) {
			w := spanText(s, tr.Span)
			assert.NotContains(t, []string{"Ban", "host"}, w, "%q: %s is part of a name or a noun", s, w)
		}
	}
}

// An event spoken of is not the speaker's act: its noun refers back.
func TestTopicOfSpeech(t *testing.T) {
	for s, want := range map[string]bool{
		"Hours later, the chancellor found herself addressing Friday's attack in Munich.": true,
		"The minister recalled the bombing of the embassy.":                               true,
		"The senator recalled her opposition to the war.":                                 false,
		"Rebels launched an attack on the garrison.":                                      false,
	} {
		var got *Trigger
		for _, tr := range find(s) {
			if tr.Nominal || tr.Type == "ASSAULT" || tr.Type == "REJECT" {
				tr := tr
				got = &tr
				break
			}
		}
		require.NotNil(t, got, "no trigger in %q", s)
		assert.Equal(t, want, got.Anaphoric, "%q: %+v", s, *got)
	}
}

// "until" after an intention is a condition, not a fact; the possessive
// before an event noun names its initiator.
func TestUntilAndPossessor(t *testing.T) {
	for s, want := range map[string]bool{
		"The sanctions will stay in place until Moscow withdraws its troops.":                               true,
		"Fighting, which Moscow said would end soon, continued until Russian troops withdrew from Kherson.": false,
	} {
		found := false
		for _, tr := range find(s) {
			if tr.Type == "RETREAT" {
				found = true
				assert.Equal(t, want, tr.Embedded, "%q: %+v", s, tr)
			}
		}
		require.True(t, found, "no withdrawal in %q: %+v", s, find(s))
	}
	s := "Canada imposed sanctions on Iran over its support for armed groups."
	found := false
	for _, tr := range find(s) {
		if tr.Type == "SUPPORT" {
			found = true
			assert.Equal(t, "its", spanText(s, tr.Agent))
		}
	}
	require.True(t, found, "%+v", find(s))
}

func TestArmedName(t *testing.T) {
	for name, want := range map[string]bool{
		"Syrian Arab Army": true, "Rapid Support Forces": true, "Islamic Revolutionary Guard Corps": true,
		"UN Security Council": false, "National Front": false, "Clinton Foundation": false,
	} {
		assert.Equal(t, want, ArmedName(name), name)
	}
}
