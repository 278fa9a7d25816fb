//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

func TestHomePageEscapes(t *testing.T) {
	h := jsonString(hostile)
	href := jsonString("/" + hostile)
	view := gjson.Parse(`{"page": {"type": "home"}, "home": {"settings": {
	  "hero": {"title": ` + h + `, "text": ` + h + `, "link": {"text": ` + h + `, "href": ` + href + `}},
	  "promo": {"title": ` + h + `, "text": ` + h + `, "href": ` + href + `}},
	  "feature": {"path": ` + href + `, "title": ` + h + `, "summary": ` + h + `}}}`)
	d := renderDoc(t, &HomePage{View: view})
	d.wantSafe()
	d.wantTexts("h1", hostile)
	d.wantAttrs(".nhsd-hero a", "href", "/"+hostile)
	d.wantAttrs(".nhsd-promo a", "href", "/"+hostile)
	d.wantAttrs(".nhsd-feature a", "href", "/"+hostile)
	d.wantTexts(".nhsd-feature a", hostile)
	d.wantTexts(".nhsd-feature__summary", hostile)
}
