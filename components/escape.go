package components

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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

// RichText puts inline HTML made by the server (content/inline.HTML, in
// the page data: the text's links and emphasis, every piece escaped)
// inside one element, as exact HTML: the same bytes on the server and in
// the browser. The browser parses the HTML inside a <div>, so tag must be
// one allowed there (p, li, span; not td or th).
//
// Options:
//   - tag: the element.
//   - class: its class, a constant ("" for none); never content.
//   - html: the inline HTML, written as it is.
func RichText(tag, class, html string) app.UI {
	open := "<" + tag
	if class != "" {
		open += ` class="` + class + `"`
	}
	return app.Raw(open + ">" + html + "</" + tag + ">")
}
