//go:build !wasm

package server

import (
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
	"time"

	"nhsdigital/content"
	"nhsdigital/web"
)

// blogPost is a blog post file with the given status and times.
func blogPost(id, slug, title, status, published, extra string) []byte {
	return mdPage(`{"id": "` + id + `", "type": "blog", "path": "/blog/` + slug + `", "title": "` + title + `",
	  "summary": "Summary of ` + title + `.", "status": "` + status + `", "published": "` + published + `",
	  "lastEdited": "2024-06-01", "authors": [{"name": "A", "role": "B"}], "topics": ["Cyber security"],
	  "body": [{"type": "paragraph", "text": "Text of ` + title + `."}]` + extra + `}`)
}

// leaks lists where a title or path shows on a server: pages, page data,
// search, sitemap, feeds and every search index file.
func leaks(srv http.Handler, s *Server, title, slug string) []string {
	var out []string
	for _, p := range []string{"/blog/" + slug, "/page-data/blog/" + slug + ".json"} {
		if r := get(srv, p); r.code != 404 {
			out = append(out, p+" answers "+http.StatusText(r.code))
		}
	}
	for _, p := range []string{"/", "/blog", "/sitemap.xml", "/feeds/blogs.xml", "/search?q=" + strings.Fields(title)[0],
		"/page-data/blog.json", "/page-data/index.json", "/search-index/meta.json"} {
		if r := get(srv, p); strings.Contains(r.body, title) || strings.Contains(r.body, "/blog/"+slug) {
			out = append(out, p)
		}
	}
	_, searchFiles, _ := s.search.get()
	for name, a := range searchFiles {
		if strings.Contains(string(a.body), title) || strings.Contains(string(a.body), slug) {
			out = append(out, "/search-index/"+name)
		}
	}
	return out
}

// TestScheduledPublishing checks a production server: an item appears
// (page, search, sitemap, feed) when its publication time comes, and an
// expired one goes, without a restart; before then nothing shows them.
func TestScheduledPublishing(t *testing.T) {
	tree := copyFS(content.Embedded())
	soon := time.Now().Add(4 * time.Second).UTC().Format(time.RFC3339)
	tree["pages/blog/timed-launch.md"] = &fstest.MapFile{Data: blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a01", "timed-launch", "Quokka launch notes", "published", soon, "")}
	tree["pages/blog/fading-notice.md"] = &fstest.MapFile{Data: blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a02", "fading-notice", "Wombat closing notice", "published", "2024-06-01", `, "expires": "`+soon+`"`)}
	tree["pages/blog/secret-draft.md"] = &fstest.MapFile{Data: blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a03", "secret-draft", "Platypus draft", "draft", "2024-06-01", "")}
	// A live page linking to both: each link is served only while its
	// target is.
	tree["pages/reading-list.md"] = &fstest.MapFile{Data: mdPage(`{"id": "5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a04", "type": "page",
	  "path": "/reading-list", "title": "Reading list", "summary": "What to read.", "status": "published",
	  "published": "2024-06-01", "lastEdited": "2024-06-01", "body": [
	    {"type": "paragraph", "text": "Read [the launch notes](/blog/timed-launch) and [the closing notice](/blog/fading-notice)."},
	    {"type": "links", "title": "More", "items": [{"text": "Launch", "href": "/blog/timed-launch"}, {"text": "Notice", "href": "/blog/fading-notice"}]}]}`)}
	var loads atomic.Int32
	live, err := NewLive(func(now time.Time) (*content.Store, error) {
		loads.Add(1)
		return content.Load(tree, content.Options{Now: now})
	}, Config{Web: web.Embedded()})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	links := func(target string) (page, data bool) {
		return strings.Contains(get(live, "/reading-list").body, target), strings.Contains(get(live, "/page-data/reading-list.json").body, target)
	}

	first := live.Current()
	if l := leaks(live, first, "Quokka launch notes", "timed-launch"); len(l) > 0 {
		t.Errorf("the scheduled item shows before its time: %v", l)
	}
	if l := leaks(live, live.Current(), "Platypus draft", "secret-draft"); len(l) > 0 {
		t.Errorf("the draft shows: %v", l)
	}
	if r := get(live, "/blog/fading-notice"); r.code != 200 {
		t.Fatalf("the item before it expires: %d", r.code)
	}
	if page, data := links("/blog/timed-launch"); page || data {
		t.Errorf("a live page links to the scheduled item before its time: page %v, page data %v", page, data)
	}
	if page, data := links("/blog/fading-notice"); !page || !data {
		t.Errorf("a live page lost its link to a live item: page %v, page data %v", page, data)
	}
	// The version the publication brings is made before its time.
	var prepared *Server
	for prepared == nil && time.Now().Before(first.store.NextChange) {
		live.mu.Lock()
		prepared = live.prepared
		live.mu.Unlock()
		time.Sleep(20 * time.Millisecond)
	}
	if prepared == nil {
		t.Error("the next version was not made before its time")
	}
	deadline := time.Now().Add(12 * time.Second)
	for get(live, "/blog/timed-launch").code != 200 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if r := get(live, "/blog/timed-launch"); r.code != 200 {
		t.Fatalf("the scheduled item did not appear at its time: %d", r.code)
	}
	for _, p := range []string{"/sitemap.xml", "/feeds/blogs.xml", "/blog", "/search?q=quokka"} {
		if !strings.Contains(get(live, p).body, "/blog/timed-launch") {
			t.Errorf("%s lacks the item after its publication time", p)
		}
	}
	if l := leaks(live, live.Current(), "Wombat closing notice", "fading-notice"); len(l) > 0 {
		t.Errorf("the expired item still shows: %v", l)
	}
	if prepared != nil && live.Current() != prepared {
		t.Error("the version made ahead was not the one served at its time")
	}
	if n := loads.Load(); n != 1 {
		t.Errorf("the content was read %d times: publishing must not read it again", n)
	}
	if page, data := links("/blog/timed-launch"); !page || !data {
		t.Errorf("the link to the item is not back at its publication time: page %v, page data %v", page, data)
	}
	if page, data := links("/blog/fading-notice"); page || data {
		t.Errorf("a live page still links to the expired item: page %v, page data %v", page, data)
	}
	if l := leaks(live, live.Current(), "Platypus draft", "secret-draft"); len(l) > 0 {
		t.Errorf("the draft shows: %v", l)
	}

	// The published version's search index was updated from the one
	// before, not built again: the documents that did not change keep
	// their fragment files. It is what a build of that version makes.
	_, files, err := live.Current().search.get()
	if err != nil {
		t.Fatal(err)
	}
	_, before, _ := first.search.get()
	kept := map[*asset]bool{}
	for _, a := range before {
		kept[a] = true
	}
	shared := 0
	for _, a := range files {
		if kept[a] {
			shared++
		}
	}
	if shared < len(files)/2 {
		t.Errorf("%d of the %d search index files are the version before's: the index was built again", shared, len(files))
	}
	_, built, err := buildSearch(live.Current().store, false, false, nil).get()
	if err != nil {
		t.Fatal(err)
	}
	if len(built) != len(files) {
		t.Errorf("the updated index has %d files, a build %d", len(files), len(built))
	}
	for name, a := range built {
		if files[name] == nil || string(files[name].plain()) != string(a.plain()) {
			t.Errorf("search index file %s differs from a build's", name)
		}
	}
}

// TestPublishedVersionLetsGoOfTheOld checks that once a scheduled change
// is served, nothing keeps the version before it (its store, caches and
// search index), the timers of its publication included.
func TestPublishedVersionLetsGoOfTheOld(t *testing.T) {
	tree := copyFS(content.Embedded())
	soon := time.Now().Add(2 * time.Second).UTC().Format(time.RFC3339)
	tree["pages/blog/timed-launch.md"] = &fstest.MapFile{Data: blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a01", "timed-launch", "Quokka launch notes", "published", soon, "")}
	live, err := NewLive(func(now time.Time) (*content.Store, error) {
		return content.Load(tree, content.Options{Now: now})
	}, Config{Web: web.Embedded()})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	gone := make(chan struct{})
	func() {
		old := live.Current()
		old.search.get()
		runtime.AddCleanup(old, func(ch chan struct{}) { close(ch) }, gone)
	}()
	deadline := time.Now().Add(12 * time.Second)
	for get(live, "/blog/timed-launch").code != 200 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if _, _, err := live.Current().search.get(); err != nil {
		t.Fatal(err)
	}
	for range 20 {
		runtime.GC()
		select {
		case <-gone:
			return
		case <-time.After(50 * time.Millisecond):
		}
	}
	t.Error("the version before the publication is still held")
}
