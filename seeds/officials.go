package seeds

import "embed"

// Officials holds "officials/officials.tsv.gz": public officials with
// their aliases, countries and date-ranged CAMEO role codes, generated from
// the PETRARCH2 / Phoenix actor dictionaries (MIT) by
// scripts/gen-officials; see scripts/ATTRIBUTION.md.
//
//go:embed officials
var Officials embed.FS
