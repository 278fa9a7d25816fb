//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// Each group is a list labelled by its heading; links to other sites say
// so; the cookie settings link and the copyright line follow.
func TestFooter(t *testing.T) {
	d := exampleDoc(t, "Footer", "Footer")
	d.one("footer.nhsd-footer")
	d.wantTexts("footer h2", "Legal", "Example group")
	d.wantAttrs("footer h2", "id", "nhsd-footer-legal", "nhsd-footer-example-group")
	d.wantAttrs("footer ul.nhsd-footer__list", "aria-labelledby", "nhsd-footer-legal", "nhsd-footer-example-group")
	d.wantTexts("ul[aria-labelledby=nhsd-footer-legal] > li > a", "Privacy and cookies", "Accessibility statement")
	d.wantAttrs("ul[aria-labelledby=nhsd-footer-example-group] > li > a", "href", "/example-page", "https://example.com/")
	d.wantTexts("ul[aria-labelledby=nhsd-footer-example-group] > li > a .nhsd-visually-hidden", "(external website)")
	d.wantAttrs(".nhsd-footer__meta a", "href", "/cookies")
	d.wantTexts(".nhsd-footer__meta a", "Cookie settings")
	d.wantTexts(".nhsd-footer__copyright", "Example copyright line")
	d.none("footer h1")
	d.none("footer h3")
	checkAccessible(t, d)
}

// Site settings cannot add markup to the footer.
func TestFooterEscapes(t *testing.T) {
	settings := gjson.Parse(`{"groups": [{"title": ` + jsonString(hostile) + `, "links": [{"text": ` + jsonString(hostile) + `, "href": ` + jsonString("/a"+hostile) + `}]}], "copyright": ` + jsonString(hostile) + `}`)
	d := renderDoc(t, Footer(settings, "Cookie settings"))
	d.wantSafe()
	d.wantTexts("h2", hostile)
	d.wantTexts(".nhsd-footer__item a", hostile)
	d.wantAttrs(".nhsd-footer__item a", "href", "/a"+hostile)
	d.wantTexts(".nhsd-footer__copyright", hostile)
	checkAccessible(t, d)
}
