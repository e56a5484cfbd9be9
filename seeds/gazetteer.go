package seeds

import "embed"

// Gazetteer holds the built-in gazetteer data files under "gazetteer/":
// generated countries, first-level subdivisions and cities (see
// scripts/gen-gazetteer and scripts/ATTRIBUTION.md) and the hand-written
// country aliases, regions and organisations.
//
//go:embed gazetteer
var Gazetteer embed.FS
