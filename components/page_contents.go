package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

type contentsEntry struct{ ID, Text string }

// PageContents lists a long page's sections as links to their headings,
// in a navigation landmark labelled by its heading, title ("Page
// contents"). It
// renders nothing for pages with fewer than two sections.
//
// Options:
//   - title: the heading.
//   - entries: the sections, {ID, Text} each, from headingsOf with an
//     outline of their own, so the ids are the body's.
//   - numbered: an ordered list (articles, whose sections are numbered).
func PageContents(title string, entries []contentsEntry, numbered bool) app.UI {
	if len(entries) < 2 {
		return nil
	}
	lis := make([]app.UI, len(entries))
	for i, e := range entries {
		lis[i] = app.Elem("li").Class("nhsd-contents__item").Body(app.Elem("a").Class("nhsd-link").Attr("href", "#"+e.ID).Text(e.Text))
	}
	var list app.UI = app.Elem("ul").Class("nhsd-contents__list").Body(lis...)
	if numbered {
		list = app.Elem("ol").Class("nhsd-contents__list nhsd-contents__list--numbered").Body(lis...)
	}
	return app.Elem("nav").Class("nhsd-contents").Aria("labelledby", "nhsd-contents-title").Body(
		app.Elem("h2").ID("nhsd-contents-title").Class("nhsd-contents__title").Text(title),
		list,
	)
}
