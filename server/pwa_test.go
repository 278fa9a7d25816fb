//go:build !wasm

package server

import (
	"encoding/json"
	"fmt"
	"image/png"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"nhsdigital/content/consent"
)

// TestWorkerShell checks the service worker script: never cached, of this
// version, and every file of its app shell answers 200, since one failure
// stops the worker installing.
func TestWorkerShell(t *testing.T) {
	srv := newServer(t, realStore(t))
	r := get(srv, "/app-worker.js")
	if r.code != 200 || r.header.Get("Cache-Control") != "no-store" || !strings.HasPrefix(r.header.Get("Content-Type"), "text/javascript") {
		t.Fatalf("worker: %d %q %q", r.code, r.header.Get("Cache-Control"), r.header.Get("Content-Type"))
	}
	if !strings.Contains(r.body, `const VERSION = "`+srv.Version()+`";`) {
		t.Error("the worker does not name this version")
	}
	if v := regexp.MustCompile(`\{\{\.[A-Za-z]+\}\}`).FindString(r.body); v != "" {
		t.Errorf("a template value was left unfilled: %s", v)
	}
	list := func(name string) []string {
		m := regexp.MustCompile(`const ` + name + ` = (\[.*\]);`).FindStringSubmatch(r.body)
		if m == nil {
			t.Fatalf("no %s list in the worker", name)
		}
		var out []string
		if err := json.Unmarshal([]byte(m[1]), &out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	// The shell, saved at install whatever the visitor chose, is the
	// offline page and what it needs; the app (the WebAssembly above all)
	// only with consent to offline reading.
	shell, app := list("SHELL_FILES"), list("APP_FILES")
	has := func(files []string, prefix string) bool {
		for _, f := range files {
			if strings.HasPrefix(f, prefix) {
				return true
			}
		}
		return false
	}
	for _, w := range []string{"/web/site.css?v=", "/web/pwa.js?v=", "/web/consent.js?v=", "/offline", "/page-data/offline.json?v=" + srv.Version()} {
		if !has(shell, w) {
			t.Errorf("the shell lacks %s", w)
		}
	}
	for _, w := range []string{"/app.js?v=", "/wasm_exec.js?v=", "/web/app.wasm?v=", "/page-data/site.json?v=" + srv.Version()} {
		if !has(app, w) || has(shell, w) {
			t.Errorf("%s: not in the app, or in the shell", w)
		}
	}
	size := 0
	for _, f := range append(shell, app...) {
		r := get(srv, f)
		if r.code != 200 {
			t.Errorf("worker file %s answers %d", f, r.code)
		}
		if slices.Contains(shell, f) {
			size += len(r.body)
		}
	}
	if size > 100<<10 {
		t.Errorf("the shell saved for every visitor is %d bytes", size)
	}
	// The page names the script that shows the offline and update
	// notices, after the consent codec it reads the cookie with.
	page := get(srv, "/").body
	if !regexp.MustCompile(`<script defer src="/web/consent\.js\?v=[0-9a-f]+"></script>\s*<script defer src="/web/pwa\.js\?v=[0-9a-f]+"></script>`).MatchString(page) {
		t.Error("pages do not load consent.js and then pwa.js, deferred")
	}
}

// TestConsentCodecServed checks that the page's scripts and the service
// worker get the one consent codec, configured from content/consent and
// the content's policy version, and that no other script reads the
// cookie's letters or positions itself.
func TestConsentCodecServed(t *testing.T) {
	srv := newServer(t, realStore(t))
	want := consent.Script(srv.policy())
	if !strings.Contains(want, `"policy":"`+srv.policy()+`"`) || !strings.Contains(want, `"cookie":"`+consent.CookieName+`"`) {
		t.Fatalf("the codec is not configured: %.300s", want)
	}
	r := get(srv, "/web/consent.js?v="+srv.assets[consentScript].hash)
	if r.code != 200 || r.body != want || !strings.HasPrefix(r.header.Get("Content-Type"), "text/javascript") {
		t.Errorf("/web/consent.js: %d %q, not the configured codec", r.code, r.header.Get("Content-Type"))
	}
	worker := get(srv, "/app-worker.js").body
	if !strings.Contains(worker, "\n"+want+"\n") || strings.Contains(worker, "{{.ConsentCodec}}") {
		t.Error("the service worker does not carry the configured codec")
	}
	// Each script that needs consent asks the codec about a category by
	// name; none splits the cookie or picks a letter out of it.
	for _, f := range []string{"../web/pwa.js", "../web/static.js", "worker.js"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		js := string(b)
		if regexp.MustCompile(`document\.cookie\s*=|\.split\("\."\)|charAt\(|\[3\]|"[OSMosm]"`).MatchString(js) {
			t.Errorf("%s reads or writes the consent cookie itself", f)
		}
		for _, m := range regexp.MustCompile(`\.allows\([^,]+, "([^"]*)"\)`).FindAllStringSubmatch(js, -1) {
			if !slices.Contains(consent.Categories, m[1]) {
				t.Errorf("%s asks about %q, which is not a consent category", f, m[1])
			}
		}
	}
}

// TestManifest checks the web app manifest: what installing needs, and
// icons served by the site itself.
func TestManifest(t *testing.T) {
	srv := newServer(t, realStore(t))
	r := get(srv, "/manifest.webmanifest")
	if r.code != 200 || r.header.Get("Content-Type") != "application/manifest+json" {
		t.Fatalf("manifest: %d %s", r.code, r.header.Get("Content-Type"))
	}
	var m struct {
		ID, Name, ShortName, StartURL, Scope, Display, ThemeColor, BackgroundColor string
		Icons                                                                      []struct{ Src, Sizes, Type, Purpose string }
	}
	raw := strings.NewReplacer(`"short_name"`, `"ShortName"`, `"start_url"`, `"StartURL"`, `"theme_color"`, `"ThemeColor"`, `"background_color"`, `"BackgroundColor"`).Replace(r.body)
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		t.Fatal(err)
	}
	if m.ID != "/" || m.Name != "NHS Digital" || m.ShortName == "" || len(m.ShortName) > 12 || m.StartURL != "/" || m.Scope != "/" ||
		m.Display != "standalone" || m.ThemeColor != "#005eb8" || m.BackgroundColor != "#ffffff" {
		t.Errorf("manifest fields: %+v", m)
	}
	purposes := map[string]bool{}
	for _, ic := range m.Icons {
		if !strings.HasPrefix(ic.Src, "/web/icons/") {
			t.Errorf("icon %s is not served by the site", ic.Src)
		}
		if r := get(srv, ic.Src); r.code != 200 || r.header.Get("Content-Type") != ic.Type {
			t.Errorf("icon %s: %d %s", ic.Src, r.code, r.header.Get("Content-Type"))
		}
		purposes[ic.Purpose+" "+ic.Sizes] = true
	}
	for _, want := range []string{"any 192x192", "any 512x512", "maskable 512x512"} {
		if !purposes[want] {
			t.Errorf("no %s icon", want)
		}
	}
}

// TestDataOfThisVersionIsImmutable checks that data URLs naming the
// current version are cached for good and others are revalidated.
func TestDataOfThisVersionIsImmutable(t *testing.T) {
	srv := newServer(t, realStore(t))
	for target, want := range map[string]string{
		"/page-data/services/spine.json?v=" + srv.Version(): CacheImmutable,
		"/page-data/services/spine.json?v=old":              cacheRevalidate,
		"/page-data/services/spine.json":                    cacheRevalidate,
		"/search-index/meta.json?v=" + srv.Version():        CacheImmutable,
		"/search-index/meta.json":                           cacheRevalidate,
	} {
		if r := get(srv, target); r.code != 200 || r.header.Get("Cache-Control") != want {
			t.Errorf("%s: %d %q, want %q", target, r.code, r.header.Get("Cache-Control"), want)
		}
	}
}

// The manifest's shortcuts lead to Search, Services and Latest news, and
// its screenshots (a narrow and a wide one) are served at the sizes it
// declares. go-app's app.js no longer hides the browser's offer to
// install; web/pwa.js shows an "Install this site" button instead
// (install.test.mjs).
func TestManifestShortcutsScreenshotsAndInstall(t *testing.T) {
	srv := newServer(t, realStore(t))
	var m struct {
		Shortcuts []struct {
			Name, URL string
			Icons     []struct{ Src string }
		}
		Screenshots []struct {
			Src, Sizes, Type, Label string
			FormFactor              string `json:"form_factor"`
		}
	}
	if err := json.Unmarshal([]byte(get(srv, "/manifest.webmanifest").body), &m); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range m.Shortcuts {
		names = append(names, s.Name)
		if r := get(srv, s.URL); r.code != 200 || len(s.Icons) == 0 {
			t.Errorf("shortcut %s: %s answers %d, %d icons", s.Name, s.URL, r.code, len(s.Icons))
		}
	}
	if strings.Join(names, ", ") != "Search, Services, Latest news" {
		t.Errorf("shortcuts: %v", names)
	}
	forms := map[string]bool{}
	for _, s := range m.Screenshots {
		forms[s.FormFactor] = true
		r := get(srv, s.Src)
		if r.code != 200 || s.Type != "image/png" || s.Label == "" {
			t.Errorf("screenshot %s: %d %s %q", s.Src, r.code, s.Type, s.Label)
			continue
		}
		cfg, err := png.DecodeConfig(strings.NewReader(r.body))
		if err != nil || fmt.Sprintf("%dx%d", cfg.Width, cfg.Height) != s.Sizes {
			t.Errorf("screenshot %s: %dx%d (%v), declared %s", s.Src, cfg.Width, cfg.Height, err, s.Sizes)
		}
	}
	if !forms["narrow"] || !forms["wide"] {
		t.Errorf("screenshots' form factors: %v", forms)
	}
	appJS := get(srv, "/app.js").body
	i := strings.Index(appJS, `"beforeinstallprompt"`)
	if i < 0 || strings.Contains(appJS[i:i+200], "preventDefault") {
		t.Error("app.js still hides the browser's offer to install the site")
	}
	// The WebAssembly is compiled by a worker (its script under a hashed
	// URL), not through go-app's progress pump on the main thread.
	if wasmFetch.MatchString(appJS) || !strings.Contains(appJS, `instantiateStreaming(
      "/web/app.wasm`) || !strings.Contains(appJS, `new Worker("/web/wasm-compile.js?v=`) {
		t.Errorf("app.js does not give the WebAssembly's URL to a worker that compiles it:\n%s", appJS[strings.Index(appJS, "instantiateStreaming"):][:400])
	}
	if !strings.Contains(appJS, "await nhsdQuiet();\n    dispatchEvent(new Event(\"nhsd-client-start\"));\n    go.run(") || !strings.Contains(appJS, "nhsdQuiet().then(goappInitWebAssembly)") {
		t.Error("app.js does not wait for a pause before each step of the client's start, or does not say the client is starting")
	}
}
