package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

var pathPattern = regexp.MustCompile(`^(/|(/[a-z0-9][a-z0-9-]*)+)$`)

var youtubeID = regexp.MustCompile(`^[A-Za-z0-9_-]{11}$`)

// reference is a link from one file to a page, resolved once every file is read.
type reference struct {
	file, field, target string
	from                *Doc // nil for site.json
	kind                refKind
	at                  Pos // the link's place in a Markdown file
}

// refKind says where a reference sits, which says how a store leaves it
// out when it does not serve the target (see held.go).
type refKind int

const (
	refPath   refKind = iota // the field is the target's path
	refHref                  // the field is the href of a link object: {text, href, ...}
	refInline                // the field is inline text holding a link to the target
)

// builtinPath reports whether target is served by the site though it is
// no content document: the sitemap, robots.txt, the feeds of the types
// that have one, and the feed of each listing of a type's members (such
// as a blog series). typeAt gives the type of the page at a path.
func builtinPath(target string, typeAt func(string) (string, bool)) bool {
	if target == pagetype.SitemapPath || target == pagetype.RobotsPath {
		return true
	}
	if !strings.HasPrefix(target, pagetype.FeedsPrefix) {
		return false
	}
	for _, t := range pagetype.All() {
		if target == t.FeedPath() {
			return true
		}
	}
	listing, ok := strings.CutSuffix("/"+strings.TrimPrefix(target, pagetype.FeedsPrefix), ".xml")
	if !ok {
		return false
	}
	lt, ok := typeAt(listing)
	return ok && pagetype.MemberFeedsOf(lt) != nil
}

type validator struct {
	problems   Problems
	unreadable map[string]bool // files that cannot be read as a page
	docs       []*Doc
	refs       []reference
	cur        *Doc                 // document being checked
	pos        *places              // the places of the fields of posFile (a Markdown file, site.json)
	posFile    string               // the file pos is of: a problem elsewhere has no place from it
	linkKey    string               // the link being checked in inline text (field#k)
	commits    map[string]time.Time // the last commit of each file, for a page without lastEdited
	frontOnly  bool                 // read each page's front matter alone, and check only what it holds (LoadFirst)
}

func newValidator() *validator { return &validator{unreadable: map[string]bool{}} }

func (v *validator) add(file, field, format string, args ...any) {
	msg := format
	if len(args) > 0 {
		msg = fmt.Sprintf(format, args...)
	}
	p := Problem{File: file, Field: field, Message: msg}
	if v.pos != nil && v.posFile == file {
		key := field
		if v.linkKey != "" {
			key = v.linkKey
		}
		at := v.pos.of(key)
		p.Line, p.Col = at.Line, at.Col
	}
	v.problems = append(v.problems, p)
}

// addAt adds a problem found in d once every file is read, at the field's
// place.
func (v *validator) addAt(d *Doc, field, format string, args ...any) {
	at := d.places.of(field)
	v.problems = append(v.problems, Problem{File: d.File, Field: field, Line: at.Line, Col: at.Col, Message: fmt.Sprintf(format, args...)})
}

// of returns the place of field, or of the nearest field holding it.
func (ps positions) of(field string) Pos {
	for f := field; f != ""; f = holder(f) {
		if at, ok := ps[f]; ok {
			return at
		}
	}
	return ps["$"]
}

// holder is the field that holds field ($.body[2] of $.body[2].text, of
// $.body[2].text#1 and of $.body[2][0]), or "" for a top one.
func holder(field string) string {
	if i := strings.LastIndexAny(field, ".[#"); i > 0 {
		return field[:i]
	}
	return ""
}

// ParseDate reads a content date: YYYY-MM-DD or RFC 3339.
// Only the layout of s's length is tried: a failed time.Parse makes an
// error, and every page's lastEdited paid for one.
func ParseDate(s string) (time.Time, error) {
	layout := time.RFC3339
	if len(s) == len(time.DateOnly) {
		layout = time.DateOnly
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is not a date: use YYYY-MM-DD or RFC 3339 such as 2024-03-05T11:55:00Z", s)
	}
	return t, nil
}

func (v *validator) checkSite(file string, data []byte) {
	if !gjson.ValidBytes(data) {
		v.addJSONError(file, data)
		return
	}
	root := gjson.ParseBytes(data)
	if !root.IsObject() {
		v.add(file, "$", "must be a JSON object")
		return
	}
	v.cur = nil
	flat, dupes := jsonPlaces(data)
	for _, p := range dupes {
		p.File = file
		v.problems = append(v.problems, p)
	}
	v.pos, v.posFile = &places{flat: flat}, file
	defer func() { v.pos = nil }()
	v.checkObject(file, "$", root, siteFields)
	if c := root.Get("cookieBanner.change"); c.Exists() && !linkTemplate.MatchString(c.String()) {
		v.add(file, "$.cookieBanner.change", "must hold the words that link to the cookie settings in {braces}, once: You can {change your cookie settings} at any time.")
	}
	if w := root.Get("words"); w.IsObject() {
		for _, p := range words.Check(w) {
			v.add(file, "$.words."+string(p.Key), "%s", p.Message)
		}
	}
}

// linkTemplate is a sentence with one {part} that becomes a link.
var linkTemplate = regexp.MustCompile(`^[^{}]*\{[^{}]+\}[^{}]*$`)

func (v *validator) checkDoc(file string, data []byte) {
	v.pos = nil
	if strings.HasSuffix(file, ".md") {
		raw, pos, problems := parseMarkdownOf(data, v.frontOnly)
		if len(problems) > 0 {
			for _, p := range problems {
				v.problems = append(v.problems, Problem{File: file, Line: p.at.Line, Col: p.at.Col, Message: p.msg})
			}
			v.unreadable[file] = true
			return
		}
		data, v.pos, v.posFile = raw, pos, file
		defer func() { v.pos = nil }()
		if t, ok := v.commits[file]; ok && !gjson.GetBytes(data, "lastEdited").Exists() && bytes.HasPrefix(data, []byte("{")) {
			// Left out: the time of the file's last commit stands in.
			data = append([]byte(`{"lastEdited":"`+t.UTC().Format(time.RFC3339)+`",`), data[1:]...)
			if len(data) > 2 && data[len(data)-2] == ',' { // {} had no field
				data = append(data[:len(data)-2], '}')
			}
		}
	}
	if !gjson.ValidBytes(data) {
		v.addJSONError(file, data)
		v.unreadable[file] = true
		return
	}
	// Parsed from the document's own copy: the strings taken from it
	// (title, path, …) then share it instead of keeping a second one.
	raw := string(data)
	root := gjson.Parse(raw)
	if !root.IsObject() {
		v.add(file, "$", "must be a JSON object")
		v.unreadable[file] = true
		return
	}
	top := make(map[string]gjson.Result, 24) // one pass over the document's fields
	root.ForEach(func(k, val gjson.Result) bool {
		if _, ok := top[k.String()]; !ok {
			top[k.String()] = val
		}
		return true
	})
	d := &Doc{File: file, Raw: raw}
	v.cur = d
	if v.pos != nil {
		// The places of the fields checked once every file is read
		// (duplicates, typed links, pages under a scheduled one); only
		// those, as every document keeps them.
		d.places = positions{}
		for k, at := range v.pos.flat {
			switch f, _, _ := strings.Cut(strings.TrimPrefix(k, "$."), "["); f {
			case "$", "id", "path", "type", "aliases", "relatedServices", "series":
				d.places[k] = at
			}
		}
	}
	d.ID = top["id"].String()
	d.Type = top["type"].String()
	d.Path = top["path"].String()
	d.Title = top["title"].String()
	d.Summary = top["summary"].String()
	d.Status = top["status"].String()
	for _, a := range top["aliases"].Array() {
		d.Aliases = append(d.Aliases, a.String())
	}
	for _, t := range top["topics"].Array() {
		d.Topics = append(d.Topics, t.String())
	}
	if !v.frontOnly { // (the body's fields are missing)
		v.checkObject(file, "$", root, pageFields(d.Type))
	}

	d.Published, _ = ParseDate(top["published"].String())
	if !top["lastEdited"].Exists() {
		v.add(file, "$", "has no lastEdited, and no commit to take it from: add a line lastEdited: %s to the front matter, or commit the file (the time of its last commit then stands in)", time.Now().UTC().Format("2006-01-02"))
	}
	d.LastEdited, _ = ParseDate(top["lastEdited"].String())
	// (lastEdited may come before published: an item scheduled for later is
	// edited before it goes live.)
	if e := top["expires"]; e.Exists() {
		d.Expires, _ = ParseDate(e.String())
		if !d.Expires.IsZero() && !d.Published.IsZero() && !d.Expires.After(d.Published) {
			v.add(file, "$.expires", "is not after $.published (%s); an item must go live before it expires", top["published"].String())
		}
	}
	if n := len([]rune(d.Summary)); n > 300 {
		v.add(file, "$.summary", "is %d characters; keep it to 300 or fewer (it is the meta description and card text)", n)
	}
	if strings.ContainsAny(d.Summary, "*[]") {
		v.add(file, "$.summary", "must be plain text (no [links] or *emphasis*)")
	}
	for i, a := range d.Aliases {
		if !pathPattern.MatchString(a) {
			v.add(file, fmt.Sprintf("$.aliases[%d]", i), "%q is not a site path (lower case, digits and - between slashes)", a)
		}
		if a == d.Path {
			v.add(file, fmt.Sprintf("$.aliases[%d]", i), "is the page's own path")
		}
	}
	v.checkPathForType(file, d)
	if v.frontOnly {
		d.places = nil // for problems across pages, which Load finds
		v.docs = append(v.docs, d)
		return
	}
	if d.Type == TypeOffline {
		v.checkSavedPagesPlace(file, top["body"].Array())
	}
	if d.Type == TypeSearch {
		v.checkNoResultsPlace(file, top["body"].Array())
	}
	if d.Type == TypeCookies {
		v.checkCookieCategories(file, root)
	}
	if d.Type == TypePublication {
		s, _ := ParseDate(top["coverageStart"].String())
		e, _ := ParseDate(top["coverageEnd"].String())
		if !s.IsZero() && !e.IsZero() && e.Before(s) {
			v.add(file, "$.coverageEnd", "is before $.coverageStart")
		}
		if series := top["series"].String(); series != "" && parentPath(d.Path) != series {
			v.add(file, "$.series", "is %s but the page's path %s is not directly under it", series, d.Path)
		}
	}
	v.docs = append(v.docs, d)
}

func parentPath(p string) string {
	i := strings.LastIndexByte(p, '/')
	if i <= 0 {
		return "/"
	}
	return p[:i]
}

// SavedPagesID is the id of the offline page's heading above the list of
// saved pages (pagetype.SavedPagesID).
const SavedPagesID = pagetype.SavedPagesID

func (v *validator) checkSavedPagesPlace(file string, body []gjson.Result) {
	for i, b := range body {
		if b.Get("type").String() == "heading" && b.Get("id").String() == SavedPagesID {
			if i+1 == len(body) || body[i+1].Get("type").String() != "paragraph" || b.Get("level").Int() != 2 {
				v.add(file, fmt.Sprintf("$.body[%d]", i), "the %q heading must be level 2 and followed by a paragraph, which offline becomes the list of saved pages", SavedPagesID)
			}
			return
		}
	}
	v.add(file, "$.body", "the offline page needs a level 2 heading with id %q followed by a paragraph: offline, the paragraph becomes the list of saved pages", SavedPagesID)
}

// checkCookieCategories checks that the cookie settings page names the
// consent cookie first among what the site needs, and each category of
// consent once.
func (v *validator) checkCookieCategories(file string, page gjson.Result) {
	if n := page.Get("necessary.items.0.name"); n.Exists() && n.String() != consent.CookieName {
		v.add(file, "$.necessary.items[0].name", "is %q; the first cookie the site needs is the consent cookie, %s", n.String(), consent.CookieName)
	}
	seen := map[string]bool{}
	for i, c := range page.Get("categories").Array() {
		k := c.Get("key").String()
		if seen[k] {
			v.add(file, fmt.Sprintf("$.categories[%d].key", i), "%q is already described; describe each category once", k)
		}
		seen[k] = true
	}
	for _, k := range consent.Categories {
		if !seen[k] && page.Get("categories").Exists() {
			v.add(file, "$.categories", "does not describe %q: the settings ask about every category (%s)", k, strings.Join(consent.Categories, ", "))
		}
	}
}

// checkNoResultsPlace checks that the search page says what to do when
// nothing is found: its body from a level 2 heading {#no-results} on.
func (v *validator) checkNoResultsPlace(file string, body []gjson.Result) {
	for i, b := range body {
		if b.Get("type").String() == "heading" && b.Get("id").String() == pagetype.NoResultsID {
			if b.Get("level").Int() != 2 || i+1 == len(body) {
				v.add(file, fmt.Sprintf("$.body[%d]", i), "the %q heading must be level 2 and followed by what to try, which a search with no results shows", pagetype.NoResultsID)
			}
			return
		}
	}
	v.add(file, "$.body", "the search page needs a level 2 heading with id %q (## No results {#%s}) followed by what to try: a search with no results shows it", pagetype.NoResultsID, pagetype.NoResultsID)
}

func (v *validator) checkPathForType(file string, d *Doc) {
	if !pathPattern.MatchString(d.Path) {
		return // already reported
	}
	t := pagetype.Get(d.Type)
	if t.Path != "" && d.Path != t.Path {
		v.add(file, "$.path", "a %s page must have path %s, not %s", d.Type, t.Path, d.Path)
	}
	if t.Prefix != "" {
		rest := strings.TrimPrefix(d.Path, t.Prefix)
		depth := max(t.Depth, 1)
		if !strings.HasPrefix(d.Path, t.Prefix) || strings.Count(rest, "/") != depth-1 {
			v.add(file, "$.path", "a %s page's path must look like %s%s, not %s", d.Type, t.Prefix, t.Slugs(), d.Path)
		}
	}
}

func (v *validator) checkObject(file, at string, obj gjson.Result, fields []field) {
	// One pass over the object: a gjson Get per field would scan it again
	// for each (large bodies made loading 20,000 pages slow).
	vals := make(map[string]gjson.Result, len(fields))
	obj.ForEach(func(k, val gjson.Result) bool {
		name := k.String()
		known := false
		for _, f := range fields {
			if f.Name == name {
				known = true
				break
			}
		}
		if !known {
			v.add(file, at+"."+name, "unknown field%s; allowed here: %s", suggest(name, fields), fieldNames(fields))
		} else if _, seen := vals[name]; !seen {
			vals[name] = val
		}
		return true
	})
	for _, f := range fields {
		val := vals[f.Name]
		p := at + "." + f.Name
		if !val.Exists() || val.Type == gjson.Null {
			if f.Required {
				v.add(file, p, "is required")
			}
			continue
		}
		v.checkValue(file, p, val, f)
	}
}

func (v *validator) checkValue(file, p string, val gjson.Result, f field) {
	str := func() (string, bool) {
		if val.Type != gjson.String {
			v.add(file, p, "must be a string, got %s", typeName(val))
			return "", false
		}
		return val.String(), true
	}
	nonEmpty := func() (string, bool) {
		s, ok := str()
		if ok && strings.TrimSpace(s) == "" {
			v.add(file, p, "must not be empty")
			return "", false
		}
		return s, ok
	}
	// list says whether val is a list, and how many items it has if
	// fewer than f.Min; its items are read one by one (eachItem), not
	// made into a slice for each list of each page.
	list := func() bool {
		if !val.IsArray() {
			v.add(file, p, "must be a list, got %s", typeName(val))
			return false
		}
		if f.Min > 0 {
			if n := items(val); n < f.Min {
				v.add(file, p, "must have at least %d item(s), has %d", f.Min, n)
			}
		}
		return true
	}
	switch f.Kind {
	case kString:
		nonEmpty()
	case kAnyString:
		str()
	case kInline:
		if s, ok := nonEmpty(); ok {
			v.checkInline(file, p, s)
		}
	case kDate:
		if s, ok := nonEmpty(); ok {
			if _, err := ParseDate(s); err != nil {
				v.add(file, p, "%v", err)
			}
		}
	case kUUID:
		if s, ok := nonEmpty(); ok {
			if u, err := uuid.Parse(s); err != nil || u.String() != s {
				v.add(file, p, "%q is not a UUID in canonical lower-case form (make one with uuidgen)", s)
			}
		}
	case kPath:
		if s, ok := nonEmpty(); ok && !pathPattern.MatchString(s) {
			v.add(file, p, "%q is not a site path: it must start with /, use lower case letters, digits and - between slashes, and have no trailing slash", s)
		}
	case kPathRef:
		if s, ok := nonEmpty(); ok {
			v.ref(file, p, s, refPath)
		}
	case kHref:
		if s, ok := nonEmpty(); ok {
			v.checkHref(file, p, s, refHref)
		}
	case kEnum:
		if s, ok := str(); ok && !slices.Contains(f.Enum, s) {
			v.add(file, p, "%q is not allowed; use one of: %s", s, strings.Join(f.Enum, ", "))
		}
	case kBool:
		if val.Type != gjson.True && val.Type != gjson.False {
			v.add(file, p, "must be true or false, got %s", typeName(val))
		}
	case kInt:
		if val.Type != gjson.Number || val.Num != float64(int64(val.Num)) {
			v.add(file, p, "must be a whole number, got %s", typeName(val))
		}
	case kStrings, kInlines, kPathRefs:
		if !list() {
			return
		}
		seen := map[string]bool{}
		eachItem(val, func(i int, it gjson.Result) {
			ip := indexed(p, i)
			if it.Type != gjson.String || strings.TrimSpace(it.String()) == "" {
				v.add(file, ip, "must be a non-empty string, got %s", typeName(it))
				return
			}
			s := it.String()
			switch f.Kind {
			case kInlines:
				v.checkInline(file, ip, s)
			case kPathRefs:
				v.ref(file, ip, s, refPath)
			}
			if f.Kind != kInlines && seen[s] {
				v.add(file, ip, "%q is listed twice", s)
			}
			seen[s] = true
		})
	case kObject:
		if !val.IsObject() {
			v.add(file, p, "must be an object, got %s", typeName(val))
			return
		}
		v.checkObject(file, p, val, f.Sub)
	case kObjects:
		if !list() || f.Sub == nil { // table rows: checked by the table block
			return
		}
		eachItem(val, func(i int, it gjson.Result) {
			ip := indexed(p, i)
			if !it.IsObject() {
				v.add(file, ip, "must be an object, got %s", typeName(it))
				return
			}
			v.checkObject(file, ip, it, f.Sub)
		})
	case kBlocks:
		if !list() {
			return
		}
		eachItem(val, func(i int, it gjson.Result) {
			v.checkBlock(file, indexed(p, i), it)
		})
	}
}

// eachItem calls fn with the index and value of each item of a, in
// order, as a.Array() has them (none for null, a itself if it is not a
// list), without making a slice of them. It returns how many there were.
func eachItem(a gjson.Result, fn func(int, gjson.Result)) int {
	n := 0
	switch {
	case a.Type == gjson.Null:
	case !a.IsArray():
		fn(0, a)
		n = 1
	default:
		a.ForEach(func(_, it gjson.Result) bool {
			fn(n, it)
			n++
			return true
		})
	}
	return n
}

// items is len(a.Array()).
func items(a gjson.Result) int { return eachItem(a, func(int, gjson.Result) {}) }

func (v *validator) checkBlock(file, p string, b gjson.Result) {
	if !b.IsObject() {
		v.add(file, p, "a block must be an object with a \"type\", got %s", typeName(b))
		return
	}
	t := b.Get("type").String()
	fields, ok := typedBlockFields[t]
	if !ok {
		v.add(file, p+".type", "%q is not a block type; use one of: %s", t, strings.Join(slices.Sorted(maps.Keys(blockFields)), ", "))
		return
	}
	v.checkObject(file, p, b, fields)
	switch t {
	case "heading":
		if l := b.Get("level").Int(); b.Get("level").Exists() && (l < 2 || l > 4) {
			v.add(file, p+".level", "must be 2, 3 or 4, got %d (level 1 is the page title)", l)
		}
	case "table":
		cols := items(b.Get("head"))
		eachItem(b.Get("rows"), func(i int, row gjson.Result) {
			rp := indexed(p+".rows", i)
			if !row.IsArray() {
				v.add(file, rp, "must be a list of cells, got %s", typeName(row))
				return
			}
			if n := items(row); n != cols {
				v.add(file, rp, "has %d cells but head has %d columns", n, cols)
			}
			eachItem(row, func(j int, c gjson.Result) {
				cp := indexed(rp, j)
				if c.Type != gjson.String {
					v.add(file, cp, "must be a string, got %s", typeName(c))
					return
				}
				v.checkInline(file, cp, c.String())
			})
		})
	case "video":
		if id := b.Get("youtubeId").String(); id != "" && !youtubeID.MatchString(id) {
			v.add(file, p+".youtubeId", "%q is not a YouTube video ID (11 letters, digits, - or _)", id)
		}
	case "image":
		if src := b.Get("src").String(); src != "" && !strings.HasPrefix(src, "/web/images/") {
			v.add(file, p+".src", "%q must be a file under /web/images/", src)
		}
		alt := b.Get("alt")
		if alt.Exists() && strings.TrimSpace(alt.String()) == "" && !b.Get("decorative").Bool() {
			v.add(file, p+".alt", "describe the image for people who cannot see it, or set \"decorative\": true")
		}
		for _, dim := range []string{"width", "height"} {
			if d := b.Get(dim); d.Exists() && d.Int() <= 0 {
				v.add(file, p+"."+dim, "must be greater than 0")
			}
		}
	}
}

func (v *validator) checkInline(file, p, s string) {
	nodes, err := inline.Parse(s)
	if err != nil {
		v.add(file, p, "bad inline markup: %v (escape a literal * or [ with a backslash)", err)
		return
	}
	links := 0
	var walk func([]inline.Node)
	walk = func(ns []inline.Node) {
		for _, n := range ns {
			if n.Kind == inline.Link {
				v.linkKey = numbered(p, links)
				links++
				v.checkHref(file, p, n.Href, refInline)
				v.linkKey = ""
			}
			walk(n.Children)
		}
	}
	walk(nodes)
}

func (v *validator) checkHref(file, p, href string, kind refKind) {
	if strings.ContainsAny(href, " \t\n\"<>\\`") {
		v.add(file, p, "%q has a space or one of \" < > \\ `; encode it (%%20, %%22...) or remove it", href)
		return
	}
	switch {
	case strings.HasPrefix(href, "https://"):
		if u, err := url.Parse(href); err != nil || u.Host == "" {
			v.add(file, p, "%q is not a valid URL", href)
		}
	case strings.HasPrefix(href, "mailto:"), strings.HasPrefix(href, "tel:"):
	case strings.HasPrefix(href, "/"):
		u, err := url.Parse(href)
		if err != nil {
			v.add(file, p, "%q is not a valid link: %v", href, err)
			return
		}
		v.ref(file, p, u.Path, kind)
	case strings.HasPrefix(href, "http://"):
		v.add(file, p, "%q uses http://; use https://", href)
	default:
		v.add(file, p, "%q is not a link this site accepts: start internal links with / and external ones with https://, mailto: or tel:", href)
	}
}

func (v *validator) ref(file, p, target string, kind refKind) {
	r := reference{file: file, field: p, target: target, from: v.cur, kind: kind}
	if v.pos != nil {
		key := p
		if v.linkKey != "" {
			key = v.linkKey
		}
		r.at = v.pos.of(key)
	}
	v.refs = append(v.refs, r)
}

// addRef adds a problem with a reference, at the link's place.
func (v *validator) addRef(r reference, format string, args ...any) {
	v.problems = append(v.problems, Problem{File: r.file, Field: r.field, Line: r.at.Line, Col: r.at.Col, Message: fmt.Sprintf(format, args...)})
}

// crossCheck runs the checks that need every file: duplicates and links.
// Of two documents with the same id or path, the problem is reported on
// the newer one: a draft rather than a published page, else the one
// published later, else the one edited later, else the one whose file is
// not where its path says, else the later file name. That is the copy
// when an editor starts a page from another (spine.md copied, unchanged,
// to a-copy-of-spine.md).
func (v *validator) crossCheck() {
	byID := map[string]*Doc{}
	byPath := map[string]*Doc{}
	aliasOf := map[string]*Doc{}
	single := map[string]*Doc{}
	older := append([]*Doc(nil), v.docs...)
	sort.SliceStable(older, func(i, j int) bool {
		a, b := older[i], older[j]
		if (a.Status == "published") != (b.Status == "published") {
			return a.Status == "published"
		}
		if !a.Published.Equal(b.Published) {
			return a.Published.Before(b.Published)
		}
		if !a.LastEdited.Equal(b.LastEdited) {
			return a.LastEdited.Before(b.LastEdited)
		}
		if at, bt := a.File == fileOf(a.Path), b.File == fileOf(b.Path); at != bt {
			return at
		}
		return a.File < b.File
	})
	for _, d := range older {
		if d.ID != "" {
			if o, ok := byID[d.ID]; ok {
				v.addAt(d, "$.id", "%s is already the id of %s; make a new one with uuidgen", d.ID, o.File)
			} else {
				byID[d.ID] = d
			}
		}
		if d.Path != "" {
			if o, ok := byPath[d.Path]; ok {
				v.addAt(d, "$.path", "%s is already the path of %s", d.Path, o.File)
			} else {
				byPath[d.Path] = d
			}
		}
		if pagetype.PathOf(d.Type) != "" && d.Status == "published" {
			if o, dup := single[d.Type]; dup {
				v.addAt(d, "$.type", "there can be only one published %s page; %s is one already", d.Type, o.File)
			}
			single[d.Type] = d
		}
	}
	for _, d := range v.docs {
		for i, a := range d.Aliases {
			f := fmt.Sprintf("$.aliases[%d]", i)
			if o, ok := byPath[a]; ok {
				v.addAt(d, f, "%s is the path of %s; an alias must be an old path no page uses", a, o.File)
			} else if o, ok := aliasOf[a]; ok && o != d {
				v.addAt(d, f, "%s is already an alias of %s", a, o.File)
			}
			aliasOf[a] = d
		}
	}
	for _, t := range pagetype.All() {
		if t.Required && single[t.Name] == nil {
			v.add("pages", "", "no published %s page (type %q, path %s); the site needs one", t.Name, t.Name, t.Path)
		}
	}
	typeAt := func(p string) (string, bool) {
		d, ok := byPath[p]
		if !ok {
			return "", false
		}
		return d.Type, true
	}
	for _, r := range v.refs {
		if builtinPath(r.target, typeAt) {
			continue
		}
		d, ok := byPath[r.target]
		if !ok {
			if to, isAlias := aliasOf[r.target]; isAlias {
				v.addRef(r, "links to %s, which is an old path of %s; link to %s instead", r.target, to.File, to.Path)
			} else if !v.unreadable[fileOf(r.target)] {
				// (A link to a page whose file cannot be read is not a
				// problem of its own: that file's problem is reported.)
				v.addRef(r, "links to %s, but no page has that path", r.target)
			}
			continue
		}
		if d.Type == TypeNotFound {
			v.addRef(r, "links to the not-found page")
		}
		if d.Status != "published" && (r.from == nil || r.from.Status == "published") {
			v.addRef(r, "links to %s, which is a draft (%s); publish it first or remove the link", r.target, d.File)
		}
	}
	// Typed references.
	for _, d := range v.docs {
		root := gjson.Parse(d.Raw)
		for _, f := range typeFields(d.Type) {
			if len(f.Target) == 0 {
				continue
			}
			check := func(at string, ref gjson.Result) {
				if t, ok := byPath[ref.String()]; ok && !slices.Contains(f.Target, t.Type) {
					v.addAt(d, at, "%s is a %s page, not a %s page", t.Path, t.Type, strings.Join(f.Target, " or "))
				}
			}
			if f.Kind == kPathRefs {
				for i, ref := range root.Get(f.Name).Array() {
					check(fmt.Sprintf("$.%s[%d]", f.Name, i), ref)
				}
			} else if ref := root.Get(f.Name); ref.Exists() {
				check("$."+f.Name, ref)
			}
		}
	}
}

// fileOf is the file the page at path is conventionally in.
func fileOf(path string) string {
	if path == "/" {
		return "pages/index" + PageExt
	}
	return "pages" + path + PageExt
}

// addJSONError reports that data, file's text, is not JSON: at the
// character where a JSON reader stops, with what is likely wrong.
func (v *validator) addJSONError(file string, data []byte) {
	p := Problem{File: file, Message: "not valid JSON: " + jsonError(data)}
	var se *json.SyntaxError
	if err := json.Unmarshal(data, new(any)); errors.As(err, &se) {
		off := min(max(int(se.Offset)-1, 0), len(data))
		start := bytes.LastIndexByte(data[:off], '\n') + 1
		p.Line, p.Col = 1+bytes.Count(data[:off], []byte("\n")), utf8.RuneCount(data[start:off])+1
		p.Message = "not valid JSON here (" + strings.TrimPrefix(se.Error(), "invalid character ") + "): " + jsonError(data)
	}
	v.problems = append(v.problems, p)
}

func jsonError(data []byte) string {
	// gjson does not say where JSON breaks; find the line by a simple scan.
	line, depth, inStr, esc := 1, 0, false, false
	for _, c := range data {
		switch {
		case c == '\n':
			line++
		case inStr:
			if esc {
				esc = false
			} else if c == '\\' {
				esc = true
			} else if c == '"' {
				inStr = false
			}
		case c == '"':
			inStr = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			depth--
		}
	}
	if inStr {
		return "a string is never closed (check the quotes)"
	}
	if depth != 0 {
		return fmt.Sprintf("brackets do not balance (%d left open at line %d)", depth, line)
	}
	return "check for a missing comma, a trailing comma or an unquoted value (a JSON linter will show the line)"
}

func typeName(v gjson.Result) string {
	switch v.Type {
	case gjson.String:
		return "a string"
	case gjson.Number:
		return "a number " + strconv.Quote(v.Raw)
	case gjson.True, gjson.False:
		return "a boolean"
	case gjson.Null:
		return "null"
	}
	if v.IsArray() {
		return "a list"
	}
	return "an object"
}

func fieldNames(fields []field) string {
	n := make([]string, len(fields))
	for i, f := range fields {
		n[i] = f.Name
	}
	return strings.Join(n, ", ")
}

func suggest(name string, fields []field) string {
	best, bestD := "", 3
	for _, f := range fields {
		if d := distance(strings.ToLower(name), strings.ToLower(f.Name)); d < bestD {
			best, bestD = f.Name, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// PathFor returns the path a new page of type t with the given slug takes:
// under its type's section where it has one (a publication under its
// series, given as parent), else at the top level.
func PathFor(t, slug, parent string) (string, error) {
	pt, ok := pagetype.Of(t)
	if !ok {
		return "", fmt.Errorf("%q is not a page type; use one of: %s", t, strings.Join(pagetype.Names(), ", "))
	}
	if pt.Path != "" {
		return "", fmt.Errorf("there is only one %s page (%s); edit it instead", t, pt.Path)
	}
	if pt.Depth == 2 {
		if !strings.HasPrefix(parent, pt.Prefix) {
			above := "page"
			for _, f := range pt.Fields {
				if f.Name == pt.Members && len(f.Target) > 0 {
					above = f.Target[0]
				}
			}
			return "", fmt.Errorf("a %s belongs to a %s, the page above it: give its path, such as %srecorded-dementia-diagnoses", t, above, pt.Prefix)
		}
		return strings.TrimRight(parent, "/") + "/" + slug, nil
	}
	if pt.Prefix != "" {
		return pt.Prefix + slug, nil
	}
	return "/" + slug, nil
}
