//go:build !wasm

package server

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"

	"github.com/tidwall/gjson"

	"nhsdigital/content"
	"nhsdigital/content/words"
)

// storeSource gives components the content store's views. Each view is
// made when first asked for and kept, up to maxViewBytes in all: a server
// of 20,000 documents must not build them all before its first answer,
// nor hold them all.
type storeSource struct {
	store    *content.Store
	site     gjson.Result
	siteJSON []byte
	// feedbackForm is the empty feedback form (see feedbackForm).
	feedbackForm string
	notFound     []byte
	search       *searchIndex

	mu        sync.RWMutex
	views     map[string][]byte
	viewBytes int
	viewLimit int // maxViewBytes
	// recent are the last views made once views is full: a page's render
	// and its page data, asked for together (the static export asks for
	// each page and then its data), share one.
	recent   [recentViews]recentView
	recentAt int
}

type recentView struct {
	path string
	json []byte
}

const recentViews = 32

// maxViewBytes bounds the views kept in memory; others are made again on
// each use.
const maxViewBytes = 16 << 20

// siteData is the site settings the components read (Source.Site), and
// the client as /page-data/site.json. The keys each render reads first
// come first, the long ones last: a reader of the JSON (gjson) passes
// over every key before the one it looks for.
type siteData struct {
	Name         json.RawMessage `json:"name,omitempty"`
	Origin       json.RawMessage `json:"origin,omitempty"`
	CookiePolicy json.RawMessage `json:"cookiePolicy,omitempty"`
	Navigation   json.RawMessage `json:"navigation,omitempty"`
	Description  json.RawMessage `json:"description,omitempty"`
	CookieBanner json.RawMessage `json:"cookieBanner,omitempty"`
	Footer       json.RawMessage `json:"footer,omitempty"`
	FeedbackForm string          `json:"feedbackForm"`
	Words        json.RawMessage `json:"words,omitempty"`
}

func newStoreSource(store *content.Store) *storeSource {
	src := &storeSource{store: store, views: map[string][]byte{}, viewLimit: maxViewBytes}
	site := store.Site()
	// The empty feedback form, in the site's words, with {page} where the
	// page it is about goes: the client renders it as it is.
	src.feedbackForm = feedbackForm(words.Of(site), map[string]string{"page": "{page}"}, nil)
	raw := func(k string) json.RawMessage { return json.RawMessage(site.Get(k).Raw) }
	src.siteJSON, _ = json.Marshal(siteData{
		Name: raw("name"), Origin: raw("origin"), CookiePolicy: raw("cookiePolicy"), Navigation: raw("navigation"),
		Description: raw("description"), CookieBanner: raw("cookieBanner"), Footer: raw("footer"),
		FeedbackForm: src.feedbackForm, Words: raw("words"),
	})
	src.site = gjson.ParseBytes(src.siteJSON)
	src.notFound = store.ViewOf("\x00not-found").JSON()
	return src
}

func (s *storeSource) Site() gjson.Result { return s.site }

func (s *storeSource) View(path string) (gjson.Result, bool) {
	return gjson.ParseBytes(s.viewJSON(path)), true
}

func (s *storeSource) viewJSON(path string) []byte {
	if _, ok := s.store.Doc(path); !ok {
		return s.notFound
	}
	s.mu.RLock()
	b, ok := s.views[path]
	if !ok {
		for _, r := range s.recent {
			if r.path == path {
				b, ok = r.json, true
				break
			}
		}
	}
	s.mu.RUnlock()
	if ok {
		return b
	}
	b = s.store.ViewOf(path).JSON()
	s.mu.Lock()
	if _, ok := s.views[path]; !ok && s.viewBytes+len(b) <= s.viewLimit {
		s.views[path] = b
		s.viewBytes += len(b)
	} else if !ok {
		s.recent[s.recentAt] = recentView{path, b}
		s.recentAt = (s.recentAt + 1) % recentViews
	}
	s.mu.Unlock()
	return b
}

// servePageData answers /page-data/<path>.json with the view of <path>
// (404 with the not-found view for unknown paths) and /page-data/site.json
// with the site settings.
func (s *Server) servePageData(rt *route, w http.ResponseWriter, r *http.Request) {
	rest := strings.TrimPrefix(r.URL.Path, "/page-data")
	if !strings.HasSuffix(rest, ".json") {
		s.notFoundText(w, "Page data paths end in .json.")
		return
	}
	rest = strings.TrimSuffix(rest, ".json")
	switch rest {
	case "/site":
		rest = "\x00site"
	case "/index":
		rest = "/"
	case "/":
		rest = "\x00none" // /page-data/.json: the home page's data is at /page-data/index.json only
	}
	if rest != "\x00site" && !s.hasView(rest) {
		a := s.dataAsset("\x00not-found")
		w.Header().Set("Content-Type", a.contentType)
		w.Header().Set("Cache-Control", "no-cache")
		w.WriteHeader(http.StatusNotFound)
		if r.Method != http.MethodHead {
			w.Write(a.plain())
		}
		return
	}
	a := s.dataAsset(rest)
	a.serve(w, r, s.cacheControl(rt, r, a.hash))
}

// hasView reports whether path has a page of its own, whose view the
// page-data endpoint answers; any other path has the not-found view.
func (s *Server) hasView(path string) bool {
	d, ok := s.store.Doc(path)
	return ok && d.Type != content.TypeNotFound
}

// PageData returns the JSON the page-data endpoint answers for the page at
// path (a site path, such as /services/spine): its view, or the not-found
// view where there is no page.
func (s *Server) PageData(path string) []byte {
	if !s.hasView(path) {
		return s.source.notFound
	}
	return s.source.viewJSON(path)
}

// dataAsset returns the page data of a path as a servable asset, made (and
// compressed) on first request and kept, up to maxCachedDataBytes in all.
func (s *Server) dataAsset(key string) *asset {
	s.dataMu.Lock()
	a, ok := s.data[key]
	s.dataMu.Unlock()
	if ok {
		return a
	}
	var body []byte
	switch key {
	case "\x00site":
		body = s.source.siteJSON
	case "\x00not-found":
		body = s.source.notFound
	default:
		body = s.source.viewJSON(key)
	}
	a = s.keptAsset("data.json", body, "application/json")
	if s.static {
		return a // the static copy asks for each once: nothing is kept
	}
	s.dataMu.Lock()
	defer s.dataMu.Unlock()
	if kept, ok := s.data[key]; ok {
		return kept // made meanwhile for another request
	}
	if size := a.packForKeeping(); s.dataBytes+size <= maxCachedDataBytes {
		s.data[key] = a
		s.dataBytes += size
	}
	return a
}
