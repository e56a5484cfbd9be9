package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, title, in, want string
	}{
		{"empty", "", "", ""},
		{"trim", "", "  \n Hello world. \n\n ", "Hello world."},
		{"nfc", "", "Cafe\u0301 in Mu\u0308nchen", "Café in München"},
		{"nbsp and odd spaces", "", "a\u00a0b\u2009c\u202fd\u3000e\u200bf\tg", "a b c d e f g"},
		{"zero width removed", "", "al\u200d-Ass\u200cad\ufeff said\u00ad so\u200e.", "al-Assad said so."},
		{"control removed", "", "a\x00b\x07c\x1bd\u0085e", "abcd\ne"},
		{"crlf", "", "one\r\ntwo\rthree", "one\ntwo\nthree"},
		{"collapse spaces", "", "too    many   spaces", "too many spaces"},
		{"line end spaces", "", "line one   \n   line two", "line one\nline two"},
		{"blank lines", "", "p1\n\n\n\n\np2\n \n \np3", "p1\n\np2\n\np3"},
		{"curly quotes kept", "", "“Hello,” he said. ‘Yes’ – it’s", "“Hello,” he said. ‘Yes’ – it’s"},
		{"invalid utf8", "", "bad\xff\xfebyte", "bad\ufffdbyte"},
		{"title dropped", "Syria strike: U.S. fires missiles", "Syria Strike:  U.S. fires missiles\n\nThe U.S. fired missiles.", "The U.S. fired missiles."},
		{"title repeated twice", "Big News", "Big News\n\nBig News\tBig News\n\nBody.", "Body."},
		{"no title: repeats of first line", "", "Big News\n\nBig News Big News\n\nBody.", "Big News\n\nBody."},
		{"no title: first line kept", "", "Big News\n\nBody.", "Big News\n\nBody."},
		{"comment form tail", "", "Body.\n\n\nAdd new comment\n\nRead our comment policy before posting your viewpoints", "Body."},
		{"title not first", "Title", "Body first.\n\nTitle", "Body first.\n\nTitle"},
		{"tail boilerplate", "", "Real prose here.\n\nShare this article\nShare on Facebook\nShare on Twitter\n\nSubscribe to our newsletter\n\nLeave a comment\n\nRelated articles\nRead more: Another story\n\nAdvertisement\n\n© 2017 Example News. All rights reserved.\nFollow us on Twitter @example\nClick here to download",
			"Real prose here."},
		{"standalone advertisement", "", "First para.\n\nAdvertisement\n\nSecond para.", "First para.\n\nSecond para."},
		{"standalone caps", "", "First para.\nADVERTISEMENT\nSecond para.", "First para.\nSecond para."},
		{"prose kept", "", "Comments by the minister were welcomed by the opposition in parliament.", "Comments by the minister were welcomed by the opposition in parliament."},
		{"prose kept related", "", "Text.\n\nRelated talks will continue in Geneva next week, officials said.", "Text.\n\nRelated talks will continue in Geneva next week, officials said."},
		{"credit line", "", "Text.\n\nReporting by Jane Doe; Editing by John Roe", "Text."},
		{"comments count", "", "Text.\n\nComments (12)", "Text."},
		{"paragraph separator", "", "a\u2029b\u2028c", "a\n\nb\nc"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.title, tt.in)
			assert.Equal(t, tt.want, got)
			assert.True(t, utf8.ValidString(got))
			assert.Equal(t, got, Clean("", got), "idempotent")
		})
	}
}

func TestCleanLarge(t *testing.T) {
	big := "Title\n" + strings.Repeat("word  \u00a0 more\r\n\n\n", 1<<20) // ~20 MB
	got := Clean("", big)
	assert.True(t, strings.HasPrefix(got, "Title\nword more\n\nword more"))
}

func TestCleanLine(t *testing.T) {
	for in, want := range map[string]string{
		"Plain title":             "Plain title",
		"  Two\n lines\r\nhere  ": "Two lines here",
		"bidi\u202e override\u202c and \u2067iso\u2069": "bidi override and iso",
		"zero\u200bwidth\u200c\u200d\u2060 join\ufeff":  "zero width join", // U+200B separates words, as in the body
		"odd\u00a0spaces\u3000here":                     "odd spaces here",
		"bad \xff byte":                                 "bad \ufffd byte",
		"e\u0301":                                       "\u00e9",
	} {
		assert.Equal(t, want, CleanLine(in), "%q", in)
	}
}
