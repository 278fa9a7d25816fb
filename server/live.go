//go:build !wasm

package server

import (
	"log"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"nhsdigital/components"
	"nhsdigital/content"
)

// Loader loads the content as it is at time now.
type Loader func(now time.Time) (*content.Store, error)

// Live serves a site whose content changes while it runs: scheduled items
// go live and expired items go, at their time, without a restart; in
// preview, files saved by editors show at once. Each change builds a new
// Server from the new content, sharing the static assets and page-view
// totals, and swaps it in; requests in flight finish on the one they began
// on. A load that fails keeps the last good Server.
type Live struct {
	cur      atomic.Pointer[Server]
	load     Loader
	cfg      Config
	security [][2]string // SecurityHeaders(cfg.HSTS), for answers the preview makes itself

	mu       sync.Mutex
	timer    *time.Timer
	problems error // of the last load, nil when it succeeded
	preview  *preview
	closed   bool
}

// NewLive loads the content, builds the first Server and schedules the
// next change. It fails if the first load fails.
func NewLive(load Loader, cfg Config) (*Live, error) {
	l := &Live{load: load, cfg: cfg, security: SecurityHeaders(cfg.HSTS)}
	if err := l.Reload(); err != nil {
		l.Close()
		return nil, err
	}
	return l, nil
}

// config is l's configuration for one store.
func (l *Live) config(store *content.Store) Config {
	c := l.cfg
	c.Store = store
	if l.preview != nil {
		c.Notice = l.preview.notice
	}
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
	old := l.cur.Load()
	store, err := l.load(time.Now())
	if err != nil {
		l.problems = err
		l.schedule(nil)
		if l.preview != nil {
			l.preview.changed(old, old)
		}
		return err
	}
	l.problems = nil
	if len(store.Warnings) > 0 && l.preview == nil {
		log.Printf("content %s: %d link(s) to pages not live yet are left out until they are:\n%v", store.Version, len(store.Warnings), store.Warnings.Lines())
	}
	srv, err := New(l.config(store))
	if err != nil {
		l.problems = err
		return err
	}
	if l.cfg.shared == nil {
		l.cfg.shared = srv.shared
	}
	l.cur.Store(srv)
	l.schedule(store)
	if old != nil {
		// Renders in flight may still name the old source: forget it later.
		key := old.sourceKey
		time.AfterFunc(time.Minute, func() { components.UnregisterSource(key) })
	}
	if l.preview != nil {
		l.preview.changed(old, srv)
	}
	return nil
}

// schedule sets the timer for the store's next change. With no store (a
// failed load) it tries again in a minute.
func (l *Live) schedule(store *content.Store) {
	if l.timer != nil {
		l.timer.Stop()
	}
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
	if store == nil || l.preview != nil {
		// After a failed load: read it all again. (A preview reloads on
		// every save; its notices follow the clock at each reload.)
		l.timer = time.AfterFunc(wait, func() {
			if err := l.Reload(); err != nil {
				log.Printf("content reload failed; still serving the last good version:\n%v", err)
			}
		})
		return
	}
	l.timer = time.AfterFunc(wait, l.advance)
}

// advance serves the same content at the present time: a scheduled item
// goes live or an expired one goes, without reading or checking anything
// again (content.Store.At). The new Server shares the assets and the
// documents that did not change; its search index is built in the
// background while the old one answers nothing (searches wait for it).
func (l *Live) advance() {
	l.mu.Lock()
	defer l.mu.Unlock()
	old := l.cur.Load()
	if l.closed || old == nil {
		return
	}
	start := time.Now()
	store := old.store.At(start)
	srv, err := New(l.config(store))
	if err != nil {
		log.Printf("publishing at %s failed; still serving the last version: %v", start.Format(time.RFC3339), err)
		l.schedule(nil)
		return
	}
	l.cur.Store(srv)
	l.schedule(store)
	key := old.sourceKey
	time.AfterFunc(time.Minute, func() { components.UnregisterSource(key) })
	log.Printf("content %s at %s: %d pages served, swapped in %v", store.Version, start.Format(time.RFC3339), len(store.Docs()), time.Since(start).Round(time.Millisecond))
}

// Close stops the timers and the preview's watcher.
func (l *Live) Close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.closed = true
	if l.timer != nil {
		l.timer.Stop()
	}
	if l.preview != nil {
		l.preview.stop()
	}
}

// ServeHTTP answers with the current Server, behind the preview's checks
// when previewing.
func (l *Live) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if l.preview != nil {
		l.preview.serve(w, r, l)
		return
	}
	l.cur.Load().ServeHTTP(w, r)
}
