package content

import (
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

const testSite = `{
  "name": "NHS Digital", "cookiePolicy": "2026-11-22", "origin": "https://digital.nhs.uk", "description": "d",
  "navigation": [{"text": "Services", "href": "/services"}],
  "footer": {"groups": [{"title": "Legal", "links": [{"text": "Home", "href": "/"}]}], "copyright": "c"},
  "home": {"hero": {"title": "t", "text": "x"}, "figures": [{"value": "1", "label": "l", "text": "t"}],
    "services": ["/services/spine"], "feature": "/services/spine", "data": ["/services"]}
}`

func page(id, typ, path, extra string) string {
	return `{"id": "` + id + `", "type": "` + typ + `", "path": "` + path + `", "title": "T", "summary": "S",
  "status": "published", "published": "2024-01-02", "lastEdited": "2024-01-03T10:00:00Z"` + extra + `}`
}

const sections = `, "serviceStatus": "live", "sections": {"about": [{"type": "paragraph", "text": "a"}],
  "audience": [{"type": "paragraph", "text": "a"}], "howItWorks": [{"type": "paragraph", "text": "a"}],
  "benefits": [{"type": "paragraph", "text": "a"}], "statusAndUsage": [{"type": "paragraph", "text": "a"}],
  "access": [{"type": "paragraph", "text": "a"}], "contact": [{"type": "paragraph", "text": "a"}]}`

// offlineBody is the offline page's body: the heading and paragraph where
// the service worker lists saved pages.
const offlineBody = `[{"type": "heading", "level": 2, "text": "Saved pages", "id": "saved-pages"}, {"type": "paragraph", "text": "Listed here offline."}]`

// validTree is a small content tree that passes every check.
func validTree() fstest.MapFS {
	return fstest.MapFS{
		"site.json":           {Data: []byte(testSite)},
		"pages/index.json":    {Data: []byte(page("00000000-0000-4000-8000-000000000001", "home", "/", ""))},
		"pages/404.json":      {Data: []byte(page("00000000-0000-4000-8000-000000000002", "not-found", "/404", `, "body": []`))},
		"pages/offline.json":  {Data: []byte(page("00000000-0000-4000-8000-000000000005", "offline", "/offline", `, "body": `+offlineBody))},
		"pages/services.json": {Data: []byte(page("00000000-0000-4000-8000-000000000003", "service-catalogue", "/services", ""))},
		"pages/services/spine.json": {Data: []byte(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine",
			sections+`, "aliases": ["/spine"], "body": [{"type": "paragraph", "text": "See [the catalogue](/services) or *this*."}]`))},
	}
}

func TestLoadRealContent(t *testing.T) {
	s, err := Load(os.DirFS("."), Options{})
	if err != nil {
		t.Fatalf("the repository's content does not load:\n%v", err)
	}
	counts := map[string]int{}
	for _, d := range s.Docs() {
		counts[d.Type]++
	}
	for typ, min := range map[string]int{TypeService: 15, TypeBlog: 6, TypeNews: 4, TypeFeature: 1, TypePublication: 12, TypeSeries: 3, TypeHub: 7} {
		if counts[typ] < min {
			t.Errorf("%d %s pages, want at least %d", counts[typ], typ, min)
		}
	}
	for _, p := range []string{"/", "/services", "/services/spine", "/services/nhs-app", "/services/nhs-111-online", "/blog",
		"/data-and-information", "/cyber-and-data-security", "/developer", "/news-and-events", "/about-nhs-digital", "/coronavirus", "/dashboards",
		"/about-nhs-digital/privacy-and-cookies", "/about-nhs-digital/terms-and-conditions", "/about-nhs-digital/accessibility",
		"/about-nhs-digital/contact-us/freedom-of-information", "/about-nhs-digital/modern-slavery-act-statement",
		"/news-and-events/features/improving-the-nhs-most-fundamental-process", "/search", "/cookies"} {
		if _, ok := s.Doc(p); !ok {
			t.Errorf("no page at %s", p)
		}
	}
}

func TestLoadValid(t *testing.T) {
	s, err := Load(validTree(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if to, ok := s.Alias("/spine"); !ok || to != "/services/spine" {
		t.Errorf("alias /spine = %q %v", to, ok)
	}
	v := s.ViewOf("/services/spine")
	if v.Status != 200 || len(v.Crumbs) != 2 || v.Crumbs[1].Path != "/services" {
		t.Errorf("view: status %d crumbs %+v", v.Status, v.Crumbs)
	}
	if v := s.ViewOf("/nope"); v.Status != 404 {
		t.Errorf("unknown path status %d", v.Status)
	}
}

// TestValidationErrors breaks the valid tree one way at a time and checks
// that the problem names the file, the field and what is wrong.
func TestValidationErrors(t *testing.T) {
	spine := "pages/services/spine.json"
	cases := []struct {
		name         string
		file, data   string
		wantFile     string
		wantField    string
		wantInReason string
	}{
		{"unknown field", spine, page("00000000-0000-4000-8000-000000000004", "service", "/services/spine", sections+`, "sumary": "x"`), spine, "$.sumary", `did you mean "summary"`},
		{"missing required", spine, `{"id": "00000000-0000-4000-8000-000000000004", "type": "page", "path": "/services/spine", "summary": "s", "status": "published", "published": "2024-01-01", "lastEdited": "2024-01-01", "body": []}`, spine, "$.title", "is required"},
		{"bad date", spine, page("00000000-0000-4000-8000-000000000004", "page", "/services/spine", `, "body": []`)[0:0] + strings.Replace(page("00000000-0000-4000-8000-000000000004", "page", "/x", `, "body": []`), "2024-01-02", "2nd Jan 2024", 1), spine, "$.published", "is not a date"},
		{"duplicate id", "pages/other.json", page("00000000-0000-4000-8000-000000000001", "page", "/other", `, "body": []`), "pages/other.json", "$.id", "already the id of pages/index.json"},
		{"duplicate path", "pages/zz.json", page("00000000-0000-4000-8000-000000000009", "page", "/services", `, "body": []`), "pages/zz.json", "$.path", "already the path of pages/services.json"},
		{"broken link", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "paragraph", "text": "see [x](/missing)"}]`), "pages/other.json", "$.body[0].text", "no page has that path"},
		{"link to alias", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "paragraph", "text": "see [x](/spine)"}]`), "pages/other.json", "$.body[0].text", "link to /services/spine instead"},
		{"bad uuid", "pages/other.json", page("not-a-uuid", "page", "/other", `, "body": []`), "pages/other.json", "$.id", "not a UUID"},
		{"bad path", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/Other Page/", `, "body": []`), "pages/other.json", "$.path", "not a site path"},
		{"unknown block", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "carousel"}]`), "pages/other.json", "$.body[0].type", "not a block type"},
		{"bad video id", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "video", "youtubeId": "x\" onload=\"y", "title": "t"}]`), "pages/other.json", "$.body[0].youtubeId", "not a YouTube video ID"},
		{"heading level", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "heading", "text": "h", "level": 1}]`), "pages/other.json", "$.body[0].level", "must be 2, 3 or 4"},
		{"table row", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "table", "caption": "c", "head": ["a", "b"], "rows": [["1"]]}]`), "pages/other.json", "$.body[0].rows[0]", "has 1 cells but head has 2"},
		{"image alt", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "image", "src": "/web/images/a.png", "alt": "", "width": 10, "height": 10}]`), "pages/other.json", "$.body[0].alt", "describe the image"},
		{"bad markup", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "paragraph", "text": "an *open emphasis"}]`), "pages/other.json", "$.body[0].text", "unclosed"},
		{"http link", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": [{"type": "links", "title": "t", "items": [{"text": "x", "href": "http://example.org"}]}]`), "pages/other.json", "$.body[0].items[0].href", "use https://"},
		{"bad enum", spine, strings.Replace(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine", sections), `"live"`, `"LIVE"`, 1), spine, "$.serviceStatus", "use one of: live"},
		{"missing section", spine, strings.Replace(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine", sections), `"benefits"`, `"benefit"`, 1), spine, "$.sections.benefits", "is required"},
		{"service path", spine, page("00000000-0000-4000-8000-000000000004", "service", "/spine-service", sections), spine, "$.path", "must look like /services/<slug>"},
		{"not JSON", "pages/other.json", `{"id": "x",`, "pages/other.json", "", "not valid JSON"},
		{"not an object", "pages/other.json", `[1, 2]`, "pages/other.json", "$", "must be a JSON object"},
		{"wrong type", "pages/other.json", strings.Replace(page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": []`), `"title": "T"`, `"title": 5`, 1), "pages/other.json", "$.title", "must be a string, got a number"},
		{"not json file", "pages/notes.txt", "hello", "pages/notes.txt", "", "not a .json file"},
		{"alias collides", "pages/other.json", page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "aliases": ["/services"], "body": []`), "pages/other.json", "$.aliases[0]", "is the path of pages/services.json"},
		{"published links to draft", "pages/other.json", strings.Replace(page("00000000-0000-4000-8000-000000000009", "page", "/other", `, "body": []`), "published\"", "draft\"", 1), "site.json", "", ""},
		{"offline page path", "pages/offline.json", page("00000000-0000-4000-8000-000000000005", "offline", "/you-are-offline", `, "body": `+offlineBody), "pages/offline.json", "$.path", "must have path /offline"},
		{"offline page without its list", "pages/offline.json", page("00000000-0000-4000-8000-000000000005", "offline", "/offline", `, "body": []`), "pages/offline.json", "$.body", "needs a level 2 heading with id"},
		{"offline list heading without paragraph", "pages/offline.json", page("00000000-0000-4000-8000-000000000005", "offline", "/offline", `, "body": [{"type": "heading", "level": 2, "text": "Saved", "id": "saved-pages"}]`), "pages/offline.json", "$.body[0]", "followed by a paragraph"},
		{"site unknown field", "site.json", strings.Replace(testSite, `"description"`, `"descripton"`, 1), "site.json", "$.descripton", "unknown field"},
		{"site broken ref", "site.json", strings.Replace(testSite, `"feature": "/services/spine"`, `"feature": "/gone"`, 1), "site.json", "$.home.feature", "no page has that path"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree := validTree()
			tree[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			if c.name == "published links to draft" {
				// The draft is linked from the published home settings.
				tree["site.json"] = &fstest.MapFile{Data: []byte(strings.Replace(testSite, `"data": ["/services"]`, `"data": ["/other"]`, 1))}
				c.wantField, c.wantInReason = "$.home.data[0]", "which is a draft"
			}
			_, err := Load(tree, Options{})
			ps, ok := err.(Problems)
			if !ok {
				t.Fatalf("want Problems, got %v", err)
			}
			for _, p := range ps {
				if p.File == c.wantFile && p.Field == c.wantField && strings.Contains(p.Message, c.wantInReason) {
					return
				}
			}
			t.Errorf("no problem %s %s %q in:\n%v", c.wantFile, c.wantField, c.wantInReason, err)
		})
	}
}

// TestOfflinePageRequired checks that the site cannot start without the
// page its service worker shows offline.
func TestOfflinePageRequired(t *testing.T) {
	tree := validTree()
	delete(tree, "pages/offline.json")
	_, err := Load(tree, Options{})
	if err == nil || !strings.Contains(err.Error(), `no published offline page (type "offline", path /offline)`) {
		t.Errorf("want a problem naming the missing offline page, got %v", err)
	}
}

// TestAllProblemsTogether checks that one load reports every problem, in
// every file, rather than stopping at the first.
func TestAllProblemsTogether(t *testing.T) {
	tree := validTree()
	tree["pages/a.json"] = &fstest.MapFile{Data: []byte(page("bad", "page", "/a", `, "body": [], "colour": "red"`))}
	tree["pages/b.json"] = &fstest.MapFile{Data: []byte(`{`)}
	_, err := Load(tree, Options{})
	ps, _ := err.(Problems)
	files := map[string]bool{}
	for _, p := range ps {
		files[p.File] = true
	}
	if len(ps) < 3 || !files["pages/a.json"] || !files["pages/b.json"] {
		t.Fatalf("want problems in both files (3 or more), got:\n%v", err)
	}
	if !strings.Contains(err.Error(), "pages/a.json: $.colour: unknown field") {
		t.Errorf("message should name file, field and problem:\n%v", err)
	}
}

func TestDraftsOnlyInPreview(t *testing.T) {
	tree := validTree()
	tree["pages/draft.json"] = &fstest.MapFile{Data: []byte(strings.Replace(page("00000000-0000-4000-8000-000000000010", "page", "/draft", `, "body": []`), `"published",`, `"draft",`, 1))}
	prod, err := Load(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := prod.Doc("/draft"); ok {
		t.Error("production store serves a draft")
	}
	preview, err := Load(tree, Options{Preview: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := preview.Doc("/draft"); !ok {
		t.Error("preview store lacks the draft")
	}
}

func TestOversizedFile(t *testing.T) {
	tree := validTree()
	tree["pages/big.json"] = &fstest.MapFile{Data: []byte(`{"x": "` + strings.Repeat("a", MaxFileSize) + `"}`)}
	_, err := Load(tree, Options{})
	if err == nil || !strings.Contains(err.Error(), "pages/big.json: file is") {
		t.Fatalf("want a size problem, got %v", err)
	}
}
