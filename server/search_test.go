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
	next := buildSearch(store)
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
