package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// Footer is the site footer: link groups from the site settings (Legal,
// Get in touch, Follow us), a "Cookie settings" link that reaches the
// cookie page from every page, and the copyright line.
//
// Options:
//   - Settings: the site settings' footer object {groups, copyright}.
func Footer(settings gjson.Result) app.UI {
	groups := settings.Get("groups").Array()
	cols := make([]app.UI, len(groups))
	for i, g := range groups {
		links := g.Get("links").Array()
		lis := make([]app.UI, len(links))
		for j, l := range links {
			lis[j] = app.Li().Class("nhsd-footer__item").Body(Link(l.Get("href").String(), l.Get("text").String()))
		}
		title := g.Get("title").String()
		id := "nhsd-footer-" + slug(title)
		cols[i] = app.Div().Class("nhsd-footer__group").Body(
			app.H2().ID(id).Class("nhsd-footer__title").Text(title),
			app.Ul().Class("nhsd-footer__list").Aria("labelledby", id).Body(lis...),
		)
	}
	return app.Footer().Class("nhsd-footer").Body(
		app.Div().Class("nhsd-width-container").Body(
			app.Div().Class("nhsd-footer__groups").Body(cols...),
			app.Div().Class("nhsd-footer__meta").Body(
				app.A().Href("/cookies").Class("nhsd-link nhsd-footer__cookies").Text("Cookie settings"),
				app.P().Class("nhsd-footer__copyright").Text(settings.Get("copyright").String()),
			),
		),
	)
}
