package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// HubPage renders a section hub: a coloured banner with the title and
// summary, the body, and cards for the section's featured pages.
//
// Options:
//   - View: the hub's view; its cards are the featured pages.
//   - Media: the visitor allows embedded media (video blocks play).
type HubPage struct {
	app.Compo
	View  gjson.Result
	Media bool // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *HubPage) Render() app.UI {
	page := p.View.Get("page")
	blocks := &Blocks{Items: page.Get("body"), Media: p.Media, Path: p.View.Get("page.path").String()}
	var featured app.UI
	if cards := p.View.Get("cards"); len(cards.Array()) > 0 {
		featured = section("nhsd-featured", "Featured in this section", CardList(cards, 3, false))
	}
	return PageShell{
		Class:  "nhsd-page--hub",
		Banner: true,
		Title:  page.Get("title").String(),
		Lead:   page.Get("summary").String(),
		Body: []app.UI{
			app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
			featured,
		},
	}.Render()
}
