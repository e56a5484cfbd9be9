// Package e2e holds end-to-end tests that drive real programs: the Neo4j
// Browser test runs headless Chromium (Debian's chromium package) against
// the local Neo4j and its Browser (NEO4J_BROWSER_URL, exported by
// `scripts/neo4j env`). They are part of `make test` and skip with a message
// when NEO4J_URI is unset or chromium is missing (apt-get install chromium).
package e2e
