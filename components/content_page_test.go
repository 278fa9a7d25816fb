//go:build !wasm

package components

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A content page with sections: page contents beside the body, Last
// edited closing the main column.
func TestContentPage(t *testing.T) {
	d := exampleDoc(t, "ContentPage", "Page with sections")
	d.wantTexts("div.nhsd-width-container.nhsd-page > h1", "Example page")
	d.wantTexts("h1 + p.nhsd-lead", "The summary of an example page.")
	d.wantTexts(".nhsd-grid__side .nhsd-contents ul a", "First section", "Second section")
	d.wantAttrs(".nhsd-grid__main > .nhsd-prose > h2", "id", "first-section", "second-section")
	d.wantTexts(".nhsd-grid__main > .nhsd-prose + p.nhsd-last-edited", "Last edited: 3 June 2024")
	checkAccessible(t, d)
}

// A short page: no contents, and no Last edited when it says so.
func TestContentPageShort(t *testing.T) {
	d := exampleDoc(t, "ContentPage", "Short page")
	d.none(".nhsd-contents")
	d.none(".nhsd-grid__side")
	d.none(".nhsd-last-edited")
	d.wantTexts(".nhsd-grid > .nhsd-grid__main > .nhsd-prose", "The body of an example page.")
	checkAccessible(t, d)
}

// Extra (the feedback form on its page) follows the body inside the prose.
func TestContentPageExtra(t *testing.T) {
	d := renderDoc(t, &ContentPage{Words: testWords, View: exampleShortPage, Extra: app.P().ID("extra").Text("Extra")})
	d.wantTexts(".nhsd-prose > p.nhsd-body + p#extra", "Extra")
}
