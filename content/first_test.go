package content

import (
	"io/fs"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"
)

// countingFS counts the opening of each file.
type countingFS struct {
	fstest.MapFS
	mu     sync.Mutex
	opened map[string]int
}

func (c *countingFS) Open(name string) (fs.File, error) {
	c.mu.Lock()
	c.opened[name]++
	c.mu.Unlock()
	return c.MapFS.Open(name)
}

// siteWithHeldLink is the site's own content with a news item scheduled
// for later, which the home page links to and which would otherwise be
// the newest: what a store serves of the home page then depends on the
// other pages (the cards) and on what is served (the link left out).
func siteWithHeldLink(t *testing.T) fstest.MapFS {
	t.Helper()
	tree := fstest.MapFS{}
	err := fs.WalkDir(Embedded(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(Embedded(), p)
		tree[p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tree["pages/news-and-events/latest-news/a-later-item.md"] = &fstest.MapFile{Data: []byte(`---
id: 5d0b6f7e-8a4c-4a51-9d43-2f1f0f6e7a11
type: news
path: /news-and-events/latest-news/a-later-item
title: A later item
summary: An item scheduled for later.
status: published
published: 2099-01-01
lastEdited: 2098-12-01T09:00:00Z
---

Its text.
`)}
	home := tree["pages/index.md"]
	home.Data = append(home.Data, "\nSoon: [a later item](/news-and-events/latest-news/a-later-item).\n"...)
	return tree
}

// TestLoadFirstAnswersTheHomePageAsLoad checks that the store LoadFirst
// makes from the front matter gives the home page's view, the content
// version, the site settings and every page's card exactly as Load's
// store of the same files does, with a link to a page not live yet left
// out of both; and that Load after it reads no file a second time.
func TestLoadFirstAnswersTheHomePageAsLoad(t *testing.T) {
	tree := siteWithHeldLink(t)
	now := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	full, err := Load(tree, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if len(full.Warnings) == 0 {
		t.Fatal("the link to the later item is not held back; the test does not test what it says")
	}

	first, rest, err := LoadFirst(tree, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if !first.First() || full.First() {
		t.Errorf("First: %v from LoadFirst, %v from Load", first.First(), full.First())
	}
	if first.Version != full.Version {
		t.Errorf("version %s from LoadFirst, %s from Load", first.Version, full.Version)
	}
	if first.SiteRaw != full.SiteRaw {
		t.Error("the site settings differ")
	}
	a, b := string(first.ViewOf("/").JSON()), string(full.ViewOf("/").JSON())
	if a != b {
		t.Errorf("the home page's view differs:\nLoadFirst %s\nLoad      %s", a, b)
	}
	if strings.Contains(a, "a-later-item") {
		t.Error("the home page links to or lists an item not live yet")
	}
	if len(first.Docs()) != len(full.Docs()) {
		t.Fatalf("%d pages from LoadFirst, %d from Load", len(first.Docs()), len(full.Docs()))
	}
	for i, d := range first.Docs() {
		if e := full.Docs()[i]; CardOf(d).Path != CardOf(e).Path || !sameCard(CardOf(d), CardOf(e)) {
			t.Errorf("card of %s: %+v from LoadFirst, %+v from Load", e.Path, CardOf(d), CardOf(e))
		}
	}

	again, err := Load(rest, Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if again.Version != full.Version || again.First() {
		t.Errorf("Load after LoadFirst: version %s (First %v), want %s", again.Version, again.First(), full.Version)
	}
	for i, d := range again.Docs() {
		if d.Raw != full.Docs()[i].Raw {
			t.Errorf("%s: Load after LoadFirst differs from Load", d.Path)
		}
	}
}

// TestLoadAfterLoadFirstReadsNothingAgain checks that each file is read
// once by LoadFirst and the Load after it together.
func TestLoadAfterLoadFirstReadsNothingAgain(t *testing.T) {
	tree := fstest.MapFS{}
	for name, f := range validTree() {
		tree[name] = f
	}
	counted := &countingFS{MapFS: tree, opened: map[string]int{}}
	_, rest, err := LoadFirst(counted, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Load(rest, Options{}); err != nil {
		t.Fatal(err)
	}
	for name := range tree {
		if n := counted.opened[name]; n != 1 {
			t.Errorf("%s read %d times, want once", name, n)
		}
	}
}

func sameCard(a, b Card) bool {
	return a.Path == b.Path && a.Title == b.Title && a.Summary == b.Summary && a.Type == b.Type && a.Label == b.Label &&
		a.Date == b.Date && strings.Join(a.Topics, "\x00") == strings.Join(b.Topics, "\x00") && a.ServiceStatus == b.ServiceStatus
}

// TestLoadFirstLeavesCheckingToLoad checks that a mistake in a page's
// body, which LoadFirst does not read, is still found by the Load after
// it, and that a mistake LoadFirst meets gives no store.
func TestLoadFirstLeavesCheckingToLoad(t *testing.T) {
	tree := validTree()
	spine := string(tree["pages/services/spine.md"].Data)
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte(strings.Replace(spine, "See [the catalogue](/services)", "See [nowhere](/no-such-page)", 1))}
	first, rest, err := LoadFirst(tree, Options{})
	if err != nil || first == nil {
		t.Fatalf("LoadFirst: %v", err)
	}
	_, err = Load(rest, Options{})
	wantProblem(t, err, "pages/services/spine.md", "no page has that path")

	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte(strings.Replace(spine, "status: published", "status: [", 1))}
	if first, _, err := LoadFirst(tree, Options{}); first != nil || err == nil {
		t.Error("LoadFirst made a store of a page whose front matter is broken")
	}
	delete(tree, "pages/index.md")
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte(spine)}
	if first, _, err := LoadFirst(tree, Options{}); first != nil || err == nil {
		t.Error("LoadFirst made a store with no home page")
	}
	if _, _, err := LoadFirst(validTree(), Options{Preview: true}); err == nil {
		t.Error("LoadFirst made a preview's store")
	}
}
