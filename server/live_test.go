//go:build !wasm

package server

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"syscall"
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

	if l := leaks(live, live.Current(), "Quokka launch notes", "timed-launch"); len(l) > 0 {
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
}

// previewSite writes the real content to a folder and starts a preview of
// it; the returned function writes a file in that folder.
func previewSite(t *testing.T, opts PreviewOptions) (*Live, func(name, data string)) {
	dir := t.TempDir()
	for name, f := range copyFS(content.Embedded()) {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755)
		os.WriteFile(filepath.Join(dir, name), f.Data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "pages/blog/secret-draft.md"), blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a03", "secret-draft", "Platypus draft", "draft", "2024-06-01", ""), 0o644)
	opts.Dir = dir
	live, err := NewPreview(func(now time.Time) (*content.Store, error) {
		return content.Load(os.DirFS(dir), content.Options{Now: now, Preview: true})
	}, Config{Web: web.Embedded()}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(live.Close)
	return live, func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// eventually waits up to 5 s for cond.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}

// TestPreviewLinks checks the token flow away from loopback and its
// refusals, and that every preview answer is private and unindexed.
func TestPreviewLinks(t *testing.T) {
	token := "correct-horse-battery-staple-42"
	live, _ := previewSite(t, PreviewOptions{Token: token})
	private := func(r response) bool {
		return r.header.Get("Cache-Control") == "private, no-store" && r.header.Get("X-Robots-Tag") == "noindex"
	}
	if r := get(live, "/services/spine"); r.code != 401 || !private(r) {
		t.Errorf("no token: %d %v", r.code, r.header)
	}
	for _, bad := range []string{
		"/preview?token=wrong&path=/services/spine",
		"/preview?path=/services/spine",
		"/preview?token=" + token[:len(token)-1] + "&path=/",
	} {
		if r := get(live, bad); r.code != 403 || r.header.Get("Set-Cookie") != "" {
			t.Errorf("%s: %d, cookie %q", bad, r.code, r.header.Get("Set-Cookie"))
		}
	}
	for _, bad := range []string{"//evil.example/x", "https://evil.example/", "/no-such-page", "/\\evil.example", "/services/spine?x=1", "services/spine"} {
		r := get(live, "/preview?token="+token+"&path="+strings.ReplaceAll(bad, "?", "%3F"))
		if r.code != 400 || r.header.Get("Location") != "" {
			t.Errorf("path %q: %d, Location %q", bad, r.code, r.header.Get("Location"))
		}
	}
	r := get(live, "/preview?token="+token+"&path=/blog/secret-draft")
	if r.code != 303 || r.header.Get("Location") != "/blog/secret-draft" || !private(r) {
		t.Fatalf("good link: %d %q", r.code, r.header.Get("Location"))
	}
	cookie := r.header.Get("Set-Cookie")
	if !strings.Contains(cookie, PreviewCookie+"=") || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
		t.Errorf("cookie: %s", cookie)
	}
	c := strings.SplitN(cookie, ";", 2)[0]
	for _, p := range []string{"/blog/secret-draft", "/web/site.css", "/page-data/blog/secret-draft.json", "/app-worker.js"} {
		if r := get(live, p, "Cookie", c); r.code != 200 || !private(r) {
			t.Errorf("%s with the cookie: %d, %q %q", p, r.code, r.header.Get("Cache-Control"), r.header.Get("X-Robots-Tag"))
		}
	}
	req := httptest.NewRequest(http.MethodHead, "/services/spine", nil)
	req.Header.Set("Cookie", c)
	rec := httptest.NewRecorder()
	live.ServeHTTP(rec, req)
	if rec.Header().Get("Cache-Control") != "private, no-store" || rec.Header().Get("X-Robots-Tag") != "noindex" {
		t.Errorf("HEAD: %v", rec.Header())
	}
	page := get(live, "/blog/secret-draft", "Cookie", c).body
	if !strings.Contains(page, "Platypus draft") || !strings.Contains(page, "nhsd-preview__bar--draft") || !strings.Contains(page, "/web/preview.js") {
		t.Error("the draft's page lacks its content, its draft notice or the preview script")
	}
	// Hashed files are kept by the browser, so a reload after a save
	// fetches the page alone; pages and data never are.
	css := regexp.MustCompile(`/web/site\.css\?v=[0-9a-f]+`).FindString(page)
	if css == "" {
		t.Fatal("the page names no hashed style sheet")
	}
	if r := get(live, css, "Cookie", c); r.code != 200 || r.header.Get("Cache-Control") != "private, max-age=31536000, immutable" {
		t.Errorf("%s: %d, Cache-Control %q", css, r.code, r.header.Get("Cache-Control"))
	}
	v := live.Current().version
	if r := get(live, "/page-data/blog/secret-draft.json?v="+v, "Cookie", c); r.code != 200 || !private(r) {
		t.Errorf("versioned page data: %d, Cache-Control %q", r.code, r.header.Get("Cache-Control"))
	}
	if w := get(live, "/app-worker.js", "Cookie", c).body; strings.Contains(w, "nhsd-pages") || !strings.Contains(w, "unregister") {
		t.Error("the preview's service worker is not the one that saves nothing")
	}
	if r := get(live, "/services/spine", "Cookie", PreviewCookie+"=wrong"); r.code != 401 {
		t.Errorf("wrong cookie: %d", r.code)
	}
}

// TestPreviewOnLoopback checks that a loopback preview needs no token but
// answers only to local host names.
func TestPreviewOnLoopback(t *testing.T) {
	live, _ := previewSite(t, PreviewOptions{Loopback: true})
	if r := get(live, "/blog/secret-draft", "Host", "localhost:8000"); r.code != 200 {
		t.Errorf("loopback preview: %d", r.code)
	}
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	req.Host = "attacker.example"
	rec := httptest.NewRecorder()
	live.ServeHTTP(rec, req)
	if rec.Code != http.StatusMisdirectedRequest {
		t.Errorf("foreign Host: %d", rec.Code)
	}
	if _, err := NewPreview(nil, Config{}, PreviewOptions{Token: "short"}); err == nil {
		t.Error("a preview away from loopback started with a short token")
	}
}

// TestPreviewBadFile checks that a broken file keeps the last good
// version served and shows its problem on every page, and that fixing it
// clears the problem.
func TestPreviewBadFile(t *testing.T) {
	site, write := previewSite(t, PreviewOptions{Loopback: true})
	live := localHost{site}
	spine, _ := fs.ReadFile(content.Embedded(), "pages/services/spine.md")
	write("pages/services/spine.md", strings.Replace(string(spine), "\ntitle: Spine\n", "\ntitle: Spine, edited\n", 1))
	eventually(t, "the edit", func() bool { return strings.Contains(get(live, "/services/spine").body, "Spine, edited") })

	write("pages/services/spine.md", "---\ntitle: \"half a file\n")
	eventually(t, "the problem panel", func() bool {
		return strings.Contains(get(live, "/blog").body, "nhsd-preview__problems")
	})
	for _, p := range []string{"/services/spine", "/", "/blog/secret-draft"} {
		r := get(live, p)
		if r.code != 200 || !strings.Contains(r.body, "pages/services/spine.md:1:1") || !strings.Contains(r.body, "the front matter that starts here is never closed") ||
			!strings.Contains(r.body, `<pre class="nhsd-preview__snippet"><code>1 | ---`) {
			t.Errorf("%s: %d, or no problem panel naming the file", p, r.code)
		}
	}
	if !strings.Contains(get(live, "/services/spine").body, "Spine, edited") {
		t.Error("the last good version is not served")
	}
	write("pages/services/spine.md", string(spine))
	eventually(t, "the panel to go", func() bool {
		b := get(live, "/services/spine").body
		return !strings.Contains(b, "nhsd-preview__problems") && !strings.Contains(b, "Spine, edited")
	})
}

// localHost sends every request with a loopback Host header.
type localHost struct{ h http.Handler }

func (l localHost) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	r.Host = "127.0.0.1:8000"
	l.h.ServeHTTP(w, r)
}

// TestPreviewNamedPipe checks that a named pipe (FIFO) saved into the
// content folder hangs neither the preview's change detection nor the
// reload it starts: the pipe shows as a problem, and removing it clears it.
func TestPreviewNamedPipe(t *testing.T) {
	site, _ := previewSite(t, PreviewOptions{Loopback: true})
	dir := site.preview.opts.Dir
	pipe := filepath.Join(dir, "pages", "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	sig := make(chan string, 1)
	go func() { sig <- signature(dir) }()
	select {
	case <-sig:
	case <-time.After(3 * time.Second):
		t.Fatal("the change detection blocks on a named pipe")
	}
	// Problems waits for a reload in progress: ask in the background so a
	// reload that hangs fails the test instead of hanging it.
	reported := make(chan bool, 1)
	go func() {
		for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
			if err := site.Problems(); err != nil && strings.Contains(err.Error(), "pages/pipe.md: not a regular file") {
				reported <- true
				return
			}
		}
		reported <- false
	}()
	select {
	case ok := <-reported:
		if !ok {
			t.Fatalf("no problem naming the pipe; problems: %v", site.Problems())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("the reload hangs on a named pipe")
	}
	live := localHost{site}
	if b := get(live, "/services/spine").body; !strings.Contains(b, "pages/pipe.md") || !strings.Contains(b, "Spine") {
		t.Error("the page does not show the last good version with the pipe's problem")
	}
	if err := os.Remove(pipe); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the problem to go", func() bool { return site.Problems() == nil })
}
