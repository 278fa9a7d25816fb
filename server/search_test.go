//go:build !wasm

package server

import (
	"context"
	"errors"
	"testing"
	"time"

	"nhsdigital/content/search"
)

// A search index replaced by a newer version's before its build ends stops
// building, and whoever waits for it gets the newer index, never an error
// or part of one.
func TestReplacedSearchIndexAnswersWithTheNewer(t *testing.T) {
	store := realStore(t)
	next := buildSearch(store, false, false, nil)
	nb, _, err := next.get()
	if err != nil || nb == nil {
		t.Fatalf("newer index: %v", err)
	}

	stopped := make(chan struct{})
	old := &searchIndex{ready: make(chan struct{})}
	old.cancel = func() { close(stopped) }
	go func() { // a build that runs until it is told to stop
		<-stopped
		old.err = context.Canceled
		close(old.ready)
	}()
	got := make(chan *search.Built, 1)
	go func() {
		b, _, err := old.get()
		if err != nil {
			t.Errorf("waiting on a replaced index: %v", err)
		}
		got <- b
	}()
	old.replaceWith(next)
	select {
	case b := <-got:
		if b != nb {
			t.Errorf("a replaced index answered with %p, want the newer index %p", b, nb)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("waiting on a replaced index never ended")
	}
}

// A build whose context is done stops with the context's error.
func TestSearchBuildStops(t *testing.T) {
	store := realStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := store.SearchDocsContext(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("SearchDocsContext after cancel: %v, want context.Canceled", err)
	}
	if _, err := search.BuildContext(ctx, store.SearchDocs()); !errors.Is(err, context.Canceled) {
		t.Errorf("BuildContext after cancel: %v, want context.Canceled", err)
	}
	if b, err := search.BuildContext(context.Background(), store.SearchDocs()); err != nil || b.Meta == nil {
		t.Errorf("BuildContext: %v", err)
	}
}

// A lazy index (the preview's) is not built until something needs it.
func TestLazySearchIndexWaitsForUse(t *testing.T) {
	si := buildSearch(realStore(t), true, false, nil)
	select {
	case <-si.ready:
		t.Fatal("a lazy index was built before anything asked for it")
	case <-time.After(300 * time.Millisecond):
	}
	if b, files, err := si.get(); err != nil || b == nil || len(files) == 0 {
		t.Fatalf("get on a lazy index: %v", err)
	}
	// Replaced before anything asked: no build, and the newer answers.
	old, next := buildSearch(realStore(t), true, false, nil), buildSearch(realStore(t), false, false, nil)
	old.replaceWith(next)
	nb, _, _ := next.get()
	if b, _, err := old.get(); err != nil || b != nb {
		t.Errorf("a replaced lazy index answered %p, %v; want the newer %p", b, err, nb)
	}
}
