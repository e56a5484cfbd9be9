// Package quotes finds statements in news text: direct quotations (straight
// and curly double quotes, backquote and doubled-apostrophe pairs as in NYT
// text, guillemets, single quotes) and reported speech ("X said that …", "…, X said",
// "…, according to X", "As X put it, …") with the speech cue and the speaker
// phrase as written.
//
// Find works on the clean article text and its sentences (text.Sentences).
// Quotations are found first, over the whole text (a paragraph that opens a
// quotation and does not close it continues into the next paragraph that
// opens with a quotation mark); sentences a quotation runs across are merged
// into one unit, and each unit is read as words, punctuation and whole
// quotations to place the cue, the speaker phrase before or after it, and the
// content. A quotation interrupted by its attribution ("“A,” he said. “B.”")
// is one Quote; a quotation paragraph without attribution inherits the
// previous speaker (Quote.Inherit).
//
// The rules propose statements, including looser readings (a weak cue
// without a that-clause, a passive "was asked whether"); an attribution
// model keeps the likely ones (model.go): an averaged perceptron over
// features of each proposal (construction, cue, speaker shape, content
// length and first word), trained on the PolNeAR training split by
// internal/train (make train-attribution) and embedded as
// attribution.weights. Candidates exposes the proposals with their features.
// Of the kept statements, one whose content lies inside another's is part
// of what the other speaker said ("the spokesman says the minister
// promised to …"), not a statement of its own, unless it opens a clause of
// its own after a comma, conjunction or sentence end ("…, although she
// noted …"), which then ends the other's content, or is a relative clause
// with its own speaker ("the strike, which Moscow said hit a depot, …")
// (nest.go).
//
// The package owns surface detection only: resolving a speaker phrase to an
// actor ("he" → the last named speaker, "the Russian defense minister" → a
// person) is the caller's job. Find is linear in the length of the text,
// uses no regular expressions, looks each word up once and allocates little.
//
// internal/polnear runs Find over a PolNeAR folder and writes extraction
// contract JSON for score_polnear.py; internal/train fits the model.
package quotes
