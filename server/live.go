//go:build !wasm

package server

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"nhsdigital/content"
)

// Loader loads the content as it is at time now.
type Loader func(now time.Time) (*content.Store, error)

// Live serves a site whose content changes while it runs: scheduled items
// go live and expired items go, at their time, without a restart, and a
// handler that wraps it (the preview) may reload it when files are saved.
// Each change builds a new Server from the new content, sharing the static
// assets and page-view totals, and swaps it in; requests in flight finish
// on the one they began on. A load that fails keeps the last good Server.
type Live struct {
	cur      atomic.Pointer[Server]
	load     Loader
	cfg      Config
	security [][2]string // SecurityHeaders(cfg.HSTS), for the answers it makes itself

	hooks LiveHooks

	mu        sync.Mutex
	timer     *time.Timer
	prepTimer *time.Timer
	prepared  *Server // the version the next scheduled change brings, made ahead (prepare)
	problems  error   // of the last load, nil when it succeeded
	closed    bool

	draining atomic.Bool // shutting down: not ready (Drain)

	// Until the first load ends: the Server of a first store, which
	// answers the home page and the assets meanwhile (ServeFirst), and
	// what the other requests wait on.
	first      atomic.Pointer[Server]
	loaded     chan struct{}
	loadedOnce sync.Once
}

// NewLive loads the content, builds the first Server and schedules the
// next change. It fails if the first load fails.
func NewLive(load Loader, cfg Config) (*Live, error) {
	l := NewLiveUnloaded(load, cfg)
	if err := l.Reload(); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// NewLiveUnloaded returns a Live that answers 503 (and /readyz "not
// ready") until its first Reload succeeds: the server can listen at once
// and load the content after.
func NewLiveUnloaded(load Loader, cfg Config) *Live {
	return NewLiveHooked(load, cfg, LiveHooks{})
}

// LiveHooks let a handler that wraps a Live (the preview) take part in
// it. Each may be nil.
type LiveHooks struct {
	// Changed is called after each load, with the Server served before,
	// the one served now (the same after a failed load; nil before the
	// first good one) and the load's problems (nil when it succeeded).
	// The Live is locked meanwhile: it must not call Reload or Problems.
	Changed func(old, cur *Server, problems error)
	// Serve answers every request but /healthz and /readyz in place of
	// the current Server, which it finds with Current. Requests are
	// counted and logged as the Live's own.
	Serve http.HandlerFunc
	// Closed is called when the Live is closed.
	Closed func()
}

// NewLiveHooked is NewLiveUnloaded with hooks. A private site
// (Config.Private) reloads its content at each scheduled change instead
// of advancing the clock on the content it has, so that what it shows
// of the content's state follows the clock.
func NewLiveHooked(load Loader, cfg Config, hooks LiveHooks) *Live {
	return &Live{load: load, cfg: cfg, security: SecurityHeaders(cfg.HSTS), hooks: hooks, loaded: make(chan struct{})}
}

// ServeFirst answers, until the first Reload ends, the home page and the
// assets from store, made by content.LoadFirst from the pages' front
// matter: they are what the loaded content gives, and come a few seconds
// sooner on a start that checks every page. Every other request waits for
// the load, and /readyz says 503 until it ends. The assets it reads are the
// ones every later Server shares.
func (l *Live) ServeFirst(store *content.Store) error {
	if !store.First() {
		return errors.New("server: ServeFirst takes a store made by content.LoadFirst")
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.cur.Load() != nil || l.hooks.Serve != nil {
		return nil
	}
	srv, err := New(l.config(store))
	if err != nil {
		return err
	}
	if l.cfg.shared == nil {
		l.cfg.shared = srv.shared
	}
	l.first.Store(srv)
	return nil
}

// firstLoadEnded lets go of the first store's Server and of the requests
// waiting for the first load.
func (l *Live) firstLoadEnded() {
	l.loadedOnce.Do(func() {
		l.first.Store(nil)
		close(l.loaded)
	})
}

// answersFirst reports whether the Server of a first store may answer r:
// the home page and the assets, which do not depend on any other page's
// body.
func (s *Server) answersFirst(r *http.Request) bool {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return false
	}
	if r.URL.Path == "/" {
		return true
	}
	switch routeFor(r.URL.Path, r.Method).class {
	case "asset", "app":
		_, ok := s.assets[r.URL.Path]
		return ok
	}
	return false
}

// config is l's configuration for one store.
func (l *Live) config(store *content.Store) Config {
	c := l.cfg
	c.Store = store
	return c
}

// Current returns the Server answering now.
func (l *Live) Current() *Server { return l.cur.Load() }

// Problems returns the problems of the last load, or nil.
func (l *Live) Problems() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.problems
}

// Reload loads the content again and, if it is valid, serves it. It
// returns the load's problems; the last good content stays served.
func (l *Live) Reload() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	defer l.firstLoadEnded()
	old := l.cur.Load()
	start := time.Now()
	store, err := l.load(start)
	if err != nil {
		l.cfg.Metrics.loaded("", err)
		l.problems = err
		l.schedule(nil)
		if l.hooks.Changed != nil {
			l.hooks.Changed(old, old, err)
		}
		return err
	}
	l.problems = nil
	srv, err := New(l.config(store))
	if err != nil {
		l.problems = err
		return err
	}
	l.swapIn(old, srv, time.Since(start))
	return nil
}

// swapIn serves srv in place of old (nil at start) and schedules its
// store's next change: the one end of a reload and of a publication.
// took is how long the load and the new Server took.
func (l *Live) swapIn(old, srv *Server, took time.Duration) {
	store := srv.store
	if len(store.Warnings) > 0 && !l.cfg.Private {
		slog.Warn("links to pages not live yet are left out until they are", "version", store.Version, "count", len(store.Warnings), "links", store.Warnings.Lines())
	}
	if old == nil || old.store.Version != store.Version {
		l.cfg.Metrics.loaded(store.Version, nil)
		attrs := []any{"version", store.Version, "pages", len(store.Docs()), "took_ms", took.Milliseconds()}
		if !store.NextChange.IsZero() {
			attrs = append(attrs, "next_change", store.NextChange.UTC().Format(time.RFC3339))
		}
		msg := "content loaded"
		if old != nil {
			msg = "content published"
			if l.cfg.Private {
				msg = "content reloaded" // a saved file, not a publication
			}
			attrs = append(attrs, "previous", old.store.Version)
		}
		slog.Info(msg, attrs...)
	}
	if l.cfg.shared == nil {
		l.cfg.shared = srv.shared
	}
	l.cur.Store(srv)
	l.schedule(store)
	if old != nil && old.search != srv.search {
		old.search.replaceWith(srv.search)
	}
	if old != nil && !l.cfg.Private {
		// The old version (its search index, its caches) is garbage once
		// the requests in flight end: give its memory back to the system,
		// as a publication is rare, rather than keep it for a growth that
		// does not come.
		time.AfterFunc(time.Minute, debug.FreeOSMemory)
	}
	if l.hooks.Changed != nil {
		l.hooks.Changed(old, srv, nil)
	}
}

// prepareAhead is how long before a scheduled change the version it
// brings is made (prepare), so that at its time it is served at once,
// its search index included.
const prepareAhead = time.Minute

// schedule sets the timer for the store's next change. With no store (a
// failed load) it tries again in a minute.
func (l *Live) schedule(store *content.Store) {
	if l.timer != nil {
		l.timer.Stop()
	}
	l.dropPrepared()
	var wait time.Duration
	switch {
	case store == nil:
		wait = time.Minute
	case store.NextChange.IsZero():
		return
	default:
		wait = time.Until(store.NextChange) + 10*time.Millisecond
	}
	if wait > 24*time.Hour {
		wait = 24 * time.Hour // timers over long spans drift; look again daily
	}
	if store == nil || l.cfg.Private {
		// After a failed load: read it all again. (A private site
		// reloads at each change: what it shows follows the clock.)
		l.timer = time.AfterFunc(wait, func() {
			if err := l.Reload(); err != nil {
				slog.Error("content reload failed; still serving the last good version", "error", err.Error())
			}
		})
		return
	}
	l.timer = time.AfterFunc(wait, l.advance)
	if cur := l.cur.Load(); cur != nil && cur.store == store && wait < 24*time.Hour {
		l.prepTimer = time.AfterFunc(max(wait-prepareAhead, 0), func() { l.prepare(cur) })
	}
}

// prepare makes the version that cur's next scheduled change brings, and
// keeps it for advance. Its search index is updated from cur's, once that
// is built, in the background.
func (l *Live) prepare(cur *Server) {
	cur.search.get() // the next index is made from this one
	l.mu.Lock()
	if l.closed || l.cur.Load() != cur {
		l.mu.Unlock()
		return
	}
	cfg := l.cfg
	l.mu.Unlock()
	cfg.Store = cur.store.At(cur.store.NextChange)
	srv, err := New(cfg)
	if err != nil {
		return // advance will try, and say why
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed || l.cur.Load() != cur {
		srv.search.cancel()
		return
	}
	l.dropPrepared()
	l.prepared = srv
}

// takePrepared returns the version prepared for cur's next change, if it
// is the version due now (and then no other change has come since).
func (l *Live) takePrepared(cur *Server, now time.Time) *Server {
	p := l.prepared
	l.prepared = nil
	at := cur.store.NextChange
	if p == nil || !p.store.Now.Equal(at) || now.Before(at) || !p.store.NextChange.IsZero() && !p.store.NextChange.After(now) {
		if p != nil {
			p.search.cancel()
		}
		return nil
	}
	return p
}

// dropPrepared stops preparing the next version and lets it go.
func (l *Live) dropPrepared() {
	if l.prepTimer != nil {
		l.prepTimer.Stop()
		l.prepTimer = nil // its function holds the version it was for
	}
	if l.prepared != nil {
		l.prepared.search.cancel()
		l.prepared = nil
	}
}

// advance serves the same content at the present time: a scheduled item
// goes live or an expired one goes, without reading or checking anything
// again (content.Store.At). The new Server shares the assets and the
// documents that did not change. It was made a minute ahead (prepare),
// with its search index; if not (a change due sooner), its search index
// is updated in the background while the old one answers nothing
// (searches wait for it).
func (l *Live) advance() {
	l.mu.Lock()
	defer l.mu.Unlock()
	old := l.cur.Load()
	if l.closed || old == nil {
		return
	}
	start := time.Now()
	srv := l.takePrepared(old, start)
	if srv == nil {
		var err error
		if srv, err = New(l.config(old.store.At(start))); err != nil {
			slog.Error("publishing failed; still serving the last version", "at", start.Format(time.RFC3339), "error", err.Error())
			l.schedule(nil)
			return
		}
	}
	l.swapIn(old, srv, time.Since(start))
}

// Close stops the timers, and calls the Closed hook.
func (l *Live) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	l.firstLoadEnded()
	if l.timer != nil {
		l.timer.Stop()
	}
	l.dropPrepared()
	if l.hooks.Closed != nil {
		l.hooks.Closed()
	}
}

// ServeHTTP answers with the current Server, or the Serve hook.
// /healthz and /readyz are answered first, neither logged nor counted.
// Until the content is loaded every other request gets 503.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/healthz":
		l.serveHealth(w, r)
		return
	case "/readyz":
		l.serveReady(w, r)
		return
	}
	start := time.Now()
	rw := &recorder{ResponseWriter: w}
	srv := l.cur.Load()
	if first := l.first.Load(); srv == nil && first != nil {
		if first.answersFirst(r) {
			srv = first
		} else {
			select { // the first load ends within its read timeouts
			case <-l.loaded:
				srv = l.cur.Load()
			case <-r.Context().Done():
			}
		}
	}
	switch {
	case l.hooks.Serve != nil:
		l.hooks.Serve(rw, r)
	case srv == nil:
		SetSecurityHeaders(rw.Header(), l.security)
		rw.Header().Set("Retry-After", "1")
		rw.Header().Set("Cache-Control", "no-store")
		http.Error(rw, "The site is starting; try again in a moment.", http.StatusServiceUnavailable)
	default:
		srv.ServeHTTP(rw, r)
	}
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	d := time.Since(start)
	l.cfg.Metrics.observe(routeClass(r.URL.Path, r.Method), rw.status, d)
	if l.cfg.AccessLog {
		l.logRequest(r, srv, rw, d)
	}
}
