//go:build !wasm

package server

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// ReadyCheck is one more condition of readiness (Config.ReadyChecks): a
// database that must answer, say. It returns nil when ready.
type ReadyCheck func(context.Context) error

// Drain makes readiness false (/readyz answers 503), so that load
// balancers stop sending new visitors before the server shuts down.
func (l *Live) Drain() { l.draining.Store(true) }

// Ready returns nil when the site can take visitors: the content is
// loaded, no publication is overdue (a reload has failed past its time),
// the server is not shutting down, and every ReadyCheck passes.
func (l *Live) Ready(ctx context.Context) error {
	if l.draining.Load() {
		return errors.New("shutting down")
	}
	srv := l.cur.Load()
	if srv == nil && l.first.Load() != nil {
		return errors.New("the pages are being checked: only the home page is answered yet")
	}
	if srv == nil {
		return errors.New("content not loaded yet")
	}
	if next := srv.store.NextChange; !l.cfg.Private && !next.IsZero() && time.Since(next) > 2*time.Minute {
		return fmt.Errorf("content not current: a change due at %s has not been loaded", next.UTC().Format(time.RFC3339))
	}
	for _, check := range l.cfg.ReadyChecks {
		if err := check(ctx); err != nil {
			return err
		}
	}
	return nil
}

// probe sets the headers of a /healthz or /readyz answer (the site's
// security headers too: they are answered on its address) and refuses
// methods other than GET and HEAD, reporting false.
func (l *Live) probe(w http.ResponseWriter, r *http.Request) bool {
	h := w.Header()
	SetSecurityHeaders(h, l.security)
	h.Set("Cache-Control", "no-store")
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		h.Set("Allow", "GET, HEAD")
		http.Error(w, "Use GET or HEAD.", http.StatusMethodNotAllowed)
		return false
	}
	h.Set("Content-Type", "text/plain; charset=utf-8")
	return true
}

// serveHealth answers /healthz: the process is up and answering.
func (l *Live) serveHealth(w http.ResponseWriter, r *http.Request) {
	if l.probe(w, r) {
		fmt.Fprintln(w, "ok")
	}
}

// serveReady answers /readyz: 200 when Ready, else 503 with the reason.
func (l *Live) serveReady(w http.ResponseWriter, r *http.Request) {
	if !l.probe(w, r) {
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()
	if err := l.Ready(ctx); err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		fmt.Fprintln(w, "not ready:", err)
		return
	}
	fmt.Fprintln(w, "ready")
}

// recorder notes an answer's status and size for the access log and the
// metrics.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (rw *recorder) WriteHeader(code int) {
	if rw.status == 0 {
		rw.status = code
	}
	rw.ResponseWriter.WriteHeader(code)
}

func (rw *recorder) Write(b []byte) (int, error) {
	if rw.status == 0 {
		rw.status = http.StatusOK
	}
	n, err := rw.ResponseWriter.Write(b)
	rw.bytes += int64(n)
	return n, err
}

// Unwrap lets http.ResponseController reach the connection (deadlines,
// the preview's event stream).
func (rw *recorder) Unwrap() http.ResponseWriter { return rw.ResponseWriter }

// logRequest writes the access log's line for one answer: method, path
// (never the query, which holds what visitors search for), status, bytes,
// duration and, unless turned off, the client's address.
func (l *Live) logRequest(r *http.Request, srv *Server, rw *recorder, d time.Duration) {
	attrs := []slog.Attr{
		slog.String("method", r.Method),
		slog.String("path", r.URL.Path),
		slog.Int("status", rw.status),
		slog.Int64("bytes", rw.bytes),
		slog.Float64("duration_ms", float64(d.Microseconds())/1000),
	}
	if l.cfg.LogAddresses {
		addr := r.RemoteAddr
		if srv != nil {
			addr = srv.clientAddr(r)
		}
		attrs = append(attrs, slog.String("client", addr))
	}
	slog.LogAttrs(r.Context(), slog.LevelInfo, "request", attrs...)
}
