//go:build !wasm

package components

import (
	"slices"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
)

// The plain shell: one element in the width container, the title as the
// only h1 (focusable by script, out of the tab order), the lead, the
// body.
func TestPageShell(t *testing.T) {
	d := exampleDoc(t, "PageShell", "Title, lead and body")
	page := d.one("div.nhsd-width-container.nhsd-page")
	if page.Parent != d.root {
		t.Errorf("the page is not the shell's one element")
	}
	d.wantTexts("div.nhsd-page > h1.nhsd-heading-xl.nhsd-page-title[tabindex=-1]", "Example page")
	d.wantTexts("div.nhsd-page > h1 + p", "The lead paragraph of an example page.")
	d.wantTexts("div.nhsd-page > p.nhsd-lead", "The lead paragraph of an example page.")
	d.wantTexts("div.nhsd-page > div.nhsd-prose", "The body of an example page.")
	d.none(".nhsd-grid")
	d.none(".nhsd-banner")
	d.none(".nhsd-last-edited")
	checkAccessible(t, d)

	// The order: above, title, lead, intro, body.
	d = renderDoc(t, PageShell{Words: testWords,
		Tag: "article", Class: "nhsd-example", Above: app.P().Class("nhsd-caption").Text("Above"), Title: "Title",
		Intro: []app.UI{app.P().Text("Intro")}, Body: []app.UI{app.P().Text("Body")},
	}.Render())
	d.one("article.nhsd-width-container.nhsd-page.nhsd-example")
	if got := childTags(d.one("article")); !slices.Equal(got, []string{"p", "h1", "p", "p"}) {
		t.Errorf("children %q", got)
	}
	d.wantTexts("article > *", "Above", "Title", "Intro", "Body")
	d.none(".nhsd-lead") // no lead given
}

// A hub's shell puts the title and lead in the banner and the rest in the
// width container below.
func TestPageShellBanner(t *testing.T) {
	d := exampleDoc(t, "PageShell", "In a banner (section hubs)")
	d.one("div.nhsd-page.nhsd-page--hub > div.nhsd-banner > div.nhsd-width-container > h1")
	d.wantTexts(".nhsd-banner p.nhsd-lead", "The summary of an example section.")
	d.wantTexts(".nhsd-banner + div.nhsd-width-container > .nhsd-prose", "The body of an example page.")
	if slices.Contains(classesOf(d.one("div.nhsd-page")), "nhsd-width-container") {
		t.Errorf("the banner's page is in the width container: the banner would not span the page")
	}
	checkAccessible(t, d)
}

// With a sidebar: the page contents beside the main column, "Last
// edited" closing the main column, the caption above the title.
func TestPageShellSidebar(t *testing.T) {
	d := exampleDoc(t, "PageShell", "With a caption, page contents and Last edited")
	d.wantTexts("div.nhsd-page > p.nhsd-caption + h1", "Example article-like page")
	d.one("div.nhsd-page > div.nhsd-grid > div.nhsd-grid__side > nav.nhsd-contents")
	d.one("div.nhsd-grid > div.nhsd-grid__side + div.nhsd-grid__main > div.nhsd-prose")
	edited := d.one("div.nhsd-grid__main > p.nhsd-last-edited")
	if last := lastElementChild(edited.Parent); last != edited {
		t.Errorf("Last edited does not close the main column")
	}
	d.wantTexts(".nhsd-last-edited", "Last edited: 3 June 2024 2:30pm") // BST
	d.wantAttrs(".nhsd-last-edited time", "datetime", "2024-06-03T13:30:00Z")
	checkAccessible(t, d)

	// No contents: the main column alone.
	d = renderDoc(t, PageShell{Words: testWords, Title: "T", Sidebar: true, Body: []app.UI{app.P().Text("Body")}}.Render())
	d.one("div.nhsd-grid > div.nhsd-grid__main > p")
	d.none(".nhsd-grid__side")
}

// A lead with markup: the not-found page's path.
func TestPageShellLeadBody(t *testing.T) {
	d := renderDoc(t, PageShell{Words: testWords, Title: "T", Lead: "ignored", LeadBody: []app.UI{app.Text("At "), app.Elem("code").Text("/x"), app.Text(".")}}.Render())
	d.wantTexts("p.nhsd-lead", "At /x.")
	d.wantTexts("p.nhsd-lead code", "/x")
}

// lastEditedOf prints a page's lastEdited unless the page says not to.
func TestLastEditedOf(t *testing.T) {
	for page, want := range map[string]string{
		`{"lastEdited": "2024-06-03"}`:                          "2024-06-03",
		`{"lastEdited": "2024-06-03", "showLastEdited": true}`:  "2024-06-03",
		`{"lastEdited": "2024-06-03", "showLastEdited": false}`: "",
		`{}`: "",
	} {
		if got := lastEditedOf(pagedata.Of(gjson.Parse(`{"page": ` + page + `}`)).Page()); got != want {
			t.Errorf("lastEditedOf(%s) = %q, want %q", page, got, want)
		}
	}
	if LastEdited("Last edited: {date}", "") != nil {
		t.Errorf("LastEdited(\"\") renders something")
	}
	d := renderDoc(t, LastEdited("Last edited: {date}", "2024-01-15"))
	d.wantTexts("p.nhsd-last-edited", "Last edited: 15 January 2024")
}

// section is a region labelled by its own h2.
func TestSection(t *testing.T) {
	d := renderDoc(t, section("nhsd-example-section", "Example cards", app.P().Text("Body")))
	d.wantTexts("section.nhsd-section[aria-labelledby=nhsd-example-section] > h2#nhsd-example-section", "Example cards")
	d.wantTexts("section > h2 + p", "Body")
	checkAccessible(t, d)
}

func TestPageShellEscapes(t *testing.T) {
	d := renderDoc(t, PageShell{Words: testWords, Title: hostile, Lead: hostile, LastEdited: hostile, Sidebar: true}.Render())
	d.wantSafe()
	d.wantTexts("h1", hostile)
	d.wantTexts(".nhsd-lead", hostile)
	d.wantAttrs(".nhsd-last-edited time", "datetime", hostile)
	d.wantTexts(".nhsd-last-edited time", hostile)
}
