//go:build !wasm

package components

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

func TestHomePageEscapes(t *testing.T) {
	h := jsonString(hostile)
	href := jsonString("/" + hostile)
	view := gjson.Parse(`{"page": {"type": "home"}, "home": {"settings": {
	  "hero": {"title": ` + h + `, "text": ` + h + `, "link": {"text": ` + h + `, "href": ` + href + `}},
	  "promo": {"title": ` + h + `, "text": ` + h + `, "href": ` + href + `}},
	  "feature": {"path": ` + href + `, "title": ` + h + `, "summary": ` + h + `}}}`)
	d := renderDoc(t, &HomePage{Words: testWords, View: view})
	d.wantSafe()
	d.wantTexts("h1", hostile)
	d.wantAttrs(".nhsd-hero a", "href", "/"+hostile)
	d.wantAttrs(".nhsd-promo a", "href", "/"+hostile)
	d.wantAttrs(".nhsd-feature a", "href", "/"+hostile)
	d.wantTexts(".nhsd-feature a", hostile)
	d.wantTexts(".nhsd-feature__summary", hostile)
}

// The home page: the hero's h1 takes focus after navigation like every
// page title; the figures have a heading for screen readers; each module
// is a section labelled by its heading, with a link to see all.
func TestHomePage(t *testing.T) {
	d := exampleDoc(t, "HomePage", "Home page")
	d.one("div.nhsd-page.nhsd-home > div.nhsd-hero > div.nhsd-width-container > h1.nhsd-hero__title.nhsd-page-title[tabindex=-1]")
	d.wantTexts("h1", "An example hero title")
	d.wantTexts(".nhsd-hero__text", "The text of an example hero.")
	d.wantAttrs(".nhsd-hero a.nhsd-button", "href", "/example-page")
	d.wantTexts(".nhsd-promo > h2 > a", "An example promotion")
	d.one("section[aria-labelledby=nhsd-home-figures] > h2#nhsd-home-figures.nhsd-visually-hidden")
	d.wantTexts("#nhsd-home-figures", "NHS Digital in numbers")
	d.wantTexts("section[aria-labelledby=nhsd-home-figures] .nhsd-figures__value", "123", "45%")
	d.wantTexts("section.nhsd-section > h2", "NHS Digital in numbers", "Our services", "Latest blogs", "Latest news", "Data and information")
	d.wantTexts("section.nhsd-section .nhsd-more a", "See all services", "See all blogs", "See all news", "Explore data and information")
	d.wantAttrs("section.nhsd-section .nhsd-more a", "href", "/services", "/blog", "/news-and-events/latest-news", "/data-and-information")
	d.wantTexts("section[aria-labelledby=nhsd-home-services] li.nhsd-card h3", "Example service")
	d.none("section[aria-labelledby=nhsd-home-services] time") // services have no date
	d.wantTexts("section[aria-labelledby=nhsd-home-blogs] time", "5 March 2024")
	d.one("section.nhsd-feature[aria-labelledby=nhsd-home-feature] > div > h2#nhsd-home-feature > a[href=/news-and-events/features/example-feature]")
	d.wantTexts(".nhsd-feature__label", "Feature")
	d.none(".nhsd-last-edited")
	checkAccessible(t, d)
}

// Without a feature, promotion or hero link, those parts are left out.
func TestHomePageWithout(t *testing.T) {
	d := renderDoc(t, &HomePage{Words: testWords, View: gjson.Parse(`{"home": {"settings": {"hero": {"title": "T", "text": "X"}}, "feature": null}}`)})
	d.none(".nhsd-feature")
	d.none(".nhsd-promo")
	d.none(".nhsd-hero a")
	d.wantTexts("h1", "T")
}

// The sections' headings and closing links are the site settings'.
func TestHomePageWordsAreContent(t *testing.T) {
	view := strings.NewReplacer("Latest blogs", "Blogiau diweddaraf", "See all blogs", "Pob blog").Replace(exampleHome.Raw)
	d := renderDoc(t, &HomePage{Words: testWords, View: gjson.Parse(view)})
	d.wantTexts("#nhsd-home-blogs", "Blogiau diweddaraf")
	d.wantTexts("section[aria-labelledby=nhsd-home-blogs] .nhsd-more a", "Pob blog")
}
