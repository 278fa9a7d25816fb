//go:build wasm

package components

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagedata"
)

// Navigation is the client's alone: on the server a page is rendered once,
// for its own address, by OnPreRender. go-app dispatches OnNav to every
// component that has it, which on the server would render the whole page
// a second time to change nothing.

// OnNav follows in-app navigation: it fetches the new page's view, then
// swaps the page, sets the title, scrolls to the top and moves focus to the
// new page's main heading. A link to a fragment of the same page moves
// focus to that fragment.
func (r *Root) OnNav(ctx app.Context) { r.nav(ctx, ctx.Page().URL()) }

// nav shows the page at u (see OnNav).
func (r *Root) nav(ctx app.Context, u *url.URL) {
	r.lastNav = u.String()
	// Each navigation outdates the page still on its way from an earlier
	// one: going back to this page while the next one loads must not have
	// the next one shown when it arrives, nor the first of two addresses
	// of one page asked for in turn.
	r.navs++
	r.loading = ""
	if leavesApp(u.Path) {
		app.Window().Get("location").Call("replace", u.String())
		return
	}
	if u.Path == r.path && r.view.Exists() {
		r.query = u.RawQuery
		r.readConsent(u) // "Hide cookie message" links back to the page without the note
		if u.Fragment != "" {
			focusID(u.Fragment)
		}
		return
	}
	if v, ok := r.src.View(u.Path); ok {
		r.arrive(ctx, u, v)
		return
	}
	r.loading = u.Path
	nav := r.navs
	client.Load(u.Path, func(v gjson.Result, err error) {
		ctx.Dispatch(func(ctx app.Context) {
			if r.navs != nav {
				return // a later navigation won
			}
			r.loading = ""
			if err != nil {
				// Offline or the server is unreachable: let the browser load
				// the page itself, so it can show its own answer.
				app.Window().Get("location").Call("reload")
				return
			}
			r.arrive(ctx, u, v)
		})
	})
}

// follow goes to href (absolute, or from the site's root) inside the app
// where go-app would not, and reports whether it did. go-app drops a
// navigation to the address it last went to, by its own record; but the
// site changes the address itself (replaceState: the catalogue's filters,
// search as you type), so that address may no longer be the one shown,
// and a link or search to it did nothing. Then the history entry is
// added and the page shown here, which leaves go-app's record true.
func (r *Root) follow(ctx app.Context, href string) bool {
	if href != "" && href[0] == '/' {
		href = app.Window().Get("location").Get("origin").String() + href
	}
	if href != r.lastNav || href == app.Window().Get("location").Get("href").String() {
		return false
	}
	u, err := url.Parse(href)
	if err != nil {
		return false
	}
	app.Window().Get("history").Call("pushState", nil, "", u.String())
	ctx.Dispatch(func(ctx app.Context) { r.nav(ctx, u) })
	return true
}

func (r *Root) arrive(ctx app.Context, u *url.URL, v gjson.Result) {
	r.path, r.query, r.view = u.Path, u.RawQuery, v
	r.readConsent(u)
	r.setHead(ctx)
	r.countView()
	ctx.Defer(func(ctx app.Context) {
		if u.Fragment != "" && focusID(u.Fragment) {
			return
		}
		app.Window().Call("scrollTo", 0, 0)
		if h := app.Window().Get("document").Call("querySelector", "main h1"); h.Truthy() {
			h.Call("focus", map[string]any{"preventScroll": true})
		}
	})
}

// countView reports a page view reached inside the app, only with consent
// to statistics.
func (r *Root) countView() {
	if client == nil || !r.consent.Allows(consent.Statistics) || pagedata.Of(r.view).Status() != 200 {
		return
	}
	client.CountView(r.path)
}

// focusID moves focus to the element with id, making it focusable if it is
// not, and scrolls it into view.
func focusID(id string) bool {
	el := app.Window().GetElementByID(id)
	if !el.Truthy() {
		return false
	}
	if !el.Call("hasAttribute", "tabindex").Bool() {
		el.Call("setAttribute", "tabindex", "-1")
	}
	el.Call("focus")
	el.Call("scrollIntoView")
	return true
}

// listenForSaves gives the preview's page script (preview/preview.js) a
// way to show a saved change with the app running:
// window.nhsdSaved(done, news) shows the site settings and this page's view
// as they are now, in place (the page, its scroll position and focus stay;
// nothing else is fetched), then calls done(true), or done(false) when
// they could not be had (the script then reloads the page). news is the
// preview's message about the change: where it names this page's path, its
// site and view (JSON text) are used, else they are fetched again.
func (r *Root) listenForSaves(ctx app.Context) {
	app.Window().Set("nhsdSaved", app.FuncOf(func(_ app.Value, args []app.Value) any {
		done, news := app.Undefined(), app.Undefined()
		if len(args) > 1 {
			news = args[1]
		}
		if len(args) > 0 {
			done = args[0]
		}
		path, site, view := r.path, "", ""
		if news.Type() == app.TypeObject && news.Get("path").String() == path {
			site, view = str(news.Get("site")), str(news.Get("view"))
		}
		client.Reload(path, site, view, func(err error) {
			ctx.Dispatch(func(ctx app.Context) {
				if err == nil && r.path == path {
					r.site = r.src.Site()
					if v, ok := r.src.View(path); ok {
						r.view = v
					}
					r.setHead(ctx)
				}
				ctx.Defer(func(app.Context) {
					if done.Type() == app.TypeFunction {
						done.Invoke(err == nil)
					}
				})
			})
		})
		return nil
	}))
}

// str is v's text if it is a string, else "".
func str(v app.Value) string {
	if v.Type() != app.TypeString {
		return ""
	}
	return v.String()
}
