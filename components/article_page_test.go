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
	d := renderDoc(t, &ArticlePage{Words: testWords, View: view, Origin: "https://www.example.com"})
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

// A blog post: an article element; type and date above the title; its
// authors with their roles; numbered page contents beside numbered
// sections; related subjects as searches; share links; Last edited.
func TestArticlePage(t *testing.T) {
	d := exampleDoc(t, "ArticlePage", "Blog post")
	d.one("article.nhsd-width-container.nhsd-page.nhsd-article")
	d.wantTexts("article > p.nhsd-caption", "Blog · 5 March 2024")
	d.wantAttrs("article > p.nhsd-caption > time", "datetime", "2024-03-05")
	d.wantTexts("article > p.nhsd-caption + h1", "Example blog post")
	d.wantTexts("article > .nhsd-lead + .nhsd-authors > p.nhsd-authors__title", "Written by")
	d.wantTexts(".nhsd-authors li .nhsd-authors__name", "Example Author", "Another Example Author")
	d.wantTexts(".nhsd-authors li .nhsd-authors__role", "Example role", "Another example role")
	d.one(".nhsd-authors + .nhsd-grid > .nhsd-grid__side > nav.nhsd-contents > ol.nhsd-contents__list--numbered")
	d.wantTexts(".nhsd-contents li a", "First section", "Second section")
	d.wantTexts(".nhsd-grid__main > .nhsd-prose > h2", "1. First section", "2. Second section")
	d.one("section.nhsd-subjects[aria-labelledby=nhsd-subjects-title] > h2#nhsd-subjects-title")
	d.wantTexts(".nhsd-subjects__link", "Example subject", "Another subject")
	d.wantAttrs(".nhsd-subjects__link", "href", "/search?q=Example+subject", "/search?q=Another+subject")
	d.wantTexts("section.nhsd-share[aria-labelledby=nhsd-share-title] > h2", "Share this page")
	d.wantTexts(".nhsd-share__item a", "Email (share this page)", "LinkedIn (share this page)", "X (Twitter) (share this page)", "Facebook (share this page)")
	d.wantAttrs(".nhsd-share__item a", "href",
		"mailto:?subject=Example%20blog%20post&body=https:%2F%2Fwww.example.com%2Fblog%2Fexample-post",
		"https://www.linkedin.com/sharing/share-offsite/?url=https%3A%2F%2Fwww.example.com%2Fblog%2Fexample-post",
		"https://twitter.com/intent/tweet?url=https%3A%2F%2Fwww.example.com%2Fblog%2Fexample-post&text=Example+blog+post",
		"https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.example.com%2Fblog%2Fexample-post")
	edited := d.one(".nhsd-grid__main > p.nhsd-last-edited")
	if lastElementChild(edited.Parent) != edited {
		t.Errorf("Last edited does not close the main column")
	}
	d.wantTexts(".nhsd-last-edited", "Last edited: 6 March 2024 9:15am")
	checkAccessible(t, d)
}

// A news item with no authors, subjects or sections, saying not to print
// Last edited: none of those parts, and the main column alone.
func TestArticlePageNews(t *testing.T) {
	d := exampleDoc(t, "ArticlePage", "News item without authors")
	d.wantTexts("article > p.nhsd-caption", "News · 20 February 2024")
	d.none(".nhsd-authors")
	d.none(".nhsd-contents")
	d.none(".nhsd-subjects")
	d.none(".nhsd-last-edited")
	d.one(".nhsd-grid > .nhsd-grid__main > .nhsd-share")
	checkAccessible(t, d)

	d = renderDoc(t, &ArticlePage{Words: testWords, View: gjson.Parse(`{"page": {"type": "feature", "title": "F", "published": "2024-01-02"}}`)})
	d.wantTexts("p.nhsd-caption", "Feature · 2 January 2024")
}
