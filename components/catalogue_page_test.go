//go:build !wasm

package components

import (
	"net/url"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
	"golang.org/x/net/html"
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
	// Every option has a value: one without sends its text ("Any status").
	d.wantAttrs("select#nhsd-catalogue-status > option[value]", "value", AnyOption, "live", "beta", "alpha", "retiring", "retired")
	d.wantAttrs("select#nhsd-catalogue-topic > option[value]", "value", AnyOption, "Another topic", "Example topic")
	// Topics are the services' own, sorted.
	d.wantTexts("select#nhsd-catalogue-topic[name=topic] > option", "All topics", "Another topic", "Example topic")
	d.wantAttrs("option[selected]", "value", AnyOption, AnyOption)
	d.wantTexts("form button[type=submit]", "Apply filters")
	d.wantTexts("p#nhsd-catalogue-count[role=status]", "3 services")
	d.wantTexts("ul.nhsd-card-list > li.nhsd-card > h2", "Example service", "Another example service", "Retired example service")
	if got := shownServices(d); len(got) != 3 {
		t.Errorf("shown %q, want every service", got)
	}
	// What the page's script filters by before the client runs, and the
	// count's words it writes.
	d.wantAttrs("li.nhsd-card", "data-status", "live", "beta", "retired")
	d.wantAttrs("li.nhsd-card", "data-topics", `["Example topic"]`, `["Example topic", "Another topic"]`, `["Another topic"]`)
	d.wantAttrs("#nhsd-catalogue-count", "data-count-all", "{all} services")
	d.wantAttrs("#nhsd-catalogue-count", "data-count-some", "{shown} of {all} services")
	d.wantAttrs("#nhsd-catalogue-none", "hidden", "")
	checkAccessible(t, d)
}

// shownServices are the titles of the services not hidden: every service
// is on the page, those that do not match hidden.
func shownServices(d *doc) []string {
	var out []string
	for _, li := range d.all("li.nhsd-card") {
		if _, hidden := lookupAttr(li, "hidden"); !hidden {
			for c := li.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && c.Data == "h2" {
					out = append(out, textOf(c))
				}
			}
		}
	}
	return out
}

// The query chooses: status and topic both, with the options marked.
func TestCataloguePageFilters(t *testing.T) {
	d := exampleDoc(t, "CataloguePage", "Filtered by status and topic")
	d.wantTexts("#nhsd-catalogue-count", "1 of 3 services")
	if got := shownServices(d); strings.Join(got, "|") != "Example service" {
		t.Errorf("shown %q, want Example service", got)
	}
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
		"status=any&topic=any":       {"Example service", "Another example service", "Retired example service"},
	} {
		d := renderDoc(t, &CataloguePage{Words: testWords, View: exampleCatalogue, Query: q})
		if got := shownServices(d); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: shown %q, want %q", q, got, want)
		}
	}
}

// Nothing matching says what to do, and the field keeps what was typed.
func TestCataloguePageNoMatch(t *testing.T) {
	d := exampleDoc(t, "CataloguePage", "Nothing matches")
	d.wantTexts("#nhsd-catalogue-count", "0 of 3 services")
	d.wantTexts("p#nhsd-catalogue-none.nhsd-body", "No services match. Try fewer words or clear the filters.")
	d.none("#nhsd-catalogue-none[hidden]")
	if got := shownServices(d); len(got) != 0 {
		t.Errorf("shown %q, want none", got)
	}
	d.wantAttrs("#nhsd-catalogue-q", "value", "no such words")
	checkAccessible(t, d)
}

// Neither the query nor a service's topics can add markup.
func TestCataloguePageEscapes(t *testing.T) {
	view := gjson.Parse(`{"page": {"title": "T"}, "cards": [{"path": "/a", "title": "A", "topics": [` + jsonString(hostile) + `]}]}`)
	d := renderDoc(t, &CataloguePage{Words: testWords, View: view, Query: "q=" + url.QueryEscape(hostile) + "&topic=" + url.QueryEscape(hostile)})
	d.wantSafe()
	d.wantAttrs("#nhsd-catalogue-q", "value", hostile)
	d.wantAttrs("#nhsd-catalogue-topic option[value]", "value", AnyOption, hostile)
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
		{strings.Repeat("é", 150), 100, strings.Repeat("é", 100)}, // characters, not bytes
	} {
		if got := trimTo(c.in, c.n); got != c.want {
			t.Errorf("trimTo(%q, %d) = %q", c.in, c.n, got)
		}
	}
}
