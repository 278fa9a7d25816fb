package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
)

// ListingPage renders a list of dated pages, newest first: the blog index,
// latest news, features, and the editions of a publication series.
//
// Options:
//   - View: the listing's view; Cards holds the pages listed.
//   - Media: the visitor allows embedded media (video blocks play).
type ListingPage struct {
	app.Compo
	View  gjson.Result
	Media bool // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *ListingPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	cards := pagedata.Of(p.View).Cards()
	title := "Latest"
	if page.Type() == "series" {
		title = "Editions"
	}
	n := len(cards.Array())
	var list app.UI = app.Elem("p").Class("nhsd-body").Text("There is nothing here yet.")
	if n > 0 {
		list = CardList(cards, 3, true)
	}
	return PageShell{
		Class: "nhsd-listing",
		Title: page.Title(),
		Lead:  page.Summary(),
		Body: []app.UI{
			app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
			section("nhsd-listing-title", title, list),
		},
	}.Render()
}
