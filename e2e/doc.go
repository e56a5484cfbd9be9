// Package e2e holds end-to-end tests that drive real programs: the Neo4j
// Browser test runs headless Chromium (Debian's chromium package) against
// the local Neo4j. They are built only with the e2e tag:
//
//	go test -tags e2e ./e2e/
//
// and skip with a message when NEO4J_URI is unset or chromium is missing.
package e2e
