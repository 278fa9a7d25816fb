//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

func TestPublicationPageEscapes(t *testing.T) {
	h := jsonString(hostile)
	view := gjson.Parse(`{"page": {"type": "publication", "path": "/p", "title": ` + h + `, "published": ` + h + `, "lastEdited": ` + h +
		`, "informationType": [` + h + `], "resources": [{"title": ` + h + `, "href": ` + jsonString("/"+hostile) + `, "format": ` + h + `}], "body": []},
		"series": {"path": ` + jsonString("/"+hostile) + `, "title": ` + h + `}}`)
	d := renderDoc(t, &PublicationPage{View: view})
	d.wantSafe()
	d.wantAttrs(".nhsd-caption a", "href", "/"+hostile)
	d.wantTexts(".nhsd-caption a", hostile)
	d.wantAttrs(".nhsd-summary-list time", "datetime", hostile)
	d.wantAttrs(".nhsd-last-edited time", "datetime", hostile)
	d.wantAttrs(".nhsd-resources__item a", "href", "/"+hostile)
	d.wantTexts(".nhsd-resources__meta", "("+hostile+")")
}
