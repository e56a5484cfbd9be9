package events

// Select returns the triggers a sentence most plausibly asserts: the most
// confident one, plus any other of at least the same confidence. A negated
// cooperative trigger ("did not agree", "refused to meet") is reported as a
// REJECT.
func Select(ts []Trigger) []Trigger {
	ts = Supported(ts)
	best := -1
	for i, t := range ts {
		if best < 0 || t.Confidence > ts[best].Confidence {
			best = i
		}
	}
	if best < 0 {
		return nil
	}
	var out []Trigger
	for _, t := range ts {
		if t.Confidence >= ts[best].Confidence {
			out = append(out, Asserted(t))
		}
	}
	return out
}

// Asserted returns what a trigger asserts: a refused cooperative or request
// trigger ("refused to meet" → the embedded "meet", "would not sign") or a
// negated acceptance or concession ("did not agree", "did not comply") is a
// REJECT (CAMEO 120); other triggers, and nouns under a negation ("I don't
// think endorsements matter"), are returned unchanged. Negated conflictual
// triggers ("did not attack") stay negated for the caller to drop.
func Asserted(t Trigger) Trigger {
	if !t.Negated || t.Nominal || !t.Refused && t.Type != "AGREE" && t.Type != "SUPPORT" && t.Type != "CONCEDE" {
		// a noun under a negation ("don't think endorsements matter")
		// refuses nothing, nor does a plain "did not" but of a verb that
		// answers a proposal or a demand ("did not agree to the terms",
		// "did not endorse him", "did not comply with the ruling"): "did
		// not provide details" only says what has not happened
		return t
	}
	switch t.Type {
	case "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST":
		t.Type, t.Cameo, t.Negated = "REJECT", "120", false
	}
	return t
}

// Supported drops the dictionary triggers a sentence does not support: any
// beside a hand-lexicon trigger that is asserted, and any without both an
// agent and a patient of its own (PETRARCH codes a dictionary verb only
// between a source and a target).
func Supported(ts []Trigger) []Trigger {
	hand := false
	for _, t := range ts {
		hand = hand || !t.Dictionary && !t.Embedded && !t.Negated
	}
	out := ts[:0:0]
	for _, t := range ts {
		if t.Dictionary && (hand || t.Agent.Empty() || t.Patient.Empty()) {
			continue
		}
		out = append(out, t)
	}
	return out
}
