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
// HTML made once for the site settings and key, which must name
// everything else the part depends on.
func keptPart(r *Root, key string, build func() app.UI) app.UI {
	if !r.direct {
		return build()
	}
	return fixedHTML(r.site.Raw, key, build)
}

// fixedParts keeps, for the site settings of the last few content
// versions, the HTML of the parts of a page that many pages share (see
// keptPart): the footer, and the header of each section.
var fixedParts struct {
	sync.Mutex
	sites []*fixedSite // the most recent first
}

type fixedSite struct {
	site  string            // the site settings' JSON
	parts map[string]string // key → HTML
}

const (
	fixedSites = 4  // site settings kept: a preview's, a publication's and the live one's
	fixedKeys  = 64 // parts kept for one: six sections, each marked two ways, and the rest
)

// fixedHTML returns the part named by key for the site settings, from its
// HTML made once by build.
func fixedHTML(site, key string, build func() app.UI) app.UI {
	fixedParts.Lock()
	var fs *fixedSite
	for i, s := range fixedParts.sites {
		if s.site == site {
			fs = s
			copy(fixedParts.sites[1:i+1], fixedParts.sites[:i])
			fixedParts.sites[0] = fs
			break
		}
	}
	if fs == nil {
		fs = &fixedSite{site: site, parts: map[string]string{}}
		if len(fixedParts.sites) == fixedSites {
			fixedParts.sites = fixedParts.sites[:fixedSites-1]
		}
		fixedParts.sites = append([]*fixedSite{fs}, fixedParts.sites...)
	}
	html, ok := fs.parts[key]
	fixedParts.Unlock()
	if ok {
		return app.Raw(html)
	}
	html = app.HTMLString(build())
	fixedParts.Lock()
	if len(fs.parts) < fixedKeys {
		fs.parts[key] = html
	}
	fixedParts.Unlock()
	return app.Raw(html)
}

// keptCards holds the HTML of cards that server renders show again and
// again: a publication lists the latest editions of its series, as each
// other edition does. A card is kept the second time it is asked for, so
// that the cards a series' own page alone lists are not.
var keptCards struct {
	sync.Mutex
	html  map[string]string // keptCard's key → HTML
	seen  map[uint64]bool   // hashes of the keys asked for once
	bytes int
}

const (
	maxCardBytes = 4 << 20 // keptCards.html, when full, starts again
	maxCardsSeen = 1 << 16 // and keptCards.seen
)

var cardSeed = maphash.MakeSeed()

// keptCard is Card, its HTML made once for the same card, options and
// words.
func keptCard(card gjson.Result, headingLevel int, showDate bool, w words.Words) app.UI {
	key := strconv.Itoa(headingLevel) + strconv.FormatBool(showDate) + "\x00" + w.Get(words.StatusPrefix) + "\x00" + card.Raw
	sum := maphash.String(cardSeed, key)
	keptCards.Lock()
	html, ok := keptCards.html[key]
	again := keptCards.seen[sum]
	if !ok && !again {
		if len(keptCards.seen) >= maxCardsSeen || keptCards.seen == nil {
			keptCards.seen = map[uint64]bool{}
		}
		keptCards.seen[sum] = true
	}
	keptCards.Unlock()
	switch {
	case ok:
		return app.Raw(html)
	case !again:
		return Card(card, headingLevel, showDate, w)
	}
	html = app.HTMLString(Card(card, headingLevel, showDate, w))
	keptCards.Lock()
	if keptCards.bytes+len(key)+len(html) > maxCardBytes || keptCards.html == nil {
		keptCards.html, keptCards.bytes = map[string]string{}, 0
	}
	keptCards.html[key] = html
	keptCards.bytes += len(key) + len(html)
	keptCards.Unlock()
	return app.Raw(html)
}
