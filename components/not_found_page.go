package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
)

// NotFoundPage tells people the page does not exist and how to find what
// they wanted. The server sends it with HTTP status 404.
//
// Options:
//   - View: the not-found page's view.
//   - Path: the path that was asked for.
//   - Media: the visitor allows embedded media (video blocks play).
type NotFoundPage struct {
	app.Compo
	View  gjson.Result
	Media bool // the visitor allows embedded media (video blocks)
	Path  string
}

// Render returns the page.
func (p *NotFoundPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	return PageShell{
		Title: page.Title(),
		LeadBody: []app.UI{
			app.Text("We could not find a page at "),
			app.Elem("code").Class("nhsd-code").Text(p.Path),
			app.Text("."),
		},
		Body: []app.UI{app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...)},
	}.Render()
}
