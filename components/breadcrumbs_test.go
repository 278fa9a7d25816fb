//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// Breadcrumbs are an ordered list of links in a labelled navigation
// landmark, in the order given; none at all without crumbs.
func TestBreadcrumbs(t *testing.T) {
	d := exampleDoc(t, "Breadcrumbs", "Two levels up")
	d.one("nav.nhsd-breadcrumbs[aria-label=Breadcrumb] > ol.nhsd-breadcrumbs__list")
	d.wantTexts("nav > ol > li > a", "Home", "Services")
	d.wantAttrs("nav > ol > li > a", "href", "/", "/services")
	d.none("[aria-current]") // the current page is not listed
	checkAccessible(t, d)

	for _, crumbs := range []string{``, `[]`, `null`} {
		if ui := Breadcrumbs(gjson.Parse(crumbs), "Breadcrumb"); ui != nil {
			t.Errorf("Breadcrumbs(%q) renders %s", crumbs, render(ui))
		}
	}
}

func TestBreadcrumbsEscape(t *testing.T) {
	d := renderDoc(t, Breadcrumbs(gjson.Parse(`[{"path": `+jsonString("/"+hostile)+`, "title": `+jsonString(hostile)+`}]`), hostile))
	d.wantSafe()
	d.wantAttrs("a", "href", "/"+hostile)
	d.wantTexts("a", hostile)
}
