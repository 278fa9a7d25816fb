//go:build !wasm

package components

import (
	"errors"
	"net/url"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/search"
)

// fixedSearch answers every search with one result.
type fixedSearch struct {
	exampleSource
	frag search.Fragment
	err  error
}

func (f fixedSearch) Search(q search.Query) (*search.Result, []search.Fragment, error) {
	if f.err != nil {
		return nil, nil, f.err
	}
	return &search.Result{Query: q, Total: 1, Page: 1, Pages: 1, Hits: []uint32{0}}, []search.Fragment{f.frag}, nil
}

// Neither the query nor a result can add markup.
func TestSearchPageEscapes(t *testing.T) {
	src := fixedSearch{frag: search.Fragment{Path: "/" + hostile, Title: hostile, Summary: hostile, Label: hostile, Date: hostile, Text: hostile}}
	d := renderDoc(t, &SearchPage{Words: testWords, View: exampleSearchView, Query: "q=" + url.QueryEscape(hostile) + "&topic=" + url.QueryEscape(hostile), Source: src})
	d.wantSafe()
	d.wantAttrs("input#nhsd-search-q", "value", hostile)
	d.wantAttrs("input[type=hidden][name=topic]", "value", hostile)
	d.wantAttrs(".nhsd-search-result time", "datetime", hostile)
	d.wantAttrs(".nhsd-search-result h2 a", "href", "/"+hostile)
	d.wantTexts(".nhsd-search-result h2 a", hostile)
	d.wantTexts(".nhsd-search-result__type", hostile)
	d.wantTexts(".nhsd-search-result__summary", hostile)
	d.wantTexts("#nhsd-search-status", "1 result for ‘"+hostile+"’ sorted by relevance")
	d.wantTexts(".nhsd-chip", "Remove filter: Topic: "+hostile+" ×")
	for _, href := range d.attrs("a", "href") {
		if u, err := url.Parse(href); err != nil || u.Path != "/search" && u.Path != "/"+hostile && u.Path != "/services" && u.Path != "/data-and-information" {
			t.Errorf("link %q", href)
		}
	}
}

// Results: a search landmark with a labelled field, scope tabs marking
// the current one, the count in a polite status, sort links, facets as
// groups of links with counts, the results as an ordered list with their
// words marked, and pagination with a name for every link.
func TestSearchPage(t *testing.T) {
	d := exampleDoc(t, "SearchPage", "Results")
	d.wantTexts("div.nhsd-page.nhsd-search > h1", "Search")
	d.one("form.nhsd-search-form[role=search][action=/search][method=get][aria-label=\"Search this site\"]")
	d.wantTexts("label[for=nhsd-search-q]", "Search for")
	d.wantAttrs("input#nhsd-search-q[type=search][name=q][maxlength=256]", "value", "example")
	d.none("form input[type=hidden]")
	d.one("nav.nhsd-tabs[aria-label=\"Search in\"]")
	d.wantTexts(".nhsd-tabs a", "All", "Data and information", "Services", "News and events")
	d.wantAttrs(".nhsd-tabs a", "href", "/search?q=example", "/search?q=example&scope=data", "/search?q=example&scope=services", "/search?q=example&scope=news")
	d.wantTexts(".nhsd-tabs a[aria-current=page]", "All")
	d.wantTexts("p#nhsd-search-status[role=status][aria-live=polite]", "12 results for ‘example’ sorted by relevance")
	d.wantTexts(".nhsd-sort a[aria-current=page]", "Relevance")
	d.wantAttrs(".nhsd-sort a", "href", "/search?q=example", "/search?q=example&sort=date")
	d.wantAttrs("button.nhsd-filter-toggle[type=button]", "aria-controls", filtersID)
	d.wantAttrs("button.nhsd-filter-toggle", "aria-expanded", "false")
	d.wantTexts("button.nhsd-filter-toggle", "Filter")
	d.wantTexts("#nhsd-search-filters > h2", "Filter by")
	d.wantTexts("details.nhsd-facet > summary", "Document type", "Publication year", "Topic")
	d.wantAttrs("details.nhsd-facet > ul", "aria-label", "Document type", "Publication year", "Topic")
	d.none("details[open]")
	d.wantTexts("details.nhsd-facet li a", "Service (8)", "Blog (4)", "2024 (12)", "Another topic (6)", "Example topic (6)")
	d.wantTexts("ol#nhsd-search-results > li.nhsd-search-result > h2 > a", "Example page 12", "Example page 11", "Example page 10", "Example page 9", "Example page 8",
		"Example page 7", "Example page 6", "Example page 5", "Example page 4", "Example page 3")
	d.wantTexts("ol > li.nhsd-search-result > p.nhsd-search-result__excerpt > mark", slicesRepeat("example", 20)...)
	d.one("nav.nhsd-pagination[aria-label=\"Results pages\"]")
	d.wantTexts(".nhsd-pagination a", "1", "2", "Next")
	d.wantAttrs(".nhsd-pagination a", "aria-label", "Page 1", "Page 2", "Next page")
	d.wantAttrs(".nhsd-pagination a[aria-current=page]", "aria-label", "Page 1")
	d.wantAttrs(".nhsd-pagination a", "href", "/search?q=example", "/search?page=2&q=example", "/search?page=2&q=example")
	checkAccessible(t, d)
}

func slicesRepeat(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// The query's filter, sort and page: hidden fields carry them into a new
// search, the chosen filter is a chip that removes it, its facet is open
// and its value says it is selected, the date sort is current, and the
// pagination goes back.
func TestSearchPageFiltered(t *testing.T) {
	d := exampleDoc(t, "SearchPage", "Second page, by date, with a filter")
	d.wantAttrs("form input[type=hidden]", "name", "sort", "topic")
	d.wantAttrs("form input[type=hidden]", "value", "date", "Example topic")
	d.wantTexts("#nhsd-search-status", "6 results for ‘example’ sorted by date")
	d.wantTexts(".nhsd-sort a[aria-current=page]", "Date")
	d.wantTexts("button.nhsd-filter-toggle", "Filter (1 selected)")
	d.wantTexts(".nhsd-chips > h3", "Selected filters")
	d.wantTexts(".nhsd-chips li a.nhsd-chip", "Remove filter: Topic: Example topic ×")
	d.wantAttrs(".nhsd-chips li a.nhsd-chip", "href", "/search?q=example&sort=date")
	d.wantAttrs(".nhsd-chips p a", "href", "/search?q=example&sort=date")
	d.wantTexts(".nhsd-chips p a", "Clear filters")
	d.wantTexts("details[open] > summary", "Topic")
	d.wantTexts("a.nhsd-facet__link--selected", "Example topic (6), selected: follow to remove")
	d.wantAttrs("a.nhsd-facet__link--selected", "href", "/search?q=example&sort=date")
	// Six results: one page, so no pagination even when page 2 is asked for.
	d.none(".nhsd-pagination")
	d.wantTexts("ol#nhsd-search-results > li h2 a", "Example page 11", "Example page 9", "Example page 7", "Example page 5", "Example page 3", "Example page 1")
	checkAccessible(t, d)

	d = renderDoc(t, &SearchPage{Words: testWords, View: exampleSearchView, Query: "q=example&page=2", Source: testSource})
	d.wantTexts(".nhsd-pagination a", "Previous", "1", "2")
	d.wantAttrs(".nhsd-pagination a[aria-current=page]", "aria-label", "Page 2")
	d.wantTexts("ol#nhsd-search-results > li h2 a", "Example page 2", "Example page 1")
}

// No results: the count and what to try; no list, no pagination, no
// filters to open (the Filter button is there, hidden, to keep the
// results' place for the client's updates).
func TestSearchPageNoResults(t *testing.T) {
	d := exampleDoc(t, "SearchPage", "No results")
	d.wantTexts("#nhsd-search-status", "0 results for ‘zzzz’ sorted by relevance")
	d.wantTexts(".nhsd-search__empty > h2", "No results")
	d.wantTexts(".nhsd-search__empty li", "check the spelling", "use fewer or more general words", "remove some filters", "browse our services or data and information")
	d.none("#nhsd-search-results")
	d.none(".nhsd-pagination")
	if _, hidden := lookupAttr(d.one(".nhsd-filter-toggle"), "hidden"); !hidden {
		t.Error("a Filter button shows with nothing to filter")
	}
	checkAccessible(t, d)
}

// A search that fails says so; one not answered yet says it is searching.
func TestSearchPageStates(t *testing.T) {
	d := renderDoc(t, &SearchPage{Words: testWords, View: exampleSearchView, Query: "q=x", Source: fixedSearch{err: errors.New("offline")}})
	d.wantTexts("#nhsd-search-status[role=status]", "Search is not available right now. Check your connection and try again.")
	d = renderDoc(t, &SearchPage{Words: testWords, View: exampleSearchView, Query: "q=x", Source: viewsOnly{}})
	d.wantTexts("#nhsd-search-status", "Searching…")
	d.one("div.nhsd-search__filters")
	d.none("#nhsd-search-filters")
	if _, hidden := lookupAttr(d.one(".nhsd-filter-toggle"), "hidden"); !hidden {
		t.Error("a Filter button shows while searching")
	}
}

// viewsOnly is a Source that cannot search (yet).
type viewsOnly struct{ emptySource }

func TestCountSentence(t *testing.T) {
	for _, c := range []struct {
		total      int
		text, sort string
		want       string
	}{
		{0, "spine", "", "0 results for ‘spine’ sorted by relevance"},
		{1, "spine", "", "1 result for ‘spine’ sorted by relevance"},
		{1234, " spine ", "date", "1,234 results for ‘spine’ sorted by date"},
		{20000, "", "", "20,000 results sorted by date"},
	} {
		if got := CountSentence(c.total, c.text, c.sort, testWords); got != c.want {
			t.Errorf("CountSentence(%d, %q, %q, testWords) = %q, want %q", c.total, c.text, c.sort, got, c.want)
		}
	}
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567"} {
		if got := formatInt(n); got != want {
			t.Errorf("formatInt(%d) = %q", n, got)
		}
	}
}

// What a search with no results suggests is the search page's own body,
// from its heading {#no-results} on; the rest of the body is not shown.
func TestSearchPageNoResultsIsContent(t *testing.T) {
	view := gjson.Parse(`{"status": 200, "page": {"type": "search", "path": "/search", "title": "Search", "body": [
	  {"type": "paragraph", "text": "Not this."},
	  {"type": "heading", "level": 2, "text": "Nothing found", "id": "no-results"},
	  {"type": "paragraph", "text": "Try <a class=\"nhsd-link\" href=\"/example-page\">the example page</a>."}]}}`)
	d := renderDoc(t, &SearchPage{Words: testWords, View: view, Query: "q=zzzz", Source: testSource})
	d.wantTexts(".nhsd-search__empty h2", "Nothing found")
	d.wantTexts(".nhsd-search__empty p", "Try the example page.")
	d.wantAttrs(".nhsd-search__empty a", "href", "/example-page")
	if strings.Contains(d.text(), "Not this") {
		t.Error("the body before the no-results heading is shown")
	}
	if got := bodyFrom(gjson.Parse(`[{"type": "paragraph", "text": "x"}]`), "no-results").Array(); len(got) != 0 {
		t.Errorf("no heading: %d blocks, want none", len(got))
	}
}
