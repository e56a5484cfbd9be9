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
// broken feed becomes an Item whose Err says why that input failed (its
// Origin says which; the error does not repeat it), and the walk goes on.
// Network fetches are deferred: the Item carries a loader that the
// pipeline's workers run in parallel. Count walks files and folders without
// reading articles, so that progress knows the total beforehand. The content
// errors (empty, binary) are the extractor's own (extract/text), so both
// word them alike.
//
// Folders are walked following symbolic links to files and folders, each
// real folder once (no link loops); a file keeps the path it was reached by.
//
// Fetching obeys a policy enforced in the dialer, on the address actually
// connected to (after DNS, on every redirect): only public addresses,
// unless an AllowList names the network (see NewTransport). Fetch errors
// and a document's URL carry no credentials (internal/redact); a
// Document's Key keeps the full URL for identity.
//
// source knows nothing of Neo4j; of extraction it shares only those errors.
package source
