package timex

import (
	"testing"
	"time"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "on Friday, April 7, 2017", "the day before yesterday", "Tuesday last week",
		"two days ago", "in 2015", "2017-04-07", "7th of April", "Feb. 29", "this coming Friday night",
		"earlier this month", "12 May 2019", "May 5", "1,000 people in 2,015", "Wednesday,",
		"10 years ago Sunday", "a day after the attack", "two weeks before March 3", "as soon as Monday"} {
		f.Add(s, int64(0))
		f.Add(s, base.Unix())
	}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		var b time.Time
		if unix != 0 {
			b = time.Unix(unix%(1<<40), 0)
		}
		prev := 0
		for i, m := range Find(s, b) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("match %d %+v out of order/bounds (prev %d, len %d)", i, m, prev, len(s))
			}
			if s[m.Start:m.End] != m.Text {
				t.Fatalf("match %d text mismatch", i)
			}
			if m.Date.IsZero() || m.Grain < Day || m.Grain > Year {
				t.Fatalf("match %d bad date/grain %+v", i, m)
			}
			prev = m.End
		}
		prev = 0
		for i, o := range Offsets(s) {
			if o.Start < prev || o.End <= o.Start || o.End > len(s) || s[o.Start:o.End] != o.Text || o.Days == 0 {
				t.Fatalf("offset %d %+v out of order/bounds (prev %d, len %d)", i, o, prev, len(s))
			}
			prev = o.End
		}
	})
}

func FuzzParsePublished(f *testing.F) {
	for _, s := range []string{"2017-04-12", "April 12th, 2017", "Sept. 3, 2017", "Wed, 12 Apr 2017 10:30:00 GMT", "Sept Sept."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParsePublished(s)
	})
}

func BenchmarkFind(b *testing.B) {
	s := "The U.S. fired 59 missiles on Friday, April 7, after the attack on Tuesday in Khan Sheikhoun; since 2011 the war has killed 400,000. Officials said last week that talks would resume next month, two days ago. "
	for len(s) < 4000 {
		s += s
	}
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Find(s, base)
	}
}
