package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
)

// Footer is the site footer: link groups from the site settings (Legal,
// Get in touch, Follow us), a "Cookie settings" link that reaches the
// cookie page from every page, and the copyright line.
//
// Options:
//   - Settings: the site settings' footer object {groups, copyright}.
//   - cookieSettings: the words of the link to the cookie settings.
func Footer(settings gjson.Result, cookieSettings string) app.UI {
	groups := settings.Get("groups").Array()
	cols := make([]app.UI, len(groups))
	for i, g := range groups {
		links := g.Get("links").Array()
		lis := make([]app.UI, len(links))
		for j, l := range links {
			lis[j] = app.Elem("li").Class("nhsd-footer__item").Body(Link(l.Get("href").String(), l.Get("text").String()))
		}
		title := g.Get("title").String()
		id := "nhsd-footer-" + slug(title)
		cols[i] = app.Elem("div").Class("nhsd-footer__group").Body(
			app.Elem("h2").ID(id).Class("nhsd-footer__title").Text(title),
			app.Elem("ul").Class("nhsd-footer__list").Aria("labelledby", id).Body(lis...),
		)
	}
	return app.Elem("footer").Class("nhsd-footer").Body(
		app.Elem("div").Class("nhsd-width-container").Body(
			app.Elem("div").Class("nhsd-footer__groups").Body(cols...),
			app.Elem("div").Class("nhsd-footer__meta").Body(
				app.Elem("a").Attr("href", pagetype.CookiesPath).Class("nhsd-link nhsd-footer__cookies").Text(cookieSettings),
				app.Elem("p").Class("nhsd-footer__copyright").Text(settings.Get("copyright").String()),
			),
		),
	)
}
