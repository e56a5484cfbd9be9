// Package text owns the text layer of the extractor: repairing input that is
// not valid UTF-8 (legacy encodings, stray bytes, mojibake; only binary
// content is refused), parsing input articles (JSON, HTML), extracting the main text of an HTML page, cleaning text into the
// canonical form every byte offset refers to, splitting clean text into
// sentences and tokens with byte offsets, and finding its provenance lines
// (bylines, credits, dateline outlets).
//
// Everything here is pure, allocation-light and linear in the input size: no
// regular expressions with backtracking, no recursion proportional to input.
package text
