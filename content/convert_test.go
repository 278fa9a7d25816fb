package content

import (
	"encoding/json"
	"io/fs"
	"os"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// The pages were JSON files until they became Markdown (see markdown.go).
// testdata/json holds them as they were, with the site.json of that day.
// This test converts each with ToMarkdown, the converter that made
// content/pages, and proves that the site serves the same page data for
// every page either way: the same document, breadcrumbs, cards and
// related pages, in preview (every page) and in production, and the same
// search documents. Only the content version differs (it hashes the files).

// snapshotNow is a time when every page of the snapshot is live.
var snapshotNow = time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)

func convertedSnapshot(t *testing.T) (before fs.FS, after fstest.MapFS) {
	t.Helper()
	before = os.DirFS("testdata/json")
	site, err := fs.ReadFile(before, "site.json")
	if err != nil {
		t.Fatal(err)
	}
	after = fstest.MapFS{"site.json": {Data: site}}
	err = fs.WalkDir(before, "pages", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(before, p)
		if err != nil {
			return err
		}
		md, err := ToMarkdown(data)
		if err != nil {
			t.Errorf("%s: %v", p, err)
			return nil
		}
		after[strings.TrimSuffix(p, ".json")+PageExt] = &fstest.MapFile{Data: md}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return before, after
}

func TestMarkdownServesTheSamePages(t *testing.T) {
	before, after := convertedSnapshot(t)
	for _, preview := range []bool{true, false} {
		old, err := Load(before, Options{Preview: preview, Now: snapshotNow, legacyJSON: true})
		if err != nil {
			t.Fatalf("the JSON snapshot does not load: %v", err)
		}
		conv, err := Load(after, Options{Preview: preview, Now: snapshotNow})
		if err != nil {
			t.Fatalf("the converted pages do not load: %v", err)
		}
		if len(old.Docs()) < 80 || len(conv.Docs()) != len(old.Docs()) {
			t.Fatalf("preview %v: %d pages before, %d after", preview, len(old.Docs()), len(conv.Docs()))
		}
		for _, d := range old.Docs() {
			a, b := viewData(t, old, d.Path), viewData(t, conv, d.Path)
			if !reflect.DeepEqual(a, b) {
				ja, _ := json.MarshalIndent(a, "", " ")
				jb, _ := json.MarshalIndent(b, "", " ")
				t.Errorf("preview %v: %s (%s) changed:\nbefore %s\nafter  %s", preview, d.Path, d.File, firstDiff(string(ja), string(jb)), firstDiff(string(jb), string(ja)))
			}
		}
		if !reflect.DeepEqual(old.SearchDocs(), conv.SearchDocs()) {
			t.Errorf("preview %v: the search documents changed", preview)
		}
		if !reflect.DeepEqual(old.Aliases(), conv.Aliases()) {
			t.Errorf("preview %v: the aliases changed", preview)
		}
	}
}

// viewData is the page data of path as the client receives it, without
// the version.
func viewData(t *testing.T, s *Store, path string) map[string]any {
	t.Helper()
	b, err := json.Marshal(s.ViewOf(path))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "version")
	return m
}

// firstDiff shows a's text around where it first differs from b.
func firstDiff(a, b string) string {
	i := 0
	for i < len(a) && i < len(b) && a[i] == b[i] {
		i++
	}
	lo, hi := max(0, i-80), min(len(a), i+80)
	return "…" + a[lo:hi] + "…"
}

// TestDocumentJSON checks the hand-written JSON of documents against
// encoding/json: every string reads back as itself (invalid UTF-8 as
// U+FFFD), control characters, quotes, U+2028 and HTML characters too.
func TestDocumentJSON(t *testing.T) {
	for _, s := range []string{"", "plain", `"quoted" \ back\slash`, "tab\tnew\nline\rcr\x00\x1f", "<b>&amp;</b>",
		"line\u2028para\u2029", "é ✓ 😀", "bad \xff utf-8"} {
		b, err := marshalPlain(obj{{"s", s}, {"n", json.Number("2")}, {"l", []any{true, nil, 3}}})
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			S string
			N int
			L []any
		}
		if err := json.Unmarshal(b, &got); err != nil {
			t.Fatalf("%q: %s is not JSON: %v", s, b, err)
		}
		if want := strings.ToValidUTF8(s, "\uFFFD"); got.S != want || got.N != 2 || len(got.L) != 3 {
			t.Errorf("%q: read back as %q, %d, %v", s, got.S, got.N, got.L)
		}
		if strings.Contains(s, "<") && !strings.Contains(string(b), "<b>&amp;</b>") {
			t.Errorf("%s: < and & escaped", b)
		}
	}
}
