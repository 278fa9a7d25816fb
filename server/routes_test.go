//go:build !wasm

package server

import (
	"net/http"
	"strings"
	"testing"

	"nhsdigital/content/pagetype"
)

// One table of routes: the answers' classes in the metrics, their
// Cache-Control and the static copy's host rules all follow it.
func TestRouteTable(t *testing.T) {
	last := routes[len(routes)-1]
	if last.exact != nil || last.prefix != "" || last.posts {
		t.Fatal("the last route does not answer every path")
	}
	for _, c := range []struct{ path, method, class string }{
		{"/", "GET", "page"},
		{"/services/spine", "GET", "page"},
		{"/no/such/page", "GET", "page"},
		{"/search", "GET", "search"},
		{pagetype.FeedbackPath, "GET", "page"},
		{pagetype.FeedbackPath, "POST", "form"},
		{"/consent", "POST", "form"},
		{"/consent", "GET", "form"},
		{"/statistics", "GET", "form"},
		{"/useful", "POST", "form"},
		{"/web/site.css", "GET", "asset"},
		{"/favicon.ico", "GET", "asset"},
		{"/page-data/index.json", "GET", "data"},
		{"/search-index/meta.json", "GET", "search-index"},
		{"/feeds/news.xml", "GET", "feed"},
		{"/sitemap.xml", "GET", "feed"},
		{"/app.js", "GET", "app"},
		{workerPath, "GET", "app"},
		{"/healthz", "GET", "health"},
		{"/_preview/events", "GET", "preview"},
	} {
		if got := routeClass(c.path, c.method); got != c.class {
			t.Errorf("%s %s: class %q, want %q", c.method, c.path, got, c.class)
		}
	}

	srv := newServer(t, realStore(t))
	css := srv.versioned("/web/site.css")
	for _, c := range []struct{ target, cache string }{
		{css, CacheImmutable},
		{"/web/site.css", cacheRevalidate},
		{"/web/site.css?v=0", cacheRevalidate},
		{"/page-data/index.json?v=" + srv.version, CacheImmutable},
		{"/page-data/index.json?v=1", cacheRevalidate},
		{"/search-index/meta.json?v=" + srv.version, CacheImmutable},
		{"/feeds/news.xml", cacheRevalidate},
		{"/app.js", cacheRevalidate},
		{workerPath, cacheNone},
		{"/", cacheRevalidate},
		{"/services/spine?v=" + srv.version, cacheRevalidate},
	} {
		r := get(srv, c.target)
		if r.code != http.StatusOK || r.header.Get("Cache-Control") != c.cache {
			t.Errorf("%s: %d, Cache-Control %q, want %q", c.target, r.code, r.header.Get("Cache-Control"), c.cache)
		}
	}

	// The copy's rules: what is never kept is named in both.
	headers, nginx := string(headerRules(srv.security)), string(nginxConf(srv, nil, nil, "/page-data/404.json"))
	for _, rt := range routes {
		if rt.cache != unkept || rt.form {
			continue
		}
		for _, p := range rt.exact {
			if !strings.Contains(headers, p+"\n  Cache-Control: "+cacheNone) || !strings.Contains(nginx, strings.ReplaceAll(p, ".", `\.`)+`$"  "`+cacheNone) {
				t.Errorf("%s: not kept by the server, but not in the copy's rules", p)
			}
		}
	}
	for _, p := range prefixesKept(versioned) {
		if !strings.Contains(nginx, strings.Trim(p, "/")) {
			t.Errorf("%s: versioned, but not in the copy's rules", p)
		}
	}
}
