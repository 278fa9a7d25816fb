package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// Card shows a page in a list: its type, date, title (the link), summary
// and, for services, status. It is a list item: put it in a list
// (CardList does).
//
// Options:
//   - card: the page's card, a JSON object as content.Card gives it.
//   - headingLevel: 2 or 3, so cards fit the page's heading outline.
//   - showDate: print the publication date.
//   - w: the site's words (a service's status).
func Card(card gjson.Result, headingLevel int, showDate bool, w words.Words) app.UI {
	return CardItem(card, headingLevel, showDate, w)
}

// CardItem is Card as an element, for a list that adds attributes of its
// own (the catalogue's data for its filters).
func CardItem(card gjson.Result, headingLevel int, showDate bool, w words.Words) app.HTMLElem {
	title := app.Elem("a").Class("nhsd-card__link").Attr("href", attr(card.Get("path").String())).Text(card.Get("title").String())
	var heading app.UI
	if headingLevel == 2 {
		heading = app.Elem("h2").Class("nhsd-card__title").Body(title)
	} else {
		heading = app.Elem("h3").Class("nhsd-card__title").Body(title)
	}
	var meta []app.UI
	if l := card.Get("label").String(); l != "" {
		meta = append(meta, app.Elem("span").Class("nhsd-card__type").Text(l))
	}
	if showDate {
		d := card.Get("date").String()
		meta = append(meta, app.Elem("time").Class("nhsd-card__date").Attr("datetime", attr(d)).Text(formatDate(d)))
	}
	if s := card.Get("serviceStatus").String(); s != "" {
		meta = append(meta, StatusTag(s, w.Get(words.StatusPrefix)))
	}
	return app.Elem("li").Class("nhsd-card").Body(
		heading,
		app.Elem("p").Class("nhsd-card__meta").Body(meta...),
		app.Elem("p").Class("nhsd-card__summary").Text(card.Get("summary").String()),
	)
}

// CardList lays cards out in a responsive grid: a list, or nothing when
// there are no cards. Its options are Card's, cards a JSON list of them.
func CardList(cards gjson.Result, headingLevel int, showDate bool, w words.Words) app.UI {
	items := cards.Array()
	if len(items) == 0 {
		return nil
	}
	lis := make([]app.UI, len(items))
	for i, c := range items {
		lis[i] = keptCard(c, headingLevel, showDate, w)
	}
	return app.Elem("ul").Class("nhsd-card-list").Body(lis...)
}

// StatusTag shows a service's status (live, beta, alpha, retiring,
// retired) in words; what stands around it ("Status: {status}") is for
// screen readers only.
//
// Options:
//   - status: the service's serviceStatus; one it does not know is shown
//     as it is.
//   - label: the words, with {status} where the status goes.
func StatusTag(status, label string) app.UI {
	before, after, _ := strings.Cut(label, "{status}")
	return app.Elem("strong").Class("nhsd-tag nhsd-tag--"+attr(status)).Body(
		hiddenText(before), app.Text(pagetype.StatusLabel(status)), hiddenText(after))
}
