//go:build !wasm

package server

import (
	"net/http"
	"strconv"
	"strings"

	"nhsdigital/content/search"
)

// The search index as the browser fetches it: one meta file, the term
// shards and one fragment per document, all under /search-index/ with the
// index version in the query string so they can be cached for good.
func (s *Server) buildSearch() error {
	b, err := search.Build(s.store.SearchDocs())
	if err != nil {
		return err
	}
	s.searchIndex = b
	s.searchFiles = map[string]*asset{"meta.json": newAsset("meta.json", b.Meta, "application/json")}
	for i, sh := range b.Shards {
		s.searchFiles["shard-"+strconv.Itoa(i)+".txt"] = newAsset("shard.txt", []byte(sh), "text/plain; charset=utf-8")
	}
	for i, f := range b.Fragments {
		s.searchFiles["doc-"+strconv.Itoa(i)+".json"] = newAsset("doc.json", f, "application/json")
	}
	return nil
}

func (s *Server) serveSearchIndex(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/search-index/")
	a, ok := s.searchFiles[name]
	if !ok {
		s.notFoundText(w, "No such search index file.")
		return
	}
	cc := s.cacheFor(r)
	if r.URL.Query().Get("v") == s.searchIndex.Index.Version {
		cc = cacheImmutable
	}
	a.serve(w, r, cc)
}

// Search runs a query on the server's index, for prerendered search pages.
func (src *storeSource) Search(q search.Query) (*search.Result, []search.Fragment, error) {
	b := src.search
	r := b.Index.Search(q)
	frags := make([]search.Fragment, len(r.Hits))
	for i, h := range r.Hits {
		frags[i] = b.Fragment(h)
	}
	return r, frags, nil
}
