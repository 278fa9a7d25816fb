//go:build wasm

package client

import (
	"errors"
	"strconv"
	"strings"
	"sync"

	"nhsdigital/content/search"
)

// browserSearch holds the parts of the search index fetched so far.
type browserSearch struct {
	mu    sync.Mutex
	ix    *search.Index
	frags map[uint32]search.Fragment
}

var errNoIndex = errors.New("the search index could not be loaded")

// fetchAll GETs urls in parallel and waits for them all.
func fetchAll(urls []string) ([]string, error) {
	ch := make(chan struct {
		i int
		r fetchResult
	}, len(urls))
	for i, u := range urls {
		i := i
		fetchBody(u, !strings.HasSuffix(strings.SplitN(u, "?", 2)[0], ".txt"), func(r fetchResult) {
			ch <- struct {
				i int
				r fetchResult
			}{i, r}
		})
	}
	out := make([]string, len(urls))
	var err error
	for range urls {
		x := <-ch
		if x.r.err != nil || x.r.status != 200 {
			err = errNoIndex
		}
		out[x.i] = x.r.body
	}
	return out, err
}

func (b *browserSource) index() (*search.Index, error) {
	b.search.mu.Lock()
	ix := b.search.ix
	b.search.mu.Unlock()
	if ix != nil {
		return ix, nil
	}
	bodies, err := fetchAll([]string{versioned("/search-index/meta.json")})
	if err != nil {
		return nil, err
	}
	meta, err := search.DecodeMeta([]byte(bodies[0]))
	if err != nil {
		return nil, err
	}
	b.search.mu.Lock()
	defer b.search.mu.Unlock()
	if b.search.ix == nil {
		b.search.ix = search.NewIndex(*meta)
		b.search.frags = map[uint32]search.Fragment{}
	}
	return b.search.ix, nil
}

// Search fetches what the query needs (the meta file once, the shards of
// its words, the fragments of the page of results) and answers it.
func (b *browserSource) Search(q search.Query) (*search.Result, []search.Fragment, error) {
	ix, err := b.index()
	if err != nil {
		return nil, nil, err
	}
	v := "?v=" + ix.Version
	for _, shardsFor := range []func(search.Query) []int{ix.ShardsFor, ix.TypoShardsFor} {
		if err := b.loadShards(ix, shardsFor, q, v); err != nil {
			return nil, nil, err
		}
	}
	b.search.mu.Lock()
	r := ix.Search(q)
	var missing []uint32
	for _, h := range r.Hits {
		if _, ok := b.search.frags[h]; !ok {
			missing = append(missing, h)
		}
	}
	b.search.mu.Unlock()
	if len(missing) > 0 {
		urls := make([]string, len(missing))
		for i, h := range missing {
			urls[i] = "/search-index/doc-" + strconv.Itoa(int(h)) + ".json" + v
		}
		bodies, err := fetchAll(urls)
		if err != nil {
			return nil, nil, err
		}
		b.search.mu.Lock()
		for i, h := range missing {
			f, err := search.DecodeFragment([]byte(bodies[i]))
			if err != nil {
				b.search.mu.Unlock()
				return nil, nil, err
			}
			b.search.frags[h] = f
		}
		b.search.mu.Unlock()
	}
	res, frags, _ := b.CachedSearch(q)
	return res, frags, nil
}

// loadShards fetches the shards that shardsFor says q needs.
func (b *browserSource) loadShards(ix *search.Index, shardsFor func(search.Query) []int, q search.Query, v string) error {
	b.search.mu.Lock()
	need := shardsFor(q)
	b.search.mu.Unlock()
	if len(need) == 0 {
		return nil
	}
	urls := make([]string, len(need))
	for i, s := range need {
		urls[i] = "/search-index/shard-" + strconv.Itoa(s) + ".txt" + v
	}
	bodies, err := fetchAll(urls)
	if err != nil {
		return err
	}
	b.search.mu.Lock()
	defer b.search.mu.Unlock()
	for i, s := range need {
		if err := ix.AddShard(s, bodies[i]); err != nil {
			return err
		}
	}
	return nil
}

// CachedSearch answers q if every shard and fragment it needs is at hand.
func (b *browserSource) CachedSearch(q search.Query) (*search.Result, []search.Fragment, bool) {
	b.search.mu.Lock()
	defer b.search.mu.Unlock()
	ix := b.search.ix
	if ix == nil || len(ix.ShardsFor(q)) > 0 || len(ix.TypoShardsFor(q)) > 0 {
		return nil, nil, false
	}
	r := ix.Search(q)
	frags := make([]search.Fragment, len(r.Hits))
	for i, h := range r.Hits {
		f, ok := b.search.frags[h]
		if !ok {
			return nil, nil, false
		}
		frags[i] = f
	}
	collectWhenIdle() // after the results' render
	return r, frags, true
}
