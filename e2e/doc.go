// Package e2e holds end-to-end tests that drive real programs: the Neo4j
// Browser test runs headless Chromium (Debian's chromium package) against
// the test server and its Browser (GEOKG_TEST_NEO4J_URI and
// GEOKG_TEST_NEO4J_BROWSER_URL, set by scripts/test). They are part of
// `make test` and skip with a message when those are unset or chromium is
// missing (apt-get install chromium); scripts/test says so without -v.
package e2e
