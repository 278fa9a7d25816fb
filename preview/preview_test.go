//go:build !wasm

package preview

import (
	"bufio"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/server"
	"nhsdigital/web"
)

type response struct {
	code   int
	header http.Header
	body   string
}

func get(h http.Handler, target string, headers ...string) response {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return response{rec.Code, rec.Header(), string(b)}
}

// text returns the page's visible text, roughly: tags removed, entities decoded.
func text(body string) string {
	body = regexp.MustCompile(`(?s)<head>.*</head>`).ReplaceAllString(body, "")
	body = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, " ")
	return strings.Join(strings.Fields(html.UnescapeString(body)), " ")
}

// blogPost is a blog post file with the given status and times.
func blogPost(id, slug, title, status, published string) []byte {
	return []byte(fmt.Sprintf(`---
id: %s
type: blog
path: /blog/%s
title: %s
summary: Summary of %s.
status: %s
published: %s
lastEdited: 2024-06-01
authors:
  - name: A
    role: B
topics:
  - Cyber security
---
Text of %s.
`, id, slug, title, title, status, published, title))
}

func TestMain(m *testing.M) {
	components.Register()
	os.Exit(m.Run())
}

// previewDir is the content folder of each preview the tests start.
var previewDir = map[*server.Live]string{}

// previewSite writes the real content to a folder and starts a preview of
// it; the returned function writes a file in that folder.
func previewSite(t *testing.T, opts Options) (*server.Live, func(name, data string)) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "pages/blog/secret-draft.md"), blogPost("5b0a7c6e-1f1d-4c8e-9a51-8f6f0f7a7a03", "secret-draft", "Platypus draft", "draft", "2024-06-01"), 0o644)
	opts.Dir = dir
	live, err := New(func(now time.Time) (*content.Store, error) {
		return content.Load(os.DirFS(dir), content.Options{Now: now, Preview: true})
	}, server.Config{Web: web.Embedded()}, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(live.Close)
	previewDir[live] = dir
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
	live, _ := previewSite(t, Options{Token: token})
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
	if !strings.Contains(cookie, Cookie+"=") || !strings.Contains(cookie, "HttpOnly") || !strings.Contains(cookie, "SameSite=Lax") {
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
	if !strings.Contains(page, "Platypus draft") || !strings.Contains(page, "nhsd-preview__bar--draft") || !strings.Contains(page, scriptPath) {
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
	v := live.Current().Version()
	if r := get(live, "/page-data/blog/secret-draft.json?v="+v, "Cookie", c); r.code != 200 || !private(r) {
		t.Errorf("versioned page data: %d, Cache-Control %q", r.code, r.header.Get("Cache-Control"))
	}
	if w := get(live, "/app-worker.js", "Cookie", c).body; strings.Contains(w, "nhsd-pages") || !strings.Contains(w, "unregister") {
		t.Error("the preview's service worker is not the one that saves nothing")
	}
	if r := get(live, "/services/spine", "Cookie", Cookie+"=wrong"); r.code != 401 {
		t.Errorf("wrong cookie: %d", r.code)
	}
}

// TestPreviewOnLoopback checks that a loopback preview needs no token but
// answers only to local host names.
func TestPreviewOnLoopback(t *testing.T) {
	live, _ := previewSite(t, Options{Loopback: true})
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
	if _, err := New(nil, server.Config{}, Options{Token: "short"}); err == nil {
		t.Error("a preview away from loopback started with a short token")
	}
}

// TestPreviewBadFile checks that a broken file keeps the last good
// version served and shows its problem on every page, and that fixing it
// clears the problem.
func TestPreviewBadFile(t *testing.T) {
	logged := captureLog(t)
	site, write := previewSite(t, Options{Loopback: true})
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
	// The editor's terminal says so too, once.
	eventually(t, "the problem in the log", func() bool {
		return strings.Contains(logged(), "preview: 1 problem(s) in the content; pages show the last version without them until they are fixed:\n  pages/services/spine.md:1:1: ")
	})
	write("pages/services/spine.md", string(spine))
	eventually(t, "the panel to go", func() bool {
		b := get(live, "/services/spine").body
		return !strings.Contains(b, "nhsd-preview__problems") && !strings.Contains(b, "Spine, edited")
	})
	eventually(t, "the fix in the log", func() bool {
		return strings.Contains(logged(), "preview: the content has no problems now")
	})
	if n := strings.Count(logged(), "spine.md:1:1: the front matter that starts here is never closed"); n != 1 {
		t.Errorf("the problem was logged %d times:\n%s", n, logged())
	}
}

// TestPreviewNewsCarriesThePage checks that a page which names its path on
// the event stream gets, with the news of a save, its new view and the
// site settings, exactly as the page-data endpoint answers them; a page
// that names none, or names no path of the site, gets the news alone.
func TestPreviewNewsCarriesThePage(t *testing.T) {
	site, write := previewSite(t, Options{Loopback: true})
	srv := httptest.NewServer(localHost{site})
	t.Cleanup(srv.Close)
	type news struct {
		Version, Path, Site, View string
		Changed                   []string
	}
	open := func(query string) func() news {
		res, err := http.Get(srv.URL + "/_preview/events" + query)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { res.Body.Close() })
		lines := bufio.NewScanner(res.Body)
		lines.Buffer(nil, 1<<20)
		return func() news {
			for lines.Scan() {
				if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
					var n news
					if err := json.Unmarshal([]byte(data), &n); err != nil {
						t.Fatalf("%s: %v", query, err)
					}
					return n
				}
			}
			t.Fatalf("%s: the stream ended: %v", query, lines.Err())
			return news{}
		}
	}
	streams := map[string]func() news{}
	for _, q := range []string{"?path=%2Fservices%2Fspine", "?path=%2Fno-such-page", "", "?path=%2F%2Felsewhere.example", "?path=services"} {
		streams[q] = open(q)
		if n := streams[q](); n.Version == "" || n.View != "" || n.Site != "" {
			t.Errorf("%q: the first message is %+v, not the version alone", q, n)
		}
	}
	spine, _ := fs.ReadFile(content.Embedded(), "pages/services/spine.md")
	write("pages/services/spine.md", strings.Replace(string(spine), "\ntitle: Spine\n", "\ntitle: Spine, in the news\n", 1))
	for q, next := range streams {
		n := next()
		if !slices.Contains(n.Changed, "/services/spine") {
			t.Errorf("%q: %+v does not name the page saved", q, n)
		}
		want := map[string]string{"?path=%2Fservices%2Fspine": "/services/spine", "?path=%2Fno-such-page": "/no-such-page"}[q]
		if n.Path != want {
			t.Errorf("%q: the news is for %q, not %q", q, n.Path, want)
		}
		if want == "" {
			if n.Site != "" || n.View != "" {
				t.Errorf("%q: data came with the news for no page of the site", q)
			}
			continue
		}
		if got := get(localHost{site}, "/page-data/site.json").body; n.Site != got {
			t.Errorf("%q: the site settings in the news differ from the endpoint's:\n%.200s\n%.200s", q, n.Site, got)
		}
		if want == "/services/spine" && !strings.Contains(n.View, "Spine, in the news") {
			t.Errorf("%q: the view in the news is not the page as saved: %.200s", q, n.View)
		}
		if got := get(localHost{site}, components.PageDataURL(want)).body; n.View != got {
			t.Errorf("%q: the view in the news differs from the endpoint's:\n%.200s\n%.200s", q, n.View, got)
		}
	}
}

// captureLog sends the log to a buffer until the test ends, and returns
// what it holds.
func captureLog(t *testing.T) func() string {
	var mu sync.Mutex
	var b strings.Builder
	log.SetOutput(writerFunc(func(p []byte) (int, error) {
		mu.Lock()
		defer mu.Unlock()
		return b.Write(p)
	}))
	t.Cleanup(func() { log.SetOutput(os.Stderr) })
	return func() string {
		mu.Lock()
		defer mu.Unlock()
		return b.String()
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// watchedPreview starts a preview of dir on this machine that re-reads
// only the files its notifications name (content.Cache), as make
// preview does, and returns it with a loopback Host on every request.
func watchedPreview(t *testing.T, dir string) http.Handler {
	cache := content.NewCache()
	site, err := New(func(now time.Time) (*content.Store, error) {
		return content.Load(os.DirFS(dir), content.Options{Now: now, Preview: true, Cache: cache})
	}, server.Config{Web: web.Embedded()}, Options{Dir: dir, Loopback: true, Changes: cache})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(site.Close)
	return localHost{site}
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
	site, _ := previewSite(t, Options{Loopback: true})
	dir := previewDir[site]
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

// The preview shows, on every page, the links the live site leaves out
// because their page is not live yet, and says the list changes with time.
func TestPreviewShowsHeldLinks(t *testing.T) {
	live, write := previewSite(t, Options{Loopback: true})
	write("pages/blog/future-launch.md", string(blogPost("0d9a4c1e-7e55-4f0b-8d0c-3f1a9b2c4d5e", "future-launch", "Echidna launch", "published", "2099-01-01T09:00:00Z")))
	live.Reload()
	post := blogPost("6c1b2a3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "pointer", "Pointer post", "published", "2024-06-01")
	post = []byte(strings.Replace(string(post), "Text of Pointer post.", "See [the launch](/blog/future-launch).", 1))
	write("pages/blog/pointer.md", string(post))
	if err := live.Reload(); err != nil {
		t.Fatal(err)
	}
	r := get(localHost{live}, "/blog/pointer")
	if !strings.Contains(r.body, "1 warning for the live site") || !strings.Contains(r.body, "/blog/future-launch, which is scheduled until") ||
		!strings.Contains(r.body, "made again at every save and at every publication time") {
		t.Fatalf("the preview does not show the held link:\n%s", text(r.body)[:min(2000, len(text(r.body)))])
	}
}

// events records, in order, the loads of a preview and what its change
// tracker is told.
type events struct {
	mu   sync.Mutex
	list []string
}

func (e *events) add(s string) { e.mu.Lock(); e.list = append(e.list, s); e.mu.Unlock() }
func (e *events) Track()       { e.add("track") }
func (e *events) Changed(names ...string) {
	for _, n := range names {
		e.add("changed " + n)
	}
}
func (e *events) Unknown() { e.add("unknown") }
func (e *events) all() []string {
	e.mu.Lock()
	defer e.mu.Unlock()
	return slices.Clone(e.list)
}

// The preview watches the folder from before its first load: that load
// looks at every file, and the first save after it only at the file it
// names (a watch begun after the load would make the first save look at
// every file again, about 0.3 s at 20,000 pages).
func TestPreviewWatchesBeforeItsFirstLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	ev := &events{}
	live, err := New(func(now time.Time) (*content.Store, error) {
		ev.add("load")
		return content.Load(os.DirFS(dir), content.Options{Now: now, Preview: true})
	}, server.Config{Web: web.Embedded()}, Options{Dir: dir, Loopback: true, Changes: ev})
	if err != nil {
		t.Fatal(err)
	}
	defer live.Close()
	spine := filepath.Join(dir, "pages/services/spine.md")
	b, _ := os.ReadFile(spine)
	os.WriteFile(spine, []byte(strings.Replace(string(b), "\ntitle: Spine\n", "\ntitle: Spine, saved\n", 1)), 0o644)
	eventually(t, "the save's reload", func() bool {
		return slices.Contains(ev.all(), "changed pages/services/spine.md") && strings.Count(strings.Join(ev.all(), ","), "load") >= 2
	})
	got := ev.all()
	if got[0] != "track" || got[1] != "load" {
		t.Errorf("events %v: the watch did not begin before the first load", got)
	}
	if slices.Contains(got, "unknown") {
		t.Errorf("events %v: a change was reported as unknown", got)
	}
}

// A folder renamed or moved out of the content folder, with the reloads
// that look only at the files named in notifications (a content.Cache, as
// the server runs preview): the pages follow the folder, and saves in the
// renamed folder show.
func TestPreviewFolderRenamed(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	live := watchedPreview(t, dir)
	// A folder whose pages nothing else links to, so that moving it out
	// leaves no problem.
	const folder, page = "pages/services/nhs-app", "/services/nhs-app/getting-the-most-from-the-nhs-app-for-gp-practices"
	file := filepath.Join(dir, folder, "getting-the-most-from-the-nhs-app-for-gp-practices.md")
	if r := get(live, page); r.code != 200 {
		t.Fatalf("%s: %d before the rename", page, r.code)
	}
	renamed := filepath.Join(dir, folder+"-renamed")
	if err := os.Rename(filepath.Join(dir, folder), renamed); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond) // past the window in which a file's time is not trusted
	moved := filepath.Join(renamed, filepath.Base(file))
	b, err := os.ReadFile(moved)
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`\ntitle: .*\n`)
	if err := os.WriteFile(moved, re.ReplaceAll(b, []byte("\ntitle: Saved in the renamed folder\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the save in the renamed folder", func() bool {
		return strings.Contains(get(live, page).body, "Saved in the renamed folder")
	})
	// Moved out of the content folder: its pages go, and the events page's
	// link to one of them is a problem, as a fresh start on the folder
	// finds.
	if err := os.Rename(renamed, filepath.Join(t.TempDir(), "out")); err != nil {
		t.Fatal(err)
	}
	eventually(t, "the link to a page of the folder moved out to be a problem", func() bool {
		b := get(live, "/").body
		return strings.Contains(b, "nhsd-preview__problems") && strings.Contains(b, "pages/news-and-events/events.md:") && strings.Contains(b, page)
	})
}

// A preview started on content with a problem has no good version to
// show: every page shows the problems, styled, and says so; fixing the
// file shows the pages.
func TestPreviewStartsOnBadContent(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	spine := filepath.Join(dir, "pages/services/spine.md")
	good, _ := os.ReadFile(spine)
	os.WriteFile(spine, []byte(strings.Replace(string(good), "\ntitle: Spine\n", "\ntitle: Spine: broken\n", 1)), 0o644)
	site, err := New(func(now time.Time) (*content.Store, error) {
		return content.Load(os.DirFS(dir), content.Options{Now: now, Preview: true})
	}, server.Config{Web: web.Embedded()}, Options{Dir: dir, Loopback: true})
	if err != nil {
		t.Fatal(err)
	}
	defer site.Close()
	live := localHost{site}
	r := get(live, "/services/spine")
	if r.code != http.StatusServiceUnavailable || !strings.Contains(r.body, "pages/services/spine.md:5:") || !strings.Contains(r.body, "no version without problems") || strings.Contains(r.body, "last version without problems") {
		t.Errorf("/services/spine before a good version: %d\n%s", r.code, r.body)
	}
	if css := get(live, "/web/site.css"); css.code != 200 || !strings.HasPrefix(css.header.Get("Content-Type"), "text/css") || !strings.Contains(css.body, ".nhsd-") {
		t.Errorf("/web/site.css before a good version: %d %q", css.code, css.header.Get("Content-Type"))
	}
	os.WriteFile(spine, good, 0o644)
	eventually(t, "the pages once the file is fixed", func() bool {
		r := get(live, "/services/spine")
		return r.code == 200 && !strings.Contains(r.body, "nhsd-preview__problems")
	})
}

// A page whose file is a link to a file elsewhere: a save of that file
// shows, whether the link was there when the preview started or made
// after, and other files beside it change nothing.
func TestPreviewFollowsLinkedFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, content.Embedded()); err != nil {
		t.Fatal(err)
	}
	elsewhere := t.TempDir()
	re := regexp.MustCompile(`\ntitle: .*\n`)
	linkTo := func(page, title string) (target string) {
		file := filepath.Join(dir, page)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		target = filepath.Join(elsewhere, filepath.Base(page))
		if err := os.WriteFile(target, re.ReplaceAll(b, []byte("\ntitle: "+title+"\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, file); err != nil {
			t.Fatal(err)
		}
		return target
	}
	save := func(target, title string) {
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, re.ReplaceAll(b, []byte("\ntitle: "+title+"\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	spine := linkTo("pages/services/spine.md", "Spine, linked")
	live := watchedPreview(t, dir)
	if b := get(live, "/services/spine").body; !strings.Contains(b, "Spine, linked") {
		t.Fatal("the linked file is not the page")
	}
	time.Sleep(2500 * time.Millisecond) // past the window in which a file's time is not trusted
	save(spine, "Spine, saved through its link")
	eventually(t, "the save of a file linked to at start", func() bool {
		return strings.Contains(get(live, "/services/spine").body, "Spine, saved through its link")
	})

	const app = "pages/services/nhs-app.md"
	nhsApp := linkTo(app, "NHS App, linked")
	eventually(t, "the new link", func() bool {
		return strings.Contains(get(live, "/services/nhs-app").body, "NHS App, linked")
	})
	time.Sleep(2500 * time.Millisecond)
	save(nhsApp, "NHS App, saved through its new link")
	eventually(t, "the save of a file linked to after the start", func() bool {
		return strings.Contains(get(live, "/services/nhs-app").body, "NHS App, saved through its new link")
	})
	// A file beside the linked ones is not the content's: no problem.
	os.WriteFile(filepath.Join(elsewhere, "notes.txt"), []byte("not a page"), 0o644)
	time.Sleep(200 * time.Millisecond)
	if b := get(live, "/").body; strings.Contains(b, "nhsd-preview__problems") {
		t.Error("a file beside a linked one became a problem")
	}
}

// Where there are no file notifications, the folder's signature (looked
// at every Options.Poll) changes with a save of a file a link points to.
func TestSignatureFollowsLinks(t *testing.T) {
	dir, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "page.md")
	os.WriteFile(target, []byte("one"), 0o644)
	if err := os.Symlink(target, filepath.Join(dir, "page.md")); err != nil {
		t.Fatal(err)
	}
	before := signature(dir)
	os.WriteFile(target, []byte("one, and two"), 0o644)
	if signature(dir) == before {
		t.Error("the signature did not change with the linked file")
	}
}
