package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// ServiceSections are the standard service template's sections, in order.
var ServiceSections = pagetype.ServiceSections

// ServicePage renders a service in the standard template: title, summary,
// status, "Page contents", the seven sections, related services and
// "Last edited".
//
// Options:
//   - View: the service's view; Related holds the related services' cards.
//   - Words: the site's words.
//   - Media: the visitor allows embedded media (video blocks play).
type ServicePage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
}

// Render returns the page.
func (p *ServicePage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	sections := page.Sections()
	related := pagedata.Of(p.View).Related()

	// One outline for "Page contents", one for the body: same order, same ids.
	toc := newOutline()
	var entries []contentsEntry
	for _, s := range ServiceSections {
		entries = append(entries, contentsEntry{ID: toc.id(s.Heading, ""), Text: s.Heading})
		headingsOf(sections.Get(s.Key), toc)
	}
	hasRelated := len(related.Array()) > 0
	if hasRelated {
		entries = append(entries, contentsEntry{ID: toc.id(p.Words.Get(words.RelatedServices), ""), Text: p.Words.Get(words.RelatedServices)})
	}

	o := newOutline()
	body := make([]app.UI, 0, len(ServiceSections)+2)
	for _, s := range ServiceSections {
		id := o.id(s.Heading, "")
		blocks := &Blocks{Words: p.Words, Items: sections.Get(s.Key), Outline: o, Nested: true, Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
		body = append(body, app.Elem("section").Class("nhsd-service__section").Aria("labelledby", id).Body(
			append([]app.UI{app.Elem("h2").ID(id).Class("nhsd-heading-l").Text(s.Heading)}, blocks.Render()...)...,
		))
	}
	if hasRelated {
		id := o.id(p.Words.Get(words.RelatedServices), "")
		body = append(body, app.Elem("section").Class("nhsd-service__section").Aria("labelledby", id).Body(
			app.Elem("h2").ID(id).Class("nhsd-heading-l").Text(p.Words.Get(words.RelatedServices)),
			CardList(related, 3, false, p.Words),
		))
	}
	extra := &Blocks{Words: p.Words, Items: page.Body(), Outline: o, Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	body = append(body, extra.Render()...)

	return PageShell{
		Words:      p.Words,
		Class:      "nhsd-service",
		Above:      app.Elem("p").Class("nhsd-caption").Body(around(p.Words, words.ServiceStatus, "status", StatusTag(page.ServiceStatus(), p.Words.Get(words.StatusPrefix)))...),
		Title:      page.Title(),
		Lead:       page.Summary(),
		Sidebar:    true,
		Contents:   PageContents(p.Words.Get(words.PageContents), entries, false),
		Body:       []app.UI{app.Elem("div").Class("nhsd-prose").Body(body...)},
		LastEdited: lastEditedOf(page),
	}.Render()
}
