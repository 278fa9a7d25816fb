package components

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// SkipLink is the first focusable element of every page: it jumps past the
// header to the main content. It is hidden until focused.
//
// Options:
//   - text: its words ("Skip to main content").
//
// The page's main element must have the id main-content.
func SkipLink(text string) app.UI {
	return app.Elem("a").Attr("href", "#main-content").Class("nhsd-skip-link").Text(text)
}
