// Package extract turns one news article into a schema.Document: the cleaned
// text, the actors it names (countries, officials with their titles,
// organisations, armed groups) with every mention, the places it names with
// coordinates, the events it reports (PLOVER/CAMEO typed, with source and
// target actors, place, calendar date and numbers) and the statements it
// quotes or reports, with their speakers.
//
// The sub-packages do the single steps (text: cleaning, sentences, tokens;
// timex: dates; gazetteer: places and known actors; quotes: quotations and
// reported speech; events: triggers and numbers). This package links them:
// it finds person names and titles, resolves later mentions (surnames, role
// phrases, pronouns) to the right actor, geocodes places using the countries
// of the article, and assembles events and statements with deterministic ids.
// The hand-written word lists it uses live in seeds/lexicon.
//
// An event's sides come from its trigger's agent and patient; a person and
// their country on one side are one side, and a sentence's events of one
// type merge. A side named only by a common noun ("demonstrators",
// "armed groups") takes, as CAMEO codes domestic actors, the country where
// the event takes place, or else the other side's country for protests,
// repression, concessions and threats to people; a side the sentence does
// not name at all stays empty (never the patient of a passive, never whom a
// demand addresses). Deaths go to the assault whose clause states them.
//
// Ids are stable across articles: "country:ISO3" for countries (also used as
// the location id when a country is named as a place), "org:<slug>" for
// organisations, groups and media ("org:" ids of the gazetteer when known),
// "person:<slug of the full name without initials>" for people, "geo:<id>"
// for places ("geo:<slug>", without coordinates, for places the gazetteer
// does not know). An event id hashes its type, sorted sources and targets,
// place and date (and its evidence text when it has neither place nor date),
// so two articles reporting the same strike on the same day share it; a
// statement id hashes the article id and the statement's span.
package extract
