package pagetype

import (
	"strings"

	"nhsdigital/internal/htmlesc"
)

// ExternalNote follows the text of every link to another website, for
// screen reader users, in a visually hidden span.
const ExternalNote = " (external website)"

// IsExternal reports whether href leaves the site.
func IsExternal(href string) bool {
	return strings.HasPrefix(href, "https://") || strings.HasPrefix(href, "http://")
}

// LinkHTML is a link as exact HTML, with href and text escaped: the
// server's rendering of links in content text, and the components' where
// they write HTML themselves.
func LinkHTML(href, text string) string {
	out := `<a class="nhsd-link" href="` + htmlesc.String(href) + `">` + htmlesc.String(text)
	if IsExternal(href) {
		out += `<span class="nhsd-visually-hidden">` + ExternalNote + `</span>`
	}
	return out + "</a>"
}

// Slug makes a path segment or an id from words: lower-case ASCII letters
// and digits, each run of anything else one hyphen, none at either end
// ("How it works" → "how-it-works").
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
