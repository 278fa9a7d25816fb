//go:build !wasm

package server

import (
	"compress/gzip"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

func unbrotli(t *testing.T, b string) string {
	t.Helper()
	out, err := io.ReadAll(brotli.NewReader(strings.NewReader(b)))
	if err != nil {
		t.Fatalf("not brotli: %v", err)
	}
	return string(out)
}

func gunzip(t *testing.T, b string) string {
	t.Helper()
	zr, err := gzip.NewReader(strings.NewReader(b))
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatalf("not gzip: %v", err)
	}
	return string(out)
}

// Dynamic and kept answers are sent with brotli when the browser accepts
// it, negotiated as before (brotli, then gzip, then identity; q=0 refuses):
// kept ones (pages, page data, feeds, the index) from their first answer
// on once compressed, one-off ones (a search, the 404 page) at once; the
// ETag is the same whatever the encoding, and the bytes decode to the
// identity answer.
func TestBrotliAnswers(t *testing.T) {
	srv := newServer(t, realStore(t))
	// The largest index file: the smallest are not worth compressing.
	var indexFile string
	largest := 0
	_, searchFiles, _ := srv.search.get()
	for name, a := range searchFiles {
		if n := len(a.plain()); n > largest {
			indexFile, largest = "/search-index/"+name, n
		}
	}
	for _, target := range []string{"/services/spine", "/page-data/services/spine.json", "/feeds/news.xml", "/sitemap.xml", "/web/pwa.js", "/app.js", "/manifest.webmanifest", indexFile} {
		plain := get(srv, target, "Accept-Encoding", "identity")
		if plain.code != http.StatusOK {
			t.Errorf("%s: %d", target, plain.code)
			continue
		}
		get(srv, target, "Accept-Encoding", "gzip, deflate, br")
		brotliPending.Wait()
		r := get(srv, target, "Accept-Encoding", "gzip, deflate, br")
		if r.header.Get("Content-Encoding") != "br" {
			t.Errorf("%s: Content-Encoding %q, want br", target, r.header.Get("Content-Encoding"))
			continue
		}
		if unbrotli(t, r.body) != plain.body {
			t.Errorf("%s: the brotli copy differs from the answer", target)
		}
		if r.header.Get("ETag") != plain.header.Get("ETag") || !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s: ETag %q vs %q, Vary %q", target, r.header.Get("ETag"), plain.header.Get("ETag"), r.header.Get("Vary"))
		}
		if len(r.body) >= len(get(srv, target, "Accept-Encoding", "gzip").body) {
			t.Errorf("%s: brotli no smaller than gzip", target)
		}
		if g := get(srv, target, "Accept-Encoding", "br;q=0, gzip"); g.header.Get("Content-Encoding") != "gzip" {
			t.Errorf("%s with br;q=0: %q", target, g.header.Get("Content-Encoding"))
		}
	}
	for _, target := range []string{"/search?q=spine", "/no-such-page"} {
		r := get(srv, target, "Accept-Encoding", "br")
		if r.header.Get("Content-Encoding") != "br" {
			t.Errorf("%s: Content-Encoding %q, want br at once", target, r.header.Get("Content-Encoding"))
			continue
		}
		if body := unbrotli(t, r.body); !strings.Contains(body, "</html>") {
			t.Errorf("%s: not a page", target)
		}
		// Made for one answer, compressed as that answer asks.
		if g := get(srv, target, "Accept-Encoding", "gzip"); g.header.Get("Content-Encoding") != "gzip" || !strings.Contains(gunzip(t, g.body), "</html>") {
			t.Errorf("%s with gzip: Content-Encoding %q", target, g.header.Get("Content-Encoding"))
		}
		if p := get(srv, target, "Accept-Encoding", "identity"); p.header.Get("Content-Encoding") != "" || !strings.Contains(p.body, "</html>") || !strings.Contains(p.header.Get("Vary"), "Accept-Encoding") {
			t.Errorf("%s without compression: Content-Encoding %q, Vary %q", target, p.header.Get("Content-Encoding"), p.header.Get("Vary"))
		}
	}
	if r := get(srv, "/no-such-page", "Accept-Encoding", "br"); r.code != http.StatusNotFound {
		t.Errorf("404 page with brotli: %d", r.code)
	}
}

// Pages, page data and index files kept by the thousand are kept as their
// gzip copy alone, and a client that takes no gzip gets them unpacked.
func TestKeptAnswersArePacked(t *testing.T) {
	srv := newServer(t, realStore(t))
	for _, target := range []string{"/services/spine", "/page-data/services/spine.json"} {
		plain := get(srv, target, "Accept-Encoding", "identity")
		gz := get(srv, target, "Accept-Encoding", "gzip")
		if plain.code != http.StatusOK || gz.header.Get("Content-Encoding") != "gzip" {
			t.Fatalf("%s: %d, gzip answer %q", target, plain.code, gz.header.Get("Content-Encoding"))
		}
		if gunzip(t, gz.body) != plain.body || !strings.Contains(plain.body, "Spine") {
			t.Errorf("%s: the identity answer is not the gzip answer unpacked", target)
		}
	}
	srv.mu.RLock()
	pages := len(srv.pages)
	for key, pg := range srv.pages {
		if pg.asset.body != nil || pg.asset.gzip == nil {
			t.Errorf("page %s kept unpacked", key)
		}
	}
	srv.mu.RUnlock()
	if pages == 0 {
		t.Error("no page kept")
	}
	if a := srv.data["/services/spine"]; a == nil || a.body != nil {
		t.Error("the page data is not kept packed")
	}
	_, files, _ := srv.search.get()
	packed := 0
	for _, a := range files {
		if a.body == nil {
			packed++
		}
	}
	if packed < len(files)/2 {
		t.Errorf("%d of %d index files packed", packed, len(files))
	}
}

// Accept-Encoding as RFC 9110 reads it: a coding with no weight or one
// above 0 is allowed; the weight's name in any case; a malformed weight
// allows nothing.
func TestAcceptsEncoding(t *testing.T) {
	for _, c := range []struct {
		header string
		want   bool
	}{
		{"br", true}, {"gzip, br", true}, {" BR ", true}, {"br;q=1", true}, {"br;q=0.001", true},
		{"br ; q=0.5", true}, {"br;level=1;q=0.5", true}, {"br;q=1.000", true},
		{"", false}, {"gzip", false}, {"brotli", false}, {"br;q=0", false}, {"br;Q=0", false},
		{"br; q=0.000", false}, {"br;level=1;q=0", false}, {"br;q=abc", false}, {"br;q=1.5", false},
		{"br;q=0.0001", false}, {"br;q=-1", false}, {"br;q=", false},
	} {
		if got := acceptsEncoding(c.header, "br"); got != c.want {
			t.Errorf("acceptsEncoding(%q, br) = %v, want %v", c.header, got, c.want)
		}
	}
}

// Range in bytes (the unit in any case) gives a part of the file; a range
// in another unit is ignored. If-Match that does not hold is 412; a weak
// tag never holds.
func TestRangeAndIfMatch(t *testing.T) {
	srv := newServer(t, realStore(t))
	whole := get(srv, "/web/site.css")
	etag := whole.header.Get("ETag")
	if whole.code != 200 || len(whole.body) < 100 || etag == "" {
		t.Fatalf("/web/site.css: %d, %d bytes, ETag %q", whole.code, len(whole.body), etag)
	}
	for _, c := range []struct {
		headers []string
		code    int
		body    string
	}{
		{[]string{"Range", "bytes=0-9"}, 206, whole.body[:10]},
		{[]string{"Range", "Bytes=10-19"}, 206, whole.body[10:20]},
		{[]string{"Range", "chars=0-10"}, 200, whole.body},
		{[]string{"Range", "bytes=999999999-"}, 416, ""},
		{[]string{"If-Match", `"nope"`}, 412, ""},
		{[]string{"If-Match", "W/" + etag}, 412, ""},
		{[]string{"If-Match", `"nope", ` + etag}, 200, whole.body},
		{[]string{"If-Match", "*"}, 200, whole.body},
		{[]string{"If-Match", `"nope"`, "Range", "bytes=0-9"}, 412, ""},
	} {
		r := get(srv, "/web/site.css", c.headers...)
		if r.code != c.code || c.body != "" && r.body != c.body {
			t.Errorf("%q: %d, %d bytes; want %d, %d bytes", c.headers, r.code, len(r.body), c.code, len(c.body))
		}
	}
}
