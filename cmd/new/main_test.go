package main

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

// copyContent copies the real content to a temporary folder.
func copyContent(t *testing.T) string {
	dir := t.TempDir()
	src := os.DirFS("../../content")
	fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(p == "site.json" || strings.HasPrefix(p, "pages/")) {
			return nil
		}
		b, _ := fs.ReadFile(src, p)
		os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755)
		return os.WriteFile(filepath.Join(dir, p), b, 0o644)
	})
	return dir
}

// TestEveryType writes a draft of every type that can be created and
// checks each is valid, a draft, dated today, with a fresh id.
func TestEveryType(t *testing.T) {
	dir := copyContent(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	series := "/data-and-information/publications/statistical/recorded-dementia-diagnoses"
	want := map[string]string{
		"hub": "/a-new-thing", "page": "/a-new-thing", "service": "/services/a-new-thing", "blog": "/blog/a-new-thing",
		"news": "/news-and-events/latest-news/a-new-thing", "feature": "/news-and-events/features/a-new-thing",
		"series": "/data-and-information/publications/statistical/a-new-thing", "publication": series + "/a-new-thing",
	}
	for _, typ := range []string{"hub", "page", "service", "blog", "news", "feature", "series", "publication"} {
		t.Run(typ, func(t *testing.T) {
			if typ == "page" {
				os.Remove(filepath.Join(dir, "pages", "a-new-thing.md")) // the hub took the same path
			}
			if err := run(dir, typ, "A new thing!", series, "8000", now); err != nil {
				t.Fatal(err)
			}
			s, err := content.Load(os.DirFS(dir), content.Options{Preview: true, Now: now})
			if err != nil {
				t.Fatal(err)
			}
			d, ok := s.Doc(want[typ])
			if !ok {
				t.Fatalf("no page at %s", want[typ])
			}
			var raw map[string]any
			json.Unmarshal([]byte(d.Raw), &raw)
			if d.Type != typ || d.Status != "draft" || raw["published"] != "2026-11-22" || uuid.Validate(d.ID) != nil {
				t.Errorf("%+v", raw)
			}
			if typ == "service" && len(raw["sections"].(map[string]any)) != 7 {
				t.Errorf("service sections: %v", raw["sections"])
			}
			// The file an editor opens: front matter first, what the page
			// is at the top, the body last with its template's headings.
			b, err := os.ReadFile(filepath.Join(dir, d.File))
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(b), "\n")
			for i, prefix := range []string{"---", "id: ", "type: " + typ, "path: " + want[typ], "title: A new thing!", "summary: ", "status: draft"} {
				if !strings.HasPrefix(lines[i], prefix) {
					t.Errorf("line %d is %q, want it to start with %q", i+1, lines[i], prefix)
				}
			}
			if typ == "service" && !strings.Contains(string(b), "---\n\n## About this service\n\n") {
				t.Errorf("the service's body does not start with its first section:\n%s", b)
			}
		})
	}
}

// TestRefusals checks the mistakes new refuses, writing nothing.
func TestRefusals(t *testing.T) {
	dir := copyContent(t)
	now := time.Now()
	for _, c := range []struct{ typ, title, series, want string }{
		{"home", "x", "", "only one home page"},
		{"search", "x", "", "only one search page"},
		{"blogg", "x", "", "not a page type"},
		{"blog", "", "", "give the page a title"},
		{"blog", "!!!", "", "no letters or digits"},
		{"publication", "x", "/blog", "belongs to a series"},
		{"service", "Spine", "", "already exists"},
	} {
		err := run(dir, c.typ, c.title, c.series, "8000", now)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s %q: %v", c.typ, c.title, err)
		}
	}
	if _, err := content.Load(os.DirFS(dir), content.Options{Preview: true}); err != nil {
		t.Errorf("a refusal left a file behind: %v", err)
	}
}

// A page type added to the registry gets drafts too, made from its fields:
// each required one filled with a value the validator accepts.
func TestTypeAddedToTheRegistry(t *testing.T) {
	pagetype.Register(&pagetype.Type{Name: "event", Label: "Event", Prefix: "/events/", Component: pagetype.ContentComponent,
		Fields: []pagetype.Field{{Name: "body", Kind: pagetype.Blocks, Required: true},
			{Name: "starts", Kind: pagetype.Date, Required: true},
			{Name: "venue", Kind: pagetype.Object, Required: true, Sub: []pagetype.Field{{Name: "name", Kind: pagetype.String, Required: true}}},
			{Name: "speakers", Kind: pagetype.Objects, Required: true, Min: 2, Sub: []pagetype.Field{{Name: "name", Kind: pagetype.String, Required: true}}},
			{Name: "notes", Kind: pagetype.String}}})
	t.Cleanup(func() { pagetype.Unregister("event") })
	dir := copyContent(t)
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	if err := run(dir, "event", "Open day", "", "8000", now); err != nil {
		t.Fatal(err)
	}
	s, err := content.Load(os.DirFS(dir), content.Options{Preview: true, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	d, ok := s.Doc("/events/open-day")
	if !ok {
		t.Fatal("no page at /events/open-day")
	}
	var raw struct {
		Starts   string           `json:"starts"`
		Venue    map[string]any   `json:"venue"`
		Speakers []map[string]any `json:"speakers"`
		Notes    *string          `json:"notes"`
		Body     []any            `json:"body"`
	}
	json.Unmarshal([]byte(d.Raw), &raw)
	if raw.Starts != "2026-11-22" || raw.Venue["name"] != "Replace with the name" || len(raw.Speakers) != 2 || raw.Notes != nil || len(raw.Body) != 1 {
		t.Errorf("the draft: %s", d.Raw)
	}
}
