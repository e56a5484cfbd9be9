package schema

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestCap(t *testing.T) {
	long := "person:" + strings.Repeat("ab", 5000)
	tests := []struct {
		name string
		id   string
		max  int
		want func(t *testing.T, got string)
	}{
		{"short ids are untouched", "person:emmanuel-macron", 0, func(t *testing.T, got string) {
			assert.Equal(t, "person:emmanuel-macron", got)
		}},
		{"exactly the limit is untouched", strings.Repeat("x", MaxIDLen), 0, func(t *testing.T, got string) {
			assert.Equal(t, strings.Repeat("x", MaxIDLen), got)
		}},
		{"a long id keeps a readable prefix and a hash", long, 0, func(t *testing.T, got string) {
			assert.Len(t, got, MaxIDLen)
			assert.True(t, strings.HasPrefix(got, "person:abab"), got)
			assert.Regexp(t, `~[0-9a-f]{16}$`, got)
		}},
		{"a smaller limit", long, 60, func(t *testing.T, got string) {
			assert.Len(t, got, 60)
		}},
		{"cut at a character boundary", strings.Repeat("é", 300), 0, func(t *testing.T, got string) {
			assert.True(t, utf8.ValidString(got))
			assert.LessOrEqual(t, len(got), MaxIDLen)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.want(t, Cap(tc.id, tc.max)) })
	}
	assert.Equal(t, Cap(long, 0), Cap(long, 0), "deterministic")
	assert.NotEqual(t, Cap(long+"a", 0), Cap(long+"b", 0), "same prefix, different ids stay apart")
	assert.Equal(t, Cap(long, 0), Cap(Cap(long, 0), 0), "idempotent")
}

func FuzzCap(f *testing.F) {
	for _, s := range []string{"", "org:un", strings.Repeat("é", 300), strings.Repeat("a", 1000)} {
		f.Add(s, 0)
	}
	f.Fuzz(func(t *testing.T, id string, max int) {
		if max > 1<<20 || max < -1 {
			return
		}
		got := Cap(id, max)
		limit := max
		if limit <= 0 {
			limit = MaxIDLen
		}
		if len(id) <= limit && got != id {
			t.Fatalf("short id changed: %q -> %q", id, got)
		}
		if len(id) > limit && (len(got) > limit && limit >= idHashLen+1) {
			t.Fatalf("capped id too long: %d > %d", len(got), limit)
		}
		if utf8.ValidString(id) && !utf8.ValidString(got) {
			t.Fatalf("invalid UTF-8 from %q", id)
		}
	})
}
