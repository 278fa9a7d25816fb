package components

import (
	"strconv"
	"strings"
	"time"
	"unicode"
)

// parseDate reads a content date (YYYY-MM-DD or RFC 3339).
func parseDate(s string) (time.Time, bool) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, true
	}
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// formatDate writes a date the way GOV.UK does: 5 March 2024.
func formatDate(s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	return t.Format("2 January 2006")
}

// formatDateTime adds the time of day, in the offset the content gives:
// 5 March 2024 11:55 am.
func formatDateTime(s string) string {
	t, ok := parseDate(s)
	if !ok {
		return s
	}
	if len(s) == len("2006-01-02") {
		return t.Format("2 January 2006")
	}
	return t.Format("2 January 2006 3:04 pm")
}

// slug makes an HTML id from heading text: "How it works" → "how-it-works".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	out := strings.TrimSuffix(b.String(), "-")
	if out == "" {
		out = "section"
	}
	return out
}

// outline hands out unique heading ids in the order headings appear. The
// "Page contents" list and the body use one outline each, walking the same
// headings in the same order, so they agree.
type outline struct{ used map[string]int }

func newOutline() *outline { return &outline{used: map[string]int{"main-content": 1}} }

func (o *outline) id(text, explicit string) string {
	// An editor's own id is made an id as heading text is: it lands in an
	// attribute, and only letters, digits and dashes are safe everywhere.
	base := slug(explicit)
	if explicit == "" {
		base = slug(text)
	}
	o.used[base]++
	if n := o.used[base]; n > 1 {
		return base + "-" + strconv.Itoa(n)
	}
	return base
}
