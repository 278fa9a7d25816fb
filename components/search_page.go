package components

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
	"nhsdigital/content/words"
	"nhsdigital/internal/htmlesc"
)

// SearchPage is the site search: a query box that answers as you type,
// scope tabs, facets with counts, selected filters as removable chips,
// sort by relevance or date, ten results a page with excerpts, and
// pagination. Every control is a link or a GET form, so the page works
// the same without JavaScript (the server runs the same engine).
//
// Options:
//   - View: the search page's view.
//   - Words: the site's words.
//   - Query: the page's URL query (q, scope, facets, sort, page).
//   - Source: where the page's content comes from; it answers the search.
type SearchPage struct {
	app.Compo
	View     gjson.Result
	Words    words.Words // the site's words
	Query    string
	Source   Source
	SiteName string // for the browser's title as the query changes

	q       search.Query
	typed   string
	result  *search.Result
	frags   []search.Fragment
	failed  bool
	loading bool
	seq     int

	// excerpts are the results' excerpts as HTML, made once for each
	// answer (excerptsOf): a page renders again for other reasons (a
	// filter opened, the answer's loading state), and finding each
	// result's best stretch again would cost a phone tens of milliseconds.
	excerpts   []string
	excerptsOf *search.Result
}

// OnInit reads the query and, where the answer is at hand, answers it
// before the first render.
func (p *SearchPage) OnInit() {
	p.read()
	p.answerNow()
}

// OnUpdate follows the URL (links, back and forward). The address is
// the page's now: an answer still on its way, or a typing pause not yet
// over, was for another and is dropped.
func (p *SearchPage) OnUpdate(ctx app.Context) {
	p.seq++
	p.loading = false
	before := p.q
	p.read()
	showValue(ctx, "nhsd-search-q", p.typed)
	if before.Page != p.q.Page && samePageless(before, p.q) {
		// Another page of the same results (a pagination link): the
		// link that had focus is reused for another page's number, so
		// focus goes where a new page's reading starts, the count of
		// results, as the window scrolls there.
		ctx.Defer(func(app.Context) {
			if s := app.Window().GetElementByID("nhsd-search-status"); s.Truthy() {
				s.Call("focus")
			}
		})
	}
	p.setTitle()
	if !p.answerNow() {
		p.answer(ctx)
	}
}

// OnMount answers the query if the first render could not.
func (p *SearchPage) OnMount(ctx app.Context) {
	if p.result == nil {
		p.answer(ctx)
	}
}

// setTitle puts the query in the browser's title (SearchTitle): the
// client changes the query without a navigation that would set it.
func (p *SearchPage) setTitle() {
	if app.IsClient && p.SiteName != "" {
		app.Window().Get("document").Set("title", SearchTitle(p.q, p.Words)+" - "+p.SiteName)
	}
}

func (p *SearchPage) read() {
	v, _ := url.ParseQuery(p.Query)
	p.q = search.ParseQuery(v)
	p.typed = p.q.Text
}

// answerNow answers from what is at hand: always on the server.
func (p *SearchPage) answerNow() bool {
	src := p.Source
	if c, ok := src.(cachedSearcher); ok {
		if r, f, ok := c.CachedSearch(p.q); ok {
			p.result, p.frags, p.failed = r, f, false
			return true
		}
		return false
	}
	if s, ok := src.(Searcher); ok {
		r, f, err := s.Search(p.q)
		p.result, p.frags, p.failed = r, f, err != nil
		return true
	}
	return false
}

// answer fetches what the query needs, then shows the answer.
func (p *SearchPage) answer(ctx app.Context) {
	s, ok := p.Source.(Searcher)
	if !ok {
		return
	}
	p.seq++
	seq, q := p.seq, p.q
	p.loading = true
	ctx.Async(func() {
		r, f, err := s.Search(q)
		ctx.Dispatch(func(ctx app.Context) {
			if seq != p.seq {
				return // a newer query is on its way
			}
			p.loading = false
			p.failed = err != nil
			if err == nil {
				p.result, p.frags = r, f
			}
		})
	})
}

// typingPause is how long the search box waits after a key before it
// searches: longer than the gap between the keys of someone typing on a
// phone (150 ms answered between keys there, and each answer's render,
// about 200 ms of a slow phone's main thread, held up the next key).
const typingPause = 300 * time.Millisecond

// onType searches as you type, after a short pause, and keeps the URL in
// step without adding a history entry for every letter.
func (p *SearchPage) onType(ctx app.Context, e app.Event) {
	// The box already shows what was typed: nothing to render until the
	// pause below (a render of the page, and of the page around it, for
	// every key would hold a phone's main thread between keys).
	ctx.PreventUpdate()
	p.typed = ctx.JSSrc().Get("value").String()
	p.seq++
	seq := p.seq
	// The address takes each key at once, so that a link followed, or
	// Back, within the pause comes back to what was typed.
	typed := p.q.With(func(q *search.Query) { q.Text = p.typed })
	app.Window().Get("history").Call("replaceState", nil, "", searchURL(typed))
	addressQuery(&p.Query, typed.Values().Encode())
	ctx.After(typingPause, func(ctx app.Context) {
		if seq != p.seq {
			ctx.PreventUpdate() // a later key has its own pause
			return
		}
		p.q = typed
		p.setTitle()
		if !p.answerNow() {
			p.answer(ctx)
		}
	})
}

// onSubmit answers the typed query at once. The address already says it
// (it follows each key, and the typed words replace the entry's), so no
// second history entry of the same search is added.
func (p *SearchPage) onSubmit(ctx app.Context, e app.Event) {
	e.PreventDefault()
	q := p.q.With(func(q *search.Query) { q.Text = p.typed })
	loc := app.Window().Get("location")
	if u := searchURL(q); u != loc.Get("pathname").String()+loc.Get("search").String() {
		ctx.Navigate(u)
		return
	}
	p.seq++ // the typing pause's search is this one
	p.q = q
	p.setTitle()
	if !p.answerNow() {
		p.answer(ctx)
	}
}

// samePageless reports whether a and b ask the same but for the page.
func samePageless(a, b search.Query) bool {
	a.Page, b.Page = 1, 1
	return a.Values().Encode() == b.Values().Encode()
}

func searchURL(q search.Query) string {
	if e := q.Values().Encode(); e != "" {
		return "/search?" + e
	}
	return pagetype.SearchPath
}

// Render returns the page.
func (p *SearchPage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	return PageShell{Words: p.Words, Class: "nhsd-search", Title: page.Title(), Body: []app.UI{
		p.form(),
		p.scopes(),
		app.Elem("div").Class("nhsd-search__layout").Body(
			p.filterToggle(),
			p.filters(),
			app.Elem("div").Class("nhsd-search__results").Body(p.results()...),
		),
	}}.Render()
}

func (p *SearchPage) form() app.UI {
	hidden := []app.UI{}
	vals := p.q.Values()
	for _, k := range append([]string{"scope", "sort"}, facetKeys()...) {
		for _, v := range vals[k] {
			hidden = append(hidden, app.Input().Attr("type", "hidden").Attr("name", k).Attr("value", attr(v)))
		}
	}
	return app.Elem("form").Class("nhsd-search-form").Attr("action", pagetype.SearchPath).Attr("method", "get").Attr("role", "search").
		Aria("label", attr(p.Words.Get(words.SearchFormLabel))).OnSubmit(p.onSubmit).Body(
		app.Elem("label").Attr("for", "nhsd-search-q").Class("nhsd-label").Text(p.Words.Get(words.SearchFor)),
		app.Elem("div").Class("nhsd-search-form__row").Body(
			append(hidden,
				app.Input().Attr("type", "search").ID("nhsd-search-q").Attr("name", "q").Class("nhsd-input").Attr("value", attr(p.typed)).
					Attr("autocomplete", "off").Attr("maxlength", strconv.Itoa(search.MaxQueryLength)).OnInput(p.onType),
				app.Elem("button").Attr("type", "submit").Class("nhsd-button").Text(p.Words.Get(words.SearchSubmit)),
			)...,
		),
	)
}

func facetKeys() []string {
	out := make([]string, len(search.Facets))
	for i, f := range search.Facets {
		out[i] = f.Key
	}
	return out
}

func (p *SearchPage) scopes() app.UI {
	lis := make([]app.UI, len(search.Scopes))
	for i, s := range search.Scopes {
		key := s.Key
		a := app.Elem("a").Class("nhsd-tabs__link").Attr("href", attr(searchURL(p.q.With(func(q *search.Query) { q.Scope = key })))).
			DataSet("nhsd-focus", attr("scope:"+key)).Text(s.Name)
		if p.q.Scope == key {
			a = a.Attr("aria-current", "page").Class("nhsd-tabs__link nhsd-tabs__link--current")
		}
		lis[i] = app.Elem("li").Class("nhsd-tabs__item").Body(a)
	}
	return app.Elem("nav").Class("nhsd-tabs").Aria("label", attr(p.Words.Get(words.SearchIn))).Body(app.Elem("ul").Class("nhsd-tabs__list").Body(lis...))
}

// filterToggle is the "Filter" button that, on phones, shows the filters
// folded above the results (web/site.css), so the results come first. The
// page's script (web/pwa.js) answers it, before and after the client
// starts; without JavaScript the filters show and the button does not
// (web/nojs.css). None when there is nothing to filter.
// With nothing to filter, the button is there but hidden: the results
// keep their place among the layout's children, so the count's live
// region is the same element from one answer to the next (a new one
// would not be announced).
func (p *SearchPage) filterToggle() app.UI {
	r := p.result
	none := app.Elem("button").Attr("type", "button").Class("nhsd-button nhsd-button--secondary nhsd-filter-toggle").Attr("hidden", true).
		Text(p.Words.Get(words.Filter))
	if r == nil {
		return none
	}
	selected, some := 0, false
	for _, f := range search.Facets {
		selected += len(p.q.Filters[f.Key])
	}
	for _, f := range r.Facets {
		some = some || len(f.Values) > 0
	}
	if !some && selected == 0 {
		return none
	}
	text := p.Words.Get(words.Filter)
	if selected > 0 {
		text = p.Words.Fill(words.FilterSelected, "count", formatInt(selected))
	}
	return app.Elem("button").Attr("type", "button").Class("nhsd-button nhsd-button--secondary nhsd-filter-toggle").
		Aria("controls", filtersID).Aria("expanded", "false").Text(text)
}

// filtersID is the id of the filters, which the "Filter" button names.
const filtersID = "nhsd-search-filters"

func (p *SearchPage) filters() app.UI {
	r := p.result
	if r == nil {
		return app.Elem("div").Class("nhsd-search__filters")
	}
	var chips []app.UI
	for _, f := range search.Facets {
		for _, v := range p.q.Filters[f.Key] {
			key, val := f.Key, v
			href := searchURL(p.q.With(func(q *search.Query) { q.Filters[key] = remove(q.Filters[key], val) }))
			chips = append(chips, app.Elem("li").Class("nhsd-chips__item").Body(
				app.Elem("a").Class("nhsd-chip").Attr("href", attr(href)).
					DataSet("nhsd-focus", attr("chip:"+key+":"+val)).DataSet("nhsd-focus-else", attr("filter:"+key+":"+val)).Body(
					app.Elem("span").Class("nhsd-visually-hidden").Text(p.Words.Get(words.RemoveFilter)+" "),
					app.Text(f.Name+": "+v),
					app.Elem("span").Class("nhsd-chip__cross").Text(" ×"),
				)))
		}
	}
	var selected app.UI
	if len(chips) > 0 {
		clear := searchURL(p.q.With(func(q *search.Query) { q.Filters = map[string][]string{} }))
		selected = app.Elem("div").Class("nhsd-chips").Body(
			app.Elem("h3").Class("nhsd-heading-s").Text(p.Words.Get(words.SelectedFilters)),
			app.Elem("ul").Class("nhsd-chips__list").Body(chips...),
			app.Elem("p").Body(app.Elem("a").Class("nhsd-link").Attr("href", attr(clear)).
				DataSet("nhsd-focus", "clear").DataSet("nhsd-focus-else", "filters").Text(p.Words.Get(words.ClearFilters))),
		)
	}
	var groups []app.UI
	for _, f := range r.Facets {
		if len(f.Values) == 0 {
			continue
		}
		lis := make([]app.UI, 0, len(f.Values))
		anySelected := false
		for _, v := range f.Values {
			key, val := f.Key, v.Value
			href := searchURL(p.q.With(func(q *search.Query) {
				if slices.Contains(q.Filters[key], val) {
					q.Filters[key] = remove(q.Filters[key], val)
				} else {
					q.Filters[key] = append(q.Filters[key], val)
				}
			}))
			a := app.Elem("a").Class("nhsd-facet__link").Attr("href", attr(href)).DataSet("nhsd-focus", attr("filter:"+key+":"+val)).Body(
				app.Elem("span").Class("nhsd-facet__value").Text(v.Value),
				app.Text(" "),
				app.Elem("span").Class("nhsd-facet__count").Text("("+formatInt(v.Count)+")"),
			)
			if v.Selected {
				anySelected = true
				a = a.Class("nhsd-facet__link nhsd-facet__link--selected").Body(
					app.Elem("span").Class("nhsd-facet__value").Text(v.Value),
					app.Text(" "),
					app.Elem("span").Class("nhsd-facet__count").Text("("+formatInt(v.Count)+")"),
					app.Elem("span").Class("nhsd-visually-hidden").Text(p.Words.Get(words.FacetSelected)),
				)
			}
			lis = append(lis, app.Elem("li").Class("nhsd-facet__item").Body(a))
		}
		d := app.Elem("details").Class("nhsd-facet").Body(
			app.Elem("summary").Class("nhsd-facet__name").Text(f.Name),
			app.Elem("ul").Class("nhsd-facet__list").Aria("label", attr(f.Name)).Body(lis...),
		)
		if anySelected {
			d = d.Attr("open", true)
		}
		groups = append(groups, d)
	}
	return app.Elem("div").ID(filtersID).Class("nhsd-search__filters").Body(
		app.Elem("h2").Class("nhsd-heading-m").TabIndex(-1).DataSet("nhsd-focus", "filters").Text(p.Words.Get(words.FilterBy)),
		selected,
		app.Elem("div").Class("nhsd-facets").Body(groups...),
	)
}

func remove(list []string, s string) []string {
	var out []string
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// formatInt writes 1234 as 1,234.
func formatInt(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// SearchTitle is the search page's title for q, before the site's name:
// what was searched for, where, with which filters and on which page, so
// that a screen reader's list of tabs and the history tell them apart
// ("Search results for ‘nhs app’ in Services, Topic: Spine, page 2").
func SearchTitle(q search.Query, w words.Words) string {
	title := w.Get(words.SearchTitle)
	if t := strings.TrimSpace(q.Text); t != "" {
		title = w.Fill(words.SearchTitleQuery, "query", t)
	}
	for _, sc := range search.Scopes {
		if sc.Key != "" && sc.Key == q.Scope {
			title += " " + w.Fill(words.SearchTitleScope, "scope", sc.Name)
		}
	}
	for _, f := range search.Facets {
		if vs := q.Filters[f.Key]; len(vs) > 0 {
			title += ", " + f.Name + ": " + strings.Join(vs, ", ")
		}
	}
	if q.Page > 1 {
		title += ", " + w.Fill(words.SearchTitlePage, "page", strconv.Itoa(q.Page))
	}
	return title
}

// CountSentence says how many results there are: "1,234 results for
// ‘spine’ sorted by relevance".
func CountSentence(total int, text, sort string, w words.Words) string {
	s := w.Fill(words.ResultMany, "count", formatInt(total))
	if total == 1 {
		s = w.Fill(words.ResultOne, "count", formatInt(total))
	}
	if t := strings.TrimSpace(text); t != "" {
		s += " " + w.Fill(words.ForQuery, "query", t)
	}
	if sort == "date" || strings.TrimSpace(text) == "" {
		return s + " " + w.Get(words.ByDate)
	}
	return s + " " + w.Get(words.ByRelevance)
}

func (p *SearchPage) results() []app.UI {
	r := p.result
	status := app.Elem("p").ID("nhsd-search-status").Class("nhsd-result-count").Attr("role", "status").Aria("live", "polite").Attr("tabindex", "-1")
	switch {
	case p.failed:
		return []app.UI{status.Text(p.Words.Get(words.SearchUnavailable))}
	case r == nil:
		return []app.UI{status.Text(p.Words.Get(words.Searching))}
	}
	text := strings.TrimSpace(r.Query.Text)
	out := []app.UI{status.Text(CountSentence(r.Total, text, r.Query.Sort, p.Words))}
	if text != "" {
		rel := app.Elem("a").Class("nhsd-link").Attr("href", attr(searchURL(p.q.With(func(q *search.Query) { q.Sort = "" })))).
			DataSet("nhsd-focus", "sort:relevance").Text(p.Words.Get(words.Relevance))
		date := app.Elem("a").Class("nhsd-link").Attr("href", attr(searchURL(p.q.With(func(q *search.Query) { q.Sort = "date" })))).
			DataSet("nhsd-focus", "sort:date").Text(p.Words.Get(words.Date))
		if r.Query.Sort == "date" {
			date = date.Attr("aria-current", "page").Class("nhsd-link nhsd-sort__current")
		} else {
			rel = rel.Attr("aria-current", "page").Class("nhsd-link nhsd-sort__current")
		}
		out = append(out, app.Elem("p").Class("nhsd-sort").Body(app.Text(p.Words.Get(words.SortBy)+" "), rel, app.Text(" "), date))
	}
	if r.Suggestion != "" {
		href := searchURL(p.q.With(func(q *search.Query) { q.Text = r.Suggestion }))
		out = append(out, app.Elem("p").Class("nhsd-suggestion").Body(around(p.Words, words.DidYouMean, "suggestion",
			app.Elem("a").Class("nhsd-link").Attr("href", attr(href)).Text(r.Suggestion))...))
	}
	if r.Total == 0 {
		// What to try is the search page's: its body from the heading
		// {#no-results} on.
		advice := &Blocks{Words: p.Words, Items: bodyFrom(pagedata.Of(p.View).Page().Body(), pagetype.NoResultsID), Path: pagetype.SearchPath}
		out = append(out, app.Elem("div").Class("nhsd-search__empty").Body(advice.Render()...))
		return out
	}
	if p.excerptsOf != r || len(p.excerpts) != len(p.frags) {
		p.excerpts = make([]string, len(p.frags))
		for i, f := range p.frags {
			p.excerpts[i] = excerpt(f.Text, r.Marks, r.Prefix)
		}
		p.excerptsOf = r
	}
	items := make([]app.UI, len(p.frags))
	for i, f := range p.frags {
		items[i] = app.Elem("li").Class("nhsd-search-result").Body(
			app.Elem("p").Class("nhsd-search-result__meta").Body(
				app.Elem("span").Class("nhsd-search-result__type").Text(f.Label),
				app.Text(" · "),
				app.Elem("time").Attr("datetime", attr(f.Date)).Text(formatDate(f.Date)),
			),
			app.Elem("h2").Class("nhsd-search-result__title").Body(app.Elem("a").Class("nhsd-link").Attr("href", attr(f.Path)).Text(f.Title)),
			app.Elem("p").Class("nhsd-search-result__summary").Text(f.Summary),
			rawOrNil(p.excerpts[i]),
		)
	}
	out = append(out, app.Elem("ol").ID("nhsd-search-results").Class("nhsd-search-results").Body(items...), p.pagination())
	return out
}

// excerpt is the best stretch of a result's text with the query's words
// marked, as exact HTML; "" when the text has none.
func excerpt(text string, marks []string, prefix string) string {
	segs := search.Excerpt(text, marks, prefix)
	if len(segs) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<p class="nhsd-search-result__excerpt">`)
	for _, s := range segs {
		if s.Mark {
			b.WriteString("<mark>" + htmlesc.String(s.Text) + "</mark>")
		} else {
			b.WriteString(htmlesc.String(s.Text))
		}
	}
	b.WriteString("</p>")
	return b.String()
}

// rawOrNil is exact HTML, or nothing for "".
func rawOrNil(html string) app.UI {
	if html == "" {
		return nil
	}
	return app.Raw(html)
}

func (p *SearchPage) pagination() app.UI {
	r := p.result
	if r.Pages <= 1 {
		return nil
	}
	w := p.Words
	link := func(page int, text, label, class string) app.UI {
		href := searchURL(p.q.With(func(q *search.Query) { q.Page = page }))
		class = classes("nhsd-pagination__link", class)
		a := app.Elem("a").Class(class).Attr("href", attr(href)).Aria("label", attr(label)).Text(text)
		if page == r.Page {
			a = a.Attr("aria-current", "page").Class("nhsd-pagination__link nhsd-pagination__link--current")
		}
		return app.Elem("li").Class("nhsd-pagination__item").Body(a)
	}
	var lis []app.UI
	if r.Page > 1 {
		lis = append(lis, link(r.Page-1, w.Get(words.Previous), w.Get(words.PreviousPage), "nhsd-pagination__link--prev"))
	}
	from, to := max(1, r.Page-2), min(r.Pages, r.Page+2)
	if from > 1 {
		lis = append(lis, link(1, "1", w.Fill(words.PageN, "page", "1"), ""))
		if from > 2 {
			lis = append(lis, app.Elem("li").Class("nhsd-pagination__item nhsd-pagination__gap").Text("…"))
		}
	}
	for i := from; i <= to; i++ {
		lis = append(lis, link(i, strconv.Itoa(i), w.Fill(words.PageN, "page", strconv.Itoa(i)), ""))
	}
	if to < r.Pages {
		if to < r.Pages-1 {
			lis = append(lis, app.Elem("li").Class("nhsd-pagination__item nhsd-pagination__gap").Text("…"))
		}
		lis = append(lis, link(r.Pages, strconv.Itoa(r.Pages), w.Fill(words.PageN, "page", strconv.Itoa(r.Pages)), ""))
	}
	if r.Page < r.Pages {
		lis = append(lis, link(r.Page+1, w.Get(words.Next), w.Get(words.NextPage), "nhsd-pagination__link--next"))
	}
	return app.Elem("nav").Class("nhsd-pagination").Aria("label", attr(w.Get(words.ResultsPages))).Body(app.Elem("ul").Class("nhsd-pagination__list").Body(lis...))
}

// bodyFrom is the blocks of body from the heading with id on, as a JSON
// list; none when no heading has it.
func bodyFrom(body gjson.Result, id string) gjson.Result {
	blocks := body.Array()
	for i, b := range blocks {
		if b.Get("type").String() == "heading" && b.Get("id").String() == id {
			raws := make([]string, 0, len(blocks)-i)
			for _, r := range blocks[i:] {
				raws = append(raws, r.Raw)
			}
			return gjson.Parse("[" + strings.Join(raws, ",") + "]")
		}
	}
	return gjson.Parse("[]")
}
