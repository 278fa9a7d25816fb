package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// HubPage renders a section hub: a coloured banner with the title and
// summary, the body, and cards for the section's featured pages.
//
// Options:
//   - View: the hub's view; its cards are the featured pages.
//   - Words: the site's words.
//   - Media: the visitor allows embedded media (video blocks play).
type HubPage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *HubPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Words: p.Words, Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	var featured app.UI
	if cards := pagedata.Of(p.View).Cards(); len(cards.Array()) > 0 {
		featured = section("nhsd-featured", p.Words.Get(words.Featured), CardList(cards, 3, false, p.Words))
	}
	return PageShell{
		Words:  p.Words,
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
