//go:build !wasm

package server

import (
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"nhsdigital/content/consent"
)

func post(h http.Handler, target, body string, headers ...string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, target, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec
}

const banner = "Accept additional cookies"

func TestConsentFormsWithoutJavaScript(t *testing.T) {
	srv := newServer(t, realStore(t))
	if r := get(srv, "/services/spine"); !strings.Contains(r.body, banner) || !strings.Contains(r.header.Get("Vary"), "Cookie") {
		t.Fatal("first visit: no banner, or the page does not vary by cookie")
	}
	rec := post(srv, "/consent", "consent=accept&return=%2Fservices%2Fspine", "Origin", "http://example.com", "Sec-Fetch-Site", "same-origin")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/services/spine?consent=accepted" {
		t.Fatalf("accept: %d to %q", rec.Code, rec.Header().Get("Location"))
	}
	set := rec.Result().Cookies()
	if len(set) != 1 || set[0].Name != consent.CookieName || set[0].MaxAge != 365*24*3600 || set[0].SameSite != http.SameSiteLaxMode || set[0].Path != "/" || set[0].Secure {
		t.Fatalf("cookie: %+v", set)
	}
	record := consent.Parse(set[0].Value)
	if record == nil || !record.Allows(consent.Statistics) || !record.Allows(consent.Media) || !record.Allows(consent.Offline) {
		t.Fatalf("accept did not allow everything: %+v", record)
	}
	cookie := consent.CookieName + "=" + set[0].Value

	// With the cookie, no banner; the confirmation shows after the choice.
	if r := get(srv, "/services/spine", "Cookie", cookie); strings.Contains(r.body, banner) {
		t.Error("banner shown after a choice")
	}
	if r := get(srv, "/services/spine?consent=accepted", "Cookie", cookie); !strings.Contains(r.body, "accepted additional cookies") || !strings.Contains(r.body, "Hide cookie message") {
		t.Error("no confirmation after accepting")
	}
	// The page cache never gives one visitor's state to another.
	if r := get(srv, "/services/spine"); !strings.Contains(r.body, banner) {
		t.Error("a visitor without consent got the page of one with consent")
	}
	// The settings page shows the record and the choices.
	r := get(srv, "/cookies", "Cookie", cookie)
	if !strings.Contains(r.body, record.ID) || !strings.Contains(r.body, `id="nhsd-cookie-statistics-yes"`) {
		t.Error("/cookies does not show the consent ID and choices")
	}
	// Saving from the settings page: statistics only; the ID stays.
	rec = post(srv, "/consent", "save=1&offline=no&statistics=yes&media=no&return=%2Fcookies", "Cookie", cookie)
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != "/cookies?saved=1" {
		t.Fatalf("save: %d %q", rec.Code, rec.Header().Get("Location"))
	}
	saved := consent.Parse(rec.Result().Cookies()[0].Value)
	if saved.ID != record.ID || !saved.Allows(consent.Statistics) || saved.Allows(consent.Media) {
		t.Errorf("saved record: %+v", saved)
	}
	// Withdrawal turns everything off.
	rec = post(srv, "/consent", "withdraw=1&return=%2Fcookies", "Cookie", cookie)
	if w := consent.Parse(rec.Result().Cookies()[0].Value); w == nil || w.Allows(consent.Statistics) || w.Allows(consent.Media) || w.Allows(consent.Offline) {
		t.Errorf("withdraw left something on: %+v", w)
	}
	// Secure over HTTPS: TLS, or a trusted proxy's X-Forwarded-Proto
	// (httptest's requests come from 192.0.2.1), not a client's own.
	rec = post(srv, "/consent", "consent=reject&return=%2F", "X-Forwarded-Proto", "https")
	if c := rec.Result().Cookies()[0]; c.Secure {
		t.Error("X-Forwarded-Proto from a client that is not a trusted proxy made the cookie Secure")
	}
	srv.proxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")}
	rec = post(srv, "/consent", "consent=reject&return=%2F", "X-Forwarded-Proto", "https")
	if c := rec.Result().Cookies()[0]; !c.Secure || rec.Header().Get("Location") != "/?consent=rejected" {
		t.Errorf("reject over https behind a proxy: secure %v, to %q", c.Secure, rec.Header().Get("Location"))
	}
	srv.proxies = nil
	req := httptest.NewRequest(http.MethodPost, "https://example.com/consent", strings.NewReader("consent=reject&return=%2F"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if c := rec.Result().Cookies(); len(c) != 1 || !c[0].Secure {
		t.Errorf("reject over TLS: %d %v", rec.Code, c)
	}
}

func TestConsentBadInput(t *testing.T) {
	srv := newServer(t, realStore(t))
	if rec := post(srv, "/consent", "consent=accept&return=%2F", "Origin", "https://evil.example"); rec.Code != http.StatusForbidden {
		t.Errorf("cross-site post: %d", rec.Code)
	}
	if rec := post(srv, "/consent", "consent=accept", "Sec-Fetch-Site", "cross-site"); rec.Code != http.StatusForbidden {
		t.Errorf("cross-site fetch: %d", rec.Code)
	}
	for _, ret := range []string{"https://evil.example/", "//evil.example/x", "/nope", "/services%0d%0aSet-Cookie:x=1", "javascript:alert(1)"} {
		rec := post(srv, "/consent", "consent=reject&return="+url.QueryEscape(ret))
		if loc := rec.Header().Get("Location"); loc != "/?consent=rejected" {
			t.Errorf("return %q went to %q", ret, loc)
		}
	}
	if rec := post(srv, "/consent", "nothing=here"); rec.Code != http.StatusBadRequest {
		t.Errorf("empty choice: %d", rec.Code)
	}
	if rec := post(srv, "/consent", "consent=accept&x="+strings.Repeat("a", 10000)); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("oversized form: %d", rec.Code)
	}
	if r := get(srv, "/consent"); r.code != http.StatusMethodNotAllowed {
		t.Errorf("GET /consent: %d", r.code)
	}
	// Malformed, oversized, tampered or old-policy cookies: the banner asks again, never an error.
	old := "6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + strconv.FormatInt(time.Now().Unix(), 10) + ".2000-01-01.OSM"
	for _, v := range []string{"garbage", strings.Repeat("x", 3000), "6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60.1.2026-11-22.OSM", old, "%00%ff"} {
		r := get(srv, "/", "Cookie", consent.CookieName+"="+v)
		if r.code != 200 || !strings.Contains(r.body, banner) {
			t.Errorf("cookie %.30q: %d, banner %v", v, r.code, strings.Contains(r.body, banner))
		}
	}
}

func TestStatistics(t *testing.T) {
	srv := newServer(t, realStore(t))
	count := func(path string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, "/statistics", strings.NewReader(path))
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	if rec := count("/services/spine"); rec.Code != http.StatusNoContent {
		t.Fatalf("count: %d", rec.Code)
	}
	count("/services/spine")
	for _, bad := range []string{"/nope", "https://evil.example/", "", "/services/spine?email=a@b.c", strings.Repeat("/a", 400)} {
		if rec := count(bad); rec.Code/100 != 4 {
			t.Errorf("%.20q counted: %d", bad, rec.Code)
		}
	}
	// Operators only: not from another machine, yes from this one or with the token.
	if r := get(srv, "/statistics"); r.code != http.StatusForbidden {
		t.Errorf("statistics from elsewhere: %d", r.code)
	}
	req := httptest.NewRequest(http.MethodGet, "/statistics", nil)
	req.RemoteAddr = "127.0.0.1:5555"
	req.Host = "localhost:8000"
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	body, _ := io.ReadAll(rec.Body)
	if rec.Code != 200 || !strings.Contains(string(body), `"/services/spine": 2`) || strings.Contains(string(body), "192.0.2") {
		t.Errorf("totals: %d %s", rec.Code, body)
	}
	// From this machine, but for another site's name pointed at it (DNS
	// rebinding): not an operator.
	req.Host = "attacker.example:8000"
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden {
		t.Errorf("totals for another host name on loopback: %d", rec.Code)
	}
	// From elsewhere with the operators' token, as a bearer token only.
	srv.statsToken = "s3cret"
	for auth, want := range map[string]int{"Bearer s3cret": 200, "s3cret": 403, "Bearer wrong": 403, "Bearer ": 403, "Basic s3cret": 403} {
		if r := get(srv, "/statistics", "Authorization", auth); r.code != want {
			t.Errorf("totals with Authorization %q: %d, want %d", auth, r.code, want)
		}
	}
	srv.statsToken = ""
	// Rate limit per address.
	limited := false
	for i := 0; i < statsPerAddrPerMinute+5; i++ {
		if count("/").Code == http.StatusTooManyRequests {
			limited = true
			break
		}
	}
	if !limited {
		t.Error("no rate limit")
	}
}
