package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// PublicationPage renders one edition of a statistical publication: its
// series, dates, coverage and granularity, key facts, body, resources,
// other editions and "Last edited".
//
// Options:
//   - View: the publication's view; Series is the series card and Related
//     the other editions.
//   - Words: the site's words.
//   - Media: the visitor allows embedded media (video blocks play).
type PublicationPage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *PublicationPage) Render() app.UI {
	page, w := pagedata.Of(p.View).Page(), p.Words
	series := pagedata.Of(p.View).Series()
	body := page.Body()

	// Key facts are shown only when the edition states some; an edition
	// whose figures live on the original site has none.
	hasFacts := len(page.KeyFacts().Array()) > 0
	toc := newOutline()
	var entries []contentsEntry
	if hasFacts {
		entries = append(entries, contentsEntry{ID: toc.id(w.Get(words.KeyFacts), ""), Text: w.Get(words.KeyFacts)})
	}
	entries = append(entries, headingsOf(body, toc)...)
	entries = append(entries, contentsEntry{ID: toc.id(w.Get(words.Resources), ""), Text: w.Get(words.Resources)})

	o := newOutline()
	var keyFacts app.UI
	if hasFacts {
		keyFactsID := o.id(w.Get(words.KeyFacts), "")
		keyFacts = app.Elem("section").Class("nhsd-key-facts").Aria("labelledby", keyFactsID).Body(
			app.Elem("h2").ID(keyFactsID).Class("nhsd-heading-l").Text(w.Get(words.KeyFacts)),
			Figures(page.KeyFacts(), ""),
		)
	}
	blocks := &Blocks{Words: p.Words, Items: body, Outline: o, Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	rendered := blocks.Render()
	resourcesID := o.id(w.Get(words.Resources), "")

	published := page.Published()
	summary := app.Elem("dl").Class("nhsd-summary-list").Body(
		summaryRow(w.Get(words.PublicationDate), app.Elem("time").Attr("datetime", attr(published)).Text(formatDate(published))),
		summaryRow(w.Get(words.InformationType), app.Text(joinList(page.InformationType()))),
		summaryRow(w.Get(words.GeographicCoverage), app.Text(joinList(page.GeographicCoverage()))),
		summaryRow(w.Get(words.Granularity), app.Text(joinList(page.Granularity()))),
		summaryRow(w.Get(words.DateRange), app.Text(w.Fill(words.DateRangeValue, "start", formatDate(page.CoverageStart()), "end", formatDate(page.CoverageEnd())))),
	)

	resources := page.Resources().Array()
	lis := make([]app.UI, len(resources))
	for i, r := range resources {
		var meta []string
		if f := r.Get("format").String(); f != "" {
			meta = append(meta, f)
		}
		if s := r.Get("size").String(); s != "" {
			meta = append(meta, s)
		}
		var m app.UI
		if len(meta) > 0 {
			m = app.Elem("span").Class("nhsd-resources__meta").Text(" (" + strings.Join(meta, ", ") + ")")
		}
		lis[i] = app.Elem("li").Class("nhsd-resources__item").Body(Link(r.Get("href").String(), r.Get("title").String()), m)
	}

	var seriesLine, others app.UI
	if series.Exists() {
		seriesLine = app.Elem("p").Class("nhsd-caption").Body(around(w, words.PartOf, "series",
			app.Elem("a").Class("nhsd-link").Attr("href", attr(series.Get("path").String())).Text(series.Get("title").String()))...)
	}
	if rel := pagedata.Of(p.View).Related(); len(rel.Array()) > 0 {
		others = section("nhsd-other-editions", w.Get(words.OtherEditions), CardList(rel, 3, true, w))
	}
	main := []app.UI{
		summary,
		keyFacts,
		app.Elem("div").Class("nhsd-prose").Body(rendered...),
		app.Elem("section").Class("nhsd-resources").Aria("labelledby", resourcesID).Body(
			app.Elem("h2").ID(resourcesID).Class("nhsd-heading-l").Text(w.Get(words.Resources)),
			app.Elem("ul").Class("nhsd-resources__list").Body(lis...),
		),
		others,
	}
	return PageShell{
		Words:      p.Words,
		Class:      "nhsd-publication",
		Above:      seriesLine,
		Title:      page.Title(),
		Lead:       page.Summary(),
		Sidebar:    true,
		Contents:   PageContents(w.Get(words.PageContents), entries, false),
		Body:       main,
		LastEdited: lastEditedOf(page),
	}.Render()
}

func summaryRow(key string, value app.UI) app.UI {
	return app.Elem("div").Class("nhsd-summary-list__row").Body(
		app.Elem("dt").Class("nhsd-summary-list__key").Text(key),
		app.Elem("dd").Class("nhsd-summary-list__value").Body(value),
	)
}

func joinList(list gjson.Result) string {
	var out []string
	for _, v := range list.Array() {
		out = append(out, v.String())
	}
	return strings.Join(out, ", ")
}
