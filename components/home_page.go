package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/words"
)

// HomePage renders the home page: the hero, a promotion, the four headline
// figures, services, the feature story, the latest blogs and news, and
// data and information. Its modules come from the site settings.
//
// It does not build on PageShell: its hero is not a title and a lead (the
// heading and text have the hero's own larger styles and a button
// follows them), and below it the page alternates full-width bands (the
// feature) with the width container, where the shell has one container.
// Its h1 still takes focus after navigation, as Title's does.
//
// Options:
//   - View: the home page's view; Home holds the resolved modules.
//   - Words: the site's words.
type HomePage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
}

// Render returns the page.
func (p *HomePage) Render() app.UI {
	home := pagedata.Of(p.View).Home()
	s := home.Get("settings")
	hero := s.Get("hero")
	sec := s.Get("sections") // each section's heading and closing link

	var heroLink, promo, feature app.UI
	if l := hero.Get("link"); l.Exists() {
		heroLink = app.Elem("a").Class("nhsd-button nhsd-button--reverse").Attr("href", attr(l.Get("href").String())).Text(l.Get("text").String())
	}
	if pr := s.Get("promo"); pr.Exists() {
		promo = app.Elem("div").Class("nhsd-promo").Body(
			app.Elem("h2").Class("nhsd-promo__title").Body(
				app.Elem("a").Class("nhsd-promo__link").Attr("href", attr(pr.Get("href").String())).Text(pr.Get("title").String())),
			app.Elem("p").Class("nhsd-promo__text").Text(pr.Get("text").String()),
		)
	}
	if f := home.Get("feature"); f.Exists() && f.Type != gjson.Null {
		feature = app.Elem("section").Class("nhsd-feature").Aria("labelledby", "nhsd-home-feature").Body(
			app.Elem("div").Class("nhsd-width-container nhsd-feature__inner").Body(
				app.Elem("p").Class("nhsd-feature__label").Text(sec.Get("feature.title").String()),
				app.Elem("h2").ID("nhsd-home-feature").Class("nhsd-heading-l").Body(
					app.Elem("a").Class("nhsd-feature__link").Attr("href", attr(f.Get("path").String())).Text(f.Get("title").String())),
				app.Elem("p").Class("nhsd-feature__summary").Text(f.Get("summary").String()),
			),
		)
	}
	return app.Elem("div").Class("nhsd-page nhsd-home").Body(
		app.Elem("div").Class("nhsd-hero").Body(
			app.Elem("div").Class("nhsd-width-container nhsd-hero__inner").Body(
				app.Elem("h1").Class("nhsd-hero__title nhsd-page-title").TabIndex(-1).Text(hero.Get("title").String()),
				app.Elem("p").Class("nhsd-hero__text").Text(hero.Get("text").String()),
				heroLink,
			),
		),
		app.Elem("div").Class("nhsd-width-container").Body(
			promo,
			app.Elem("section").Class("nhsd-section").Aria("labelledby", "nhsd-home-figures").Body(
				app.Elem("h2").ID("nhsd-home-figures").Class("nhsd-visually-hidden").Text(sec.Get("figures.title").String()),
				Figures(s.Get("figures"), ""),
			),
			section("nhsd-home-services", sec.Get("services.title").String(),
				CardList(home.Get("services"), 3, false, p.Words), more(sec.Get("services.more"))),
		),
		feature,
		app.Elem("div").Class("nhsd-width-container").Body(
			app.Elem("div").Class("nhsd-columns").Body(
				section("nhsd-home-blogs", sec.Get("blogs.title").String(),
					CardList(home.Get("blogs"), 3, true, p.Words), more(sec.Get("blogs.more"))),
				section("nhsd-home-news", sec.Get("news.title").String(),
					CardList(home.Get("news"), 3, true, p.Words), more(sec.Get("news.more"))),
			),
			section("nhsd-home-data", sec.Get("data.title").String(),
				CardList(home.Get("data"), 3, true, p.Words), more(sec.Get("data.more"))),
		),
	)
}

// more is the link that ends a home page section's list ("See all
// services"), from the site settings' home.sections.
func more(link gjson.Result) app.UI {
	return app.Elem("p").Class("nhsd-more").Body(
		app.Elem("a").Class("nhsd-link").Attr("href", attr(link.Get("href").String())).Text(link.Get("text").String()))
}
