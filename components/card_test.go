//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

// A card is a list item: its title a link in a heading of the level
// asked for, then its type, date when asked for, status for services,
// and summary.
func TestCard(t *testing.T) {
	d := exampleDoc(t, "Card", "A service, with its status")
	d.one("ul.nhsd-card-list > li.nhsd-card > h3.nhsd-card__title > a.nhsd-card__link[href=/services/example]")
	d.wantTexts("h3", "Example service")
	d.wantTexts(".nhsd-card__type", "Service")
	d.none("time") // no date asked for
	d.wantTexts(".nhsd-card__meta strong.nhsd-tag.nhsd-tag--live", "Status: Live")
	d.wantTexts(".nhsd-card__meta strong .nhsd-visually-hidden", "Status:")
	d.wantTexts(".nhsd-card__summary", "A summary of an example service.")
	checkAccessible(t, d)

	d = exampleDoc(t, "Card", "A blog post, with its date")
	d.wantTexts(".nhsd-card__meta time[datetime=2024-03-05]", "5 March 2024")
	d.none(".nhsd-tag")
	checkAccessible(t, d)

	d = renderDoc(t, Card(gjson.Parse(`{"path": "/a", "title": "A"}`), 2, false, testWords))
	d.one("li > h2.nhsd-card__title > a")
	d.none("h3")
}

func TestCardList(t *testing.T) {
	d := exampleDoc(t, "Card", "A list of cards")
	d.wantAttrs("ul.nhsd-card-list > li.nhsd-card h3 a", "href", "/services/example", "/blog/example-post", "/news-and-events/latest-news/example-news")
	d.wantAttrs("ul.nhsd-card-list > li time", "datetime", "2024-01-15", "2024-03-05", "2024-02-20")
	checkAccessible(t, d)
	for _, cards := range []string{`[]`, ``} {
		if ui := CardList(gjson.Parse(cards), 3, true, testWords); ui != nil {
			t.Errorf("CardList(%q) renders %s", cards, render(ui))
		}
	}
}

// A status tag names the status in words, with "Status:" for screen
// readers; a status it does not know is shown as it is.
func TestStatusTag(t *testing.T) {
	d := exampleDoc(t, "Card", "Status tags")
	d.wantTexts("strong.nhsd-tag", "Status: Live", "Status: Beta", "Status: Alpha", "Status: Retiring", "Status: Retired")
	d.one("strong.nhsd-tag.nhsd-tag--retiring")
	d = renderDoc(t, StatusTag("paused", testWords.Get(words.StatusPrefix)))
	d.wantTexts("strong.nhsd-tag.nhsd-tag--paused", "Status: paused")
}

func TestCardEscapes(t *testing.T) {
	card := `{"path": ` + jsonString("/"+hostile) + `, "title": ` + jsonString(hostile) + `, "label": ` + jsonString(hostile) +
		`, "date": ` + jsonString(hostile) + `, "serviceStatus": ` + jsonString(hostile) + `, "summary": ` + jsonString(hostile) + `}`
	d := renderDoc(t, Card(gjson.Parse(card), 3, true, testWords))
	d.wantSafe()
	d.wantAttrs("a", "href", "/"+hostile)
	d.wantAttrs("time", "datetime", hostile)
	d.wantAttrs("strong", "class", "nhsd-tag nhsd-tag--"+hostile)
	d.wantTexts("h3", hostile)
	d.wantTexts(".nhsd-card__type", hostile)
	d.wantTexts("time", hostile) // not a date: shown as it is
	d.wantTexts(".nhsd-card__summary", hostile)
}
