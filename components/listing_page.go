package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// ListingPage renders a list of dated pages, newest first: the blog index,
// latest news, features, and the editions of a publication series.
//
// Options:
//   - View: the listing's view; Cards holds the pages listed.
//   - Words: the site's words.
//   - Media: the visitor allows embedded media (video blocks play).
type ListingPage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *ListingPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Words: p.Words, Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	cards := pagedata.Of(p.View).Cards()
	title := p.Words.Get(words.Latest)
	if page.Type() == pagetype.Series {
		title = p.Words.Get(words.Editions)
	}
	n := len(cards.Array())
	var list app.UI = app.Elem("p").Class("nhsd-body").Text(p.Words.Get(words.Nothing))
	if n > 0 {
		list = CardList(cards, 3, true, p.Words)
	}
	return PageShell{
		Words: p.Words,
		Class: "nhsd-listing",
		Title: page.Title(),
		Lead:  page.Summary(),
		Body: []app.UI{
			app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
			section("nhsd-listing-title", title, list),
		},
	}.Render()
}
