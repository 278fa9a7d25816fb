//go:build !wasm

package components

import "testing"

// A link within the site is its text; a link to another site adds a
// note for screen readers, hidden from sight.
func TestLink(t *testing.T) {
	d := exampleDoc(t, "Link", "A link within the site")
	d.wantAttrs("a.nhsd-link", "href", "/services/example")
	d.wantTexts("a", "Example service")
	d.none(".nhsd-visually-hidden")
	checkAccessible(t, d)

	d = exampleDoc(t, "Link", "A link to another website")
	d.wantAttrs("a.nhsd-link", "href", "https://example.com/")
	d.wantTexts("a", "Example website (external website)")
	d.wantTexts("a > span.nhsd-visually-hidden", "(external website)")
	checkAccessible(t, d)
}

func TestLinkEscapes(t *testing.T) {
	d := renderDoc(t, Link("https://example.com/"+hostile, hostile))
	d.wantSafe()
	d.wantAttrs("a", "href", "https://example.com/"+hostile)
	d.wantTexts("a", hostile+" (external website)")
}
