// Package timex finds date expressions in news text ("on Friday", "last
// week", "April 7", "two days ago", "in 2015") and resolves them to calendar
// dates against the publication date, and parses publication dates given by
// users and feeds.
//
// News reports past events, so a bare weekday or a month-day without a year
// resolves to the most recent such date on or before the publication date,
// unless the expression or its clause marks the future ("next Friday",
// "will meet on Friday").
package timex
