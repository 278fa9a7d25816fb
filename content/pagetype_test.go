package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"nhsdigital/content/pagetype"
)

// A page type added to the registry is known to everything that reads
// pages: the validator (its fields, its path, the type names it offers),
// the views, search and the members of listings.
func TestAddedPageTypeIsKnownEverywhere(t *testing.T) {
	pagetype.Register(&pagetype.Type{Name: "event", Label: "Event", Prefix: "/events/", Component: pagetype.ContentComponent,
		Scope: pagetype.ScopeNews, Fields: []pagetype.Field{{Name: "body", Kind: pagetype.Blocks, Required: true},
			{Name: "venue", Kind: pagetype.String, Required: true}}})
	t.Cleanup(func() { pagetype.Unregister("event") })

	tree := validTree()
	tree["pages/events/a-conference.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000010", "event", "/events/a-conference",
		`, "venue": "Leeds", "body": [{"type": "paragraph", "text": "About it."}]`))}
	s, err := Load(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	v := s.ViewOf("/events/a-conference")
	if v.Status != 200 || !strings.Contains(string(v.Page), `"venue":"Leeds"`) {
		t.Errorf("the event's view: %d %s", v.Status, v.Page)
	}
	var found bool
	for _, d := range s.SearchDocs() {
		if d.Path == "/events/a-conference" {
			found = true
			if d.Label != "Event" || d.Scope != pagetype.ScopeNews {
				t.Errorf("search document: label %q scope %q, want Event in news", d.Label, d.Scope)
			}
		}
	}
	if !found {
		t.Error("the event is not in search")
	}

	// Its own fields and its path are checked.
	tree["pages/events/a-conference.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000010", "event", "/a-conference",
		`, "body": [{"type": "paragraph", "text": "About it."}]`))}
	_, err = Load(tree, Options{})
	wantProblem(t, err, "pages/events/a-conference.md", "is required")
	wantProblem(t, err, "pages/events/a-conference.md", "a event page's path must look like /events/<slug>")

	// Without it in the registry, the page is of no known type, and the
	// message offers the types there are.
	pagetype.Unregister("event")
	_, err = Load(tree, Options{})
	wantProblem(t, err, "pages/events/a-conference.md", "blog-series")
}

// The single pages the site needs, the cookie settings page among them,
// are required; a second one of a type is refused.
func TestRequiredPages(t *testing.T) {
	tree := validTree()
	delete(tree, "pages/cookies.md")
	_, err := Load(tree, Options{})
	wantProblem(t, err, "pages", `no published cookies page (type "cookies", path /cookies)`)

	tree = validTree()
	tree["pages/other-cookies.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000011", "cookies", "/other-cookies", `, "body": []`+cookieFields))}
	_, err = Load(tree, Options{})
	wantProblem(t, err, "pages/other-cookies.md", "a cookies page must have path /cookies")
}

// A page's header section and search scope are its own field's, else the
// nearest page's above it.
func TestSectionAndScopeAreInherited(t *testing.T) {
	tree := validTree()
	tree["pages/about.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000012", "hub", "/about",
		`, "searchScope": "data", "section": "/services", "body": []`))}
	tree["pages/about/us.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000013", "page", "/about/us",
		`, "body": [{"type": "paragraph", "text": "Us."}]`))}
	tree["pages/about/us/more.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000014", "page", "/about/us/more",
		`, "section": "/", "body": [{"type": "paragraph", "text": "More."}]`))}
	s, err := Load(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for path, want := range map[string]string{"/about": "/services", "/about/us": "/services", "/about/us/more": "/", "/services/spine": ""} {
		if got := s.ViewOf(path).Section; got != want {
			t.Errorf("%s: section %q, want %q", path, got, want)
		}
	}
	scopes := map[string]string{}
	for _, d := range s.SearchDocs() {
		scopes[d.Path] = d.Scope
	}
	for path, want := range map[string]string{"/about": "data", "/about/us": "data", "/about/us/more": "data", "/services/spine": "services"} {
		if scopes[path] != want {
			t.Errorf("%s: search scope %q, want %q", path, scopes[path], want)
		}
	}

	tree["pages/about.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000012", "hub", "/about",
		`, "searchScope": "everywhere", "section": "/nowhere", "body": []`))}
	_, err = Load(tree, Options{})
	wantProblem(t, err, "pages/about.md", `"everywhere" is not allowed`)
	wantProblem(t, err, "pages/about.md", "links to /nowhere")
}

// A blog post names its blog series; the series page lists its posts and
// a post can name only a blog series.
func TestBlogSeriesListsItsPosts(t *testing.T) {
	author := `, "authors": [{"name": "A", "role": "R"}], "body": [{"type": "paragraph", "text": "Post."}]`
	tree := validTree()
	tree["pages/blog/a-series.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000020", "blog-series", "/blog/a-series", ""))}
	tree["pages/blog/one.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000021", "blog", "/blog/one", `, "series": "/blog/a-series"`+author))}
	tree["pages/blog/two.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000022", "blog", "/blog/two", author))}
	s, err := Load(tree, Options{})
	if err != nil {
		t.Fatal(err)
	}
	cards := s.ViewOf("/blog/a-series").Cards
	if len(cards) != 1 || cards[0].Path != "/blog/one" {
		t.Errorf("the series lists %v, want /blog/one alone", cards)
	}
	if m := s.Members("/blog/a-series"); len(m) != 1 || m[0].Path != "/blog/one" {
		t.Errorf("members %v", m)
	}

	tree["pages/blog/two.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000022", "blog", "/blog/two", `, "series": "/services"`+author))}
	_, err = Load(tree, Options{})
	wantProblem(t, err, "pages/blog/two.md", "/services is a service-catalogue page, not a blog-series page")
}

// The cookie settings page describes the consent cookie first and every
// category of consent once.
func TestCookiePageDescribesEveryCategory(t *testing.T) {
	tree := validTree()
	fields := strings.Replace(cookieFields, `"key": "media"`, `"key": "offline"`, 1)
	fields = strings.Replace(fields, `"nhsd_consent"`, `"other"`, 1)
	tree["pages/cookies.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000006", "cookies", "/cookies", `, "body": []`+fields))}
	_, err := Load(tree, Options{})
	wantProblem(t, err, "pages/cookies.md", `"offline" is already described`)
	wantProblem(t, err, "pages/cookies.md", `does not describe "media"`)
	wantProblem(t, err, "pages/cookies.md", "the first cookie the site needs is the consent cookie, nhsd_consent")
}

// The cookie banner's "change" sentence holds its link in braces.
func TestCookieBannerChangeHoldsItsLink(t *testing.T) {
	tree := validTree()
	tree["site.json"] = &fstest.MapFile{Data: []byte(strings.Replace(testSite, "You can {change} it.", "You can change it.", 1))}
	_, err := Load(tree, Options{})
	wantProblem(t, err, "site.json", "in {braces}")
}

// The site's words are content: every word the code uses must be in
// site.json, as text, with the placeholders the code fills in; a word the
// code does not use is an error too (a misspelt key).
func TestSiteWords(t *testing.T) {
	for _, c := range []struct{ from, to, want string }{
		{`"skipLink":"w",`, ``, "is required"},
		{`"notFound":"w {path}"`, `"notFound":"w {page}"`, "{path}"},
		{`"notFound":"w {path}"`, `"notFound":"w"`, "{path}"},
		{`"skipLink":"w"`, `"skipLink":"w {name}"`, "no {placeholders}"},
		{`"menu":"w"`, `"menu":3`, "must be a string"},
		{`"header":{`, `"header":{"menus":"w",`, `did you mean "menu"`},
	} {
		site := strings.Replace(testSite, c.from, c.to, 1)
		if site == testSite {
			t.Fatalf("%s is not in the test site's words", c.from)
		}
		tree := validTree()
		tree["site.json"] = &fstest.MapFile{Data: []byte(site)}
		_, err := Load(tree, Options{})
		wantProblem(t, err, "site.json", c.want)
	}
	if _, err := Load(validTree(), Options{}); err != nil {
		t.Fatalf("the test site's words: %v", err)
	}
}
