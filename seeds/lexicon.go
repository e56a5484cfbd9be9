package seeds

import "embed"

// Lexicon holds the trigger lexicon (seeds/lexicon/*.tsv): event patterns
// with their PLOVER types and CAMEO codes. The word lists (*.txt) are read
// through package seeds/lexicon.
//
//go:embed lexicon/*.tsv
var Lexicon embed.FS
