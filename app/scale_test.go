//go:build !wasm

package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"nhsdigital/content"
	"nhsdigital/content/search"
)

// The server started on the original site's scale (20,000 synthetic
// publications beside the real content, from cmd/corpus) answers as the
// content says from its first answer on: every sampled page and its data,
// the whole sitemap, and search results counted over the whole index
// although the index is still being built in the background when the
// first search arrives. Correctness, not time: the times are make bench's.
func TestStartsAtTwentyThousandDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and serves a 20,000-document corpus; not with -short")
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	gen := exec.Command("go", "run", "../cmd/corpus", "-n", "20000", "-out", dir)
	if out, err := gen.CombinedOutput(); err != nil {
		t.Fatalf("cmd/corpus: %v\n%s", err, out)
	}
	store, err := content.Load(os.DirFS(dir), content.Options{})
	if err != nil {
		t.Fatalf("the corpus does not load: %v", err)
	}
	if n := len(store.Docs()); n < 20000 {
		t.Fatalf("the corpus serves %d pages, want 20,000 or more", n)
	}

	data := t.TempDir()
	s := startMainWithin(t, 3*time.Minute, "-admin-addr", "off", "-content", dir, "-data", data)
	base := "http://" + s.addr
	client := &http.Client{Timeout: time.Minute}
	get := func(u string) (int, string) {
		t.Helper()
		res, err := client.Get(base + u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		return res.StatusCode, string(b)
	}

	// Search first, while the index may still be building: the count is
	// the whole index's, worked out here from the same content.
	built, err := search.Build(store.SearchDocs())
	if err != nil {
		t.Fatal(err)
	}
	for _, word := range []string{"hospital", "workforce", "screening"} {
		want := built.Index.Search(search.Query{Text: word}).Total
		if want < 1000 {
			t.Fatalf("%q finds %d documents in the corpus; the test needs a common word", word, want)
		}
		code, body := get("/search?q=" + url.QueryEscape(word))
		m := regexp.MustCompile(`([0-9,]+) results? for`).FindStringSubmatch(body)
		if code != http.StatusOK || m == nil {
			t.Fatalf("/search?q=%s answered %d without a result count", word, code)
		}
		if got, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", "")); got != want {
			t.Errorf("/search?q=%s counts %d results, the whole index %d", word, got, want)
		}
	}

	docs := store.Docs()
	samplePages(t, get, docs)
	if code, _ := get("/data-and-information/publications/statistical/no-such-edition"); code != http.StatusNotFound {
		t.Errorf("an unknown publication answered %d, want 404", code)
	}

	// The sitemap lists every published page but the search, offline
	// and not-found pages.
	code, body := get("/sitemap.xml")
	var set struct {
		URLs []struct {
			Loc string `xml:"loc"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(body), &set); code != http.StatusOK || err != nil {
		t.Fatalf("/sitemap.xml answered %d: %v", code, err)
	}
	listed := map[string]bool{}
	for _, u := range set.URLs {
		listed[strings.TrimPrefix(u.Loc, store.Origin())] = true
	}
	want := 0
	for _, d := range docs {
		switch d.Type {
		case content.TypeSearch, content.TypeOffline, content.TypeNotFound:
			continue
		}
		want++
		if !listed[d.Path] {
			t.Errorf("the sitemap lacks %s", d.Path)
			break
		}
	}
	if len(set.URLs) != want {
		t.Errorf("the sitemap lists %d pages, want %d", len(set.URLs), want)
	}

	// With no page kept, the home page was answered from the front
	// matter while the pages were checked (server.Live.ServeFirst).
	const first = "answering the home page while the pages are checked"
	s.stop(t)
	if !strings.Contains(s.out.String(), first) {
		t.Errorf("the first start did not say %q:\n%s", first, s.out)
	}

	// Stopped and started again on the same data folder, the server
	// takes every page from what the first start kept, and answers the
	// same.
	s = startMainWithin(t, time.Minute, "-admin-addr", "off", "-content", dir, "-data", data)
	base = "http://" + s.addr
	samplePages(t, get, docs)
	s.stop(t)
	if want := fmt.Sprintf("kept=%d checked=0", len(docs)); !strings.Contains(s.out.String(), want) {
		t.Errorf("the second start did not say %q:\n%s", want, s.out)
	}
	if strings.Contains(s.out.String(), first) {
		t.Errorf("the second start, with every page kept, answered from the front matter first:\n%s", s.out)
	}
}

// samplePages asks for 40 pages across docs and each one's data.
func samplePages(t *testing.T, get func(string) (int, string), docs []*content.Doc) {
	t.Helper()
	for i := 0; i < len(docs); i += len(docs) / 40 {
		d := docs[i]
		if code, _ := get(d.Path); code != http.StatusOK {
			t.Errorf("%s answered %d", d.Path, code)
			continue
		}
		pd := "/page-data" + d.Path + ".json"
		if d.Path == "/" {
			pd = "/page-data/index.json"
		}
		code, body := get(pd)
		var v struct {
			Page struct {
				Path, Title string
			}
		}
		if err := json.Unmarshal([]byte(body), &v); code != http.StatusOK || err != nil {
			t.Errorf("%s answered %d: %v", pd, code, err)
			continue
		}
		if v.Page.Path != d.Path || v.Page.Title != d.Title {
			t.Errorf("%s holds %q at %s, want %q at %s", pd, v.Page.Title, v.Page.Path, d.Title, d.Path)
		}
	}
}
