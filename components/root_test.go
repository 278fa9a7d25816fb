//go:build !wasm

package components

import (
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
)

// A whole page, in order: the cookie banner, the skip link, the header,
// the breadcrumbs, the main content (the target of the skip link, not
// busy), and the footer.
func TestRoot(t *testing.T) {
	d := exampleDoc(t, "Root", "A page before a cookie choice")
	app := d.one("div#nhsd-app.nhsd-app")
	if got := childTags(app); !slices.Equal(got, []string{"div", "a", "header", "nav", "main", "footer"}) {
		t.Errorf("the page's parts: %q", got)
	}
	d.one("#nhsd-app > div#nhsd-cookie-banner form")
	d.one("#nhsd-app > div#nhsd-cookie-banner + a.nhsd-skip-link[href=\"#main-content\"]")
	d.one("#nhsd-app > a.nhsd-skip-link + header.nhsd-header")
	d.wantAttrs("#nhsd-nav-list a[aria-current]", "aria-current", "true") // in Services
	d.wantTexts("#nhsd-app > nav.nhsd-breadcrumbs a", "Home", "Services")
	d.one("#nhsd-app > main#main-content.nhsd-main[aria-busy=false] > div.nhsd-service")
	d.wantAttrs("input[name=return]", "value", "/services/example")
	d.one("main > div.nhsd-service + div > aside#nhsd-useful") // Is this page useful?
	d.wantTexts("#nhsd-app > footer .nhsd-footer__copyright", "Example copyright line")
	checkAccessible(t, d)
}

// Right after accepting: the confirmation, not the question.
func TestRootConfirmsTheChoice(t *testing.T) {
	d := exampleDoc(t, "Root", "A page right after accepting cookies")
	d.one("#nhsd-cookie-banner > #nhsd-cookie-confirmation")
	d.none("#nhsd-cookie-banner form")
	d.wantTexts("main h1", "Example page")
	checkAccessible(t, d)

	// The same address, with a choice made long ago: nothing.
	rec := exampleRecord(true, true, true)
	rec.Time = rec.Time.AddDate(0, 0, -1)
	d = renderDoc(t, rootExample(&Page{Path: "/example-page", Query: "consent=accepted", View: exampleContent, Consent: rec}, testSource))
	d.none("#nhsd-cookie-banner")
}

// An unknown address: the not-found page names the path asked for, with
// no breadcrumbs and no "Is this page useful?".
func TestRootNotFound(t *testing.T) {
	d := exampleDoc(t, "Root", "An address with no page")
	d.none("#nhsd-cookie-banner")
	d.none("nav.nhsd-breadcrumbs")
	d.wantTexts("main h1", "Page not found")
	d.wantTexts("main .nhsd-lead code", "/example/no-such-page")
	d.none("#nhsd-useful")
	checkAccessible(t, d)
}

// A page whose data could not be had says so, in the same layout.
func TestRootWithoutContent(t *testing.T) {
	d := exampleDoc(t, "Root", "A page whose content could not be had")
	d.wantTexts("main > div.nhsd-page > h1", "Sorry, there is a problem")
	d.wantTexts("main > div.nhsd-page > h1 + p", "This page could not be loaded. Check your connection and try again.")
	d.none("#nhsd-useful")
	checkAccessible(t, d)

	// A render given no source at all.
	r := &Root{}
	r.load(&Page{Path: "/x"})
	if _, ok := r.src.(emptySource); !ok || r.view.Exists() {
		t.Errorf("a page with no source: %T, view %v", r.src, r.view.Exists())
	}
}

// Root picks the component by the page's type, and the question and
// "Is this page useful?" where they belong.
func TestRootPicksTheComponent(t *testing.T) {
	media := exampleRecord(false, false, true)
	for _, c := range []struct {
		path, view string
		rec        *consent.Record
		want       any
		banner     bool
		useful     bool
	}{
		{"/", `{"status": 200, "page": {"type": "home"}}`, nil, &HomePage{Words: testWords}, true, false},
		{"/h", `{"status": 200, "page": {"type": "hub"}}`, media, &HubPage{Words: testWords}, false, true},
		{"/services", `{"status": 200, "page": {"type": "service-catalogue"}}`, nil, &CataloguePage{Words: testWords}, true, true},
		{"/s", `{"status": 200, "page": {"type": "service"}}`, nil, &ServicePage{Words: testWords}, true, true},
		{"/b", `{"status": 200, "page": {"type": "blog"}}`, nil, &ArticlePage{Words: testWords}, true, true},
		{"/n", `{"status": 200, "page": {"type": "news"}}`, nil, &ArticlePage{Words: testWords}, true, true},
		{"/f", `{"status": 200, "page": {"type": "feature"}}`, nil, &ArticlePage{Words: testWords}, true, true},
		{"/blog", `{"status": 200, "page": {"type": "blog-index"}}`, nil, &ListingPage{Words: testWords}, true, true},
		{"/series", `{"status": 200, "page": {"type": "series"}}`, nil, &ListingPage{Words: testWords}, true, true},
		{"/p", `{"status": 200, "page": {"type": "publication"}}`, nil, &PublicationPage{Words: testWords}, true, true},
		{"/search", `{"status": 200, "page": {"type": "search"}}`, nil, &SearchPage{Words: testWords}, true, false},
		{"/cookies", `{"status": 200, "page": {"type": "cookies"}}`, nil, &CookiesPage{Words: testWords}, false, false},
		{"/blog/a-series", `{"status": 200, "page": {"type": "blog-series"}}`, nil, &ListingPage{Words: testWords}, true, true},
		{pagetype.FeedbackPath, `{"status": 200, "page": {"type": "page"}}`, nil, &ContentPage{Words: testWords}, true, false},
		{"/offline", `{"status": 200, "page": {"type": "offline"}}`, nil, &ContentPage{Words: testWords}, false, false},
		{"/legal", `{"status": 200, "page": {"type": "page"}}`, nil, &ContentPage{Words: testWords}, true, true},
		{"/404", `{"status": 404, "page": {"type": "not-found"}}`, nil, &NotFoundPage{Words: testWords}, true, false},
	} {
		r := &Root{}
		r.load(&Page{Source: testSource, Path: c.path, View: gjson.Parse(c.view), Consent: c.rec})
		got := r.pageBody(pagedata.Of(r.view).Page())
		if gotType, wantType := typeName(got), typeName(c.want); gotType != wantType {
			t.Errorf("%s: %s, want %s", c.path, gotType, wantType)
		}
		d := renderDoc(t, r.Render())
		if got := len(d.all("#nhsd-cookie-banner form")) == 1; got != c.banner {
			t.Errorf("%s: asks about cookies %v, want %v", c.path, got, c.banner)
		}
		if got := len(d.all("#nhsd-useful")) == 1; got != c.useful {
			t.Errorf("%s: Is this page useful? %v, want %v", c.path, got, c.useful)
		}
		if hub, ok := got.(*HubPage); ok && !hub.Media {
			t.Errorf("%s: the visitor's consent to media is not passed on", c.path)
		}
	}
	r := &Root{}
	r.load(&Page{Source: testSource, Path: pagetype.FeedbackPath, Query: "page=%2Fa", View: gjson.Parse(`{"status": 200, "page": {"type": "page"}}`)})
	d := renderDoc(t, r.Render())
	d.wantAttrs("#fb-page", "value", "/a")
}

func typeName(v any) string {
	switch v.(type) {
	case *HomePage:
		return "HomePage"
	case *HubPage:
		return "HubPage"
	case *CataloguePage:
		return "CataloguePage"
	case *ServicePage:
		return "ServicePage"
	case *ArticlePage:
		return "ArticlePage"
	case *ListingPage:
		return "ListingPage"
	case *PublicationPage:
		return "PublicationPage"
	case *SearchPage:
		return "SearchPage"
	case *CookiesPage:
		return "CookiesPage"
	case *ContentPage:
		return "ContentPage"
	case *NotFoundPage:
		return "NotFoundPage"
	}
	return "something else"
}

// The header's search box shows the query on the search page only, as
// the page reads it: cut to search.MaxQueryLength, valid UTF-8.
func TestRootSearchQuery(t *testing.T) {
	long := strings.Repeat("word ", 100)
	for _, c := range []struct{ path, query, want string }{
		{"/search", "q=spine&page=2", "spine"},
		{"/services", "q=spine", ""},
		{"/search", "q=%ZZ", ""},
		{"/search", "q=" + url.QueryEscape(long), long[:search.MaxQueryLength]},
		{"/search", "q=a%FFb", "ab"},
	} {
		r := &Root{path: c.path, query: c.query}
		if got := r.searchQuery(); got != c.want {
			t.Errorf("%s?%s: %q, want %q", c.path, c.query, got, c.want)
		}
	}
}

// The page's title names the site after it, but for the home page.
func TestHead(t *testing.T) {
	site := gjson.Parse(`{"name": "NHS Digital", "words": ` + testSite.Get("words").Raw + `}`)
	for view, want := range map[string][2]string{
		`{"page": {"type": "service", "title": "Spine", "summary": "S"}}`: {"Spine - NHS Digital", "S"},
		`{"page": {"type": "home", "title": "Home", "summary": "H"}}`:     {"NHS Digital", "H"},
		`{}`: {"NHS Digital", ""},
	} {
		title, description := Head(gjson.Parse(view), site, "q=ignored")
		if [2]string{title, description} != want {
			t.Errorf("Head(%s) = %q, %q, want %q", view, title, description, want)
		}
	}
	// The search page's title says what was searched for, where, with
	// which filters and on which page.
	search := gjson.Parse(`{"page": {"type": "search", "title": "Search", "summary": "S"}}`)
	for query, want := range map[string]string{
		"":          "Search - NHS Digital",
		"q=nhs+app": "Search results for ‘nhs app’ - NHS Digital",
		"q=nhs+app&scope=services&topic=Spine&topic=GP+services&year=2024&page=2": "Search results for ‘nhs app’ in Services, Publication year: 2024, Topic: Spine, GP services, page 2 - NHS Digital",
		"q=%3Cb%3E": "Search results for ‘<b>’ - NHS Digital", // (escaped where it is written)
	} {
		if title, _ := Head(search, site, query); title != want {
			t.Errorf("Head(search, %q) = %q, want %q", query, title, want)
		}
	}
}

// On the server "true" is the marker the server replaces (go-app would
// write "true" as a bare name).
func TestTrue(t *testing.T) {
	if True() != TrueMarker || boolString(true) != TrueMarker || boolString(false) != "false" {
		t.Errorf("True() = %q, boolString = %q, %q", True(), boolString(true), boolString(false))
	}
}

// Links to other sites, feeds and files are the browser's to follow.
func TestLeavesApp(t *testing.T) {
	for href, want := range map[string]bool{
		"/services/spine": false, "#main-content": false, "/search?q=x": false,
		"https://www.nhs.uk": true, "mailto:a@b.c": true, "/feeds/news.xml": true, "/sitemap.xml": true,
		"/web/icons/icon.svg": true, "//evil.example/x": true,
	} {
		if got := leavesApp(href); got != want {
			t.Errorf("leavesApp(%q) = %v", href, got)
		}
	}
}
