//go:build !wasm

package server

import "net/http"

// formPost says how one form's posts are read and what each refusal says.
type formPost struct {
	allow      string // the Allow header for other methods
	limit      int64  // the most bytes a post may have
	badMethod  string // the answer to another method (405)
	crossSite  string // the answer to a post from another site (403)
	unreadable string // the answer to a body too large or malformed
	status     int    // its status
}

// readForm reads a form post for the handlers that take one (cookie
// choices, feedback, usefulness, staff deletes): POST only, from this site
// only (checkOrigin, which also holds behind a proxy that rewrites Host),
// at most limit bytes. It answers a refusal itself and reports false.
func (s *Server) readForm(w http.ResponseWriter, r *http.Request, f formPost) bool {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", f.allow)
		http.Error(w, f.badMethod, http.StatusMethodNotAllowed)
		return false
	}
	if s.checkOrigin(r) != nil {
		http.Error(w, f.crossSite, http.StatusForbidden)
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, f.limit)
	if err := r.ParseForm(); err != nil {
		// Close: the rest of a body too large is not read (writers that
		// wrap net/http's, such as the access log's, hide this from
		// http.MaxBytesReader).
		w.Header().Set("Connection", "close")
		http.Error(w, f.unreadable, f.status)
		return false
	}
	return true
}
