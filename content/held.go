package content

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"time"
	_ "time/tzdata" // UK times in messages, even where the system has no time zone files

	"github.com/tidwall/gjson"

	"nhsdigital/content/inline"
)

// Links to pages the live site does not serve.
//
// A live page (or site.json) may link to a page that is scheduled: an
// editor links the home page to a news item going out next week. Left
// as it is, the live site's HTML and page data would carry the embargoed
// page's path before its time. Refusing such content outright would be
// worse: the check depends on the time, so a production server would
// refuse to start with a link that will work next week, and a scheduled
// reload that failed would keep serving the last good content, an item
// past its expiry included. So, at every load (production reloads at each
// scheduled change, see server/live.go):
//
//   - a production store leaves each such reference out of what it
//     serves: an inline link becomes its text, a card, featured or
//     related path is dropped, a link object (a links block item, a
//     contact, a resource, a navigation, footer or home page link, the
//     promotion) is dropped with its text, and a links block or footer
//     group left with no links goes too. Once the target goes live, the
//     next load serves the reference again. A preview serves every page,
//     so it leaves nothing out;
//   - in production and preview alike, each such reference from a page
//     live now is a warning (Store.Warnings) saying when it will work,
//     shown by make validate and -check. Links to drafts stay problems
//     (validate.go): a draft never goes live by itself.
//
// One thing cannot be left out: a live page's own path under a scheduled
// page (an edition in a series not yet published) names that page. That
// is a warning too: the path may well be public already.

// ukZone is the time zone of the messages editors read.
var ukZone = func() *time.Location {
	l, err := time.LoadLocation("Europe/London")
	if err != nil {
		return time.UTC
	}
	return l
}()

// ukTime formats t for an editor in the UK, such as "1 June 2030 at 10:00
// UK time".
func ukTime(t time.Time) string {
	return t.In(ukZone).Format("2 January 2006 at 15:04") + " UK time"
}

// heldWarnings lists the references from pages live at now (and from
// site.json) to pages that are not, and the live pages under a scheduled
// page.
func (v *validator) heldWarnings(now time.Time) Problems {
	byPath := make(map[string]*Doc, len(v.docs))
	for _, d := range v.docs {
		byPath[d.Path] = d
	}
	const again = "This is checked again at every reload, so this warning goes away once %s is published."
	var out Problems
	add := func(file, field string, at Pos, format string, args ...any) {
		out = append(out, Problem{File: file, Field: field, Line: at.Line, Col: at.Col, Message: fmt.Sprintf(format, args...)})
	}
	for _, r := range v.refs {
		d := byPath[r.target]
		if d == nil || r.from != nil && r.from.StateAt(now) != StateLive {
			continue
		}
		switch d.StateAt(now) {
		case StateScheduled:
			add(r.file, r.field, r.at, "links to %s, which is scheduled until %s (%s): until then the live site leaves this link out. "+again,
				d.Path, ukTime(d.Published), d.File, d.Path)
		case StateExpired:
			add(r.file, r.field, r.at, "links to %s, which expired on %s (%s): the live site leaves this link out. "+
				"Remove the link, or change $.expires in %s. This is checked again at every reload.",
				d.Path, ukTime(d.Expires), d.File, d.File)
		}
	}
	for _, d := range v.docs {
		if d.StateAt(now) != StateLive {
			continue
		}
		for p := parentPath(d.Path); p != "/"; p = parentPath(p) {
			if a := byPath[p]; a != nil && a.StateAt(now) == StateScheduled {
				add(d.File, "$.path", d.places.of("$.path"), "is under %s, which is scheduled until %s (%s): this page's own path shows that path before it goes live. "+
					"If it must not be known until then, set $.published to that time or later. "+again,
					a.Path, ukTime(a.Published), a.File, a.Path)
			}
		}
	}
	return out.sorted()
}

// leaveOut takes out of the store's documents and site settings every
// reference, from what it serves, to a page it does not serve.
func (s *Store) leaveOut(refs []reference) {
	typeAt := func(p string) (string, bool) {
		d, ok := s.byPath[p]
		if !ok {
			return "", false
		}
		return d.Type, true
	}
	served := func(target string) bool { return builtinPath(target, typeAt) || s.byPath[target] != nil }
	edits := map[*Doc]*redaction{} // by the document holding the references; nil for site.json
	for _, r := range refs {
		if served(r.target) || r.from != nil && s.byPath[r.from.Path] != r.from {
			continue
		}
		e := edits[r.from]
		if e == nil {
			e = &redaction{drop: map[string]bool{}, unlink: map[string]bool{}}
			e.dropHref = func(href string) bool {
				u, err := url.Parse(href)
				return strings.HasPrefix(href, "/") && err == nil && !served(u.Path)
			}
			edits[r.from] = e
		}
		switch r.kind {
		case refPath:
			e.drop[r.field] = true
		case refHref: // the link object holding the href
			if i := strings.LastIndexByte(r.field, '.'); i > 1 {
				e.drop[r.field[:i]] = true
			} else {
				e.drop[r.field] = true
			}
		case refInline:
			e.unlink[r.field] = true
		}
	}
	pos := make(map[*Doc]int, len(edits))
	if len(edits) > 0 {
		for i, d := range s.docs {
			pos[d] = i
		}
	}
	for d, e := range edits {
		if d == nil {
			s.SiteRaw = e.apply(s.SiteRaw)
			continue
		}
		// A copy: the document as read stays as it was, for the store of
		// another time (Store.At).
		cp := *d
		cp.Raw = e.apply(d.Raw)
		s.byPath[d.Path] = &cp
		if i, ok := pos[d]; ok {
			s.docs[i] = &cp
		}
	}
}

// redaction is what to take out of one JSON document, by field (as the
// validator names fields: $.body[2].items[0]).
type redaction struct {
	drop     map[string]bool // values to leave out
	unlink   map[string]bool // inline text to take links out of
	dropHref func(href string) bool
}

func (e *redaction) apply(raw string) string {
	out, _ := e.rewrite(gjson.Parse(raw), "$")
	return out
}

// rewrite returns v, found at field at, with the redaction made, and
// whether to keep it at all.
func (e *redaction) rewrite(v gjson.Result, at string) (string, bool) {
	if e.drop[at] {
		return "", false
	}
	switch {
	case v.IsObject():
		var b strings.Builder
		keep := true
		b.WriteByte('{')
		v.ForEach(func(k, val gjson.Result) bool {
			out, ok := e.rewrite(val, at+"."+k.String())
			if !ok {
				return true
			}
			if (k.String() == "items" || k.String() == "links") && out == "[]" && len(val.Array()) > 0 {
				keep = false // a links block or footer group with no links left
			}
			if b.Len() > 1 {
				b.WriteByte(',')
			}
			b.WriteString(k.Raw)
			b.WriteByte(':')
			b.WriteString(out)
			return true
		})
		b.WriteByte('}')
		return b.String(), keep || at == "$"
	case v.IsArray():
		var b strings.Builder
		b.WriteByte('[')
		for i, it := range v.Array() {
			if out, ok := e.rewrite(it, fmt.Sprintf("%s[%d]", at, i)); ok {
				if b.Len() > 1 {
					b.WriteByte(',')
				}
				b.WriteString(out)
			}
		}
		b.WriteByte(']')
		return b.String(), true
	case v.Type == gjson.String && e.unlink[at]:
		out, _ := json.Marshal(inline.Unlink(v.String(), e.dropHref))
		return string(out), true
	}
	return v.Raw, true
}
