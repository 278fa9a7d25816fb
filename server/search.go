//go:build !wasm

package server

import (
	"compress/gzip"
	"context"
	"errors"
	"log/slog"
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
//
// A version that changes a few documents (a publication, an expiry, a
// saved file) updates the index of the version before (search.Update)
// rather than build one: the other documents' fragments are the same
// files, and their postings are only renumbered.
type searchIndex struct {
	store  *content.Store
	start  func()        // begins the build, for an index built when first needed
	ready  chan struct{} // closed when built or given up
	cancel context.CancelFunc
	built  *search.Built
	files  map[string]*asset // by file name under /search-index/
	err    error
	next   atomic.Pointer[searchIndex] // the index that replaced this one
	base   atomic.Pointer[searchIndex] // a built index of an earlier version to update, until this one is built
}

// maxUpdate is the most documents changed for which an index is updated
// rather than built again.
const maxUpdate = 500

// The search index as the browser fetches it: one meta file, the term
// shards and one fragment per document, all under /search-index/ with the
// index version in the query string so they can be cached for good. The
// files are compressed when first asked for, not here.
//
// A lazy index (the preview's, remade at every save) is built only when
// first needed. The files are kept packed (see asset.pack) unless plain:
// a static export, which writes every file once and at once, keeps them
// as they are rather than compress them to unpack them again. prev is the
// index of the version before, or nil.
func buildSearch(store *content.Store, lazy, plain bool, prev *searchIndex) *searchIndex {
	ctx, cancel := context.WithCancel(context.Background())
	si := &searchIndex{store: store, ready: make(chan struct{}), cancel: cancel}
	if base := prev.builtOrBase(); base != nil && !plain {
		si.base.Store(base)
	}
	build := func() {
		defer cancel()
		b, files, err := si.update(ctx)
		whole := b == nil && err == nil
		if whole {
			b, files, err = si.build(ctx, plain)
		}
		if err != nil {
			si.err = err
		} else {
			si.built, si.files = b, files
		}
		si.base.Store(nil)
		if whole && err == nil {
			// The build's working memory (every document's terms) is
			// garbage now and several times the index: give it back to
			// the system rather than keep it for a growth that does not
			// come. (An update's is small.)
			debug.FreeOSMemory()
		}
		close(si.ready)
	}
	si.start = sync.OnceFunc(func() { go build() })
	if !lazy {
		si.start()
	}
	return si
}

// builtOrBase is si if it is built, else the built index it would update.
func (si *searchIndex) builtOrBase() *searchIndex {
	if si == nil {
		return nil
	}
	select {
	case <-si.ready:
		if si.built != nil {
			return si
		}
	default:
	}
	return si.base.Load()
}

// build indexes every document of si's version.
func (si *searchIndex) build(ctx context.Context, plain bool) (*search.Built, map[string]*asset, error) {
	docs, err := si.store.SearchDocsContext(ctx)
	if err != nil {
		return nil, nil, err
	}
	b, err := search.BuildContext(ctx, docs)
	if err != nil {
		return nil, nil, err
	}
	files := make(map[string]*asset, 1+len(b.Shards)+len(b.Fragments))
	for i, f := range b.Fragments {
		files[fragmentFile(i)] = newLazyAsset("doc.json", f, "application/json")
	}
	addFiles(b, files)
	if plain {
		return b, files, nil
	}
	return b, files, pack(ctx, slices.Collect(maps.Values(files)))
}

// update makes si's index from its base's, when few documents changed.
// It returns nothing (and no error) when a build is needed instead.
func (si *searchIndex) update(ctx context.Context) (*search.Built, map[string]*asset, error) {
	base := si.base.Load()
	if base == nil {
		return nil, nil, nil
	}
	removed, added, ok := si.store.SearchChanges(base.store, maxUpdate)
	if !ok {
		return nil, nil, nil
	}
	b, err := search.Update(ctx, base.built, removed, added)
	if errors.Is(err, search.ErrAverages) {
		return nil, nil, nil
	}
	if err != nil {
		if ctx.Err() == nil {
			slog.Warn("search index update failed; building it whole", "error", err.Error())
			return nil, nil, nil
		}
		return nil, nil, err
	}
	files := make(map[string]*asset, 1+len(b.Shards)+len(b.Fragments))
	var fresh []*asset
	for i, f := range b.Fragments {
		if k := b.Kept[i]; k >= 0 {
			files[fragmentFile(i)] = base.files[fragmentFile(k)] // the same file
		} else {
			a := newLazyAsset("doc.json", f, "application/json")
			files[fragmentFile(i)] = a
			fresh = append(fresh, a)
		}
	}
	return b, files, pack(ctx, append(addFiles(b, files), fresh...))
}

// addFiles adds the meta file and the shards to files, and returns them.
func addFiles(b *search.Built, files map[string]*asset) []*asset {
	var made []*asset
	add := func(name string, a *asset) {
		files[name] = a
		made = append(made, a)
	}
	add("meta.json", newLazyAsset("meta.json", b.Meta, "application/json"))
	for i, sh := range b.Shards {
		a := newLazyAsset("shard.txt", []byte(sh), "text/plain; charset=utf-8")
		// Shards, numbers mostly, are packed fast: at the default level
		// they took five times as long (1.8 s at 20,000 documents, at
		// every update) to be a fifth smaller. Browsers take the brotli
		// copy, made from the text when first asked for.
		a.level = gzip.BestSpeed
		add("shard-"+strconv.Itoa(i)+".txt", a)
	}
	b.Fragments, b.Shards, b.Meta, b.Kept = nil, nil, nil, nil // served from the files alone
	return made
}

// pack packs files on every core: kept packed (gzip only, about a third
// of the size), the fragments and shards of 20,000 documents are about
// 23 MB rather than 70.
func pack(ctx context.Context, files []*asset) error {
	return par.For(ctx, len(files), func(i int) { files[i].pack() })
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
