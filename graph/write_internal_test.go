package graph

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Labels cannot be parameters, so the event write names every family.
func TestWriteEventsLabelsEveryFamily(t *testing.T) {
	for fam := range EventFamilies {
		assert.Contains(t, qWriteEvents, "WHEN r.family = '"+fam+"' THEN [1] ELSE [] END | SET e:"+fam+")")
	}
}
