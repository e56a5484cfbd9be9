package seeds

import _ "embed"

// BrowserStyle is the Neo4j Browser style sheet (GraSS) for geokg's graph:
// a colour per node kind (events by PLOVER family) and readable captions.
// Load it in Browser with `:style <url>` (geokg serve serves it at
// /browser/style.grass) or by dropping the file on the `:style` frame.
//
//go:embed browser/style.grass
var BrowserStyle []byte
