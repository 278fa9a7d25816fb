//go:build !wasm

package server

import (
	"errors"
	"net/http"
)

// formPost says how one form's posts are read and what each refusal says.
type formPost struct {
	allow      string // the Allow header for other methods
	limit      int64  // the most bytes a post may have
	badMethod  string // the answer to another method (405)
	crossSite  string // the answer to a post from another site (403)
	tooLarge   string // the answer to a body over limit (413)
	unreadable string // the answer to a malformed or cut-short body (400)
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
		refuseBody(w, err, f.tooLarge, f.unreadable)
		return false
	}
	return true
}

// refuseBody answers a request body that could not be read: 413 with
// tooLarge when it was over its limit, else 400 with unreadable (a body
// that is not form encoding, or one that stopped before its end).
func refuseBody(w http.ResponseWriter, err error, tooLarge, unreadable string) {
	// Close: the rest of the body is not read (writers that wrap
	// net/http's, such as the access log's, hide this from
	// http.MaxBytesReader).
	w.Header().Set("Connection", "close")
	if _, over := errors.AsType[*http.MaxBytesError](err); over {
		http.Error(w, tooLarge, http.StatusRequestEntityTooLarge)
		return
	}
	http.Error(w, unreadable, http.StatusBadRequest)
}
