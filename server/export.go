//go:build !wasm

package server

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/words"
)

// Export writes the published site into dir as files any static host can
// serve (a CDN, nginx, python3 -m http.server):
//
//   - every published page as <path>/index.html (the home page as
//     index.html), prerendered, and 404.html, the not-found page;
//   - page data, the search index, feeds, sitemap and robots.txt;
//   - gzip copies (.gz), and the brotli copies (.br) made at build time,
//     of the files that are few and large (assets, search shards, feeds,
//     sitemap), for hosts that serve precompressed files; the files that
//     come one a page (pages, page data, search fragments), tens of
//     thousands at the original site's scale, have none: the host or CDN
//     compresses them as it sends them (_nginx.conf turns gzip on);
//   - for each alias, a page that forwards to its new address, and the
//     same redirects as rules in _redirects (Netlify, Cloudflare Pages);
//   - the security and cache headers as rules in _headers, and an nginx
//     server block in _nginx.conf that serves the folder as the server would.
//
// The server must be built with Config.Static, so that the browser records
// cookie choices itself. Every file comes from the server's own answer to
// the same URL: the copy and the server send the same bytes. Drafts and
// scheduled items are not in a production store, so never in the copy.
func Export(s *Server, dir string) (files int, err error) {
	return export(s, dir, writeFile)
}

// writeFile writes one file of the copy.
func writeFile(name string, body []byte) error {
	return os.WriteFile(name, body, 0o644)
}

// export is Export with the function that writes each file (tests make
// it fail). The copy is made in a new folder beside dir, flushed to the
// disk and renamed to dir at the end: a failed export, a full disk
// included, leaves nothing, and a finished one is never seen half made.
func export(s *Server, dir string, writeFile func(name string, body []byte) error) (files int, err error) {
	if !s.static {
		return 0, errors.New("export: the server was not built for a static copy (Config.Static)")
	}
	if s.private {
		return 0, errors.New("export: a private site (a preview) is never exported")
	}
	dir, err = filepath.Abs(dir)
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	// An existing folder must be empty; it is replaced, keeping its
	// permissions.
	mode := os.FileMode(0o755)
	existing, err := os.Stat(dir)
	switch {
	case err == nil && !existing.IsDir():
		return 0, fmt.Errorf("export: %s is not a folder", dir)
	case err == nil:
		if entries, err := os.ReadDir(dir); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		} else if len(entries) > 0 {
			return 0, fmt.Errorf("export: %s is not empty: remove it first, or name a new folder", dir)
		}
		mode = existing.Mode().Perm()
	case !errors.Is(err, fs.ErrNotExist):
		return 0, fmt.Errorf("export: %w", err)
	}
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".export-")
	if err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	done := false
	defer func() {
		if !done {
			os.RemoveAll(tmp)
		}
	}()
	files, err = writeSite(s, tmp, writeFile)
	if err != nil {
		return 0, fmt.Errorf("%w (nothing was written to %s)", err, dir)
	}
	if err := syncTree(tmp); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if err := os.Chmod(tmp, mode); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	if existing != nil {
		// os.Rename does not replace a folder, even an empty one. If the
		// folder is no longer empty, Remove fails and it stays as it is.
		if err := os.Remove(dir); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if existing != nil {
			os.Mkdir(dir, mode)
		}
		return 0, fmt.Errorf("export: %w", err)
	}
	done = true
	if err := syncPath(parent); err != nil {
		return 0, fmt.Errorf("export: %w", err)
	}
	return files, nil
}

// writeSite writes the copy into dir. Every core takes its share of all
// of it: the few files that take long (the assets, compressed at the
// best level; the feeds and sitemap, made here) come first, beside the
// first pages rather than after the last; the search index, built in the
// background meanwhile, comes after the pages.
func writeSite(s *Server, dir string, writeFile func(name string, body []byte) error) (int, error) {
	w := &exporter{s: s, dir: dir, writeFile: writeFile}
	w.startFlushing()
	defer w.stopFlushing()
	// The largest assets first (the WebAssembly), so no core waits for
	// one at the end.
	assets := slices.SortedFunc(maps.Keys(s.assets), func(a, b string) int {
		return cmp.Or(cmp.Compare(len(s.assets[b].body), len(s.assets[a].body)), strings.Compare(a, b))
	})
	var others []func()
	for _, p := range assets {
		others = append(others, func() { w.file(p, http.StatusOK) })
	}
	others = append(others,
		func() {
			for p := range s.generated() {
				w.file(p, http.StatusOK)
			}
		},
		func() { w.file(components.SiteDataURL, http.StatusOK) },
		w.notFound,
	)
	docs := s.store.Docs()
	w.parallel(others, len(docs), func(i int) {
		d := docs[i]
		if d.Type == content.TypeNotFound {
			// Its data answers unknown pages' data (see nginxConf).
			w.save(components.PageDataURL(d.Path), pageDataName(d.Path), http.StatusNotFound, false)
			return
		}
		w.page(d.Path)
		w.save(components.PageDataURL(d.Path), pageDataName(d.Path), http.StatusOK, false)
	})
	if err := w.failed(); err != nil {
		return 0, err
	}
	_, searchFiles, err := s.search.get()
	if err != nil {
		return 0, fmt.Errorf("export: the search index: %w", err)
	}
	names := slices.Sorted(maps.Keys(searchFiles))
	aliases := s.store.Aliases()
	from := slices.Sorted(maps.Keys(aliases))
	notFoundData := components.PageDataURL(w.s.notFoundPath())
	others = []func(){
		func() { w.write("_nginx.conf", nginxConf(s, from, aliases, notFoundData)) },
		func() {
			for _, a := range from {
				w.forward(a, aliases[a])
			}
			w.write("_redirects", redirectRules(from, aliases, notFoundData))
			w.write("_headers", headerRules(s.security))
		},
	}
	w.parallel(others, len(names), func(i int) {
		name := names[i]
		u := "/search-index/" + name
		if isFragmentFile(name) { // one a page: no copies
			w.save(u, strings.TrimPrefix(u, "/"), http.StatusOK, false)
			return
		}
		// The index makes its gzip copies at the level the export would.
		w.saveFrom(u, strings.TrimPrefix(u, "/"), searchFiles[name])
	})
	w.stopFlushing()
	return int(w.count.Load()), w.failed()
}

// flushEvery is how many bytes the export writes between two flushes of
// the file system. The system keeps what is written in memory up to a
// tenth of it by default before it writes any to the disk: without
// these, the whole copy (about 900 MB at 20,000 pages) would be written
// out at the end, by syncTree, while every core waits.
const flushEvery = 128 << 20

// startFlushing starts the goroutine that flushes the file system as the
// copy is written (see flushEvery), where it can be flushed in one call.
// Its errors are the export's: a write that fails to reach the disk is
// reported by the first flush after it only.
func (w *exporter) startFlushing() {
	flush, done := fileSystemFlusher(w.dir)
	if flush == nil {
		return
	}
	w.flush = make(chan struct{}, 1)
	w.flushed = make(chan struct{})
	go func() {
		defer close(w.flushed)
		defer done()
		for range w.flush {
			if err := flush(); err != nil {
				w.fail(fmt.Errorf("export: %w", err))
			}
		}
	}()
}

// stopFlushing waits for the flush under way, if any, and stops the
// flushing goroutine.
func (w *exporter) stopFlushing() {
	if w.flush == nil {
		return
	}
	w.flushMu.Lock()
	if !w.flushStopped {
		w.flushStopped = true
		close(w.flush)
	}
	w.flushMu.Unlock()
	<-w.flushed
}

// wrote counts n bytes written, and asks for a flush every flushEvery.
func (w *exporter) wrote(n int) {
	if w.flush == nil {
		return
	}
	total := w.written.Add(int64(n))
	if total/flushEvery == (total-int64(n))/flushEvery {
		return
	}
	w.flushMu.Lock()
	if !w.flushStopped {
		select {
		case w.flush <- struct{}{}:
		default: // one is under way, or asked for already
		}
	}
	w.flushMu.Unlock()
}

// parallel runs the jobs first, then f for 0…n-1, one worker a core,
// until an export fails: the jobs (the few that take long) are taken
// first, so that no core is left with one at the end.
func (w *exporter) parallel(jobs []func(), n int, f func(i int)) {
	next := atomic.Int64{}
	total := len(jobs) + n
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1) - 1); i < total && w.failed() == nil; i = int(next.Add(1) - 1) {
				if i < len(jobs) {
					jobs[i]()
				} else {
					f(i - len(jobs))
				}
			}
		}()
	}
	wg.Wait()
}

// made reports whether the folder dir was made already.
func (w *exporter) made(dir string) bool {
	_, done := w.dirs.Load(dir)
	return done
}

// failed returns the export's first error, or nil.
func (w *exporter) failed() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err
}

// fail records err unless an error was recorded before.
func (w *exporter) fail(err error) {
	w.mu.Lock()
	if w.err == nil {
		w.err = err
	}
	w.mu.Unlock()
}

// syncTree flushes every file and folder under dir to the disk. Where the
// system can flush a whole file system in one call (syncfs on Linux) it
// does that; elsewhere it flushes each file, a few at a time: one by one,
// a large site's tens of thousands of flushes would each wait for the
// disk.
func syncTree(dir string) error {
	if ok, err := syncFileSystem(dir); ok {
		return err
	}
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		paths = append(paths, p)
		return err
	})
	if err != nil {
		return err
	}
	work := make(chan string)
	errs := make(chan error, 1)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range work {
				if err := syncPath(p); err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range paths {
		work <- p
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}

// syncPath flushes a file or folder to the disk.
func syncPath(p string) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

type exporter struct {
	s         *Server
	dir       string
	writeFile func(name string, body []byte) error
	count     atomic.Int64

	dirs sync.Map // folders made so far

	written      atomic.Int64  // bytes written so far
	flush        chan struct{} // asks for a flush; nil: never (see startFlushing)
	flushed      chan struct{} // closed when the flushing goroutine is done
	flushMu      sync.Mutex    // guards flushStopped and closing flush
	flushStopped bool

	mu  sync.Mutex
	err error // the first error; see failed and fail
}

// get asks the server for url as a browser without cookies would.
func (w *exporter) get(url string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodGet, url, nil)
	req.Host = strings.TrimPrefix(strings.TrimPrefix(w.s.store.Origin(), "https://"), "http://")
	rec := httptest.NewRecorder()
	w.s.ServeHTTP(rec, req)
	return rec
}

// file writes the answer to url under its own path, with a gzip copy and
// the asset's brotli copy when it has one.
func (w *exporter) file(url string, status int) {
	w.save(url, strings.TrimPrefix(url, "/"), status, true)
}

// pageDataName is the file of a page's data.
func pageDataName(path string) string {
	return strings.TrimPrefix(components.PageDataURL(path), "/")
}

// page writes a page as <path>/index.html.
func (w *exporter) page(path string) {
	w.save(path, strings.TrimPrefix(path+"/index.html", "/"), http.StatusOK, false)
}

// notFound writes 404.html, the page static hosts send for unknown paths.
func (w *exporter) notFound() {
	w.save(w.s.notFoundPath(), "404.html", http.StatusNotFound, false)
}

// save writes the answer to url as name, and with copies its compressed
// copies.
func (w *exporter) save(url, name string, status int, copies bool) {
	w.saveCopies(url, name, status, copies, nil)
}

// saveFrom is save, with copies, of an answer with 200 that is the body
// of from, an asset whose gzip copy is made at the export's level for it
// (gzip.DefaultCompression: it is not one of the server's assets): the
// copy is taken from it rather than made again.
func (w *exporter) saveFrom(url, name string, from *asset) {
	w.saveCopies(url, name, http.StatusOK, true, from)
}

func (w *exporter) saveCopies(url, name string, status int, copies bool, from *asset) {
	if w.failed() != nil {
		return
	}
	rec := w.get(url)
	if rec.Code != status {
		w.fail(fmt.Errorf("export: %s answered %d, want %d", url, rec.Code, status))
		return
	}
	body := rec.Body.Bytes()
	w.write(name, body)
	if !copies {
		return
	}
	if a := w.s.assets[url]; a != nil && a.brotli != nil {
		w.write(name+".br", a.brotli)
	}
	if compressible[filepath.Ext(name)] && len(body) > 512 {
		level := gzip.DefaultCompression
		a := w.s.assets[url]
		if a != nil {
			level = gzip.BestCompression // the assets: fetched by every visitor
		}
		var gz []byte
		switch {
		case from != nil && level == gzip.DefaultCompression:
			gz = from.gzipped()
		case a != nil && (a.lazy == nil && a.gzip != nil || a.level == level):
			gz = a.gzipped() // made, or to be made, at that level with the asset (newAsset)
		default:
			gz = gzipLevel(body, level)
		}
		if gz != nil {
			w.write(name+".gz", gz)
		}
	}
}

func (w *exporter) write(name string, body []byte) {
	if w.failed() != nil {
		return
	}
	full := filepath.Join(w.dir, filepath.FromSlash(name))
	var err error
	if parent := filepath.Dir(full); !w.made(parent) {
		if err = os.MkdirAll(parent, 0o755); err == nil {
			w.dirs.Store(parent, true)
		}
	}
	if err == nil {
		err = w.writeFile(full, body)
	}
	if err != nil {
		// The path is in the temporary folder, soon gone: name the file
		// by its place in the copy.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		w.fail(fmt.Errorf("export: writing %s: %w", name, err))
		return
	}
	w.count.Add(1)
	w.wrote(len(body))
}

// forward writes the page at an old address: it sends browsers on to the
// new one at once, and tells search engines which address is the real one.
func (w *exporter) forward(from, to string) {
	if _, ok := w.s.store.Doc(from); ok {
		return // a page of its own: never hidden by a redirect
	}
	d, _ := w.s.store.Doc(to)
	title := to
	if d != nil {
		title = d.Title
	}
	t, href := htmlEscape(title), htmlEscape(to)
	wd := w.s.words()
	before, after := wd.Split(words.MovedText, "title")
	page := `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + htmlEscape(wd.Fill(words.MovedTitle, "title", title)) + `</title>
<meta http-equiv="refresh" content="0; url=` + href + `">
<meta name="robots" content="noindex">
<link rel="canonical" href="` + htmlEscape(w.s.store.Origin()+to) + `">
<link rel="stylesheet" href="` + w.s.versioned("/web/site.css") + `">
</head>
<body>
<main class="nhsd-width-container nhsd-main-wrapper">
<h1 class="nhsd-heading-xl">` + htmlEscape(wd.Get(words.Moved)) + `</h1>
<p class="nhsd-body">` + htmlEscape(strings.Replace(before, "{path}", to, 1)) + `<a class="nhsd-link" href="` + href + `">` + t + `</a>` + htmlEscape(strings.Replace(after, "{path}", to, 1)) + `</p>
</main>
</body>
</html>
`
	w.write(strings.TrimPrefix(from, "/")+"/index.html", []byte(page))
}

// redirectRules are the aliases in the _redirects format.
// Unknown pages' data is the not-found page's, with 404, so that the app
// shows the not-found page after a link to a page that does not exist.
func redirectRules(from []string, to map[string]string, notFoundData string) []byte {
	var b bytes.Buffer
	b.WriteString("# Old addresses and where they moved (301). Written by make static.\n")
	for _, a := range from {
		fmt.Fprintf(&b, "%s %s 301\n", a, to[a])
	}
	fmt.Fprintf(&b, "/page-data/* %s 404\n", notFoundData)
	return b.Bytes()
}

// headerRules are the security and cache headers in the _headers format,
// from the routes' cache policies. Asset and data URLs carry a version in
// their query, which these rules cannot see: the host revalidates them,
// and the service worker keeps them.
func headerRules(security [][2]string) []byte {
	var b bytes.Buffer
	b.WriteString("# Headers for every answer, as the server sends them. Written by make static.\n/*\n")
	for _, kv := range withHSTS(security) {
		fmt.Fprintf(&b, "  %s: %s\n", kv[0], kv[1])
	}
	b.WriteString("  Cache-Control: " + cacheRevalidate + "\n")
	// What is never kept (the service worker). Hosts join the values of a
	// header that several rules set: "no-cache, no-store" keeps nothing.
	for _, rt := range routes {
		if rt.cache == unkept && !rt.form {
			for _, p := range rt.exact {
				fmt.Fprintf(&b, "%s\n  Cache-Control: %s\n", p, cacheNone)
			}
		}
	}
	return b.Bytes()
}

// withHSTS adds Strict-Transport-Security when the headers lack it: a
// static copy is for a CDN, which serves over TLS, and browsers ignore the
// header on plain HTTP.
func withHSTS(security [][2]string) [][2]string {
	for _, kv := range security {
		if kv[0] == "Strict-Transport-Security" {
			return security
		}
	}
	return SecurityHeaders(365 * 24 * time.Hour)
}

// nginxConf is an nginx server block, with the maps it reads, that
// serves the folder as the Go server does: pages at their own address,
// precompressed files by negotiation only, the not-found page with 404,
// the server's redirects, and the same security and cache headers on
// every answer. Include it from the http block; set root and listen to
// suit. The browser test compares its answers with the server's.
func nginxConf(s *Server, from []string, to map[string]string, notFoundData string) []byte {
	var headers bytes.Buffer
	for _, kv := range withHSTS(s.security) {
		fmt.Fprintf(&headers, "    add_header %s %s always;\n", kv[0], nginxQuote(kv[1]))
	}
	headers.WriteString("    add_header Cache-Control $nhsd_cache_control always;\n")
	var hashedURLs []string
	for p, a := range s.assets {
		for _, prefix := range prefixesKept(hashed) {
			if strings.HasPrefix(p, prefix) {
				hashedURLs = append(hashedURLs, p+"?"+a.hash)
			}
		}
	}
	sort.Strings(hashedURLs)
	// Every page and old address, and where each goes.
	target := map[string]string{}
	for _, d := range s.store.Docs() {
		target[d.Path] = d.Path
	}
	for _, a := range from {
		target[a] = to[a]
	}
	paths := slices.Sorted(maps.Keys(target))
	var b bytes.Buffer
	b.WriteString(`# nginx: serves a static copy of the site (make static). Include this file
# in the http block (after "include mime.types;"), then set listen and root.
# The map sizes below hold this site's paths: put this file before any
# other map in the http block (nginx fixes them at the first map), or set
# them there at least this large.
#
# Status, Location, Cache-Control and the security headers are the
# server's for every path. What differs: nginx's limit on the address (8 KB
# by default; the server answers 414 past 2,048 bytes), nginx's own bodies
# for 400 and 405 (without Allow), the not-found page where the server
# sends a line of text (an unknown asset, feed or data path), and ETags
# made from the file's time and size.
` + mapHashSizes(append(paths, hashedURLs...)) + `
# Kept for good (immutable) only what the server keeps for good: an asset
# under /web/ asked for with its own hash (v=), page data and the search
# index asked for with this version. Pages, and every other v=, are
# revalidated.
map "$uri?$arg_v" $nhsd_hashed {
    default 0;
`)
	for _, k := range hashedURLs {
		fmt.Fprintf(&b, "    %s 1;\n", nginxQuote(k))
	}
	// Versions are hexadecimal: nothing to escape.
	var versionedDirs []string
	for _, p := range prefixesKept(versioned) {
		versionedDirs = append(versionedDirs, regexp.QuoteMeta(strings.Trim(p, "/")))
	}
	fmt.Fprintf(&b, "    \"~^/(%s)/[^?]*\\?%s$\" 1;\n", strings.Join(versionedDirs, "|"), s.version)
	if built, _, err := s.search.get(); err == nil && built.Index.Version != s.version {
		v := built.Index.Version
		fmt.Fprintf(&b, "    \"~^/search-index/[^?]*\\?%s$\" 1;\n", v)
	}
	b.WriteString(`}
map "$status $nhsd_hashed $uri" $nhsd_cache_control {
    volatile;
    default                               "` + cacheRevalidate + `";
    "~^301 "                              "public, max-age=3600";
    "~^(400|405|414) "                    "";
    "~^(200|206|304) 1 "                  "` + CacheImmutable + `";
` + "    " + strings.Join(hostCacheRules(), "\n    ") + `
}

# Redirects, as the server's redirectFor: an old address goes to its page;
# a path with // or dot segments, or a trailing slash, or written in
# another case, goes to the page it spells. $nhsd_page is where the path,
# less any trailing slash, goes: nginx compares map strings ignoring case,
# so it is found for the path in any case.
map $uri $nhsd_path {
    default $uri;
    "~^(/.*[^/])/+$" $1;
}
map $nhsd_path $nhsd_page {
    default "";
`)
	for _, p := range paths {
		fmt.Fprintf(&b, "    %s %s;\n", nginxQuote(p), nginxQuote(target[p]))
	}
	b.WriteString(`}
# nginx resolves // and dot segments before $uri: look for them in the
# request as sent. The server refuses encoded slashes, backslashes and NUL.
map $request_uri $nhsd_unclean {
    default "";
    "~*^[^?]*(//|/(\.|%2e)(\.|%2e)?(/|\?|$))" 1;
}
map $request_uri $nhsd_bad {
    default "";
    "~*^[^?]*(%2f|%5c|%00|\x5c)" 1;
}
# Where the request goes: "" (served as it is) for a page at its own
# address and for every path that is no page's; the page for any other
# way of writing a page's or an old address; 404 for an oddly written
# path that is not a page's (the server has no file at such a path).
map "$nhsd_unclean $nhsd_page $uri" $nhsd_moved {
    default "";
    "~^ (\S+) \1$" "";
    "~^1? (\S+) " $1;
    "~^1 " 404;
}

server {
    listen 8080;
    root /srv/site;
    charset utf-8;
    charset_types application/json application/manifest+json text/css text/plain text/xml application/xml;
    # The .gz copies are sent, with Content-Encoding, to clients that
    # accept gzip; never at their own address (below). This nginx has no
    # brotli module: with one, add "brotli_static on;" to send the .br
    # copies too. Pages, page data and search fragments, one a page,
    # have no copies: they are compressed as they are sent.
    gzip_static on;
    gzip on;
    gzip_comp_level 5;
    gzip_min_length 512;
    gzip_types application/json text/plain text/css text/xml application/xml application/javascript text/javascript image/svg+xml application/manifest+json;
    gzip_vary on;
    server_tokens off;
    # Named locations: the not-found page does not go through the
    # redirects again.
    error_page 404 @not_found;
    # Redirects name a path only, never the request's Host.
    absolute_redirect off;

    # The headers of every answer, redirects and errors included. No
    # location adds a header of its own: one that did would drop these.
` + headers.String() + `
    if ($nhsd_bad) {
        return 400;
    }
    if ($nhsd_moved = 404) {
        return 404;
    }
    if ($nhsd_moved) {
        return 301 $nhsd_moved$is_args$args;
    }

    # try_files looks for files only: a folder is never served, nor
    # redirected to with a slash.
    location / {
        try_files $uri $uri/index.html =404;
    }
    location ~ /$ {
        try_files ${uri}index.html =404;
    }
    location = /manifest.webmanifest {
        default_type application/manifest+json;
    }
    location /page-data/ {
        try_files $uri =404;
        error_page 404 @no_data;
    }
    location @not_found {
        try_files /404.html =404;
    }
    location @no_data {
        try_files ` + notFoundData + ` =404;
    }
    # Files the server has no address for: the compressed copies, the
    # pages' own file names, this folder's rules for other hosts.
    location ~ \.(gz|br)$ {
        return 404;
    }
    location ~ /(index|404)\.html$ {
        return 404;
    }
    location ~ ^/_(headers|redirects|nginx\.conf)$ {
        return 404;
    }
`)
	b.WriteString("}\n")
	return b.Bytes()
}

// mapHashSizes sets nginx's map hash sizes for the exact keys of the
// maps: a bucket holds about four of the longest key (nginx's default, 64
// bytes, holds none of a long page path), and the table may grow to twice
// the keys. At 20,000 page paths nginx -t takes under 0.1 s with these.
func mapHashSizes(keys []string) string {
	longest := 0
	for _, k := range keys {
		longest = max(longest, len(k))
	}
	elem := 8 + (longest+2+7)/8*8 + 8 // value pointer, key, its length, padding
	bucket := (4*elem + 63) / 64 * 64
	return fmt.Sprintf("map_hash_bucket_size %d;\nmap_hash_max_size %d;\n", bucket, max(2048, 2*len(keys)))
}

// nginxQuote quotes s as one nginx configuration word.
func nginxQuote(s string) string {
	return `"` + nginxEscaper.Replace(s) + `"`
}

var nginxEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)
