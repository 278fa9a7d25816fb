//go:build !wasm

package server

import (
	"net/http"
	"regexp"
	"strings"

	"nhsdigital/content/pagetype"
)

// route is one kind of address the site answers: which paths, what answers
// them, how long browsers and caches may keep the answers, and its class in
// the metrics. routes is the one table ServeHTTP answers from, the metrics
// count by, and the static copy's rules for its host (_headers, _nginx.conf)
// are written from.
type route struct {
	class  string   // the metrics' route label
	exact  []string // the paths it answers,
	prefix string   // or every path under this one
	// form: it reads a posted body (every method reaches it, before the
	// answer is paced); posts: it answers only methods other than GET and
	// HEAD (the same path is a page for those).
	form, posts bool
	cache       cachePolicy
	serve       func(s *Server, rt *route, w http.ResponseWriter, r *http.Request)
}

// plain adapts a handler that needs nothing of its route.
func plain(f func(s *Server, w http.ResponseWriter, r *http.Request)) func(*Server, *route, http.ResponseWriter, *http.Request) {
	return func(s *Server, _ *route, w http.ResponseWriter, r *http.Request) { f(s, w, r) }
}

// cachePolicy is how long browsers and caches may keep a route's answers.
type cachePolicy int

const (
	revalidated cachePolicy = iota // checked with the server at each use
	hashed                         // kept for good when asked for with the file's own hash (?v=)
	versioned                      // kept for good when asked for with the content's version (?v=)
	unkept                         // never kept
)

// routes, in the order they are tried; the last answers every path.
var routes = []route{
	{class: "form", exact: []string{pagetype.FeedbackPath}, form: true, posts: true, cache: unkept, serve: plain((*Server).serveFeedbackPost)},
	{class: "form", exact: []string{"/useful"}, form: true, cache: unkept, serve: plain((*Server).serveUseful)},
	{class: "form", exact: []string{"/feedback"}, form: true, cache: unkept, serve: plain((*Server).serveFeedbackList)},
	{class: "form", exact: []string{"/consent"}, form: true, cache: unkept, serve: plain((*Server).serveConsent)},
	{class: "form", exact: []string{"/statistics"}, form: true, cache: unkept, serve: plain((*Server).serveStatistics)},
	{class: "asset", prefix: "/web/", cache: hashed, serve: (*Server).serveAsset},
	{class: "asset", exact: []string{"/favicon.ico"}, cache: revalidated, serve: (*Server).serveAppFile},
	{class: "search-index", prefix: "/search-index/", cache: versioned, serve: (*Server).serveSearchIndex},
	{class: "data", prefix: "/page-data/", cache: versioned, serve: (*Server).servePageData},
	{class: "feed", prefix: "/feeds/", exact: []string{"/sitemap.xml", "/robots.txt"}, cache: revalidated, serve: (*Server).serveGenerated},
	{class: "app", exact: []string{workerPath}, cache: unkept, serve: (*Server).serveAppFile},
	{class: "app", exact: append(append([]string{}, goappFiles...), "/manifest.webmanifest"), cache: revalidated, serve: (*Server).serveAppFile},
	{class: "search", exact: []string{pagetype.SearchPath}, cache: revalidated, serve: plain((*Server).servePage)},
	{class: "page", cache: revalidated, serve: plain((*Server).servePage)},
}

// matches reports whether the route answers this request.
func (rt *route) matches(path, method string) bool {
	if rt.posts && (method == http.MethodGet || method == http.MethodHead) {
		return false
	}
	if rt.exact == nil && rt.prefix == "" {
		return true
	}
	for _, p := range rt.exact {
		if p == path {
			return true
		}
	}
	return rt.prefix != "" && strings.HasPrefix(path, rt.prefix)
}

// routeFor is the route of a request.
func routeFor(path, method string) *route {
	for i := range routes {
		if routes[i].matches(path, method) {
			return &routes[i]
		}
	}
	panic("server: no route answers every path")
}

// routeClass names the kind of a request's path for the metrics, so that
// made-up paths cannot make labels without limit. Health checks and a
// wrapper's paths (the preview's) are answered before any route.
func routeClass(p, method string) string {
	switch {
	case p == "/healthz" || p == "/readyz":
		return "health"
	case p == "/preview" || strings.HasPrefix(p, "/_preview/"):
		return "preview"
	}
	return routeFor(p, method).class
}

// cacheControl is the Cache-Control of an answer on route rt, for a file
// whose hash is hash ("" when none).
func (s *Server) cacheControl(rt *route, r *http.Request, hash string) string {
	v := r.URL.Query().Get("v")
	switch {
	case rt.cache == unkept:
		return cacheNone
	case rt.cache == hashed && v != "" && v == hash, rt.cache == versioned && v == s.version:
		return CacheImmutable
	}
	return cacheRevalidate
}

// serveGenerated answers the feeds, the sitemap and robots.txt.
func (s *Server) serveGenerated(rt *route, w http.ResponseWriter, r *http.Request) {
	if a, ok := s.generated()[r.URL.Path]; ok {
		a.serve(w, r, s.cacheControl(rt, r, a.hash))
		return
	}
	var paths []string
	for _, f := range siteFeeds(s.store) {
		paths = append(paths, f.Path)
	}
	s.notFoundText(w, "No such feed. Feeds: "+strings.Join(paths, ", ")+", and one for each blog series.")
}

// serveAppFile answers go-app's files, the manifest, the service worker
// and the favicon.
func (s *Server) serveAppFile(rt *route, w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[r.URL.Path]
	if !ok {
		s.servePage(w, r) // not made by this server: no such page
		return
	}
	a.serve(w, r, s.cacheControl(rt, r, a.hash))
}

// hostCacheRules are the lines of the static copy's nginx map from
// "$status $nhsd_hashed $uri" to Cache-Control for the routes that are
// never kept (the service worker); forms are not in a copy.
func hostCacheRules() []string {
	var out []string
	for _, rt := range routes {
		if rt.cache != unkept || rt.form {
			continue
		}
		for _, p := range rt.exact {
			out = append(out, `"~^(200|206|304) 0 `+regexp.QuoteMeta(p)+`$"  "`+cacheNone+`";`)
		}
	}
	return out
}

// prefixesKept are the path prefixes of the routes with cache policy p:
// for hashed, files kept for good when asked for with their own hash; for
// versioned, with the content's version.
func prefixesKept(p cachePolicy) []string {
	var out []string
	for _, rt := range routes {
		if rt.cache == p && rt.prefix != "" {
			out = append(out, rt.prefix)
		}
	}
	return out
}
