package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// CookiesPage is the cookie settings page: what each category does and
// stores, a yes/no choice for each (starting at no), Save, the consent ID
// and time, and a way to withdraw. It is a form the server answers.
//
// Options:
//   - View: the cookie page's view: its intro, and what the site stores
//     that it needs and in each category of consent (its necessary and
//     categories fields).
//   - Words: the site's words.
//   - Record: the visitor's consent, or nil.
//   - Saved: the page comes back after saving ("1" or "withdrawn").
type CookiesPage struct {
	app.Compo
	View   gjson.Result
	Words  words.Words // the site's words
	Record *consent.Record
	Saved  string
}

// Render returns the page.
func (p *CookiesPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	var saved app.UI
	if p.Saved != "" {
		msg := p.Words.Get(words.CookiesSaved)
		if p.Saved == "withdrawn" {
			msg = p.Words.Get(words.CookiesWithdrawn)
		}
		saved = app.Elem("div").ID("nhsd-cookies-saved").Class("nhsd-callout nhsd-callout--info").Attr("role", "status").TabIndex(-1).Body(
			app.Elem("p").Class("nhsd-callout__title").Text(msg))
	}
	var record app.UI = app.Elem("p").Class("nhsd-body").Text(p.Words.Get(words.NoChoice))
	if p.Record != nil {
		record = app.Elem("dl").Class("nhsd-summary-list").Body(
			summaryRow(p.Words.Get(words.ConsentID), app.Text(p.Record.ID)),
			summaryRow(p.Words.Get(words.ConsentGiven), app.Elem("time").Attr("datetime", p.Record.Time.Format("2006-01-02T15:04:05Z")).Text(p.Record.Time.Format("2 January 2006 15:04 UTC"))),
			summaryRow(p.Words.Get(words.PolicyVersion), app.Text(p.Record.Policy)),
		)
	}
	// What is stored, and why, is the page's own (its necessary and
	// categories fields): the settings ask about each category it
	// describes, in its order.
	necessary := page.Necessary()
	groups := []app.UI{
		app.Elem("h2").Class("nhsd-heading-l").Text(necessary.Get("title").String()),
		app.Elem("p").Class("nhsd-body").Text(necessary.Get("text").String()),
		itemsTable(necessary.Get("title").String(), necessary.Get("items"), p.Words),
	}
	for _, c := range page.Categories().Array() {
		key, title := c.Get("key").String(), c.Get("title").String()
		yes := p.Record.Allows(key)
		groups = append(groups, app.Elem("fieldset").Class("nhsd-fieldset").Body(
			app.Elem("legend").Class("nhsd-fieldset__legend nhsd-heading-m").Text(title),
			app.Elem("p").Class("nhsd-body").Text(c.Get("text").String()),
			itemsTable(title, c.Get("items"), p.Words),
			app.Elem("div").Class("nhsd-radios").Body(
				radio(key, "yes", p.Words.Get(words.Yes), yes),
				radio(key, "no", p.Words.Get(words.No), !yes),
			),
		))
	}
	blocks := &Blocks{Words: p.Words, Items: page.Body(), Media: p.Record.Allows(consent.Media), Path: pagedata.Of(p.View).Page().Path()}
	return PageShell{Words: p.Words, Class: "nhsd-cookies", Above: saved, Title: page.Title(), Lead: page.Summary(), Body: []app.UI{
		app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
		app.Elem("h2").Class("nhsd-heading-l").Text(p.Words.Get(words.ConsentRecord)),
		record,
		app.Elem("form").Class("nhsd-cookies__form").Attr("method", "post").Attr("action", "/consent").Body(
			append(groups,
				app.Input().Attr("type", "hidden").Attr("name", "return").Attr("value", pagetype.CookiesPath),
				app.Elem("div").Class("nhsd-cookies__buttons").Body(
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "save").Attr("value", "1").Text(p.Words.Get(words.SaveSettings)),
					app.Elem("button").Class("nhsd-button nhsd-button--secondary").Attr("type", "submit").Attr("name", "withdraw").Attr("value", "1").Text(p.Words.Get(words.WithdrawAll)),
				),
			)...,
		),
	}}.Render()
}

func radio(name, value, label string, checked bool) app.UI {
	id := "nhsd-cookie-" + name + "-" + value
	in := app.Input().Attr("type", "radio").ID(id).Attr("name", name).Attr("value", value).Class("nhsd-radios__input")
	if checked {
		in = in.Attr("checked", true)
	}
	return app.Elem("div").Class("nhsd-radios__item").Body(
		in,
		app.Elem("label").Attr("for", id).Class("nhsd-radios__label").Text(label),
	)
}

func itemsTable(caption string, items gjson.Result, w words.Words) app.UI {
	rows := items.Array()
	trs := make([]app.UI, len(rows))
	for i, r := range rows {
		trs[i] = app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Text(r.Get("name").String()),
			app.Elem("td").Text(r.Get("purpose").String()),
			app.Elem("td").Text(r.Get("expires").String()))
	}
	return app.Elem("div").Class("nhsd-table-wrap").Attr("role", "region").Aria("label", attr(caption)).TabIndex(0).Body(
		app.Elem("table").Class("nhsd-table").Body(
			app.Elem("caption").Class("nhsd-visually-hidden").Text(caption),
			app.Elem("thead").Body(app.Elem("tr").Body(
				app.Elem("th").Attr("scope", "col").Text(w.Get(words.CookieName)),
				app.Elem("th").Attr("scope", "col").Text(w.Get(words.CookiePurpose)),
				app.Elem("th").Attr("scope", "col").Text(w.Get(words.CookieExpires)))),
			app.Elem("tbody").Body(trs...),
		),
	)
}
