//go:build !wasm

package server

import (
	"html"
	"strings"

	"nhsdigital/content/pagetype"
)

// The feedback form as exact HTML. The page carries the empty form, which
// the client renders too (components.feedbackFormHTML, kept in step with
// this by TestFeedbackFormInStep); the server alone writes it again with a
// visitor's values and errors, so that code never reaches the WebAssembly.

// feedbackField is one field of the feedback form.
type feedbackField struct {
	Name, Label, Hint string
	Max               int  // characters
	Long              bool // a text area
}

// feedbackFields are the form's free-text fields in page order; "found"
// (yes or no) sits after the first.
var feedbackFields = []feedbackField{
	{"reason", "Why did you visit the site today?", "Knowing why people come helps us shape the site around what they need.", 500, false},
	{"more", "Tell us more", "What worked, what did not, and what we could do better.", 2000, true},
	{"page", "Which page or pages is your feedback about?", "The web address helps us find and fix a problem.", 500, false},
	{"organisation", "Organisation (optional)", "", 200, false},
	{"role", "Role (optional)", "If you came for your work, what you do.", 200, false},
	{"email", "Email address (optional)", "Only if you would like a reply, or to help with our research.", 254, false},
}

// FeedbackForm is the form as exact HTML, the same bytes on the server and
// in the browser. v holds the values to show, errs the message for each
// field in error ("found", a field's name, or "" for the whole form).
// The server renders it again with the visitor's values and errors.
func feedbackForm(v, errs map[string]string) string {
	var b strings.Builder
	b.WriteString(`<div class="nhsd-fb-wrap"><p class="nhsd-static-note nhsd-body">This copy of the site cannot receive forms. To tell us what you think, use the <a class="nhsd-link" href="https://digital.nhs.uk/about-nhs-digital/tell-us-what-you-think-of-our-website">feedback form on digital.nhs.uk</a>, or call our contact centre on 0300 303 5678.</p>`)
	if len(errs) > 0 {
		b.WriteString(`<div class="nhsd-error-summary" id="fb-errors" role="alert" aria-labelledby="fb-errors-title" tabindex="-1" autofocus><h2 class="nhsd-heading-m" id="fb-errors-title">There is a problem</h2>`)
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
			b.WriteString(found(v["found"], errs["found"]))
		}
		if i == 3 {
			b.WriteString(`<h2 class="nhsd-heading-m">About you</h2>`)
		}
		b.WriteString(textField(f, v[f.Name], errs[f.Name]))
	}
	// A field people never see: forms that fill it in are from robots.
	b.WriteString(`<div class="nhsd-fb__trap" aria-hidden="true"><label for="fb-website">Leave this empty</label><input id="fb-website" name="website" type="text" tabindex="-1" autocomplete="off"></div>`)
	b.WriteString(`<p class="nhsd-body nhsd-fb__notice">We use what you tell us only to improve this website, and to reply if you ask us to. Anything personal you give is handled under UK data protection law. We keep feedback for 2 years, then delete it; see <a class="nhsd-link" href="/about-nhs-digital/privacy-and-cookies">privacy and cookies</a>.</p>`)
	b.WriteString(`<button class="nhsd-button" type="submit">Send feedback</button></form></div>`)
	return b.String()
}

func fieldNames() []string {
	out := make([]string, len(feedbackFields))
	for i, f := range feedbackFields {
		out[i] = f.Name
	}
	return out
}

func errorHTML(id, msg string) (cls, described, text string) {
	if msg == "" {
		return "", "", ""
	}
	return " nhsd-form-group--error", " " + id + "-error", `<p class="nhsd-error-message" id="` + id + `-error"><span class="nhsd-visually-hidden">Error: </span>` + html.EscapeString(msg) + `</p>`
}

func textField(f feedbackField, value, msg string) string {
	id := "fb-" + f.Name
	cls, described, errText := errorHTML(id, msg)
	s := `<div class="nhsd-form-group` + cls + `"><label class="nhsd-label" for="` + id + `">` + f.Label + `</label>`
	aria := ""
	if f.Hint != "" {
		s += `<p class="nhsd-hint" id="` + id + `-hint">` + f.Hint + `</p>`
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
	typ := "text"
	if f.Name == "email" {
		typ = `email" autocomplete="email" spellcheck="false`
	}
	return s + `<input class="nhsd-input" id="` + id + `" name="` + f.Name + `" type="` + typ + `" value="` + html.EscapeString(value) + `"` + aria + `></div>`
}

func found(value, msg string) string {
	cls, described, errText := errorHTML("fb-found", msg)
	s := `<div class="nhsd-form-group` + cls + `"><fieldset class="nhsd-fieldset"`
	if described != "" {
		s += ` aria-describedby="` + strings.TrimSpace(described) + `"`
	}
	s += `><legend class="nhsd-label">Did you find what you were looking for?</legend>` + errText + `<div class="nhsd-radios">`
	for _, o := range []string{"yes", "no"} {
		checked := ""
		if value == o {
			checked = " checked"
		}
		s += `<div class="nhsd-radios__item"><input class="nhsd-radios__input" id="fb-found-` + o + `" name="found" type="radio" value="` + o + `"` + checked +
			`><label class="nhsd-radios__label" for="fb-found-` + o + `">` + strings.ToUpper(o[:1]) + o[1:] + `</label></div>`
	}
	return s + `</div></fieldset></div>`
}
