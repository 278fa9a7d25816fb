//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// A service: its status above the title, "Page contents" listing the
// seven sections of the template and Related services, each a section
// labelled by its h2, and "Last edited" closing the main column.
func TestServicePage(t *testing.T) {
	d := exampleDoc(t, "ServicePage", "Service")
	d.wantTexts("div.nhsd-page.nhsd-service > p.nhsd-caption", "Service Status: Beta")
	d.one("p.nhsd-caption > strong.nhsd-tag.nhsd-tag--beta")
	d.wantTexts("div.nhsd-service > p.nhsd-caption + h1", "Example service")
	d.wantTexts("h1 + p.nhsd-lead", "A summary of an example service.")
	headings := []string{"About this service", "Who it is for", "How it works", "Benefits", "Status and usage", "How to access", "Contact us", "Related services"}
	d.wantTexts(".nhsd-grid__side nav.nhsd-contents > ul > li > a", headings...)
	d.wantTexts(".nhsd-grid__main > .nhsd-prose > section.nhsd-service__section > h2", headings...)
	// Each contents link leads to its section's heading, which labels it.
	links := d.attrs(".nhsd-contents a", "href")
	for i, s := range d.all("section.nhsd-service__section") {
		h := d.all("section.nhsd-service__section > h2")[i]
		if attrOf(s, "aria-labelledby") != attrOf(h, "id") || links[i] != "#"+attrOf(h, "id") {
			t.Errorf("section %q: labelled by %q, heading id %q, contents link %q", textOf(h), attrOf(s, "aria-labelledby"), attrOf(h, "id"), links[i])
		}
	}
	// Blocks inside a section sit a level below its heading.
	d.wantTexts("section.nhsd-service__section h3", "A detail of how it works", "Example links", "Another example service")
	d.none("section.nhsd-service__section nav h2")
	d.wantTexts("section[aria-labelledby=related-services] li.nhsd-card h3", "Another example service")
	edited := d.one(".nhsd-grid__main > p.nhsd-last-edited")
	if lastElementChild(edited.Parent) != edited {
		t.Errorf("Last edited does not close the main column")
	}
	d.wantTexts(".nhsd-last-edited", "Last edited: 3 June 2024 2:30pm")
	checkAccessible(t, d)
}

// Without related services, neither the section nor its contents entry;
// a page that says so prints no "Last edited"; the body after the
// template's sections takes ids after theirs.
func TestServicePageWithout(t *testing.T) {
	view := gjson.Parse(`{"page": {"title": "S", "serviceStatus": "live", "lastEdited": "2024-01-01", "showLastEdited": false,
	  "sections": {"about": [{"type": "heading", "level": 3, "text": "Benefits"}]},
	  "body": [{"type": "heading", "level": 2, "text": "Benefits"}]}}`)
	d := renderDoc(t, &ServicePage{Words: testWords, View: view})
	d.none("[aria-labelledby=related-services]")
	d.none(".nhsd-last-edited")
	d.wantAttrs(".nhsd-prose h2", "id", "about-this-service", "who-it-is-for", "how-it-works", "benefits-2", "status-and-usage", "how-to-access", "contact-us", "benefits-3")
	d.wantAttrs(".nhsd-contents a", "href", "#about-this-service", "#who-it-is-for", "#how-it-works", "#benefits-2", "#status-and-usage", "#how-to-access", "#contact-us")
	checkAccessible(t, d)
}
