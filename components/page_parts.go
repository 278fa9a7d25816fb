package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// Title is a page's main heading. It takes focus after client navigation
// (tabindex -1 lets it, without putting it in the tab order).
func Title(text string) app.UI {
	return app.Elem("h1").Class("nhsd-heading-xl nhsd-page-title").TabIndex(-1).Text(text)
}

// Lead is the larger first paragraph under a page title.
func Lead(text string) app.UI {
	if text == "" {
		return nil
	}
	return app.Elem("p").Class("nhsd-lead").Text(text)
}

// showLastEdited says whether a page prints "Last edited".
func showLastEdited(page gjson.Result, byDefault bool) bool {
	if v := page.Get("showLastEdited"); v.Exists() {
		return v.Bool()
	}
	return byDefault
}

// contentWithSidebar lays out an article-like page: the main column and,
// beside it on wide screens (above it on narrow ones), the page contents.
func contentWithSidebar(contents app.UI, main ...app.UI) app.UI {
	if contents == nil {
		return app.Elem("div").Class("nhsd-grid").Body(app.Elem("div").Class("nhsd-grid__main").Body(main...))
	}
	return app.Elem("div").Class("nhsd-grid").Body(
		app.Elem("div").Class("nhsd-grid__side").Body(contents),
		app.Elem("div").Class("nhsd-grid__main").Body(main...),
	)
}

// section is a titled group of cards or links on a listing page.
func section(id, title string, body ...app.UI) app.UI {
	return app.Elem("section").Class("nhsd-section").Aria("labelledby", id).Body(
		append([]app.UI{app.Elem("h2").ID(id).Class("nhsd-heading-l").Text(title)}, body...)...,
	)
}
