package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/inline"
)

// Inline renders text with the content's inline markup (links, emphasis).
func Inline(s string) []app.UI {
	nodes, _ := inline.Parse(s)
	return inlineNodes(nodes)
}

func inlineNodes(nodes []inline.Node) []app.UI {
	out := make([]app.UI, 0, len(nodes))
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			out = append(out, app.Text(n.Text))
		case inline.Link:
			out = append(out, Link(n.Href, n.Text))
		case inline.Emphasis:
			out = append(out, app.Em().Body(inlineNodes(n.Children)...))
		case inline.Strong:
			out = append(out, app.Strong().Body(inlineNodes(n.Children)...))
		}
	}
	return out
}

// isExternal reports whether href leaves the site.
func isExternal(href string) bool {
	return strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://")
}

// Link renders a link. External links say so to screen readers; mail and
// phone links are plain.
func Link(href, text string) app.UI {
	a := app.A().Href(href).Class("nhsd-link")
	if isExternal(href) {
		return a.Body(app.Text(text), app.Span().Class("nhsd-visually-hidden").Text(" (external website)"))
	}
	return a.Text(text)
}
