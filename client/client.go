//go:build wasm

package client

import (
	"strconv"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/components"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
)

// browser is the one browserSource of the page.
var browser = &browserSource{views: map[string]gjson.Result{}}

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

// Start fetches the site settings and the view of the current page, and
// gives the components the browser's side of the app (see
// components.Client). The WebAssembly's entry point calls it before the
// app starts, so the first client render matches the prerendered page
// exactly.
func Start() error {
	b := browser
	path := app.Window().URL().Path
	siteCh := make(chan fetchResult, 1)
	viewCh := make(chan fetchResult, 1)
	fetchText(versioned(components.SiteDataURL), func(r fetchResult) { siteCh <- r })
	fetchText(versioned(components.PageDataURL(path)), func(r fetchResult) { viewCh <- r })
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
	components.UseClient(b)
	if path == pagetype.SearchPath {
		// Answer the search now, so the first client render shows the
		// same results as the prerendered page.
		b.Search(search.ParseQuery(app.Window().URL().Query()))
	}
	return nil
}

// Quiet waits for a pause in what the visitor does (the page script's
// nhsdQuiet, which app.js defines): the client's steps that hold the main
// thread longest run in a pause, not between two keys. It returns at once
// where there is no such script.
func Quiet() {
	quiet := app.Window().Get("nhsdQuiet")
	if quiet.Type() != app.TypeFunction {
		return
	}
	done := make(chan struct{})
	var then app.Func
	then = app.FuncOf(func(app.Value, []app.Value) any {
		then.Release()
		close(done)
		return nil
	})
	quiet.Invoke().Call("then", then)
	<-done // waiting on JavaScript hands the main thread back to the browser
}

// Load fetches the view of path, keeps it and calls done with it. Only
// the site's own answers count: a page's view (200) or the not-found view
// (404 with status 404 in it). Any other answer, JSON or not (a proxy's
// or gateway's error), is an error, and is not kept.
func (b *browserSource) Load(path string, done func(gjson.Result, error)) {
	fetchText(versioned(components.PageDataURL(path)), func(r fetchResult) {
		if r.err == nil && r.status != 200 && !(r.status == 404 && gjson.Get(r.body, "status").Int() == 404) {
			r.err = fetchError("page data answered " + strconv.Itoa(r.status))
		}
		if r.err != nil {
			done(gjson.Result{}, r.err)
			return
		}
		v := gjson.Parse(r.body)
		b.put(path, v)
		done(v, nil)
	})
}

// Reload brings the site settings and the view of path up to date, from
// site and view where they are given, else fetched again, and forgets the
// other views (see components.Client).
func (b *browserSource) Reload(path, site, view string, done func(error)) {
	b.mu.Lock()
	b.views = map[string]gjson.Result{}
	b.mu.Unlock()
	// Both at once; their callbacks run one at a time, on the page's
	// event loop.
	left, failed := 2, error(nil)
	end := func(err error) {
		if failed == nil {
			failed = err
		}
		if left--; left == 0 {
			done(failed)
			collectWhenIdle() // what came without a fetch too
		}
	}
	setSite := func(r fetchResult) {
		if r.err == nil {
			b.mu.Lock()
			b.site = gjson.Parse(r.body)
			b.mu.Unlock()
		}
		end(r.err)
	}
	if site == "" {
		fetchText(versioned(components.SiteDataURL), setSite)
	} else {
		setSite(given(site))
	}
	if view == "" {
		b.Load(path, func(_ gjson.Result, err error) { end(err) })
		return
	}
	r := given(view)
	if r.err == nil {
		b.put(path, gjson.Parse(r.body))
	}
	end(r.err)
}

// given is JSON that came without a fetch, checked as a fetched body is.
func given(body string) (r fetchResult) {
	r.body, r.status = body, 200
	if !gjson.Valid(body) {
		r.err = fetchError("page data is not JSON")
	}
	return r
}

// CountView counts a page view reached inside the app; the page's own
// script (web/pwa.js) counts the first.
func (b *browserSource) CountView(path string) {
	app.Window().Call("fetch", "/statistics", map[string]any{
		"method": "POST", "body": path, "keepalive": true, "credentials": "same-origin",
		"headers": map[string]any{"Content-Type": "text/plain"},
	}).Call("catch", ignore) // offline: the view goes uncounted
}

// ignore is a JavaScript callback that does nothing.
var ignore = app.FuncOf(func(app.Value, []app.Value) any { return nil })

// Capture reads the prerendered page (see takeover).
func (b *browserSource) Capture() components.Takeover {
	if t := captureTakeover(); t != nil {
		return t
	}
	return nil
}
