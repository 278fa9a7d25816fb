//go:build !wasm

package components

import (
	"testing"
	"time"

	"nhsdigital/content/consent"
)

// Before a choice: what the site needs, then a fieldset for each category
// with what it stores and Yes/No (No chosen), in a form posted to
// /consent that comes back here, with Save and Withdraw.
func TestCookiesPage(t *testing.T) {
	d := exampleDoc(t, "CookiesPage", "Before a choice")
	d.wantTexts("div.nhsd-page.nhsd-cookies > h1", "Example cookie settings")
	d.none("#nhsd-cookies-saved")
	d.wantTexts("h2.nhsd-heading-l + p.nhsd-body", "You have not made a choice yet, so nothing beyond what the site needs to work is stored.", "An example of what the site needs.")
	d.one("form.nhsd-cookies__form[method=post][action=/consent]")
	d.wantAttrs("form input[type=hidden][name=return]", "value", "/cookies")
	d.wantTexts("form > fieldset > legend", "Saving pages for offline reading", "Counting page views", "Videos from other websites")
	// Every table has a caption and names its region.
	d.wantTexts("form table > caption", "Cookies that the site needs", "Saving pages for offline reading", "Counting page views", "Videos from other websites")
	d.wantAttrs("form .nhsd-table-wrap[role=region][tabindex=0]", "aria-label", "Cookies that the site needs", "Saving pages for offline reading", "Counting page views", "Videos from other websites")
	// What is stored is the page's content.
	d.wantTexts("form tbody th[scope=row]", consent.CookieName, "Example store", "None stored", "Example cookie")
	d.wantTexts("form tbody td", "An example purpose", "1 year", "An example purpose", "An example time",
		"An example purpose", "Not stored", "An example purpose", "An example time")
	for _, c := range consent.Categories {
		d.wantAttrs("input[type=radio][name="+c+"]", "value", "yes", "no")
		d.wantAttrs("input[name="+c+"][checked]", "value", "no")
		d.wantTexts("label[for=nhsd-cookie-"+c+"-yes]", "Yes")
	}
	d.wantTexts("form button[type=submit]", "Save cookie settings", "Withdraw all consent")
	d.wantAttrs("form button", "name", "save", "withdraw")
	checkAccessible(t, d)
}

// Just saved: the confirmation above the title, a status that takes
// focus, the record's ID, time and policy, and the choices as they are.
func TestCookiesPageSaved(t *testing.T) {
	d := exampleDoc(t, "CookiesPage", "Just saved")
	d.one("div.nhsd-cookies > div#nhsd-cookies-saved[role=status][tabindex=-1] + h1")
	d.wantTexts("#nhsd-cookies-saved", "Your cookie settings were saved.")
	d.wantTexts("dl.nhsd-summary-list dt", "Consent ID", "Given", "Policy version")
	d.wantTexts("dl.nhsd-summary-list dd", "00000000-0000-4000-8000-000000000000", exampleRecord(true, false, true).Time.Format("2 January 2006 15:04 UTC"), "example-policy")
	d.wantAttrs("input[name=offline][checked]", "value", "yes")
	d.wantAttrs("input[name=statistics][checked]", "value", "no")
	d.wantAttrs("input[name=media][checked]", "value", "yes")
	checkAccessible(t, d)

	d = renderDoc(t, &CookiesPage{Words: testWords, View: exampleCookies, Record: exampleRecord(false, false, false), Saved: "withdrawn"})
	d.wantTexts("#nhsd-cookies-saved", "You have withdrawn your consent: nothing beyond the consent record is stored.")
}

func TestCookiesPageEscapes(t *testing.T) {
	rec := &consent.Record{ID: hostile, Policy: hostile, Time: time.Date(2024, 6, 3, 12, 0, 0, 0, time.UTC)}
	d := renderDoc(t, &CookiesPage{Words: testWords, View: exampleCookies, Record: rec})
	d.wantSafe()
	d.wantTexts("dl dd", hostile, "3 June 2024 12:00 UTC", hostile)
	d.wantAttrs("dl time", "datetime", "2024-06-03T12:00:00Z")
}
