package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/pagetype"
)

// CookieBanner asks about additional cookies on every page until the
// visitor chooses: "Accept" and "Reject" of equal weight and a link to the
// cookie settings. It is a form the server answers, so it works without
// JavaScript; after a choice the page comes back with a confirmation and
// a "Hide" link, and the confirmation takes focus.
//
// Options:
//   - Path: the current page, where the form sends the visitor back.
//   - Ask: show the question (no consent for the current policy yet).
//   - Chose: "accepted" or "rejected" right after a choice, else "".
func CookieBanner(path string, ask bool, chose string) app.UI {
	switch {
	case chose == "accepted" || chose == "rejected":
		text := "You’ve accepted additional cookies. "
		if chose == "rejected" {
			text = "You’ve rejected additional cookies. "
		}
		return app.Elem("div").ID("nhsd-cookie-banner").Class("nhsd-cookie-banner").Aria("label", "Cookies on NHS Digital").Attr("role", "region").Body(
			app.Elem("div").ID("nhsd-cookie-confirmation").Class("nhsd-width-container nhsd-cookie-banner__inner").TabIndex(-1).Body(
				app.Elem("p").Class("nhsd-cookie-banner__text").Body(
					app.Text(text+"You can "),
					app.Elem("a").Class("nhsd-link").Attr("href", pagetype.CookiesPath).Text("change your cookie settings"),
					app.Text(" at any time."),
				),
				app.Elem("a").Class("nhsd-button nhsd-button--secondary nhsd-cookie-banner__hide").Attr("href", attr(path)).Text("Hide cookie message"),
			),
		)
	case ask:
		return app.Elem("div").ID("nhsd-cookie-banner").Class("nhsd-cookie-banner").Aria("label", "Cookies on NHS Digital").Attr("role", "region").Body(
			app.Elem("form").Class("nhsd-width-container nhsd-cookie-banner__inner").Attr("method", "post").Attr("action", "/consent").Body(
				app.Elem("h2").Class("nhsd-cookie-banner__title").Text("Cookies on NHS Digital"),
				app.Elem("p").Class("nhsd-cookie-banner__text").Text("We use one cookie to remember your choice. With your agreement we would also save pages you read so they work offline, count page views without identifying you, and show videos from other websites."),
				app.Input().Attr("type", "hidden").Attr("name", "return").Attr("value", attr(path)),
				app.Elem("div").Class("nhsd-cookie-banner__buttons").Body(
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "consent").Attr("value", "accept").Text("Accept additional cookies"),
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "consent").Attr("value", "reject").Text("Reject additional cookies"),
					app.Elem("a").Class("nhsd-link nhsd-cookie-banner__link").Attr("href", pagetype.CookiesPath).Text("View cookies"),
				),
			),
		)
	}
	return nil
}
