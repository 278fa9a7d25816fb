//go:build !wasm

// Package preview is the editors' preview: it wraps a server.Live of a
// content folder, reloads it when a file is saved, shows on every page what
// the page is (draft, scheduled, expired or live) and any problems in the
// content, tells open pages when to update, and away from loopback lets in
// only the holders of a preview link.
package preview

import (
	"crypto/sha256"
	"crypto/subtle"
	_ "embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io/fs"
	"log"
	"maps"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/tidwall/gjson"

	"nhsdigital/content"
	"nhsdigital/server"
)

// Options set up a preview.
type Options struct {
	Dir      string        // the content folder on disk, watched for saved files
	Token    string        // what a preview link must carry, unless Loopback
	Loopback bool          // listening on loopback only: no token needed
	Poll     time.Duration // how often to look for saved files where the system gives no file notifications (default 1 s)
	// Changes, when set, is told of every file the notifications name
	// (content.Cache): a reload then looks at those files alone.
	Changes ChangeTracker
}

// ChangeTracker is told which files changed between loads (content.Cache).
type ChangeTracker interface {
	Track()                  // every change is reported from now on
	Changed(names ...string) // these files (relative to the folder, with slashes) changed
	Unknown()                // some changes may have been missed
}

// Cookie carries a reviewer's preview token after they open a preview
// link.
const Cookie = "nhsd_preview"

// scriptPath is the preview's page script (preview.js): it reloads the
// page, or swaps its content in place, when a file is saved.
const scriptPath = "/_preview/preview.js"

//go:embed preview.js
var script []byte

// preview is the editors' side of a Live server: every page shows what it
// is (draft, scheduled, expired or live) and any problems in the content;
// saved files are picked up at once and open pages reload; away from
// loopback, only visitors with the token get in.
type preview struct {
	opts     Options
	live     *server.Live
	security [][2]string // server.SecurityHeaders, for the answers it makes itself
	web      fs.FS       // the site's assets: the style sheet of its own pages

	mu       sync.Mutex
	subs     map[chan []byte]string // each open page's messages, and the path it shows ("" if it did not say)
	problems error                  // of the last load
	loads    int                    // how many loads there have been
	sig      string
	done     chan struct{}
}

// New starts a preview of the content in opts.Dir, loaded by load. Unlike
// production it starts even on invalid content, showing the problems
// until they are fixed.
func New(load server.Loader, cfg server.Config, opts Options) (*server.Live, error) {
	if opts.Poll <= 0 {
		opts.Poll = time.Second
	}
	if !opts.Loopback && len(opts.Token) < 16 {
		return nil, errors.New("preview: a preview away from loopback needs a token of 16 characters or more")
	}
	p := &preview{opts: opts, subs: map[chan []byte]string{}, done: make(chan struct{}), security: server.SecurityHeaders(cfg.HSTS), web: cfg.Web}
	cfg.Private, cfg.Notice = true, p.notice
	cfg.Scripts = append(cfg.Scripts, scriptPath)
	l := server.NewLiveHooked(load, cfg, server.LiveHooks{Changed: p.changed, Serve: p.serve, Closed: p.stop})
	p.live = l
	p.sig = signature(opts.Dir)
	// Watching from before the first load: that load looks at every file,
	// and the saves after it only at the files they name. (Watching from
	// after it, the first save would look at every file again, as one
	// made during the load would go unseen.)
	p.watch()
	// Problems in the content are shown in the pages; anything else (a
	// missing asset) stops the server.
	if err := l.Reload(); err != nil && problemCount(err) == 0 {
		l.Close()
		return nil, err
	}
	return l, nil
}

// watch reloads the content whenever a file in the folder changes. It
// listens for the operating system's file notifications (fsnotify), so an
// idle preview costs nothing; where they cannot be had it looks for
// changes every opts.Poll instead. Saves that come together (an editor
// writing a file in steps, a git checkout) make one reload.
func (p *preview) watch() {
	w, err := fsnotify.NewWatcher()
	tree := &watched{w: w, dirs: map[string]bool{}, links: map[string][]string{}, extra: map[string]bool{}}
	if err == nil {
		err = tree.add(p.opts.Dir)
	}
	if err != nil {
		if w != nil {
			w.Close()
		}
		log.Printf("preview: no file notifications (%v); looking for saved files every %v instead", err, p.opts.Poll)
		go p.poll()
		return
	}
	// Watching from here on, before the first load: no save is missed.
	if p.opts.Changes != nil {
		p.opts.Changes.Track()
	}
	go p.listen(tree)
}

// listen reloads on the watcher's events until the preview stops.
func (p *preview) listen(tree *watched) {
	w := tree.w
	defer w.Close()
	var settle <-chan time.Time
	for {
		select {
		case <-p.done:
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if tree.aside(ev.Name) {
				continue
			}
			if ev.Has(fsnotify.Create) {
				if info, err := os.Lstat(ev.Name); err == nil && info.IsDir() {
					tree.add(ev.Name) // a new folder: watch it and what is in it
					p.unknown()       // whose files came with no notification of their own
				} else if err == nil && info.Mode()&fs.ModeSymlink != 0 {
					tree.link(ev.Name)
				}
			}
			if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
				if tree.drop(ev.Name) {
					// A folder renamed, moved out or removed: the files in it
					// went with no notification of their own, and its watch
					// followed it under its old name. (Renamed, it comes back
					// as a new folder, above.)
					p.unknown()
				}
			}
			if c := p.opts.Changes; c != nil {
				// The file saved, and every link to it.
				for _, name := range append([]string{ev.Name}, tree.links[ev.Name]...) {
					if rel, err := filepath.Rel(p.opts.Dir, name); err == nil && filepath.IsLocal(rel) {
						c.Changed(filepath.ToSlash(rel))
					} else if !tree.extra[filepath.Dir(name)] {
						c.Unknown()
					}
				}
			}
			settle = time.After(previewSettle)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			log.Printf("preview: file notifications: %v; reloading everything", err)
			p.unknown()
			settle = time.After(previewSettle)
		case <-settle:
			settle = nil
			p.live.Reload()
		}
	}
}

// previewSettle is how long the preview waits after a file event for the
// others of the same save.
const previewSettle = 15 * time.Millisecond

// watched is the folders a watcher watches, as this package added them:
// the watcher's own list can lose a folder moved away before its event
// for the move arrives.
type watched struct {
	w     *fsnotify.Watcher
	dirs  map[string]bool
	links map[string][]string // a linked file's real path → the links to it
	extra map[string]bool     // folders watched for the files links point to, alone
}

// add watches dir and every folder under it, and the files links in them
// point to.
func (t *watched) add(dir string) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			t.link(path)
		}
		if !d.IsDir() {
			return nil
		}
		if err := t.w.Add(path); err != nil {
			return err
		}
		t.dirs[path] = true
		return nil
	})
}

// link watches the file the link at path points to: the notifications of
// a save come from the folder of the file saved, not the link's, so that
// folder is watched too and a save of the file counts as one of the link.
func (t *watched) link(path string) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil || slices.Contains(t.links[target], path) {
		return
	}
	t.links[target] = append(t.links[target], path)
	if dir := filepath.Dir(target); !t.dirs[dir] && !t.extra[dir] && t.w.Add(dir) == nil {
		t.extra[dir] = true
	}
}

// aside reports whether name is in a folder watched only for the files
// links point to, and is none of them: a file the content does not use.
func (t *watched) aside(name string) bool {
	return t.extra[filepath.Dir(name)] && !t.dirs[filepath.Dir(name)] && len(t.links[name]) == 0
}

// drop stops watching dir and every folder under it (renamed, moved out
// or removed), and reports whether dir was watched.
func (t *watched) drop(dir string) bool {
	if !t.dirs[dir] {
		return false // a file (most saves), or a folder never watched: none under it is
	}
	for p := range t.dirs {
		if p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) {
			t.w.Remove(p) // (an error: the watcher had dropped it already)
			delete(t.dirs, p)
		}
	}
	return true
}

// poll looks for saved files every opts.Poll, where the operating system
// gives no file notifications.
func (p *preview) poll() {
	t := time.NewTicker(p.opts.Poll)
	defer t.Stop()
	for {
		select {
		case <-p.done:
			return
		case <-t.C:
			if sig := signature(p.opts.Dir); sig != p.sig {
				p.sig = sig
				p.live.Reload()
			}
		}
	}
}

// unknown says changes may have been missed: the next reload looks at
// every file.
func (p *preview) unknown() {
	if p.opts.Changes != nil {
		p.opts.Changes.Unknown()
	}
}

func (p *preview) stop() {
	select {
	case <-p.done:
	default:
		close(p.done)
	}
}

// signature sums the names, sizes and times of every file under dir. It
// lists folders and reads entries' own details (lstat) only: it opens no
// file and follows no link, so a named pipe or a device in the folder
// cannot block it.
func signature(dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return nil
		}
		info, err := d.Info()
		if d.Type()&fs.ModeSymlink != 0 {
			info, err = os.Stat(path) // the file linked to: its saves change the page
		}
		if err == nil {
			fmt.Fprintf(h, "%s\x00%d\x00%d\n", path, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// changed tells every open page what changed: the content's version, the
// paths whose files changed and the number of problems (the Live's
// Changed hook). With the news goes the new data of the page each one
// shows, and the site settings, as the page-data endpoint answers them: a
// page with the app running shows the change without asking for them.
func (p *preview) changed(old, cur *server.Server, problems error) {
	msg := change{Changed: []string{}}
	if cur != nil {
		msg.Version = cur.Store().Version
		for _, d := range cur.Store().Docs() {
			if old == nil {
				break
			}
			if o, ok := old.Store().Doc(d.Path); !ok || o != d && o.Raw != d.Raw {
				msg.Changed = append(msg.Changed, d.Path)
			}
		}
	}
	msg.Problems = problemCount(problems)
	p.mu.Lock()
	p.logProblems(problems, cur != nil)
	p.problems = problems
	subs := make(map[chan []byte]string, len(p.subs))
	maps.Copy(subs, p.subs)
	p.mu.Unlock()
	plain, _ := json.Marshal(msg)
	withData := map[string][]byte{} // by path: pages open twice share one
	for ch, path := range subs {
		b := plain
		if cur != nil && cur != old && path != "" { // (the same version: problems alone)
			if b = withData[path]; b == nil {
				m := msg
				m.Path, m.Site, m.View = path, cur.SiteData().Raw, string(cur.PageData(path))
				b, _ = json.Marshal(m)
				withData[path] = b
			}
		}
		select {
		case ch <- b:
		default: // a slow page misses one; it catches up on reconnect
		}
	}
}

// change is the message an open page gets after a load: the content's
// version, the paths whose files changed, the number of problems, and,
// for a page that said which it shows, that page's path, the site
// settings and its view, each as the JSON text the page-data endpoint
// answers.
type change struct {
	Version  string   `json:"version"`
	Changed  []string `json:"changed"`
	Problems int      `json:"problems"`
	Path     string   `json:"path,omitempty"`
	Site     string   `json:"site,omitempty"`
	View     string   `json:"view,omitempty"`
}

// logProblems writes to the log what a save did to the content's
// problems, as the pages show them: the editor running the preview in a
// terminal sees them there too. The first load's are logged as the
// server starts; a load that changes nothing says nothing. good is
// whether there is a version without problems to show.
func (p *preview) logProblems(problems error, good bool) {
	p.loads++
	if p.loads == 1 {
		return
	}
	switch {
	case problems == nil && p.problems != nil:
		log.Printf("preview: the content has no problems now; every page shows it")
	case problems != nil && (p.problems == nil || p.problems.Error() != problems.Error()):
		var ps content.Problems
		shows := "pages show the last version without them until they are fixed"
		if !good {
			shows = "pages appear once they are fixed"
		}
		if errors.As(problems, &ps) {
			log.Printf("preview: %d problem(s) in the content; %s:\n%s", len(ps), shows, strings.TrimSuffix(ps.Lines(), "\n"))
		} else {
			log.Printf("preview: the content could not be loaded: %v", problems)
		}
	}
}

// lastProblems returns the problems of the last load.
func (p *preview) lastProblems() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.problems
}

// serve answers a preview request: private and never indexed, token
// checked away from loopback, the preview's own endpoints, else the page.
func (p *preview) serve(w http.ResponseWriter, r *http.Request) {
	server.SetSecurityHeaders(w.Header(), p.security)
	// Files under a hashed URL (the WebAssembly, scripts, styles, icons)
	// never change under it: the browser keeps them, so a page reloaded
	// after a save fetches only itself. Pages and data are never kept.
	data := strings.HasPrefix(r.URL.Path, "/page-data/") || strings.HasPrefix(r.URL.Path, "/search-index/")
	w = &privateWriter{ResponseWriter: w, keepHashed: !data}
	if p.opts.Loopback && !server.LocalHost(r.Host) {
		http.Error(w, "This preview answers only to localhost.", http.StatusMisdirectedRequest)
		return
	}
	if r.URL.Path == "/preview" {
		p.serveLink(w, r)
		return
	}
	if !p.opts.Loopback && !p.allowed(r) {
		previewPage(w, http.StatusUnauthorized, "This preview is private",
			"Open the preview link you were given. If it has stopped working, ask for a new one.")
		return
	}
	switch r.URL.Path {
	case "/_preview/events":
		p.serveEvents(w, r)
		return
	case "/_preview/notice":
		srv := p.live.Current()
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		if srv == nil {
			fmt.Fprint(w, p.notice(nil, r.URL.Query().Get("path")))
			return
		}
		fmt.Fprint(w, p.notice(srv.Store(), r.URL.Query().Get("path")))
		return
	case scriptPath:
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(script)
		return
	}
	srv := p.live.Current()
	var site gjson.Result
	if srv != nil {
		site = srv.SiteData()
	}
	if serveGallery(w, r, site) {
		return
	}
	if srv == nil {
		// No good version yet: show the problems on every page, with the
		// site's style sheet (no site serves it yet).
		if r.URL.Path == "/web/site.css" {
			if css, err := fs.ReadFile(p.web, "site.css"); err == nil {
				w.Header().Set("Content-Type", "text/css; charset=utf-8")
				w.Write(css)
				return
			}
		}
		ownPage(w, http.StatusServiceUnavailable, "Content problems", `<script defer src="`+scriptPath+`"></script>`,
			`<div id="nhsd-app"><main id="main-content" class="nhsd-main">`+p.notice(nil, r.URL.Path)+`</main></div>`)
		return
	}
	srv.ServeHTTP(w, r)
	if pw := w.(*privateWriter); !pw.wrote {
		pw.WriteHeader(http.StatusOK) // HEAD and 304s write no body
	}
}

// serveLink opens a preview link: /preview?token=…&path=… sets the token
// cookie and sends the reviewer to the page, if it is one of the site's.
func (p *preview) serveLink(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if !p.opts.Loopback && !p.tokenMatches(q.Get("token")) {
		previewPage(w, http.StatusForbidden, "This preview link does not work",
			"The link may be incomplete or out of date. Ask for a new preview link.")
		return
	}
	target := q.Get("path")
	if target == "" {
		target = "/"
	}
	srv := p.live.Current()
	if !content.LocalPath(target) || srv == nil {
		previewPage(w, http.StatusBadRequest, "Not a page of this site", "A preview link can only lead to a page of this site, such as /services/spine.")
		return
	}
	if _, ok := srv.Store().Doc(target); !ok {
		previewPage(w, http.StatusBadRequest, "Not a page of this site", "There is no page at that address in the content. Check the path in the link.")
		return
	}
	if !p.opts.Loopback {
		http.SetCookie(w, &http.Cookie{Name: Cookie, Value: p.opts.Token, Path: "/", HttpOnly: true,
			SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || r.Header.Get("X-Forwarded-Proto") == "https",
			MaxAge: int((30 * 24 * time.Hour).Seconds())})
	}
	http.Redirect(w, r, (&url.URL{Path: target}).EscapedPath(), http.StatusSeeOther)
}

func (p *preview) allowed(r *http.Request) bool {
	c, err := r.Cookie(Cookie)
	return err == nil && p.tokenMatches(c.Value)
}

// tokenMatches compares in constant time, so timing tells nothing.
func (p *preview) tokenMatches(got string) bool {
	a := sha256.Sum256([]byte(got))
	b := sha256.Sum256([]byte(p.opts.Token))
	return subtle.ConstantTimeCompare(a[:], b[:]) == 1 && p.opts.Token != ""
}

// serveEvents streams changes to an open page (server-sent events). The
// first message is the current state, so a page that reconnects after a
// change sees it. A page names the path it shows (?path=), whose new data
// then comes with each change.
func (p *preview) serveEvents(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Query().Get("path")
	if !content.LocalPath(path) {
		path = ""
	}
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a stream, not a download
	w.Header().Set("Content-Type", "text/event-stream")
	ch := make(chan []byte, 8)
	p.mu.Lock()
	p.subs[ch] = path
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.subs, ch)
		p.mu.Unlock()
	}()
	version := ""
	if srv := p.live.Current(); srv != nil {
		version = srv.Store().Version
	}
	fmt.Fprintf(w, "retry: 500\ndata: {\"version\":%q,\"changed\":[],\"problems\":%d}\n\n", version, problemCount(p.lastProblems()))
	rc.Flush()
	keep := time.NewTicker(15 * time.Second)
	defer keep.Stop()
	for {
		select {
		case b := <-ch:
			fmt.Fprintf(w, "data: %s\n\n", b)
		case <-keep.C:
			fmt.Fprint(w, ": still here\n\n")
		case <-r.Context().Done():
			return
		case <-p.done:
			return
		}
		if rc.Flush() != nil {
			return
		}
	}
}

// notice is the HTML at the top of a previewed page: what the page is and
// when it goes live, and the content's problems if the last save broke it.
func (p *preview) notice(store *content.Store, path string) string {
	var b strings.Builder
	version := ""
	if store != nil {
		version = store.Version
	}
	fmt.Fprintf(&b, `<div id="nhsd-preview" class="nhsd-preview" data-version="%s" aria-live="polite">`, version)
	if store != nil {
		kind, text := "live", "Published: this is the page as the live site shows it."
		if d, ok := store.Doc(path); ok {
			switch d.StateAt(store.Now) {
			case content.StateDraft:
				kind, text = "draft", `Draft: not on the live site. It goes live when its status is "published" and its publication time has come.`
			case content.StateScheduled:
				kind, text = "scheduled", "Scheduled: goes live on "+when(d.Published)+"."
			case content.StateExpired:
				kind, text = "expired", "Expired on "+when(d.Expires)+": no longer on the live site."
			default:
				if !d.Expires.IsZero() {
					text = "Published: on the live site until " + when(d.Expires) + "."
				}
			}
		} else {
			kind, text = "live", "No page at this address in the content."
		}
		fmt.Fprintf(&b, `<div class="nhsd-preview__bar nhsd-preview__bar--%s" role="region" aria-label="Preview"><div class="nhsd-width-container">`+
			`<p class="nhsd-preview__text"><strong class="nhsd-preview__tag">Preview</strong> %s</p></div></div>`, kind, html.EscapeString(text))
	}
	if problems := p.lastProblems(); problems != nil {
		var ps content.Problems
		if !errors.As(problems, &ps) {
			ps = content.Problems{{File: "content", Message: problems.Error()}}
		}
		shows := "The preview shows the last version without problems until these are fixed."
		if store == nil {
			shows = "There is no version without problems to show yet: the pages appear once these are fixed."
		}
		fmt.Fprintf(&b, `<div class="nhsd-preview__problems" role="region" aria-labelledby="nhsd-preview-problems-title"><div class="nhsd-width-container">`+
			`<h2 id="nhsd-preview-problems-title" class="nhsd-preview__title">%s in the content</h2>`+
			`<p class="nhsd-body">%s Fix each one and save the file: this panel updates by itself.</p>`+
			`<ul class="nhsd-list nhsd-preview__list">`, plural(len(ps), "problem"), shows)
		for _, pr := range ps {
			problemItem(&b, pr)
		}
		b.WriteString(`</ul></div></div>`)
	}
	if store != nil && len(store.Warnings) > 0 {
		// Links to pages not live yet: the live site leaves them out until
		// then, so they are warnings, and the list changes with time.
		fmt.Fprintf(&b, `<div class="nhsd-preview__problems" role="region" aria-labelledby="nhsd-preview-warnings-title"><div class="nhsd-width-container">`+
			`<h2 id="nhsd-preview-warnings-title" class="nhsd-preview__title">%s for the live site</h2>`+
			`<p class="nhsd-body">The live site leaves these links out until their pages are published. This list is made again at every save and at every publication time.</p>`+
			`<ul class="nhsd-list nhsd-preview__list">`, plural(len(store.Warnings), "warning"))
		for _, pr := range store.Warnings {
			problemItem(&b, pr)
		}
		b.WriteString(`</ul></div></div>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// problemItem writes one problem: where (file:line:column), the field,
// what is wrong, and the line of the file it is on.
func problemItem(b *strings.Builder, pr content.Problem) {
	b.WriteString(`<li><code class="nhsd-code">` + html.EscapeString(pr.Where()) + `</code>`)
	if l := pr.Label(); l != "" {
		b.WriteString(` <code class="nhsd-code">` + html.EscapeString(l) + `</code>`)
	}
	b.WriteString(`: ` + html.EscapeString(pr.Message))
	if pr.Snippet != "" {
		b.WriteString(`<pre class="nhsd-preview__snippet"><code>` + strconv.Itoa(pr.Line) + ` | ` + html.EscapeString(pr.Snippet) + "\n" +
			strings.Repeat(" ", len(strconv.Itoa(pr.Line))+3+max(0, pr.Col-1)) + `^</code></pre>`)
	}
	b.WriteString(`</li>`)
}

// problemCount is the number of content problems in a load's error: 0 for
// none, and 0 for an error that is not about the content.
func problemCount(err error) int {
	var ps content.Problems
	if errors.As(err, &ps) {
		return len(ps)
	}
	return 0
}

func when(t time.Time) string {
	if t.Hour() == 0 && t.Minute() == 0 {
		return t.UTC().Format("2 January 2006")
	}
	return t.UTC().Format("2 January 2006 at 15:04 UTC")
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// previewPage answers with a short page of its own (refusals, bad links).
func previewPage(w http.ResponseWriter, status int, title, text string) {
	ownPage(w, status, title, "", `<main class="nhsd-width-container nhsd-page"><h1 class="nhsd-heading-xl">`+
		html.EscapeString(title)+`</h1><p class="nhsd-body">`+html.EscapeString(text)+`</p></main>`)
}

// ownPage writes a page the preview makes itself: the site's stylesheet,
// extra head markup and body markup.
func ownPage(w http.ResponseWriter, status int, title, head, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintf(w, `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>%s - preview</title>`+
		`<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="stylesheet" href="/web/site.css">%s</head>`+
		`<body>%s</body></html>`, html.EscapeString(title), head, body)
}

// privateWriter marks every preview response private and not for search
// engines, whatever the handler set, and never kept by the browser unless
// keepHashed and the handler served it under its hashed URL.
type privateWriter struct {
	http.ResponseWriter
	wrote      bool
	keepHashed bool
}

func (pw *privateWriter) WriteHeader(code int) {
	if !pw.wrote {
		pw.wrote = true
		h := pw.Header()
		if pw.keepHashed && h.Get("Cache-Control") == server.CacheImmutable {
			h.Set("Cache-Control", "private, max-age=31536000, immutable")
		} else {
			h.Set("Cache-Control", "private, no-store")
		}
		h.Set("X-Robots-Tag", "noindex")
	}
	pw.ResponseWriter.WriteHeader(code)
}

func (pw *privateWriter) Write(b []byte) (int, error) {
	if !pw.wrote {
		pw.WriteHeader(http.StatusOK)
	}
	return pw.ResponseWriter.Write(b)
}

func (pw *privateWriter) Unwrap() http.ResponseWriter { return pw.ResponseWriter }

// IsLoopbackAddr reports whether a listen address (host:port) is on
// loopback only.
func IsLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	return err == nil && host != "" && server.LocalHost(host)
}
