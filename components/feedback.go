package components

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
	"nhsdigital/internal/htmlesc"
)

// feedbackBlock is the form on its page, or the thank-you note after
// sending.
//
// Options:
//   - query: the page's URL query: sent=1 after sending, page=… to fill in
//     the page the feedback is about.
//   - form: the empty form as exact HTML, with {page} where the page goes.
//     The server writes it from the site's words (server/feedbackform.go),
//     and writes it again with a visitor's values and errors; that code
//     stays out of the WebAssembly.
//   - w: the site's words (the thank-you note's).
func feedbackBlock(query, form string, w words.Words) app.UI {
	q, _ := url.ParseQuery(query)
	if q.Get("sent") != "" {
		return app.Raw(`<div class="nhsd-panel" role="status"><h2 class="nhsd-heading-m">` + esc(w, words.FeedbackThanks) + `</h2><p class="nhsd-body">` +
			esc(w, words.FeedbackThanksText) + `</p><p class="nhsd-body"><a class="nhsd-link" href="/">` + esc(w, words.FeedbackHome) + `</a></p></div>`)
	}
	return app.Raw(strings.Replace(form, "{page}", htmlesc.String(q.Get("page")), 1))
}

// esc is the words of k, escaped for HTML.
func esc(w words.Words, k words.Key) string { return htmlesc.String(w.Get(k)) }

// usefulBox is "Is this page useful?" with "Report a problem with this
// page", at the foot of content pages. The answers are forms the server
// answers (303 back to the page with ?useful=…), so they work without
// JavaScript, and nothing is stored on the device.
//
// Options:
//   - path: the page the answers are about.
//   - query: the page's URL query: useful=no opens the "What went wrong?"
//     box, useful=yes or useful=sent thanks the visitor.
//   - w: the site's words.
func usefulBox(path, query string, w words.Words) app.UI {
	q, _ := url.ParseQuery(query)
	form := `<form class="nhsd-useful__form" method="post" action="/useful"><input type="hidden" name="path" value="` + htmlesc.String(path) + `">`
	var body string
	switch q.Get("useful") {
	case "yes", "sent":
		body = `<p class="nhsd-body" id="nhsd-useful-thanks" tabindex="-1" role="status">` + esc(w, words.UsefulThanks) + `</p>`
	case "no":
		body = form + `<input type="hidden" name="answer" value="detail"><label class="nhsd-label" for="nhsd-useful-text">` + esc(w, words.UsefulWrong) +
			`</label><p class="nhsd-hint" id="nhsd-useful-hint">` + esc(w, words.UsefulHint) +
			`</p><textarea class="nhsd-input nhsd-textarea" id="nhsd-useful-text" name="comment" rows="4" maxlength="1000" aria-describedby="nhsd-useful-hint" autofocus></textarea><button class="nhsd-button" type="submit">` +
			esc(w, words.UsefulSend) + `</button></form>`
	default:
		body = form + `<fieldset class="nhsd-useful__q"><legend class="nhsd-body">` + esc(w, words.UsefulQuestion) +
			`</legend><button class="nhsd-button nhsd-button--secondary" type="submit" name="answer" value="yes">` + esc(w, words.Yes) +
			`<span class="nhsd-visually-hidden"> ` + esc(w, words.UsefulYes) + `</span></button> <button class="nhsd-button nhsd-button--secondary" type="submit" name="answer" value="no">` +
			esc(w, words.No) + `<span class="nhsd-visually-hidden"> ` + esc(w, words.UsefulNo) + `</span></button></fieldset></form>`
	}
	return app.Raw(`<div class="nhsd-width-container"><aside class="nhsd-useful" id="nhsd-useful" aria-label="` + esc(w, words.UsefulLabel) + `">` + body +
		`<p class="nhsd-body nhsd-useful__report"><a class="nhsd-link" href="` + pagetype.FeedbackPath + `?page=` + url.QueryEscape(path) + `">` + esc(w, words.ReportProblem) + `</a></p></aside></div>`)
}
