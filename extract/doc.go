// Package extract turns one news article into a schema.Document: the cleaned
// text, the actors it names (countries, officials with their titles,
// organisations, armed groups) with every mention, the places it names with
// coordinates, the events it reports (PLOVER/CAMEO typed, with source and
// target actors, place, calendar date and numbers) and the statements it
// quotes or reports, with their speakers.
//
// The sub-packages do the single steps (text: repair, cleaning, sentences,
// tokens; timex: dates; gazetteer: places and known actors; officials: the
// table of officials; quotes: quotations and reported speech; events:
// triggers and numbers; ner: a statistical name tagger, whose proposed spans
// correct the names the hand rules find, while the gazetteer, titles and
// coreference decide what each name is). This package links them:
// it finds person names and titles, resolves later mentions (surnames, role
// phrases, pronouns) to the right actor, geocodes places using the countries
// of the article, and assembles events and statements with deterministic ids.
// The hand-written word lists it uses live in seeds/lexicon.
//
// An actor's mentions are where the article names it: its name, surname,
// alias, demonym, a metonym or a role phrase ("the defense minister"); an
// actor the article never names (a described speaker, "the union") is
// mentioned where it is described. Pronouns are resolved (a statement's
// speaker, an event's side) but are not mentions.
//
// An event's sides come from its trigger's agent and patient; a person and
// their country on one side are one side, and a sentence's events of one
// type merge. A side named only by a common noun ("demonstrators",
// "armed groups") takes, as CAMEO codes domestic actors, the country where
// the event takes place, or else the other side's country for protests,
// repression, concessions and threats to people; a side the sentence does
// not name at all stays empty (never the patient of a passive, never whom a
// demand addresses). Deaths go to the assault whose clause states them.
// Only what the article asserts is an event: not what is asked about,
// refused comment on, conditioned ("if", "unless", "until" after an
// intention) or only spoken of; a generic verb ("helped", "discussed")
// needs both its sides named; with no weapon, no dead and no state or
// armed group, a contest ("the battle for the nomination") is no event and
// an attack told as words ("attacked Clinton as too cozy") an accusation;
// a sideless mention at the place of a detailed event of its type is that
// event told again. Statements nested in another statement's content are
// part of it (what the outer speaker said), not statements of their own,
// except a relative clause with its own speaker ("the strike, which Moscow
// said hit a depot, …").
//
// Ids are stable across articles: "country:ISO3" for countries (also used as
// the location id when a country is named as a place), "org:<slug>" for
// organisations, groups and media ("org:" ids of the gazetteer when known),
// "person:<slug>" for people (below), "geo:<id>" for places ("geo:<slug>",
// without coordinates, for places the gazetteer does not know), and
// "speaker:<article>:<slug>" for a speaker the article only describes ("the
// judge", "the union", "the report"): one actor per description and
// article, never merged across articles ("analysts said" speaks of people
// in general and names no actor).
//
// Bylines, credits, "contributed reporting" lines and the outlet of a
// dateline are provenance (text.Provenance): nothing named there becomes an
// actor, a speaker or an event side, and the dateline's outlet becomes the
// article's source when the input names none. An event id hashes its type,
// sorted sources and targets, place and date (and its evidence text when it
// has neither place nor date), so two articles reporting the same strike on
// the same day share it; a statement id hashes the article id and the
// statement's span.
//
// A person's id names the real person, whatever part of the name an article
// spells out, so that one person is one node across articles:
//
//  1. Within the article, shorter mentions join the person named in full
//     ("Vladimir Putin ... Putin ... President Putin", coreference).
//  2. The person's name (the full one when the article has it) is looked up
//     in the table of officials (package officials, compiled from the
//     PETRARCH2 dictionaries) at the article's publication date. A match
//     gives the table's id, the slug of the entry's canonical name
//     ("person:vladimir-putin" for "Putin", "President Putin", "Vladimir V.
//     Putin"; "person:sergey-lavrov" for "Sergei Lavrov" too). A name
//     several entries share resolves only when the date leaves exactly one
//     of them in office, so two Clintons or two Kims never merge; a
//     surname alone resolves only when the table lists it as that person's
//     name. A name the table knows but the article does not tie to anyone
//     ("Putin" alone) becomes that person.
//  3. Otherwise the id is "person:" + the slug of the full name without
//     initials ("person:lisa-monaco"), as before: the same full name in two
//     articles gives the same id, a surname alone stays its own id.
//
// The table is embedded data, so the id depends only on the article (text
// and date), never on ingest order. Its affiliation and office fill in what
// the text does not say: the country when the text names none, an office
// (the table's own title for that term, else a generic "Government",
// "Military", "Legislature" or "Judiciary") when the text states no role,
// and the country of a stated role that names none; never against the
// country the text gives.
package extract
