// Package consent reads and writes the cookie consent record, the one
// cookie this site sets without asking (the visitor's choices, a random ID,
// when they chose, the policy version), for the server and the WebAssembly;
// consent.js is the same codec for the page's scripts and the service worker.
package consent

import (
	"strconv"
	"strings"
	"time"
)

// CookieName is the consent record's cookie.
const CookieName = "nhsd_consent"

// MaxAge is how long a choice lasts: one year.
const MaxAge = 365 * 24 * time.Hour

// Categories of non-essential storage, each needing consent.
const (
	Offline    = "offline"    // pages saved on the device for reading offline
	Statistics = "statistics" // a cookieless count of page views
	Media      = "media"      // embedded video from other websites
)

// Categories lists them in the order of the settings page and the cookie.
var Categories = []string{Offline, Statistics, Media}

// Record is a visitor's consent.
type Record struct {
	ID      string    // random UUID
	Time    time.Time // when the choice was made
	Policy  string    // policy version the choice was made under
	Choices map[string]bool
}

// Allows reports whether the record allows a category.
func (r *Record) Allows(category string) bool { return r != nil && r.Choices[category] }

// Current reports whether the record answers the current policy version.
func (r *Record) Current(policy string) bool { return r != nil && r.Policy == policy }

// Value writes the record as a cookie value: id.time.policy.choices, where
// choices is one letter a category, upper case when allowed ("Osm").
func (r *Record) Value() string {
	var c strings.Builder
	for _, cat := range Categories {
		l := cat[0] // every category is a lower-case ASCII word
		if r.Choices[cat] {
			l = l - 'a' + 'A'
		}
		c.WriteByte(l)
	}
	return r.ID + "." + strconv.FormatInt(r.Time.Unix(), 10) + "." + r.Policy + "." + c.String()
}

// Parse reads a cookie value. Anything malformed, oversized or tampered
// with gives nil: no consent, so the banner asks again.
func Parse(v string) *Record {
	if len(v) > 200 {
		return nil
	}
	parts := strings.Split(v, ".")
	if len(parts) != 4 || !isUUID(parts[0]) || len(parts[3]) != len(Categories) || !validPolicy(parts[2]) {
		return nil
	}
	secs, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || secs <= 0 {
		return nil
	}
	t := time.Unix(secs, 0).UTC()
	if t.After(time.Now().Add(24*time.Hour)) || time.Since(t) > MaxAge+24*time.Hour {
		return nil
	}
	r := &Record{ID: parts[0], Time: t, Policy: parts[2], Choices: map[string]bool{}}
	for i, cat := range Categories {
		switch parts[3][i] {
		case cat[0]:
		case cat[0] - 32:
			r.Choices[cat] = true
		default:
			return nil
		}
	}
	return r
}

// FromCookieHeader finds the record in a Cookie header or document.cookie.
func FromCookieHeader(h string) *Record {
	for _, part := range strings.Split(h, ";") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if ok && name == CookieName {
			return Parse(value)
		}
	}
	return nil
}

// validPolicy accepts versions such as 2024-11-01 or v3.
func validPolicy(p string) bool {
	if p == "" || len(p) > 32 {
		return false
	}
	for _, c := range p {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func isUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i, c := range s {
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
				return false
			}
		}
	}
	return true
}
