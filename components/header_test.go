//go:build !wasm

package components

import (
	"regexp"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// The navigation marks the section of the page: "page" on the section's
// own page, "true" on a page under it, nothing elsewhere.
func TestHeaderMarksTheCurrentSection(t *testing.T) {
	nav := gjson.Parse(`[{"text": "Services", "href": "/services"}, {"text": "News", "href": "/news-and-events"}]`)
	// (A server render writes TrueMarker for "true": see True.)
	current := regexp.MustCompile(`<a [^>]*aria-current="(page|` + TrueMarker + `)"[^>]*>([^<]+)</a>`)
	for _, c := range []struct{ path, section, want string }{
		{"/services", "", "page Services"},
		{"/services/spine", "", "true Services"},
		{"/blog/a-post", "/news-and-events", "true News"}, // the blog says it is in News and events
		{"/blog", "/news-and-events", "true News"},
		{"/blog/a-post", "", ""},
		{"/news-and-events", "", "page News"},
		{"/news-and-events", "/news-and-events", "page News"},
		{"/about-nhs-digital", "", ""},
		{"/servicesx", "", ""},
		{"/cookies", "/servicesx", ""},
	} {
		html := render(&Header{Words: testWords, Navigation: nav, Path: c.path, Section: c.section})
		got := ""
		for _, m := range current.FindAllStringSubmatch(html, -1) {
			got += strings.Replace(m[1], TrueMarker, "true", 1) + " " + m[2]
		}
		if got != c.want {
			t.Errorf("%s in %q: current %q, want %q", c.path, c.section, got, c.want)
		}
	}
}

// An open menu says so in a server render too: "true" is written as the
// marker the server replaces, never as a bare attribute.
func TestOpenMenuSaysExpanded(t *testing.T) {
	html := render(&Header{Words: testWords, Navigation: gjson.Parse(`[]`), open: true})
	if !strings.Contains(html, `aria-expanded="`+TrueMarker+`"`) {
		t.Errorf("an open menu's button lacks aria-expanded=true:\n%s", html)
	}
}

// The header's parts: the logo links home with a name that says so, the
// search form is a labelled search landmark with a labelled field, the
// Menu button names the navigation it controls, which is labelled.
func TestHeader(t *testing.T) {
	d := exampleDoc(t, "Header", "On a page outside the sections")
	d.one("header.nhsd-header")
	d.wantAttrs("a.nhsd-header__logo", "href", "/")
	d.wantTexts("a.nhsd-header__logo", "NHS Digital home page")
	d.wantTexts("a.nhsd-header__logo .nhsd-visually-hidden", "home page")
	form := d.one("form.nhsd-header__search[role=search][action=/search][method=get]")
	if attrOf(form, "aria-label") != "Site search" {
		t.Errorf("search form label %q", attrOf(form, "aria-label"))
	}
	d.wantTexts("form label[for=nhsd-header-search]", "Search this site")
	d.one("form input#nhsd-header-search[type=search][name=q][maxlength=256]")
	d.none("form input[value]") // no query here
	d.wantTexts("form button[type=submit]", "Search")
	d.wantAttrs("button#nhsd-menu-button[type=button]", "aria-controls", "nhsd-nav")
	d.wantAttrs("button#nhsd-menu-button", "aria-expanded", "false")
	d.wantTexts("button#nhsd-menu-button", "Menu")
	d.one("nav#nhsd-nav.nhsd-header__nav[aria-label=Sections] > ul#nhsd-nav-list")
	d.none(".nhsd-header__nav--open")
	d.wantTexts("#nhsd-nav-list > li > a", "Services", "News", "Example section")
	d.wantAttrs("#nhsd-nav-list > li > a", "href", "/services", "/news-and-events", "/example-section")
	d.none("[aria-current]")
	checkAccessible(t, d)
}

// The examples mark the current section as TestHeaderMarksTheCurrentSection
// says, and in the server's final HTML "true" is written as itself.
func TestHeaderExamples(t *testing.T) {
	d := exampleDoc(t, "Header", "On a section's own page")
	d.wantTexts("a[aria-current=page].nhsd-header__nav-link--current", "Services")
	d = exampleDoc(t, "Header", "On a page in a section")
	d.wantTexts("a[aria-current=true].nhsd-header__nav-link--current", "Services")
	d = exampleDoc(t, "Header", "On the search page, with the query")
	d.wantAttrs("input#nhsd-header-search", "value", "example words")
	d = exampleDoc(t, "Header", "With the menu open")
	d.wantAttrs("#nhsd-menu-button", "aria-expanded", "true")
	d.one("nav#nhsd-nav.nhsd-header__nav.nhsd-header__nav--open")
	checkAccessible(t, d)
}

func TestHeaderEscapes(t *testing.T) {
	nav := gjson.Parse(`[{"text": ` + jsonString(hostile) + `, "href": ` + jsonString("/"+hostile) + `}]`)
	d := renderDoc(t, &Header{Words: testWords, Navigation: nav, Path: "/" + hostile, Query: hostile})
	d.wantSafe()
	d.wantAttrs("input#nhsd-header-search", "value", hostile)
	d.wantAttrs("#nhsd-nav-list a", "href", "/"+hostile)
	d.wantAttrs("#nhsd-nav-list a", "aria-current", "page")
	d.wantTexts("#nhsd-nav-list a", hostile)
}

func TestIn(t *testing.T) {
	for _, c := range []struct {
		path, section string
		want          bool
	}{
		{"/blog", "/blog", true}, {"/blog/a-post", "/blog", true}, {"/blogs", "/blog", false},
		{"", "", false}, {"/news-and-events", "/news", false},
	} {
		if got := in(c.path, c.section); got != c.want {
			t.Errorf("in(%q, %q) = %v, want %v", c.path, c.section, got, c.want)
		}
	}
}

// The logo is the site's name, its first word in the box.
func TestHeaderLogoIsTheSiteName(t *testing.T) {
	d := renderDoc(t, &Header{Words: testWords, Name: "Example Site Name", Navigation: gjson.Parse(`[]`)})
	d.wantTexts(".nhsd-header__logo-nhs", "Example")
	d.wantTexts(".nhsd-header__logo-text", "Site Name")
	d.wantTexts("a.nhsd-header__logo", "Example Site Name home page")
}
