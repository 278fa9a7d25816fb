//go:build !wasm

package components

import (
	"net/url"
	"strings"
	"testing"

	"nhsdigital/content/pagetype"
)

// The form is the one the server writes (server/feedbackform.go, which
// its tests check), rendered as it is, with the page it is about filled
// in.
func TestFeedbackForm(t *testing.T) {
	d := exampleDoc(t, "feedbackBlock and usefulBox", "Feedback form")
	if want := strings.Replace(testForm, "{page}", "", 1); d.html != want {
		t.Errorf("the form is not the server's:\n%s\nwant\n%s", d.html, want)
	}
	checkAccessible(t, d)

	d = exampleDoc(t, "feedbackBlock and usefulBox", "Feedback form for a page")
	d.wantAttrs("#fb-page", "value", "/services/example")
}

// After sending, a thank-you note in a status region.
func TestFeedbackSent(t *testing.T) {
	d := exampleDoc(t, "feedbackBlock and usefulBox", "Feedback sent")
	d.wantTexts("div.nhsd-panel[role=status] > h2", "Thank you for your feedback")
	d.none("form")
	checkAccessible(t, d)
}

// "Is this page useful?": a labelled complementary region with Yes and No
// posted to /useful, each button's name saying what it means; "No" opens
// a labelled box; an answer is thanked in a status; "Report a problem"
// carries the page.
func TestUsefulBox(t *testing.T) {
	d := exampleDoc(t, "feedbackBlock and usefulBox", "Is this page useful?")
	d.one("aside#nhsd-useful.nhsd-useful[aria-label=\"Page feedback\"]")
	d.one("aside form.nhsd-useful__form[method=post][action=/useful]")
	d.wantAttrs("form input[type=hidden][name=path]", "value", "/services/example")
	d.wantTexts("fieldset > legend", "Is this page useful?")
	d.wantTexts("fieldset button[type=submit][name=answer]", "Yes this page is useful", "No this page is not useful")
	d.wantAttrs("fieldset button", "value", "yes", "no")
	d.wantAttrs(".nhsd-useful__report a", "href", pagetype.FeedbackPath+"?page=%2Fservices%2Fexample")
	d.wantTexts(".nhsd-useful__report a", "Report a problem with this page")
	checkAccessible(t, d)

	d = exampleDoc(t, "feedbackBlock and usefulBox", "Is this page useful? No")
	d.wantAttrs("form input[type=hidden][name=answer]", "value", "detail")
	d.wantTexts("label[for=nhsd-useful-text]", "What went wrong? (optional)")
	d.one("textarea#nhsd-useful-text[name=comment][maxlength=1000][aria-describedby=nhsd-useful-hint]")
	d.none("fieldset")
	checkAccessible(t, d)

	for _, q := range []string{"useful=yes", "useful=sent"} {
		d = renderDoc(t, usefulBox("/services/example", q, testWords))
		d.wantTexts("aside p#nhsd-useful-thanks[role=status][tabindex=\"-1\"]", "Thank you for your feedback.")
		d.none("form")
		d.one(".nhsd-useful__report a")
	}
}

func TestFeedbackEscapes(t *testing.T) {
	d := renderDoc(t, feedbackBlock("page="+url.QueryEscape(hostile), testForm, testWords))
	d.wantSafe()
	d.wantAttrs("#fb-page", "value", hostile)
	if !strings.Contains(d.html, `value="x&#34; onfocus`) {
		t.Errorf("the page is not escaped in the form's HTML: %s", d.html)
	}
	d = renderDoc(t, usefulBox("/"+hostile, "useful=no", testWords))
	d.wantSafe()
	d.wantAttrs("input[name=path]", "value", "/"+hostile)
	d.wantAttrs(".nhsd-useful__report a", "href", pagetype.FeedbackPath+"?page="+url.QueryEscape("/"+hostile))
}
