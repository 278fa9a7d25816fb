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
	for _, c := range []struct{ path, want string }{
		{"/services", "page Services"},
		{"/services/spine", "true Services"},
		{"/blog/a-post", "true News"}, // the blog is in News and events
		{"/news-and-events", "page News"},
		{"/about-nhs-digital", ""},
		{"/servicesx", ""},
	} {
		html := render(&Header{Navigation: nav, Path: c.path})
		got := ""
		for _, m := range current.FindAllStringSubmatch(html, -1) {
			got += strings.Replace(m[1], TrueMarker, "true", 1) + " " + m[2]
		}
		if got != c.want {
			t.Errorf("%s: current %q, want %q", c.path, got, c.want)
		}
	}
}

// An open menu says so in a server render too: "true" is written as the
// marker the server replaces, never as a bare attribute.
func TestOpenMenuSaysExpanded(t *testing.T) {
	html := render(&Header{Navigation: gjson.Parse(`[]`), open: true})
	if !strings.Contains(html, `aria-expanded="`+TrueMarker+`"`) {
		t.Errorf("an open menu's button lacks aria-expanded=true:\n%s", html)
	}
}
