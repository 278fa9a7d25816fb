//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/net/html"

	"nhsdigital/content"
)

// The static copy holds what the server serves, byte for byte, and
// nothing it does not: no draft, no scheduled item, no preview script.
func TestExport(t *testing.T) {
	tree := copyFS(content.Embedded())
	tree["pages/blog/secret-draft.md"] = &fstest.MapFile{Data: mdPage(`{"id": "9d9c6f1e-6a34-4a43-9b3e-8f3c1c9e2a77", "type": "blog",
	  "path": "/blog/secret-draft", "title": "Unannounced draft post", "summary": "Not yet.", "status": "draft",
	  "published": "2024-06-01", "lastEdited": "2024-06-01", "authors": [{"name": "A", "role": "B"}], "body": []}`)}
	tree["pages/blog/future-post.md"] = &fstest.MapFile{Data: mdPage(`{"id": "0b2f7c3e-5d41-4e8a-9f60-1a2b3c4d5e6f", "type": "blog",
	  "path": "/blog/future-post", "title": "Embargoed announcement", "summary": "Later.", "status": "published",
	  "published": "` + time.Now().Add(48*time.Hour).Format("2006-01-02") + `", "lastEdited": "2024-06-01", "authors": [{"name": "A", "role": "B"}], "body": []}`)}
	store, err := content.Load(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Export(newServer(t, store), t.TempDir()); err == nil || !strings.Contains(err.Error(), "Config.Static") {
		t.Errorf("a server not built for a static copy exported: %v", err)
	}
	srv, err := New(Config{Store: store, Web: os.DirFS("../web"), Static: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	n, err := Export(srv, dir)
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		seen++
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, dir))
		if strings.HasSuffix(rel, ".gz") {
			zr, err := gzip.NewReader(bytes.NewReader(b))
			if err != nil {
				t.Errorf("%s: %v", rel, err)
				return nil
			}
			b, _ = io.ReadAll(zr)
			orig, _ := os.ReadFile(strings.TrimSuffix(p, ".gz"))
			if !bytes.Equal(b, orig) {
				t.Errorf("%s is not the gzip of its file", rel)
			}
		}
		low := strings.ToLower(string(b))
		for _, leak := range []string{"unannounced", "secret-draft", "embargoed", "future-post"} {
			if strings.Contains(low, leak) {
				t.Errorf("%s holds %q", rel, leak)
			}
		}
		// Pages and data are the server's own answers (a page, rendered
		// again, may write its attributes in another order).
		url := strings.TrimSuffix(rel, "/index.html")
		if url == "" {
			url = "/"
		}
		if strings.HasSuffix(rel, ".html") && rel != "/404.html" && !isAlias(store, url) || strings.HasPrefix(rel, "/page-data/") && !strings.HasSuffix(rel, ".gz") {
			if r := get(srv, url); r.body != string(b) && (!strings.HasSuffix(rel, ".html") || canonicalHTML(t, r.body) != canonicalHTML(t, string(b))) {
				t.Errorf("%s differs from the server's answer to %s", rel, url)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if seen != n {
		t.Errorf("Export said %d files, the folder has %d", n, seen)
	}
	for _, must := range []string{"index.html", "services/spine/index.html", "404.html", "page-data/404.json", "web/static.js", "_redirects", "_headers", "_nginx.conf", "sitemap.xml"} {
		if _, err := os.Stat(filepath.Join(dir, must)); err != nil {
			t.Errorf("missing %s", must)
		}
	}
	if home, _ := os.ReadFile(filepath.Join(dir, "index.html")); strings.Contains(string(home), "_preview") {
		t.Error("a page of the copy names the preview")
	}
}

func isAlias(store *content.Store, p string) bool {
	_, ok := store.Alias(p)
	return ok
}

// A write that fails part-way (a full disk) leaves nothing behind: no
// target folder, no temporary one, no empty file; the error names the
// file and the cause. An existing empty target stays as it was, and one
// that is not empty is refused before anything is written.
func TestExportFailureLeavesNothing(t *testing.T) {
	srv, err := New(Config{Store: realStore(t), Web: os.DirFS("../web"), Static: true})
	if err != nil {
		t.Fatal(err)
	}
	var counted atomic.Int64 // files are written in parallel
	n, err := export(srv, filepath.Join(t.TempDir(), "site"), func(name string, body []byte) error {
		counted.Add(1)
		return writeFile(name, body)
	})
	writes := int(counted.Load())
	if err != nil || n != writes || writes < 100 {
		t.Fatalf("a whole export: %d files, %d writes, %v", n, writes, err)
	}
	// fullAt fails the nth write as a full disk does: the file is made,
	// its bytes are not written.
	var failed string
	fullAt := func(n int) func(string, []byte) error {
		var i atomic.Int64
		return func(name string, body []byte) error {
			if int(i.Add(1)) == n {
				failed = filepath.Base(name)
				os.WriteFile(name, nil, 0o644)
				return &fs.PathError{Op: "write", Path: name, Err: syscall.ENOSPC}
			}
			return writeFile(name, body)
		}
	}
	for _, at := range []int{1, writes / 2, writes} {
		parent := t.TempDir()
		_, err := export(srv, filepath.Join(parent, "site"), fullAt(at))
		if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), failed+": no space left on device") || strings.Contains(err.Error(), ".export-") {
			t.Errorf("write %d of %d failed; the error: %v", at, writes, err)
		}
		if left := tree(t, parent); len(left) > 0 {
			t.Errorf("write %d of %d failed; left behind %d entries: %v…", at, writes, len(left), left[:min(3, len(left))])
		}
	}

	parent := t.TempDir()
	target := filepath.Join(parent, "site")
	if err := os.Mkdir(target, 0o750); err != nil {
		t.Fatal(err)
	}
	if _, err := export(srv, target, fullAt(writes/2)); err == nil {
		t.Error("a failed export into an empty folder reported no error")
	}
	if left := tree(t, parent); len(left) != 1 || left[0] != "site/" {
		t.Errorf("a failed export into an empty folder left %v", left)
	}
	if n, err := export(srv, target, writeFile); err != nil || n != writes {
		t.Fatalf("export into an empty folder: %d files, %v", n, err)
	}
	if fi, err := os.Stat(target); err != nil || fi.Mode().Perm() != 0o750 {
		t.Errorf("the folder exported into lost its permissions: %v %v", fi.Mode(), err)
	}
	left := tree(t, parent)
	if !slices.Contains(left, "site/index.html") || !slices.Contains(left, "site/_nginx.conf") {
		t.Errorf("after an export into an empty folder the parent lacks the site: %d entries", len(left))
	}
	for _, e := range left {
		if !strings.HasPrefix(e, "site/") {
			t.Errorf("after an export into an empty folder the parent holds %s outside it", e)
		}
	}

	parent = t.TempDir()
	target = filepath.Join(parent, "site")
	os.Mkdir(target, 0o755)
	os.WriteFile(filepath.Join(target, "keep.txt"), []byte("mine"), 0o644)
	written := 0
	_, err = export(srv, target, func(name string, body []byte) error { written++; return writeFile(name, body) }) // refused before any write
	if err == nil || !strings.Contains(err.Error(), "is not empty") {
		t.Errorf("export into a folder that is not empty: %v", err)
	}
	if left := tree(t, parent); written > 0 || len(left) != 2 || left[1] != "site/keep.txt" {
		t.Errorf("export into a folder that is not empty wrote %d files; the parent holds %v", written, left)
	}
	if b, _ := os.ReadFile(filepath.Join(target, "keep.txt")); string(b) != "mine" {
		t.Errorf("keep.txt holds %q", b)
	}
}

// tree lists what is under dir, folders with a trailing slash.
func tree(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			rel += "/"
		}
		out = append(out, rel)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// canonicalHTML is a document as a browser reads it, in a form two renders
// of a page can be compared in: the attributes of each element sorted
// (go-app writes them in map order) and the white space of each text
// collapsed (go-app's handler indents a page's body by its depth in the
// document, components.Render from the body).
func canonicalHTML(t testing.TB, doc string) string {
	t.Helper()
	root, err := html.Parse(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	for n := range root.Descendants() {
		slices.SortFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
		if n.Type == html.TextNode {
			n.Data = strings.Join(strings.Fields(n.Data), " ")
		}
	}
	var b strings.Builder
	html.Render(&b, root)
	return b.String()
}
