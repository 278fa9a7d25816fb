//go:build !wasm

package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"nhsdigital/content"
)

func realLoader(now time.Time) (*content.Store, error) {
	return content.Load(content.Embedded(), content.Options{Now: now})
}

// /healthz answers at once; /readyz and every page say 503 until the
// content is loaded, then 200; a failing ReadyCheck and Drain (SIGTERM)
// make it 503 again. Neither is cached.
func TestHealthAndReadiness(t *testing.T) {
	var dbErr error
	var mu sync.Mutex
	check := func(context.Context) error { mu.Lock(); defer mu.Unlock(); return dbErr }
	l := NewLiveUnloaded(realLoader, Config{Web: os.DirFS("../web"), ReadyChecks: []ReadyCheck{check}})
	defer l.Close()
	expect := func(path string, code int) {
		t.Helper()
		res := get(l, path)
		if res.code != code {
			t.Errorf("%s: %d, want %d (%s)", path, res.code, code, res.body)
		}
		if path != "/" && res.header.Get("Cache-Control") != "no-store" {
			t.Errorf("%s: Cache-Control %q, want no-store", path, res.header.Get("Cache-Control"))
		}
	}
	expect("/healthz", 200)
	expect("/readyz", 503)
	expect("/", 503)
	// On the site's address, they carry its security headers and answer
	// GET and HEAD only.
	for _, path := range []string{"/healthz", "/readyz"} {
		for _, method := range []string{"HEAD", "POST", "DELETE", "OPTIONS"} {
			req := httptest.NewRequest(method, path, nil)
			rec := httptest.NewRecorder()
			l.ServeHTTP(rec, req)
			if refused := rec.Code == http.StatusMethodNotAllowed; refused != (method != "HEAD") || refused && rec.Header().Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d, Allow %q", method, path, rec.Code, rec.Header().Get("Allow"))
			}
			for _, kv := range SecurityHeaders(0) {
				if rec.Header().Get(kv[0]) != kv[1] {
					t.Errorf("%s %s: %s %q, want %q", method, path, kv[0], rec.Header().Get(kv[0]), kv[1])
				}
			}
		}
	}
	if err := l.Reload(); err != nil {
		t.Fatal(err)
	}
	expect("/readyz", 200)
	expect("/", 200)
	mu.Lock()
	dbErr = errors.New("database unreachable")
	mu.Unlock()
	expect("/readyz", 503)
	if res := get(l, "/readyz"); !strings.Contains(res.body, "database unreachable") {
		t.Errorf("/readyz does not say why: %q", res.body)
	}
	mu.Lock()
	dbErr = nil
	mu.Unlock()
	expect("/readyz", 200)
	l.Drain()
	expect("/readyz", 503)
	expect("/healthz", 200)
	expect("/", 200) // requests in flight and until shutdown are still answered
}

// captureLog sends log/slog's default logger to a buffer as JSON.
func captureLog(t *testing.T) *bytes.Buffer {
	var buf bytes.Buffer
	old := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&syncWriter{w: &buf}, nil)))
	t.Cleanup(func() { slog.SetDefault(old) })
	return &buf
}

type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(b)
}

func logLines(t *testing.T, buf *bytes.Buffer, msg string) []map[string]any {
	var out []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(buf.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil && m["msg"] == msg {
			out = append(out, m)
		}
	}
	return out
}

// One JSON line per request with method, path (no query), status, bytes,
// duration and the client's address as the trusted-proxy rule resolves
// it; none for /healthz and /readyz; no address when turned off. Loads
// are logged too.
func TestAccessLog(t *testing.T) {
	buf := captureLog(t)
	proxies, _ := ParseTrustedProxies("192.0.2.0/24")
	l, err := NewLive(realLoader, Config{Web: os.DirFS("../web"), AccessLog: true, LogAddresses: true, Proxies: proxies})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	if len(logLines(t, buf, "content loaded")) != 1 {
		t.Errorf("no \"content loaded\" line:\n%s", buf)
	}
	get(l, "/healthz")
	get(l, "/readyz")
	get(l, "/services/spine?q=private+words", "X-Forwarded-For", "203.0.113.9, 198.51.100.7")
	get(l, "/no-such-page")
	lines := logLines(t, buf, "request")
	if len(lines) != 2 {
		t.Fatalf("%d request lines, want 2:\n%s", len(lines), buf)
	}
	want := map[string]any{"method": "GET", "path": "/services/spine", "status": float64(200), "client": "198.51.100.7"}
	for k, v := range want {
		if lines[0][k] != v {
			t.Errorf("%s = %v, want %v", k, lines[0][k], v)
		}
	}
	if b, _ := lines[0]["bytes"].(float64); b < 1000 {
		t.Errorf("bytes = %v", lines[0]["bytes"])
	}
	if _, ok := lines[0]["duration_ms"].(float64); !ok {
		t.Errorf("no duration_ms: %v", lines[0])
	}
	if strings.Contains(buf.String(), "private") {
		t.Error("the query reached the log")
	}
	if lines[1]["status"] != float64(404) {
		t.Errorf("unknown path logged as %v", lines[1]["status"])
	}

	buf.Reset()
	l2, err := NewLive(realLoader, Config{Web: os.DirFS("../web"), AccessLog: true})
	if err != nil {
		t.Fatal(err)
	}
	defer l2.Close()
	get(l2, "/")
	lines = logLines(t, buf, "request")
	if len(lines) != 1 || lines[0]["client"] != nil {
		t.Errorf("with addresses turned off: %v", lines)
	}
}

// The metrics Prometheus reads, on the admin handler only.
func TestMetrics(t *testing.T) {
	m := NewMetrics("v1.2.3", "abc123")
	l, err := NewLive(realLoader, Config{Web: os.DirFS("../web"), Metrics: m, DB: testDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	get(l, "/services/spine")
	get(l, "/services/spine")
	get(l, "/web/site.css")
	get(l, "/nope")
	if res := get(l, "/metrics"); res.code != 404 {
		t.Errorf("/metrics on the site's address: %d, want 404", res.code)
	}
	post(l, "/statistics", "/services/spine", "Sec-Fetch-Site", "same-origin")
	admin := AdminHandler(m, l)
	res := get(admin, "/metrics")
	for _, want := range []string{
		`nhsd_http_requests_total{code="200",route="page"} 2`,
		`nhsd_http_requests_total{code="200",route="asset"} 1`,
		`nhsd_http_requests_total{code="404",route="page"} 2`, // /nope and /metrics,
		`nhsd_http_request_duration_seconds_count{route="page"} 4`,
		`nhsd_renders_total 3`, // spine once, the 404 page twice,
		`nhsd_page_cache_requests_total{result="hit"} 1`,
		`nhsd_page_cache_requests_total{result="miss"} 1`,
		`nhsd_page_cache_pages 1`,
		`nhsd_page_cache_bytes `,
		`nhsd_content_info{version="` + l.Current().Store().Version + `"} 1`,
		`nhsd_content_loaded_timestamp_seconds `,
		`nhsd_content_reloads_total{result="ok"} 1`,
		`nhsd_page_views_total 1`,
		`nhsd_build_info{revision="abc123",version="v1.2.3"} 1`,
		`go_goroutines `,
	} {
		if !strings.Contains(res.body, want) {
			t.Errorf("/metrics lacks %q in\n%s", want, res.body)
		}
	}
	if res := get(admin, "/debug/pprof/"); res.code != 200 || !strings.Contains(res.body, "goroutine") {
		t.Errorf("/debug/pprof/: %d", res.code)
	}
	if res := get(admin, "/readyz"); res.code != 200 {
		t.Errorf("admin /readyz: %d", res.code)
	}
}

func TestParseTrustedProxies(t *testing.T) {
	got, err := ParseTrustedProxies(" 10.0.0.0/8, 127.0.0.1,::1 ,fd00::/8")
	if err != nil || len(got) != 4 || got[1] != netip.MustParsePrefix("127.0.0.1/32") {
		t.Errorf("got %v, %v", got, err)
	}
	for _, bad := range []string{"10.0.0.0/33", "example.com", "10.0.0.1/8/2"} {
		if _, err := ParseTrustedProxies(bad); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}

// The client is the right-most X-Forwarded-For hop that is not a trusted
// proxy; hops from untrusted connections are never believed.
func TestClientAddr(t *testing.T) {
	proxies, _ := ParseTrustedProxies("10.0.0.0/8,127.0.0.1")
	s := &Server{proxies: proxies}
	for _, c := range []struct{ remote, xff, want string }{
		{"203.0.113.5:1234", "", "203.0.113.5"},
		{"203.0.113.5:1234", "1.2.3.4", "203.0.113.5"}, // not a proxy: its header is ignored
		{"10.1.2.3:80", "", "10.1.2.3"},
		{"10.1.2.3:80", "198.51.100.1", "198.51.100.1"},
		{"10.1.2.3:80", "6.6.6.6, 198.51.100.1", "198.51.100.1"},           // a forged left hop is ignored
		{"10.1.2.3:80", "6.6.6.6, 198.51.100.1, 10.9.9.9", "198.51.100.1"}, // two proxies
		{"127.0.0.1:80", "10.0.0.1, 10.0.0.2", "10.0.0.1"},                 // every hop trusted
		{"10.1.2.3:80", "garbage, 10.0.0.2", "10.0.0.2"},
		{"[::ffff:10.1.2.3]:80", "2001:db8::1", "2001:db8::1"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.remote
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := s.clientAddr(r); got != c.want {
			t.Errorf("%s with X-Forwarded-For %q: %s, want %s", c.remote, c.xff, got, c.want)
		}
	}
}

// Behind a trusted proxy that rewrites Host (nginx's default), a cookie
// choice from a browser that sends Origin but no Sec-Fetch-Site is taken
// when X-Forwarded-Host names the page's host, and refused from another
// site; the same headers from an untrusted address are not believed.
// Page views are limited per client, not per proxy, and /statistics is
// closed to requests through a proxy on this machine.
func TestBehindProxy(t *testing.T) {
	proxies, _ := ParseTrustedProxies("127.0.0.1,192.0.2.0/24")
	srv, err := New(Config{Store: realStore(t), Web: os.DirFS("../web"), Proxies: proxies, DB: testDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	choose := func(remote, origin, fwdHost string) int {
		return postVia(srv, "/consent", "consent=accept&return=%2F", remote, origin, fwdHost)
	}
	// Every form reads the forwarded host the same way.
	if c := postVia(srv, "/useful", "path=%2Fservices%2Fspine&answer=yes", "192.0.2.10:5555", "https://staging.example.org", "staging.example.org"); c != http.StatusSeeOther {
		t.Errorf("usefulness through the proxy: %d, want 303", c)
	}
	if c := postVia(srv, fbPath, "found=yes&more=x", "192.0.2.10:5555", "https://staging.example.org", "staging.example.org"); c == http.StatusForbidden {
		t.Errorf("feedback through the proxy: %d", c)
	}
	if c := postVia(srv, "/useful", "path=%2Fservices%2Fspine&answer=yes", "192.0.2.10:5555", "https://evil.example", "staging.example.org"); c != http.StatusForbidden {
		t.Errorf("usefulness from another site through the proxy: %d, want 403", c)
	}
	if c := choose("192.0.2.10:5555", "https://staging.example.org", "staging.example.org"); c != http.StatusSeeOther {
		t.Errorf("own site through the proxy: %d, want 303", c)
	}
	if c := choose("192.0.2.10:5555", "https://evil.example", "staging.example.org"); c != http.StatusForbidden {
		t.Errorf("other site through the proxy: %d, want 403", c)
	}
	if c := choose("203.0.113.1:5555", "https://evil.example", "evil.example"); c != http.StatusForbidden {
		t.Errorf("forged X-Forwarded-Host from an untrusted address: %d, want 403", c)
	}

	// Views: 120 a minute per client, whichever proxy they come through.
	view := func(client string) int {
		req := httptest.NewRequest(http.MethodPost, "/statistics", strings.NewReader("/services/spine"))
		req.RemoteAddr = "192.0.2.10:5555"
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		req.Header.Set("X-Forwarded-For", client)
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Code
	}
	for i := 0; i < statsPerAddrPerMinute; i++ {
		if c := view("198.51.100.1"); c != http.StatusNoContent {
			t.Fatalf("view %d: %d", i, c)
		}
	}
	if c := view("198.51.100.1"); c != http.StatusTooManyRequests {
		t.Errorf("view past the limit: %d, want 429", c)
	}
	if c := view("198.51.100.2"); c != http.StatusNoContent {
		t.Errorf("another client through the same proxy: %d, want 204", c)
	}

	// A proxy on this machine adding no X-Forwarded-For is not an operator.
	req := httptest.NewRequest(http.MethodGet, "/statistics", nil)
	req.RemoteAddr = "127.0.0.1:4444"
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("/statistics through a local trusted proxy: %d, want 403", rec.Code)
	}
	direct := newServer(t, realStore(t))
	req.Host = "127.0.0.1:8000"
	rec = httptest.NewRecorder()
	direct.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("/statistics from this machine without a proxy: %d, want 200", rec.Code)
	}
}

// postVia posts a form as a browser behind a proxy that rewrote Host.
func postVia(srv *Server, target, form, remote, origin, fwdHost string) int {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(form))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.RemoteAddr = remote
	req.Host = "upstream:8000"
	req.Header.Set("Origin", origin)
	if fwdHost != "" {
		req.Header.Set("X-Forwarded-Host", fwdHost)
	}
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	return rec.Code
}
