// Package events finds event triggers in news sentences: which PLOVER event
// type (with its CAMEO code) a sentence expresses, where the trigger word or
// phrase is, which parts of the sentence state the initiator (agent) and the
// recipient (patient), whether the trigger is passive, negated or embedded
// in another trigger's complement ("threatened to attack"), and the counts
// the sentence states (fatalities, injured, quantities of weapons, troops,
// money) with Numbers.
//
// It is a lexicon-driven matcher. The hand-written trigger lexicon
// (seeds/lexicon/events.tsv: lemma or multi-word pattern -> PLOVER type,
// CAMEO code, prior confidence, flags) is expanded to surface forms by a
// small English inflector (regular -s/-ed/-ing rules plus irregular verbs),
// then matched longest-first over the tokens of one sentence. A second
// lexicon compiled from the PETRARCH2 CAMEO verb dictionary
// (seeds/lexicon/events_cameo.tsv, by internal/cameo: verb synonyms and
// "verb ... object/particle" patterns mapped to PLOVER) is matched on the
// words no hand entry took; its triggers carry Dictionary and count, as in
// PETRARCH, only between a named agent and patient (Supported). A generic
// hand verb flagged "sides" ("helped", "suspended") carries BothSides: the
// caller keeps it, too, only when the sentence names both its sides. A
// reporter's request for comment ("did not respond to a request for
// comment on …", "declined to comment") is no event, nor is a question put
// to someone ("asked whether …", "was pressed on why …"), nor what either
// is about, up to the end of its clause. General rules disambiguate common
// traps ("strike" as labour action or military strike, "call" as phone
// call, request or accusation, "March" the month, "released a statement",
// "stocks rallied", verbal "attacks" in political news),
// weigh each trigger by its syntactic position (main verb over adjuncts,
// relative clauses and prepositional phrases) and retype stated intentions
// as PLOVER does: "will support" is AGREE, "will attack … unless" THREATEN,
// "X must do Y" in reported speech REQUEST (not "must face" or "must
// understand": what befalls or is known by the subject is no act). All work
// is map lookups over the tokens, with no regular expressions.
//
// Only asserted events are events: a trigger in another's complement
// ("threatened to attack", "would support striking", "rejected an
// invitation to attend talks") is Embedded; a noun that is another
// trigger's object ("rejected an Indian proposal") is Object; one in an
// open relative clause or a temporal phrase ("…, where riots had raged",
// "since last month's invasion") is Background; callers drop them unless
// they count the dead. Terminating an agreement or aid ("ended its defence
// agreement") is a SANCTION, "helped X evade controls" no AID, and a
// protest's "to demand" is the protest itself.
//
// An ASSAULT trigger carries Violent when its sentence names weapons,
// casualties or armed men, Political when it speaks of campaigns and
// debates, and Figure: whether its words can be an attack in words
// ("attacked") or a contest ("battle"). The caller reads one without
// violence, between sides that are no state or armed group, as a figure of
// speech ("attacked Clinton as too cozy with Wall Street" accuses, "the
// battle for the nomination" is no event).
//
// Select picks the trigger a single-event sentence most plausibly asserts;
// Asserted turns a negated cooperative trigger into the REJECT it states.
// internal/plover measures the package on the PLOVER gold sentences.
package events
