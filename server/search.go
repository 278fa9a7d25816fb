//go:build !wasm

package server

import (
	"context"
	"maps"
	"net/http"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"nhsdigital/content"
	"nhsdigital/content/search"
	"nhsdigital/internal/par"
)

// searchIndex is the search index of one content version, built in the
// background so that a server answers pages at once: at 20,000 documents
// the build takes seconds. Whatever needs it (a search page, an index
// file, the export) waits for it, so no answer is ever made from part of
// an index. A newer version's index replaces one still being built: that
// build stops, and whoever waits for it gets the newer index.
type searchIndex struct {
	start  func()        // begins the build, for an index built when first needed
	ready  chan struct{} // closed when built or given up
	cancel context.CancelFunc
	built  *search.Built
	files  map[string]*asset // by file name under /search-index/
	err    error
	next   atomic.Pointer[searchIndex] // the index that replaced this one
}

// The search index as the browser fetches it: one meta file, the term
// shards and one fragment per document, all under /search-index/ with the
// index version in the query string so they can be cached for good. The
// files are compressed when first asked for, not here.
//
// A lazy index (the preview's, remade at every save) is built only when
// first needed. The files are kept packed (see asset.pack) unless plain:
// a static export, which writes every file once and at once, keeps them
// as they are rather than compress them to unpack them again.
func buildSearch(store *content.Store, lazy, plain bool) *searchIndex {
	ctx, cancel := context.WithCancel(context.Background())
	si := &searchIndex{ready: make(chan struct{}), cancel: cancel}
	build := func() {
		defer close(si.ready)
		defer cancel()
		docs, err := store.SearchDocsContext(ctx)
		if err != nil {
			si.err = err
			return
		}
		b, err := search.BuildContext(ctx, docs)
		if err != nil {
			si.err = err
			return
		}
		files := make(map[string]*asset, 1+len(b.Shards)+len(b.Fragments))
		files["meta.json"] = newLazyAsset("meta.json", b.Meta, "application/json")
		for i, sh := range b.Shards {
			files["shard-"+strconv.Itoa(i)+".txt"] = newLazyAsset("shard.txt", []byte(sh), "text/plain; charset=utf-8")
		}
		for i, f := range b.Fragments {
			files[fragmentFile(i)] = newLazyAsset("doc.json", f, "application/json")
		}
		b.Fragments, b.Shards, b.Meta = nil, nil, nil // served from the files alone
		// Kept packed (gzip only, about a third of the size): at 20,000
		// documents the fragments and shards are about 70 MB as text, and
		// packing them on one core took seconds.
		if !plain {
			all := slices.Collect(maps.Values(files))
			if err := par.For(ctx, len(all), func(i int) { all[i].pack() }); err != nil {
				si.err = err
				return
			}
		}
		si.built, si.files = b, files
		// The build's working memory (every document's terms) is garbage
		// now and several times the index: give it back to the system
		// rather than keep it for a growth that does not come.
		debug.FreeOSMemory()
	}
	si.start = sync.OnceFunc(func() { go build() })
	if !lazy {
		si.start()
	}
	return si
}

// fragmentFile names the index file of document i's fragment: what a
// result shows of it, one file a document.
func fragmentFile(i int) string { return "doc-" + strconv.Itoa(i) + ".json" }

// isFragmentFile says whether an index file is a fragment (fragmentFile).
func isFragmentFile(name string) bool { return strings.HasPrefix(name, "doc-") }

// replaceWith stops si's build if it has not finished: next, the index of
// a newer version, answers for it from then on.
func (si *searchIndex) replaceWith(next *searchIndex) {
	si.next.Store(next)
	si.cancel()
	if si.start != nil {
		si.start() // a lazy build never begun: let it end at once
	}
}

// get waits for the index and returns it: the newer one that replaced it
// if its build was stopped.
func (si *searchIndex) get() (*search.Built, map[string]*asset, error) {
	if si.start != nil {
		si.start()
	}
	<-si.ready
	if si.built == nil {
		if next := si.next.Load(); next != nil {
			return next.get()
		}
	}
	return si.built, si.files, si.err
}

func (s *Server) serveSearchIndex(rt *route, w http.ResponseWriter, r *http.Request) {
	b, files, err := s.search.get()
	if err != nil {
		http.Error(w, "The search index could not be built; see the server's log.", http.StatusServiceUnavailable)
		return
	}
	name := strings.TrimPrefix(r.URL.Path, "/search-index/")
	a, ok := files[name]
	if !ok {
		s.notFoundText(w, "No such search index file.")
		return
	}
	cc := s.cacheControl(rt, r, a.hash)
	if r.URL.Query().Get("v") == b.Index.Version { // an index kept from an earlier version
		cc = CacheImmutable
	}
	a.serve(w, r, cc)
}

// Search runs a query on the server's index, for prerendered search pages.
func (src *storeSource) Search(q search.Query) (*search.Result, []search.Fragment, error) {
	b, files, err := src.search.get()
	if err != nil {
		return nil, nil, err
	}
	r := b.Index.Search(q)
	frags := make([]search.Fragment, len(r.Hits))
	for i, h := range r.Hits {
		if a := files[fragmentFile(int(h))]; a != nil {
			frags[i], _ = search.DecodeFragment(a.plain()) // the file the browser reads
		}
	}
	return r, frags, nil
}
