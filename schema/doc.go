// Package schema owns geokg's vocabulary: the extraction contract types that
// flow from extract to graph (see ../shared/eval/CONTRACT.md), the node labels
// and relationship types of the graph, and the versioned Cypher migrations that
// create its constraints and indexes.
//
// schema imports nothing else of geokg, so both extract and graph can depend
// on it without depending on each other.
package schema
