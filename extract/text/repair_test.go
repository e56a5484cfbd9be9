package text

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRepairFixtures(t *testing.T) {
	tests := []struct{ file, want string }{
		{"cp1252.txt", "Le président François Mitterrand a dit : “Nous sommes prêts” — à Genève, 5 €.\n"},
		{"latin1.txt", "Señora Muñoz visited Zürich and Málaga.\n"},
		{"mojibake.txt", "François Hollande told Le Monde: “We are ready.” Café owners in Besançon agreed.\n"},
		{"double-mojibake.txt", "François"},
		{"mojibake-cyrillic.txt", "Президент России заявил в Москве.\n"},
		{"stray-bytes.txt", "The minister, who spoke in Kraków, said the café in Łódź stays open.\n"},
		{"cp1251.txt", "Президент России заявил в Москве, что переговоры с Украиной будут продолжены на следующей неделе в Минске. Министр иностранных дел сообщил журналистам, что делегации встретятся в понедельник.\n"},
		{"utf16le.txt", "Señor Pérez said “yes”.\n"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "repair", tt.file))
			require.NoError(t, err)
			assert.False(t, LooksBinary(b), "repairable text is not binary")
			got := Repair(b)
			assert.True(t, utf8.Valid(got))
			assert.Equal(t, tt.want, string(got))
		})
	}
}

func TestRepairKeepsGoodText(t *testing.T) {
	for _, s := range []string{
		"",
		"Plain ASCII news.",
		"façade, naïve, Ångström, Łódź, Россия, 北京, “quotes” — and ½ or ©.",
		"Ã alone, Â and ©: letters that only look like mojibake", // no lead byte + continuation run
		"die Straße“ und „CAFÉ…“, «CAFÉ» et « café…» ici",        // pairs that would decode to unlikely characters
		"Ð» and Ø¸ alone are not Cyrillic or Arabic",
		"Ã©", // a real pair would be mojibake: repaired (below)
	} {
		if s == "Ã©" {
			assert.Equal(t, "é", RepairString(s))
			continue
		}
		assert.Equal(t, s, RepairString(s))
	}
	b := []byte("unchanged valid UTF-8")
	assert.Same(t, &b[0], &Repair(b)[0], "valid text comes back without a copy")
}

func FuzzRepair(f *testing.F) {
	addSeeds(f)
	f.Add("FranÃ§ois â€œquotedâ€\u009d")
	f.Add("caf\xe9 \x93x\x94 \x81\x8d")
	f.Add("\xff\xfeA\x00\xd8\x00")
	f.Add("\xfe\xff\x00A")
	f.Fuzz(func(t *testing.T, s string) {
		got := Repair([]byte(s))
		if !utf8.Valid(got) {
			t.Fatalf("invalid UTF-8 out of %q: %q", s, got)
		}
		if utf8.ValidString(s) && !strings.Contains(s, "\u00c3") && !strings.Contains(s, "\u00c2") &&
			!strings.ContainsAny(s, "\u00c4\u00c5\u00c6\u00c7\u00c8\u00c9\u00ca\u00cb\u00cc\u00cd\u00ce\u00cf\u00d0\u00d1\u00d2\u00d3\u00d4\u00d5\u00d6\u00d7\u00d8\u00d9\u00da\u00db\u00dc\u00dd\u00de\u00df\u00e0\u00e1\u00e2\u00e3\u00e4\u00e5\u00e6\u00e7\u00e8\u00e9\u00ea\u00eb\u00ec\u00ed\u00ee\u00ef\u00f0\u00f1\u00f2\u00f3\u00f4") &&
			!strings.HasPrefix(s, "\xff\xfe") && !strings.HasPrefix(s, "\xfe\xff") && string(got) != s {
			t.Fatalf("valid text without a mojibake lead changed: %q -> %q", s, got)
		}
		if len(got) > 3*len(s)+4 {
			t.Fatalf("repair grew %d bytes to %d", len(s), len(got))
		}
	})
}
