//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// A hub: its title and summary in the banner, the body, and its featured
// pages as cards under their own heading.
func TestHubPage(t *testing.T) {
	d := exampleDoc(t, "HubPage", "Section hub")
	d.one("div.nhsd-page.nhsd-page--hub > div.nhsd-banner > div.nhsd-width-container > h1.nhsd-page-title")
	d.wantTexts("h1", "Example section")
	d.wantTexts(".nhsd-banner .nhsd-lead", "The summary of an example section hub.")
	d.wantTexts(".nhsd-banner + .nhsd-width-container > .nhsd-prose", "The body of an example section hub.")
	d.one(".nhsd-prose + section.nhsd-section[aria-labelledby=nhsd-featured] > h2#nhsd-featured")
	d.wantTexts("#nhsd-featured", "Featured in this section")
	d.wantTexts("#nhsd-featured + ul.nhsd-card-list > li h3", "Example service", "Example blog post", "Example news item")
	d.none("#nhsd-featured + ul time") // featured pages show no date
	d.none(".nhsd-last-edited")
	checkAccessible(t, d)

	d = renderDoc(t, &HubPage{Words: testWords, View: gjson.Parse(`{"page": {"title": "T", "body": []}, "cards": []}`)})
	d.none("section")
}
