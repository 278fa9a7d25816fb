//go:build !wasm

package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// A page type's component is the one registered under its Component name,
// made from the page's context: its view, path and the site's words.
func TestRegisterPage(t *testing.T) {
	pagetype.Register(&pagetype.Type{Name: "event", Label: "Event", Prefix: "/events/", Component: "event-page"})
	RegisterPage("event-page", func(c PageContext) app.UI {
		return app.Elem("p").ID("event").Text(c.Path + " " + pagedata.Of(c.View).Page().Title() + " " + c.Words.Get(words.Menu))
	})
	t.Cleanup(func() {
		pagetype.Unregister("event")
		delete(pageComponents, "event-page")
	})
	view := gjson.Parse(`{"status": 200, "page": {"type": "event", "path": "/events/open-day", "title": "Open day"}}`)
	d := renderDoc(t, rootExample(&Page{Path: "/events/open-day", View: view}, testSource))
	d.wantTexts("main p#event", "/events/open-day Open day "+testWords.Get(words.Menu))

	// A type whose component is not registered is shown as a content page.
	pagetype.Register(&pagetype.Type{Name: "meeting", Label: "Meeting", Prefix: "/meetings/", Component: "no-such-component"})
	t.Cleanup(func() { pagetype.Unregister("meeting") })
	view = gjson.Parse(`{"status": 200, "page": {"type": "meeting", "path": "/meetings/a", "title": "A meeting"}}`)
	d = renderDoc(t, rootExample(&Page{Path: "/meetings/a", View: view}, testSource))
	d.wantTexts("main h1", "A meeting")
	d.none("main p#event")
}
