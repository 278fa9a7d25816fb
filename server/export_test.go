//go:build !wasm

package server

import (
	"bytes"
	"compress/gzip"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"nhsdigital/content"
)

// The static copy holds what the server serves, byte for byte, and
// nothing it does not: no draft, no scheduled item, no preview script.
func TestExport(t *testing.T) {
	tree := copyFS(content.Embedded())
	tree["pages/blog/secret-draft.json"] = &fstest.MapFile{Data: []byte(`{"id": "9d9c6f1e-6a34-4a43-9b3e-8f3c1c9e2a77", "type": "blog",
	  "path": "/blog/secret-draft", "title": "Unannounced draft post", "summary": "Not yet.", "status": "draft",
	  "published": "2024-06-01", "lastEdited": "2024-06-01", "authors": [{"name": "A", "role": "B"}], "body": []}`)}
	tree["pages/blog/future-post.json"] = &fstest.MapFile{Data: []byte(`{"id": "0b2f7c3e-5d41-4e8a-9f60-1a2b3c4d5e6f", "type": "blog",
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
		// Pages and data are the server's own answers (the page cache
		// keeps one render, so the bytes match exactly).
		url := strings.TrimSuffix(rel, "/index.html")
		if url == "" {
			url = "/"
		}
		if strings.HasSuffix(rel, ".html") && rel != "/404.html" && !isAlias(store, url) || strings.HasPrefix(rel, "/page-data/") && !strings.HasSuffix(rel, ".gz") {
			if r := get(srv, url); r.body != string(b) {
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
	if _, err := os.Stat(filepath.Join(dir, "web/preview.js")); err == nil {
		t.Error("the preview's script was exported")
	}
}

func isAlias(store *content.Store, p string) bool {
	_, ok := store.Alias(p)
	return ok
}
