//go:build !wasm

package components

import (
	"hash/maphash"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
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

// keptHeader is the site header of a server render (direct): its HTML
// made once for the site settings and what tells headers apart, the marks
// of the current section (a search's query, the visitor's own, is never
// kept).
func keptHeader(r *Root, h *Header) app.UI {
	if !r.direct || h.Query != "" {
		return h
	}
	return keptPart(r, "header\x00"+h.marks(), h.Render)
}

// marks is the mark of every section, in order: all that the page's path
// and section change in the header, the menu being closed.
func (h *Header) marks() string {
	items := h.Navigation.Array()
	b := make([]byte, len(items))
	for i, it := range items {
		b[i] = h.mark(it.Get("href").String())
	}
	return string(b)
}

// keptPart is build's part of the page: in a server render (direct), its
// HTML kept for the site settings and key, which must name everything
// else the part depends on (see keptHTML).
func keptPart(r *Root, key string, build func() app.UI) app.UI {
	if !r.direct {
		return build()
	}
	return keptHTML("part\x00"+siteID(r.site.Raw)+"\x00"+key, build)
}

// keptCard is Card, its HTML kept for the same card, options and words
// (see keptHTML): a publication lists the latest editions of its series,
// as each other edition does.
func keptCard(card gjson.Result, headingLevel int, showDate bool, w words.Words) app.UI {
	key := "card\x00" + strconv.Itoa(headingLevel) + strconv.FormatBool(showDate) + "\x00" + w.Get(words.StatusPrefix) + "\x00" + card.Raw
	return keptHTML(key, func() app.UI { return Card(card, headingLevel, showDate, w) })
}

// kept holds the HTML of parts that server renders show again and again,
// within maxKeptBytes. A part is kept the second time it is asked for,
// so that what one page alone shows (a series' own page lists 100 cards
// no other page shows) is not.
var kept struct {
	sync.Mutex
	html  map[string]string // key → HTML
	seen  map[uint64]bool   // hashes of the keys asked for once
	bytes int
	sites map[string]string // site settings' JSON → its name in keys
	named uint64            // site settings named so far: a name is never given twice
}

const (
	maxKeptBytes = 4 << 20 // kept.html, when full, starts again
	maxKeptSeen  = 1 << 16 // and kept.seen
	maxKeptSites = 4       // and all of kept, past this many site settings
)

var keptSeed = maphash.MakeSeed()

// siteID names site settings in kept's keys, shorter than their JSON.
// Names are never reused, so a render that began before kept started
// again cannot keep its part under another site's name.
func siteID(site string) string {
	kept.Lock()
	defer kept.Unlock()
	id, ok := kept.sites[site]
	if !ok {
		if len(kept.sites) >= maxKeptSites || kept.sites == nil {
			kept.sites, kept.html, kept.bytes = map[string]string{}, nil, 0
		}
		kept.named++
		id = strconv.FormatUint(kept.named, 36)
		kept.sites[site] = id
	}
	return id
}

// keptHTML returns what build makes, as HTML kept under key once it has
// been asked for twice.
func keptHTML(key string, build func() app.UI) app.UI {
	sum := maphash.String(keptSeed, key)
	kept.Lock()
	html, ok := kept.html[key]
	again := kept.seen[sum]
	if !ok && !again {
		if len(kept.seen) >= maxKeptSeen || kept.seen == nil {
			kept.seen = map[uint64]bool{}
		}
		kept.seen[sum] = true
	}
	kept.Unlock()
	switch {
	case ok:
		return app.Raw(html)
	case !again:
		return build()
	}
	html = app.HTMLString(build())
	kept.Lock()
	if kept.bytes+len(key)+len(html) > maxKeptBytes || kept.html == nil {
		kept.html, kept.bytes = map[string]string{}, 0
	}
	kept.html[key] = html
	kept.bytes += len(key) + len(html)
	kept.Unlock()
	return app.Raw(html)
}

// follow is the client's (root_nav.go): on the server nothing navigates.
func (r *Root) follow(app.Context, string) bool { return false }

func (r *Root) listenForSaves(app.Context) {}
