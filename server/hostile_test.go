//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/net/html"

	"nhsdigital/content"
	"nhsdigital/content/consent"
	"nhsdigital/content/pagetype"
)

// hostile is what an attacker would type into a content field or a request:
// it closes attributes and elements of every kind, adds a redirect, a script
// and a comment. Nothing of it may change the structure of any output.
const hostile = `"'><meta http-equiv=refresh content=0;url=https://evil.example><script>alert(1)</script>` +
	`</title></textarea><!-- &amp; &quot; \" ` + "\u2028 \u00e9"

// benignTwin has the same words and length as p with every character that
// means something in HTML, XML or JSON replaced: a render of it has the
// structure a render of p must have.
func benignTwin(p string) string {
	var b strings.Builder
	for _, r := range p {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			b.WriteByte('q')
		case r >= '0' && r <= '9':
			b.WriteByte('7')
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// structural keys are content fields whose value is an identity, a path, a
// date or a choice from a list: the validator refuses free text there.
var structural = map[string]bool{
	"type": true, "path": true, "status": true, "published": true, "lastEdited": true, "expires": true,
	"aliases": true, "href": true, "series": true, "featured": true, "relatedServices": true,
	"serviceStatus": true, "youtubeId": true, "src": true, "variant": true, "level": true, "services": true,
	"feature": true, "data": true, "coverageStart": true, "coverageEnd": true, "cookiePolicy": true,
	"origin": true, "width": true, "height": true, "ordered": true, "decorative": true, "showLastEdited": true,
	"section": true, "searchScope": true, "key": true,
}

// mutate appends payload to every free-text string of a content document.
// The document's own id (a UUID) stays; a heading's id is free text.
func mutate(v any, key string, depth int, payload string) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			if k == "id" && depth == 0 {
				continue
			}
			x[k] = mutate(e, k, depth+1, payload)
		}
		if _, ok := x["id"]; !ok && x["type"] == "heading" {
			x["id"] = "anchor " + payload // an explicit id, as editors may give
		}
	case []any:
		for i, e := range x {
			x[i] = mutate(e, key, depth+1, payload)
		}
	case string:
		switch {
		case structural[key] || x == "" || x == pagetype.SavedPagesID || x == pagetype.NoResultsID || x == consent.CookieName:
			// The offline page's list goes under the heading "saved-pages",
			// a search's advice under "no-results"; the cookie page names
			// the consent cookie.
			return x
		case key == "summary":
			// Summaries are limited in length: the payload replaces most of it.
			return "Summary " + payload
		}
		return x + " " + payload
	}
	return v
}

// mutatedContent is the real content with payload in every free-text field.
func mutatedContent(t testing.TB, payload string) fstest.MapFS {
	t.Helper()
	out := copyFS(content.Embedded())
	for name, f := range out {
		switch {
		case name == "site.json":
			var v any
			if err := json.Unmarshal(f.Data, &v); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := json.Marshal(mutate(v, "", 0, payload))
			if err != nil {
				t.Fatal(err)
			}
			out[name] = &fstest.MapFile{Data: b, Mode: f.Mode}
		case strings.HasPrefix(name, "pages/") && strings.HasSuffix(name, content.PageExt):
			doc, err := pageDoc(f.Data)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			b, err := pageFile(mutate(doc, "", 0, payload).(map[string]any))
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out[name] = &fstest.MapFile{Data: b, Mode: f.Mode}
		}
	}
	return out
}

// htmlShape is the element tree of an HTML document: each element with its
// attribute names (sorted: go-app writes them in map order), each run of
// text as #text, each comment as #comment. Values are left out.
func htmlShape(t testing.TB, doc []byte) []string {
	t.Helper()
	root, err := html.Parse(bytes.NewReader(doc))
	if err != nil {
		t.Fatalf("parsing HTML: %v", err)
	}
	var out []string
	var walk func(n *html.Node, depth int)
	walk = func(n *html.Node, depth int) {
		ind := strings.Repeat(" ", depth)
		switch n.Type {
		case html.ElementNode:
			var names []string
			for _, a := range n.Attr {
				names = append(names, a.Key)
			}
			sort.Strings(names)
			out = append(out, ind+n.Data+"["+strings.Join(names, " ")+"]")
		case html.TextNode:
			if strings.TrimSpace(n.Data) != "" {
				out = append(out, ind+"#text")
			}
		case html.CommentNode:
			out = append(out, ind+"#comment")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, depth+1)
		}
	}
	walk(root, 0)
	return out
}

// xmlShape is the element tree of an XML document, as htmlShape.
func xmlShape(t testing.TB, doc []byte) []string {
	t.Helper()
	var out []string
	d := xml.NewDecoder(bytes.NewReader(doc))
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatalf("parsing XML: %v", err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			var names []string
			for _, a := range x.Attr {
				names = append(names, a.Name.Local)
			}
			sort.Strings(names)
			out = append(out, strings.Repeat(" ", depth)+x.Name.Local+"["+strings.Join(names, " ")+"]")
			depth++
		case xml.EndElement:
			depth--
		}
	}
}

// jsonShape is the structure of a JSON document: keys and kinds of values.
func jsonShape(t testing.TB, doc []byte) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(doc, &v); err != nil {
		t.Fatalf("parsing JSON: %v", err)
	}
	var out []string
	var walk func(v any, at string)
	walk = func(v any, at string) {
		switch x := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(x)) {
				walk(x[k], at+"."+k)
			}
		case []any:
			out = append(out, fmt.Sprintf("%s[%d]", at, len(x)))
			for i, e := range x {
				walk(e, fmt.Sprintf("%s[%d]", at, i))
			}
		default:
			out = append(out, fmt.Sprintf("%s:%T", at, v))
		}
	}
	walk(v, "")
	return out
}

// sameShape fails the test when two shapes differ, naming the first
// difference.
func sameShape(t testing.TB, what string, want, got []string) {
	t.Helper()
	for i := 0; i < len(want) || i < len(got); i++ {
		var w, g string
		if i < len(want) {
			w = want[i]
		}
		if i < len(got) {
			g = got[i]
		}
		if w != g {
			lo := max(0, i-3)
			t.Errorf("%s: structure differs at node %d:\nbenign:  %q\nhostile: %q\n(context before: %q)", what, i, w, g, want[lo:i])
			return
		}
	}
}

// twinServers are two servers of the same content, one with a benign and
// one with a hostile string in every free-text field.
type twinServers struct {
	benign, hostile *Server
}

func newTwins(t testing.TB, payload string, static bool) twinServers {
	t.Helper()
	var out [2]*Server
	var sh *shared
	for i, p := range []string{benignTwin(payload), payload} {
		store, err := content.Load(mutatedContent(t, p), content.Options{})
		if err != nil {
			t.Fatalf("content with %q in every text field: %v", p, err)
		}
		srv, err := New(Config{Store: store, Web: os.DirFS("../web"), Static: static, shared: sh})
		if err != nil {
			t.Fatal(err)
		}
		sh = srv.shared
		out[i] = srv
	}
	return twinServers{out[0], out[1]}
}

// shapeOf parses a response by its type.
func shapeOf(t testing.TB, contentType string, body []byte) []string {
	t.Helper()
	switch {
	case strings.HasPrefix(contentType, "text/html"):
		return htmlShape(t, body)
	case strings.Contains(contentType, "xml"):
		return xmlShape(t, body)
	case strings.Contains(contentType, "json"):
		return jsonShape(t, body)
	}
	return []string{contentType, fmt.Sprint(len(bytes.Fields(body)))}
}

// compare asks both servers for target with the same request parts and
// checks that the answers have one structure.
func (tw twinServers) compare(t testing.TB, target string, headers ...string) {
	t.Helper()
	b := get(tw.benign, target, headers...)
	h := get(tw.hostile, target, headers...)
	if b.code != h.code {
		t.Errorf("%s: status %d with benign content, %d with hostile content", target, b.code, h.code)
		return
	}
	sameShape(t, target, shapeOf(t, b.header.Get("Content-Type"), []byte(b.body)), shapeOf(t, h.header.Get("Content-Type"), []byte(h.body)))
}

// TestHostileContent renders every page, its data, the feeds, the sitemap
// and the search index with a hostile string in every free-text content
// field, and checks each has the structure it has with harmless text.
func TestHostileContent(t *testing.T) {
	tw := newTwins(t, hostile, false)
	var targets []string
	for _, d := range tw.benign.store.Docs() {
		targets = append(targets, d.Path, "/page-data"+strings.TrimSuffix(map[bool]string{true: "/index", false: d.Path}[d.Path == "/"], "/")+".json")
	}
	targets = append(targets, "/page-data/site.json", "/sitemap.xml", "/robots.txt", "/manifest.webmanifest",
		"/search?q=data", "/search?q=spine&sort=date", "/services?q=nhs")
	for p := range tw.benign.generated() {
		targets = append(targets, p)
	}
	// The search index holds other words, so other shards: each of its
	// JSON files must still parse, and the search page above must keep
	// its structure with results from it.
	_, hostileFiles, _ := tw.hostile.search.get()
	for name := range hostileFiles {
		r := get(tw.hostile, "/search-index/"+name)
		if r.code != http.StatusOK || strings.HasSuffix(name, ".json") && !json.Valid([]byte(r.body)) {
			t.Errorf("search index file %s: status %d, valid JSON %v", name, r.code, json.Valid([]byte(r.body)))
		}
	}
	for _, target := range targets {
		tw.compare(t, target)
		// A visitor who chose: the banner goes, media shows.
		tw.compare(t, target, "Cookie", "nhsd_consent="+acceptedCookie(t, tw.benign))
	}
}

// acceptedCookie is a consent cookie value that accepts everything.
func acceptedCookie(t testing.TB, srv *Server) string {
	t.Helper()
	rec := post(srv, "/consent", "consent=accept&return=/", "Origin", "http://example.com", "Host", "example.com")
	for _, c := range rec.Result().Cookies() {
		if c.Name == "nhsd_consent" {
			return c.Value
		}
	}
	t.Fatalf("no consent cookie set: %d %s", rec.Code, rec.Body)
	return ""
}

// hostileRequests are the parts of a request a visitor controls.
func hostileRequests(payload string) [][]string {
	q := url.QueryEscape(payload)
	var out [][]string
	// The path: unknown pages and pages under a known one.
	// Backslashes in a path are refused outright (400), so the path
	// carries everything else.
	inPath := strings.ReplaceAll(payload, `\`, "")
	for _, p := range []string{"/" + inPath, "/services/" + inPath, "/blog/x" + inPath} {
		out = append(out, []string{(&url.URL{Path: p}).EscapedPath()})
	}
	for _, page := range []string{"/search", "/services", "/cookies", "/", "/blog"} {
		for _, param := range []string{"q", "scope", "type", "year", "topic", "info", "coverage", "granularity", "status", "sort", "page", "consent", "saved", "_render", "_source", "_consent", "v"} {
			out = append(out, []string{page + "?q=nhs&" + param + "=" + q})
		}
	}
	// The feedback form and "Is this page useful?" read their own parameters.
	for _, page := range []string{pagetype.FeedbackPath, "/services/spine", "/about-nhs-digital/privacy-and-cookies"} {
		for _, param := range []string{"page", "sent", "useful"} {
			out = append(out, []string{page + "?" + param + "=" + q})
		}
	}
	for _, h := range []string{"Cookie", "Accept-Language", "Referer", "User-Agent", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "Accept-Encoding", "If-None-Match"} {
		v := payload
		if h == "Cookie" {
			v = "nhsd_consent=" + url.QueryEscape(payload)
		}
		v = strings.NewReplacer("\r", "", "\n", "").Replace(v)
		out = append(out, []string{"/", h, v}, []string{"/search?q=nhs", h, v}, []string{"/cookies", h, v})
	}
	out = append(out, []string{"/", "Host", "evil.example"})
	return out
}

// TestHostileRequests sends a hostile string in every part of a request a
// visitor controls and checks the answer has the structure it has with a
// harmless string in the same place.
func TestHostileRequests(t *testing.T) {
	srv := newServer(t, realStore(t))
	benign := hostileRequests(benignTwin(hostile))
	for i, req := range hostileRequests(hostile) {
		b := get(srv, benign[i][0], benign[i][1:]...)
		h := get(srv, req[0], req[1:]...)
		if b.code != h.code {
			t.Errorf("%v: status %d with benign input, %d with hostile input", req, b.code, h.code)
			continue
		}
		sameShape(t, fmt.Sprint(req), shapeOf(t, b.header.Get("Content-Type"), []byte(b.body)), shapeOf(t, h.header.Get("Content-Type"), []byte(h.body)))
		if strings.Contains(h.body, "evil.example") && strings.Contains(h.header.Get("Content-Type"), "html") {
			doc, _ := html.Parse(strings.NewReader(h.body))
			if n := findMetaRefresh(doc); n != nil {
				t.Errorf("%v: a meta refresh reached the page", req)
			}
		}
	}
}

// TestHostileFeedback posts a hostile string in every field of the
// feedback form, with an error so that every value comes back in the
// page, and checks the page keeps the structure a harmless string gives.
func TestHostileFeedback(t *testing.T) {
	srv := newServer(t, realStore(t))
	page := func(payload, found string) response {
		v := url.Values{"found": {found}}
		for _, f := range feedbackFields {
			v.Set(f.Name, payload)
		}
		rec := post(srv, pagetype.FeedbackPath, v.Encode(), "Sec-Fetch-Site", "same-origin")
		return response{rec.Code, rec.Header(), rec.Body.String()}
	}
	for _, found := range []string{"", hostile} {
		b, h := page(benignTwin(hostile), found), page(hostile, found)
		if b.code != h.code || h.code != http.StatusBadRequest {
			t.Fatalf("status %d with benign input, %d with hostile input", b.code, h.code)
		}
		sameShape(t, "feedback post", shapeOf(t, b.header.Get("Content-Type"), []byte(b.body)), shapeOf(t, h.header.Get("Content-Type"), []byte(h.body)))
	}
}

func findMetaRefresh(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && n.Data == "meta" {
		for _, a := range n.Attr {
			if a.Key == "http-equiv" {
				return n
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findMetaRefresh(c); f != nil {
			return f
		}
	}
	return nil
}

// TestHostileExport writes the static copy of both contents and checks
// that every file has one structure in both.
func TestHostileExport(t *testing.T) {
	tw := newTwins(t, hostile, true)
	dirs := [2]string{filepath.Join(t.TempDir(), "benign"), filepath.Join(t.TempDir(), "hostile")}
	for i, srv := range []*Server{tw.benign, tw.hostile} {
		if _, err := Export(srv, dirs[i]); err != nil {
			t.Fatal(err)
		}
	}
	n := 0
	err := filepath.WalkDir(dirs[0], func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dirs[0], p)
		var ct string
		switch filepath.Ext(p) {
		case ".html":
			ct = "text/html"
		case ".xml":
			ct = "application/xml"
		case ".json":
			ct = "application/json"
		default:
			return nil
		}
		if strings.HasPrefix(rel, "search-index") {
			return nil // other words, other shards: see TestHostileContent
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h, err := os.ReadFile(filepath.Join(dirs[1], rel))
		if err != nil {
			t.Errorf("%s only in the benign copy", rel)
			return nil
		}
		n++
		sameShape(t, rel, shapeOf(t, ct, b), shapeOf(t, ct, h))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 50 {
		t.Fatalf("compared only %d files", n)
	}
}

// vocabulary is every element and attribute name the site writes, as
// "tag" and "tag[attr]", gathered from real renders.
func vocabulary(t testing.TB, bodies ...string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, b := range bodies {
		doc, err := html.Parse(strings.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				out[n.Data] = true
				for _, a := range n.Attr {
					out[n.Data+"["+a.Key+"]"] = true
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	return out
}

// outsideVocabulary names what a page has that the site never writes: an
// element or attribute from elsewhere, a meta refresh, an inline script.
func outsideVocabulary(t testing.TB, vocab map[string]bool, body string) []string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var bad []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.ElementNode:
			if !vocab[n.Data] {
				bad = append(bad, "<"+n.Data+">")
			}
			for _, a := range n.Attr {
				if !vocab[n.Data+"["+a.Key+"]"] || a.Key == "http-equiv" {
					bad = append(bad, n.Data+"["+a.Key+"]")
				}
			}
			if n.Data == "script" && n.FirstChild != nil && !structuredData(n) {
				bad = append(bad, "inline script")
			}
		case html.CommentNode:
			bad = append(bad, "comment")
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return bad
}

// structuredData reports whether a script element is JSON-LD, which is
// data, never run: its type says so and its one text is JSON.
func structuredData(n *html.Node) bool {
	typ := ""
	for _, a := range n.Attr {
		if a.Key == "type" {
			typ = a.Val
		}
	}
	return typ == "application/ld+json" && n.FirstChild == n.LastChild && n.FirstChild.Type == html.TextNode && json.Valid([]byte(n.FirstChild.Data))
}

// FuzzHostileRequest renders the not-found page, the search page and the
// cookie page with fuzzed request parts and checks each has only the
// elements and attributes the site writes, no meta refresh, no inline
// script and no comment. go test -run=^$ -fuzz=FuzzHostileRequest ./server
func FuzzHostileRequest(f *testing.F) {
	srv := newServer(f, realStore(f))
	var bodies []string
	for _, d := range srv.store.Docs() {
		bodies = append(bodies, get(srv, d.Path).body)
	}
	for _, u := range []string{"/nope", "/search?q=nhs", "/search?q=nhs&type=news&topic=Data&sort=date&page=2", "/search?q=zzzzqqq", "/search?q=dementa", "/services?q=app&status=live"} {
		bodies = append(bodies, get(srv, u).body)
	}
	vocab := vocabulary(f, bodies...)
	for _, s := range []string{hostile, `"`, `\"`, "<", "&quot;", "\x00", "%", "a\u2028b", "]]>", "'", "javascript:alert(1)", "<!--", "</textarea>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, target := range []string{
			"/x" + (&url.URL{Path: s}).EscapedPath(),
			"/search?q=" + url.QueryEscape(s),
			"/search?q=nhs&topic=" + url.QueryEscape(s) + "&type=" + url.QueryEscape(s) + "&page=" + url.QueryEscape(s),
			"/services?q=" + url.QueryEscape(s) + "&status=" + url.QueryEscape(s),
			"/cookies?saved=" + url.QueryEscape(s),
			"/?consent=" + url.QueryEscape(s),
		} {
			if len(target) > MaxURLLength || strings.ContainsAny(target, " \x00") {
				continue
			}
			if _, err := url.ParseRequestURI(target); err != nil {
				continue
			}
			r := get(srv, target)
			if !strings.HasPrefix(r.header.Get("Content-Type"), "text/html") {
				continue // refused outright (400): nothing rendered
			}
			if bad := outsideVocabulary(t, vocab, r.body); len(bad) > 0 {
				t.Fatalf("%s: the page has %v", target, bad)
			}
		}
	})
}
