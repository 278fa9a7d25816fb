//go:build !wasm

package server

import (
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// ParseProxies reads a comma-separated list of CIDR ranges (or single
// addresses) of the proxies in front of the server (-trusted-proxies).
func ParseProxies(list string) ([]netip.Prefix, error) {
	var out []netip.Prefix
	for _, f := range strings.Split(list, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		if !strings.Contains(f, "/") {
			a, err := netip.ParseAddr(f)
			if err != nil {
				return nil, fmt.Errorf("trusted proxy %q is not an address or a CIDR range", f)
			}
			out = append(out, netip.PrefixFrom(a.Unmap(), a.Unmap().BitLen()))
			continue
		}
		p, err := netip.ParsePrefix(f)
		if err != nil {
			return nil, fmt.Errorf("trusted proxy %q is not a CIDR range: %v", f, err)
		}
		out = append(out, p.Masked())
	}
	return out, nil
}

// trusted reports whether a is one of the proxies in front of the server.
func (s *Server) trusted(a netip.Addr) bool {
	a = a.Unmap()
	for _, p := range s.proxies {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

// clientAddr is the address of the visitor who sent r: the connection's
// address, unless that is a trusted proxy; then the right-most address in
// X-Forwarded-For that is not a trusted proxy (a client can write anything
// on the left, but each trusted proxy appends what it saw). Every rate
// limit and the operators' check use it.
func (s *Server) clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		host = r.RemoteAddr
	}
	remote, err := netip.ParseAddr(host)
	if err != nil {
		return host
	}
	remote = remote.Unmap()
	if !s.trusted(remote) {
		return remote.String()
	}
	hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
	client := remote
	for i := len(hops) - 1; i >= 0; i-- {
		h := strings.TrimSpace(hops[i])
		if h == "" {
			continue
		}
		a, err := netip.ParseAddr(h)
		if err != nil {
			// A hop that is not an address: the chain cannot be read past
			// it, so the last address a trusted proxy vouched for stands.
			break
		}
		client = a.Unmap()
		if !s.trusted(client) {
			break
		}
	}
	return client.String()
}

// fromLoopback reports whether the visitor is on this machine: the client
// address is loopback and no proxy we do not know forwarded the request.
func (s *Server) fromLoopback(r *http.Request) bool {
	a, err := netip.ParseAddr(s.clientAddr(r))
	if err != nil || !a.IsLoopback() {
		return false
	}
	if r.Header.Get("X-Forwarded-For") == "" {
		return true
	}
	host, _, _ := net.SplitHostPort(r.RemoteAddr)
	remote, err := netip.ParseAddr(host)
	return err == nil && s.trusted(remote)
}
