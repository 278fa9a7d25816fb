//go:build !wasm

package components

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

// A render URL hands its Page to the render until done; any other URL
// gets an empty page at its path.
func TestRenderURL(t *testing.T) {
	p := &Page{Path: "/services/spine", Query: "q=1"}
	u, done := RenderURL(p)
	parsed, err := url.Parse(u)
	if err != nil || parsed.Path != "/services/spine" || parsed.Query().Get(RenderParam) == "" {
		t.Fatalf("RenderURL = %q", u)
	}
	u2, done2 := RenderURL(&Page{Path: "/services/spine"})
	defer done2()
	if u2 == u {
		t.Errorf("two renders share a URL")
	}
	if got := pageFor(parsed); got != p {
		t.Errorf("pageFor(%q) = %+v, want the page handed", u, got)
	}
	done()
	if got := pageFor(parsed); got == p || got.Path != "/services/spine" || got.Source != nil {
		t.Errorf("after done, pageFor(%q) = %+v", u, got)
	}
	other, _ := url.Parse("/x?" + RenderParam + "=forged")
	if got := pageFor(other); got.Path != "/x" || got.Source != nil {
		t.Errorf("pageFor(%q) = %+v", other, got)
	}
}

// A server render keeps the parts pages share (keptPart) for each site
// settings apart, and marks each page's own section: a kept footer or
// header never shows on a page it was not made for.
func TestRenderKeepsSharedPartsApart(t *testing.T) {
	siteB := gjson.Parse(strings.Replace(exampleSite.Raw, "Example copyright line", "Another copyright line", 1))
	render := func(site gjson.Result, path, query string) string {
		view := gjson.Parse(`{"status":200,"page":{"path":"` + path + `","type":"article","title":"A page"}}`)
		return Render(&Page{Source: exampleSource{site: site}, Path: path, Query: query, View: view})
	}
	for range 3 { // kept the second time, from what was kept the third
		if a := render(exampleSite, "/example-page", ""); !strings.Contains(a, "Example copyright line") || strings.Contains(a, "Another copyright line") {
			t.Errorf("the first site's page has not its own footer:\n%s", a)
		}
		if b := render(siteB, "/example-page", ""); !strings.Contains(b, "Another copyright line") || strings.Contains(b, "Example copyright line") {
			t.Errorf("the second site's page has not its own footer:\n%s", b)
		}
	}
	current := func(html string) []string {
		var marked []string
		for _, href := range []string{"/services", "/news-and-events", "/example-section"} {
			for _, v := range []string{"page", TrueMarker} {
				if attrsOf(html, `href="`+href+`"`, `aria-current="`+v+`"`) {
					marked = append(marked, href+" "+v)
				}
			}
		}
		return marked
	}
	for _, c := range []struct{ path, want string }{
		{"/services", "/services page"},
		{"/services/spine", "/services " + TrueMarker},
		{"/news-and-events/news", "/news-and-events " + TrueMarker},
		{"/example-page", ""},
		{"/services", "/services page"},
	} {
		got := strings.Join(current(render(exampleSite, c.path, "")), ",")
		if got != c.want {
			t.Errorf("%s: sections marked %q, want %q", c.path, got, c.want)
		}
	}
	// A query is the visitor's own: each search shows its own.
	for _, q := range []string{"first words", "other words"} {
		html := render(exampleSite, "/search", url.Values{"q": {q}}.Encode())
		if !strings.Contains(html, `value="`+q+`"`) {
			t.Errorf("search for %q: the header's box does not hold it", q)
		}
	}
}

// attrsOf reports whether one start tag of html has every one of attrs.
func attrsOf(html string, attrs ...string) bool {
	for rest := html; ; {
		i := strings.Index(rest, "<a ")
		if i < 0 {
			return false
		}
		tag := rest[i:]
		tag = tag[:strings.IndexByte(tag, '>')+1]
		all := true
		for _, a := range attrs {
			all = all && strings.Contains(tag, " "+a)
		}
		if all {
			return true
		}
		rest = rest[i+len(tag):]
	}
}

// A card kept for server renders is the card: the same HTML, made from
// the card it is asked for, with the words it is asked in.
func TestKeptCardIsTheCard(t *testing.T) {
	site, err := os.ReadFile("../content/site.json")
	if err != nil {
		t.Fatal(err)
	}
	w := words.Of(gjson.ParseBytes(site))
	other := words.Of(gjson.Parse(strings.Replace(string(site), `"Status: {status}"`, `"Now: {status}"`, 1)))
	if w.Get(words.StatusPrefix) == other.Get(words.StatusPrefix) {
		t.Fatal("the second words do not differ")
	}
	cards := []gjson.Result{
		gjson.Parse(`{"path":"/services/a","title":"Service A","summary":"One","type":"service","label":"Service","date":"2024-01-02","serviceStatus":"live"}`),
		gjson.Parse(`{"path":"/services/b","title":"Service B","summary":"Two","type":"service","label":"Service","date":"2024-03-04","serviceStatus":"beta"}`),
	}
	for round := range 4 { // asked once, kept the second time, then taken
		for _, c := range cards {
			for _, ww := range []words.Words{w, other} {
				for _, level := range []int{2, 3} {
					for _, date := range []bool{false, true} {
						want := canonical(t, app.HTMLString(Card(c, level, date, ww)))
						if got := canonical(t, app.HTMLString(keptCard(c, level, date, ww))); got != want {
							t.Fatalf("round %d, %s, level %d, date %v: kept card\n%s\nwant\n%s", round, c.Get("path"), level, date, got, want)
						}
					}
				}
			}
		}
	}
	if len(kept.html) == 0 {
		t.Error("no card was kept")
	}
}
