package components

import (
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/inline"
)

// attr makes a string safe as a go-app attribute value. go-app's server
// encoder wraps attribute values in strconv.Quote, which escapes for Go, not
// for HTML: a " in a value would close the attribute (and let a crafted
// search query add attributes of its own). On the server the characters it
// mishandles become character references, which strconv.Quote leaves alone
// and the browser decodes back; in the browser, values go straight to
// setAttribute and need nothing.
func attr(s string) string {
	return AttrValue(s)
}

// AttrValue is attr for code outside this package that hands strings to
// go-app's server renderer as attribute values.
func AttrValue(s string) string {
	if app.IsClient {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("&quot;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '\\':
			b.WriteString("&#92;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r < 0x20 || r == 0x7f:
			// control characters have no place in an attribute
		case r > 0x7e:
			b.WriteString("&#" + strconv.Itoa(int(r)) + ";")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// RichText renders text with the content's inline markup (links, emphasis)
// inside one element, as exact HTML: the same bytes on the server and in the
// browser, with no whitespace added between a link and the punctuation
// after it. Every piece of text and every href is escaped. The browser
// parses the HTML inside a <div>, so tag must be one allowed there (p, li,
// span; not td or th).
func RichText(tag, class, s string) app.UI {
	var b strings.Builder
	b.WriteString("<" + tag)
	if class != "" {
		b.WriteString(` class="` + class + `"`)
	}
	b.WriteString(">")
	nodes, _ := inline.Parse(s)
	writeInline(&b, nodes)
	b.WriteString("</" + tag + ">")
	return app.Raw(b.String())
}

func writeInline(b *strings.Builder, nodes []inline.Node) {
	for _, n := range nodes {
		switch n.Kind {
		case inline.Text:
			b.WriteString(html.EscapeString(n.Text))
		case inline.Link:
			b.WriteString(linkHTML(n.Href, n.Text))
		case inline.Emphasis:
			b.WriteString("<em>")
			writeInline(b, n.Children)
			b.WriteString("</em>")
		case inline.Strong:
			b.WriteString("<strong>")
			writeInline(b, n.Children)
			b.WriteString("</strong>")
		}
	}
}

// linkHTML is Link as exact HTML, with href and text escaped.
func linkHTML(href, text string) string {
	out := `<a class="nhsd-link" href="` + html.EscapeString(href) + `">` + html.EscapeString(text)
	if isExternal(href) {
		out += `<span class="nhsd-visually-hidden">` + externalNote + `</span>`
	}
	return out + "</a>"
}
