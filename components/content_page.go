package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// ContentPage renders a generic page (legal and about pages): title,
// summary, "Page contents" when it has several sections, the body and
// "Last edited".
//
// Options:
//   - View: the page's view (content.View as JSON).
//   - Words: the site's words.
//   - Media: the visitor allows embedded media (video blocks play).
//   - Extra: what follows the body (the feedback form on its page).
type ContentPage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
	Extra app.UI      // after the body: the feedback form on its page
}

// Render returns the page.
func (p *ContentPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	body := page.Body()
	contents := PageContents(p.Words.Get(words.PageContents), headingsOf(body, newOutline()), false)
	blocks := &Blocks{Words: p.Words, Items: body, Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	return PageShell{
		Words:      p.Words,
		Title:      page.Title(),
		Lead:       page.Summary(),
		Sidebar:    true,
		Contents:   contents,
		Body:       []app.UI{app.Elem("div").Class("nhsd-prose").Body(append(blocks.Render(), p.Extra)...)},
		LastEdited: lastEditedOf(page),
	}.Render()
}
