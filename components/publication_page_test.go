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
	d := renderDoc(t, &PublicationPage{Words: testWords, View: view})
	d.wantSafe()
	d.wantAttrs(".nhsd-caption a", "href", "/"+hostile)
	d.wantTexts(".nhsd-caption a", hostile)
	d.wantAttrs(".nhsd-summary-list time", "datetime", hostile)
	d.wantAttrs(".nhsd-last-edited time", "datetime", hostile)
	d.wantAttrs(".nhsd-resources__item a", "href", "/"+hostile)
	d.wantTexts(".nhsd-resources__meta", "("+hostile+")")
}

// An edition: its series above the title; the summary list of dates,
// types and coverage; key facts; the body; resources with their format
// and size; other editions; all listed in the page contents.
func TestPublicationPage(t *testing.T) {
	d := exampleDoc(t, "PublicationPage", "Publication with key facts")
	d.wantTexts("div.nhsd-page.nhsd-publication > p.nhsd-caption", "Part of Example series")
	d.wantAttrs("p.nhsd-caption > a", "href", "/data-and-information/publications/statistical/example-series")
	d.wantTexts("p.nhsd-caption + h1", "Example series, example edition")
	d.wantTexts(".nhsd-grid__main > dl.nhsd-summary-list > div > dt", "Publication date", "Information type", "Geographic coverage", "Geographical granularity", "Date range")
	d.wantTexts(".nhsd-grid__main > dl.nhsd-summary-list > div > dd", "9 May 2024", "Example information type", "Example area", "Example unit, Another unit", "1 April 2024 to 30 April 2024")
	d.wantAttrs("dl time", "datetime", "2024-05-09T09:30:00Z")
	d.one("dl + section.nhsd-key-facts[aria-labelledby=key-facts] > h2#key-facts")
	d.wantTexts(".nhsd-key-facts .nhsd-figures__value", "123")
	d.one("section.nhsd-resources[aria-labelledby=resources] > h2#resources")
	d.wantTexts(".nhsd-resources__item", "Example resource (PDF, 100 KB)", "Example resource on another website (external website)")
	d.wantAttrs(".nhsd-resources__item a", "href", "/example-page", "https://example.com/")
	d.wantTexts("section[aria-labelledby=nhsd-other-editions] h3", "Example series, an earlier edition")
	d.wantTexts(".nhsd-contents a", "Key facts", "First section", "Second section", "Resources")
	for _, href := range d.attrs(".nhsd-contents a", "href") {
		d.one(href) // each is an id in the page
	}
	d.wantTexts(".nhsd-last-edited", "Last edited: 9 May 2024 10:30am")
	checkAccessible(t, d)
}

// An edition whose figures are elsewhere: no key facts, nor their entry.
func TestPublicationPageWithoutFacts(t *testing.T) {
	d := exampleDoc(t, "PublicationPage", "Publication without key facts")
	d.none(".nhsd-key-facts")
	d.none(".nhsd-caption") // no series given
	d.none("[aria-labelledby=nhsd-other-editions]")
	d.none(".nhsd-contents") // Resources alone is not enough for a list
	checkAccessible(t, d)
}
