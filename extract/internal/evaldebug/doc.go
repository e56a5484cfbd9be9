// Command evaldebug prints what the sub-packages find in an article before
// package extract links it: each sentence with its event triggers (type,
// CAMEO, agent and patient spans), numbers, and the quotations with their
// speakers and cues. A development aid for tuning the extractor:
//
//	go run ./extract/internal/evaldebug FILE
package main
