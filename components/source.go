package components

import (
	"net/url"
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
)

// Source gives components the content they render. On the server it reads
// the validated content store; in the browser it holds page views fetched
// from the server's page-data endpoint.
type Source interface {
	// Site returns the site settings (navigation, footer).
	Site() gjson.Result
	// View returns the view of a path (see content.View) if it is at hand.
	View(path string) (gjson.Result, bool)
}

// In the browser there is one source, filled by fetching page data.
var browser Source = &browserSource{views: map[string]gjson.Result{}}

// sourceFor returns the source of the browser's renders: the fetched
// page data. (A server render is given its source: see Page.)
func sourceFor(*url.URL) Source { return browser }

// emptySource answers a render given no source: every page is unknown.
type emptySource struct{}

func (emptySource) Site() gjson.Result               { return gjson.Result{} }
func (emptySource) View(string) (gjson.Result, bool) { return gjson.Result{}, false }

// PageDataURL is the URL of the view of path on the page-data endpoint.
func PageDataURL(path string) string {
	if path == "/" || path == "" {
		return "/page-data/index.json"
	}
	return "/page-data" + strings.TrimSuffix(path, "/") + ".json"
}

// SiteDataURL is the URL of the site settings on the page-data endpoint.
const SiteDataURL = "/page-data/site.json"

// versioned adds the version of the page the client runs in to a data URL.
// The service worker keeps data by URL: a page of one version never gets
// another version's data while the network answers, and offline it can
// still fall back to what it saved before.
func versioned(u string) string {
	return u + "?v=" + app.Getenv("GOAPP_VERSION")
}

// browserSource keeps the views fetched in the browser.
type browserSource struct {
	mu     sync.Mutex
	site   gjson.Result
	views  map[string]gjson.Result
	search browserSearch
}

func (b *browserSource) Site() gjson.Result {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.site
}

func (b *browserSource) View(path string) (gjson.Result, bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	v, ok := b.views[path]
	return v, ok
}

func (b *browserSource) put(path string, v gjson.Result) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if len(b.views) > 200 { // keep memory bounded on long sessions
		b.views = map[string]gjson.Result{}
	}
	b.views[path] = v
}

// Preload fetches the site settings and the view of the current page. The
// browser entry point calls it before the app starts, so the first client
// render matches the prerendered page exactly.
func Preload() error {
	b := browser.(*browserSource)
	path := app.Window().URL().Path
	siteCh := make(chan fetchResult, 1)
	viewCh := make(chan fetchResult, 1)
	fetchText(versioned(SiteDataURL), func(r fetchResult) { siteCh <- r })
	fetchText(versioned(PageDataURL(path)), func(r fetchResult) { viewCh <- r })
	site, view := <-siteCh, <-viewCh
	if site.err != nil {
		return site.err
	}
	if view.err != nil {
		return view.err
	}
	b.mu.Lock()
	b.site = gjson.Parse(site.body)
	b.mu.Unlock()
	b.put(path, gjson.Parse(view.body))
	if path == pagetype.SearchPath {
		// Answer the search now, so the first client render shows the
		// same results as the prerendered page.
		b.Search(search.ParseQuery(app.Window().URL().Query()))
	}
	return nil
}

type fetchResult struct {
	body   string
	status int
	err    error
}

type fetchError string

func (e fetchError) Error() string { return string(e) }

// fetchText GETs url with the browser's fetch (no net/http in the
// WebAssembly) and calls done once with the body. Any HTTP status with a
// JSON body counts (a 404 view is a real answer); network failures and
// non-JSON answers are errors.
func fetchText(url string, done func(fetchResult)) { fetchBody(url, true, done) }

// fetchBody is fetchText for any body; wantJSON rejects bodies that are not JSON.
func fetchBody(url string, wantJSON bool, done func(fetchResult)) {
	var onResponse, onText, onError app.Func
	release := func() {
		onResponse.Release()
		onText.Release()
		onError.Release()
	}
	status := 0
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "fetch failed"
		if len(args) > 0 {
			msg += ": " + args[0].Call("toString").String()
		}
		release()
		done(fetchResult{err: fetchError(msg)})
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		body := args[0].String()
		release()
		if wantJSON && !gjson.Valid(body) {
			done(fetchResult{status: status, err: fetchError("page data is not JSON")})
			return nil
		}
		done(fetchResult{body: body, status: status})
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		status = resp.Get("status").Int()
		resp.Call("text").Call("then", onText, onError)
		return nil
	})
	opts := map[string]any{"credentials": "same-origin", "headers": map[string]any{"Accept": "application/json"}}
	app.Window().Call("fetch", url, opts).Call("then", onResponse, onError)
}
