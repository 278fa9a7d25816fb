package components

import (
	"net/url"
	"time"

	"nhsdigital/content/consent"
)

// confirmationWindow is how long after a cookie choice its confirmation
// may show.
const confirmationWindow = 10 * time.Minute

// confirmation says which cookie confirmation a page shows: banner is
// "accepted" or "rejected" (the banner's), saved is "1" or "withdrawn" (the
// cookie page's). The address names the choice just made (?consent=…,
// ?saved=…), but an address can be shared: the confirmation shows only
// when the visitor's own consent record says that choice was made, in the
// last few minutes. web/pwa.js then takes the note out of the address.
func confirmation(q url.Values, rec *consent.Record, now time.Time) (banner, saved string) {
	if rec == nil || now.Sub(rec.Time) > confirmationWindow || rec.Time.Sub(now) > time.Minute {
		return "", ""
	}
	all, none := true, true
	for _, c := range consent.Categories {
		if rec.Allows(c) {
			none = false
		} else {
			all = false
		}
	}
	switch q.Get("consent") {
	case "accepted":
		if all {
			banner = "accepted"
		}
	case "rejected":
		if none {
			banner = "rejected"
		}
	}
	switch q.Get("saved") {
	case "1":
		saved = "1"
	case "withdrawn":
		if none {
			saved = "withdrawn"
		}
	}
	return banner, saved
}
