//go:build !wasm

package components

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The exact bytes, as the browser's client writes them too.
func TestRichTextIsOneElement(t *testing.T) {
	html := render(RichText("p", "nhsd-body", `a <em>b</em>`))
	if !strings.Contains(html, `<p class="nhsd-body">a <em>b</em></p>`) {
		t.Errorf("RichText: %s", html)
	}
}

// A quote cannot close an attribute; a backslash or an accent is not
// mangled.
func TestAttributeValuesCannotBreakOut(t *testing.T) {
	html := render(app.Input().Value(attr(`x" autofocus onfocus="alert(1)`)), app.Input().Value(attr(`back\slash café`)))
	if regexp.MustCompile(`onfocus="`).MatchString(html) || !strings.Contains(html, `&quot;`) {
		t.Errorf("quote escaped the attribute: %s", html)
	}
	if strings.Contains(html, `\\`) || !strings.Contains(html, "&#92;") || !strings.Contains(html, "&#233;") {
		t.Errorf("backslash or accent mangled: %s", html)
	}
}

// attr writes what HTML would read as the end of the value, and what
// strconv.Quote would mangle, as character references; it drops control
// characters; and the parsed attribute is the string given.
func TestAttrValue(t *testing.T) {
	for in, want := range map[string]string{
		`plain /path?a=1`:        `plain /path?a=1`,
		`"`:                      `&quot;`,
		`&`:                      `&amp;`,
		`<>`:                     `&lt;&gt;`,
		`\`:                      `&#92;`,
		"café ‘x’":               "caf&#233; &#8216;x&#8217;",
		"tab\tnew\nline\x00\x7f": "tabnewline",
		`'`:                      `'`,
	} {
		if got := AttrValue(in); got != want {
			t.Errorf("AttrValue(%q) = %q, want %q", in, got, want)
		}
	}
	d := renderDoc(t, app.Input().Value(attr(hostile)).Attr("title", attr(hostile)))
	d.wantSafe()
	d.wantAttrs("input", "value", hostile)
	d.wantAttrs("input", "title", hostile)
}

// Rich text is the server's HTML, put in place as it is, inside one
// element of the tag and class asked for.
func TestRichText(t *testing.T) {
	d := exampleDoc(t, "RichText", "A paragraph with a link and emphasis")
	d.wantTexts("p.nhsd-body", "A paragraph with a link and emphasis.")
	d.wantAttrs("p.nhsd-body > a.nhsd-link", "href", "/services/example")
	d.wantTexts("p.nhsd-body > em", "emphasis")
	d = renderDoc(t, RichText("li", "", "one"))
	d.wantTexts("li", "one")
	d.none("[class]")
}
