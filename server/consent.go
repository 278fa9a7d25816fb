//go:build !wasm

package server

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"io"
	"log"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/content/consent"
	"nhsdigital/content/words"
)

// consentOf returns the request's consent record when it answers the
// current policy; anything else is no consent.
func (s *Server) consentOf(r *http.Request) *consent.Record {
	c, err := r.Cookie(consent.CookieName)
	if err != nil {
		return nil
	}
	rec := consent.Parse(c.Value)
	if !rec.Current(s.policy()) {
		return nil
	}
	return rec
}

func (s *Server) policy() string { return s.store.Site().Get("cookiePolicy").String() }

// words is the site's words (site.json "words").
func (s *Server) words() words.Words { return words.Of(s.source.site) }

// crossOriginProtection refuses form posts and page views sent from
// other sites: Sec-Fetch-Site says so in every current browser; without
// it, an Origin other than this host, "null" included, is refused. The
// site's public origin (site.json "origin") is trusted as well, so posts
// keep working behind a proxy that rewrites Host.
func crossOriginProtection(origin string) *http.CrossOriginProtection {
	cop := http.NewCrossOriginProtection()
	if origin != "" {
		if err := cop.AddTrustedOrigin(origin); err != nil {
			log.Printf("site.json origin %q cannot be trusted for form posts: %v", origin, err)
		}
	}
	return cop
}

// returnPath is where a form sends the visitor back to: a page of this
// site, never another one.
func (s *Server) returnPath(p string) string {
	if _, ok := s.localPage(p); !ok {
		return "/"
	}
	return p
}

// localPage is the page at p, when p is a path that can only lead to this
// site (content.LocalPath) and a page has it: the one rule for every path
// the server sends a visitor to from a form or a link.
func (s *Server) localPage(p string) (*content.Doc, bool) {
	if !content.LocalPath(p) {
		return nil, false
	}
	return s.store.Doc(p)
}

// serveConsent answers the banner's and the cookie page's forms: it sets
// the consent record and sends the visitor back (303) to the page.
func (s *Server) serveConsent(w http.ResponseWriter, r *http.Request) {
	if !s.readForm(w, r, formPost{allow: "POST", limit: 4 << 10,
		badMethod:  "Send your cookie choices with the form on the page.",
		crossSite:  "Cookie choices can only be made on this site.",
		tooLarge:   "The form was too large; go back and try again.",
		unreadable: "The form could not be read; go back and try again."}) {
		return
	}
	current := s.consentOf(r)
	choices, note, ok := consent.Decide(r.PostForm, current)
	if !ok {
		http.Error(w, "The form did not say what you chose; go back and choose again.", http.StatusBadRequest)
		return
	}
	rec := &consent.Record{ID: uuid.NewString(), Time: time.Now().UTC(), Policy: s.policy(), Choices: choices}
	if current != nil {
		rec.ID = current.ID
	} else if c, err := r.Cookie(consent.CookieName); err == nil {
		if old := consent.Parse(c.Value); old != nil {
			rec.ID = old.ID // same visitor, older policy
		}
	}
	back := s.returnPath(r.PostForm.Get("return"))
	http.SetCookie(w, &http.Cookie{
		Name: consent.CookieName, Value: rec.Value(), Path: "/", MaxAge: int(consent.MaxAge / time.Second),
		SameSite: http.SameSiteLaxMode, Secure: r.TLS != nil || s.viaProxy(r) && r.Header.Get("X-Forwarded-Proto") == "https",
	})
	w.Header().Set("Cache-Control", "no-store")
	http.Redirect(w, r, back+"?"+note, http.StatusSeeOther)
}

// stats limits page-view counting (the totals are in the database, Config.DB).
// Nothing about the visitor is kept:
// the rate limit counts requests per address for one minute, under a hash
// with a key that lives only in memory. Counting is also bounded per page
// and in all for each minute, so many addresses together cannot inflate a
// page's count without limit.
type stats struct {
	mu      sync.Mutex
	perAddr map[string]int
	perPath map[string]int
	all     int
	window  time.Time
	salt    [16]byte
}

const (
	statsPerAddrPerMinute = 120
	statsPerPathPerMinute = 600
	statsAllPerMinute     = 6000
)

func newStats() *stats {
	st := &stats{perAddr: map[string]int{}, perPath: map[string]int{}, window: time.Now()}
	rand.Read(st.salt[:])
	return st
}

// allow reports whether a view of path from addr may be counted now, and
// counts it against the limits.
func (st *stats) allow(addr, path string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	sum := sha256.Sum256(append(st.salt[:], host...))
	key := hex.EncodeToString(sum[:8])
	st.mu.Lock()
	defer st.mu.Unlock()
	if time.Since(st.window) > time.Minute {
		st.perAddr = map[string]int{}
		st.perPath = map[string]int{}
		st.all = 0
		st.window = time.Now()
	}
	if st.perAddr[key] >= statsPerAddrPerMinute || st.perPath[path] >= statsPerPathPerMinute || st.all >= statsAllPerMinute {
		return false
	}
	st.perAddr[key]++
	st.perPath[path]++
	st.all++
	return true
}

// serveStatistics counts a page view (POST, body: the path) and shows the
// totals to operators (GET, from this machine or with the token).
func (s *Server) serveStatistics(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.Method {
	case http.MethodPost:
		if s.checkOrigin(r) != nil {
			http.Error(w, "Page views are only counted from this site.", http.StatusForbidden)
			return
		}
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 512))
		if err != nil {
			refuseBody(w, err, "The page view is too large.", "The page view could not be read.")
			return
		}
		p := strings.TrimSpace(string(body))
		if d, ok := s.store.Doc(p); !ok || d.Type == "not-found" {
			http.Error(w, "Not a page of this site.", http.StatusBadRequest)
			return
		}
		if !s.stats.allow(s.clientAddr(r), p) {
			http.Error(w, "Too many page views; try again in a minute.", http.StatusTooManyRequests)
			return
		}
		if s.db == nil {
			http.Error(w, "This server keeps no page views.", http.StatusServiceUnavailable)
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
		defer cancel()
		if err := s.db.AddView(ctx, p, time.Now()); err != nil {
			log.Printf("page view not stored: %v", err)
			http.Error(w, "The page view could not be stored just now.", http.StatusServiceUnavailable)
			return
		}
		s.metrics.viewed()
		w.WriteHeader(http.StatusNoContent)
	case http.MethodGet, http.MethodHead:
		if !s.operator(r) {
			http.Error(w, "Page view totals are for the site's operators.", http.StatusForbidden)
			return
		}
		s.serveStatsPage(w, r)
	default:
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "Use GET to read the totals or POST to count a page view.", http.StatusMethodNotAllowed)
	}
}

// operator reports whether a request comes from this machine or carries
// the operators' token (as "Authorization: Bearer <token>"). A request
// through a proxy (a trusted one, or any request with X-Forwarded-For) is
// never "this machine": a proxy on the same machine connects from
// loopback on behalf of anyone. Nor is one that names another host: a
// page on another site whose name was made to point at 127.0.0.1 (DNS
// rebinding) would otherwise be able to read feedback from the browser of
// someone at this machine.
func (s *Server) operator(r *http.Request) bool {
	if s.statsToken != "" {
		got, bearer := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
		if bearer && subtle.ConstantTimeCompare([]byte(got), []byte(s.statsToken)) == 1 {
			return true
		}
	}
	if s.viaProxy(r) || r.Header.Get("X-Forwarded-For") != "" || r.Header.Get("Forwarded") != "" {
		return false
	}
	ip := net.ParseIP(s.clientAddr(r))
	return ip != nil && ip.IsLoopback() && LocalHost(r.Host)
}

// LocalHost reports whether a Host header names this machine: localhost
// or a loopback address, with or without a port.
func LocalHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
