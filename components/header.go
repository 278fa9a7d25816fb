package components

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// Header is the site header: the logo linking home, a search box (a plain
// GET form to /search), and the six sections. On narrow screens the
// sections fold behind a "Menu" button that works by keyboard: it carries
// aria-expanded, Escape closes the menu and returns focus to the button.
// Without JavaScript the sections always show (web/nojs.css).
//
// Options:
//   - Navigation: the site's sections, a JSON list of {text, href}.
//   - Path: the current page's path, to mark the current section.
//   - Query: the current search query, kept in the search box.
type Header struct {
	app.Compo
	Navigation gjson.Result
	Path       string
	Query      string
	open       bool
}

// OnUpdate closes the menu when the page changes.
func (h *Header) OnUpdate(ctx app.Context) { h.open = false }

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

// Render returns the header.
func (h *Header) Render() app.UI {
	items := h.Navigation.Array()
	lis := make([]app.UI, len(items))
	for i, it := range items {
		href := it.Get("href").String()
		a := app.A().Href(attr(href)).Class("nhsd-header__nav-link").Text(it.Get("text").String())
		if section := sectionOf(h.Path); section == href || strings.HasPrefix(section, href+"/") {
			a = a.Attr("aria-current", "page").Class("nhsd-header__nav-link--current")
		}
		lis[i] = app.Li().Class("nhsd-header__nav-item").Body(a)
	}
	navClass := "nhsd-header__nav"
	if h.open {
		navClass += " nhsd-header__nav--open"
	}
	expanded := "false"
	if h.open {
		expanded = "true"
	}
	return app.Header().Class("nhsd-header").OnKeyDown(h.onKey).Body(
		app.Div().Class("nhsd-header__inner nhsd-width-container").Body(
			app.A().Href("/").Class("nhsd-header__logo").Body(
				app.Span().Class("nhsd-header__logo-nhs").Text("NHS"),
				app.Text(" "),
				app.Span().Class("nhsd-header__logo-text").Text("Digital"),
				app.Span().Class("nhsd-visually-hidden").Text(" home page"),
			),
			app.Form().Class("nhsd-header__search").Action("/search").Method("get").Attr("role", "search").Aria("label", "Site search").Body(
				app.Label().For("nhsd-header-search").Class("nhsd-visually-hidden").Text("Search this site"),
				app.Input().Type("search").ID("nhsd-header-search").Name("q").Class("nhsd-header__search-input").
					Value(attr(h.Query)).Placeholder("Search").AutoComplete(false).Attr("maxlength", "256"),
				app.Button().Type("submit").Class("nhsd-header__search-button").Body(
					app.Span().Class("nhsd-header__search-icon"),
					app.Span().Class("nhsd-visually-hidden").Text("Search"),
				),
			),
			app.Button().Type("button").ID("nhsd-menu-button").Class("nhsd-header__menu-button").
				Aria("expanded", expanded).Aria("controls", "nhsd-nav").OnClick(h.toggle).Text("Menu"),
		),
		app.Nav().ID("nhsd-nav").Class(navClass).Aria("label", "Sections").Body(
			app.Ul().ID("nhsd-nav-list").Class("nhsd-header__nav-list nhsd-width-container").Body(lis...),
		),
	)
}

// sectionOf maps a path to the path that decides its header section: blogs
// and cookie settings sit outside the section paths but belong to News and
// About.
func sectionOf(path string) string {
	switch {
	case path == "/blog" || strings.HasPrefix(path, "/blog/"):
		return "/news-and-events/blog"
	case path == "/cookies":
		return "/about-nhs-digital/cookies"
	}
	return path
}
