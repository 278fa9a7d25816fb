package components

import (
	"net/url"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
	"nhsdigital/content/words"
)

// Root is the app's one route: it renders the page layout (skip link,
// header, breadcrumbs, main content, footer) around the component for the
// current page's type. On the server it renders the page in full; in the
// browser it takes over from the prerendered page with the same markup and
// then loads later pages' data with the browser's fetch.
//
// Options: none of its own. A server render is made from the Page handed
// to it (see Page and RenderURL: its source, view, path, query, consent
// and the missing path); the browser's from its address and page data.
type Root struct {
	app.Compo
	path    string
	query   string
	view    gjson.Result
	site    gjson.Result
	clicks  app.Func
	loading string // the path of the page on its way, for aria-busy
	//lint:ignore U1000 the client's (root_nav.go, built for WebAssembly only)
	navs int // navigations so far: a page that arrives after another began is dropped
	//lint:ignore U1000 the client's (root_nav.go, built for WebAssembly only)
	lastNav string // the address of the last navigation, as go-app records it (see follow)
	before  Takeover
	missing string // on the server: the unknown path the not-found page answers
	chose   string // the banner's confirmation: see confirmation
	saved   string // the cookie page's confirmation
	consent *consent.Record
	src     Source
	// direct: rendered straight to HTML (Render), unmounted, so go-app
	// calls no OnInit on the page's component: pageBody does.
	direct bool
}

// readConsent finds the visitor's consent in the browser, from its cookie.
// A record for an older policy counts as none.
func (r *Root) readConsent(u *url.URL) {
	r.setConsent(consent.FromCookieHeader(app.Window().Get("document").Get("cookie").String()), u.Query())
}

// setConsent sets the visitor's consent record and the confirmation the
// page shows for a choice just made.
func (r *Root) setConsent(rec *consent.Record, q url.Values) {
	if !rec.Current(r.site.Get("cookiePolicy").String()) {
		rec = nil
	}
	r.consent = rec
	r.chose, r.saved = confirmation(q, rec, time.Now())
}

// OnInit reads the current page in the browser, where client.Start has fetched
// it, so the first client render equals the prerendered HTML.
func (r *Root) OnInit() {
	if app.IsClient {
		u := app.Window().URL()
		r.src = sourceFor(u)
		r.show(u.Path, u.RawQuery)
		r.readConsent(u)
		if client != nil {
			r.before = client.Capture()
		}
	}
}

// OnPreRender renders on the server the page it was given (see Render)
// and sets its head.
func (r *Root) OnPreRender(ctx app.Context) {
	r.load(pageFor(ctx.Page().URL()))
	r.setHead(ctx)
}

// load takes in the page a server render is made from.
func (r *Root) load(p *Page) {
	r.src = p.Source
	if r.src == nil {
		r.src = emptySource{}
	}
	r.site = r.src.Site()
	r.path, r.query = p.Path, p.Query
	r.view = p.View
	r.missing = p.Missing
	q, _ := url.ParseQuery(p.Query)
	r.setConsent(p.Consent, q)
}

func (r *Root) show(path, query string) {
	r.site = r.src.Site()
	r.path, r.query = path, query
	if v, ok := r.src.View(path); ok {
		r.view = v
	}
}

// shownRoot is the Root the browser shows, for the header's search (follow).
var shownRoot *Root

// addressQuery records that a page changed the address's query to q
// itself (replaceState: the catalogue's filters, search as you type), in
// the page's Query (*query) and the Root's. Both then hold what the
// address says: the Root's next render gives the page the query it has,
// and a link to the address as it was (the Services link, with no
// filters) differs from it, so the page follows it (OnUpdate).
func addressQuery(query *string, q string) {
	*query = q
	if shownRoot != nil {
		shownRoot.query = q
	}
}

// OnMount lets links that leave the app (other sites, feeds, files) go to
// the browser instead of the app's router.
func (r *Root) OnMount(ctx app.Context) {
	shownRoot = r
	r.clicks = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		for t := e.Get("target"); t.Truthy(); t = t.Get("parentElement") {
			if t.Get("tagName").String() != "A" {
				continue
			}
			href := t.Call("getAttribute", "href").String()
			if leavesApp(href) {
				e.Call("stopPropagation") // the browser follows it itself
				return nil
			}
			plain := !e.Get("ctrlKey").Bool() && !e.Get("metaKey").Bool() && !e.Get("shiftKey").Bool() && !e.Get("altKey").Bool()
			if plain && !t.Call("hasAttribute", "download").Bool() && t.Get("target").String() != "_blank" && r.follow(ctx, t.Get("href").String()) {
				e.Call("preventDefault")
				e.Call("stopPropagation") // (go-app would do nothing with it)
			}
			return nil
		}
		return nil
	})
	app.Window().Get("document").Call("addEventListener", "click", r.clicks)
	if client != nil {
		r.listenForSaves(ctx)
	}
	ctx.Defer(func(ctx app.Context) {
		if r.before != nil {
			r.before.Restore()
			r.before = nil
		}
		// Tell tests and scripts that the client runs the page now. (This
		// page's view was counted by web/pwa.js when it loaded.)
		app.Window().Get("document").Get("documentElement").Call("setAttribute", "data-nhsd-app", "ready")
		dropChoiceNote()
	})
}

// OnDismount removes the click listener.
func (r *Root) OnDismount() {
	if shownRoot == r {
		shownRoot = nil
	}
	app.Window().Get("document").Call("removeEventListener", "click", r.clicks)
	r.clicks.Release()
}

// leavesApp reports whether a link must be followed by the browser rather
// than rendered by the app.
func leavesApp(href string) bool {
	if href == "" || strings.HasPrefix(href, "#") {
		return false
	}
	if !strings.HasPrefix(href, "/") || strings.HasPrefix(href, "//") {
		return true // other sites, mailto:, tel:
	}
	p := href
	if i := strings.IndexAny(p, "?#"); i >= 0 {
		p = p[:i]
	}
	return strings.HasPrefix(p, "/feeds/") || strings.HasPrefix(p, "/web/") || strings.HasPrefix(p, "/page-data/") ||
		strings.Contains(p[strings.LastIndexByte(p, '/'):], ".")
}

// PageTitle is the text of the <title> of a page.
func PageTitle(page gjson.Result, siteName string) string {
	d := pagedata.DocOf(page)
	if d.Type() == pagetype.Home || d.Title() == "" {
		return siteName
	}
	return d.Title() + " - " + siteName
}

// Head returns the title and description of the page a view describes,
// asked for with query (the search page's title says what was searched).
func Head(view, site gjson.Result, query string) (title, description string) {
	page := pagedata.Of(view).Page()
	title = PageTitle(page.JSON(), site.Get("name").String())
	if page.Type() == pagetype.Search {
		v, _ := url.ParseQuery(query)
		title = SearchTitle(search.ParseQuery(v), words.Of(site)) + " - " + site.Get("name").String()
	}
	return title, page.Summary()
}

// TitleMarker and DescriptionMarker stand in for the page's title and
// description in a server render. go-app writes both into the <title>
// element (escaped as text) and into meta attributes (quoted with
// strconv.Quote, which is not HTML escaping): no one string is right for
// both, so the server replaces each marker with the HTML-escaped text,
// which is right in both places. They contain nothing that either
// encoding changes.
const (
	TitleMarker       = "nhsd-head-title-b41c7e"
	DescriptionMarker = "nhsd-head-description-9f03a2"
)

func (r *Root) setHead(ctx app.Context) {
	title, description := Head(r.view, r.site, r.query)
	if !app.IsClient {
		title, description = TitleMarker, DescriptionMarker
	}
	ctx.Page().SetTitle("%s", title)
	ctx.Page().SetDescription("%s", description)
	if link, ok := Canonical(r.view, r.site); ok {
		ctx.Page().SetCanonicalLink("%s", link)
	}
}

// Canonical returns the canonical address of the page a view describes,
// and whether it has one (error pages have none).
func Canonical(view, site gjson.Result) (string, bool) {
	if pagedata.Of(view).Status() != 200 {
		return "", false
	}
	return strings.TrimRight(site.Get("origin").String(), "/") + pagedata.Of(view).Page().Path(), true
}

// Render returns the page.
func (r *Root) Render() app.UI {
	page, w := pagedata.Of(r.view).Page(), words.Of(r.site)
	return app.Elem("div").ID("nhsd-app").Class("nhsd-app").Body(
		// No banner on the cookie page (it is the choice itself) nor on the
		// offline page (shown only when a choice cannot be sent): NoBanner.
		CookieBanner(r.site.Get("cookieBanner"), r.path, r.consent == nil && !pagetype.Get(page.Type()).NoBanner, r.chose),
		SkipLink(w.Get(words.SkipLink)),
		keptHeader(r, &Header{Words: w, Name: r.site.Get("name").String(), Navigation: r.site.Get("navigation"), Path: r.path, Section: pagedata.Of(r.view).Section(), Query: r.searchQuery()}),
		Breadcrumbs(pagedata.Of(r.view).Crumbs(), w.Get(words.BreadcrumbLabel)),
		app.Elem("main").ID("main-content").Class("nhsd-main").Aria("busy", boolString(r.loading != "")).Body(r.pageBody(page), r.useful(page)),
		keptPart(r, "footer", func() app.UI { return Footer(r.site.Get("footer"), w.Get(words.CookieSettings)) }),
	)
}

func (r *Root) searchQuery() string {
	if r.path != pagetype.SearchPath {
		return ""
	}
	v, _ := url.ParseQuery(r.query)
	return search.ParseQuery(v).Text // as the page reads it: cut, valid UTF-8
}

// TrueMarker stands for the attribute value "true" in a server render:
// go-app writes an attribute whose value is "true" as a bare name, which
// ARIA reads as false (aria-current="" is not current). The server writes
// "true" in its place; in the browser the value is set as it is.
const TrueMarker = "nhsd-true-5d1f0a"

// True is the attribute value "true", for any render.
func True() string {
	if app.IsClient {
		return "true"
	}
	return TrueMarker
}

// boolString is an ARIA true/false value, right in server renders too.
func boolString(b bool) string {
	if b {
		return True()
	}
	return "false"
}

func (r *Root) pageBody(page pagedata.Doc) app.UI {
	w := words.Of(r.site)
	if !r.view.Exists() {
		return PageShell{Title: w.Get(words.NotLoadedTitle), Body: []app.UI{
			app.Elem("p").Class("nhsd-body").Text(w.Get(words.NotLoaded)),
		}}.Render()
	}
	media := r.consent.Allows(consent.Media)
	if pagedata.Of(r.view).Status() == 404 {
		missing := r.path
		if r.missing != "" {
			missing = r.missing
		}
		return &NotFoundPage{View: r.view, Words: w, Path: missing, Media: media}
	}
	c := PageContext{View: r.view, Words: w, settings: r.site, Path: r.path, Query: r.query, Media: media, Source: r.src,
		Origin: strings.TrimRight(r.site.Get("origin").String(), "/"), Site: r.site.Get("name").String(), Consent: r.consent, Saved: r.saved}
	make, ok := pageComponents[pagetype.Get(page.Type()).Component]
	if !ok {
		make = pageComponents[pagetype.ContentComponent]
	}
	body := make(c)
	if i, ok := body.(app.Initializer); ok && r.direct {
		i.OnInit()
	}
	return body
}

// useful is "Is this page useful?" at the foot of content pages: not on
// the home page, search, the cookie and feedback forms, or error pages.
func (r *Root) useful(page pagedata.Doc) app.UI {
	if t, ok := pagetype.Of(page.Type()); !ok || t.NoFeedback {
		return nil
	}
	if pagedata.Of(r.view).Status() == 404 || r.path == pagetype.FeedbackPath {
		return nil
	}
	return usefulBox(r.path, r.query, words.Of(r.site))
}
