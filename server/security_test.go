//go:build !wasm

package server

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"nhsdigital/content"
	"nhsdigital/content/consent"
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

// Many source addresses together cannot inflate a page's count without
// limit: counting is bounded per page and per minute.
func TestPageViewsBoundedPerPage(t *testing.T) {
	srv := newServer(t, realStore(t))
	counted := 0
	for a := 0; a < 50; a++ {
		for i := 0; i < 120; i++ {
			req := httptest.NewRequest(http.MethodPost, "/statistics", strings.NewReader("/services/spine"))
			req.RemoteAddr = fmt.Sprintf("127.0.0.%d:4000", a+1)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			if rec.Code == http.StatusNoContent {
				counted++
			}
		}
	}
	if counted > statsPerPathPerMinute {
		t.Fatalf("%d views of one page counted in a minute from 50 addresses; the bound is %d", counted, statsPerPathPerMinute)
	}
	counts, err := srv.db.Counts(context.Background(), time.Now(), time.Now())
	if err != nil || len(counts) != 1 || counts[0].Views != int64(counted) {
		t.Fatalf("totals %+v %v, answered 204 for %d", counts, err, counted)
	}
	if got := counts[0].Views; got != int64(counted) {
		t.Fatalf("total %d, answered 204 for %d", got, counted)
	}
	// Another page still counts.
	rec := post(srv, "/statistics", "/services/nhs-app", "Sec-Fetch-Site", "same-origin")
	if rec.Code != http.StatusNoContent {
		t.Fatalf("another page: %d", rec.Code)
	}
}

// Posts from other sites are refused, "Origin: null" included, also when
// the browser sends no Sec-Fetch-Site; posts keep working behind a proxy
// that rewrites Host, from the site's public origin.
func TestCrossSitePostsRefused(t *testing.T) {
	srv := newServer(t, realStore(t))
	origin := srv.store.Origin()
	cases := []struct {
		name    string
		headers []string
		want    int
	}{
		{"null origin, no fetch metadata", []string{"Origin", "null"}, http.StatusForbidden},
		{"other site", []string{"Origin", "https://evil.example"}, http.StatusForbidden},
		{"cross-site metadata", []string{"Sec-Fetch-Site", "cross-site"}, http.StatusForbidden},
		{"same-site subdomain", []string{"Sec-Fetch-Site", "same-site", "Origin", "https://x." + strings.TrimPrefix(origin, "https://")}, http.StatusForbidden},
		{"same origin", []string{"Sec-Fetch-Site", "same-origin", "Origin", "http://example.com"}, http.StatusSeeOther},
		{"proxy rewrote Host", []string{"Origin", origin, "Host", "127.0.0.1:8000"}, http.StatusSeeOther},
		{"no browser headers", nil, http.StatusSeeOther},
	}
	for _, c := range cases {
		rec := post(srv, "/consent", "consent=accept&return=%2F", c.headers...)
		if rec.Code != c.want {
			t.Errorf("/consent, %s: %d, want %d", c.name, rec.Code, c.want)
		}
		if c.want == http.StatusForbidden && len(rec.Result().Cookies()) > 0 {
			t.Errorf("/consent, %s: a refused post set a cookie", c.name)
		}
		rec = post(srv, "/statistics", "/", c.headers...)
		if want := map[int]int{http.StatusForbidden: http.StatusForbidden, http.StatusSeeOther: http.StatusNoContent}[c.want]; rec.Code != want {
			t.Errorf("/statistics, %s: %d, want %d", c.name, rec.Code, want)
		}
	}
}

// A confirmation of a cookie choice shows only to the visitor whose
// record says they just made it: a shared address shows nothing.
func TestConfirmationOnlyForTheChooser(t *testing.T) {
	srv := newServer(t, realStore(t))
	const accepted, rejected, saved, withdrawn = "accepted additional cookies", "rejected additional cookies", "settings were saved", "withdrawn your consent"
	for _, c := range []struct{ url, text string }{
		{"/services/spine?consent=accepted", accepted}, {"/services/spine?consent=rejected", rejected},
		{"/cookies?saved=1", saved}, {"/cookies?saved=withdrawn", withdrawn},
	} {
		if r := get(srv, c.url); strings.Contains(r.body, c.text) {
			t.Errorf("%s without a choice shows %q", c.url, c.text)
		}
	}
	cookieOf := func(form string) string {
		rec := post(srv, "/consent", form, "Sec-Fetch-Site", "same-origin")
		return consent.CookieName + "=" + rec.Result().Cookies()[0].Value
	}
	acc, rej := cookieOf("consent=accept&return=%2F"), cookieOf("consent=reject&return=%2F")
	check := func(url, cookie, text string, want bool) {
		t.Helper()
		if r := get(srv, url, "Cookie", cookie); strings.Contains(r.body, text) != want {
			t.Errorf("%s with %s: shows %q is %v, want %v", url, cookie, text, !want, want)
		}
	}
	check("/services/spine?consent=accepted", acc, accepted, true)
	check("/services/spine?consent=accepted", rej, accepted, false) // the address lies
	check("/services/spine?consent=rejected", rej, rejected, true)
	check("/services/spine?consent=rejected", acc, rejected, false)
	check("/cookies?saved=1", acc, saved, true)
	check("/cookies?saved=withdrawn", acc, withdrawn, false)
	check("/cookies?saved=withdrawn", cookieOf("withdraw=1&return=%2Fcookies"), withdrawn, true)
	// An old choice: the address of a confirmation shows nothing.
	old := &consent.Record{ID: "4b0c5f0e-0d3c-4a8b-9f6e-2b1c9d8e7f60", Time: time.Now().Add(-time.Hour), Policy: srv.policy(), Choices: map[string]bool{}}
	for _, c := range consent.Categories {
		old.Choices[c] = true
	}
	check("/services/spine?consent=accepted", consent.CookieName+"="+old.Value(), accepted, false)
}

// A page that shows the visitor's own consent record (the cookie page's
// choices, id and time; the confirmation of a choice) is kept by no cache
// and never answered 304: no ETag tells one record's page from another's.
func TestPersonalPagesAreNotKept(t *testing.T) {
	srv := newServer(t, realStore(t))
	record := func(offline bool, at time.Time) string {
		rec := &consent.Record{ID: "4b0c5f0e-0d3c-4a8b-9f6e-2b1c9d8e7f60", Time: at, Policy: srv.policy(), Choices: map[string]bool{}}
		for _, c := range consent.Categories {
			rec.Choices[c] = c != consent.Offline || offline
		}
		return consent.CookieName + "=" + rec.Value()
	}
	now := time.Now()
	for _, c := range []struct{ url, a, b string }{
		{"/cookies", record(false, now), record(true, now)},                                        // one choice differs
		{"/services/spine?consent=accepted", record(true, now), record(true, now.Add(-time.Hour))}, // the note shows, then not
	} {
		a := get(srv, c.url, "Cookie", c.a)
		if a.code != 200 || a.header.Get("ETag") != "" || a.header.Get("Cache-Control") != "private, no-store" {
			t.Errorf("%s: %d, ETag %q, Cache-Control %q; want 200, none, private, no-store", c.url, a.code, a.header.Get("ETag"), a.header.Get("Cache-Control"))
		}
		tag := a.header.Get("ETag")
		if tag == "" {
			tag = "*"
		}
		b := get(srv, c.url, "Cookie", c.b, "If-None-Match", tag)
		if b.code != 200 || b.body == a.body {
			t.Errorf("%s with another record: %d, the same page: %v", c.url, b.code, b.body == a.body)
		}
	}
	// Without a record, the cookie page is everyone's: kept and revalidated.
	if r := get(srv, "/cookies"); r.header.Get("ETag") == "" || r.header.Get("Cache-Control") != "no-cache" {
		t.Errorf("/cookies without a record: ETag %q, Cache-Control %q", r.header.Get("ETag"), r.header.Get("Cache-Control"))
	}
}

// A video block works on every page type: its "Allow videos" form comes
// back to the page it is on, and with media allowed the video shows.
func TestVideoOnEveryPageType(t *testing.T) {
	files := copyFS(content.Embedded())
	var paths []string
	for name, f := range files {
		if !strings.HasPrefix(name, "pages/") || !strings.HasSuffix(name, content.PageExt) {
			continue
		}
		doc, err := pageDoc(f.Data)
		if err != nil {
			t.Fatal(err)
		}
		body, ok := doc["body"].([]any)
		if !ok || doc["type"] == "offline" || doc["type"] == "not-found" || doc["type"] == "search" {
			continue
		}
		doc["body"] = append(body, map[string]any{"type": "video", "youtubeId": "aaaaaaaaaaa", "title": "A test video"})
		b, err := pageFile(doc)
		if err != nil {
			t.Fatal(err)
		}
		files[name] = &fstest.MapFile{Data: b}
		paths = append(paths, doc["path"].(string))
	}
	store, err := content.Load(files, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, store)
	rec := post(srv, "/consent", "consent=accept&return=%2F", "Sec-Fetch-Site", "same-origin")
	media := consent.CookieName + "=" + rec.Result().Cookies()[0].Value
	rec = post(srv, "/consent", "consent=reject&return=%2F", "Sec-Fetch-Site", "same-origin")
	none := consent.CookieName + "=" + rec.Result().Cookies()[0].Value
	types := map[string]bool{}
	for _, p := range paths {
		d, _ := store.Doc(p)
		types[d.Type] = true
		r := get(srv, p, "Cookie", none)
		if !strings.Contains(r.body, `name="return" value="`+p+`"`) {
			t.Errorf("%s (%s): the video's form does not come back to the page", p, d.Type)
		}
		if r := get(srv, p, "Cookie", media); !strings.Contains(r.body, "youtube-nocookie.com/embed/aaaaaaaaaaa") {
			t.Errorf("%s (%s): no video with media allowed", p, d.Type)
		}
	}
	if len(types) < 5 {
		t.Fatalf("only %d page types tried: %v", len(types), types)
	}
}
