package text

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func sentenceTexts(text string) []string {
	var out []string
	for _, s := range Sentences(text) {
		out = append(out, s.Text(text))
	}
	return out
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"simple", "The strike hit. Syria denied it.", []string{"The strike hit.", "Syria denied it."}},
		{"question exclamation", "Why now? Nobody knows! It was late.", []string{"Why now?", "Nobody knows!", "It was late."}},
		{"U.S. mid", "The U.S. military fired 59 missiles.", []string{"The U.S. military fired 59 missiles."}},
		{"U.S. end", "Missiles came from the U.S. The base was hit.", []string{"Missiles came from the U.S.", "The base was hit."}},
		{"U.S. President", "The U.S. President spoke.", []string{"The U.S. President spoke."}},
		{"U.N.", "The U.N. Security Council met.", []string{"The U.N. Security Council met."}},
		{"U.K.", "The U.K. Foreign Office said so.", []string{"The U.K. Foreign Office said so."}},
		{"Mr.", "Mr. Trump ordered the strike.", []string{"Mr. Trump ordered the strike."}},
		{"Mrs. Ms. Dr.", "Mrs. May, Ms. Haley and Dr. Smith met.", []string{"Mrs. May, Ms. Haley and Dr. Smith met."}},
		{"military ranks", "Gen. Mattis, Lt. Gen. McMaster, Col. Dorrian, Sgt. Smith, Capt. Davis, Adm. Harris and Maj. Lee spoke.",
			[]string{"Gen. Mattis, Lt. Gen. McMaster, Col. Dorrian, Sgt. Smith, Capt. Davis, Adm. Harris and Maj. Lee spoke."}},
		{"politicians", "Gov. Brown, Sen. McCain, Rep. Schiff and Rev. Jackson spoke.", []string{"Gov. Brown, Sen. McCain, Rep. Schiff and Rev. Jackson spoke."}},
		{"St. Jr. Sr. Prof.", "Prof. Ali visited St. Petersburg with John Smith Jr. and Tom Sr. on Friday.", []string{"Prof. Ali visited St. Petersburg with John Smith Jr. and Tom Sr. on Friday."}},
		{"months", "On Jan. 5, Feb. 6, Aug. 7, Sept. 11, Oct. 1, Nov. 2 and Dec. 3 they met.", []string{"On Jan. 5, Feb. 6, Aug. 7, Sept. 11, Oct. 1, Nov. 2 and Dec. 3 they met."}},
		{"No.", "He is the No. 2 official.", []string{"He is the No. 2 official."}},
		{"vs. etc. e.g. i.e.", "It was Russia vs. Ukraine, e.g. tanks, i.e. armour, etc. and more.", []string{"It was Russia vs. Ukraine, e.g. tanks, i.e. armour, etc. and more."}},
		{"etc. end", "They brought tanks, guns, etc. The convoy left.", []string{"They brought tanks, guns, etc.", "The convoy left."}},
		{"a.m. p.m.", "The attack began at 4 a.m. local time and ended at 6 p.m. Friday.", []string{"The attack began at 4 a.m. local time and ended at 6 p.m. Friday."}},
		{"p.m. end", "It ended at 6 p.m. The next day was calm.", []string{"It ended at 6 p.m.", "The next day was calm."}},
		{"companies", "Raytheon Co. and Lockheed Corp. and BAE Ltd. and Apple Inc. bid.", []string{"Raytheon Co. and Lockheed Corp. and BAE Ltd. and Apple Inc. bid."}},
		{"initials", "George W. Bush met J. R. R. Tolkien.", []string{"George W. Bush met J. R. R. Tolkien."}},
		{"decimal", "Growth was 3.5 percent. Prices rose.", []string{"Growth was 3.5 percent.", "Prices rose."}},
		{"ellipsis lower", "We will... never give up.", []string{"We will... never give up."}},
		{"ellipsis upper", "We waited... Then it came.", []string{"We waited...", "Then it came."}},
		{"unicode ellipsis", "We waited… Then it came.", []string{"We waited…", "Then it came."}},
		{"quote end", `"We are ready," he said. "We will respond."`, []string{`"We are ready," he said.`, `"We will respond."`}},
		{"period inside closing quote", `He said: "It is over." Then he left.`, []string{`He said: "It is over."`, `Then he left.`}},
		{"curly period inside closing quote", "He said: “It is over.” Then he left.", []string{"He said: “It is over.”", "Then he left."}},
		{"comma quote", `"We will respond," he said.`, []string{`"We will respond," he said.`}},
		{"question quote lower", `"Why?" he asked.`, []string{`"Why?" he asked.`}},
		{"multi-sentence quote", `"We are ready. We will fight," he said.`, []string{`"We are ready.`, `We will fight," he said.`}},
		{"curly multi-sentence quote", "“We are ready. We will fight.” He left.", []string{"“We are ready.", "We will fight.”", "He left."}},
		{"single quotes", "He called it 'a crime.' Russia disagreed.", []string{"He called it 'a crime.'", "Russia disagreed."}},
		{"paren", "The base (near Homs.) was hit. Damage was light.", []string{"The base (near Homs.) was hit.", "Damage was light."}},
		{"newline", "Headline without period\nThe body starts here. It goes on.", []string{"Headline without period", "The body starts here.", "It goes on."}},
		{"paragraphs", "First para.\n\nSecond para", []string{"First para.", "Second para"}},
		{"lowercase after period", "The approx. figure was high.", []string{"The approx. figure was high."}},
		{"number start", "He arrived in 2017. 59 missiles were fired.", []string{"He arrived in 2017.", "59 missiles were fired."}},
		{"D.C.", "He flew to Washington, D.C. The talks began.", []string{"He flew to Washington, D.C.", "The talks began."}},
		{"D.C. mid", "Washington, D.C. Mayor Bowser spoke.", []string{"Washington, D.C. Mayor Bowser spoke."}},
		{"trims spaces", "  One.   Two.  ", []string{"One.", "Two."}},
		{"empty", "", nil},
		{"no closing quote start", `He said. "Yes." She agreed.`, []string{`He said.`, `"Yes."`, `She agreed.`}},
		{"detached curly close", "He said: “We are done. ” Then left.", []string{"He said: “We are done. ”", "Then left."}},
		{"I end", "So did I. Then we left.", []string{"So did I.", "Then we left."}},
		{"URL", "See example.com for more. Done.", []string{"See example.com for more.", "Done."}},
		{"question quote name said", "“Do you know what it is?” Graham asked. “Neither do I.”", []string{"“Do you know what it is?” Graham asked.", "“Neither do I.”"}},
		{"exclamation quote title name said", `"Stop!" Sen. John Smith shouted. Nobody did.`, []string{`"Stop!" Sen. John Smith shouted.`, "Nobody did."}},
		{"question quote new sentence", `"Why?" The answer came later.`, []string{`"Why?"`, "The answer came later."}},
		{"right quote used as opening", "Photo credit. ”Mr. Smith is here,” she said.", []string{"Photo credit.", "”Mr. Smith is here,” she said."}},
		{"state abbreviation mid", "In Selma, Ala. Mayor Smith spoke.", []string{"In Selma, Ala. Mayor Smith spoke."}},
		{"state abbreviation end", "He spoke in Selma, Ala. But the crowd was small.", []string{"He spoke in Selma, Ala.", "But the crowd was small."}},
		{"Jr. end", "He met Martin Luther King Jr. The talks went well.", []string{"He met Martin Luther King Jr.", "The talks went well."}},
		{"Roe v. Wade", "The Roe v. Wade ruling stands.", []string{"The Roe v. Wade ruling stands."}},
		{"cjk", "你好。再见。", []string{"你好。", "再见。"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, sentenceTexts(tt.in))
		})
	}
}
