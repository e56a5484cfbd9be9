package extract

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAppendLowerIsToLower(t *testing.T) {
	for _, s := range []string{"", "Minister", "PRIME", "prime minister", "Élysée", "İstanbul", "x\xffY", "U.S.", "Ⅻ"} {
		assert.Equal(t, strings.ToLower(s), string(appendLower(nil, s)), "%q", s)
		assert.Equal(t, "ab "+strings.ToLower(s), string(appendLower([]byte("ab "), s)), "%q", s)
	}
}
