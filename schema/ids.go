package schema

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"
)

// MaxIDLen is the longest id, in bytes, that geokg writes. Neo4j's range
// indexes (which back the id constraints) refuse keys over about 8 KB,
// which would fail a whole article over one absurd name; Cap keeps every
// id well below that while leaving ordinary ones untouched.
const MaxIDLen = 200

// MaxIndexedLen is the longest value, in bytes, of the other indexed
// string properties (names, an article's url and file): longer ones are
// capped like ids. 4096 keeps any local path (PATH_MAX) whole.
const MaxIndexedLen = 4096

// idHashLen is the number of hex digits of the hash Cap appends.
const idHashLen = 16

// Cap returns id unchanged when it has at most max bytes (MaxIDLen when
// max <= 0). A longer id (or indexed value) becomes a readable prefix of it, cut at a
// character boundary, then "~" and 16 hex digits of the SHA-256 of the
// whole id, max bytes at most: the same long id always gives the same
// capped one, and two long ids that share a prefix stay apart.
func Cap(id string, max int) string {
	if max <= 0 {
		max = MaxIDLen
	}
	if len(id) <= max {
		return id
	}
	sum := sha256.Sum256([]byte(id))
	tail := "~" + hex.EncodeToString(sum[:])[:idHashLen]
	cut := max - len(tail)
	if cut < 0 {
		cut = 0
	}
	for cut > 0 && !utf8.RuneStart(id[cut]) {
		cut--
	}
	return id[:cut] + tail
}
