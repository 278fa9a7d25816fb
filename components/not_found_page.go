package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// NotFoundPage tells people the page does not exist and how to find what
// they wanted. The server sends it with HTTP status 404.
//
// Options:
//   - View: the not-found page's view.
//   - Words: the site's words.
//   - Path: the path that was asked for.
//   - Media: the visitor allows embedded media (video blocks play).
type NotFoundPage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
	Path  string
}

// Render returns the page.
func (p *NotFoundPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	blocks := &Blocks{Words: p.Words, Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	return PageShell{
		Words:    p.Words,
		Title:    page.Title(),
		LeadBody: around(p.Words, words.NotFound, "path", app.Elem("code").Class("nhsd-code").Text(p.Path)),
		Body:     []app.UI{app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...)},
	}.Render()
}
