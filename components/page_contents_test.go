//go:build !wasm

package components

import (
	"testing"

	"nhsdigital/content/words"
)

// "Page contents" is a navigation landmark labelled by its heading, with
// a link to each section's heading, in a bulleted or numbered list.
func TestPageContents(t *testing.T) {
	d := exampleDoc(t, "PageContents", "Sections, above the body they list")
	d.one("nav.nhsd-contents[aria-labelledby=nhsd-contents-title] > h2#nhsd-contents-title")
	d.wantTexts("nav h2", "Page contents")
	d.one("nav > ul.nhsd-contents__list")
	d.none("nav ol")
	d.wantTexts("nav li.nhsd-contents__item > a.nhsd-link", "First section", "Second section")
	d.wantAttrs("nav li > a", "href", "#first-section", "#second-section")
	// Each link's target is the heading of that name.
	d.wantTexts(".nhsd-prose h2#first-section", "First section")
	d.wantTexts(".nhsd-prose h2#second-section", "Second section")
	checkAccessible(t, d)

	d = exampleDoc(t, "PageContents", "Numbered sections (articles)")
	d.one("nav > ol.nhsd-contents__list.nhsd-contents__list--numbered")
	d.wantTexts(".nhsd-prose h2", "1. First section", "2. Second section")
	checkAccessible(t, d)
}

// A page with fewer than two sections lists none.
func TestPageContentsNeedsTwoSections(t *testing.T) {
	for _, entries := range [][]contentsEntry{nil, {{ID: "a", Text: "A"}}} {
		if PageContents(testWords.Get(words.PageContents), entries, false) != nil || PageContents(testWords.Get(words.PageContents), entries, true) != nil {
			t.Errorf("PageContents(testWords.Get(words.PageContents), %v) renders a list", entries)
		}
	}
}

func TestPageContentsEscapes(t *testing.T) {
	o := newOutline()
	d := renderDoc(t, PageContents(testWords.Get(words.PageContents), []contentsEntry{{ID: o.id(hostile, ""), Text: hostile}, {ID: o.id(hostile, ""), Text: hostile}}, false))
	d.wantSafe()
	d.wantTexts("li a", hostile, hostile)
	d.wantAttrs("li a", "href", "#x-onfocus-alert-1-data-x-script-alert-2-script-caf", "#x-onfocus-alert-1-data-x-script-alert-2-script-caf-2")
}
