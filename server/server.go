//go:build !wasm

// Package server is the HTTP side of the site: it prerenders pages with
// go-app (shell.go), serves page data, assets, feeds and the sitemap, and
// sets status codes, redirects and cache and security headers.
package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/consent"
	"nhsdigital/content/pagetype"
	"nhsdigital/server/store"
)

// Config says what a server serves.
type Config struct {
	Store      *content.Store // validated content
	Web        fs.FS          // static assets (web/)
	StatsToken string         // lets operators read page-view totals from elsewhere than this machine

	// Private serves pages made for one viewer at a time (an editor's
	// preview): none is kept, the site is never exported, nothing is
	// saved on the device (the service worker saves nothing and removes
	// what an earlier one saved), and the search index is built when
	// first needed.
	Private bool

	// Notice, with Private, returns HTML put at the top of every page
	// (what the page is, problems in the content).
	Notice func(store *content.Store, path string) string

	// Scripts are further scripts every page loads (deferred), by URL.
	Scripts []string

	// HSTS, when above zero, is the max-age of Strict-Transport-Security:
	// set it when the site is served over TLS only.
	HSTS time.Duration

	// WriteTimeout is how long a client may take to read each 64 KB of an
	// answer (DefaultWriteTimeout when zero); see pacedWriter.
	WriteTimeout time.Duration

	// Proxies are the trusted proxies in front of the site
	// (-trusted-proxies): see clientAddr.
	Proxies []netip.Prefix

	// ReadyChecks are further conditions of readiness (/readyz), such as
	// a database that must answer.
	ReadyChecks []ReadyCheck

	// AccessLog writes a line for each request (log/slog's default
	// logger); LogAddresses adds the client's address to it.
	AccessLog, LogAddresses bool

	// Metrics, when set, counts requests, renders, the page cache,
	// content loads and page views.
	Metrics *Metrics

	// Static builds the pages for a static copy of the site (Export): the
	// browser records cookie choices itself, since no server answers forms.
	Static bool

	// DB keeps page views, feedback and usefulness answers (server/store).
	DB store.Store

	shared *shared // kept from one content version to the next (see Live)
}

// shared is what a server keeps when its content changes: the static
// assets (loaded and compressed once) and the page-view totals.
type shared struct {
	assets map[string]*asset
	stats  *stats

	feedbackLimit, usefulLimit *limiter

	search atomic.Pointer[searchIndex] // the latest version's, for the next to update
}

// Server answers every request of the site.
type Server struct {
	store   *content.Store
	source  *storeSource
	assets  map[string]*asset // by URL path, /web/... and go-app's own files
	goapp   *app.Handler
	shell   *shell // the document around each page's body
	version string

	mu        sync.RWMutex
	pages     map[string]*page         // prerendered pages by path and consent state (no query)
	pageBytes int                      // bytes held in pages, with their gzip copies
	rendering map[string]chan struct{} // pages being rendered now, closed when done
	renders   atomic.Int64             // go-app renders so far

	search *searchIndex

	stats       *stats
	statsToken  string
	private     bool
	notice      func(store *content.Store, path string) string
	extraJS     []string
	static      bool
	security    [][2]string // SecurityHeaders
	writeTime   time.Duration
	crossOrigin *http.CrossOriginProtection
	proxies     []netip.Prefix
	metrics     *Metrics
	shared      *shared

	db                         store.Store
	feedbackLimit, usefulLimit *limiter

	generated func() map[string]*asset // feeds, sitemap, robots.txt: made when first asked for
	dataMu    sync.Mutex
	data      map[string]*asset // page data by path, made on first request
	dataBytes int               // bytes held in data, with their compressed copies
}

// page is a prerendered page kept in memory.
type page struct {
	status int
	asset  *asset
	// personal: the page shows the visitor's own consent record (the
	// cookie page's choices, its id and time, or the confirmation of a
	// choice just made), which neither its URL nor its ETag covers.
	personal bool
}

// MaxURLLength bounds the request target; longer ones get 414.
const MaxURLLength = 2048

// Assets that go-app generates and we serve from memory.
var goappFiles = []string{"/app.js", "/wasm_exec.js", "/app.css"}

// consentScript is the consent codec (content/consent/consent.js), the
// only script that reads or writes the consent cookie in a page.
const consentScript = "/web/consent.js"

// workerPath is the service worker's script. Browsers look for a new
// version of it on their own, so it is never cached.
const workerPath = "/app-worker.js"

// New builds a server. It fails when an asset the pages need is missing.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil {
		return nil, errors.New("server: no content store")
	}
	sh := cfg.shared
	if sh == nil {
		loaded, warnings, err := loadAssets(cfg.Web)
		if err != nil {
			return nil, fmt.Errorf("server: reading web assets: %w", err)
		}
		for _, w := range warnings {
			log.Print(w)
		}
		sh = &shared{assets: loaded, stats: newStats(), feedbackLimit: newLimiter(feedbackPerClient, 10*time.Minute), usefulLimit: newLimiter(usefulPerClient, 10*time.Minute)}
	}
	// This server adds its own generated files: copy the map.
	assets := make(map[string]*asset, len(sh.assets)+8)
	for k, v := range sh.assets {
		assets[k] = v
	}
	for _, need := range []string{"/web/site.css", "/web/nojs.css", "/web/icons/icon-192.png", "/web/icons/icon-512.png", "/web/icons/maskable-512.png", "/web/icons/icon.svg", shareImage, appleTouchIcon, favicon, "/web/pwa.js", "/web/static.js", "/web/static-nojs.css", compileWorker} {
		if assets[need] == nil {
			return nil, fmt.Errorf("server: web asset %s is missing", need)
		}
	}
	s := &Server{store: cfg.Store, assets: assets, pages: map[string]*page{}, rendering: map[string]chan struct{}{}, stats: sh.stats, statsToken: cfg.StatsToken,
		private: cfg.Private, notice: cfg.Notice, extraJS: cfg.Scripts, static: cfg.Static, security: SecurityHeaders(cfg.HSTS), shared: sh, writeTime: cfg.WriteTimeout, proxies: cfg.Proxies, metrics: cfg.Metrics}
	if s.writeTime <= 0 {
		s.writeTime = DefaultWriteTimeout
	}
	s.crossOrigin = crossOriginProtection(cfg.Store.Origin())
	s.db, s.feedbackLimit, s.usefulLimit = cfg.DB, sh.feedbackLimit, sh.usefulLimit
	if cfg.Store.First() {
		// Never begun: a first store's pages are their front matter, and
		// its server answers no search (Live.ServeFirst).
		s.search = buildSearch(cfg.Store, true, cfg.Static, nil)
	} else {
		s.search = buildSearch(cfg.Store, cfg.Private, cfg.Static, sh.search.Load())
		sh.search.Store(s.search)
	}
	s.source = newStoreSource(cfg.Store)
	s.source.search = s.search
	s.generated = sync.OnceValue(func() map[string]*asset { return machineReadable(cfg.Store) })
	s.data = map[string]*asset{}

	// The consent cookie's codec for the page's scripts, configured from
	// the Go categories and this content's policy version.
	s.assets[consentScript] = newAsset("consent.js", []byte(consent.Script(s.policy())), "")
	// The page's script, with the site's words for its notices.
	s.assets["/web/pwa.js"] = newAsset("pwa.js", pageScript(assets["/web/pwa.js"].plain(), s.words()), "")

	// The version covers everything a visitor gets: content and assets.
	h := sha256.New()
	h.Write([]byte(cfg.Store.Version))
	for _, n := range slices.Sorted(maps.Keys(assets)) {
		h.Write([]byte(n + assets[n].hash))
	}
	s.version = hex.EncodeToString(h.Sum(nil))[:20]
	s.goapp = s.newGoappHandler()

	// go-app's generated files are the same for every request: keep them.
	for _, p := range goappFiles {
		rec := httptest.NewRecorder()
		s.goapp.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		if rec.Code != http.StatusOK {
			return nil, fmt.Errorf("server: go-app file %s answered %d", p, rec.Code)
		}
		body := rec.Body.Bytes()
		if p == "/app.js" {
			var err error
			if body, err = startOnInteraction(body, s.versioned(compileWorker)); err != nil {
				return nil, err
			}
		}
		s.assets[p] = newAsset(p, body, rec.Header().Get("Content-Type"))
	}
	// Browsers and crawlers ask for /favicon.ico whatever the page says.
	s.assets["/favicon.ico"] = s.assets[favicon]
	// Our own manifest and service worker replace go-app's. The worker
	// names the manifest's URL, so the manifest comes first.
	s.assets["/manifest.webmanifest"] = newAsset("manifest.webmanifest", s.manifest(), "application/manifest+json")
	s.assets[workerPath] = newAsset("app-worker.js", s.workerScript(), "text/javascript; charset=utf-8")
	if s.private {
		s.assets[workerPath] = newAsset("app-worker.js", []byte(privateWorker), "text/javascript; charset=utf-8")
	}
	// Last: the shell's head names the assets by their versions.
	var err error
	if s.shell, err = s.newShell(); err != nil {
		return nil, err
	}
	return s, nil
}

// startOnInteraction changes go-app's app.js to start the WebAssembly when
// the visitor first reaches for the page (a key, a touch, the pointer, the
// wheel, focus) instead of at once, and then only in a pause: once no key,
// tap, click or scroll has come for quietFor. The prerendered page is whole and
// works without the app (links, forms, the cookie banner, the Menu, the
// catalogue's filter), and starting the app holds the main thread in a
// few long tasks (about 1.3 s of a slow phone's main thread in all):
// starting it at load would make the page slow to answer the first tap,
// and starting it while the visitor types would hold up their keys. Each
// step of the start waits for a pause again (nhsdQuiet: before Go runs,
// and before the client replaces the page). What was typed or focused
// before it starts is carried over (client/takeover.go). A visitor who
// asks to save data (navigator.connection.saveData) never gets the
// client, nor the service worker unless they chose offline reading.
func startOnInteraction(appJS []byte, compileURL string) ([]byte, error) {
	const call = "\ngoappInitWebAssembly();\n"
	if !bytes.Contains(appJS, []byte(call)) {
		return nil, errors.New("server: go-app's app.js no longer starts the WebAssembly with goappInitWebAssembly(); update startOnInteraction")
	}
	starter := `
(function () {
  // A visitor who asks to save data (Save-Data) gets the page alone: the
  // client only makes it quicker to use, and the page works without it.
  if (navigator.connection && navigator.connection.saveData) return;
  const events = ["keydown", "pointerdown", "pointermove", "touchstart", "wheel", "focusin"];
  // What the visitor does (not where the pointer rests) puts the start
  // off: a key, a tap, a click, text going in, scrolling (a tap often
  // follows it).
  const busy = ["keydown", "pointerdown", "touchstart", "input", "wheel", "scroll"];
  let last = performance.now();
  busy.forEach(function (e) { addEventListener(e, function () { last = performance.now(); }, { capture: true, passive: true }); });
  // nhsdQuiet resolves once nothing has come for ` + quietFor + ` ms, in
  // an idle moment of the browser. The idle moment can come after the
  // visitor began again (a click and keys are handled before any idle
  // time), so the pause is looked at again then.
  self.nhsdQuiet = function () {
    return new Promise(function (resolve) {
      const wait = function () {
        const left = last + ` + quietFor + ` - performance.now();
        if (left > 0) return setTimeout(wait, left);
        const idle = function () {
          if (last + ` + quietFor + ` > performance.now()) wait();
          else resolve();
        };
        if (self.requestIdleCallback) requestIdleCallback(idle, { timeout: 1000 });
        else setTimeout(idle, 0);
      };
      wait();
    });
  };
  const start = function () {
    events.forEach(function (e) { removeEventListener(e, start, true); });
    nhsdQuiet().then(goappInitWebAssembly);
  };
  events.forEach(function (e) { addEventListener(e, start, { capture: true, passive: true }); });
})();
`
	appJS = bytes.Replace(appJS, []byte(call), []byte("\n"+starter), 1)
	// The service worker's install saves the app shell, the WebAssembly
	// included. It is registered once the page has loaded, in the
	// visitor's first pause (nhsdQuiet): registering takes about 17 ms of
	// a slow phone's main thread, which would hold up a first key or tap
	// just after the load (the home page's first Tab, measured). Under
	// Save-Data (no nhsdQuiet: no client) it is registered at the load,
	// and only for a visitor who chose offline reading.
	const register = "\ngoappInitServiceWorker();\n"
	if !bytes.Contains(appJS, []byte(register)) {
		return nil, errors.New("server: go-app's app.js no longer registers its service worker with goappInitServiceWorker(); update startOnInteraction")
	}
	appJS = bytes.Replace(appJS, []byte(register), []byte(`
(function () {
  const register = function () {
    if (navigator.connection && navigator.connection.saveData) {
      const c = self.nhsdConsent, v = c ? c.find(document.cookie) : null;
      if (v === null || !c.allows(c.parse(v), "`+consent.Offline+`")) return;
    }
    goappInitServiceWorker();
  };
  const later = function () { (self.nhsdQuiet ? nhsdQuiet() : Promise.resolve()).then(register); };
  if (document.readyState === "complete") later();
  else addEventListener("load", later, { once: true });
})();
`), 1)
	// go-app hides the browser's offer to install the site and shows
	// nothing instead; web/pwa.js shows an "Install this site" button, and
	// the browser's own offer stays.
	const hidden = "e.preventDefault();\n    deferredPrompt = e;"
	if !bytes.Contains(appJS, []byte(hidden)) {
		return nil, errors.New("server: go-app's app.js no longer handles beforeinstallprompt as expected; update startOnInteraction")
	}
	appJS = bytes.Replace(appJS, []byte(hidden), []byte("deferredPrompt = e;"), 1)
	// go-app pumps the WebAssembly's bytes through a JavaScript stream to
	// show a progress label nobody sees here (the page is whole before the
	// client runs). The pump runs on the main thread, chunk by chunk (about
	// 200 ms of a slow phone's main thread for this client), and keeps the
	// browser from compiling the bytes as they arrive off it. The browser's
	// own response streams them to the compiler.
	if !wasmFetch.Match(appJS) {
		return nil, errors.New("server: go-app's app.js no longer fetches the WebAssembly with fetchWithProgress(url, showProgress); update startOnInteraction")
	}
	appJS = wasmFetch.ReplaceAll(appJS, []byte("$1"))
	// Compiling as the bytes stream in reads them on the main thread:
	// tasks of 50 to 270 ms on the project's machine at full speed, one
	// after another, in which a key or tap waits. A worker compiles the
	// module (web/wasm-compile.js) and posts it to the page, which only
	// instantiates it (about 20 ms); where the worker cannot, the page
	// compiles it itself.
	const streaming = "let instantiateStreaming = WebAssembly.instantiateStreaming;"
	if !bytes.Contains(appJS, []byte(streaming)) {
		return nil, errors.New("server: go-app's app.js no longer compiles the WebAssembly with WebAssembly.instantiateStreaming; update startOnInteraction")
	}
	appJS = bytes.Replace(appJS, []byte(streaming), []byte(`let instantiateStreaming = async function (url, imports) {
    let module = await new Promise(function (resolve) {
      let worker;
      try {
        worker = new Worker(`+strconv.Quote(compileURL)+`);
      } catch (err) {
        return resolve(null);
      }
      worker.onmessage = function (e) { worker.terminate(); resolve(e.data instanceof WebAssembly.Module ? e.data : null); };
      worker.onerror = function () { worker.terminate(); resolve(null); };
      worker.postMessage(new URL(url, location.href).href);
    });
    if (!module) {
      module = WebAssembly.compileStreaming
        ? await WebAssembly.compileStreaming(fetch(url))
        : await WebAssembly.compile(await (await fetch(url)).arrayBuffer());
    }
    return { instance: await WebAssembly.instantiate(module, imports) };
  };`), 1)
	// The compiled module is ready in the task that finishes reading it:
	// start Go in a pause of its own, so that keys pressed in between are
	// answered first.
	const run = "\n    go.run(wasm.instance);\n"
	if !bytes.Contains(appJS, []byte(run)) {
		return nil, errors.New("server: go-app's app.js no longer starts Go with go.run(wasm.instance); update startOnInteraction")
	}
	// The page's script hears that the client is about to start
	// (nhsd-client-start): it writes the filters typed into the
	// catalogue's box to the address, where the client reads them.
	return bytes.Replace(appJS, []byte(run), []byte("\n    await nhsdQuiet();\n    dispatchEvent(new Event(\"nhsd-client-start\"));"+run), 1), nil
}

// compileWorker is the script that compiles the client's WebAssembly off
// the page's main thread (see startOnInteraction).
const compileWorker = "/web/wasm-compile.js"

// quietFor is how long, in milliseconds, the visitor must leave the page
// alone before each step of the client's start: longer than the gap
// between keys of someone typing.
const quietFor = "1000"

// wasmFetch finds go-app's fetch of the WebAssembly, whose progress
// stream startOnInteraction takes out.
var wasmFetch = regexp.MustCompile(`fetchWithProgress\(("[^"]+"), showProgress\)`)

// pageTag is the ETag of the page at url: it changes when the server's code,
// the content, the assets or the URL change, and only then.
func (s *Server) pageTag(url string) string {
	sum := sha256.Sum256([]byte(codeHash + "\x00" + s.version + "\x00" + url))
	return hex.EncodeToString(sum[:])[:20]
}

// codeHash identifies the running build, so that new code means new ETags:
// a hash of its build information (the Go version, every module's version,
// the VCS revision and the flags, which carry the revision the Makefile
// sets). Servers of one build share their ETags. A build from a modified
// tree, or with no revision, can differ from another with the same
// information, so it counts as new code at every start.
var codeHash = func() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return startTime.String()
	}
	info := bi.String()
	if strings.Contains(info, "+modified") || strings.Contains(info, "vcs.modified=true") ||
		!strings.Contains(info, "vcs.revision=") && !knownRevision.MatchString(info) {
		info += startTime.String()
	}
	sum := sha256.Sum256([]byte(info))
	return hex.EncodeToString(sum[:])
}()

// knownRevision finds the revision the Makefile and the Dockerfile pass
// with -ldflags when the toolchain cannot embed it.
var knownRevision = regexp.MustCompile(`buildRevision=[0-9a-f]{40}\b`)

// Store returns the content this server serves.
func (s *Server) Store() *content.Store { return s.store }

// SiteData is the site data the client gets (/page-data/site.json): the
// site's name, navigation, footer, words and the empty feedback form.
func (s *Server) SiteData() gjson.Result { return s.source.site }

// Version identifies this build of the site (content and assets).
func (s *Server) Version() string { return s.version }

// versioned returns an asset's URL with its content hash, for immutable caching.
func (s *Server) versioned(p string) string {
	if a, ok := s.assets[p]; ok {
		return p + "?v=" + a.hash
	}
	return p
}

type resolver struct{ s *Server }

// Resolve is called by go-app's server renderer for every URL it writes
// into an attribute (href, src, og:url, the canonical link). It adds the
// version to asset URLs and percent-encodes what HTML would read as the
// end of the attribute or of the tag, since go-app quotes attribute
// values with strconv.Quote, which is not HTML escaping: a request path
// such as /x"><meta ...> reaches og:url.
func (r resolver) Resolve(location string) string {
	if location == "" || location == "/" {
		return "/"
	}
	return urlAttr(r.s.versioned(location))
}

// urlAttr percent-encodes the bytes of a URL that are unsafe in a quoted
// HTML attribute or mangled by strconv.Quote: quotes, angle brackets,
// backslashes, spaces, controls and non-ASCII bytes. Character references
// made by components.AttrValue (&quot;, &#233;) pass unchanged.
func urlAttr(u string) string {
	safe := true
	for i := 0; i < len(u); i++ {
		if unsafeInURLAttr(u[i]) {
			safe = false
			break
		}
	}
	if safe {
		return u
	}
	const hex = "0123456789ABCDEF"
	b := make([]byte, 0, len(u)+16)
	for i := 0; i < len(u); i++ {
		c := u[i]
		if unsafeInURLAttr(c) {
			b = append(b, '%', hex[c>>4], hex[c&15])
			continue
		}
		b = append(b, c)
	}
	return string(b)
}

func unsafeInURLAttr(c byte) bool {
	return c <= ' ' || c >= 0x7f || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`'
}

func (s *Server) newGoappHandler() *app.Handler {
	site := s.store.Site()
	origin, _ := url.Parse(s.store.Origin())
	domain := ""
	if origin != nil {
		domain = origin.Host
	}
	name := site.Get("name").String()
	return &app.Handler{
		Name:            name,
		Author:          components.AttrValue(name), // an attribute: see components.AttrValue
		ShortName:       name,
		Title:           name,
		Description:     site.Get("description").String(),
		Lang:            "en-GB",
		Domain:          domain,
		Version:         s.version,
		ThemeColor:      themeColor,
		BackgroundColor: backgroundColor,
		LoadingLabel:    " ",
		Resources:       resolver{s},
		Icon: app.Icon{
			Default:  s.versioned("/web/icons/icon-192.png"),
			Large:    s.versioned("/web/icons/icon-512.png"),
			Maskable: s.versioned("/web/icons/maskable-512.png"),
			// go-app links the page's icon to this one. A browser reads
			// an SVG icon as a document of its own on the page's main
			// thread: 50–100 ms of a slow phone's as the page loads,
			// measured. The ICO is decoded as an image; the manifest
			// keeps the SVG for installs (pwa.go).
			SVG: s.versioned(favicon),
		},
		Image:   "/web/icons/icon-512.png",
		Styles:  []string{s.versioned("/web/site.css")},
		Scripts: s.scripts(),
		// The server serves its own worker (pwa.go); go-app's is unused.
		ServiceWorkerTemplate: "// unused\n",
		RawHeaders:            s.rawHeaders(name),
	}
}

// rawHeaders are the page head's extra elements: the page's own script
// (web/pwa.js: page views, the offline and update notices) after the
// consent codec it reads the cookie with. A static copy adds the script
// that records cookie choices in the browser, and without JavaScript hides
// the forms no server would answer.
func (s *Server) rawHeaders(name string) []string {
	out := []string{
		`<meta property="og:site_name" content="` + htmlEscape(name) + `">`,
		`<noscript><link rel="stylesheet" href="` + s.versioned("/web/nojs.css") + `"></noscript>`,
		`<script defer src="` + s.versioned(consentScript) + `"></script>`,
		`<script defer src="` + s.versioned("/web/pwa.js") + `"></script>`,
	}
	// Feed autodiscovery: browsers and feed readers find the feeds from any page.
	for _, f := range siteFeeds(s.store) {
		out = append(out, `<link rel="alternate" type="application/rss+xml" title="`+htmlEscape(f.Title)+`" href="`+f.Path+`">`)
	}
	if s.static {
		out = append(out,
			`<script defer src="`+s.versioned("/web/static.js")+`"></script>`,
			`<noscript><link rel="stylesheet" href="`+s.versioned("/web/static-nojs.css")+`"></noscript>`)
	}
	return out
}

// scripts are go-app's extra scripts: Config.Scripts.
func (s *Server) scripts() []string {
	var out []string
	for _, src := range s.extraJS {
		out = append(out, s.versioned(src)+" defer")
	}
	return out
}

func htmlEscape(s string) string { return htmlEscaper.Replace(s) }

// htmlEscaper is made once: a Replacer builds its tables on first use,
// and pages call htmlEscape a dozen times each.
var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// DefaultWriteTimeout is how long a client may take to read each 64 KB of
// an answer when Config.WriteTimeout is not set.
const DefaultWriteTimeout = 30 * time.Second

// ServeHTTP routes a request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	SetSecurityHeaders(w.Header(), s.security)
	if len(r.RequestURI) > MaxURLLength {
		http.Error(w, "The address is too long.", http.StatusRequestURITooLong)
		return
	}
	// RawPath is set only when the path was written with escapes that
	// decoding loses, as %2F is; a backslash or NUL shows in Path itself.
	if strings.ContainsAny(r.URL.Path, "\\\x00") || r.URL.RawPath != "" && strings.Contains(strings.ToUpper(r.URL.RawPath), "%2F") {
		http.Error(w, "Addresses on this site do not use encoded slashes, backslashes or null characters.", http.StatusBadRequest)
		return
	}
	rt := routeFor(r.URL.Path, r.Method)
	if rt.form {
		// Forms read a body: net/http must see its own writer to close
		// the connection when a body is too large (http.MaxBytesReader).
		rt.serve(s, rt, w, r)
		return
	}
	// Answers from here on may be large.
	w = newPacedWriter(w, s.writeTime)
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "This site only answers GET and HEAD requests.", http.StatusMethodNotAllowed)
		return
	}
	rt.serve(s, rt, w, r)
}

// ContentSecurityPolicy allows the site's own scripts, styles, images,
// fonts and connections only; the one relaxation is compiling the
// WebAssembly. Videos come from YouTube's privacy-enhanced host.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
	"frame-src https://www.youtube-nocookie.com; " +
	"object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders are sent with every answer, and written into a static
// copy's host configuration. hsts > 0 adds Strict-Transport-Security, for
// sites served over TLS only.
func SecurityHeaders(hsts time.Duration) [][2]string {
	out := [][2]string{
		{"Content-Security-Policy", ContentSecurityPolicy},
		{"X-Content-Type-Options", "nosniff"},
		{"Referrer-Policy", "strict-origin-when-cross-origin"},
		{"Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"},
		{"Cross-Origin-Opener-Policy", "same-origin"},
		{"X-Frame-Options", "DENY"},
	}
	if hsts > 0 {
		out = append(out, [2]string{"Strict-Transport-Security", "max-age=" + strconv.FormatInt(int64(hsts/time.Second), 10) + "; includeSubDomains"})
	}
	return out
}

// SetSecurityHeaders sets headers (SecurityHeaders) on an answer.
func SetSecurityHeaders(h http.Header, headers [][2]string) {
	for _, kv := range headers {
		h[kv[0]] = []string{kv[1]}
	}
}

func (s *Server) serveAsset(rt *route, w http.ResponseWriter, r *http.Request) {
	a, ok := s.assets[r.URL.Path]
	if !ok {
		s.notFoundText(w, "No such file.")
		return
	}
	a.serve(w, r, s.cacheControl(rt, r, a.hash))
}

func (s *Server) notFoundText(w http.ResponseWriter, msg string) {
	w.Header().Set("Cache-Control", "no-cache")
	http.Error(w, msg, http.StatusNotFound)
}

// servePage answers a page path: a redirect for old and oddly written
// paths, else the prerendered page with 200, or the not-found page with 404.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	if s.serveLegacy(w, r) {
		return
	}
	p := r.URL.Path
	if target, ok := s.redirectFor(p); ok {
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	}
	pg := s.render(r)
	h := w.Header()
	h.Set("Vary", "Accept-Encoding, Cookie")
	if pg.status != http.StatusOK || pg.personal {
		// Serve the body, but with the real status and no conditional
		// answer; a personal page is kept by no cache at all, and no
		// ETag could tell one record's page from another's.
		if pg.personal {
			h.Set("Cache-Control", "private, no-store")
		} else {
			h.Set("Cache-Control", "no-cache")
		}
		h.Set("Content-Type", pg.asset.contentType)
		body := pg.asset.encoded(h, r.Header.Get("Accept-Encoding"))
		h.Set("Content-Length", fmt.Sprint(len(body)))
		w.WriteHeader(pg.status)
		if r.Method != http.MethodHead {
			w.Write(body)
		}
		return
	}
	pg.asset.serve(w, r, cacheRevalidate)
}

// redirectFor returns where an old or non-canonical path goes: an old
// address to its page; "/a/b/", "/a//b", "/a/./b", "/a/../b" and a path
// written in another case (or both, "/A/B/") to the page or old address
// it spells.
func (s *Server) redirectFor(p string) (string, bool) {
	if to, ok := s.store.Alias(p); ok {
		return to, true
	}
	clean := path.Clean(p)
	for _, c := range []string{clean, strings.ToLower(clean)} {
		if c == p {
			continue
		}
		if _, ok := s.store.Doc(c); ok {
			return c, true
		}
		if to, ok := s.store.Alias(c); ok {
			return to, true
		}
	}
	return "", false
}

// render returns the prerendered page for the request, from memory when it
// has no query.
func (s *Server) render(r *http.Request) *page {
	// The page differs with the visitor's consent where it shows the banner
	// (no choice yet), embedded media (allowed or not) and the cookie page
	// (the record itself, never cached): one render for each such state,
	// never one visitor's page for another.
	record := s.consentOf(r)
	state := "none"
	if record != nil {
		state = "media-off"
		if record.Allows(consent.Media) {
			state = "media-on"
		}
	}
	key := r.URL.Path + "|" + state
	// Unknown paths are not kept: the not-found page names the path, and
	// made-up paths must not fill the cache.
	_, known := s.store.Doc(r.URL.Path)
	personal := record != nil && (r.URL.Path == pagetype.CookiesPath || r.URL.Query().Has("consent") || r.URL.Query().Has("saved"))
	cacheable := known && r.URL.RawQuery == "" && !personal && !s.private
	if !cacheable {
		pg := s.renderNow(r, key, record, false)
		pg.personal = personal
		return pg
	}
	s.mu.RLock()
	pg, ok := s.pages[key]
	s.mu.RUnlock()
	if ok {
		s.metrics.cached(true, false, 0)
		return pg
	}
	// One render a page and consent state: requests that arrive while it
	// renders wait for it instead of rendering it again.
	s.mu.Lock()
	if pg, ok := s.pages[key]; ok {
		s.mu.Unlock()
		return pg
	}
	if wait, ok := s.rendering[key]; ok {
		s.mu.Unlock()
		<-wait
		s.mu.RLock()
		pg, ok := s.pages[key]
		s.mu.RUnlock()
		if ok {
			return pg
		}
		return s.renderNow(r, key, record, true)
	}
	done := make(chan struct{})
	s.rendering[key] = done
	// The static copy asks for each page once: nothing is kept. A full
	// cache keeps nothing more: the page is made as for one answer
	// (compressed fast, once), not as one kept for many.
	room := !s.static && len(s.pages) < maxCachedPages && s.pageBytes < maxCachedPageBytes
	s.mu.Unlock()
	pg = s.renderNow(r, key, record, room)
	size := 0
	if room {
		size = pg.asset.packForKeeping()
	}
	s.mu.Lock()
	kept := room && len(s.pages) < maxCachedPages && s.pageBytes+size <= maxCachedPageBytes
	if room && !kept {
		pg.asset.brScheduled.Store(true) // no brotli copy made later for a page let go
	}
	if kept {
		s.pages[key] = pg
		s.pageBytes += size
	}
	s.metrics.cached(false, kept, size)
	delete(s.rendering, key)
	s.mu.Unlock()
	close(done)
	return pg
}

// keptAsset is a page or page data kept in memory, compressed at the best
// level for the many answers to come (by the first that takes gzip, or as
// it is kept: pack); a server built for the static copy compresses at the
// default level, and nothing until asked (the export makes its copies).
func (s *Server) keptAsset(name string, body []byte, contentType string) *asset {
	if s.static {
		return newLazyAsset(name, body, contentType)
	}
	return newAsset(name, body, contentType)
}

// notFoundPath is the path of the content's not-found page.
func (s *Server) notFoundPath() string {
	if docs := s.store.OfType(content.TypeNotFound); len(docs) > 0 {
		return docs[0].Path
	}
	return pagetype.NotFoundPath
}

// maxCachedPages and maxCachedPageBytes bound the page cache (about 40 KB
// a page with its gzip copy): once either is reached, other pages are
// rendered on each request.
const (
	maxCachedPages     = 10000
	maxCachedPageBytes = 64 << 20
)

// maxCachedDataBytes bounds the page data kept in memory with its
// compressed copies (about 12 KB a page at the original site's scale);
// other pages' data is made on each request.
const maxCachedDataBytes = 32 << 20

// renderSlots bounds the renders made at once, in every server of the
// process.
var renderSlots = make(chan struct{}, 2*runtime.GOMAXPROCS(0))

// renderNow renders the page for the request (shell.page). A page that is
// kept is compressed at the best level; one made for a single answer (a
// search, an unknown path) at a fast one.
func (s *Server) renderNow(r *http.Request, key string, record *consent.Record, keep bool) *page {
	// Rendering and compressing take a core each: more at once than
	// there are cores only adds memory (at 256 connections over 20,000
	// pages, hundreds of renders and compressors in flight took RSS past
	// 1.2 GB), so they take turns.
	renderSlots <- struct{}{}
	defer func() { <-renderSlots }()
	s.renders.Add(1)
	s.metrics.rendered()
	status := http.StatusOK
	in := &components.Page{Source: s.source, Path: r.URL.Path, Query: r.URL.RawQuery, Consent: record}
	if d, ok := s.store.Doc(r.URL.Path); !ok || d.Type == content.TypeNotFound {
		status = http.StatusNotFound
		// go-app never sees a path that is not a page: it answers some
		// itself (/app.wasm, /manifest.json, /goapp.js, /<version>/…) and
		// writes the path into og:url. The not-found page is rendered at
		// its own path and told which path was asked for.
		in.Path, in.Query, in.Missing = s.notFoundPath(), "", r.URL.Path
	}
	in.View = gjson.ParseBytes(s.source.viewJSON(in.Path))
	title, description := components.Head(in.View, s.source.site, in.Query)
	body := withMarkers(s.shell.page(s, in), html.EscapeString(title), html.EscapeString(description))
	body = s.withHead(body, in.View, r, status)
	if s.notice != nil {
		body = withNotice(body, s.notice(s.store, r.URL.Path))
	}
	var pg *page
	if keep {
		pg = &page{status: status, asset: s.keptAsset("page.html", body, "text/html; charset=utf-8")}
	} else {
		pg = &page{status: status, asset: newAssetOnce(body, "text/html; charset=utf-8")}
	}
	// go-app writes attributes in map order, so the bytes of two renders of
	// one page can differ. The ETag is made from what decides the page
	// instead: the code, the content and assets, and the URL.
	pg.asset.hash = s.pageTag(key + "?" + r.URL.RawQuery)
	return pg
}

// The markers a server render writes (components.TitleMarker and the
// others), as withMarkers finds them.
var (
	titleMarker       = newMarker(components.TitleMarker)
	descriptionMarker = newMarker(components.DescriptionMarker)
	trueAttr          = newMarker(`="` + components.TrueMarker + `"`)
)

// A marker is found by its anchor, the part from its first digit on: a
// page holds "nhsd-" and `="` hundreds of times, which bytes.Index
// would stop at, but few digits.
type marker struct {
	text   []byte
	anchor int // where the anchor begins in text
}

func newMarker(s string) marker {
	return marker{text: []byte(s), anchor: max(0, strings.IndexAny(s, "0123456789"))}
}

// index returns where m is first in b at or after from, or -1.
func (m marker) index(b []byte, from int) int {
	anchor := m.text[m.anchor:]
	for i := from + m.anchor; i <= len(b); {
		j := bytes.Index(b[i:], anchor)
		if j < 0 {
			return -1
		}
		if at := i + j - m.anchor; bytes.Equal(b[at:at+len(m.text)], m.text) {
			return at
		}
		i += j + 1
	}
	return -1
}

// withMarkers returns a rendered page with its title and description
// (escaped) in place of their markers, and "true" in place of
// components.TrueMarker's attribute values: what replacing each in turn
// over the whole page makes (bytes.ReplaceAll, three times), in one pass.
// The two differ only when a replacement makes a later marker, with the
// page around it or by itself (a title that holds a marker): the one-pass
// page then still holds a marker, and is made again the other way. (No
// marker overlaps itself or another, so a marker made that way is there
// in both, and replacing them in turn misses none.)
func withMarkers(page []byte, title, description string) []byte {
	out := make([]byte, 0, len(page)+4*(len(title)+len(description)))
	last := 0
	next := [3]int{-2, -2, -2} // where each marker is next found; -2: not looked for yet, -1: none
	markers := [3]marker{titleMarker, descriptionMarker, trueAttr}
	with := [3][]byte{[]byte(title), []byte(description), []byte(`="true"`)}
	for {
		first := -1
		for m := range markers {
			if next[m] == -2 || next[m] >= 0 && next[m] < last {
				next[m] = markers[m].index(page, last)
			}
			if next[m] >= 0 && (first < 0 || next[m] < next[first]) {
				first = m
			}
		}
		if first < 0 {
			break
		}
		out = append(out, page[last:next[first]]...)
		out = append(out, with[first]...)
		last = next[first] + len(markers[first].text)
	}
	out = append(out, page[last:]...)
	if descriptionMarker.index(out, 0) >= 0 || trueAttr.index(out, 0) >= 0 {
		out = bytes.ReplaceAll(page, titleMarker.text, []byte(title))
		out = bytes.ReplaceAll(out, descriptionMarker.text, []byte(description))
		out = bytes.ReplaceAll(out, trueAttr.text, []byte(`="true"`))
	}
	return out
}

var appOpenTag = regexp.MustCompile(`<div[^>]*\bid="nhsd-app"[^>]*>`)

// withNotice puts a notice (Config.Notice) at the top of a rendered page.
func withNotice(page []byte, notice string) []byte {
	loc := appOpenTag.FindIndex(page)
	if loc == nil {
		return page
	}
	var out bytes.Buffer
	out.Write(page[:loc[1]])
	out.WriteString(notice)
	out.Write(page[loc[1]:])
	return out.Bytes()
}
