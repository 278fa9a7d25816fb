package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagetype"
)

// cookieCategory describes one kind of additional storage for people.
type cookieCategory struct {
	Key, Name, Text string
	Items           [][3]string // name, purpose, expiry
}

var cookieCategories = []cookieCategory{
	{consent.Offline, "Saving pages for offline reading",
		"Keeps copies of the pages you read on your device, so you can read them again without a connection.",
		[][3]string{{"nhsd-pages (Cache Storage)", "Copies of pages you have read and their data", "30 days after you read the page, or until you say no here"}}},
	{consent.Statistics, "Counting page views",
		"Tells us which pages are read, so we can improve them. Your browser sends the address of each page you view, and nothing else: no cookie and no identifier.",
		[][3]string{{"None stored", "Each page view is counted on our server, without anything that identifies you", "Not stored on your device"}}},
	{consent.Media, "Videos from other websites",
		"Lets pages show videos hosted by YouTube. YouTube may set its own cookies when you play one.",
		[][3]string{{"Cookies set by YouTube (for example YSC, VISITOR_INFO1_LIVE)", "Set by YouTube when a video loads", "Up to 6 months, set by YouTube"}}},
}

// CookiesPage is the cookie settings page: what each category does and
// stores, a yes/no choice for each (starting at no), Save, the consent ID
// and time, and a way to withdraw. It is a form the server answers.
//
// Options:
//   - View: the cookie page's view (its intro comes from content).
//   - Record: the visitor's consent, or nil.
//   - Saved: the page comes back after saving ("1" or "withdrawn").
type CookiesPage struct {
	app.Compo
	View   gjson.Result
	Record *consent.Record
	Saved  string
}

// Render returns the page.
func (p *CookiesPage) Render() app.UI {
	page := p.View.Get("page")
	var saved app.UI
	if p.Saved != "" {
		msg := "Your cookie settings were saved."
		if p.Saved == "withdrawn" {
			msg = "You have withdrawn your consent: nothing beyond the consent record is stored."
		}
		saved = app.Elem("div").ID("nhsd-cookies-saved").Class("nhsd-callout nhsd-callout--info").Attr("role", "status").TabIndex(-1).Body(
			app.Elem("p").Class("nhsd-callout__title").Text(msg))
	}
	var record app.UI = app.Elem("p").Class("nhsd-body").Text("You have not made a choice yet, so nothing beyond what the site needs to work is stored.")
	if p.Record != nil {
		record = app.Elem("dl").Class("nhsd-summary-list").Body(
			summaryRow("Consent ID", app.Text(p.Record.ID)),
			summaryRow("Given", app.Elem("time").Attr("datetime", p.Record.Time.Format("2006-01-02T15:04:05Z")).Text(p.Record.Time.Format("2 January 2006 15:04 UTC"))),
			summaryRow("Policy version", app.Text(p.Record.Policy)),
		)
	}
	groups := []app.UI{
		app.Elem("h2").Class("nhsd-heading-l").Text("Cookies that the site needs"),
		app.Elem("p").Class("nhsd-body").Text("One cookie remembers your choices on this page. It cannot be switched off."),
		itemsTable("Cookie that the site needs", [][3]string{{consent.CookieName, "Remembers your cookie choices, when you made them and a random ID for the record", "1 year"}}),
	}
	for _, c := range cookieCategories {
		yes := p.Record.Allows(c.Key)
		groups = append(groups, app.Elem("fieldset").Class("nhsd-fieldset").Body(
			app.Elem("legend").Class("nhsd-fieldset__legend nhsd-heading-m").Text(c.Name),
			app.Elem("p").Class("nhsd-body").Text(c.Text),
			itemsTable(c.Name, c.Items),
			app.Elem("div").Class("nhsd-radios").Body(
				radio(c.Key, "yes", "Yes", yes),
				radio(c.Key, "no", "No", !yes),
			),
		))
	}
	blocks := &Blocks{Items: page.Get("body"), Media: p.Record.Allows(consent.Media), Path: p.View.Get("page.path").String()}
	return PageShell{Class: "nhsd-cookies", Above: saved, Title: page.Get("title").String(), Lead: page.Get("summary").String(), Body: []app.UI{
		app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
		app.Elem("h2").Class("nhsd-heading-l").Text("Your consent record"),
		record,
		app.Elem("form").Class("nhsd-cookies__form").Attr("method", "post").Attr("action", "/consent").Body(
			append(groups,
				app.Input().Attr("type", "hidden").Attr("name", "return").Attr("value", pagetype.CookiesPath),
				app.Elem("div").Class("nhsd-cookies__buttons").Body(
					app.Elem("button").Class("nhsd-button").Attr("type", "submit").Attr("name", "save").Attr("value", "1").Text("Save cookie settings"),
					app.Elem("button").Class("nhsd-button nhsd-button--secondary").Attr("type", "submit").Attr("name", "withdraw").Attr("value", "1").Text("Withdraw all consent"),
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

func itemsTable(caption string, rows [][3]string) app.UI {
	trs := make([]app.UI, len(rows))
	for i, r := range rows {
		trs[i] = app.Elem("tr").Body(
			app.Elem("th").Attr("scope", "row").Text(r[0]), app.Elem("td").Text(r[1]), app.Elem("td").Text(r[2]))
	}
	return app.Elem("div").Class("nhsd-table-wrap").Attr("role", "region").Aria("label", attr(caption)).TabIndex(0).Body(
		app.Elem("table").Class("nhsd-table").Body(
			app.Elem("caption").Class("nhsd-visually-hidden").Text(caption),
			app.Elem("thead").Body(app.Elem("tr").Body(
				app.Elem("th").Attr("scope", "col").Text("Name"),
				app.Elem("th").Attr("scope", "col").Text("Purpose"),
				app.Elem("th").Attr("scope", "col").Text("Expires"))),
			app.Elem("tbody").Body(trs...),
		),
	)
}
