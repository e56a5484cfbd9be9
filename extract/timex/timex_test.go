package timex

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var base = time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC) // a Wednesday

func d(y, m, dd int) time.Time { return time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC) }

func TestFind(t *testing.T) {
	tests := []struct {
		in    string
		text  string // expected match text ("" = no match)
		date  time.Time
		grain Grain
	}{
		{"The strike came on Friday.", "Friday", d(2017, 4, 7), Day},
		{"Friday night strikes", "Friday night", d(2017, 4, 7), Day},
		{"It began early Friday.", "early Friday", d(2017, 4, 7), Day},
		{"on Saturday", "Saturday", d(2017, 4, 8), Day},
		{"on Wednesday", "Wednesday", d(2017, 4, 12), Day},
		{"on Tuesday", "Tuesday", d(2017, 4, 11), Day},
		{"on Thursday", "Thursday", d(2017, 4, 6), Day},
		{"next Friday", "next Friday", d(2017, 4, 14), Day},
		{"next Wednesday", "next Wednesday", d(2017, 4, 19), Day},
		{"this coming Friday", "this coming Friday", d(2017, 4, 14), Day},
		{"last Friday", "last Friday", d(2017, 4, 7), Day},
		{"last Wednesday", "last Wednesday", d(2017, 4, 5), Day},
		{"this Friday", "this Friday", d(2017, 4, 14), Day},
		{"The council will vote on Friday.", "Friday", d(2017, 4, 14), Day},
		{"today", "today", d(2017, 4, 12), Day},
		{"Today, officials said", "Today", d(2017, 4, 12), Day},
		{"tonight", "tonight", d(2017, 4, 12), Day},
		{"this morning", "this morning", d(2017, 4, 12), Day},
		{"this evening", "this evening", d(2017, 4, 12), Day},
		{"yesterday", "yesterday", d(2017, 4, 11), Day},
		{"last night", "last night", d(2017, 4, 11), Day},
		{"tomorrow", "tomorrow", d(2017, 4, 13), Day},
		{"the day before yesterday", "the day before yesterday", d(2017, 4, 10), Day},
		{"the day after tomorrow", "the day after tomorrow", d(2017, 4, 14), Day},
		{"on Tuesday last week", "Tuesday last week", d(2017, 4, 4), Day},
		{"on Friday next week", "Friday next week", d(2017, 4, 21), Day},
		{"last week", "last week", d(2017, 4, 3), Week},
		{"this week", "this week", d(2017, 4, 10), Week},
		{"earlier this week", "earlier this week", d(2017, 4, 10), Week},
		{"next week", "next week", d(2017, 4, 17), Week},
		{"last month", "last month", d(2017, 3, 1), Month},
		{"earlier this month", "earlier this month", d(2017, 4, 1), Month},
		{"later this month", "later this month", d(2017, 4, 1), Month},
		{"next month", "next month", d(2017, 5, 1), Month},
		{"last year", "last year", d(2016, 1, 1), Year},
		{"earlier this year", "earlier this year", d(2017, 1, 1), Year},
		{"next year", "next year", d(2018, 1, 1), Year},
		{"this past Friday", "this past Friday", d(2017, 4, 7), Day},
		{"this past weekend", "this past weekend", d(2017, 4, 8), Day},
		{"due to the attack on Friday", "Friday", d(2017, 4, 7), Day},
		{"last Friday night", "last Friday night", d(2017, 4, 7), Day},
		{"last weekend", "last weekend", d(2017, 4, 8), Day},
		{"on 7 April", "7 April", d(2017, 4, 7), Day},
		{"April 7", "April 7", d(2017, 4, 7), Day},
		{"April 4", "April 4", d(2017, 4, 4), Day},
		{"April 7th", "April 7th", d(2017, 4, 7), Day},
		{"the 7th of April", "7th of April", d(2017, 4, 7), Day},
		{"Apr. 7", "Apr. 7", d(2017, 4, 7), Day},
		{"Sept. 11", "Sept. 11", d(2016, 9, 11), Day},
		{"on April 7, 2017, the", "April 7, 2017", d(2017, 4, 7), Day},
		{"7 April 2017", "7 April 2017", d(2017, 4, 7), Day},
		{"2017-04-07", "2017-04-07", d(2017, 4, 7), Day},
		{"2017/04/07", "2017/04/07", d(2017, 4, 7), Day},
		{"April 2017", "April 2017", d(2017, 4, 1), Month},
		{"in March", "March", d(2017, 3, 1), Month},
		{"in May", "May", d(2016, 5, 1), Month},
		{"since December", "December", d(2016, 12, 1), Month},
		{"in mid-March", "March", d(2017, 3, 1), Month},
		{"in early April", "April", d(2017, 4, 1), Month},
		{"last March", "last March", d(2017, 3, 1), Month},
		{"last May", "last May", d(2016, 5, 1), Month},
		{"next March", "next March", d(2018, 3, 1), Month},
		{"in 2015", "2015", d(2015, 1, 1), Year},
		{"since 2011", "2011", d(2011, 1, 1), Year},
		{"the end of 2014", "2014", d(2014, 1, 1), Year},
		{"in early 2015", "2015", d(2015, 1, 1), Year},
		{"May 20", "May 20", d(2016, 5, 20), Day},
		{"Talks will resume on May 20.", "May 20", d(2017, 5, 20), Day},
		{"December 25", "December 25", d(2016, 12, 25), Day},
		{"two days ago", "two days ago", d(2017, 4, 10), Day},
		{"2 days ago", "2 days ago", d(2017, 4, 10), Day},
		{"three weeks ago", "three weeks ago", d(2017, 3, 20), Week},
		{"a year ago", "a year ago", d(2016, 1, 1), Year},
		{"six months ago", "six months ago", d(2016, 10, 1), Month},
		{"on Wednesday, April 5", "Wednesday, April 5", d(2017, 4, 5), Day},
		{"on Wednesday, April 5, 2017", "Wednesday, April 5, 2017", d(2017, 4, 5), Day},
		{"Feb. 29", "Feb. 29", d(2016, 2, 29), Day},
		{"earlier Friday", "earlier Friday", d(2017, 4, 7), Day},
		{"later Thursday morning", "later Thursday morning", d(2017, 4, 6), Day},
		{"by March of next year", "March of next year", d(2018, 3, 1), Month},
		{"on June 16th of last year", "June 16th of last year", d(2016, 6, 16), Day},
		{"on 3 May of this year", "3 May of this year", d(2017, 5, 3), Day},
		{"Today, officials met", "Today", d(2017, 4, 12), Day},
		// Anniversaries: the day named, that many units earlier.
		{"The pact was signed 10 years ago Sunday.", "10 years ago Sunday", d(2007, 4, 9), Day},
		{"It happened a year ago today.", "a year ago today", d(2016, 4, 12), Day},
		{"five years ago on Tuesday", "five years ago on Tuesday", d(2012, 4, 11), Day},
		{"two weeks ago yesterday", "two weeks ago yesterday", d(2017, 3, 28), Day},
		// Futures: "as soon as Monday" is the coming Monday.
		{"A vote could come as soon as Monday.", "Monday", d(2017, 4, 17), Day},
		{"Talks may resume as early as Friday.", "Friday", d(2017, 4, 14), Day},
		{"She arrived as usual on Monday.", "Monday", d(2017, 4, 10), Day},
		// Offsets from a date.
		{"a day after Friday's vote", "a day after Friday", d(2017, 4, 8), Day},
		{"two days before April 7", "two days before April 7", d(2017, 4, 5), Day},
		{"a week after March 3", "a week after March 3", d(2017, 3, 10), Day},
		// Not dates.
		{"a day after the attack", "", time.Time{}, 0},
		{"according to USA Today reporters", "", time.Time{}, 0},
		{"on Russia Today programming", "", time.Time{}, 0},
		{"59 missiles", "", time.Time{}, 0},
		{"1,000 people were killed", "", time.Time{}, 0},
		{"a 2,000-year-old temple", "", time.Time{}, 0},
		{"in 2,000 homes", "", time.Time{}, 0},
		{"the 2015 election", "", time.Time{}, 0},
		{"2015 people", "", time.Time{}, 0},
		{"in 1500", "", time.Time{}, 0},
		{"Black Friday sales", "", time.Time{}, 0},
		{"Good Friday agreement", "", time.Time{}, 0},
		{"the Sunday Times reported", "", time.Time{}, 0},
		{"the Mail on Sunday reported", "", time.Time{}, 0},
		{"Bloody Sunday", "", time.Time{}, 0},
		{"Theresa May said", "", time.Time{}, 0},
		{"a speech by May", "", time.Time{}, 0},
		{"they may march", "", time.Time{}, 0},
		{"April 31", "", time.Time{}, 0},
		{"in the 1990s", "", time.Time{}, 0},
		{"at 7:30 April", "", time.Time{}, 0},
		{"up 2015%", "", time.Time{}, 0},
		{"friday", "", time.Time{}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			ms := Find(tt.in, base)
			if tt.text == "" {
				assert.Empty(t, ms)
				return
			}
			require.Len(t, ms, 1, "%+v", ms)
			m := ms[0]
			assert.Equal(t, tt.text, m.Text)
			assert.Equal(t, tt.in[m.Start:m.End], m.Text)
			assert.Equal(t, tt.date, m.Date, "date")
			assert.Equal(t, tt.grain, m.Grain, "grain")
		})
	}
}

func TestFindSeveral(t *testing.T) {
	s := "The U.S. fired 59 missiles on Friday, April 7, after the attack on Tuesday in Khan Sheikhoun; since 2011 the war has killed 400,000."
	ms := Find(s, base)
	require.Len(t, ms, 3)
	assert.Equal(t, "Friday, April 7", ms[0].Text)
	assert.Equal(t, d(2017, 4, 7), ms[0].Date)
	assert.Equal(t, "Tuesday", ms[1].Text)
	assert.Equal(t, d(2017, 4, 11), ms[1].Date)
	assert.Equal(t, "2011", ms[2].Text)
}

func TestFindZeroBase(t *testing.T) {
	ms := Find("On Friday, April 7, 2017, and on Monday, yesterday, in March, in 2015 and 2017-01-02.", time.Time{})
	var texts []string
	for _, m := range ms {
		texts = append(texts, m.Text)
	}
	assert.Equal(t, []string{"April 7, 2017", "2015", "2017-01-02"}, texts)
}

func TestFindBaseWithTime(t *testing.T) {
	loc := time.FixedZone("X", -5*3600)
	b := time.Date(2017, 4, 12, 22, 0, 0, 0, loc) // 2017-04-13 03:00 UTC
	ms := Find("yesterday", b)
	require.Len(t, ms, 1)
	assert.Equal(t, d(2017, 4, 11), ms[0].Date, "the writer's calendar day counts")
	ms = Find("yesterday", b.UTC())
	require.Len(t, ms, 1)
	assert.Equal(t, d(2017, 4, 12), ms[0].Date)
}

func TestParsePublished(t *testing.T) {
	tests := []struct {
		in   string
		want time.Time
	}{
		{"2017-04-12", d(2017, 4, 12)},
		{" 2017-04-12 ", d(2017, 4, 12)},
		{"2017-04-12T10:30:00Z", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
		{"2017-04-12T10:30:00.123Z", time.Date(2017, 4, 12, 10, 30, 0, 123000000, time.UTC)},
		{"2017-04-12T10:30:00", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
		{"2017-04-12 10:30:00", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
		{"Wed, 12 Apr 2017 10:30:00 GMT", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
		{"April 12, 2017", d(2017, 4, 12)},
		{"April 12th, 2017", d(2017, 4, 12)},
		{"Apr 12, 2017", d(2017, 4, 12)},
		{"Sept. 12, 2017", d(2017, 9, 12)},
		{"12 April 2017", d(2017, 4, 12)},
		{"2017/04/12", d(2017, 4, 12)},
		{"Wednesday, April 12, 2017", d(2017, 4, 12)},
		{"2017-04-12T10:30:00.000+0000", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
		{"20170412", d(2017, 4, 12)},
		{"Apr 12, 2017 10:30 AM", time.Date(2017, 4, 12, 10, 30, 0, 0, time.UTC)},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParsePublished(tt.in)
			require.NoError(t, err)
			assert.True(t, tt.want.Equal(got), "got %v", got)
		})
	}
	loc, err := ParsePublished("2017-04-12T10:30:00+02:00")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2017, 4, 12, 8, 30, 0, 0, time.UTC), loc.UTC())
	rfc, err := ParsePublished("Wed, 12 Apr 2017 10:30:00 +0200")
	require.NoError(t, err)
	assert.Equal(t, time.Date(2017, 4, 12, 8, 30, 0, 0, time.UTC), rfc.UTC())

	for _, bad := range []string{"", "yesterday", "2017-13-45", "not a date", "12/04/2017"} {
		_, err := ParsePublished(bad)
		assert.Error(t, err, bad)
	}
}

func TestOffsets(t *testing.T) {
	tests := []struct {
		in   string
		text string
		days int
	}{
		{"A day after the attack, police arrested two men.", "A day after", 1},
		{"two weeks before the vote", "two weeks before", -14},
		{"3 days after the strike", "3 days after", 3},
		{"a day after Friday's vote", "", 0}, // a date: Find resolves it
		{"a day of mourning", "", 0},
		{"2019 days after", "", 0},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got := Offsets(tt.in)
			if tt.text == "" {
				assert.Empty(t, got)
				return
			}
			require.Len(t, got, 1)
			assert.Equal(t, tt.text, got[0].Text)
			assert.Equal(t, tt.days, got[0].Days)
		})
	}
}
