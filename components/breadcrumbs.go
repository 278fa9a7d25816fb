package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// Breadcrumbs shows where a page sits: the pages above it, Home first, as
// an ordered list in a navigation landmark labelled label. It
// renders nothing without crumbs.
//
// Options:
//   - crumbs: the view's crumbs, a JSON list of {path, title}; the current
//     page is not among them.
//   - label: the landmark's label ("Breadcrumb").
func Breadcrumbs(crumbs gjson.Result, label string) app.UI {
	items := crumbs.Array()
	if len(items) == 0 {
		return nil
	}
	lis := make([]app.UI, len(items))
	for i, c := range items {
		lis[i] = app.Elem("li").Class("nhsd-breadcrumbs__item").Body(
			app.Elem("a").Class("nhsd-breadcrumbs__link").Attr("href", attr(c.Get("path").String())).Text(c.Get("title").String()))
	}
	return app.Elem("nav").Class("nhsd-breadcrumbs nhsd-width-container").Aria("label", attr(label)).Body(
		app.Elem("ol").Class("nhsd-breadcrumbs__list").Body(lis...),
	)
}
