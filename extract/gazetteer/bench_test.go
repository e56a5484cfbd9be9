package gazetteer

import "testing"

// BenchmarkDefault measures building the built-in gazetteer (what Default
// does once per process).
func BenchmarkDefault(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := build(Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

var benchPhrases = []string{
	"Washington", "Iranian", "Kremlin", "Homs", "Idlib province", "NATO",
	"Hezbollah", "Reuters", "Eastern Mediterranean", "Khan Sheikhoun",
	"said", "The", "Xyzzy", "United States of America", "Paris",
}

func BenchmarkLookup(b *testing.B) {
	g := mustDefault(b)
	buf := make([]Entry, 0, 64)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		buf = g.LookupAppend(buf[:0], benchPhrases[i%len(benchPhrases)])
	}
}

func BenchmarkLookupFold(b *testing.B) {
	g := mustDefault(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		_ = g.LookupFold(benchPhrases[i%len(benchPhrases)])
	}
}

func BenchmarkHasPrefix(b *testing.B) {
	g := mustDefault(b)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		_ = g.HasPrefix(benchPhrases[i%len(benchPhrases)])
	}
}
