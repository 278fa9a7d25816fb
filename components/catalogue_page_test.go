//go:build !wasm

package components

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// The catalogue: title and lead, then a GET form to /services whose
// fields are labelled, the count in a status region (read out as it
// changes), and the services as cards with level 2 headings.
func TestCataloguePage(t *testing.T) {
	d := exampleDoc(t, "CataloguePage", "Every service")
	d.wantTexts("div.nhsd-page.nhsd-catalogue > h1", "Services")
	d.wantTexts("div.nhsd-catalogue > .nhsd-lead", "The summary of an example catalogue.")
	d.wantTexts("div.nhsd-catalogue > .nhsd-prose", "The body of an example catalogue.")
	d.one("form.nhsd-filters[action=/services][method=get]")
	d.wantTexts("form label", "Search services", "Status", "Topic")
	d.wantAttrs("form label", "for", "nhsd-catalogue-q", "nhsd-catalogue-status", "nhsd-catalogue-topic")
	d.one("input#nhsd-catalogue-q[type=search][name=q][maxlength=100]")
	d.wantTexts("select#nhsd-catalogue-status[name=status] > option", "Any status", "Live", "Beta", "Alpha", "Retiring", "Retired")
	d.wantAttrs("select#nhsd-catalogue-status > option[value]", "value", "live", "beta", "alpha", "retiring", "retired")
	// Topics are the services' own, sorted.
	d.wantTexts("select#nhsd-catalogue-topic[name=topic] > option", "All topics", "Another topic", "Example topic")
	d.none("option[selected]")
	d.wantTexts("form button[type=submit]", "Apply filters")
	d.wantTexts("p#nhsd-catalogue-count[role=status]", "3 services")
	d.wantTexts("ul.nhsd-card-list > li.nhsd-card > h2", "Example service", "Another example service", "Retired example service")
	checkAccessible(t, d)
}

// The query chooses: status and topic both, with the options marked.
func TestCataloguePageFilters(t *testing.T) {
	d := exampleDoc(t, "CataloguePage", "Filtered by status and topic")
	d.wantTexts("#nhsd-catalogue-count", "1 of 3 services")
	d.wantTexts("li.nhsd-card h2", "Example service")
	d.wantAttrs("#nhsd-catalogue-status option[selected]", "value", "live")
	d.wantAttrs("#nhsd-catalogue-topic option[selected]", "value", "Example topic")
	checkAccessible(t, d)

	for q, want := range map[string][]string{
		"q=another":                  {"Another example service"},
		"q=RETIRED+example":          {"Retired example service"},
		"q=summary+another":          {"Another example service"},
		"status=beta":                {"Another example service"},
		"topic=Another+topic":        {"Another example service", "Retired example service"},
		"topic=Another+topic&q=beta": nil,
		"status=unknown":             nil,
	} {
		d := renderDoc(t, &CataloguePage{View: exampleCatalogue, Query: q})
		d.wantTexts("li.nhsd-card h2", want...)
	}
}

// Nothing matching says what to do, and the field keeps what was typed.
func TestCataloguePageNoMatch(t *testing.T) {
	d := exampleDoc(t, "CataloguePage", "Nothing matches")
	d.wantTexts("#nhsd-catalogue-count", "0 of 3 services")
	d.wantTexts("#nhsd-catalogue-count + p.nhsd-body", "No services match. Try fewer words or clear the filters.")
	d.none(".nhsd-card-list")
	d.wantAttrs("#nhsd-catalogue-q", "value", "no such words")
	checkAccessible(t, d)
}

// Neither the query nor a service's topics can add markup.
func TestCataloguePageEscapes(t *testing.T) {
	view := gjson.Parse(`{"page": {"title": "T"}, "cards": [{"path": "/a", "title": "A", "topics": [` + jsonString(hostile) + `]}]}`)
	d := renderDoc(t, &CataloguePage{View: view, Query: "q=" + url.QueryEscape(hostile) + "&topic=" + url.QueryEscape(hostile)})
	d.wantSafe()
	d.wantAttrs("#nhsd-catalogue-q", "value", hostile)
	d.wantAttrs("#nhsd-catalogue-topic option[value]", "value", hostile)
	d.wantTexts("#nhsd-catalogue-topic option[selected]", hostile)
}

// The query's fields are trimmed and cut to their length.
func TestTrimTo(t *testing.T) {
	for _, c := range []struct {
		in   string
		n    int
		want string
	}{
		{"  spine  ", 100, "spine"},
		{strings.Repeat("x", 150), 100, strings.Repeat("x", 100)},
		{"", 20, ""},
	} {
		if got := trimTo(c.in, c.n); got != c.want {
			t.Errorf("trimTo(%q, %d) = %q", c.in, c.n, got)
		}
	}
}
