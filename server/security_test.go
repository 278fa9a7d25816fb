//go:build !wasm

package server

import (
	"net/http"
	"strings"
	"testing"
)

// TestGoappOwnRoutesAreNotFound: go-app answers some paths itself (its
// WebAssembly under two names, its manifest, its script under another
// name, anything under /<version>/). The site uses none of them: each is
// the not-found page with status 404, as HTML.
func TestGoappOwnRoutesAreNotFound(t *testing.T) {
	srv := newServer(t, realStore(t))
	v := srv.goapp.Version
	for _, p := range []string{"/app.wasm", "/goapp.wasm", "/ads.txt", "/manifest.json", "/goapp.js",
		"/" + v + "/manifest.json", "/" + v + "/app.js", "/" + v + "/", "/app.css.map"} {
		r := get(srv, p)
		if r.code != http.StatusNotFound || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") || !strings.Contains(r.body, "Page not found") {
			t.Errorf("%s: %d %s, want the not-found page with 404", p, r.code, r.header.Get("Content-Type"))
		}
		if !strings.Contains(text(r.body), p) {
			t.Errorf("%s: the not-found page does not name the path", p)
		}
	}
}
