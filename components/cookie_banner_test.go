//go:build !wasm

package components

import (
	"slices"
	"testing"

	"github.com/tidwall/gjson"
)

// The question: a labelled region holding a form posted to /consent that
// returns to the page, with Accept and Reject of equal weight (the same
// element and classes) and a link to the settings.
func TestCookieBannerAsks(t *testing.T) {
	d := exampleDoc(t, "CookieBanner", "Asking")
	region := d.one("div#nhsd-cookie-banner.nhsd-cookie-banner[role=region]")
	if attrOf(region, "aria-label") != "Cookies on NHS Digital" {
		t.Errorf("region label %q", attrOf(region, "aria-label"))
	}
	d.one("#nhsd-cookie-banner > form[method=post][action=/consent]")
	d.wantTexts("form > h2", "Cookies on NHS Digital")
	d.wantAttrs("form input[type=hidden][name=return]", "value", "/services/example")
	d.wantTexts("form button[type=submit][name=consent]", "Accept additional cookies", "Reject additional cookies")
	d.wantAttrs("form button[name=consent]", "value", "accept", "reject")
	buttons := d.all("form button")
	if !slices.Equal(classesOf(buttons[0]), classesOf(buttons[1])) {
		t.Errorf("Accept and Reject differ in weight: %q, %q", classesOf(buttons[0]), classesOf(buttons[1]))
	}
	d.wantAttrs("form a", "href", "/cookies")
	d.wantTexts("form a", "View cookies")
	d.none("#nhsd-cookie-confirmation")
	checkAccessible(t, d)
}

// After a choice: the confirmation, which takes focus (tabindex -1 lets a
// script focus it), a link to the settings and "Hide" back to the page.
func TestCookieBannerConfirms(t *testing.T) {
	for name, text := range map[string]string{
		"Additional cookies accepted": "You’ve accepted additional cookies. You can change your cookie settings at any time.",
		"Additional cookies rejected": "You’ve rejected additional cookies. You can change your cookie settings at any time.",
	} {
		d := exampleDoc(t, "CookieBanner", name)
		d.one("div#nhsd-cookie-banner[role=region][aria-label] > div#nhsd-cookie-confirmation[tabindex=-1]")
		d.wantTexts("#nhsd-cookie-confirmation p", text)
		d.wantAttrs("#nhsd-cookie-confirmation p a", "href", "/cookies")
		d.wantAttrs("a.nhsd-cookie-banner__hide", "href", "/services/example")
		d.wantTexts("a.nhsd-cookie-banner__hide", "Hide cookie message")
		d.none("form")
		checkAccessible(t, d)
	}
}

// No question once answered, and no confirmation of anything else.
func TestCookieBannerSilent(t *testing.T) {
	for _, chose := range []string{"", "withdrawn", "1", "accept"} {
		if ui := CookieBanner(exampleSite.Get("cookieBanner"), "/", false, chose); ui != nil {
			t.Errorf("CookieBanner(ask=false, chose=%q) renders %s", chose, render(ui))
		}
	}
}

func TestCookieBannerEscapes(t *testing.T) {
	d := renderDoc(t, CookieBanner(exampleSite.Get("cookieBanner"), "/"+hostile, true, ""))
	d.wantSafe()
	d.wantAttrs("input[name=return]", "value", "/"+hostile)
	d = renderDoc(t, CookieBanner(exampleSite.Get("cookieBanner"), "/"+hostile, false, "accepted"))
	d.wantSafe()
	d.wantAttrs("a.nhsd-cookie-banner__hide", "href", "/"+hostile)
}

// The words are the site's: a banner in other words shows them, and the
// part of "change" in braces is the link.
func TestCookieBannerWordsAreContent(t *testing.T) {
	words := gjson.Parse(`{"title": "Cwcis", "text": "Testun", "accept": "Derbyn", "reject": "Gwrthod", "view": "Gweld",
		"accepted": "Derbyniwyd.", "rejected": "Gwrthodwyd.", "change": "Gallwch {newid y gosodiadau} unrhyw bryd.", "hide": "Cuddio"}`)
	d := renderDoc(t, CookieBanner(words, "/", true, ""))
	d.wantTexts("form > h2", "Cwcis")
	d.wantAttrs("#nhsd-cookie-banner", "aria-label", "Cwcis")
	d.wantTexts("form p", "Testun")
	d.wantTexts("form button", "Derbyn", "Gwrthod")
	d.wantTexts("form a", "Gweld")
	d = renderDoc(t, CookieBanner(words, "/", false, "rejected"))
	d.wantTexts("#nhsd-cookie-confirmation p", "Gwrthodwyd. Gallwch newid y gosodiadau unrhyw bryd.")
	d.wantTexts("#nhsd-cookie-confirmation p a", "newid y gosodiadau")
	d.wantTexts("a.nhsd-cookie-banner__hide", "Cuddio")
}
