//go:build !wasm

package components

import "testing"

// The not-found page names the address asked for, as code, in its lead.
func TestNotFoundPage(t *testing.T) {
	d := exampleDoc(t, "NotFoundPage", "Not found")
	d.wantTexts("div.nhsd-width-container.nhsd-page > h1", "Page not found")
	d.wantTexts("h1 + p.nhsd-lead", "We could not find a page at /example/no-such-page.")
	d.wantTexts("p.nhsd-lead > code.nhsd-code", "/example/no-such-page")
	d.wantAttrs(".nhsd-prose a", "href", "/search")
	d.none(".nhsd-last-edited")
	checkAccessible(t, d)
}

func TestNotFoundPageEscapes(t *testing.T) {
	d := renderDoc(t, &NotFoundPage{Words: testWords, View: exampleNotFound, Path: "/" + hostile})
	d.wantSafe()
	d.wantTexts("code", "/"+hostile)
}
