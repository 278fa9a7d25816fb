package content

import (
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

// TestShelfAnswersAsAFullLoad starts again and again over a copy of the
// real content, with a shelf: each start must give exactly what a load
// without one gives, take every unchanged page from the shelf, and check
// only the pages that changed; a damaged shelf file is ignored.
func TestShelfAnswersAsAFullLoad(t *testing.T) {
	dir, pages, touch := editableContent(t, func(string) {})
	shelfDir := t.TempDir()
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	fsys := os.DirFS(dir)
	start := func(what string, wantHits, wantMisses int) {
		t.Helper()
		fresh, freshErr := Load(fsys, Options{Now: now})
		shelf := OpenShelf(shelfDir)
		got, err := Load(fsys, Options{Now: now, Shelf: shelf})
		shelf.Written()
		if (err == nil) != (freshErr == nil) || err != nil && err.Error() != freshErr.Error() {
			t.Fatalf("%s: with the shelf: %v\nwithout: %v", what, err, freshErr)
		}
		if err == nil && describe(t, got) != describe(t, fresh) {
			t.Fatalf("%s: the store from the shelf differs from a fresh load", what)
		}
		if hits, misses := shelf.Counts(); hits != wantHits || misses != wantMisses {
			t.Errorf("%s: %d pages from the shelf and %d checked; want %d and %d", what, hits, misses, wantHits, wantMisses)
		}
	}
	n := len(pages)
	start("first start", 0, n)
	start("second start", n, 0)

	b, _ := os.ReadFile(pages[0])
	os.WriteFile(pages[0], titleLine.ReplaceAll(b, []byte("${1}, edited")), 0o644)
	touch(pages[0])
	start("one page edited", n-1, 1)

	copyTo := filepath.Join(filepath.Dir(pages[1]), "a-copy.md")
	b, _ = os.ReadFile(pages[1])
	os.WriteFile(copyTo, b, 0o644)
	start("a copied page (a duplicate: problems at their lines)", n, 1)
	// Each file is clean on its own (the duplicate is found across
	// files), so the copy is kept too, and its problem found again.
	start("the same problems again", n+1, 0)
	os.Remove(copyTo)
	start("copy removed", n, 0)

	b, _ = os.ReadFile(pages[2])
	os.WriteFile(pages[2], append([]byte("{"), b...), 0o644)
	start("a broken page", n-1, 1)
	start("a broken page is never kept", n-1, 1)
	os.WriteFile(pages[2], b, 0o644)
	start("the page repaired", n-1, 1)

	shelves, _ := filepath.Glob(filepath.Join(shelfDir, "pages-*.shelf"))
	if len(shelves) != 1 {
		t.Fatalf("shelf files: %v, want one", shelves)
	}
	file := shelves[0]
	good, _ := os.ReadFile(file)
	damaged := append([]byte(nil), good...)
	damaged[len(damaged)/2] ^= 0x20
	os.WriteFile(file, damaged, 0o600)
	start("a damaged shelf", 0, n)
	os.WriteFile(file, good[:len(good)/3], 0o600)
	start("a shelf cut short", 0, n)
	start("the shelf written again", n, 0)
}

// A shelf built into the content (generated/<name>, as the build writes it
// for the embedded copy) serves a start with an empty folder, and is read
// before the folder's; one made of other content serves what it has.
func TestBuiltInShelf(t *testing.T) {
	dir, pages, _ := editableContent(t, func(string) {})
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	fsys := os.DirFS(dir)
	made := t.TempDir()
	shelf := OpenShelf(made)
	if _, err := Load(fsys, Options{Now: now, Shelf: shelf}); err != nil {
		t.Fatal(err)
	}
	shelf.Written()
	data, err := os.ReadFile(filepath.Join(made, ShelfName()))
	if err != nil {
		t.Fatal(err)
	}
	builtIn := fstest.MapFS{"generated/" + ShelfName(): {Data: data}}
	n := len(pages)
	start := func(what string, diskDir string, wantHits, wantMisses int) {
		t.Helper()
		shelf := OpenShelf(diskDir).WithBuiltIn(builtIn)
		got, err := Load(fsys, Options{Now: now, Shelf: shelf})
		shelf.Written()
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		fresh, _ := Load(fsys, Options{Now: now})
		if describe(t, got) != describe(t, fresh) {
			t.Fatalf("%s: the store from the built-in shelf differs from a fresh load", what)
		}
		if hits, misses := shelf.Counts(); hits != wantHits || misses != wantMisses {
			t.Errorf("%s: %d pages from the shelf and %d checked; want %d and %d", what, hits, misses, wantHits, wantMisses)
		}
	}
	empty := t.TempDir()
	start("first start, empty folder", empty, n, 0)
	if _, err := os.Stat(filepath.Join(empty, ShelfName())); err == nil {
		t.Error("a shelf that had every page was written again")
	}
	// A folder's shelf of other content (here empty: damaged) is not read
	// before the built-in one.
	os.WriteFile(filepath.Join(empty, ShelfName()), []byte("not a shelf"), 0o600)
	start("built-in before the folder's", empty, n, 0)

	b, _ := os.ReadFile(pages[0])
	os.WriteFile(pages[0], titleLine.ReplaceAll(b, []byte("${1}, edited")), 0o644)
	start("content changed since the build", t.TempDir(), n-1, 1)
}
