//go:build !wasm

package components

import (
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// RenderParam names, in the URL the server gives go-app's renderer, the
// Page the render is made from: go-app renders from a URL alone, with no
// way to pass anything else. It never reaches a browser.
const RenderParam = "_render"

var (
	handed     sync.Map // RenderParam value → *Page, while its render runs
	lastRender atomic.Uint64
)

// RenderURL returns the URL to render p at with go-app's handler, and
// done, to call once the render is over.
func RenderURL(p *Page) (u string, done func()) {
	key := strconv.FormatUint(lastRender.Add(1), 36)
	handed.Store(key, p)
	return (&url.URL{Path: p.Path, RawQuery: RenderParam + "=" + key}).String(), func() { handed.Delete(key) }
}

// pageFor returns the Page handed for a render URL; a URL no server made
// (go-app's own renders) gets an empty one: every page unknown.
func pageFor(u *url.URL) *Page {
	if p, ok := handed.Load(u.Query().Get(RenderParam)); ok {
		return p.(*Page)
	}
	return &Page{Path: u.Path}
}

// Render returns the body of a server render of p: the app's root element
// and everything in it, as go-app's encoder writes it, made straight from
// the component tree. go-app's handler would mount the tree first, and
// render the root twice (empty, then once OnPreRender has given it the
// page): about a third of a page's CPU at 20,000 pages, for a tree the
// server never updates. go-app resolves no URL here (Page.Source's server
// does that: see server.Server) and calls no lifecycle method: the page's
// component is the only one with OnInit, and Root calls it itself; the
// head is the server's, with the markers setHead would write.
func Render(p *Page) string {
	r := &Root{direct: true}
	r.load(p)
	return app.HTMLString(r)
}
