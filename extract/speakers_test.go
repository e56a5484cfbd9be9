package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestNounPhrase(t *testing.T) {
	for phrase, want := range map[string]bool{
		"the judge": true, "a senior European diplomat": true, "Analysts": true, "even his own supporters": true,
		"half the voters": true, "fundraising reports": true, "those close to the boxer": true,
		"Holding signs": false, "releasing a new ad": false, "wrote an op-ed": false, "Hours": false,
		"there": false, "I just kept": false, "10-year": false, "argued": false,
	} {
		assert.Equal(t, want, nounPhrase(strings.Fields(phrase)), phrase)
	}
}

func TestDescribedSpeakers(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Talks Resume\n\nThe judge said the hearing would resume on Monday. " +
		"The government's critics have in particular argued that the law is unfair. " +
		"Analysts said the ruling could be appealed. " +
		"WASHINGTON said nothing. \"We are ready,\" he said."})
	assert.NoError(t, err)
	speakers := map[string]string{}
	for _, st := range d.Statements {
		if st.Speaker != nil {
			speakers[st.Text] = *st.Speaker
		}
	}
	names := map[string]string{}
	for _, a := range d.Actors {
		names[a.ID] = a.Kind + ":" + a.Name
	}
	assert.Equal(t, "person:the judge", names[speakers["the hearing would resume on Monday"]])
	assert.Equal(t, "group:the government's critics", names[speakers["that the law is unfair"]])
	// a bare plural speaks of people in general: a statement, no actor
	found := false
	for _, st := range d.Statements {
		if st.Text == "the ruling could be appealed" {
			found = true
			assert.Nil(t, st.Speaker, "analysts in general are no actor")
		}
	}
	assert.True(t, found, "the analysts' statement is kept: %+v", d.Statements)
	for id := range names {
		if strings.HasPrefix(id, "speaker:") {
			assert.Contains(t, id, strings.TrimPrefix(d.Article.ID, "sha256:")[:12], "described speakers are scoped to the article")
		}
	}
}

// A capitalised speaker the name tagger missed is someone (a company when
// written like one); a common word, a plural or a place is not.
func TestUnseenNameSpeakers(t *testing.T) {
	e := newTestExtractor(t)
	d, err := e.Extract(context.Background(), Input{Text: "Asked about the vote, Holloway said the count was fair. " +
		"\"We will appeal,\" said Vosberg. Holmes said the bridge was closed. Exports fell in May, Commerce said. " +
		"Eyewitnesses said the road was flooded. Murmansk said the port was icebound. HuffPost reported that the rally was cancelled. Al-Hakimi said the ceasefire would hold."})
	assert.NoError(t, err)
	speakers := map[string]string{}
	for _, st := range d.Statements {
		name := "-"
		if st.Speaker != nil {
			if a := actorByID(d, *st.Speaker); a != nil {
				name = a.Kind + ":" + a.Name
			}
		}
		speakers[st.Text] = name
	}
	for text, want := range map[string]string{
		"the count was fair":           "person:Holloway",
		"We will appeal,":              "person:Vosberg",
		"the bridge was closed":        "person:Holmes",
		"Exports fell in May":          "-",
		"the road was flooded":         "-",
		"that the rally was cancelled": "organization:HuffPost",
		"the ceasefire would hold":     "person:Al-Hakimi",
	} {
		assert.Equal(t, want, speakers[text], text)
	}
	assert.NotEqual(t, "person:Murmansk", speakers["the port was icebound"])
}
