// Package gazetteer looks up names of countries, places, organisations,
// armed and political groups and media outlets as they appear in news text.
//
// The built-in data comes from seeds.Gazetteer: countries with aliases,
// demonyms and metonyms ("Iranian", "Tehran", "the Kremlin"); first-level
// subdivisions; cities of 15,000 people or more and all capitals; regions,
// seas and a few facilities such as air bases and nuclear sites; and
// organisations, groups and media outlets. Load can add GeoNames dump files
// for wider coverage.
//
// Keys are surface forms. Lookup is exact (case-sensitive after whitespace
// normalisation); LookupFold ignores case, for ALL-CAPS headlines. A leading
// "the" written in lower case in the data ("the Kremlin") is not part of the
// key. Names that really start with "The" ("The Hague", "The Washington
// Post") are keyed with it, and also without it when the rest is more than
// one word or, for places, not a common word ("Hague"). Lookup of a phrase
// with a leading "the"/"The" that matches nothing falls back to the phrase
// without it, so callers may pass "the Kremlin" or "Kremlin" alike; "The
// Hill" (the outlet) matches only with its "The".
//
// Lookup returns every candidate, best first: countries, then
// organisations, groups and media, then regions, seas and facilities, then
// first-level subdivisions and cities (name matches before alias matches,
// then by population; a subdivision sorts like a place of 50,000 people).
// Choosing among candidates, for example by the countries an article
// mentions, is the caller's job.
package gazetteer
