//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

func TestArticlePageEscapes(t *testing.T) {
	h := jsonString(hostile)
	view := gjson.Parse(`{"page": {"type": "blog", "path": ` + jsonString("/blog/"+hostile) + `, "title": ` + h + `, "summary": ` + h +
		`, "published": ` + h + `, "lastEdited": ` + h + `, "authors": [{"name": ` + h + `, "role": ` + h + `}], "relatedSubjects": [` + h + `], "body": []}}`)
	d := renderDoc(t, &ArticlePage{View: view, Origin: "https://www.example.com"})
	d.wantSafe()
	d.wantAttrs(".nhsd-caption time", "datetime", hostile)
	d.wantAttrs(".nhsd-last-edited time", "datetime", hostile)
	d.wantTexts("h1", hostile)
	d.wantTexts(".nhsd-authors__name", hostile)
	d.wantTexts(".nhsd-authors__role", hostile)
	d.wantTexts(".nhsd-subjects__link", hostile)
	for _, href := range d.attrs(".nhsd-subjects__link", "href") {
		if href != "/search?q=x%22+onfocus%3D%22alert%281%29%22+data-x%3D%27%3Cscript%3Ealert%282%29%3C%2Fscript%3E%27+%5C+%26+caf%C3%A9" {
			t.Errorf("subject link %q", href)
		}
	}
}
