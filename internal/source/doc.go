// Package source turns what a user points geokg at into documents ready for
// extraction: text, HTML and JSON files, folders (walked recursively with
// include/exclude globs), JSON-lines files and standard input, article URLs
// (fetched with a timeout, a size limit and a User-Agent) and RSS/Atom/JSON
// feeds (each item's link fetched, the item's date taken as the publication
// date).
//
// Text that is not valid UTF-8 (a legacy encoding, stray bytes, mojibake) is
// repaired by extract/text.Repair, not rejected. A source never stops on a
// bad item: an unreadable file, an HTTP error, an empty or binary body or a
// broken feed becomes an Item whose
// Err says which input failed and why, and the walk goes on. Network fetches
// are deferred: the Item carries a loader that the pipeline's workers run in
// parallel.
//
// source knows nothing of extraction or Neo4j.
package source
