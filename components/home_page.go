package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// HomePage renders the home page: the hero, a promotion, the four headline
// figures, services, the feature story, the latest blogs and news, and
// data and information. Its modules come from the site settings.
//
// Options:
//   - View: the home page's view; Home holds the resolved modules.
type HomePage struct {
	app.Compo
	View gjson.Result
}

// Render returns the page.
func (p *HomePage) Render() app.UI {
	home := p.View.Get("home")
	s := home.Get("settings")
	hero := s.Get("hero")

	var heroLink, promo, feature app.UI
	if l := hero.Get("link"); l.Exists() {
		heroLink = app.A().Class("nhsd-button nhsd-button--reverse").Href(attr(l.Get("href").String())).Text(l.Get("text").String())
	}
	if pr := s.Get("promo"); pr.Exists() {
		promo = app.Div().Class("nhsd-promo").Body(
			app.H2().Class("nhsd-promo__title").Body(
				app.A().Class("nhsd-promo__link").Href(attr(pr.Get("href").String())).Text(pr.Get("title").String())),
			app.P().Class("nhsd-promo__text").Text(pr.Get("text").String()),
		)
	}
	if f := home.Get("feature"); f.Exists() && f.Type != gjson.Null {
		feature = app.Section().Class("nhsd-feature").Aria("labelledby", "nhsd-home-feature").Body(
			app.Div().Class("nhsd-width-container nhsd-feature__inner").Body(
				app.P().Class("nhsd-feature__label").Text("Feature"),
				app.H2().ID("nhsd-home-feature").Class("nhsd-heading-l").Body(
					app.A().Class("nhsd-feature__link").Href(f.Get("path").String()).Text(f.Get("title").String())),
				app.P().Class("nhsd-feature__summary").Text(f.Get("summary").String()),
			),
		)
	}
	return app.Div().Class("nhsd-page nhsd-home").Body(
		app.Div().Class("nhsd-hero").Body(
			app.Div().Class("nhsd-width-container nhsd-hero__inner").Body(
				app.H1().Class("nhsd-hero__title nhsd-page-title").TabIndex(-1).Text(hero.Get("title").String()),
				app.P().Class("nhsd-hero__text").Text(hero.Get("text").String()),
				heroLink,
			),
		),
		app.Div().Class("nhsd-width-container").Body(
			promo,
			app.Section().Class("nhsd-section").Aria("labelledby", "nhsd-home-figures").Body(
				app.H2().ID("nhsd-home-figures").Class("nhsd-visually-hidden").Text("NHS Digital in numbers"),
				Figures(s.Get("figures"), ""),
			),
			section("nhsd-home-services", "Our services",
				CardList(home.Get("services"), 3, false),
				app.P().Class("nhsd-more").Body(app.A().Class("nhsd-link").Href("/services").Text("See all services")),
			),
		),
		feature,
		app.Div().Class("nhsd-width-container").Body(
			app.Div().Class("nhsd-columns").Body(
				section("nhsd-home-blogs", "Latest blogs",
					CardList(home.Get("blogs"), 3, true),
					app.P().Class("nhsd-more").Body(app.A().Class("nhsd-link").Href("/blog").Text("See all blogs"))),
				section("nhsd-home-news", "Latest news",
					CardList(home.Get("news"), 3, true),
					app.P().Class("nhsd-more").Body(app.A().Class("nhsd-link").Href("/news-and-events/latest-news").Text("See all news"))),
			),
			section("nhsd-home-data", "Data and information",
				CardList(home.Get("data"), 3, true),
				app.P().Class("nhsd-more").Body(app.A().Class("nhsd-link").Href("/data-and-information").Text("Explore data and information"))),
		),
	)
}
