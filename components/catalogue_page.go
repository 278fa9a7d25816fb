package components

import (
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// CataloguePage is the service catalogue: every service with its status,
// filters by status and topic, and a search within the catalogue. The
// filters are a plain GET form, so they work without JavaScript; with it,
// the list narrows as you type and the URL follows.
//
// Options:
//   - View: the catalogue's view; Cards holds every service.
//   - Words: the site's words.
//   - Query: the page's URL query (q, status, topic).
//   - Media: the visitor allows embedded media (video blocks play).
type CataloguePage struct {
	app.Compo
	View  gjson.Result
	Words words.Words // the site's words
	Media bool        // the visitor allows embedded media (video blocks)
	Query string
	q     string
	state string
	topic string
}

// OnInit reads the filters from the URL query.
func (p *CataloguePage) OnInit() { p.readQuery() }

// OnUpdate reads them again when the page's URL changes.
//
// The page's script filters the cards as choices are made (web/pwa.js),
// so go-app's record of the page may not be what is shown, and a render
// may change nothing on screen: the choices are set in the form, and the
// script filters the cards again by them.
func (p *CataloguePage) OnUpdate(ctx app.Context) {
	p.readQuery()
	showValue(ctx, "nhsd-catalogue-q", p.q)
	status, topic := p.state, p.topic
	if status == "" {
		status = AnyOption
	}
	if topic == "" {
		topic = AnyOption
	}
	ctx.Defer(func(app.Context) {
		doc := app.Window().Get("document")
		for _, f := range [][2]string{{"nhsd-catalogue-status", status}, {"nhsd-catalogue-topic", topic}} {
			if el := doc.Call("getElementById", f[0]); el.Truthy() {
				el.Set("value", f[1])
			}
		}
		if el := doc.Call("getElementById", "nhsd-catalogue-status"); el.Truthy() {
			el.Call("dispatchEvent", app.Window().Get("Event").New("change", map[string]any{"bubbles": true}))
		}
	})
}

func (p *CataloguePage) readQuery() {
	v, _ := url.ParseQuery(p.Query)
	p.q = trimTo(v.Get("q"), 100)
	p.state = unlessAny(trimTo(v.Get("status"), 20))
	p.topic = unlessAny(trimTo(v.Get("topic"), 100))
}

// AnyOption is the value of the "Any status" and "All topics" options:
// go-app writes no value attribute for an empty one, and an option
// without one sends its text. It filters on nothing.
const AnyOption = "any"

func unlessAny(s string) string {
	if s == AnyOption {
		return ""
	}
	return s
}

// trimTo trims s and cuts it to at most n characters (as the field's
// maxlength counts them, and the page's script cuts them).
func trimTo(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	return s
}

// matches reports whether a service card passes the filters.
func (p *CataloguePage) matches(c gjson.Result) bool {
	if p.state != "" && c.Get("serviceStatus").String() != p.state {
		return false
	}
	if p.topic != "" {
		found := false
		for _, t := range c.Get("topics").Array() {
			if t.String() == p.topic {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	if p.q != "" {
		hay := strings.ToLower(c.Get("title").String() + " " + c.Get("summary").String())
		for _, w := range strings.Fields(strings.ToLower(p.q)) {
			if !strings.Contains(hay, w) {
				return false
			}
		}
	}
	return true
}

func (p *CataloguePage) update(ctx app.Context) {
	v := url.Values{}
	if p.q != "" {
		v.Set("q", p.q)
	}
	if p.state != "" {
		v.Set("status", p.state)
	}
	if p.topic != "" {
		v.Set("topic", p.topic)
	}
	u := "/services"
	if e := v.Encode(); e != "" {
		u += "?" + e
	}
	app.Window().Get("history").Call("replaceState", nil, "", u)
	addressQuery(&p.Query, v.Encode())
}

// onSearch keeps the typed words for the page's next render. The page's
// script (web/pwa.js) narrows the list and keeps the address in step at
// each key, by the same rule (matches), whether the client runs or not:
// a render of the list and the page around it for every key would hold a
// slow phone's main thread between keys.
func (p *CataloguePage) onSearch(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	p.q = trimTo(ctx.JSSrc().Get("value").String(), 100)
}

func (p *CataloguePage) onStatus(ctx app.Context, e app.Event) {
	p.state = unlessAny(ctx.JSSrc().Get("value").String())
	p.update(ctx)
}

func (p *CataloguePage) onTopic(ctx app.Context, e app.Event) {
	p.topic = unlessAny(ctx.JSSrc().Get("value").String())
	p.update(ctx)
}

func (p *CataloguePage) onSubmit(ctx app.Context, e app.Event) { e.PreventDefault() }

// Render returns the page.
func (p *CataloguePage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	all := pagedata.Of(p.View).Cards().Array()
	topics := map[string]bool{}
	// Every service is on the page, those that do not match hidden, so
	// that the page's script can filter at once before the client runs
	// (web/pwa.js), by the same rule.
	items := make([]app.UI, len(all))
	shown := 0
	for i, c := range all {
		for _, t := range c.Get("topics").Array() {
			topics[t.String()] = true
		}
		topicsJSON := c.Get("topics").Raw
		if topicsJSON == "" {
			topicsJSON = "[]"
		}
		li := CardItem(c, 2, false, p.Words).DataSet("status", attr(c.Get("serviceStatus").String())).DataSet("topics", attr(topicsJSON))
		if p.matches(c) {
			shown++
		} else {
			li = li.Attr("hidden", true)
		}
		items[i] = li
	}
	topicOptions := []app.UI{option(AnyOption, p.Words.Get(words.AllTopics), p.topic == "")}
	for _, t := range slices.Sorted(maps.Keys(topics)) {
		topicOptions = append(topicOptions, option(t, t, t == p.topic))
	}
	statusOptions := []app.UI{option(AnyOption, p.Words.Get(words.AnyStatus), p.state == "")}
	for _, s := range pagetype.ServiceStatuses {
		statusOptions = append(statusOptions, option(s, pagetype.StatusLabel(s), s == p.state))
	}
	// The count's words, with {shown} and {all} for the numbers: the
	// page's script writes the count with them too.
	countAll, countSome := p.Words.Get(words.CountAll), p.Words.Get(words.CountSome)
	count := p.Words.Fill(words.CountSome, "shown", strconv.Itoa(shown), "all", strconv.Itoa(len(all)))
	if shown == len(all) {
		count = p.Words.Fill(words.CountAll, "all", strconv.Itoa(len(all)))
	}
	none := app.Elem("p").ID("nhsd-catalogue-none").Class("nhsd-body").Text(p.Words.Get(words.NoServices))
	if shown > 0 {
		none = none.Attr("hidden", true)
	}
	list := []app.UI{none}
	if len(all) > 0 {
		list = append(list, app.Elem("ul").Class("nhsd-card-list").Body(items...))
	}
	blocks := &Blocks{Words: p.Words, Items: page.Body(), Media: p.Media, Path: pagedata.Of(p.View).Page().Path()}
	body := []app.UI{
		app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
		app.Elem("form").Class("nhsd-filters").Attr("action", "/services").Attr("method", "get").OnSubmit(p.onSubmit).Body(
			app.Elem("div").Class("nhsd-filters__field nhsd-filters__field--wide").Body(
				app.Elem("label").Attr("for", "nhsd-catalogue-q").Class("nhsd-label").Text(p.Words.Get(words.CatalogueSearch)),
				app.Input().Attr("type", "search").ID("nhsd-catalogue-q").Attr("name", "q").Class("nhsd-input").
					Value(attr(p.q)).Attr("autocomplete", "off").Attr("maxlength", "100").OnInput(p.onSearch),
			),
			app.Elem("div").Class("nhsd-filters__field").Body(
				app.Elem("label").Attr("for", "nhsd-catalogue-status").Class("nhsd-label").Text(p.Words.Get(words.CatalogueStatus)),
				app.Elem("select").ID("nhsd-catalogue-status").Attr("name", "status").Class("nhsd-select").OnChange(p.onStatus).Body(statusOptions...),
			),
			app.Elem("div").Class("nhsd-filters__field").Body(
				app.Elem("label").Attr("for", "nhsd-catalogue-topic").Class("nhsd-label").Text(p.Words.Get(words.CatalogueTopic)),
				app.Elem("select").ID("nhsd-catalogue-topic").Attr("name", "topic").Class("nhsd-select").OnChange(p.onTopic).Body(topicOptions...),
			),
			app.Elem("button").Attr("type", "submit").Class("nhsd-button nhsd-button--secondary nhsd-filters__submit").Text(p.Words.Get(words.ApplyFilters)),
		),
		app.Elem("p").ID("nhsd-catalogue-count").Class("nhsd-result-count").Attr("role", "status").
			DataSet("count-all", attr(countAll)).DataSet("count-some", attr(countSome)).Text(count),
	}
	return PageShell{Words: p.Words, Class: "nhsd-catalogue", Title: page.Title(), Lead: page.Summary(), Body: append(body, list...)}.Render()
}

// option renders a select option. go-app writes selected="false" for an
// unselected option on the server, which HTML reads as selected: so the
// attribute is only ever set on the selected one.
func option(value, label string, selected bool) app.UI {
	o := app.Elem("option").Attr("value", attr(value)).Text(label)
	if selected {
		o = o.Attr("selected", true)
	}
	return o
}
