// Package htmlesc escapes text for HTML, in element content and in quoted
// attribute values, as html.EscapeString does. It is for the code the
// WebAssembly client is built from: html.EscapeString brings in the
// strings.Replacer machinery, which this loop does without.
package htmlesc

import "strings"

// String returns s with <, >, &, ' and " escaped, byte for byte as
// html.EscapeString escapes them.
func String(s string) string {
	i := strings.IndexAny(s, `<>&'"`)
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for ; i >= 0; i = strings.IndexAny(s, `<>&'"`) {
		b.WriteString(s[:i])
		switch s[i] {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '&':
			b.WriteString("&amp;")
		case '\'':
			b.WriteString("&#39;")
		case '"':
			b.WriteString("&#34;")
		}
		s = s[i+1:]
	}
	b.WriteString(s)
	return b.String()
}
