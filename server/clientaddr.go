//go:build !wasm

package server

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseTrustedProxies reads a comma-separated list of addresses and CIDR
// ranges (10.0.0.0/8, 127.0.0.1, ::1) of the proxies in front of the site.
func ParseTrustedProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q is neither an address nor a CIDR range (such as 10.0.0.0/8)", f)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is not a CIDR range (such as 10.0.0.0/8): %v", f, err)
		}
		if p.Addr().Is4In6() {
			p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// trusted reports whether addr is one of the trusted proxies.
func (s *Server) trusted(addr netip.Addr) bool {
	addr = addr.Unmap()
	for _, p := range s.proxies {
		if p.Contains(addr) {
			return true
		}
	}
	return false
}

// remoteAddr is the address of the connection's other end.
func remoteAddr(r *http.Request) (netip.Addr, bool) {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	a, err := netip.ParseAddr(host)
	if err != nil {
		return netip.Addr{}, false
	}
	return a.Unmap(), true
}

// viaProxy reports whether the request came through a trusted proxy.
func (s *Server) viaProxy(r *http.Request) bool {
	a, ok := remoteAddr(r)
	return ok && s.trusted(a)
}

// clientAddr is the visitor's address: the connection's, unless that is a
// trusted proxy (-trusted-proxies); then the right-most hop of
// X-Forwarded-For that is not a trusted proxy. Hops left of it are what
// the client itself sent and may be forged, so they are never read. When
// every hop is a trusted proxy the left-most is the answer; a hop that is
// not an address ends the walk there.
func (s *Server) clientAddr(r *http.Request) string {
	a, ok := remoteAddr(r)
	if !ok {
		return r.RemoteAddr
	}
	if !s.trusted(a) {
		return a.String()
	}
	var hops []string
	for _, v := range r.Header.Values("X-Forwarded-For") {
		hops = append(hops, strings.Split(v, ",")...)
	}
	client := a
	for i := len(hops) - 1; i >= 0; i-- {
		hop, err := netip.ParseAddr(strings.TrimSpace(hops[i]))
		if err != nil {
			break
		}
		client = hop.Unmap()
		if !s.trusted(client) {
			break
		}
	}
	return client.String()
}

// publicHost is the host the visitor asked for: X-Forwarded-Host when a
// trusted proxy sent it (nginx's default proxy_set_header Host $proxy_host
// rewrites Host to the upstream's name), else Host.
func (s *Server) publicHost(r *http.Request) string {
	if s.viaProxy(r) {
		if h := strings.TrimSpace(strings.Split(r.Header.Get("X-Forwarded-Host"), ",")[0]); h != "" {
			return h
		}
	}
	return r.Host
}

// checkOrigin refuses posts from other sites (see crossOriginProtection),
// comparing with the host the visitor asked for rather than the one a
// proxy rewrote.
func (s *Server) checkOrigin(r *http.Request) error {
	if h := s.publicHost(r); h != r.Host {
		r2 := *r
		r2.Host = h
		r = &r2
	}
	return s.crossOrigin.Check(r)
}
