package content

import (
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
)

// TestCacheAnswersAsAFullLoad edits a copy of the real content at random
// (edits, new pages, renames, deletions, broken files and their repair)
// and after each step checks that a load with the cache gives exactly
// what a fresh load gives: the same problems, or the same version,
// documents, views, search documents and warnings.
func TestCacheAnswersAsAFullLoad(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, Embedded()); err != nil {
		t.Fatal(err)
	}
	var pages []string
	filepath.WalkDir(filepath.Join(dir, "pages"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, PageExt) {
			pages = append(pages, p)
		}
		return nil
	})
	// Saves far apart, as an editor makes them: each file gets its own
	// time in the past (see racyWindow).
	clock := time.Now().Add(-time.Hour)
	touch := func(p string) {
		clock = clock.Add(time.Second)
		os.Chtimes(p, clock, clock)
	}
	for _, p := range pages {
		touch(p)
	}
	touch(filepath.Join(dir, "site.json"))
	rng := rand.New(rand.NewPCG(1, 2))
	cache := NewCache()
	now := time.Date(2025, 6, 1, 12, 0, 0, 0, time.UTC)
	pick := func() string { return pages[rng.IntN(len(pages))] }
	var broken []string
	for step := 0; step < 60; step++ {
		var what string
		switch k := rng.IntN(6); {
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
