package components

import (
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// PageShell lays out a page of any type but the home page: the page's one
// element, holding in order a line above the title, the title (the page's
// only h1), the lead, an introduction, the body and "Last edited". Every
// page component builds on it, so every page has one title, in one place,
// that takes focus after navigation inside the app. (The home page has a
// hero instead: see HomePage.)
//
// Options:
//   - Tag: the page's element, "div" (the default) or "article".
//   - Class: the page type's own class, beside nhsd-page ("nhsd-service").
//   - Above: a line above the title: a caption (an article's type and
//     date, a publication's series, a service's status) or a
//     confirmation that takes focus (the cookie page's). Nil for none.
//   - Title: the text of the h1.
//   - Lead: the summary under the title, in larger type; "" for none.
//   - LeadBody: a lead with more than text in it (the not-found page's
//     path); used instead of Lead when set.
//   - Banner: the title and lead stand in a coloured band across the
//     page, the rest in the width container below it (section hubs).
//   - Intro: what stands between the lead and the body (an article's
//     authors).
//   - Body: the page's content.
//   - Sidebar: the body is laid out in columns: Contents beside the main
//     column on wide screens and above it on narrow ones, or the main
//     column alone when Contents is nil (article-like pages).
//   - Contents: the sidebar's "Page contents" (PageContents); only with
//     Sidebar.
//   - LastEdited: when the page was last edited, as content gives it (a
//     date or an RFC 3339 time; lastEditedOf reads it from a page); ""
//     prints no line. It closes the main column.
//   - Words: the site's words ("Last edited").
type PageShell struct {
	Tag        string
	Class      string
	Above      app.UI
	Title      string
	Lead       string
	LeadBody   []app.UI
	Banner     bool
	Intro      []app.UI
	Body       []app.UI
	Sidebar    bool
	Contents   app.UI
	LastEdited string
	Words      words.Words
}

// Render returns the page.
func (s PageShell) Render() app.UI {
	tag := s.Tag
	if tag == "" {
		tag = "div"
	}
	head := []app.UI{s.Above, Title(s.Title), s.lead()}
	rest := slices.Concat(s.Intro, s.main())
	if s.Banner {
		return app.Elem(tag).Class(classes("nhsd-page", s.Class)).Body(
			app.Elem("div").Class("nhsd-banner").Body(
				app.Elem("div").Class("nhsd-width-container").Body(head...),
			),
			app.Elem("div").Class("nhsd-width-container").Body(rest...),
		)
	}
	return app.Elem(tag).Class(classes("nhsd-width-container nhsd-page", s.Class)).Body(slices.Concat(head, rest)...)
}

func (s PageShell) lead() app.UI {
	if len(s.LeadBody) > 0 {
		return app.Elem("p").Class("nhsd-lead").Body(s.LeadBody...)
	}
	return Lead(s.Lead)
}

// main is the body with "Last edited" after it, in columns with Sidebar.
func (s PageShell) main() []app.UI {
	main := slices.Concat(s.Body, []app.UI{LastEdited(s.Words.Get(words.LastEdited), s.LastEdited)})
	if !s.Sidebar {
		return main
	}
	column := app.Elem("div").Class("nhsd-grid__main").Body(main...)
	if s.Contents == nil {
		return []app.UI{app.Elem("div").Class("nhsd-grid").Body(column)}
	}
	return []app.UI{app.Elem("div").Class("nhsd-grid").Body(
		app.Elem("div").Class("nhsd-grid__side").Body(s.Contents),
		column,
	)}
}

func classes(base, extra string) string {
	if extra == "" {
		return base
	}
	return base + " " + extra
}

// Title is a page's main heading. It takes focus after client navigation
// (tabindex -1 lets it, without putting it in the tab order).
func Title(text string) app.UI {
	return app.Elem("h1").Class("nhsd-heading-xl nhsd-page-title").TabIndex(-1).Text(text)
}

// Lead is the larger first paragraph under a page title; nothing for "".
func Lead(text string) app.UI {
	if text == "" {
		return nil
	}
	return app.Elem("p").Class("nhsd-lead").Text(text)
}

// LastEdited prints when the page was last edited, on the UK clock;
// nothing for "".
//
// Options:
//   - label: the words, with {date} where the time goes.
//   - date: the time, as content gives it.
func LastEdited(label, date string) app.UI {
	if date == "" {
		return nil
	}
	before, after, _ := strings.Cut(label, "{date}")
	return app.Elem("p").Class("nhsd-last-edited").Body(
		text(before),
		app.Elem("time").Attr("datetime", attr(date)).Text(formatDateTime(date)),
		text(after),
	)
}

// lastEditedOf is the time a page prints as "Last edited", or "" when it
// prints none: pages print it unless their showLastEdited says false.
func lastEditedOf(page pagedata.Doc) string {
	if v := page.ShowLastEdited(); v.Exists() && !v.Bool() {
		return ""
	}
	return page.LastEdited()
}

// around is the words of k with the element el where its placeholder
// name goes.
func around(w words.Words, k words.Key, name string, el app.UI) []app.UI {
	before, after := w.Split(k, name)
	return []app.UI{text(before), el, text(after)}
}

// text is s as a text node, or nothing for "".
func text(s string) app.UI {
	if s == "" {
		return nil
	}
	return app.Text(s)
}

// section is a titled group of cards or links on a page: a section
// labelled by its h2, whose id is given.
func section(id, title string, body ...app.UI) app.UI {
	return app.Elem("section").Class("nhsd-section").Aria("labelledby", id).Body(
		append([]app.UI{app.Elem("h2").ID(id).Class("nhsd-heading-l").Text(title)}, body...)...,
	)
}
