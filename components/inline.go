package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// isExternal reports whether href leaves the site.
func isExternal(href string) bool {
	return strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://")
}

// externalNote tells screen reader users that a link leaves the site.
const externalNote = " (external website)"

// Link renders a link. Links to other websites say so to screen readers.
func Link(href, text string) app.UI {
	a := app.Elem("a").Attr("href", attr(href)).Class("nhsd-link")
	if isExternal(href) {
		return a.Body(app.Text(text), app.Elem("span").Class("nhsd-visually-hidden").Text(externalNote))
	}
	return a.Text(text)
}
