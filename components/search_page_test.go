//go:build !wasm

package components

import (
	"net/url"
	"testing"

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
	d := renderDoc(t, &SearchPage{View: exampleSearchView, Query: "q=" + url.QueryEscape(hostile) + "&topic=" + url.QueryEscape(hostile), Source: src})
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
