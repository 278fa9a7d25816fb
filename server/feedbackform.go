//go:build !wasm

package server

import (
	"html"
	"strings"

	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// The feedback form as exact HTML, in the site's words. The site data the
// client gets carries the empty form (see newStoreSource), which the
// feedback page renders on the server and in the browser; the server alone
// writes it again with a visitor's values and errors, so that code never
// reaches the WebAssembly.

// feedbackField is one field of the feedback form.
type feedbackField struct {
	Name        string
	Label, Hint words.Key // Hint "" for none
	Max         int       // characters
	Long        bool      // a text area
}

// feedbackFields are the form's free-text fields in page order; "found"
// (yes or no) sits after the first.
var feedbackFields = []feedbackField{
	{"reason", words.FeedbackReason, words.FeedbackReasonHint, 500, false},
	{"more", words.FeedbackMore, words.FeedbackMoreHint, 2000, true},
	{"page", words.FeedbackPage, words.FeedbackPageHint, 500, false},
	{"organisation", words.FeedbackOrganisation, "", 200, false},
	{"role", words.FeedbackRole, words.FeedbackRoleHint, 200, false},
	{"email", words.FeedbackEmail, words.FeedbackEmailHint, 254, false},
}

// feedbackForm is the form as exact HTML in the words w. v holds the
// values to show, errs the message for each field in error ("found", a
// field's name, or "" for the whole form).
func feedbackForm(w words.Words, v, errs map[string]string) string {
	var b strings.Builder
	b.WriteString(`<div class="nhsd-fb-wrap"><p class="nhsd-static-note nhsd-body">` + inline.HTML(w.Get(words.FeedbackStatic)) + `</p>`)
	if len(errs) > 0 {
		b.WriteString(`<div class="nhsd-error-summary" id="fb-errors" role="alert" aria-labelledby="fb-errors-title" tabindex="-1" autofocus><h2 class="nhsd-heading-m" id="fb-errors-title">` + wordHTML(w, words.FeedbackProblem) + `</h2>`)
		if m := errs[""]; m != "" {
			b.WriteString(`<p class="nhsd-body">` + html.EscapeString(m) + `</p>`)
		}
		b.WriteString(`<ul class="nhsd-list">`)
		for _, n := range append([]string{"found"}, fieldNames()...) {
			if m := errs[n]; m != "" {
				id := "fb-" + n
				if n == "found" {
					id = "fb-found-yes"
				}
				b.WriteString(`<li><a class="nhsd-link" href="#` + id + `">` + html.EscapeString(m) + `</a></li>`)
			}
		}
		b.WriteString(`</ul></div>`)
	}
	b.WriteString(`<form class="nhsd-fb" method="post" action="` + pagetype.FeedbackPath + `" novalidate>`)
	for i, f := range feedbackFields {
		if i == 1 {
			b.WriteString(found(w, v["found"], errs["found"]))
		}
		if i == 3 {
			b.WriteString(`<h2 class="nhsd-heading-m">` + wordHTML(w, words.FeedbackAboutYou) + `</h2>`)
		}
		b.WriteString(textField(w, f, v[f.Name], errs[f.Name]))
	}
	// A field people never see: forms that fill it in are from robots.
	b.WriteString(`<div class="nhsd-fb__trap" aria-hidden="true"><label for="fb-website">` + wordHTML(w, words.FeedbackTrap) + `</label><input id="fb-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>`)
	b.WriteString(`<p class="nhsd-body nhsd-fb__notice">` + inline.HTML(w.Get(words.FeedbackNotice)) + `</p>`)
	b.WriteString(`<button class="nhsd-button" type="submit">` + wordHTML(w, words.FeedbackSend) + `</button></form></div>`)
	return b.String()
}

// wordHTML is the words of k, escaped for HTML.
func wordHTML(w words.Words, k words.Key) string { return html.EscapeString(w.Get(k)) }

func fieldNames() []string {
	out := make([]string, len(feedbackFields))
	for i, f := range feedbackFields {
		out[i] = f.Name
	}
	return out
}

func errorHTML(w words.Words, id, msg string) (cls, described, errText string) {
	if msg == "" {
		return "", "", ""
	}
	return " nhsd-form-group--error", " " + id + "-error", `<p class="nhsd-error-message" id="` + id + `-error"><span class="nhsd-visually-hidden">` + wordHTML(w, words.ErrorPrefix) + ` </span>` + html.EscapeString(msg) + `</p>`
}

func textField(w words.Words, f feedbackField, value, msg string) string {
	id := "fb-" + f.Name
	cls, described, errText := errorHTML(w, id, msg)
	s := `<div class="nhsd-form-group` + cls + `"><label class="nhsd-label" for="` + id + `">` + wordHTML(w, f.Label) + `</label>`
	aria := ""
	if f.Hint != "" {
		s += `<p class="nhsd-hint" id="` + id + `-hint">` + wordHTML(w, f.Hint) + `</p>`
		aria = id + "-hint"
	}
	aria = strings.TrimSpace(aria + described)
	if aria != "" {
		aria = ` aria-describedby="` + aria + `"`
	}
	if msg != "" {
		aria += ` aria-invalid="true"`
	}
	s += errText
	if f.Long {
		return s + `<textarea class="nhsd-input nhsd-textarea" id="` + id + `" name="` + f.Name + `" rows="6"` + aria + `>` + html.EscapeString(value) + `</textarea></div>`
	}
	// What each field is for, as browsers fill it in (WCAG 1.3.5).
	typ := "text"
	switch f.Name {
	case "email":
		typ = `email" autocomplete="email" spellcheck="false`
	case "organisation":
		typ = `text" autocomplete="organization`
	case "role":
		typ = `text" autocomplete="organization-title`
	}
	return s + `<input class="nhsd-input" id="` + id + `" name="` + f.Name + `" type="` + typ + `" value="` + html.EscapeString(value) + `"` + aria + `></div>`
}

func found(w words.Words, value, msg string) string {
	cls, described, errText := errorHTML(w, "fb-found", msg)
	s := `<div class="nhsd-form-group` + cls + `"><fieldset class="nhsd-fieldset"`
	if described != "" {
		s += ` aria-describedby="` + strings.TrimSpace(described) + `"`
	}
	s += `><legend class="nhsd-label">` + wordHTML(w, words.FeedbackFound) + `</legend>` + errText + `<div class="nhsd-radios">`
	for _, o := range []struct {
		value string
		label words.Key
	}{{"yes", words.Yes}, {"no", words.No}} {
		checked := ""
		if value == o.value {
			checked = " checked"
		}
		s += `<div class="nhsd-radios__item"><input class="nhsd-radios__input" id="fb-found-` + o.value + `" name="found" type="radio" value="` + o.value + `"` + checked +
			`><label class="nhsd-radios__label" for="fb-found-` + o.value + `">` + wordHTML(w, o.label) + `</label></div>`
	}
	return s + `</div></fieldset></div>`
}
