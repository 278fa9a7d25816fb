package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"nhsdigital/content/search"
)

// TestCacheAnswersAsAFullLoad edits a copy of the real content at random
// (edits, new pages, renames, deletions, broken files and their repair)
// and after each step checks that a load with the cache gives exactly
// what a fresh load gives: the same problems, or the same version,
// documents, views, search documents and warnings.
func TestCacheAnswersAsAFullLoad(t *testing.T) {
	dir, pages, touch := editableContent(t, func(string) {})
	rng := rand.New(rand.NewPCG(1, 2))
	cache := NewCache()
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	pick := func() string { return pages[rng.IntN(len(pages))] }
	var broken []string
	for step := 0; step < 60; step++ {
		var what string
		switch k := rng.IntN(7); {
		case k == 0 && len(broken) > 0: // repair a broken file
			p := broken[len(broken)-1]
			broken = broken[:len(broken)-1]
			b, _ := os.ReadFile(p + ".good")
			os.WriteFile(p, b, 0o644)
			os.Remove(p + ".good")
			what = "repair " + p
		case k <= 1: // break a file
			p := pick()
			b, _ := os.ReadFile(p)
			os.WriteFile(p+".good", b, 0o644)
			os.WriteFile(p, append([]byte("{"), b...), 0o644)
			broken = append(broken, p)
			what = "break " + p
		case k == 2: // edit a title (same size and time would be missed: a new time)
			p := pick()
			b, _ := os.ReadFile(p)
			b = titleLine.ReplaceAll(b, []byte(fmt.Sprintf("${1}, edited %d", step)))
			os.WriteFile(p, b, 0o644)
			what = "edit " + p
		case k == 3: // copy a page to a new one (a duplicate id: a problem)
			p := pick()
			b, _ := os.ReadFile(p)
			os.WriteFile(strings.TrimSuffix(p, PageExt)+fmt.Sprintf("-copy-%d.md", step), b, 0o644)
			what = "copy " + p
		case k == 4: // rename a copy, or delete one
			matches, _ := filepath.Glob(filepath.Join(dir, "pages", "*", "*-copy-*.md"))
			if len(matches) == 0 {
				continue
			}
			p := matches[rng.IntN(len(matches))]
			if rng.IntN(2) == 0 {
				os.Remove(p)
				what = "delete " + p
			} else {
				os.Rename(p, strings.TrimSuffix(p, PageExt)+"-moved.md")
				what = "rename " + p
			}
		case k == 5: // make a page a draft, or publish it again
			p := pick()
			b, _ := os.ReadFile(p)
			if bytes.Contains(b, []byte("\nstatus: published\n")) {
				b = bytes.Replace(b, []byte("\nstatus: published\n"), []byte("\nstatus: draft\n"), 1)
			} else {
				b = bytes.Replace(b, []byte("\nstatus: draft\n"), []byte("\nstatus: published\n"), 1)
			}
			os.WriteFile(p, b, 0o644)
			what = "status " + p
		default: // change the time alone
			p := pick()
			what = "touch " + p
		}
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if info, _ := d.Info(); info != nil && time.Since(info.ModTime()) < time.Minute {
					touch(p)
				}
			}
			return nil
		})
		fresh, errFresh := Load(os.DirFS(dir), Options{Now: now})
		cached, errCached := Load(os.DirFS(dir), Options{Now: now, Cache: cache})
		if fmt.Sprint(errFresh) != fmt.Sprint(errCached) {
			t.Fatalf("step %d (%s): problems differ:\nfresh:  %v\ncached: %v", step, what, errFresh, errCached)
		}
		if errFresh != nil {
			continue
		}
		if got, want := describe(t, cached), describe(t, fresh); got != want {
			t.Fatalf("step %d (%s): the cached load differs from a fresh one", step, what)
		}
	}
	if len(cache.files) == 0 {
		t.Fatal("the cache kept nothing")
	}
}

// titleLine is a page's title in its front matter.
var titleLine = regexp.MustCompile(`(?m)^(title: .*[^ ])$`)

// describe is everything a store serves, as text.
func describe(t *testing.T, s *Store) string {
	var b strings.Builder
	fmt.Fprintln(&b, s.Version, s.NextChange, s.Warnings.Lines(), s.SiteRaw)
	for _, d := range s.Docs() {
		v, _ := json.Marshal(s.ViewOf(d.Path))
		fmt.Fprintln(&b, d.Path, d.Raw, string(v))
	}
	sd, _ := json.Marshal(s.SearchDocs())
	b.Write(sd)
	return b.String()
}

// TestPreviewReloadAnswersAsAFullLoad saves content at random, as an
// editor does all day: text edits (which the preview makes from the last
// store), changes to links, dates, status and aliases, new files, new
// folders and deletions (which it loads in full). After each save the
// preview's load must give exactly what a fresh load gives, both when it
// looks at every file and when it is told which files changed (Track, as
// the preview's file notifications do).
func TestPreviewReloadAnswersAsAFullLoad(t *testing.T) {
	for _, tracked := range []bool{false, true} {
		t.Run(fmt.Sprintf("tracked=%v", tracked), func(t *testing.T) { previewReloads(t, tracked) })
	}
}

func previewReloads(t *testing.T, tracked bool) {
	cache := NewCache()
	// Each save is reported as the file notifications would.
	dir, pages, touch := editableContent(t, func(rel string) { cache.Changed(rel) })
	rng := rand.New(rand.NewPCG(3, 4))
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	if _, err := Load(os.DirFS(dir), Options{Now: now, Preview: true, Cache: cache}); err != nil {
		t.Fatal(err)
	}
	if tracked {
		cache.Track()
	}
	edit := func(p string, from, to *regexp.Regexp, repl string) bool {
		b, _ := os.ReadFile(p)
		if from != nil && !from.Match(b) {
			return false
		}
		os.WriteFile(p, to.ReplaceAll(b, []byte(repl)), 0o644)
		touch(p)
		return true
	}
	title := regexp.MustCompile(`(?m)^(title: )`)
	summary := regexp.MustCompile(`(?m)^(summary: )`)
	// Words put before a value stay plain YAML only when the value is not
	// quoted and holds no ": ".
	plain := func(key string) *regexp.Regexp {
		return regexp.MustCompile(`(?m)^` + key + `: (?:[^"':\n]|:[^ \n])*$`)
	}
	published := regexp.MustCompile(`(?m)^(published: )(\d{4})`)
	status := regexp.MustCompile(`(?m)^status: (published|draft)$`)
	aliases := regexp.MustCompile(`(?m)^(aliases:\n)`)
	aliasList := regexp.MustCompile(`(?m)^aliases:\n(  - .*\n)+`)
	id := regexp.MustCompile(`(?m)^id: .*$`)
	path := regexp.MustCompile(`(?m)^(path: .*)$`)
	failed := 0
	var last *Store // the last good load, to compare the search documents with
	check := func(step int, what string) {
		t.Helper()
		fresh, errFresh := Load(os.DirFS(dir), Options{Now: now, Preview: true})
		cached, errCached := Load(os.DirFS(dir), Options{Now: now, Preview: true, Cache: cache})
		if fmt.Sprint(errFresh) != fmt.Sprint(errCached) {
			t.Fatalf("step %d (%s): problems differ:\nfresh:  %v\ncached: %v", step, what, errFresh, errCached)
		}
		if errFresh != nil {
			failed++
			return
		}
		if got, want := describe(t, cached), describe(t, fresh); got != want {
			t.Fatalf("step %d (%s): the preview's load differs from a fresh one", step, what)
		}
		if last != nil {
			checkSearchChanges(t, last, cached)
		}
		last = cached
	}
	toggle := func(p string) {
		b, _ := os.ReadFile(p)
		if m := status.FindSubmatch(b); m != nil {
			to := map[string]string{"published": "draft", "draft": "published"}[string(m[1])]
			os.WriteFile(p, status.ReplaceAll(b, []byte("status: "+to)), 0o644)
			touch(p)
		}
	}
	for step := 0; step < 50; step++ {
		p := pages[rng.IntN(len(pages))]
		switch k := rng.IntN(10); {
		case k <= 2:
			if !edit(p, plain("title"), title, fmt.Sprintf("${1}Edit %d of ", step)) {
				touch(p)
			}
			check(step, "title "+p)
		case k <= 4:
			if !edit(p, plain("summary"), summary, fmt.Sprintf("${1}Edit %d, ", step)) {
				touch(p)
			}
			check(step, "summary "+p)
		case k == 5:
			edit(p, nil, published, "${1}2019")
			check(step, "published "+p)
		case k == 6: // a draft for a moment (its links may break), then back
			toggle(p)
			check(step, "status "+p)
			toggle(p)
			check(step, "status back "+p)
		case k == 7: // a new page beside it, then gone
			b, _ := os.ReadFile(p)
			b = id.ReplaceAll(b, []byte(fmt.Sprintf("id: %08x-0000-4000-8000-%012x", step, step)))
			b = path.ReplaceAll(b, []byte(fmt.Sprintf("${1}-copy-%d", step)))
			b = aliasList.ReplaceAll(b, nil) // an alias has one page
			n := strings.TrimSuffix(p, PageExt) + fmt.Sprintf("-copy-%d%s", step, PageExt)
			os.WriteFile(n, b, 0o644)
			touch(n)
			check(step, "new "+n)
			os.Remove(n)
			touch(n)
			check(step, "deleted "+n)
		case k == 8: // a new folder holding a file, then gone
			sub := filepath.Join(filepath.Dir(p), fmt.Sprintf("folder-%d", step))
			os.Mkdir(sub, 0o755)
			b, _ := os.ReadFile(p)
			os.WriteFile(filepath.Join(sub, "x"+PageExt), b, 0o644)
			touch(sub)
			check(step, "new folder "+sub)
			os.RemoveAll(sub)
			touch(sub)
			check(step, "folder gone "+sub)
		default:
			if !edit(p, aliases, aliases, fmt.Sprintf("${1}  - /old-path-%d\n", step)) {
				touch(p)
			}
			check(step, "alias or time "+p)
		}
	}
	if cache.reused < 12 {
		t.Fatalf("the preview started from the last store %d times in 50 saves (%d failed); the test does not exercise it", cache.reused, failed)
	}
}

// editableContent copies the real content to a folder of the test's own
// and returns it, its pages' files, and touch, which gives a file a time
// of its own in the past, as an editor's saves far apart would (see
// racyWindow), and tells saved of it (by name relative to the folder).
// Every file has been touched once.
func editableContent(t *testing.T, saved func(rel string)) (dir string, pages []string, touch func(string)) {
	dir = t.TempDir()
	if err := os.CopyFS(dir, Embedded()); err != nil {
		t.Fatal(err)
	}
	filepath.WalkDir(filepath.Join(dir, "pages"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, PageExt) {
			pages = append(pages, p)
		}
		return nil
	})
	clock := time.Now().Add(-time.Hour)
	touch = func(p string) {
		clock = clock.Add(time.Second)
		os.Chtimes(p, clock, clock)
		if rel, err := filepath.Rel(dir, p); err == nil {
			saved(filepath.ToSlash(rel))
		}
	}
	for _, p := range append(pages, filepath.Join(dir, "site.json")) {
		touch(p)
	}
	return dir, pages, touch
}

// checkSearchChanges checks that the search documents of was, less those
// cur.SearchChanges(was) says were removed and with those it says were
// added, are cur's: what the search index is updated with.
func checkSearchChanges(t *testing.T, was, cur *Store) {
	t.Helper()
	removed, added, ok := cur.SearchChanges(was, 1000)
	if !ok {
		t.Fatal("SearchChanges gave up under its limit")
	}
	enc := func(d search.Doc) string { b, _ := json.Marshal(d); return string(b) }
	docs := map[string]string{}
	for _, d := range was.SearchDocs() {
		docs[d.Path] = enc(d)
	}
	for _, d := range removed {
		if docs[d.Path] != enc(d) {
			t.Fatalf("SearchChanges removes %s, which was not indexed as it says", d.Path)
		}
		delete(docs, d.Path)
	}
	for _, d := range added {
		if _, ok := docs[d.Path]; ok {
			t.Fatalf("SearchChanges adds %s, which is there already", d.Path)
		}
		docs[d.Path] = enc(d)
	}
	want := cur.SearchDocs()
	if len(docs) != len(want) {
		t.Fatalf("SearchChanges leaves %d search documents, want %d", len(docs), len(want))
	}
	for _, d := range want {
		if docs[d.Path] != enc(d) {
			t.Fatalf("after SearchChanges, %s is not as the store indexes it", d.Path)
		}
	}
	if _, _, ok := cur.SearchChanges(was, len(removed)+len(added)-1); ok && len(removed)+len(added) > 0 {
		t.Error("SearchChanges did not give up over its limit")
	}
}
