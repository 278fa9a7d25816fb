package components

import (
	"net/url"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// Header is the site header: the logo linking home, a search box (a plain
// GET form to /search), and the six sections. On narrow screens the
// sections fold behind a "Menu" button that works by keyboard: it carries
// aria-expanded, Escape closes the menu and returns focus to the button.
// Without JavaScript the sections always show (web/nojs.css).
//
// Options:
//   - Name: the site's name, which the logo shows (its first word in the
//     box: "NHS Digital").
//   - Navigation: the site's sections, a JSON list of {text, href}.
//   - Path: the current page's path, to mark the current section.
//   - Section: the path of the section the page is in when its path
//     does not say (the page data's "section": the blog is in News).
//   - Query: the current search query, kept in the search box.
//   - Words: the site's words (the Menu button, the search box's labels).
type Header struct {
	app.Compo
	Words      words.Words
	Name       string
	Navigation gjson.Result
	Path       string
	Section    string
	Query      string
	open       bool
}

// OnUpdate closes the menu when the page changes, and puts the page's
// query in the search box (see showValue).
func (h *Header) OnUpdate(ctx app.Context) {
	h.open = false
	showValue(ctx, "nhsd-header-search", h.Query)
}

// showValue makes the field with id show v once the update is made:
// go-app removes the value attribute when a value becomes empty but
// leaves the field's value, which is what it shows (the last search's
// words would stay; docs/go-app-upstream.md). A field the visitor is
// typing in is left alone.
func showValue(ctx app.Context, id, v string) {
	ctx.Defer(func(app.Context) {
		doc := app.Window().Get("document")
		field := doc.Call("getElementById", id)
		if field.Truthy() && !field.Equal(doc.Get("activeElement")) && field.Get("value").String() != v {
			field.Set("value", v)
		}
	})
}

func (h *Header) toggle(ctx app.Context, e app.Event) {
	h.open = !h.open
	if h.open {
		ctx.Defer(func(ctx app.Context) {
			if first := app.Window().Get("document").Call("querySelector", "#nhsd-nav-list a"); first.Truthy() {
				first.Call("focus")
			}
		})
	}
}

func (h *Header) onKey(ctx app.Context, e app.Event) {
	if h.open && e.Get("key").String() == "Escape" {
		h.open = false
		ctx.Defer(func(ctx app.Context) {
			if b := app.Window().GetElementByID("nhsd-menu-button"); b.Truthy() {
				b.Call("focus")
			}
		})
	}
}

// onSearch opens the search page inside the app.
func (h *Header) onSearch(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := app.Window().GetElementByID("nhsd-header-search").Get("value").String()
	href := "/search?q=" + url.QueryEscape(q)
	if shownRoot == nil || !shownRoot.follow(ctx, href) {
		ctx.Navigate(href)
	}
}

// Render returns the header.
func (h *Header) Render() app.UI {
	items := h.Navigation.Array()
	lis := make([]app.UI, len(items))
	for i, it := range items {
		href := it.Get("href").String()
		a := app.Elem("a").Attr("href", attr(href)).Class("nhsd-header__nav-link").Text(it.Get("text").String())
		switch h.mark(href) {
		case 'p':
			a = a.Attr("aria-current", "page").Class("nhsd-header__nav-link--current")
		case 't':
			a = a.Attr("aria-current", True()).Class("nhsd-header__nav-link--current")
		}
		lis[i] = app.Elem("li").Class("nhsd-header__nav-item").Body(a)
	}
	navClass := "nhsd-header__nav"
	if h.open {
		navClass += " nhsd-header__nav--open"
	}
	// The logo is the site's name, its first word in the box.
	// The words around it ("{name} home page") are for screen readers.
	mark, rest, _ := strings.Cut(h.Name, " ")
	before, after := h.Words.Split(words.HomeLink, "name")
	return app.Elem("header").Class("nhsd-header").OnKeyDown(h.onKey).Body(
		app.Elem("div").Class("nhsd-header__inner nhsd-width-container").Body(
			app.Elem("a").Attr("href", "/").Class("nhsd-header__logo").Body(
				hiddenText(before),
				app.Elem("span").Class("nhsd-header__logo-nhs").Text(mark),
				app.Text(" "),
				app.Elem("span").Class("nhsd-header__logo-text").Text(rest),
				hiddenText(after),
			),
			app.Elem("form").Class("nhsd-header__search").Attr("action", pagetype.SearchPath).Attr("method", "get").Attr("role", "search").Aria("label", attr(h.Words.Get(words.SiteSearch))).OnSubmit(h.onSearch).Body(
				app.Elem("label").Attr("for", "nhsd-header-search").Class("nhsd-visually-hidden").Text(h.Words.Get(words.SearchThisSite)),
				app.Input().Attr("type", "search").ID("nhsd-header-search").Attr("name", "q").Class("nhsd-header__search-input").
					Value(attr(h.Query)).Attr("placeholder", attr(h.Words.Get(words.SearchButton))).Attr("autocomplete", "off").Attr("maxlength", "256"),
				app.Elem("button").Attr("type", "submit").Class("nhsd-header__search-button").Body(
					app.Elem("span").Class("nhsd-header__search-icon"),
					app.Elem("span").Class("nhsd-visually-hidden").Text(h.Words.Get(words.SearchButton)),
				),
			),
			app.Elem("button").Attr("type", "button").ID("nhsd-menu-button").Class("nhsd-header__menu-button").
				Aria("expanded", boolString(h.open)).Aria("controls", "nhsd-nav").OnClick(h.toggle).Text(h.Words.Get(words.Menu)),
		),
		app.Elem("nav").ID("nhsd-nav").Class(navClass).Aria("label", attr(h.Words.Get(words.Sections))).Body(
			app.Elem("ul").ID("nhsd-nav-list").Class("nhsd-header__nav-list nhsd-width-container").Body(lis...),
		),
	)
}

// mark is how the section at href is marked: 'p' when it is the current
// page, 't' when the page is in it ("true", not "page"), '-' when neither.
func (h *Header) mark(href string) byte {
	switch {
	case h.Path == href:
		return 'p'
	case in(h.Path, href) || in(h.Section, href):
		return 't'
	}
	return '-'
}

// hiddenText is text for screen readers only; nothing for "".
func hiddenText(s string) app.UI {
	if s == "" {
		return nil
	}
	return app.Elem("span").Class("nhsd-visually-hidden").Text(s)
}

// in reports whether path is section or under it.
func in(path, section string) bool {
	return path != "" && (path == section || strings.HasPrefix(path, section+"/"))
}
