package components

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
// last few minutes. Once the client runs, it takes the note out of the
// address (dropChoiceNote).
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

// dropChoiceNote takes the note of a cookie choice out of the browser's
// address, so it is not bookmarked or shared; the page keeps showing the
// confirmation until the visitor moves on or hides it.
func dropChoiceNote() {
	u := app.Window().URL()
	q := u.Query()
	if !q.Has("consent") && !q.Has("saved") {
		return
	}
	q.Del("consent")
	q.Del("saved")
	u.RawQuery = q.Encode()
	app.Window().Get("history").Call("replaceState", app.Window().Get("history").Get("state"), "", u.String())
}
