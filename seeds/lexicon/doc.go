// Package lexicon ships the hand-written word lists the extractor uses to
// recognise people, their positions and organisations: titles of office,
// honorifics, common given names, organisation suffixes and capitalised
// words that are never names. The lists are plain facts written by hand for
// this project (see README.md); the package only embeds and parses them.
package lexicon
