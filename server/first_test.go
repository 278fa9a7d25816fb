//go:build !wasm

package server

import (
	"net/http"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"nhsdigital/content"
	"nhsdigital/web"
)

// TestServeFirst checks the start that answers the home page from the
// pages' front matter: the home page and the assets are answered at once,
// exactly as the loaded content answers them (a link to a page not live
// yet left out of both); any other page waits for the load, and then gets
// the loaded content's answer; /readyz says 503 until the load ends.
func TestServeFirst(t *testing.T) {
	tree := copyFS(content.Embedded())
	tree["pages/blog/later.md"] = &fstest.MapFile{Data: blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a09", "later", "Numbat notes", "published", "2099-01-01", "")}
	home := tree["pages/index.md"]
	home.Data = append(home.Data, "\nSoon: [the numbat notes](/blog/later).\n"...)
	now := time.Now()
	first, rest, err := content.LoadFirst(tree, content.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	live := NewLiveUnloaded(func(now time.Time) (*content.Store, error) {
		<-release // the pages being checked
		return content.Load(rest, content.Options{Now: now})
	}, Config{Web: web.Embedded()})
	defer live.Close()
	if err := live.ServeFirst(first); err != nil {
		t.Fatal(err)
	}
	assets := []string{"/web/site.css", "/web/pwa.js", "/app.js", "/manifest.webmanifest", workerPath, "/favicon.ico"}

	early := get(live, "/")
	if early.code != 200 || !strings.Contains(early.body, "<main") {
		t.Fatalf("the home page before the pages are checked: %d\n%.300s", early.code, early.body)
	}
	if strings.Contains(early.body, "/blog/later") || strings.Contains(early.body, "Numbat") {
		t.Error("the home page links to or lists a page not live yet")
	}
	earlyAssets := map[string]response{}
	for _, p := range assets {
		if earlyAssets[p] = get(live, p); earlyAssets[p].code != 200 {
			t.Errorf("%s before the pages are checked: %d", p, earlyAssets[p].code)
		}
	}
	if r := get(live, "/readyz"); r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "being checked") {
		t.Errorf("/readyz while the pages are checked: %d %q", r.code, r.body)
	}
	waiting := make(chan response, 3)
	for _, p := range []string{"/services/spine", "/search?q=spine", "/page-data/index.json"} {
		go func() { waiting <- get(live, p) }()
	}
	select {
	case r := <-waiting:
		t.Fatalf("a page other than home answered before the pages were checked: %d\n%.200s", r.code, r.body)
	case <-time.After(300 * time.Millisecond):
	}

	go live.Reload()
	close(release)
	for range 3 {
		select {
		case r := <-waiting:
			if r.code != 200 {
				t.Errorf("a request that waited for the load: %d\n%.200s", r.code, r.body)
			}
		case <-time.After(30 * time.Second):
			t.Fatal("the requests that waited were not answered after the load")
		}
	}
	if r := get(live, "/readyz"); r.code != 200 {
		t.Errorf("/readyz after the load: %d %q", r.code, r.body)
	}
	loaded := get(live, "/")
	// (go-app writes an element's attributes in no set order.)
	if canonicalHTML(t, loaded.body) != canonicalHTML(t, early.body) {
		t.Error("the home page answered first differs from the loaded one's")
	}
	if e, l := early.header.Get("ETag"), loaded.header.Get("ETag"); e != l || e == "" {
		t.Errorf("ETag %q answered first, %q loaded", e, l)
	}
	for _, p := range assets {
		if r := get(live, p); r.body != earlyAssets[p].body || r.header.Get("Content-Type") != earlyAssets[p].header.Get("Content-Type") {
			t.Errorf("%s answered first differs from the loaded one's", p)
		}
	}
	if live.first.Load() != nil {
		t.Error("the first store's server is still held after the load")
	}
}

// TestServeFirstThenFailedLoad checks that when the pages turn out to
// have a problem the requests waiting for them are answered 503 (the
// server then stops, as on any start on content with problems), and that
// ServeFirst takes only a first store.
func TestServeFirstThenFailedLoad(t *testing.T) {
	tree := copyFS(content.Embedded())
	first, _, err := content.LoadFirst(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	release := make(chan struct{})
	live := NewLiveUnloaded(func(time.Time) (*content.Store, error) {
		<-release
		return nil, content.Problems{{File: "pages/spine.md", Message: "a problem"}}
	}, Config{Web: web.Embedded()})
	defer live.Close()
	if err := live.ServeFirst(first); err != nil {
		t.Fatal(err)
	}
	waiting := make(chan int, 1)
	go func() { waiting <- get(live, "/services/spine").code }()
	time.Sleep(100 * time.Millisecond)
	close(release)
	if err := live.Reload(); err == nil {
		t.Fatal("the load's problem was not returned")
	}
	if code := <-waiting; code != http.StatusServiceUnavailable {
		t.Errorf("a request that waited for a load that failed: %d", code)
	}
	if r := get(live, "/"); r.code != http.StatusServiceUnavailable {
		t.Errorf("the home page after the load failed: %d", r.code)
	}

	full, err := content.Load(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := NewLiveUnloaded(nil, Config{Web: web.Embedded()}).ServeFirst(full); err == nil {
		t.Error("ServeFirst took a loaded store")
	}
}
