package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
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
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	var featured app.UI
	if cards := pagedata.Of(p.View).Cards(); len(cards.Array()) > 0 {
		featured = section("nhsd-featured", "Featured in this section", CardList(cards, 3, false))
	}
	return PageShell{
		Class:  "nhsd-page--hub",
		Banner: true,
		Title:  page.Title(),
		Lead:   page.Summary(),
		Body: []app.UI{
			app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
			featured,
		},
	}.Render()
}
