// Package ner is a statistical name tagger: it proposes the spans of person
// (PER), organisation (ORG), place (LOC) and other (MISC) names in tokenised
// sentences. It does not decide who or where a name is: package extract
// checks each proposal against its gazetteer, titles and coreference.
//
// The model is a structured averaged perceptron over BIO tags, decoded with
// Viterbi. A token's features are its lower-cased word, shape, prefixes and
// suffixes, its neighbours' words and shapes, its position, the casing of the
// sentence (ALL-CAPS headlines carry no case information), what the rest of
// the document says about the word (seen in lower case, seen capitalised
// inside a sentence) and whether the project's gazetteer and lexicons
// (seeds/lexicon) know it. Only tokens with a capital letter, and short
// lower-case words between two of them ("Bank of England"), can be tagged;
// every other token is outside any name, which keeps tagging fast.
//
// The weights are trained on the CoNLL-2003 English training split by
// internal/train (make train) and embedded, quantised and gzipped, as
// model.bin. Training is deterministic: the same data gives the same file.
package ner
