package components

import (
	"html"
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/pagetype"
)

// FeedbackFormHTML is the empty feedback form as exact HTML, the same bytes
// on the server and in the browser, with page filled in ("Report a problem
// with this page"). The server writes the form again with a visitor's
// values and errors (server/feedbackform.go, which this must equal when
// empty: TestFeedbackFormInStep); that code stays out of the WebAssembly,
// and the client never takes over such a page.
func FeedbackFormHTML(page string) string {
	return strings.Replace(feedbackFormTemplate, "{page}", html.EscapeString(page), 1)
}

const feedbackFormTemplate = `<div class="nhsd-fb-wrap"><p class="nhsd-static-note nhsd-body">This copy of the site cannot receive forms. To tell us what you think, use the <a class="nhsd-link" href="https://digital.nhs.uk/about-nhs-digital/tell-us-what-you-think-of-our-website">feedback form on digital.nhs.uk</a>, or call our contact centre on 0300 303 5678.</p><form class="nhsd-fb" method="post" action="/about-nhs-digital/tell-us-what-you-think-of-our-website" novalidate><div class="nhsd-form-group"><label class="nhsd-label" for="fb-reason">Why did you visit the site today?</label><p class="nhsd-hint" id="fb-reason-hint">Knowing why people come helps us shape the site around what they need.</p><input class="nhsd-input" id="fb-reason" name="reason" type="text" value="" aria-describedby="fb-reason-hint"></div><div class="nhsd-form-group"><fieldset class="nhsd-fieldset"><legend class="nhsd-label">Did you find what you were looking for?</legend><div class="nhsd-radios"><div class="nhsd-radios__item"><input class="nhsd-radios__input" id="fb-found-yes" name="found" type="radio" value="yes"><label class="nhsd-radios__label" for="fb-found-yes">Yes</label></div><div class="nhsd-radios__item"><input class="nhsd-radios__input" id="fb-found-no" name="found" type="radio" value="no"><label class="nhsd-radios__label" for="fb-found-no">No</label></div></div></fieldset></div><div class="nhsd-form-group"><label class="nhsd-label" for="fb-more">Tell us more</label><p class="nhsd-hint" id="fb-more-hint">What worked, what did not, and what we could do better.</p><textarea class="nhsd-input nhsd-textarea" id="fb-more" name="more" rows="6" aria-describedby="fb-more-hint"></textarea></div><div class="nhsd-form-group"><label class="nhsd-label" for="fb-page">Which page or pages is your feedback about?</label><p class="nhsd-hint" id="fb-page-hint">The web address helps us find and fix a problem.</p><input class="nhsd-input" id="fb-page" name="page" type="text" value="{page}" aria-describedby="fb-page-hint"></div><h2 class="nhsd-heading-m">About you</h2><div class="nhsd-form-group"><label class="nhsd-label" for="fb-organisation">Organisation (optional)</label><input class="nhsd-input" id="fb-organisation" name="organisation" type="text" value=""></div><div class="nhsd-form-group"><label class="nhsd-label" for="fb-role">Role (optional)</label><p class="nhsd-hint" id="fb-role-hint">If you came for your work, what you do.</p><input class="nhsd-input" id="fb-role" name="role" type="text" value="" aria-describedby="fb-role-hint"></div><div class="nhsd-form-group"><label class="nhsd-label" for="fb-email">Email address (optional)</label><p class="nhsd-hint" id="fb-email-hint">Only if you would like a reply, or to help with our research.</p><input class="nhsd-input" id="fb-email" name="email" type="email" autocomplete="email" spellcheck="false" value="" aria-describedby="fb-email-hint"></div><div class="nhsd-fb__trap" aria-hidden="true"><label for="fb-website">Leave this empty</label><input id="fb-website" name="website" type="text" tabindex="-1" autocomplete="off"></div><p class="nhsd-body nhsd-fb__notice">We use what you tell us only to improve this website, and to reply if you ask us to. Anything personal you give is handled under UK data protection law. We keep feedback for 2 years, then delete it; see <a class="nhsd-link" href="/about-nhs-digital/privacy-and-cookies">privacy and cookies</a>.</p><button class="nhsd-button" type="submit">Send feedback</button></form></div>`

// feedbackBlock is the form on its page, or the thank-you note after
// sending.
//
// Options:
//   - query: the page's URL query: sent=1 after sending, page=… to fill in
//     the page the feedback is about.
func feedbackBlock(query string) app.UI {
	q, _ := url.ParseQuery(query)
	if q.Get("sent") != "" {
		return app.Raw(`<div class="nhsd-panel" role="status"><h2 class="nhsd-heading-m">Thank you for your feedback</h2><p class="nhsd-body">We read everything people send us and use it to improve the site.</p><p class="nhsd-body"><a class="nhsd-link" href="/">Go to the home page</a></p></div>`)
	}
	return app.Raw(FeedbackFormHTML(q.Get("page")))
}

// usefulBox is "Is this page useful?" with "Report a problem with this
// page", at the foot of content pages. The answers are forms the server
// answers (303 back to the page with ?useful=…), so they work without
// JavaScript, and nothing is stored on the device.
//
// Options:
//   - path: the page the answers are about.
//   - query: the page's URL query: useful=no opens the "What went wrong?"
//     box, useful=yes or useful=sent thanks the visitor.
func usefulBox(path, query string) app.UI {
	q, _ := url.ParseQuery(query)
	body := usefulAsk
	switch q.Get("useful") {
	case "yes", "sent":
		body = `<p class="nhsd-body" role="status">Thank you for your feedback.</p>`
	case "no":
		body = usefulNo
	}
	return app.Raw(`<div class="nhsd-width-container"><aside class="nhsd-useful" id="nhsd-useful" aria-label="Page feedback">` +
		strings.Replace(body, "{path}", html.EscapeString(path), 1) +
		`<p class="nhsd-body nhsd-useful__report"><a class="nhsd-link" href="` + pagetype.FeedbackPath + `?page=` + url.QueryEscape(path) + `">Report a problem with this page</a></p></aside></div>`)
}

const (
	usefulForm = `<form class="nhsd-useful__form" method="post" action="/useful"><input type="hidden" name="path" value="{path}">`
	usefulAsk  = usefulForm + `<fieldset class="nhsd-useful__q"><legend class="nhsd-body">Is this page useful?</legend><button class="nhsd-button nhsd-button--secondary" type="submit" name="answer" value="yes">Yes<span class="nhsd-visually-hidden"> this page is useful</span></button> <button class="nhsd-button nhsd-button--secondary" type="submit" name="answer" value="no">No<span class="nhsd-visually-hidden"> this page is not useful</span></button></fieldset></form>`
	usefulNo   = usefulForm + `<input type="hidden" name="answer" value="detail"><label class="nhsd-label" for="nhsd-useful-text">What went wrong? (optional)</label><p class="nhsd-hint" id="nhsd-useful-hint">Do not include personal details. We cannot reply to this.</p><textarea class="nhsd-input nhsd-textarea" id="nhsd-useful-text" name="comment" rows="4" maxlength="1000" aria-describedby="nhsd-useful-hint" autofocus></textarea><button class="nhsd-button" type="submit">Send</button></form>`
)
