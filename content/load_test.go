package content

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"nhsdigital/content/inline"
	"nhsdigital/content/words"
)

var testSite = `{
  "name": "NHS Digital", "cookiePolicy": "2026-11-22", "origin": "https://digital.nhs.uk", "description": "d",
  "navigation": [{"text": "Services", "href": "/services"}],
  "footer": {"groups": [{"title": "Legal", "links": [{"text": "Home", "href": "/"}]}], "copyright": "c"},
  "home": {"hero": {"title": "t", "text": "x"}, "figures": [{"value": "1", "label": "l", "text": "t"}],
    "services": ["/services/spine"], "feature": "/services/spine", "data": ["/services"],
    "sections": {"figures": {"title": "f"}, "services": {"title": "s", "more": {"text": "m", "href": "/services"}},
      "feature": {"title": "f"}, "blogs": {"title": "b", "more": {"text": "m", "href": "/"}},
      "news": {"title": "n", "more": {"text": "m", "href": "/"}}, "data": {"title": "d", "more": {"text": "m", "href": "/"}}}},
  "cookieBanner": {"title": "t", "text": "x", "accept": "a", "reject": "r", "view": "v", "accepted": "a", "rejected": "r",
    "change": "You can {change} it.", "hide": "h"},
  "words": ` + testWords() + `
}`

// testWords are words for every key the code uses (words.All), each
// with its placeholders.
func testWords() string {
	b, _ := json.Marshal(words.Shape(func(d words.Def) string {
		v := "w"
		for _, h := range d.Holds {
			v += " {" + h + "}"
		}
		return v
	}))
	return string(b)
}

// md writes a page given as JSON as the Markdown file that reads back as
// it, with the converter that made content/pages.
func md(doc string) []byte {
	b, err := ToMarkdown([]byte(doc))
	if err != nil {
		panic(fmt.Sprintf("%v: %s", err, doc))
	}
	return b
}

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

// cookieFields are a cookie settings page's description of what is stored.
const cookieFields = `, "necessary": {"title": "t", "text": "x", "items": [{"name": "nhsd_consent", "purpose": "p", "expires": "e"}]},
  "categories": [{"key": "offline", "title": "t", "text": "x", "items": [{"name": "n", "purpose": "p", "expires": "e"}]},
    {"key": "statistics", "title": "t", "text": "x", "items": [{"name": "n", "purpose": "p", "expires": "e"}]},
    {"key": "media", "title": "t", "text": "x", "items": [{"name": "n", "purpose": "p", "expires": "e"}]}]`

// validTree is a small content tree that passes every check.
func validTree() fstest.MapFS {
	return fstest.MapFS{
		"site.json":         {Data: []byte(testSite)},
		"pages/index.md":    {Data: md(page("00000000-0000-4000-8000-000000000001", "home", "/", ""))},
		"pages/404.md":      {Data: md(page("00000000-0000-4000-8000-000000000002", "not-found", "/404", `, "body": []`))},
		"pages/offline.md":  {Data: md(page("00000000-0000-4000-8000-000000000005", "offline", "/offline", `, "body": `+offlineBody))},
		"pages/cookies.md":  {Data: md(page("00000000-0000-4000-8000-000000000006", "cookies", "/cookies", `, "body": []`+cookieFields))},
		"pages/services.md": {Data: md(page("00000000-0000-4000-8000-000000000003", "service-catalogue", "/services", ""))},
		"pages/services/spine.md": {Data: md(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine",
			sections+`, "aliases": ["/spine"], "body": [{"type": "heading", "level": 2, "text": "More"}, {"type": "paragraph", "text": "See [the catalogue](/services) or *this*."}]`))},
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

// other is a valid page, written as an editor writes it: the front
// matter is lines 1 to 10, the body starts at line 12.
const other = `---
id: 00000000-0000-4000-8000-000000000009
type: page
path: /other
title: T
summary: S
status: published
published: 2024-01-02
lastEdited: 2024-01-03T10:00:00Z
---

`

// lineOf is the line of data that starts with prefix.
func lineOf(data []byte, prefix string) int {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, prefix) {
			return i + 1
		}
	}
	return 0
}

// TestValidationErrors breaks the valid tree one way at a time and checks
// that the problem names the file, the line and column, the field where
// it helps, and what is wrong.
func TestValidationErrors(t *testing.T) {
	spine := "pages/services/spine.md"
	service := md(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine", sections))
	offline := md(page("00000000-0000-4000-8000-000000000005", "offline", "/offline", `, "body": `+offlineBody))
	edit := func(old, new string) string { return strings.Replace(other, old, new, 1) }
	at := func(file string, data []byte, prefix string, col int) string {
		return fmt.Sprintf("%s:%d:%d: ", file, lineOf(data, prefix), col)
	}
	cases := []struct {
		name, file, data string
		want             string // in the problem as printed
	}{
		{"unknown field", "pages/other.md", edit("summary: S\n", "summary: S\nsumary: x\n"), `pages/other.md:7:1: sumary: unknown field (did you mean "summary"?)`},
		{"missing required", "pages/other.md", edit("title: T\n", ""), "pages/other.md:1:1: title: is required"},
		{"bad date", "pages/other.md", edit("2024-01-02", "2nd Jan 2024"), `pages/other.md:8:1: published: "2nd Jan 2024" is not a date`},
		{"key given twice", "pages/other.md", edit("title: T\n", "title: T\ntitle: U\n"), "pages/other.md:6:1: title is given twice"},
		{"value with a colon", "pages/other.md", edit("title: T", "title: Spine: the core"), `pages/other.md:5:13: front matter: mapping values are not allowed in this context: a value that holds ": " must be in quotes`},
		{"unclosed quote", "pages/other.md", edit("title: T", `title: "Spine`), "pages/other.md:"},
		{"tab", "pages/other.md", edit("title: T", "title: T\n\tsummary: x"), "pages/other.md:6:1: front matter:"},
		{"no front matter", "pages/other.md", "# A page\n", "pages/other.md:1:1: a page starts with its front matter"},
		{"front matter never closed", "pages/other.md", strings.TrimSuffix(other, "---\n\n"), "pages/other.md:1:1: the front matter that starts here is never closed"},
		{"body in front matter", "pages/other.md", edit("title: T", "title: T\nbody: x"), "pages/other.md:6:1: body is not a front matter field"},
		{"duplicate id", "pages/other.md", edit("000000000009", "000000000001"), "pages/other.md:2:1: id: 00000000-0000-4000-8000-000000000001 is already the id of pages/index.md"},
		{"duplicate path, on the newer page", "pages/other.md", strings.Replace(edit("/other", "/services"), "published: 2024-01-02", "published: 2024-02-01", 1), "pages/other.md:4:1: path: /services is already the path of pages/services.md"},
		{"duplicate id, on the copy of a page whose dates are the same", "pages/services/a-copy-of-spine.md", string(service), "pages/services/a-copy-of-spine.md:2:1: id: 00000000-0000-4000-8000-000000000004 is already the id of pages/services/spine.md"},
		{"duplicate path, on the draft copy", "pages/a-copy.md", edit("/other", "/services"), "pages/a-copy.md:4:1: path: /services is already the path of pages/services.md"},
		{"broken link", "pages/other.md", other + "see [x](/missing)\n", "pages/other.md:12:6: links to /missing, but no page has that path"},
		{"second broken link", "pages/other.md", other + "see [x](/services) and\n[y](/missing)\n", "pages/other.md:13:2: links to /missing, but no page has that path"},
		{"link to alias", "pages/other.md", other + "see [x](/spine)\n", "pages/other.md:12:6: links to /spine, which is an old path of pages/services/spine.md; link to /services/spine instead"},
		{"bad uuid", "pages/other.md", edit("00000000-0000-4000-8000-000000000009", "not-a-uuid"), `pages/other.md:2:1: id: "not-a-uuid" is not a UUID`},
		{"bad path", "pages/other.md", edit("/other", "/Other Page/"), `pages/other.md:4:1: path: "/Other Page/" is not a site path`},
		{"unknown block", "pages/other.md", other + "Text.\n\n:::carousel\nx\n:::\n", `pages/other.md:14:1: "carousel" is not a block type`},
		{"container never closed", "pages/other.md", other + ":::callout\nx\n", "pages/other.md:12:1: the :::callout container is never closed"},
		{"bad video id", "pages/other.md", other + ":::video\nyoutubeId: x\" onload=\"y\ntitle: t\n:::\n", `pages/other.md:13:1: "x\" onload=\"y" is not a YouTube video ID`},
		{"heading level 1", "pages/other.md", other + "# h\n", "pages/other.md:12:3: a level 1 heading (#) is the page title"},
		{"heading level 5", "pages/other.md", other + "##### h\n", "pages/other.md:12:7: headings go down to level 4"},
		{"table without caption", "pages/other.md", other + ":::table\n| a | b |\n| - | - |\n| 1 | 2 |\n:::\n", "pages/other.md:12:1: is required"},
		{"table outside its container", "pages/other.md", other + "| a | b |\n| - | - |\n| 1 | 2 |\n", "pages/other.md:12:3: a table needs a caption"},
		{"image alt", "pages/other.md", other + ":::image\nsrc: /web/images/a.png\nalt: \"\"\nwidth: 10\nheight: 10\n:::\n", "pages/other.md:14:1: describe the image"},
		{"code", "pages/other.md", other + "Run `make`.\n", "pages/other.md:12:6: code (text in `backticks`) is not used"},
		{"html", "pages/other.md", other + "A <b>bold</b> claim.\n", "pages/other.md:12:3: HTML is not allowed"},
		{"markup in a heading", "pages/other.md", other + "## A *big* step\n", "pages/other.md:12:7: a heading is plain text"},
		{"quote without its speaker", "pages/other.md", other + "> Said.\n", "pages/other.md:12:3: a quote holds one paragraph of what was said, then a paragraph with who said it"},
		{"nested list", "pages/other.md", other + "- a\n  - b\n", "pages/other.md:13:5: a list item is one paragraph"},
		{"http link", "pages/other.md", other + ":::links t\n- [x](http://example.org)\n:::\n", `pages/other.md:13:4: "http://example.org" uses http://; use https://`},
		{"bad enum", spine, strings.Replace(string(service), "serviceStatus: live", "serviceStatus: LIVE", 1), at(spine, service, "serviceStatus:", 1) + `serviceStatus: "LIVE" is not allowed; use one of: live`},
		{"misspelt section", spine, strings.Replace(string(service), "## Benefits", "## Benefit", 1), at(spine, service, "## Benefits", 4) + `a service's ## headings are its sections, in this order: About this service, Who it is for, How it works, Benefits`},
		{"missing section", spine, strings.Replace(string(service), "## Benefits\n", "", 1), `this one should be "Benefits"`},
		{"service path", spine, strings.Replace(string(service), "/services/spine", "/spine-service", 1), at(spine, service, "path:", 1) + "path: a service page's path must look like /services/<slug>"},
		{"wrong type", "pages/other.md", edit("title: T", "title: 5"), `pages/other.md:5:1: title: must be a string, got a number "5"`},
		{"not a Markdown file", "pages/notes.txt", "hello", "pages/notes.txt: not a .md file"},
		{"a merge's leftover", "pages/other.md.orig", "hello", "pages/other.md.orig: not a .md file"},
		{"not UTF-8 in the front matter", "pages/other.md", edit("title: T", "title: Caf\xe9 T"), "pages/other.md:5:11: the byte 0xE9 here is not UTF-8 text"},
		{"not UTF-8 in the body", "pages/other.md", other + "Caf\xe9 au lait.\n", "pages/other.md:12:4: the byte 0xE9 here is not UTF-8 text"},
		{"a JSON page", "pages/old.json", "{}", "pages/old.json: pages are Markdown files now: convert this one with go run ./cmd/mdconvert"},
		{"alias collides", "pages/other.md", edit("lastEdited: 2024-01-03T10:00:00Z\n", "lastEdited: 2024-01-03T10:00:00Z\naliases:\n  - /services\n"), "pages/other.md:11:5: aliases[0]: /services is the path of pages/services.md"},
		{"published links to draft", "pages/other.md", edit("status: published", "status: draft"), "site.json:6:77: home.data[0]: links to /other, which is a draft (pages/other.md)"},
		{"offline page path", "pages/offline.md", strings.Replace(string(offline), "path: /offline", "path: /you-are-offline", 1), at("pages/offline.md", offline, "path:", 1) + "path: a offline page must have path /offline"},
		{"offline page without its list", "pages/offline.md", strings.Replace(string(offline), "## Saved pages {#saved-pages}", "## Saved pages", 1), at("pages/offline.md", offline, "---", 1)[:len("pages/offline.md:")] + "10:1: the offline page needs a level 2 heading with id"},
		{"offline list heading without paragraph", "pages/offline.md", strings.Replace(string(offline), "Listed here offline.", "", 1), at("pages/offline.md", offline, "## Saved pages", 4) + `the "saved-pages" heading must be level 2 and followed by a paragraph`},
		{"site unknown field", "site.json", strings.Replace(testSite, `"description"`, `"descripton"`, 1), "site.json:2:92: descripton: unknown field"},
		{"site repeated key", "site.json", strings.Replace(testSite, `"description"`, `"name": "Another", "description"`, 1), "site.json:2:92: name: \"name\" is given twice in this object (first on line 2); keep one"},
		{"site broken ref", "site.json", strings.Replace(testSite, `"feature": "/services/spine"`, `"feature": "/gone"`, 1), "site.json:6:38: home.feature: links to /gone, but no page has that path"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tree := validTree()
			tree[c.file] = &fstest.MapFile{Data: []byte(c.data)}
			switch c.name {
			case "published links to draft":
				// The draft is linked from the published home settings.
				tree["site.json"] = &fstest.MapFile{Data: []byte(strings.Replace(testSite, `"data": ["/services"]`, `"data": ["/other"]`, 1))}
			case "duplicate path, on the draft copy":
				// A copy of a published page, still a draft, whose name
				// sorts first: the problem is the copy's all the same.
				tree[c.file] = &fstest.MapFile{Data: []byte(strings.Replace(c.data, "status: published", "status: draft", 1))}
			}
			_, err := Load(tree, Options{})
			ps, ok := err.(Problems)
			if !ok {
				t.Fatalf("want Problems, got %v", err)
			}
			for _, p := range ps {
				if strings.Contains(p.String(), c.want) {
					if (strings.HasSuffix(p.File, PageExt) || p.File == "site.json") && (p.Line == 0 || p.Col == 0 || p.Snippet == "") {
						t.Errorf("%v: no line, column or snippet", p)
					}
					return
				}
			}
			t.Errorf("no problem %q in:\n%v", c.want, err)
		})
	}
}

// TestOfflinePageRequired checks that the site cannot start without the
// page its service worker shows offline.
func TestOfflinePageRequired(t *testing.T) {
	tree := validTree()
	delete(tree, "pages/offline.md")
	_, err := Load(tree, Options{})
	if err == nil || !strings.Contains(err.Error(), `no published offline page (type "offline", path /offline)`) {
		t.Errorf("want a problem naming the missing offline page, got %v", err)
	}
}

// TestAllProblemsTogether checks that one load reports every problem, in
// every file, rather than stopping at the first.
func TestAllProblemsTogether(t *testing.T) {
	tree := validTree()
	tree["pages/a.md"] = &fstest.MapFile{Data: md(page("bad", "page", "/a", `, "body": [], "colour": "red"`))}
	tree["pages/b.md"] = &fstest.MapFile{Data: []byte(`{`)}
	_, err := Load(tree, Options{})
	ps, _ := err.(Problems)
	files := map[string]bool{}
	for _, p := range ps {
		files[p.File] = true
	}
	if len(ps) < 3 || !files["pages/a.md"] || !files["pages/b.md"] {
		t.Fatalf("want problems in both files (3 or more), got:\n%v", err)
	}
	if !strings.Contains(err.Error(), "pages/a.md:10:1: colour: unknown field") {
		t.Errorf("message should name file, field and problem:\n%v", err)
	}
}

func TestDraftsOnlyInPreview(t *testing.T) {
	tree := validTree()
	tree["pages/draft.md"] = &fstest.MapFile{Data: md(strings.Replace(page("00000000-0000-4000-8000-000000000010", "page", "/draft", `, "body": []`), `"published",`, `"draft",`, 1))}
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
	tree["pages/big.md"] = &fstest.MapFile{Data: []byte(other + strings.Repeat("a", MaxFileSize))}
	_, err := Load(tree, Options{})
	if err == nil || !strings.Contains(err.Error(), "pages/big.md: file is") {
		t.Fatalf("want a size problem, got %v", err)
	}
}

// TestBodyIsCommonMark checks that the body means what CommonMark says:
// a lone * is a star, not the start of emphasis; a URL with brackets keeps
// them; a literal * needs one backslash; a line break inside a paragraph
// is a space. The page data's inline markup says the same to the client.
func TestBodyIsCommonMark(t *testing.T) {
	tree := validTree()
	tree["pages/other.md"] = &fstest.MapFile{Data: []byte(other +
		"5 * 3 times* and [Spine](https://en.wikipedia.org/wiki/Spine_(anatomy))\nand a \\* star, *really*.\n")}
	s, err := Load(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	d, _ := s.Doc("/other")
	text := d.JSON().Get("body.0.text").String()
	nodes, err := inline.Parse(text)
	if err != nil {
		t.Fatalf("%q: %v", text, err)
	}
	var got []string
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			got = append(got, "text:"+n.Text)
		case inline.Link:
			got = append(got, "link:"+n.Text+"→"+n.Href)
		case inline.Emphasis:
			got = append(got, "em:"+n.Children[0].Text)
		}
	}
	want := []string{"text:5 * 3 times* and ", "link:Spine→https://en.wikipedia.org/wiki/Spine_(anatomy%29", "text: and a * star, ", "em:really", "text:."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("%q reads as\n%q, want\n%q", text, got, want)
	}
}

// Files that editors and tools leave beside a page (backups, autosaves,
// swap files, vim's test of the folder) are no page and no problem: the
// content loads as it would without them.
func TestEditorFilesAreIgnored(t *testing.T) {
	tree := validTree()
	for _, name := range []string{"pages/other.md~", "pages/#other.md#", "pages/.other.md.swp", "pages/.#other.md", "pages/4913", "pages/5036", "pages/.DS_Store"} {
		tree[name] = &fstest.MapFile{Data: []byte("---\nnot: a page\n")}
	}
	if _, err := Load(tree, Options{}); err != nil {
		t.Errorf("editor files beside the pages: %v", err)
	}
	for name, want := range map[string]bool{"a.md~": true, "#a.md#": true, "4913": true, ".a": true, "a.md": false, "#": false, "a#": false, "4913.md": false, "v2": false} {
		if editorFile(name) != want {
			t.Errorf("editorFile(%q) = %v, want %v", name, !want, want)
		}
	}
}

// site.json: a BOM is passed over; JSON that does not parse is a problem
// at the character where it stops, with the line to show.
func TestSiteJSONProblemsAtTheirPlace(t *testing.T) {
	tree := validTree()
	tree["site.json"] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf" + testSite)}
	if _, err := Load(tree, Options{}); err != nil {
		t.Errorf("site.json with a BOM: %v", err)
	}
	last := strings.LastIndex(testSite, "}")
	broken := testSite[:last] + ",\n}" // a trailing comma
	tree["site.json"] = &fstest.MapFile{Data: []byte(broken)}
	_, err := Load(tree, Options{})
	ps, _ := err.(Problems)
	wantLine := strings.Count(broken, "\n") + 1 // the closing brace's line
	for _, p := range ps {
		if p.File == "site.json" {
			if p.Line != wantLine || p.Col != 1 || p.Snippet != "}" || !strings.Contains(p.Message, "trailing comma") {
				t.Errorf("trailing comma: %s at %d:%d with %q, want %d:1 with the brace", p.Message, p.Line, p.Col, p.Snippet, wantLine)
			}
			return
		}
	}
	t.Errorf("no problem for site.json: %v", err)
}
