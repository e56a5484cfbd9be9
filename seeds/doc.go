// Package seeds holds the reference data geokg ships, embedded in the
// binary: the gazetteer (countries, regions, cities, seas, organisations),
// the table of officials (from the PETRARCH2 dictionaries),
// the lexicons (event verbs, titles), the Neo4j Browser style and the sample
// articles, together with the scripts in seeds/scripts that generate the
// derived data from named, licensed sources (see the README's attribution).
package seeds
