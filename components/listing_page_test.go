//go:build !wasm

package components

import "testing"

// A listing: title and lead, the body, then its pages newest first as
// dated cards in a section named "Latest", or "Editions" for a series.
func TestListingPage(t *testing.T) {
	d := exampleDoc(t, "ListingPage", "Blog index")
	d.wantTexts("div.nhsd-page.nhsd-listing > h1", "Blogs")
	d.wantTexts("div.nhsd-listing > .nhsd-lead", "The summary of an example listing.")
	d.one("div.nhsd-listing > .nhsd-prose + section.nhsd-section[aria-labelledby=nhsd-listing-title]")
	d.wantTexts("#nhsd-listing-title", "Latest")
	d.wantTexts("section li.nhsd-card h3", "Example blog post")
	d.wantTexts("section li.nhsd-card time", "5 March 2024")
	checkAccessible(t, d)

	d = exampleDoc(t, "ListingPage", "A series with no editions yet")
	d.wantTexts("#nhsd-listing-title", "Editions")
	d.wantTexts("#nhsd-listing-title + p.nhsd-body", "There is nothing here yet.")
	d.none(".nhsd-card-list")
	checkAccessible(t, d)
}
