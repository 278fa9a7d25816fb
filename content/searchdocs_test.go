package content

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
)

// An excerpt is cut from the body text, so list items, cells and links must
// stay apart there: each ends as a sentence.
func TestBlockTextKeepsPiecesApart(t *testing.T) {
	blocks := gjson.Parse(`[
		{"type": "heading", "text": "How it works", "level": 2},
		{"type": "list", "items": ["call 999 or go to A&E", "see a pharmacist.", "book a call back"]},
		{"type": "links", "title": "More", "items": [{"text": "Spine", "href": "/services/spine", "description": "National infrastructure"}]},
		{"type": "contacts", "items": [{"label": "Telephone", "value": "0300 303 5035"}]}
	]`)
	var headings, body []string
	blockText(blocks, &headings, &body)
	got := strings.Join(body, " ")
	want := "call 999 or go to A&E. see a pharmacist. book a call back. Spine. National infrastructure. Telephone: 0300 303 5035."
	if got != want {
		t.Errorf("body %q\nwant %q", got, want)
	}
	if strings.Join(headings, "|") != "How it works|More|" {
		t.Errorf("headings %q", headings)
	}
}

func TestTypeLabelsAreDistinctFacetValues(t *testing.T) {
	seen := map[string]string{}
	for _, pt := range pagetype.All() {
		typ, label := pt.Name, pt.Label
		for other, l := range seen {
			if l == label+"s" || label == l+"s" {
				t.Errorf("%s is labelled %q and %s %q: a singular and its plural in the document type facet", typ, label, other, l)
			}
		}
		seen[typ] = label
	}
}
