package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestScheduledAndExpired checks what a store serves at a given time:
// an item goes live at its publication time and goes at its expiry time,
// preview serves both, and NextChange names the next of those times.
func TestScheduledAndExpired(t *testing.T) {
	tree := validTree()
	tree["pages/soon.md"] = &fstest.MapFile{Data: md(strings.Replace(page("00000000-0000-4000-8000-000000000011", "page", "/soon", `, "body": []`),
		`"published": "2024-01-02"`, `"published": "2030-06-01T09:00:00Z"`, 1))}
	tree["pages/going.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000012", "page", "/going", `, "expires": "2030-01-01", "body": []`))}
	at := func(when string, preview bool) *Store {
		now, _ := time.Parse(time.RFC3339, when)
		s, err := Load(tree, Options{Now: now, Preview: preview})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	has := func(s *Store, p string) bool { _, ok := s.Doc(p); return ok }

	before := at("2029-12-31T23:00:00Z", false)
	if has(before, "/soon") || !has(before, "/going") {
		t.Errorf("before both: soon %v, going %v", has(before, "/soon"), has(before, "/going"))
	}
	if want := time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC); !before.NextChange.Equal(want) {
		t.Errorf("next change %v, want %v", before.NextChange, want)
	}
	between := at("2030-03-01T00:00:00Z", false)
	if has(between, "/soon") || has(between, "/going") {
		t.Error("between: an expired or scheduled item is served")
	}
	if want := time.Date(2030, 6, 1, 9, 0, 0, 0, time.UTC); !between.NextChange.Equal(want) {
		t.Errorf("next change %v, want %v", between.NextChange, want)
	}
	after := at("2030-06-01T09:00:00Z", false)
	if !has(after, "/soon") || !after.NextChange.IsZero() {
		t.Errorf("at publication time: soon %v, next change %v", has(after, "/soon"), after.NextChange)
	}
	if before.Version == between.Version || between.Version == after.Version {
		t.Error("the version does not change with what is served")
	}
	preview := at("2030-03-01T00:00:00Z", true)
	d, _ := preview.Doc("/soon")
	g, _ := preview.Doc("/going")
	if d == nil || g == nil || d.StateAt(preview.Now) != StateScheduled || g.StateAt(preview.Now) != StateExpired {
		t.Errorf("preview lacks the scheduled and expired items, or names them wrongly")
	}
}

// TestExpiresAfterPublished checks that an item cannot expire before it
// goes live.
func TestExpiresAfterPublished(t *testing.T) {
	tree := validTree()
	tree["pages/x.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000013", "page", "/x", `, "expires": "2023-01-01", "body": []`))}
	_, err := Load(tree, Options{})
	if err == nil || !strings.Contains(err.Error(), "pages/x.md:10:1: expires: is not after $.published") {
		t.Errorf("got %v", err)
	}
}

// TestUnreadableFileIsOneProblem checks that a file that is not JSON is
// reported once, not again as a broken link in every page that links to it.
func TestUnreadableFileIsOneProblem(t *testing.T) {
	tree := validTree()
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte("---\ntitle: \"broken\n---\n")}
	_, err := Load(tree, Options{})
	ps, ok := err.(Problems)
	if !ok || len(ps) != 1 || ps[0].File != "pages/services/spine.md" {
		t.Errorf("want one problem in the broken file, got %v", err)
	}
}
