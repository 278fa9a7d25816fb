package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
)

// CookieBanner asks about additional cookies on every page until the
// visitor chooses: "Accept" and "Reject" of equal weight and a link to the
// cookie settings. It is a form the server answers, so it works without
// JavaScript; after a choice the page comes back with a confirmation and
// a "Hide" link, and the confirmation takes focus.
//
// Options:
//   - Words: the banner's words, from the site settings (site.json's
//     cookieBanner: title, text, accept, reject, view, accepted, rejected,
//     change, whose words in {braces} link to the cookie settings, and
//     hide).
//   - Path: the current page, where the form sends the visitor back.
//   - Ask: show the question (no consent for the current policy yet).
//   - Chose: "accepted" or "rejected" right after a choice, else "".
func CookieBanner(words gjson.Result, path string, ask bool, chose string) app.UI {
	w := func(key string) string { return words.Get(key).String() }
	title := attr(w("title"))
	switch {
	case chose == "accepted" || chose == "rejected":
		before, rest, _ := strings.Cut(w("change"), "{")
		link, after, _ := strings.Cut(rest, "}")
		return app.Elem("div").ID("nhsd-cookie-banner").Class("nhsd-cookie-banner").Aria("label", title).Attr("role", "region").Body(
			app.Elem("div").ID("nhsd-cookie-confirmation").Class("nhsd-width-container nhsd-cookie-banner__inner").TabIndex(-1).Body(
				app.Elem("p").Class("nhsd-cookie-banner__text").Body(
					app.Text(w(chose)+" "+before),
					app.Elem("a").Class("nhsd-link").Attr("href", pagetype.CookiesPath).Text(link),
					app.Text(after),
				),
				app.Elem("a").Class("nhsd-button nhsd-button--secondary nhsd-cookie-banner__hide").Attr("href", attr(path)).Text(w("hide")),
			),
		)
	case ask:
		return app.Elem("div").ID("nhsd-cookie-banner").Class("nhsd-cookie-banner").Aria("label", title).Attr("role", "region").Body(
			app.Elem("form").Class("nhsd-width-container nhsd-cookie-banner__inner").Attr("method", "post").Attr("action", "/consent").Body(
				app.Elem("h2").Class("nhsd-cookie-banner__title").Text(w("title")),
				app.Elem("p").Class("nhsd-cookie-banner__text").Text(w("text")),
				app.Input().Attr("type", "hidden").Attr("name", "return").Attr("value", attr(path)),
				app.Elem("div").Class("nhsd-cookie-banner__buttons").Body(
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "consent").Attr("value", "accept").Text(w("accept")),
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "consent").Attr("value", "reject").Text(w("reject")),
					app.Elem("a").Class("nhsd-link nhsd-cookie-banner__link").Attr("href", pagetype.CookiesPath).Text(w("view")),
				),
			),
		)
	}
	return nil
}
