package components

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

// SearchPage searches the site's pages by title and summary. The form is a
// plain GET to /search, so the same results come back without JavaScript.
//
// Options:
//   - View: the search page's view; Cards holds every page that can be found.
//   - Query: the page's URL query (q).
type SearchPage struct {
	app.Compo
	View  gjson.Result
	Query string
}

// MaxQueryLength caps the query; longer ones are cut.
const MaxQueryLength = 256

// Render returns the page.
func (p *SearchPage) Render() app.UI {
	page := p.View.Get("page")
	v, _ := url.ParseQuery(p.Query)
	q := strings.TrimSpace(v.Get("q"))
	if len(q) > MaxQueryLength {
		q = q[:MaxQueryLength]
	}
	words := strings.Fields(strings.ToLower(q))
	var shown []app.UI
	for _, c := range p.View.Get("cards").Array() {
		hay := strings.ToLower(c.Get("title").String() + " " + c.Get("summary").String() + " " + c.Get("label").String())
		ok := len(words) > 0
		for _, w := range words {
			if !strings.Contains(hay, w) {
				ok = false
				break
			}
		}
		if ok {
			shown = append(shown, Card(c, 2, true))
		}
	}
	var results app.UI
	switch {
	case q == "":
		results = app.P().Class("nhsd-body").Text("Enter a word or phrase to search the site.")
	case len(shown) == 0:
		results = app.Div().Body(
			app.P().Class("nhsd-result-count").Attr("role", "status").Text("No results for ‘"+q+"’."),
			app.Ul().Class("nhsd-list nhsd-list--bullet").Body(
				app.Li().Text("check the spelling"),
				app.Li().Text("use fewer or more general words"),
				app.Li().Body(app.Text("browse "), app.A().Class("nhsd-link").Href("/services").Text("our services"),
					app.Text(" or "), app.A().Class("nhsd-link").Href("/data-and-information").Text("data and information")),
			),
		)
	default:
		noun := " results"
		if len(shown) == 1 {
			noun = " result"
		}
		results = app.Div().Body(
			app.P().Class("nhsd-result-count").Attr("role", "status").Text(strconv.Itoa(len(shown))+noun+" for ‘"+q+"’"),
			app.Ul().Class("nhsd-search-results").Body(shown...),
		)
	}
	blocks := &Blocks{Items: page.Get("body")}
	return app.Div().Class("nhsd-width-container nhsd-page nhsd-search").Body(
		Title(page.Get("title").String()),
		app.Div().Class("nhsd-prose").Body(blocks.Render()...),
		app.Form().Class("nhsd-search-form").Action("/search").Method("get").Attr("role", "search").Aria("label", "Search this site").Body(
			app.Label().For("nhsd-search-q").Class("nhsd-label").Text("Search for"),
			app.Div().Class("nhsd-search-form__row").Body(
				app.Input().Type("search").ID("nhsd-search-q").Name("q").Class("nhsd-input").Value(attr(q)).
					AutoComplete(false).Attr("maxlength", strconv.Itoa(MaxQueryLength)),
				app.Button().Type("submit").Class("nhsd-button").Text("Search"),
			),
		),
		results,
	)
}
