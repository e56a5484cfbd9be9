// Package pipeline runs ingestion: a source walk feeds a bounded pool of
// workers that load (fetch) and extract documents; a single writer groups
// the results into batches and hands them to the graph. Channels are
// bounded, so memory stays flat however large the input; a bad item is
// recorded with its origin and reason and the run goes on; losing the
// database stops the run after retries, with everything committed so far
// kept (a re-run skips it as unchanged).
//
// Progress counts an item once it is finished (written with its batch,
// printed by a dry run, or failed), with the phase of the run and, for
// files and folders, the total counted beforehand (a Source that is also a
// Counter).
//
// pipeline declares the small interfaces it needs (Source, Extractor,
// Writer), so tests run it with fakes.
package pipeline
