//go:build !wasm

package components

import (
	"fmt"
	"strings"
	"testing"
)

// Every example renders, and passes checkAccessible; a whole page has its
// landmarks, a title and one main.
func TestExamplesAreAccessible(t *testing.T) {
	names := map[string]bool{}
	for _, c := range Examples(testSite) {
		if len(c.Examples) == 0 {
			t.Errorf("%s has no examples", c.Component)
		}
		for _, e := range c.Examples {
			t.Run(c.Component+"/"+e.Name, func(t *testing.T) {
				if names[c.Component+"/"+e.Name] {
					t.Errorf("two examples have this name")
				}
				names[c.Component+"/"+e.Name] = true
				d := renderDoc(t, e.UI())
				if d.text() == "" {
					t.Fatalf("renders no text")
				}
				checkAccessible(t, d, "main-content")
				if e.Page {
					d.one("header.nhsd-header")
					d.one("main#main-content")
					d.one("footer.nhsd-footer")
					d.one("main h1")
				} else {
					d.none("main")
				}
			})
		}
	}
}

// Examples must not pass for facts: no figure or quotation in them is
// more than a placeholder.
func TestExamplesArePlaceholders(t *testing.T) {
	for _, c := range Examples(testSite) {
		for _, e := range c.Examples {
			d := renderDoc(t, e.UI())
			for _, q := range d.texts("blockquote") {
				if !strings.Contains(q, "example") {
					t.Errorf("%s/%s: quotation %q is not plainly an example", c.Component, e.Name, q)
				}
			}
			for _, n := range d.all(".nhsd-figures__item") {
				if !strings.Contains(textOf(n), "example") {
					t.Errorf("%s/%s: figure %q is not plainly an example", c.Component, e.Name, textOf(n))
				}
			}
			for _, href := range d.attrs("a[href]", "href") {
				if strings.HasPrefix(href, "tel:") {
					t.Errorf("%s/%s: a telephone number %q", c.Component, e.Name, href)
				}
			}
		}
	}
}

// checkAccessible finds each fault it looks for.
func TestCheckAccessibleFindsFaults(t *testing.T) {
	for _, c := range []struct{ html, want string }{
		{`<p id="a"></p><p id="a"></p>`, `id "a" is used 2 times`},
		{`<label for="q">Q</label>`, `names no element`},
		{`<nav aria-labelledby="t"><a href="/">Home</a></nav>`, `names no element`},
		{`<a href="#nowhere">Skip</a>`, `no element has that id`},
		{`<button type="button" aria-expanded>Menu</button>`, `aria-expanded with no value`},
		{`<button type="button" aria-expanded="` + TrueMarker + `">Menu</button>`, `marker of true`},
		{`<button type="button" aria-expanded="yes">Menu</button>`, `not a valid value`},
		{`<p style="color: red">Red</p>`, `style attribute`},
		{`<p tabindex="1">First</p>`, `only -1 and 0`},
		{`<img src="/a.png">`, `has no alt`},
		{`<a>Nowhere</a>`, `has no href`},
		{`<a href="/x"><span></span></a>`, `has no name`},
		{`<button>Go</button>`, `has no type`},
		{`<input type="text" name="q">`, `has no label`},
		{`<nav><a href="/">Home</a></nav>`, `has no label`},
		{`<section><h2>A</h2></section>`, `has no label`},
		{`<h2>A</h2><h4>B</h4>`, `is h4 after h2`},
		{`<table><tr><td>1</td></tr></table>`, `no caption`},
		{`<table><caption>C</caption><tr><th>H</th></tr></table>`, `has scope ""`},
	} {
		r := &recorder{TB: t}
		checkAccessible(r, parseDoc(t, c.html))
		if !strings.Contains(strings.Join(r.errs, "\n"), c.want) {
			t.Errorf("%s: got %q, want an error with %q", c.html, r.errs, c.want)
		}
	}
	r := &recorder{TB: t}
	checkAccessible(r, parseDoc(t, `<nav aria-label="Sections"><h2 id="t">T</h2><a href="#t">T</a><label for="q">Q</label><input id="q" name="q"></nav>`))
	if len(r.errs) > 0 {
		t.Errorf("a sound render: %q", r.errs)
	}
}

// recorder keeps the errors reported to it.
type recorder struct {
	testing.TB
	errs []string
}

func (r *recorder) Helper() {}

func (r *recorder) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}
