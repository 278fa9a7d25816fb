//go:build !wasm

package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/tidwall/gjson"
	nethtml "golang.org/x/net/html"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/consent"
	dbstore "nhsdigital/server/store"
)

func realStore(t testing.TB) *content.Store {
	t.Helper()
	s, err := content.Load(content.Embedded(), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func newServer(t testing.TB, store *content.Store) *Server {
	t.Helper()
	srv, err := New(Config{Store: store, Web: os.DirFS("../web"), DB: testDB(t)})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// testDB is a SQLite database in a temporary folder, closed at the end.
func testDB(t testing.TB) dbstore.Store {
	t.Helper()
	db, err := dbstore.OpenSQLite(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

type response struct {
	code   int
	header http.Header
	body   string
}

func get(h http.Handler, target string, headers ...string) response {
	req := httptest.NewRequest(http.MethodGet, target, nil)
	for i := 0; i+1 < len(headers); i += 2 {
		if headers[i] == "Host" {
			req.Host = headers[i+1]
			continue
		}
		req.Header.Set(headers[i], headers[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return response{rec.Code, rec.Header(), string(b)}
}

var (
	titleRE = regexp.MustCompile(`<title>([^<]*)</title>`)
	metaRE  = regexp.MustCompile(`<meta (?:name|property)="([^"]+)" content="([^"]*)">|<meta content="([^"]*)" (?:name|property)="([^"]+)">`)
	canonRE = regexp.MustCompile(`<link (?:rel="canonical" href="([^"]+)"|href="([^"]+)" rel="canonical")>`)
)

func metas(body string) map[string]string {
	out := map[string]string{}
	for _, m := range metaRE.FindAllStringSubmatch(body, -1) {
		if m[1] != "" {
			out[m[1]] = html.UnescapeString(m[2])
		} else {
			out[m[4]] = html.UnescapeString(m[3])
		}
	}
	return out
}

// text returns the page's visible text, roughly: tags removed, entities decoded.
func text(body string) string {
	body = regexp.MustCompile(`(?s)<head>.*</head>`).ReplaceAllString(body, "")
	body = regexp.MustCompile(`<[^>]+>`).ReplaceAllString(body, " ")
	return strings.Join(strings.Fields(html.UnescapeString(body)), " ")
}

// TestEveryPage requests every published page and checks its status, head
// tags and that the prerendered HTML carries its content.
func TestEveryPage(t *testing.T) {
	store := realStore(t)
	srv := newServer(t, store)
	origin := store.Origin()
	for _, d := range store.Docs() {
		t.Run(d.Path, func(t *testing.T) {
			r := get(srv, d.Path)
			want := http.StatusOK
			if d.Type == content.TypeNotFound {
				want = http.StatusNotFound
			}
			if r.code != want {
				t.Fatalf("status %d, want %d", r.code, want)
			}
			if ct := r.header.Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("Content-Type %q", ct)
			}
			title := titleRE.FindStringSubmatch(r.body)
			wantTitle := components.PageTitle(d.JSON(), "NHS Digital")
			if title == nil || html.UnescapeString(title[1]) != wantTitle {
				t.Errorf("<title> %q, want %q", title, wantTitle)
			}
			m := metas(r.body)
			if m["description"] != d.Summary || m["og:description"] != d.Summary {
				t.Errorf("description %q / og %q, want %q", m["description"], m["og:description"], d.Summary)
			}
			if m["og:title"] != wantTitle {
				t.Errorf("og:title %q", m["og:title"])
			}
			if d.Type != content.TypeNotFound {
				c := canonRE.FindStringSubmatch(r.body)
				if c != nil && c[1] == "" {
					c[1] = c[2]
				}
				if c == nil || c[1] != strings.TrimRight(origin+d.Path, "/") && c[1] != origin+d.Path {
					t.Errorf("canonical %v, want %s", c, origin+d.Path)
				}
				if m["og:url"] != strings.TrimRight(origin+d.Path, "/") {
					t.Errorf("og:url %q", m["og:url"])
				}
			}
			page := text(r.body)
			if d.Type == content.TypeSearch {
				// The search page's advice shows when nothing is found.
				page += " " + text(get(srv, "/search?q=qqqzzzxxx").body)
			}
			if !strings.Contains(page, d.Title) {
				t.Errorf("prerendered page lacks its title %q", d.Title)
			}
			// Every block's text is in the HTML: the page reads without JavaScript.
			for _, s := range plainTexts(d.JSON()) {
				if !strings.Contains(page, s) {
					t.Errorf("prerendered page lacks %q", s)
					break
				}
			}
			if strings.Contains(r.body, components.RenderParam+"=") {
				t.Error("a render parameter reached the page")
			}
			if !strings.Contains(r.body, `id="main-content"`) || !strings.Contains(r.body, `Skip to main content`) {
				t.Error("no skip link or main landmark")
			}
		})
	}
}

// plainTexts lists texts of a page's blocks that must appear verbatim.
func plainTexts(doc gjson.Result) []string {
	var out []string
	var walk func(gjson.Result)
	walk = func(v gjson.Result) {
		if v.IsArray() {
			for _, b := range v.Array() {
				walk(b)
			}
			return
		}
		if !v.IsObject() {
			return
		}
		switch v.Get("type").String() {
		case "heading", "quote":
			out = append(out, strings.Join(strings.Fields(v.Get("text").String()), " "))
		case "figures":
			for _, it := range v.Get("items").Array() {
				out = append(out, it.Get("value").String())
			}
		}
	}
	walk(doc.Get("body"))
	doc.Get("sections").ForEach(func(_, blocks gjson.Result) bool { walk(blocks); return true })
	return out
}

func TestPageTypesCarryTheirParts(t *testing.T) {
	store := realStore(t)
	srv := newServer(t, store)
	checks := map[string][]string{
		"/":               {"3 billion", "99.97%", "1.6 billion", "31 million", "Our services", "Latest blogs", "Latest news", "Data and information", "Improving the NHS"},
		"/services":       {"Spine", "NHS App", "NHS 111 online", "Electronic Prescription Service", "Search services", "Live"},
		"/services/spine": {"About this service", "Who it is for", "How it works", "Benefits", "Status and usage", "How to access", "Contact us", "Related services", "Page contents", "Last edited"},
		"/blog":           {"Latest"},
		"/blog/we-had-to-follow-the-data-not-our-users":                                            {"Written by", "Chiara Garattini", "Kate Burn"},
		"/news-and-events/latest-news":                                                             {"International Women"},
		"/data-and-information/publications/statistical/recorded-dementia-diagnoses/february-2021": {"Resources", "Publication date", "Geographic coverage", "Geographical granularity", "Other editions in this series", "Recorded Dementia Diagnoses", "the publication on digital.nhs.uk"},
		"/news-and-events/features/improving-the-nhs-most-fundamental-process":                     {"Adelina Pashova", "Share this page", "Related subjects", "Page contents", "Last edited"},
		"/about-nhs-digital/privacy-and-cookies":                                                   {"Page contents", "Last edited"},
		"/search?q=spine":                                                                          {"for ‘spine’", "Spine"},
		"/nope":                                                                                    {"Page not found", "/nope"},
	}
	for path, wants := range checks {
		r := get(srv, path)
		page := text(r.body)
		for _, w := range wants {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", path, w)
			}
		}
	}
	// Every service appears in the catalogue; breadcrumbs lead up.
	cat := text(get(srv, "/services").body)
	for _, d := range store.OfType(content.TypeService) {
		if !strings.Contains(cat, d.Title) {
			t.Errorf("catalogue lacks %s", d.Title)
		}
	}
	if !strings.Contains(get(srv, "/services/spine").body, `aria-label="Breadcrumb"`) {
		t.Error("service page has no breadcrumbs")
	}
	// Filters work without JavaScript.
	// (Every service is on the page, those that do not match hidden.)
	f := shownCards(t, get(srv, "/services?status=beta").body)
	if !slices.Contains(f, "NHS DigiTrials") || slices.Contains(f, "Electronic Prescription Service") {
		t.Errorf("catalogue status filter does not filter: %q", f)
	}
}

func TestUnknownPathsAre404(t *testing.T) {
	srv := newServer(t, realStore(t))
	for _, p := range []string{"/nope", "/services/nope", "/404", "/services/spine/extra", "/%ff", "/a/../../etc/passwd"} {
		r := get(srv, p)
		if r.code != http.StatusNotFound {
			t.Errorf("%s: status %d, want 404", p, r.code)
		}
		if !strings.Contains(r.body, "Page not found") {
			t.Errorf("%s: not the not-found page", p)
		}
	}
}

func TestRedirects(t *testing.T) {
	srv := newServer(t, realStore(t))
	for from, to := range map[string]string{
		"/spine":                         "/services/spine",
		"/services/spine/":               "/services/spine",
		"/Services/Spine":                "/services/spine",
		"/spine?x=1":                     "/services/spine?x=1",
		"/services//spine":               "/services/spine",
		"/blog/../services/./spine":      "/services/spine",
		"/services/summary-care-records": "/services/summary-care-records-scr",
		// In another case and with a slash at once; old addresses in
		// another case.
		"/SERVICES/":                     "/services",
		"/Services/Spine/":               "/services/spine",
		"/SERVICES/SUMMARY-CARE-RECORDS": "/services/summary-care-records-scr",
		"/Spine/":                        "/services/spine",
		"/Services//Spine/?x=1":          "/services/spine?x=1",
		"/data-and-information/publications/statistical/mi-potential-covid-19-symptoms-reported-through-nhs-pathways-and-111-online/latest": "/data-and-information/publications/statistical/mi-potential-covid-19-symptoms-reported-through-nhs-pathways-and-111-online/week-ending-21mar21",
	} {
		r := get(srv, from)
		if r.code != http.StatusMovedPermanently || r.header.Get("Location") != to {
			t.Errorf("%s: %d to %q, want 301 to %s", from, r.code, r.header.Get("Location"), to)
		}
	}
}

func TestPageData(t *testing.T) {
	srv := newServer(t, realStore(t))
	r := get(srv, "/page-data/services/spine.json")
	if r.code != 200 || r.header.Get("Content-Type") != "application/json" {
		t.Fatalf("status %d type %q", r.code, r.header.Get("Content-Type"))
	}
	v := gjson.Parse(r.body)
	if v.Get("page.path").String() != "/services/spine" || v.Get("status").Int() != 200 || len(v.Get("related").Array()) == 0 {
		t.Errorf("view: %s", r.body[:200])
	}
	if r := get(srv, "/page-data/index.json"); gjson.Get(r.body, "page.type").String() != "home" || !gjson.Get(r.body, "home.blogs.0.title").Exists() {
		t.Error("home view lacks its modules")
	}
	// The six sections, and Coronavirus as on the original site.
	if r := get(srv, "/page-data/site.json"); len(gjson.Get(r.body, "navigation").Array()) != 7 || gjson.Get(r.body, "home").Exists() {
		t.Errorf("site data: %s", r.body)
	}
	// (The home page's data is at /page-data/index.json alone.)
	for _, target := range []string{"/page-data/nope.json", "/page-data/.json"} {
		if r := get(srv, target); r.code != 404 || gjson.Get(r.body, "status").Int() != 404 || gjson.Get(r.body, "page.type").String() != "not-found" {
			t.Errorf("%s: %d %s", target, r.code, r.body)
		}
	}
	if r := get(srv, "/page-data/services/spine"); r.code != 404 {
		t.Errorf("page data without .json: %d", r.code)
	}
}

func TestCompressionAndCaching(t *testing.T) {
	web := copyFS(os.DirFS("../web"))
	web["app.wasm"] = &fstest.MapFile{Data: []byte(strings.Repeat("wasm", 1000))}
	web["app.wasm.br"] = &fstest.MapFile{Data: []byte("brotli-bytes")}
	web["app.wasm.br.sum"] = &fstest.MapFile{Data: []byte(sha256Hex(strings.Repeat("wasm", 1000)) + "\n")}
	web["app.wasm.gz"] = &fstest.MapFile{Data: []byte("gzip-bytes")}
	web["app.wasm.gz.sum"] = &fstest.MapFile{Data: []byte(sha256Hex(strings.Repeat("wasm", 1000)) + "\n")}
	web["site.css.br"] = &fstest.MapFile{Data: []byte("stale brotli")}
	web["site.css.br.sum"] = &fstest.MapFile{Data: []byte(sha256Hex("old css") + "\n")}
	web["site.css.gz"] = &fstest.MapFile{Data: []byte("stale gzip")}
	web["site.css.gz.sum"] = &fstest.MapFile{Data: []byte(sha256Hex("old css") + "\n")}
	srv, err := New(Config{Store: realStore(t), Web: web})
	if err != nil {
		t.Fatal(err)
	}
	wasm := srv.assets["/web/app.wasm"]
	r := get(srv, "/web/app.wasm?v="+wasm.hash, "Accept-Encoding", "gzip, deflate, br")
	if r.header.Get("Content-Encoding") != "br" || r.body != "brotli-bytes" || r.header.Get("Content-Type") != "application/wasm" {
		t.Errorf("wasm with br: encoding %q type %q", r.header.Get("Content-Encoding"), r.header.Get("Content-Type"))
	}
	if r.header.Get("Cache-Control") != CacheImmutable || !strings.Contains(r.header.Get("Vary"), "Accept-Encoding") {
		t.Errorf("hashed wasm: Cache-Control %q Vary %q", r.header.Get("Cache-Control"), r.header.Get("Vary"))
	}
	for i := 0; i < 2; i++ { // the second time, with the copy made here
		if r := get(srv, "/web/site.css", "Accept-Encoding", "br, gzip"); r.body == "stale brotli" {
			t.Error("a stale brotli copy was served")
		}
		brotliPending.Wait()
	}
	if r := get(srv, "/web/app.wasm", "Accept-Encoding", "gzip"); r.header.Get("Content-Encoding") != "gzip" || r.body != "gzip-bytes" || r.header.Get("Cache-Control") != "no-cache" {
		t.Errorf("wasm with gzip only: %q %q, cache %q", r.header.Get("Content-Encoding"), r.body, r.header.Get("Cache-Control"))
	}
	if r := get(srv, "/web/site.css", "Accept-Encoding", "gzip"); r.header.Get("Content-Encoding") != "gzip" || r.body == "stale gzip" {
		t.Errorf("css with gzip only: %q, the stale copy served: %v", r.header.Get("Content-Encoding"), r.body == "stale gzip")
	}
	if r := get(srv, "/web/app.wasm", "Accept-Encoding", "br;q=0, gzip;q=0"); r.header.Get("Content-Encoding") != "" || len(r.body) != 4000 {
		t.Errorf("identity: encoding %q len %d", r.header.Get("Content-Encoding"), len(r.body))
	}
	if r := get(srv, "/web/app.wasm?v=stale"); r.header.Get("Cache-Control") != "no-cache" {
		t.Errorf("a stale hash must not be cached forever: %q", r.header.Get("Cache-Control"))
	}
	// HTML: revalidated, with an ETag that answers 304.
	r = get(srv, "/services/spine", "Accept-Encoding", "gzip")
	etag := r.header.Get("ETag")
	if r.header.Get("Cache-Control") != "no-cache" || etag == "" || r.header.Get("Content-Encoding") != "gzip" {
		t.Errorf("page: cache %q etag %q encoding %q", r.header.Get("Cache-Control"), etag, r.header.Get("Content-Encoding"))
	}
	if r := get(srv, "/services/spine", "If-None-Match", etag); r.code != http.StatusNotModified {
		t.Errorf("If-None-Match: %d", r.code)
	}
	if r := get(srv, "/services/nhs-app", "If-None-Match", etag); r.code != http.StatusOK {
		t.Errorf("another page's ETag matched: %d", r.code)
	}
}

// TestVersionFollowsContent checks that the version (go-app's and the
// ETags) comes from the content, not the clock.
func TestVersionFollowsContent(t *testing.T) {
	a, b := newServer(t, realStore(t)), newServer(t, realStore(t))
	if a.Version() != b.Version() {
		t.Fatalf("same content, different versions: %s %s", a.Version(), b.Version())
	}
	tree := copyFS(content.Embedded())
	spine := tree["pages/services/spine.md"]
	spine.Data = []byte(strings.Replace(string(spine.Data), "\ntitle: Spine\n", "\ntitle: Spine (edited)\n", 1))
	changed, err := content.Load(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	c := newServer(t, changed)
	if c.Version() == a.Version() {
		t.Error("changed content, same version")
	}
	// Each server renders its own content, however many share the process.
	if strings.Contains(get(a, "/services/spine?x=1").body, "Spine (edited)") {
		t.Error("a server rendered another server's content")
	}
	if !strings.Contains(get(c, "/services/spine?x=1").body, "Spine (edited)") {
		t.Error("the server with edited content did not render it")
	}
	// Also when they render at once, and whatever render a visitor names.
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			target := "/services/spine?" + components.RenderParam + "=" + strconv.Itoa(i)
			if strings.Contains(get(a, target).body, "Spine (edited)") {
				t.Error("a server rendered another server's content, rendering at once")
			}
			if !strings.Contains(get(c, target).body, "Spine (edited)") {
				t.Error("the server with edited content did not render it, rendering at once")
			}
		}()
	}
	wg.Wait()
	ea := get(a, "/services/spine").header.Get("ETag")
	if eb := get(b, "/services/spine").header.Get("ETag"); ea != eb {
		t.Errorf("same content, different ETags: %s %s", ea, eb)
	}
	ec := get(c, "/services/spine").header.Get("ETag")
	if ea == ec {
		t.Error("changed page, same ETag")
	}
	if !strings.Contains(get(a, "/app.js").body, a.Version()) {
		t.Error("go-app's app.js does not carry the content version")
	}
}

func TestDraftsNeverServed(t *testing.T) {
	tree := copyFS(content.Embedded())
	tree["pages/blog/secret-draft.md"] = &fstest.MapFile{Data: mdPage(`{"id": "9d9c6f1e-6a34-4a43-9b3e-8f3c1c9e2a77", "type": "blog",
	  "path": "/blog/secret-draft", "title": "Unannounced draft post", "summary": "Not yet.", "status": "draft",
	  "published": "2024-06-01", "lastEdited": "2024-06-01", "authors": [{"name": "A", "role": "B"}], "body": []}`)}
	store, err := content.Load(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, store)
	if r := get(srv, "/blog/secret-draft"); r.code != 404 {
		t.Errorf("draft page: %d", r.code)
	}
	_, searchFiles, _ := srv.search.get()
	for name, a := range searchFiles {
		if b := strings.ToLower(string(a.body)); strings.Contains(b, "unannounced") || strings.Contains(b, "secret-draft") {
			t.Errorf("search index file %s holds the draft", name)
		}
	}
	for _, p := range []string{"/blog", "/", "/sitemap.xml", "/feeds/blogs.xml", "/search?q=unannounced", "/page-data/blog.json", "/page-data/blog/secret-draft.json"} {
		if r := get(srv, p); strings.Contains(r.body, "Unannounced draft") || strings.Contains(r.body, "secret-draft\"") {
			t.Errorf("%s leaks the draft", p)
		}
	}
}

func TestFeedsSitemapRobots(t *testing.T) {
	store := realStore(t)
	srv := newServer(t, store)
	feeds := allFeeds(store)
	if len(feeds) < 4 {
		t.Fatalf("%d feeds; want the site's three and each blog series'", len(feeds))
	}
	for _, f := range feeds {
		r := get(srv, f.Path)
		var doc rss
		if r.code != 200 || xml.Unmarshal([]byte(r.body), &doc) != nil {
			t.Fatalf("%s: %d, not RSS", f.Path, r.code)
		}
		want := f.docs
		if len(doc.Channel.Items) != len(want) {
			t.Errorf("%s: %d items, want %d", f.Path, len(doc.Channel.Items), len(want))
		}
		if len(want) > 0 && doc.Channel.Items[0].Link != store.Origin()+want[0].Path {
			t.Errorf("%s: first item %s, want the newest %s", f.Path, doc.Channel.Items[0].Link, want[0].Path)
		} // The channel links to the listing of the same items; GUIDs are the
		// documents' UUIDs; authors and topics come along.
		var ns struct {
			Link  []string `xml:"channel>link"` // with atom:link
			Items []struct {
				Creators []string `xml:"http://purl.org/dc/elements/1.1/ creator"`
			} `xml:"channel>item"`
		}
		xml.Unmarshal([]byte(r.body), &ns)
		if len(ns.Link) == 0 || ns.Link[0] != store.Origin()+f.Link {
			t.Errorf("%s: channel link %v, want the listing %s", f.Path, ns.Link, f.Link)
		}
		for i, it := range doc.Channel.Items {
			it.Creators = ns.Items[i].Creators
			d := want[i]
			if it.GUID.Value != "urn:uuid:"+d.ID || it.GUID.IsPermaLink {
				t.Errorf("%s: guid %q permalink %v, want urn:uuid:%s", f.Path, it.GUID.Value, it.GUID.IsPermaLink, d.ID)
			}
			if strings.Join(it.Categories, "|") != strings.Join(d.Topics, "|") {
				t.Errorf("%s: categories %v, want the topics %v", d.Path, it.Categories, d.Topics)
			}
			var authors []string
			for _, a := range d.JSON().Get("authors.#.name").Array() {
				authors = append(authors, a.String())
			}
			if strings.Join(it.Creators, "|") != strings.Join(authors, "|") {
				t.Errorf("%s: dc:creator %v, want %v", d.Path, it.Creators, authors)
			}
		}
		if f.Path == "/feeds/blogs.xml" && !strings.Contains(r.body, "<dc:creator>") {
			t.Error("blogs feed: no authors")
		}
	}
	if r := get(srv, "/feeds/other.xml"); r.code != 404 {
		t.Errorf("unknown feed: %d", r.code)
	}
	r := get(srv, "/sitemap.xml")
	var set urlset
	if err := xml.Unmarshal([]byte(r.body), &set); err != nil {
		t.Fatal(err)
	}
	// Every page but the not-found and offline pages, which no one should
	// land on from a search engine.
	if len(set.URLs) != len(store.Docs())-3 || strings.Contains(r.body, "/404<") || strings.Contains(r.body, "/offline<") || strings.Contains(r.body, "/search<") {
		t.Errorf("sitemap: %d urls for %d pages", len(set.URLs), len(store.Docs()))
	}
	// A listing's lastmod is its newest item's when that is later.
	newestBlog := store.OfType(content.TypeBlog)[0]
	for _, u := range set.URLs {
		if u.Loc == store.Origin()+"/blog" {
			if want := lastModified(store, mustDoc(t, store, "/blog")).Format("2006-01-02"); u.LastMod != want || want < newestBlog.Published.Format("2006-01-02") {
				t.Errorf("/blog lastmod %s, want %s (newest blog %s)", u.LastMod, want, newestBlog.Published.Format("2006-01-02"))
			}
		}
	}
	if r := get(srv, "/robots.txt"); !strings.Contains(r.body, "Sitemap: "+store.Origin()+"/sitemap.xml") || !strings.Contains(r.body, "Disallow: /offline\n") || !strings.Contains(r.body, "Disallow: /search\n") {
		t.Errorf("robots: %s", r.body)
	}
}

func TestBadRequests(t *testing.T) {
	srv := newServer(t, realStore(t))
	req := httptest.NewRequest(http.MethodPost, "/services", strings.NewReader("x=1"))
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusMethodNotAllowed || rec.Header().Get("Allow") != "GET, HEAD" {
		t.Errorf("POST: %d allow %q", rec.Code, rec.Header().Get("Allow"))
	}
	if r := get(srv, "/search?q="+strings.Repeat("a", 3000)); r.code != http.StatusRequestURITooLong {
		t.Errorf("long URL: %d", r.code)
	}
	for _, q := range []string{"%3Cscript%3Ealert(1)%3C%2Fscript%3E", "x%22%20autofocus%20onfocus%3D%22alert(1)", "a%5C%22b", "%E2%80%99caf%C3%A9%22"} {
		r := get(srv, "/search?q="+q)
		if r.code != 200 || strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, ` onfocus="`) || strings.Contains(r.body, `\"`) {
			t.Errorf("query %s must stay inside its attribute and show as text: %d", q, r.code)
		}
	}
	if r := get(srv, "/services?status=%00%ff&topic="+strings.Repeat("x", 500)); r.code != 200 {
		t.Errorf("odd filter values: %d", r.code)
	}
	head := httptest.NewRequest(http.MethodHead, "/services/spine", nil)
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, head)
	if rec.Code != 200 || rec.Body.Len() != 0 {
		t.Errorf("HEAD: %d with %d bytes", rec.Code, rec.Body.Len())
	}
	if r := get(srv, "/web/nope.css"); r.code != 404 {
		t.Errorf("missing asset: %d", r.code)
	}
	// Path tricks: nothing outside the site's own files is ever reachable
	// (everything is served from memory), and odd spellings get a clear no.
	for target, want := range map[string]int{
		"/web/../../../etc/passwd":       404,
		"/../etc/passwd":                 404,
		"/web/..%2f..%2fetc%2fpasswd":    400,
		"/services%2Fspine":              400,
		"/web%5csite.css":                400,
		"/services/spine%00.json":        400,
		"/%2e%2e/%2e%2e/etc/passwd":      404,
		"/page-data/../../go.mod":        404,
		"/search-index/../server.go":     404,
		"/web/site.css/.":                404,
		"/" + strings.Repeat("a/", 1100): 414,
	} {
		r := get(srv, target)
		if r.code != want || strings.Contains(r.body, "root:") || strings.Contains(r.body, "module nhsdigital") {
			t.Errorf("%s: %d, want %d", target, r.code, want)
		}
	}
}

// copyFS copies a file tree into memory, for a test to change.
func copyFS(src fs.FS) fstest.MapFS {
	out := fstest.MapFS{}
	fs.WalkDir(src, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(src, p)
			out[p] = &fstest.MapFile{Data: b}
		}
		return nil
	})
	return out
}

func sha256Hex(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func TestMain(m *testing.M) {
	components.Register()
	os.Exit(m.Run())
}

// TestSearchWithoutJavaScript checks the prerendered search page: the same
// engine on the server, with results, facets, chips, sort and pages as links.
func TestSearchWithoutJavaScript(t *testing.T) {
	srv := newServer(t, realStore(t))
	r := get(srv, "/search?q=spine")
	page := text(r.body)
	for _, want := range []string{"results for ‘spine’ sorted by relevance", "Spine", "Document type", "Filter by", "Sort by: Relevance Date"} {
		if !strings.Contains(page, want) {
			t.Errorf("/search?q=spine lacks %q", want)
		}
	}
	if !strings.Contains(r.body, `href="/search?q=spine&amp;type=Service"`) && !strings.Contains(r.body, `href="/search?q=spine&type=Service"`) {
		t.Error("facet values are not links")
	}
	if !strings.Contains(r.body, "<mark>") {
		t.Error("no marked words")
	}
	r = get(srv, "/search?q=&type=Service")
	if !strings.Contains(text(r.body), "Remove filter: Document type: Service") || !strings.Contains(text(r.body), "Clear filters") {
		t.Error("no removable chip for the chosen filter")
	}
	r = get(srv, "/search")
	if !strings.Contains(r.body, `aria-label="Page 2"`) || !strings.Contains(text(r.body), "sorted by date") {
		t.Error("the empty query does not list everything by date with pages")
	}
	for _, q := range []string{"/search?page=abc", "/search?page=99999", "/search?type=Nonsense", "/search?q=" + strings.Repeat("%F0%9F%98%80", 150), "/search?q=%ff%fe", "/search?sort=sideways&scope=nowhere"} {
		if r := get(srv, q); r.code != 200 || !strings.Contains(r.body, "nhsd-search-status") {
			t.Errorf("%s: %d", q[:min(len(q), 40)], r.code)
		}
	}
	// (With nothing to filter the button is there, hidden, to keep the
	// results' place for the client's updates.)
	if r := get(srv, "/search?q=zzzzqqq"); !strings.Contains(text(r.body), "No results") || !regexp.MustCompile(`<button [^>]*\bhidden\b[^>]*>`).MatchString(regexp.MustCompile(`<button [^>]*nhsd-filter-toggle"[^>]*>`).FindString(r.body)) {
		t.Errorf("no helpful empty state, or a Filter button with nothing to filter: %s", regexp.MustCompile(`<button [^>]*nhsd-filter-toggle"[^>]*>`).FindString(r.body))
	}
	// On phones the filters fold behind a "Filter" button that comes
	// before them and the results, names them and says they are folded;
	// it counts the filters chosen.
	toggle := regexp.MustCompile(`<button [^>]*class="[^"]*nhsd-filter-toggle[^>]*>\s*([^<]*?)\s*</button>`)
	for target, label := range map[string]string{"/search?q=spine": "Filter", "/search?q=&type=Service": "Filter (1 selected)"} {
		body := get(srv, target).body
		m := toggle.FindStringSubmatchIndex(body)
		if m == nil {
			t.Errorf("%s: no Filter button", target)
			continue
		}
		button := body[m[0]:m[1]]
		if got := body[m[2]:m[3]]; got != label {
			t.Errorf("%s: Filter button says %q, want %q", target, got, label)
		}
		if !strings.Contains(button, `aria-controls="nhsd-search-filters"`) || !strings.Contains(button, `aria-expanded="false"`) || !strings.Contains(button, `type="button"`) {
			t.Errorf("%s: Filter button %s", target, button)
		}
		filters, results := strings.Index(body, `id="nhsd-search-filters"`), strings.Index(body, "nhsd-search__results")
		if filters < m[1] || results < filters {
			t.Errorf("%s: not Filter button, then filters, then results", target)
		}
	}
	if r := get(srv, "/search-index/meta.json"); r.code != 200 || !strings.Contains(r.body, `"shards"`) {
		t.Errorf("meta file: %d", r.code)
	}
	if r := get(srv, "/search-index/shard-99999.txt"); r.code != 404 {
		t.Errorf("missing shard: %d", r.code)
	}
}

// The page cache renders each page once per consent state, also under a
// burst of simultaneous first requests, and serves the same bytes with one
// ETag after; unknown paths and queries are never kept.
func TestPageCache(t *testing.T) {
	srv := newServer(t, realStore(t))
	var wg sync.WaitGroup
	bodies := make([]string, 50)
	for i := range bodies {
		wg.Add(1)
		go func() {
			defer wg.Done()
			bodies[i] = get(srv, "/services/spine").body
		}()
	}
	wg.Wait()
	if n := srv.renders.Load(); n != 1 {
		t.Errorf("50 simultaneous first requests rendered the page %d times", n)
	}
	for _, b := range bodies {
		if b != bodies[0] {
			t.Fatal("simultaneous requests got different bytes")
		}
	}
	first := get(srv, "/services/spine")
	if r := get(srv, "/services/spine", "If-None-Match", first.header.Get("ETag")); r.code != http.StatusNotModified {
		t.Errorf("revalidation: %d", r.code)
	}
	if r := get(srv, "/services/spine", "Accept-Encoding", "gzip"); r.header.Get("Content-Encoding") != "gzip" || r.header.Get("ETag") != first.header.Get("ETag") {
		t.Errorf("gzip variant: %q, ETag %q", r.header.Get("Content-Encoding"), r.header.Get("ETag"))
	}
	// Another consent state is another render; the same state is not.
	accepted := "nhsd_consent=" + (&consent.Record{ID: "5f0c2b1e-8a7d-4c3b-9e2f-1a0b9c8d7e6f", Time: time.Now(), Policy: srv.policy(),
		Choices: map[string]bool{consent.Offline: true, consent.Statistics: true, consent.Media: true}}).Value()
	get(srv, "/services/spine", "Cookie", accepted)
	get(srv, "/services/spine", "Cookie", accepted)
	if n := srv.renders.Load(); n != 2 {
		t.Errorf("after a second consent state: %d renders, want 2", n)
	}
	// Choices that do not change the page share its render; media does.
	for i, choices := range []map[string]bool{{consent.Media: true}, {consent.Offline: true}} {
		rec := &consent.Record{ID: "5f0c2b1e-8a7d-4c3b-9e2f-1a0b9c8d7e6f", Time: time.Now(), Policy: srv.policy(), Choices: choices}
		get(srv, "/services/spine", "Cookie", "nhsd_consent="+rec.Value())
		if n := srv.renders.Load(); n != int64(2+i) {
			t.Errorf("choices %v: %d renders, want %d", choices, n, 2+i)
		}
	}
	before := len(srv.pages)
	for i := 0; i < 20; i++ {
		get(srv, fmt.Sprintf("/no-such-page-%d", i))
		get(srv, fmt.Sprintf("/services?q=%d", i))
	}
	if len(srv.pages) != before {
		t.Errorf("unknown paths or queries were kept: %d pages cached, was %d", len(srv.pages), before)
	}
}

func mustDoc(t *testing.T, store *content.Store, p string) *content.Doc {
	t.Helper()
	d, ok := store.Doc(p)
	if !ok {
		t.Fatalf("no page %s", p)
	}
	return d
}

// An attribute whose value is "true" keeps it in the prerendered page:
// go-app writes it as a bare name, which ARIA reads as false.
func TestPrerenderedTrueAttributes(t *testing.T) {
	srv := newServer(t, realStore(t))
	body := get(srv, "/services/spine").body
	if !strings.Contains(body, `aria-current="true"`) {
		t.Error(`/services/spine: the Services link lacks aria-current="true"`)
	}
	if strings.Contains(body, components.TrueMarker) || regexp.MustCompile(`aria-[a-z]+[ >]`).MatchString(body) {
		t.Error("/services/spine: an aria attribute without its value, or the marker, is left in the page")
	}
	if body := get(srv, "/services").body; !strings.Contains(body, `aria-current="page"`) {
		t.Error(`/services: the Services link lacks aria-current="page"`)
	}
}

// Views past the bound on those kept are made again when asked for, the
// last few kept a while: each answer is the page's own view whichever.
func TestViewsPastTheBound(t *testing.T) {
	srv := newServer(t, realStore(t))
	srv.source.viewLimit = 0
	docs := srv.store.Docs()
	if len(docs) <= recentViews {
		t.Fatalf("%d pages: too few to pass the recent views", len(docs))
	}
	for round := range 2 {
		for i := range docs {
			d := docs[(i*7+round)%len(docs)]
			want := srv.store.ViewOf(d.Path).JSON()
			for range 2 { // made, then recent
				if got := srv.source.viewJSON(d.Path); !bytes.Equal(got, want) {
					t.Fatalf("view of %s: not its own", d.Path)
				}
			}
			if r := get(srv, components.PageDataURL(d.Path)); r.body != string(want) && d.Type != content.TypeNotFound {
				t.Fatalf("page data of %s: not its view", d.Path)
			}
		}
	}
	if len(srv.source.views) != 0 {
		t.Errorf("%d views kept past the bound", len(srv.source.views))
	}
}

// shownCards are the titles of the cards in page that are not hidden.
func shownCards(t *testing.T, page string) []string {
	t.Helper()
	doc, err := nethtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(n *nethtml.Node, hidden bool)
	walk = func(n *nethtml.Node, hidden bool) {
		if n.Type == nethtml.ElementNode {
			for _, a := range n.Attr {
				hidden = hidden || a.Key == "hidden"
				if a.Key == "class" && a.Val == "nhsd-card__link" && !hidden {
					out = append(out, strings.TrimSpace(n.FirstChild.Data))
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, hidden)
		}
	}
	walk(doc, false)
	return out
}
