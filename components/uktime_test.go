package components

import (
	"testing"
	"time"
)

func TestUKClockAtTheSwitches(t *testing.T) {
	cases := []struct {
		utc  string
		want string // the UK clock, with its zone
	}{
		// 2024: BST from 31 March to 27 October.
		{"2024-03-31T00:59:59Z", "2024-03-31 00:59:59 GMT"},
		{"2024-03-31T01:00:00Z", "2024-03-31 02:00:00 BST"},
		{"2024-10-27T00:59:59Z", "2024-10-27 01:59:59 BST"},
		{"2024-10-27T01:00:00Z", "2024-10-27 01:00:00 GMT"},
		// 2021: 28 March and 31 October (the month's last day is a Sunday).
		{"2021-03-28T00:59:59Z", "2021-03-28 00:59:59 GMT"},
		{"2021-03-28T01:00:00Z", "2021-03-28 02:00:00 BST"},
		{"2021-10-31T00:59:59Z", "2021-10-31 01:59:59 BST"},
		{"2021-10-31T01:00:00Z", "2021-10-31 01:00:00 GMT"},
		// 2023: 26 March and 29 October.
		{"2023-03-26T01:00:00Z", "2023-03-26 02:00:00 BST"},
		{"2023-10-29T01:00:00Z", "2023-10-29 01:00:00 GMT"},
		// Deep winter and high summer; a time given with another offset.
		{"2024-01-15T12:00:00Z", "2024-01-15 12:00:00 GMT"},
		{"2024-07-01T23:30:00Z", "2024-07-02 00:30:00 BST"},
		{"2024-07-01T09:00:00-04:00", "2024-07-01 14:00:00 BST"},
	}
	for _, c := range cases {
		in, err := time.Parse(time.RFC3339, c.utc)
		if err != nil {
			t.Fatal(err)
		}
		clock, summer := ukClock(in)
		zone := "GMT"
		if summer {
			zone = "BST"
		}
		if got := clock.Format("2006-01-02 15:04:05 ") + zone; got != c.want {
			t.Errorf("ukClock(%s) = %s, want %s", c.utc, got, c.want)
		}
	}
}

func TestFormatShowsUKTime(t *testing.T) {
	cases := []struct{ in, dateTime, date string }{
		{"2024-04-22T13:02:00Z", "22 April 2024 2:02pm", "22 April 2024"},
		{"2023-10-20T15:14:00Z", "20 October 2023 4:14pm", "20 October 2023"},
		{"2024-03-05T11:55:00Z", "5 March 2024 11:55am", "5 March 2024"},
		{"2024-03-05T11:55:00+00:00", "5 March 2024 11:55am", "5 March 2024"},
		{"2024-06-30T23:30:00Z", "1 July 2024 12:30am", "1 July 2024"},
		{"2024-03-05", "5 March 2024", "5 March 2024"},
		{"not a date", "not a date", "not a date"},
	}
	for _, c := range cases {
		if got := formatDateTime(c.in); got != c.dateTime {
			t.Errorf("formatDateTime(%q) = %q, want %q", c.in, got, c.dateTime)
		}
		if got := formatDate(c.in); got != c.date {
			t.Errorf("formatDate(%q) = %q, want %q", c.in, got, c.date)
		}
	}
}

// TestInUKMatchesTheZoneDatabase compares the rule with the system's
// Europe/London, hour by hour from 1996 (when the UK took up the EU rule)
// to 2037, where the system has the database.
func TestUKClockMatchesTheZoneDatabase(t *testing.T) {
	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skipf("no zone database here: %v", err)
	}
	end := time.Date(2038, 1, 1, 0, 0, 0, 0, time.UTC)
	for at := time.Date(1996, 1, 1, 0, 0, 0, 0, time.UTC); at.Before(end); at = at.Add(30 * time.Minute) {
		want := at.In(london).Format("2006-01-02 15:04")
		if clock, _ := ukClock(at); clock.Format("2006-01-02 15:04") != want {
			t.Fatalf("%s: the rule says %s, Europe/London says %s", at.Format(time.RFC3339), clock.Format("2006-01-02 15:04"), want)
		}
	}
}
