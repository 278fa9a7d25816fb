package components

import (
	"strconv"
	"time"

	"nhsdigital/content/pagetype"
)

// parseDate reads a content date (YYYY-MM-DD or RFC 3339).
func parseDate(s string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// formatDate writes a date the way GOV.UK does: 5 March 2024. A bare
// date (2024-03-05) is that calendar day; a time is first put on the UK's
// clock, so 23:30 UTC on a summer evening is already the next day.
func formatDate(s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	if len(s) > len("2006-01-02") {
		t, _ = ukClock(t)
	}
	return t.Format("2 January 2006")
}

// formatDateTime adds the time of day on the UK's clock (GMT or BST),
// whatever offset the content gives, as the original site does:
// 22 April 2024 2:02pm.
func formatDateTime(s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	if len(s) == len("2006-01-02") {
		return t.Format("2 January 2006")
	}
	clock, _ := ukClock(t)
	return clock.Format("2 January 2006 3:04pm")
}

// UK clock time without the time zone database: loading Europe/London
// needs time/tzdata in the WebAssembly, about 450 KB. Since 1996 the UK
// has followed the EU rule, which is all this site's dates need: British
// Summer Time (UTC+1) runs from 01:00 UTC on the last Sunday of March to
// 01:00 UTC on the last Sunday of October; the rest of the year is
// Greenwich Mean Time (UTC+0).
//
// ukClock returns a time in UTC whose clock reads what a UK clock read at
// t, and whether that was summer time. It is for display only: formatting
// it shows the UK date and time (no zone name). Making a fixed zone and
// calling In instead costs about 6 KB of brotli in the WebAssembly.
func ukClock(t time.Time) (clock time.Time, summer bool) {
	u := t.UTC()
	y := int64(u.Year())
	sec := u.Unix()
	summer = sec >= lastSunday01UTC(y, 3) && sec < lastSunday01UTC(y, 10)
	if summer {
		return u.Add(time.Hour), true
	}
	return u, false
}

// lastSunday01UTC is 01:00 UTC on the last Sunday of March (3) or October
// (10), both 31-day months, in Unix seconds. Plain arithmetic rather than
// time.Date keeps the WebAssembly small.
func lastSunday01UTC(year, month int64) int64 {
	days := daysFromCivil(year, month, 31)
	weekday := (days%7 + 11) % 7 // 1 January 1970 was a Thursday (4); Sunday is 0
	return (days-weekday)*86400 + 3600
}

// daysFromCivil counts days from 1 January 1970 to a date of the proleptic
// Gregorian calendar (Howard Hinnant's algorithm).
func daysFromCivil(y, m, d int64) int64 {
	if m <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (m + 9) % 12
	doy := (153*mp+2)/5 + d - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// slug makes an HTML id from heading text: "How it works" → "how-it-works".
func slug(s string) string {
	if out := pagetype.Slug(s); out != "" {
		return out
	}
	return "section"
}

// outline hands out unique heading ids in the order headings appear. The
// "Page contents" list and the body use one outline each, walking the same
// headings in the same order, so they agree.
type outline struct{ used map[string]int }

func newOutline() *outline { return &outline{used: map[string]int{"main-content": 1}} }

func (o *outline) id(text, explicit string) string {
	// An editor's own id is made an id as heading text is: it lands in an
	// attribute, and only letters, digits and dashes are safe everywhere.
	base := slug(explicit)
	if explicit == "" {
		base = slug(text)
	}
	o.used[base]++
	if n := o.used[base]; n > 1 {
		return base + "-" + strconv.Itoa(n)
	}
	return base
}
