package officials

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const sample = `# a comment
person:ann-example	Ann Example	RUS	ann example|example	RUSELI:19700101-19990809;RUSGOV:19991231-20161231;RUSELI
person:bob-sample	Bob Sample	USA	bob sample|sample	USAGOV:20090121-20130201=Foreign Minister;USAELI
person:carl-sample	Carl Sample	USA	carl sample|sample	USAGOV:19930120-20010120;USAELI
person:dan-kim	Dan Kim	KOR	dan kim	KORGOVMIL:20100101-20161231
`

func TestLookup(t *testing.T) {
	tb, err := Parse(strings.NewReader(sample))
	require.NoError(t, err)
	require.Equal(t, 4, tb.Len())
	d := func(s string) int32 {
		tm, err := time.Parse("2006-01-02", s)
		require.NoError(t, err)
		return Date(tm)
	}
	tests := []struct {
		name, key string
		date      int32
		id, title string
	}{
		{"surname in office", "example", d("2016-03-01"), "person:ann-example", "Government"},
		{"surname before office: identity, no role", "example", d("1995-01-01"), "person:ann-example", ""},
		{"no date: unique key resolves without a role", "ann example", 0, "person:ann-example", ""},
		{"shared surname, one in office", "sample", d("2010-05-05"), "person:bob-sample", "Foreign Minister"},
		{"shared surname, other in office", "sample", d("1995-05-05"), "person:carl-sample", "Government"},
		{"shared surname, none in office", "sample", d("2016-05-05"), "", ""},
		{"shared surname, no date", "sample", 0, "", ""},
		{"sector code", "dan kim", d("2012-01-01"), "person:dan-kim", "Government"},
		{"unknown", "nobody", d("2012-01-01"), "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, ok := tb.Lookup(tt.key, tt.date)
			if tt.id == "" {
				assert.False(t, ok)
				return
			}
			require.True(t, ok)
			assert.Equal(t, tt.id, m.ID)
			assert.Equal(t, tt.title, m.RoleTitle())
		})
	}
}

func TestKey(t *testing.T) {
	assert.Equal(t, "vladimir v putin", Key([]string{"Vladimir", "V.", "Putin"}))
	assert.Equal(t, "kim jong un", Key([]string{"Kim", "Jong-un"}))
	assert.Equal(t, "francois hollande", Key([]string{"François", "Hollande"}))
	assert.Equal(t, "bashar al assad", Key([]string{"Bashar", "al-Assad"}))
	assert.Equal(t, "george bush", WithoutInitials("george w bush"))
}

func TestParseErrors(t *testing.T) {
	for _, in := range []string{"a\tb\n", "person:x\tX\t\tx\tRUSGOV:2001-\n", "person:x\tX\t\tx\tR\n"} {
		_, err := Parse(strings.NewReader(in))
		assert.Error(t, err, in)
	}
}

func TestDefaultTable(t *testing.T) {
	tb, err := Default()
	require.NoError(t, err)
	assert.Greater(t, tb.Len(), 10000)
	m, ok := tb.Lookup("putin", d2016)
	require.True(t, ok)
	assert.Equal(t, "person:vladimir-putin", m.ID)
	assert.Equal(t, "RUS", m.Country)
	assert.Equal(t, "Government", m.RoleTitle())
	_, ok = tb.Lookup("clinton", d2016)
	assert.False(t, ok, "two Clintons, neither in office in 2016")
}

const d2016 = 20160315

func BenchmarkDefaultParse(b *testing.B) {
	for b.Loop() {
		if _, err := loadDefault(); err != nil {
			b.Fatal(err)
		}
	}
}
