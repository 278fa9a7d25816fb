package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/pagetype"
)

// Link renders a link. Links to other websites say so to screen readers,
// in a visually hidden note after the text.
//
// Options:
//   - href: where it goes; a full URL for another website.
//   - text: the link's words.
func Link(href, text string) app.UI {
	a := app.Elem("a").Attr("href", attr(href)).Class("nhsd-link")
	if pagetype.IsExternal(href) {
		return a.Body(app.Text(text), app.Elem("span").Class("nhsd-visually-hidden").Text(pagetype.ExternalNote))
	}
	return a.Text(text)
}
