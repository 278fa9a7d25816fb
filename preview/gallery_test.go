//go:build !wasm

package preview

import (
	"net/http"
	"slices"
	"strings"
	"testing"

	xhtml "golang.org/x/net/html"

	"github.com/tidwall/gjson"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/server"
	"nhsdigital/web"
)

// elements returns the elements of a page that satisfy keep.
func elements(t *testing.T, page string, keep func(*xhtml.Node) bool) []*xhtml.Node {
	t.Helper()
	doc, err := xhtml.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	var out []*xhtml.Node
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && keep(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return out
}

func attrOf(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func lookup(n *xhtml.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

func tag(name string) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return n.Data == name }
}

func nodeText(n *xhtml.Node) string {
	var b strings.Builder
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.TextNode {
			b.WriteString(n.Data + " ")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// The gallery is a page of the preview: the site's stylesheet, a title,
// a skip link to its one main, an h1, every component under an h2 with
// each example under an h3 named as the example is, ids unique across
// all of them and every reference to one resolved; a whole-page example
// is a link to a page of its own.
func TestGallery(t *testing.T) {
	live, _ := previewSite(t, Options{Loopback: true})
	r := get(live, galleryPath, "Host", "localhost")
	if r.code != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
		t.Fatalf("%s: %d %s", galleryPath, r.code, r.header.Get("Content-Type"))
	}
	if r.header.Get("Cache-Control") != "private, no-store" || r.header.Get("X-Robots-Tag") != "noindex" || r.header.Get("Content-Security-Policy") == "" {
		t.Errorf("not private, or without the security headers: %v", r.header)
	}
	page := r.body
	if got := nodeText(elements(t, page, tag("title"))[0]); got != "Components - preview" {
		t.Errorf("title %q", got)
	}
	var styles []string
	for _, l := range elements(t, page, tag("link")) {
		styles = append(styles, attrOf(l, "href"))
	}
	if !slices.Equal(styles, []string{"/web/site.css", galleryStyle}) {
		t.Errorf("stylesheets %q", styles)
	}
	if n := len(elements(t, page, tag("script"))); n != 0 {
		t.Errorf("%d scripts: the gallery shows components as rendered, before any script", n)
	}
	mains := elements(t, page, tag("main"))
	if len(mains) != 1 || attrOf(mains[0], "id") != "main-content" {
		t.Fatalf("main: %d", len(mains))
	}
	if h1 := elements(t, page, tag("h1")); len(h1) == 0 || nodeText(h1[0]) != "Components" {
		t.Errorf("the first h1 is not the gallery's")
	}

	var h2, h3 []string
	for _, n := range elements(t, page, func(n *xhtml.Node) bool { return strings.Contains(attrOf(n, "class"), "nhsd-gallery__component") }) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != xhtml.ElementNode {
				continue
			}
			switch c.Data {
			case "h2":
				h2 = append(h2, nodeText(c))
			case "h3":
				h3 = append(h3, nodeText(c))
			}
		}
	}
	var wantH2, wantH3, pages []string
	inline := 0
	for _, c := range components.Examples(gjson.Result{}) {
		wantH2 = append(wantH2, c.Component)
		for _, e := range c.Examples {
			wantH3 = append(wantH3, e.Name)
			if e.Page {
				pages = append(pages, galleryPath+"/"+exampleID(c, e))
			} else {
				inline++
			}
		}
	}
	if !slices.Equal(h2, wantH2) || !slices.Equal(h3, wantH3) {
		t.Errorf("components %q\nwant %q\nexamples %q\nwant %q", h2, wantH2, h3, wantH3)
	}
	frames := elements(t, page, func(n *xhtml.Node) bool { return attrOf(n, "class") == "nhsd-gallery__example" })
	if len(frames) != inline {
		t.Errorf("%d examples shown, want %d", len(frames), inline)
	}
	for _, f := range frames {
		if f.FirstChild == nil {
			t.Errorf("example %q is empty", attrOf(f, "aria-labelledby"))
		}
	}
	if strings.Contains(page, "could not be rendered") || strings.Contains(page, components.TrueMarker) {
		t.Errorf("an example failed, or kept the marker of true")
	}
	if n := len(elements(t, page, func(n *xhtml.Node) bool { _, ok := lookup(n, "autofocus"); return ok })); n > 0 {
		t.Errorf("%d elements take focus at load: the gallery would open halfway down", n)
	}

	checkIDs(t, page)

	var links []string
	for _, a := range elements(t, page, tag("a")) {
		if strings.HasPrefix(attrOf(a, "href"), galleryPath+"/") {
			links = append(links, attrOf(a, "href"))
		}
	}
	if len(pages) == 0 || !slices.Equal(links, pages) {
		t.Errorf("links to whole-page examples %q, want %q", links, pages)
	}
	for _, p := range pages {
		r := get(live, p, "Host", "localhost")
		if r.code != http.StatusOK {
			t.Errorf("%s: %d", p, r.code)
			continue
		}
		for _, want := range []string{"header", "main", "footer", "h1", "title"} {
			if len(elements(t, r.body, tag(want))) == 0 {
				t.Errorf("%s: no %s", p, want)
			}
		}
		if len(elements(t, r.body, tag("main"))) != 1 {
			t.Errorf("%s: not one main", p)
		}
		checkIDs(t, r.body)
	}

	if r := get(live, galleryPath+"/no-such-example", "Host", "localhost"); r.code != http.StatusNotFound {
		t.Errorf("an unknown example: %d", r.code)
	}
	if r := get(live, galleryPath+"/"+exampleID(components.Examples(gjson.Result{})[0], components.Examples(gjson.Result{})[0].Examples[0]), "Host", "localhost"); r.code != http.StatusNotFound {
		t.Errorf("an example shown in the gallery has a page of its own: %d", r.code)
	}
	if r := get(live, galleryStyle, "Host", "localhost"); r.code != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "text/css") || !strings.Contains(r.body, ".nhsd-gallery__example") {
		t.Errorf("%s: %d %s", galleryStyle, r.code, r.header.Get("Content-Type"))
	}
}

// checkIDs fails unless a page's ids are unique and every id a label,
// an ARIA reference or a fragment link names is in the page.
func checkIDs(t *testing.T, page string) {
	t.Helper()
	ids := map[string]int{}
	for _, n := range elements(t, page, func(n *xhtml.Node) bool { return attrOf(n, "id") != "" }) {
		ids[attrOf(n, "id")]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	for _, n := range elements(t, page, func(*xhtml.Node) bool { return true }) {
		for _, a := range n.Attr {
			var refs []string
			switch {
			case slices.Contains(idRefs, a.Key):
				refs = strings.Fields(a.Val)
			case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
				refs = []string{a.Val[1:]}
			}
			for _, id := range refs {
				if ids[id] == 0 {
					t.Errorf("<%s %s=%q>: no element has that id", n.Data, a.Key, a.Val)
				}
			}
		}
	}
}

// prefixIDs renames the ids an example holds, and the references to
// them, and no others; and drops autofocus.
func TestPrefixIDs(t *testing.T) {
	got := prefixIDs(`<label for="q">Q</label><input id="q" aria-describedby="q-hint other" autofocus><p id="q-hint">H</p><a href="#q">Q</a><a href="#main-content">Skip</a>`, "ex")
	want := `<label for="ex-q">Q</label><input id="ex-q" aria-describedby="ex-q-hint other"/><p id="ex-q-hint">H</p><a href="#ex-q">Q</a><a href="#main-content">Skip</a>`
	if got != want {
		t.Errorf("prefixIDs:\n got %s\nwant %s", got, want)
	}
}

// Behind a preview link, the gallery too: no token, no gallery.
func TestGalleryIsPrivate(t *testing.T) {
	live, _ := previewSite(t, Options{Token: "a-long-enough-preview-token"})
	for _, p := range []string{galleryPath, galleryStyle} {
		if r := get(live, p); r.code != http.StatusUnauthorized {
			t.Errorf("%s without the token: %d", p, r.code)
		}
		if r := get(live, p, "Cookie", Cookie+"=a-long-enough-preview-token"); r.code != http.StatusOK {
			t.Errorf("%s with the token: %d", p, r.code)
		}
	}
}

// The production server has no gallery: its paths are unknown pages.
func TestNoGalleryInProduction(t *testing.T) {
	store, err := content.Load(content.Embedded(), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: store, Web: web.Embedded()})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{galleryPath, galleryPath + "/root-a-page-before-a-cookie-choice", galleryStyle} {
		r := get(srv, p)
		if r.code != http.StatusNotFound {
			t.Errorf("production %s: %d", p, r.code)
		}
		if strings.Contains(r.body, "nhsd-gallery") {
			t.Errorf("production %s shows the gallery", p)
		}
	}
}
