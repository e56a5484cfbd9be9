package quotes

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// TestFindLinear guards against quadratic behaviour on long sentences.
func TestFindLinear(t *testing.T) {
	for _, unit := range []string{"he said he said ", "“a,” he said, ", "X, the Y, said that ", "said, adding ", "\"a \"b ", "“a. B” ", "According to X, a, according to Y, "} {
		in := strings.Repeat(unit, 20000)
		start := time.Now()
		Find(in, nil)
		assert.Less(t, time.Since(start), 2*time.Second, "%q", unit)
	}
}
