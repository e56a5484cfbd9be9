package text

import (
	"bytes"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Repair returns b as valid UTF-8 text, mending what text files found in
// the wild get wrong instead of rejecting them:
//
//   - UTF-16 with a byte-order mark is decoded;
//   - UTF-8 with a few stray bytes ("caf\xe9" pasted into UTF-8 text) reads
//     each stray byte as Windows-1252;
//   - text in a legacy 8-bit or multi-byte encoding (no valid UTF-8
//     sequence at all) is decoded with the charset chardet detects when it
//     is confident of a non-Latin one (Windows-1251, Shift_JIS, GB18030 ...),
//     else as Windows-1252, the superset of Latin-1 web text uses;
//   - mojibake, UTF-8 that was decoded as Windows-1252 or Latin-1 and
//     encoded again ("FranÃ§ois", "â€œquotedâ€\u009d"), is turned back into
//     the characters meant ("François", "“quoted”"), also when done twice.
//
// Valid UTF-8 without mojibake comes back unchanged (the same slice).
// Binary input is the caller's to reject first (LooksBinary).
func Repair(b []byte) []byte {
	if d, ok := decodeUTF16(b); ok {
		b = d
	}
	if !utf8.Valid(b) {
		b = decodeLegacy(b)
	}
	return fixMojibake(b)
}

// RepairString is Repair for a string. ASCII text, which can hold neither
// a legacy encoding nor mojibake, comes back without a copy.
func RepairString(s string) string {
	if isASCII(s) {
		return s
	}
	r := Repair([]byte(s))
	if len(r) == len(s) && string(r) == s {
		return s
	}
	return string(r)
}

var (
	utf16LE = []byte{0xff, 0xfe}
	utf16BE = []byte{0xfe, 0xff}
)

func hasUTF16BOM(b []byte) bool { return bytes.HasPrefix(b, utf16LE) || bytes.HasPrefix(b, utf16BE) }

// decodeUTF16 decodes text that opens with a UTF-16 byte-order mark.
func decodeUTF16(b []byte) ([]byte, bool) {
	if !hasUTF16BOM(b) {
		return nil, false
	}
	d, err := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder().Bytes(b)
	if err != nil {
		return nil, false
	}
	return d, true
}

// decodeLegacy turns invalid UTF-8 into UTF-8: byte by byte when the text is
// mostly UTF-8, else as a whole in its detected (or the Windows-1252)
// encoding.
func decodeLegacy(b []byte) []byte {
	valid, invalid := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
		} else {
			valid++
		}
		i += n
	}
	if valid > 0 && valid >= invalid {
		return strayBytes(b)
	}
	if enc := detectCharset(b); enc != nil {
		if d, err := enc.NewDecoder().Bytes(b); err == nil && utf8.Valid(d) {
			return d
		}
	}
	return strayBytes(b) // every invalid byte as Windows-1252
}

// strayBytes keeps the valid UTF-8 of b and reads every other byte as
// Windows-1252.
func strayBytes(b []byte) []byte {
	out := make([]byte, 0, len(b)+len(b)/8)
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			out = utf8.AppendRune(out, cp1252Rune(b[i]))
			i++
			continue
		}
		out = append(out, b[i:i+n]...)
		i += n
	}
	return out
}

// cp1252Rune is the character byte c stands for in Windows-1252; the five
// bytes Windows-1252 leaves undefined keep their Latin-1 meaning (C1
// controls), as browsers do.
func cp1252Rune(c byte) rune {
	if r := charmap.Windows1252.DecodeByte(c); r != utf8.RuneError {
		return r
	}
	return rune(c)
}

// latinCharsets are the detector's answers that Windows-1252 decodes as
// well or better (it is their superset for the characters news text uses).
var latinCharsets = map[string]bool{"ISO-8859-1": true, "windows-1252": true, "ISO-8859-15": true, "UTF-8": true}

// minConfidence is the detector confidence (0-100) below which a non-Latin
// charset is not believed; a Latin candidate within half of it wins too.
const minConfidence = 30

// detectCharset returns the encoding of non-UTF-8 text when the detector is
// confident it is not a Latin one, else nil.
func detectCharset(b []byte) encoding.Encoding {
	if len(b) > 16<<10 {
		b = b[:16<<10]
	}
	rs, err := chardet.NewTextDetector().DetectAll(b)
	if err != nil || len(rs) == 0 || rs[0].Confidence < minConfidence || latinCharsets[rs[0].Charset] {
		return nil
	}
	for _, r := range rs[1:] {
		if latinCharsets[r.Charset] && 2*r.Confidence >= rs[0].Confidence {
			return nil
		}
	}
	enc, err := htmlindex.Get(rs[0].Charset)
	if err != nil {
		return nil
	}
	return enc
}

// mojibakeRounds bounds how many layers of double encoding are undone.
const mojibakeRounds = 3

// fixMojibake undoes UTF-8 read as Windows-1252 (or Latin-1): a run of
// characters whose single-byte codes form one valid multi-byte UTF-8
// sequence ("Ã§" = C3 A7) is replaced by the character it encodes ("ç").
// A lone accented letter ("façade") never forms such a run and is kept.
func fixMojibake(b []byte) []byte {
	for round := 0; round < mojibakeRounds; round++ {
		out, changed := unmojibake(b)
		if !changed {
			return b
		}
		b = out
	}
	return b
}

// mojibake is one candidate sequence: bytes [start, end) of the text stand
// for rune r.
type mojibake struct {
	start, end int
	r          rune
	strong     bool
}

// plausibility says how likely rune r, decoded from a run of characters, is
// what the writer meant: strong for the characters Latin-script text is
// full of (accented letters, typographic punctuation, currency signs,
// emoji), weak for other scripts (Cyrillic, Greek, Hebrew, Arabic, CJK),
// which are believed only inside runs of such sequences, and not at all for
// what real text hardly uses (IPA, Syriac, NKo ...): "Straße“" and
// "CAFÉ…" stay as written.
func plausibility(r rune) (ok, strong bool) {
	switch {
	case r >= 0xa0 && r <= 0x17f, r >= 0x1a0 && r <= 0x1b0, r >= 0x218 && r <= 0x21b,
		r >= 0x2000 && r <= 0x218f, r == 0xfeff, r >= 0x1f300 && r <= 0x1faff:
		return true, true
	case r >= 0x386 && r <= 0x3ce, r >= 0x400 && r <= 0x45f, r >= 0x5d0 && r <= 0x5ea, r >= 0x600 && r <= 0x6ff,
		r >= 0x3000 && r <= 0x9fff, r >= 0xac00 && r <= 0xd7af, r >= 0xff00 && r <= 0xffef:
		return true, false
	}
	return false, false
}

func unmojibake(b []byte) ([]byte, bool) {
	// fast path: mojibake needs a lead byte C2..F4 read as a character,
	// that is U+00C2..U+00F4, whose UTF-8 form starts with C3.
	if bytes.IndexByte(b, 0xc3) < 0 {
		return b, false
	}
	var cands []mojibake
	var seq [utf8.UTFMax]byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		lead, ok := cp1252Byte(r)
		need := 0
		switch {
		case !ok:
		case lead >= 0xc2 && lead <= 0xdf:
			need = 1
		case lead >= 0xe0 && lead <= 0xef:
			need = 2
		case lead >= 0xf0 && lead <= 0xf4:
			need = 3
		}
		if need == 0 {
			i += n
			continue
		}
		seq[0] = lead
		j, k := i+n, 1
		for ; k <= need && j < len(b); k++ {
			rc, nc := utf8.DecodeRune(b[j:])
			c, ok := cp1252Byte(rc)
			if !ok || c < 0x80 || c > 0xbf {
				break
			}
			seq[k] = c
			j += nc
		}
		dec, size := utf8.DecodeRune(seq[:k])
		plausible, strong := plausibility(dec)
		if k != need+1 || dec == utf8.RuneError || size != need+1 || !plausible {
			i += n
			continue
		}
		cands = append(cands, mojibake{start: i, end: j, r: dec, strong: strong})
		i = j
	}
	var out []byte
	last := 0 // b[last:] not yet copied to out
	for c, m := range cands {
		// a weak sequence needs a neighbour at most one byte away
		near := func(o int) bool {
			if o < 0 || o >= len(cands) {
				return false
			}
			if o < c {
				return m.start-cands[o].end <= 1
			}
			return cands[o].start-m.end <= 1
		}
		if !m.strong && !near(c-1) && !near(c+1) {
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b))
		}
		out = append(out, b[last:m.start]...)
		out = utf8.AppendRune(out, m.r)
		last = m.end
	}
	if out == nil {
		return b, false
	}
	return append(out, b[last:]...), true
}

// cp1252Byte is the single byte that stands for r in Windows-1252, or in
// Latin-1 for U+0080..U+00FF (which covers the bytes Windows-1252 leaves
// undefined, kept as C1 controls by decoders).
func cp1252Byte(r rune) (byte, bool) {
	switch {
	case r < utf8.RuneSelf || r == utf8.RuneError:
		return 0, false
	case r <= 0xff:
		return byte(r), true
	}
	return charmap.Windows1252.EncodeRune(r)
}
