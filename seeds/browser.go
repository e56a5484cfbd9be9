package seeds

import _ "embed"

// BrowserStyle is the Neo4j Browser style sheet (GraSS) for geokg's graph:
// a colour per node kind (events by PLOVER family) and readable captions.
// Load it in Browser with `:style <url>` (geokg serve serves it at
// /browser/style.grass) or by dropping the file on the `:style` frame.
//
//go:embed browser/style.grass
var BrowserStyle []byte

// BrowserGuide is the Neo4j Browser guide of the canned queries, for
// `:play <url>` (geokg serve serves it at /browser/guide.html). It is
// generated from the queries of package graph; refresh it with
// `go test ./internal/serve -run TestGuide -update`.
//
//go:embed browser/guide.html
var BrowserGuide []byte
