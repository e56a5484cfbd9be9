package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geokg/geokg/extract/text"
)

// want is one expected statement; Content is matched exactly, Speaker and
// Cue exactly when not empty ("-" for no speaker).
type want struct {
	Kind, Content, Speaker, Cue string
	Inherit                     bool
}

func spanText(s string, sp Span) string { return s[sp.Start:sp.End] }

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []want
	}{
		{"after, straight quotes",
			`"We will not accept this," the minister said.`,
			[]want{{Kind: Direct, Content: "We will not accept this,", Speaker: "the minister", Cue: "said"}}},
		{"after, curly, inverted with appositive",
			"“The talks have failed,” said Maria Lopez, a spokeswoman for the ministry.",
			[]want{{Kind: Direct, Content: "The talks have failed,", Speaker: "Maria Lopez", Cue: "said"}}},
		{"before with colon",
			"Iranian Defense Minister Hossein Dehqan said: “Our forces are ready to respond.”",
			[]want{{Kind: Direct, Content: "Our forces are ready to respond.", Speaker: "Iranian Defense Minister Hossein Dehqan", Cue: "said"}}},
		{"middle attribution, one statement",
			"“We are ready,” he said. “Nobody should doubt it.”",
			[]want{{Kind: Direct, Content: "We are ready,” he said. “Nobody should doubt it.", Speaker: "he", Cue: "said"}}},
		{"multi-sentence quote",
			"The senator told reporters: “This is a disgrace. It has to stop. We will vote against it.”",
			[]want{{Kind: Direct, Content: "This is a disgrace. It has to stop. We will vote against it.", Speaker: "The senator", Cue: "told"}}},
		{"quote over paragraphs",
			"Kerry said: “The ceasefire is holding in most places.\n\n“We expect aid convoys to move next week.”",
			[]want{{Kind: Direct, Content: "The ceasefire is holding in most places.\n\n“We expect aid convoys to move next week.", Speaker: "Kerry", Cue: "said"}}},
		{"NYT doubled apostrophes",
			"''That's Mexico's weak point,'' said Luis Ortega, an economist in Monterrey.",
			[]want{{Kind: Direct, Content: "That's Mexico's weak point,", Speaker: "Luis Ortega", Cue: "said"}}},
		{"backquote style",
			"``We need more time,'' the envoy said on Monday.",
			[]want{{Kind: Direct, Content: "We need more time,", Speaker: "the envoy", Cue: "said"}}},
		{"guillemets",
			"«Nous sommes prêts», a government spokesman said.",
			[]want{{Kind: Direct, Content: "Nous sommes prêts", Speaker: "a government spokesman", Cue: "said"}}},
		{"reported with that",
			"A Homeland Security Department official said Friday that hackers have targeted voter systems in 20 states.",
			[]want{{Kind: Indirect, Content: "that hackers have targeted voter systems in 20 states", Speaker: "A Homeland Security Department official", Cue: "said"}}},
		{"expressed a stance",
			"Shoigu expressed Moscow's determination to keep fighting terrorists.",
			[]want{{Kind: Indirect, Content: "Moscow's determination to keep fighting terrorists", Speaker: "Shoigu", Cue: "expressed"}}},
		{"reported without that",
			"Donald Trump says Hillary Clinton is lying about the trade deal.",
			[]want{{Kind: Indirect, Content: "Hillary Clinton is lying about the trade deal", Speaker: "Donald Trump", Cue: "says"}}},
		{"reported, attribution after",
			"The strikes will continue until the group surrenders, the Russian defense minister said on Tuesday.",
			[]want{{Kind: Indirect, Content: "The strikes will continue until the group surrenders", Speaker: "the Russian defense minister", Cue: "said"}}},
		{"according to, after",
			"More than 200 people were killed in the fighting, according to the United Nations.",
			[]want{{Kind: Indirect, Content: "More than 200 people were killed in the fighting", Speaker: "the United Nations", Cue: "according to"}}},
		{"according to, before",
			"According to Reuters, the convoy reached Aleppo on Sunday.",
			[]want{{Kind: Indirect, Content: "the convoy reached Aleppo on Sunday", Speaker: "Reuters", Cue: "According to"}}},
		{"partial quote inside reported speech",
			"He warned that the US is implementing “suspicious and dangerous” plans in the region.",
			[]want{{Kind: Direct, Content: "that the US is implementing “suspicious and dangerous” plans in the region", Speaker: "He", Cue: "warned"}}},
		{"nested attribution is part of the outer content",
			"The spokesman says the minister promised to reopen the border crossing.",
			[]want{{Kind: Indirect, Content: "the minister promised to reopen the border crossing", Speaker: "The spokesman", Cue: "says"}}},
		{"what X called, inside a stance",
			`The envoy condemned what he called a "reckless provocation" by the navy.`,
			[]want{{Kind: Direct, Content: `what he called a "reckless provocation" by the navy`, Speaker: "The envoy", Cue: "condemned"}}},
		{"accused inside reported speech",
			"The minister said that the rebels had accused the army of shelling the town.",
			[]want{{Kind: Indirect, Content: "that the rebels had accused the army of shelling the town", Speaker: "The minister", Cue: "said"}}},
		{"second attribution after although ends the first",
			"The mayor said the plan would cut costs, although she noted that the council must still approve it.",
			[]want{
				{Kind: Indirect, Content: "the plan would cut costs", Speaker: "The mayor", Cue: "said"},
				{Kind: Indirect, Content: "that the council must still approve it", Speaker: "she", Cue: "noted"}}},
		{"second attribution after a comma ends the first",
			"Ortiz said the strike was over, Lena Park noted that the union had won little.",
			[]want{
				{Kind: Indirect, Content: "the strike was over", Speaker: "Ortiz", Cue: "said"},
				{Kind: Indirect, Content: "that the union had won little", Speaker: "Lena Park", Cue: "noted"}}},
		{"attribution as its own sentence after an exclamation, with an adjunct",
			"“Please welcome the next governor!” State Senator Dale Pruitt said as he opened the rally.",
			[]want{{Kind: Direct, Content: "Please welcome the next governor!", Speaker: "State Senator Dale Pruitt", Cue: "said"}}},
		{"inverted, speaker with a relative clause",
			"“If I were a donor, I'd want answers,” said a party committee member who backs the governor.",
			[]want{{Kind: Direct, Content: "If I were a donor, I'd want answers,", Speaker: "a party committee member", Cue: "said"}}},
		{"a relative clause's attribution inside reported speech leaves it whole",
			"He said the army, which said it had no role, was lying.",
			[]want{{Kind: Indirect, Content: "the army, which said it had no role, was lying", Speaker: "He", Cue: "said"}}},
		{"clipped before a quotation: reported speech",
			`He said the plan failed, although Obama called it "a triumph".`,
			[]want{
				{Kind: Indirect, Content: "the plan failed", Speaker: "He", Cue: "said"},
				{Kind: Direct, Content: `it "a triumph"`, Speaker: "Obama", Cue: "called"}}},
		{"a relative clause with its own speaker inside reported speech",
			"Kyiv said the strike, which Moscow said hit a depot, a barracks and a radar, killed 12 soldiers.",
			[]want{
				{Kind: Indirect, Content: "the strike, which Moscow said hit a depot, a barracks and a radar, killed 12 soldiers", Speaker: "Kyiv", Cue: "said"},
				{Kind: Indirect, Content: "hit a depot, a barracks and a radar", Speaker: "Moscow", Cue: "said"}}},
		{"told reporters that",
			"Foreign Minister Sergei Lavrov told reporters in Moscow that the talks would resume.",
			[]want{{Kind: Indirect, Content: "that the talks would resume", Speaker: "Foreign Minister Sergei Lavrov", Cue: "told"}}},
		{"in a statement",
			"In a statement, the ministry said it had summoned the ambassador.",
			[]want{{Kind: Indirect, Content: "it had summoned the ambassador", Speaker: "the ministry", Cue: "said"}}},
		{"has said",
			"Merkel has said Germany will not pay for the wall.",
			[]want{{Kind: Indirect, Content: "Germany will not pay for the wall", Speaker: "Merkel", Cue: "said"}}},
		{"middle of reported speech",
			"The deal, Mr. Castro said, would be signed within a month.",
			[]want{{Kind: Indirect, Content: "The deal, Mr. Castro said, would be signed within a month", Speaker: "Mr. Castro", Cue: "said"}}},
		{"relative clause speaker",
			"Anna Berg, who heads the Nordic Policy Center in Oslo, said the sanctions were working.",
			[]want{{Kind: Indirect, Content: "the sanctions were working", Speaker: "Anna Berg, who heads the Nordic Policy Center in Oslo", Cue: "said"}}},
		{"participle adding",
			"The president said the army was ready, adding that reinforcements had arrived.",
			[]want{
				{Kind: Indirect, Content: "the army was ready", Speaker: "The president", Cue: "said"},
				{Kind: Indirect, Content: "that reinforcements had arrived", Speaker: "The president", Cue: "adding"},
			}},
		{"speech verbs",
			"The general stressed that the border remained closed. Officials insisted the vote was fair. She denied that any deal had been made.",
			[]want{
				{Kind: Indirect, Content: "that the border remained closed", Speaker: "The general", Cue: "stressed"},
				{Kind: Indirect, Content: "the vote was fair", Speaker: "Officials", Cue: "insisted"},
				{Kind: Indirect, Content: "that any deal had been made", Speaker: "She", Cue: "denied"},
			}},
		{"tweeted",
			"Trump tweeted that the report was fake news.",
			[]want{{Kind: Indirect, Content: "that the report was fake news", Speaker: "Trump", Cue: "tweeted"}}},
		{"continuation paragraph inherits",
			"“We will rebuild,” the mayor said.\n\n“Nothing will stop us now, not even the winter.”",
			[]want{
				{Kind: Direct, Content: "We will rebuild,", Speaker: "the mayor", Cue: "said"},
				{Kind: Direct, Content: "Nothing will stop us now, not even the winter.", Speaker: "-", Inherit: true},
			}},
		{"a straight mark is not continued by a curly one",
			"The clerk read the notice: \"The office is closed.\n\n“We reopen on Monday,” the mayor said.",
			[]want{{Kind: Direct, Content: "We reopen on Monday,", Speaker: "the mayor", Cue: "said"}}},
		{"name and colon: a transcript line",
			"KASICH: We are going all the way to Cleveland.",
			[]want{{Kind: Indirect, Content: "We are going all the way to Cleveland", Speaker: "KASICH", Cue: ":"}}},
		{"name, outlet and colon: the name speaks",
			"Olena Marchuk, Kyiv Courier: \"We have seen this before.\"",
			[]want{{Kind: Direct, Content: "We have seen this before.", Speaker: "Olena Marchuk", Cue: ":"}}},
		{"a note is no speaker",
			"Note: The figures were revised on Monday morning.",
			nil},
		{"he wrote",
			"\"The list is long,\" he wrote.",
			[]want{{Kind: Direct, Content: "The list is long,", Speaker: "he", Cue: "wrote"}}},
		{"nested quotation stays one statement",
			"\"They told us, 'Wait until Monday,' and then nobody came back,\" said the captain.",
			[]want{{Kind: Direct, Content: "They told us, 'Wait until Monday,' and then nobody came back,", Speaker: "the captain", Cue: "said"}}},
		{"quotation marks pair within each quotation",
			"\"We are ready,\" the minister said. Officials disagreed. \"Nobody is ready,\" an aide said.",
			[]want{{Kind: Direct, Content: "We are ready,", Speaker: "the minister", Cue: "said"},
				{Kind: Direct, Content: "Nobody is ready,", Speaker: "an aide", Cue: "said"}}},
		{"asked not to be named is no statement",
			"The figures were confirmed by an official who asked not to be named.",
			nil},
		{"a relative clause between the speaker and the cue",
			"The union, which opposed the plan, said the workers deserved better.",
			[]want{{Kind: Indirect, Content: "the workers deserved better", Speaker: "The union, which opposed the plan", Cue: "said"}}},
		{"an approximate quantity speaks",
			"About 9 percent said they had no preference.",
			[]want{{Kind: Indirect, Content: "they had no preference", Speaker: "About 9 percent", Cue: "said"}}},
		{"an aside between the speaker and the cue",
			"Hunter, meanwhile, told reporters on Wednesday that he is in favor of the plan.",
			[]want{{Kind: Indirect, Content: "that he is in favor of the plan", Speaker: "Hunter, meanwhile", Cue: "told"}}},
		{"not speech: noun and weak verb",
			"The claims were rejected. He added troops to the border. His remarks were brief.",
			nil},
		{"scare quotes alone are not statements",
			"The so-called “peace plan” was published on Monday.",
			nil},
		{"passive told is not a cue",
			"He was told to leave the country.",
			nil},
		{"signed with a dash",
			"“We deserve a government that listens to us.” ― Maria Lopez\n\n“Nobody asked us.” ― Juan Pérez",
			[]want{
				{Kind: Direct, Content: "We deserve a government that listens to us.", Speaker: "Maria Lopez", Cue: "―"},
				{Kind: Direct, Content: "Nobody asked us.", Speaker: "Juan Pérez", Cue: "―"},
			}},
		{"attribution in its own sentence",
			"“Does anybody know what the plan is?” Graham asked. “Neither do I.”",
			[]want{{Kind: Direct, Content: "Does anybody know what the plan is?” Graham asked. “Neither do I.", Speaker: "Graham", Cue: "asked"}}},
		{"coordinated verb takes the subject",
			"The defense minister visited the base on Monday and said the troops were ready.",
			[]want{{Kind: Indirect, Content: "the troops were ready", Speaker: "The defense minister", Cue: "said"}}},
		{"relative pronoun takes the antecedent",
			"The strike was condemned by an envoy who said the attack violated the truce.",
			[]want{{Kind: Indirect, Content: "the attack violated the truce", Speaker: "an envoy", Cue: "said"}}},
		{"catenative verb",
			"The prime minister continues to insist that the election was fair.",
			[]want{{Kind: Indirect, Content: "that the election was fair", Speaker: "The prime minister", Cue: "insist"}}},
		{"called X a Y",
			"The opposition leader called the deal a betrayal of the country.",
			[]want{{Kind: Indirect, Content: "the deal a betrayal of the country", Speaker: "The opposition leader", Cue: "called"}}},
		{"appositive chain before the cue",
			"Olga Petrova, 54, of Kazan, who watched the parade, said the city had changed.",
			[]want{{Kind: Indirect, Content: "the city had changed", Speaker: "Olga Petrova, 54, of Kazan, who watched the parade", Cue: "said"}}},
		{"quote with a participle clause after the attribution",
			"“The ceasefire is over,” a rebel commander said on Sunday, adding that his men would fight on.",
			[]want{
				{Kind: Direct, Content: "The ceasefire is over,", Speaker: "a rebel commander", Cue: "said"},
				{Kind: Indirect, Content: "that his men would fight on", Speaker: "a rebel commander", Cue: "adding"},
			}},
		{"closing mark typed as opening",
			"”We will not leave,” the protesters said.",
			[]want{{Kind: Direct, Content: "We will not leave,", Speaker: "the protesters", Cue: "said"}}},
		{"single quotes inside",
			"“They called it ‘a historic day,’ but nothing changed,” the activist said.",
			[]want{{Kind: Direct, Content: "They called it ‘a historic day,’ but nothing changed,", Speaker: "the activist", Cue: "said"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Find(tc.in, text.Sentences(tc.in))
			require.Len(t, got, len(tc.want), "statements: %v", describe(tc.in, got))
			for i, w := range tc.want {
				q := got[i]
				assert.Equal(t, w.Kind, q.Kind, "kind %d", i)
				assert.Equal(t, w.Content, spanText(tc.in, q.Content), "content %d", i)
				switch w.Speaker {
				case "":
				case "-":
					assert.True(t, q.Speaker.Empty(), "speaker %d: %q", i, spanText(tc.in, q.Speaker))
				default:
					assert.Equal(t, w.Speaker, spanText(tc.in, q.Speaker), "speaker %d", i)
				}
				if w.Cue != "" {
					assert.Equal(t, w.Cue, spanText(tc.in, q.Cue), "cue %d", i)
				}
				assert.Equal(t, w.Inherit, q.Inherit, "inherit %d", i)
			}
		})
	}
}

func describe(s string, qs []Quote) []string {
	var out []string
	for _, q := range qs {
		out = append(out, q.Kind+" ["+spanText(s, q.Content)+"] by ["+spanText(s, q.Speaker)+"] cue ["+spanText(s, q.Cue)+"]")
	}
	return out
}

func TestFindOwnSplitter(t *testing.T) {
	in := "“We are ready,” he said. “Nobody should doubt it.” The minister said the army would stay."
	got := Find(in, nil)
	require.Len(t, got, 2, "%v", describe(in, got))
	assert.Equal(t, "We are ready,” he said. “Nobody should doubt it.", spanText(in, got[0].Content))
	assert.Equal(t, "the army would stay", spanText(in, got[1].Content))
	assert.Nil(t, Find("", nil))
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		`"We will not accept this," the minister said.`,
		"Kerry said: “The ceasefire is holding.\n\n“We expect aid.”",
		"''That's it,'' said Luis. ``Yes'' and «non».",
		"According to Reuters, the convoy, he said, arrived, adding that “it",
		"“", "”", "''", "a, said", "said:", "‘x’ ’ ‘",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, sents := range [][]text.Sentence{nil, text.Sentences(s)} {
			for _, q := range Find(s, sents) {
				for _, sp := range append([]Span{q.Content, q.Cue, q.Speaker}, q.Parts...) {
					if sp.Start < 0 || sp.End > len(s) || sp.Start > sp.End {
						t.Fatalf("span %v out of bounds (len %d)", sp, len(s))
					}
				}
				if q.Content.Empty() {
					t.Fatalf("empty content: %+v", q)
				}
				if q.Kind != Direct && q.Kind != Indirect {
					t.Fatalf("kind %q", q.Kind)
				}
				if utf8.ValidString(s) && !utf8.ValidString(s[q.Content.Start:q.Content.End]) {
					t.Fatalf("content splits a rune: %q", s[q.Content.Start:q.Content.End])
				}
			}
		}
	})
}

// benchArticle is a 600-word article written for the benchmark.
func benchArticle() string {
	paras := []string{
		"MOSCOW — Russia's defense ministry said on Tuesday that its forces had completed a series of exercises near the border, a move that Western officials described as a show of force.",
		"“Our troops have shown that they are ready for any task,” Defense Minister Sergei Ivanov said in a statement. “We will continue to strengthen our positions in the west.”",
		"NATO's secretary general warned that the alliance would respond to any threat against its members, adding that the exercises were “deeply troubling.”",
		"The drills, a senior diplomat said, involved more than 20,000 troops and hundreds of armored vehicles. According to the ministry, the exercises lasted five days.",
		"''We are watching closely,'' said Anna Lindqvist, a spokeswoman for the Swedish foreign ministry, who added that Stockholm had summoned the Russian ambassador.",
		"In Washington, the State Department said it was consulting with allies. A spokesman told reporters that the United States remained committed to the defense of Europe.",
		"“This is not the moment for panic,” he said.",
		"“It is the moment for resolve, and for unity among the allies who share our values.”",
		"President Vladimir Putin has said repeatedly that Russia poses no threat to its neighbors, and the Kremlin insisted on Wednesday that the drills were routine.",
		"Analysts were divided. Some argued the exercises were meant to test NATO's reaction time, while others said they were aimed at a domestic audience before the elections.",
	}
	var b strings.Builder
	for b.Len() < 3900 {
		for _, p := range paras {
			b.WriteString(p)
			b.WriteString("\n\n")
		}
	}
	return b.String()
}

func BenchmarkFind(b *testing.B) {
	art := benchArticle()
	sents := text.Sentences(art)
	b.SetBytes(int64(len(art)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(art, sents)
	}
}
