package content

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestVersionFollowsServedContent checks that a store's version (the ETag
// of every page and the service worker's VERSION) changes with what the
// store serves and nothing else: editing a draft or a scheduled item
// leaves the public version alone, but changes the preview's.
func TestVersionFollowsServedContent(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	tree := validTree()
	draft := strings.Replace(page("00000000-0000-4000-8000-000000000030", "page", "/draft", `, "body": []`), `"published",`, `"draft",`, 1)
	soon := strings.Replace(page("00000000-0000-4000-8000-000000000031", "page", "/soon", `, "body": []`), `"2024-01-02"`, `"2026-06-01"`, 1)
	tree["pages/draft.md"] = &fstest.MapFile{Data: md(draft)}
	tree["pages/soon.md"] = &fstest.MapFile{Data: md(soon)}
	version := func(preview bool) string {
		t.Helper()
		s, err := Load(tree, Options{Now: now, Preview: preview})
		if err != nil {
			t.Fatal(err)
		}
		return s.Version
	}
	public, preview := version(false), version(true)

	tree["pages/draft.md"] = &fstest.MapFile{Data: md(strings.Replace(draft, `"title": "T"`, `"title": "Draft, edited"`, 1))}
	if v := version(false); v != public {
		t.Error("editing a draft changed the public version")
	}
	if v := version(true); v == preview {
		t.Error("editing a draft left the preview's version as it was")
	}
	tree["pages/soon.md"] = &fstest.MapFile{Data: md(strings.Replace(soon, `"title": "T"`, `"title": "Scheduled, edited"`, 1))}
	if v := version(false); v != public {
		t.Error("editing a scheduled item changed the public version")
	}
	another := strings.NewReplacer("/draft", "/another-draft", "000000000030", "000000000032").Replace(draft)
	tree["pages/another-draft.md"] = &fstest.MapFile{Data: md(another)}
	if v := version(false); v != public {
		t.Error("adding a draft changed the public version")
	}

	spine := string(tree["pages/services/spine.md"].Data)
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte(strings.Replace(spine, "\ntitle: T\n", "\ntitle: Spine, edited\n", 1))}
	if v := version(false); v == public {
		t.Error("editing a published page left the public version as it was")
	}
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: []byte(spine)}
	tree["site.json"] = &fstest.MapFile{Data: []byte(strings.Replace(testSite, `"copyright": "c"`, `"copyright": "c2"`, 1))}
	if v := version(false); v == public {
		t.Error("editing the site settings left the public version as it was")
	}
}
