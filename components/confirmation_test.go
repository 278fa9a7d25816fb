//go:build !wasm

package components

import (
	"net/url"
	"testing"
	"time"

	"nhsdigital/content/consent"
)

// A confirmation shows only when the visitor's own record made that
// choice, in the last ten minutes: an address naming a choice can be
// shared, and must not confirm one to someone else.
func TestConfirmation(t *testing.T) {
	now := time.Date(2024, 6, 3, 12, 0, 0, 0, time.UTC)
	record := func(ago time.Duration, allowed ...string) *consent.Record {
		r := &consent.Record{ID: "id", Time: now.Add(-ago), Policy: "p", Choices: map[string]bool{}}
		for _, c := range allowed {
			r.Choices[c] = true
		}
		return r
	}
	all := []string{consent.Offline, consent.Statistics, consent.Media}
	for _, c := range []struct {
		query         string
		rec           *consent.Record
		banner, saved string
	}{
		{"consent=accepted", nil, "", ""},
		{"consent=accepted", record(time.Minute, all...), "accepted", ""},
		{"consent=accepted", record(time.Minute, consent.Media), "", ""}, // not what accepting gives
		{"consent=accepted", record(11*time.Minute, all...), "", ""},     // too long ago
		{"consent=accepted", record(-2*time.Minute, all...), "", ""},     // in the future
		{"consent=rejected", record(time.Minute), "rejected", ""},
		{"consent=rejected", record(time.Minute, consent.Statistics), "", ""},
		{"consent=other", record(time.Minute), "", ""},
		{"saved=1", record(time.Minute, consent.Offline), "", "1"},
		{"saved=withdrawn", record(time.Minute), "", "withdrawn"},
		{"saved=withdrawn", record(time.Minute, consent.Offline), "", ""},
		{"saved=2", record(time.Minute), "", ""},
		{"", record(time.Minute, all...), "", ""},
	} {
		q, _ := url.ParseQuery(c.query)
		banner, saved := confirmation(q, c.rec, now)
		if banner != c.banner || saved != c.saved {
			t.Errorf("%q with %+v: (%q, %q), want (%q, %q)", c.query, c.rec, banner, saved, c.banner, c.saved)
		}
	}
}
