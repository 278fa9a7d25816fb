package server

import (
	"net/http"
	"net/url"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
)

// Old search addresses. The original site's search took its words in
// query= and limited itself to data and publications with area=data (its
// home page linked to /search?sort=date&area=data). Such an address
// answers 301 with the same search written the way this site writes it:
// query= becomes q=, area=data becomes scope=data, and the rest is kept
// if this site's search knows it.

// legacySearchTarget returns where an old-style search address goes, or
// false when the address is not one.
func legacySearchTarget(u *url.URL) (string, bool) {
	if u.Path != pagetype.SearchPath {
		return "", false
	}
	old := u.Query()
	if !old.Has("query") && !old.Has("area") {
		return "", false
	}
	v := url.Values{}
	for k, vals := range old {
		switch k {
		case "query", "area":
		default:
			v[k] = vals
		}
	}
	if !v.Has("q") && old.Get("query") != "" {
		v.Set("q", old.Get("query"))
	}
	if !v.Has("scope") && old.Get("area") == "data" {
		v.Set("scope", "data")
	}
	target := pagetype.SearchPath
	if enc := search.ParseQuery(v).Values().Encode(); enc != "" {
		target += "?" + enc
	}
	return target, true
}

// serveLegacy answers an old-style address with a permanent redirect and
// reports whether it did.
func (s *Server) serveLegacy(w http.ResponseWriter, r *http.Request) bool {
	target, ok := legacySearchTarget(r.URL)
	if !ok {
		return false
	}
	w.Header().Set("Cache-Control", "public, max-age=3600")
	http.Redirect(w, r, target, http.StatusMovedPermanently)
	return true
}
