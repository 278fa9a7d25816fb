//go:build !wasm

package components

// Helpers for the components' tests: a component rendered as the server
// renders it (RenderHTML) and parsed with golang.org/x/net/html; elements
// found with a small selector language; and checkAccessible, which holds
// every render to what its markup must get right for people using
// assistive technology.

import (
	"encoding/json"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"nhsdigital/content/words"
)

// hostile is a string no component may let out of its attribute or text:
// quotes to close an attribute, markup, a backslash (which go-app's
// strconv.Quote doubles), an ampersand and letters outside ASCII.
const hostile = `x" onfocus="alert(1)" data-x='<script>alert(2)</script>' \ & café`

// jsonString is s as a JSON string, to put in a view or settings.
func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// doc is a parsed render.
type doc struct {
	t    *testing.T
	html string     // as rendered
	root *html.Node // a div holding the render
}

// renderDoc renders ui as the server does and parses it.
func renderDoc(t *testing.T, ui app.UI) *doc {
	t.Helper()
	s, err := RenderHTML(ui)
	if err != nil {
		t.Fatalf("render: %v", err)
	}
	return parseDoc(t, s)
}

// parseDoc parses HTML as the content of a <div> in a body.
func parseDoc(t *testing.T, s string) *doc {
	t.Helper()
	ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := html.ParseFragment(strings.NewReader(s), ctx)
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return &doc{t: t, html: s, root: root}
}

// example returns an example of a component (see Examples).
func example(t *testing.T, component, name string) Example {
	t.Helper()
	for _, c := range Examples(testSite) {
		if c.Component != component {
			continue
		}
		for _, e := range c.Examples {
			if e.Name == name {
				return e
			}
		}
	}
	t.Fatalf("no example %q of %s", name, component)
	return Example{}
}

// exampleDoc renders an example.
func exampleDoc(t *testing.T, component, name string) *doc {
	t.Helper()
	return renderDoc(t, example(t, component, name).UI())
}

// all returns the elements matching sel, in document order. sel is a list
// of compound selectors, each a tag name or * followed by any number of
// .class, #id, [attr] and [attr=value] (value in double quotes when it
// holds spaces), joined by " " (descendant), " > " (child) or " + " (the
// next element after).
func (d *doc) all(sel string) []*html.Node {
	d.t.Helper()
	steps := parseSelector(d.t, sel)
	var out []*html.Node
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && matchAt(c, steps, len(steps)-1, d.root) {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(d.root)
	return out
}

// one returns the one element matching sel, failing the test unless
// there is exactly one.
func (d *doc) one(sel string) *html.Node {
	d.t.Helper()
	ns := d.all(sel)
	if len(ns) != 1 {
		d.t.Fatalf("%d elements match %q, want 1, in:\n%s", len(ns), sel, d.html)
	}
	return ns[0]
}

// none fails the test if any element matches sel.
func (d *doc) none(sel string) {
	d.t.Helper()
	if ns := d.all(sel); len(ns) > 0 {
		d.t.Errorf("%d elements match %q, want none, in:\n%s", len(ns), sel, d.html)
	}
}

// texts returns the text of each element matching sel.
func (d *doc) texts(sel string) []string {
	d.t.Helper()
	var out []string
	for _, n := range d.all(sel) {
		out = append(out, textOf(n))
	}
	return out
}

// attrs returns attribute key of each element matching sel.
func (d *doc) attrs(sel, key string) []string {
	d.t.Helper()
	var out []string
	for _, n := range d.all(sel) {
		out = append(out, attrOf(n, key))
	}
	return out
}

// text is the text of the whole render.
func (d *doc) text() string { return textOf(d.root) }

// wantTexts fails unless the elements matching sel have these texts.
func (d *doc) wantTexts(sel string, want ...string) {
	d.t.Helper()
	if got := d.texts(sel); !slices.Equal(got, want) {
		d.t.Errorf("texts of %q = %q, want %q", sel, got, want)
	}
}

// wantAttrs fails unless the elements matching sel have these values of key.
func (d *doc) wantAttrs(sel, key string, want ...string) {
	d.t.Helper()
	if got := d.attrs(sel, key); !slices.Equal(got, want) {
		d.t.Errorf("%s of %q = %q, want %q", key, sel, got, want)
	}
}

// wantSafe fails if anything in the render came out of an attribute or
// text: an element or attribute the hostile string holds.
func (d *doc) wantSafe() {
	d.t.Helper()
	d.none("script")
	d.none("[onfocus]")
	d.none("[data-x]")
}

func attrOf(n *html.Node, key string) string {
	v, _ := lookupAttr(n, key)
	return v
}

func lookupAttr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// childTags names the element children of n.
func childTags(n *html.Node) []string {
	var out []string
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			out = append(out, c.Data)
		}
	}
	return out
}

// lastElementChild is the last element in n.
func lastElementChild(n *html.Node) *html.Node {
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

func classesOf(n *html.Node) []string { return strings.Fields(attrOf(n, "class")) }

// textOf is the text inside n, with runs of white space made one space.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	s := strings.Join(strings.Fields(b.String()), " ")
	// Words split by markup ("Service" "Live") stay apart; punctuation
	// right after an element does not.
	for _, p := range []string{".", ",", ")", "?"} {
		s = strings.ReplaceAll(s, " "+p, p)
	}
	return s
}

type selectorStep struct {
	comb    byte // how it follows the previous step: ' ' inside it, '>' its child, '+' the element after it
	tag     string
	id      string
	classes []string
	attrs   [][2]string // key, value; value "\x00" for any
}

const anyValue = "\x00"

func parseSelector(t *testing.T, sel string) []selectorStep {
	t.Helper()
	var steps []selectorStep
	comb := byte(' ')
	for _, tok := range selectorTokens(sel) {
		if tok == ">" || tok == "+" {
			comb = tok[0]
			continue
		}
		s := selectorStep{comb: comb}
		comb = ' '
		i := 0
		for i < len(tok) && tok[i] != '.' && tok[i] != '#' && tok[i] != '[' {
			i++
		}
		if s.tag = tok[:i]; s.tag == "*" {
			s.tag = ""
		}
		for i < len(tok) {
			switch tok[i] {
			case '.', '#':
				j := i + 1
				for j < len(tok) && tok[j] != '.' && tok[j] != '#' && tok[j] != '[' {
					j++
				}
				if tok[i] == '.' {
					s.classes = append(s.classes, tok[i+1:j])
				} else {
					s.id = tok[i+1 : j]
				}
				i = j
			case '[':
				j := strings.IndexByte(tok[i:], ']')
				if j < 0 {
					t.Fatalf("selector %q: unclosed [", sel)
				}
				k, v, ok := strings.Cut(tok[i+1:i+j], "=")
				if !ok {
					v = anyValue
				} else if uq, err := strconv.Unquote(v); err == nil {
					v = uq
				}
				s.attrs = append(s.attrs, [2]string{k, v})
				i += j + 1
			default:
				t.Fatalf("selector %q: unexpected %q", sel, tok[i:])
			}
		}
		steps = append(steps, s)
	}
	if len(steps) == 0 {
		t.Fatalf("empty selector")
	}
	return steps
}

// selectorTokens splits a selector at spaces outside brackets and quotes.
func selectorTokens(sel string) []string {
	var toks []string
	var cur strings.Builder
	inBracket, inQuote := false, false
	for _, r := range sel {
		switch {
		case r == '"' && inBracket:
			inQuote = !inQuote
		case r == '[' && !inQuote:
			inBracket = true
		case r == ']' && !inQuote:
			inBracket = false
		case r == ' ' && !inBracket:
			if cur.Len() > 0 {
				toks = append(toks, cur.String())
				cur.Reset()
			}
			continue
		}
		cur.WriteRune(r)
	}
	if cur.Len() > 0 {
		toks = append(toks, cur.String())
	}
	return toks
}

func (s selectorStep) matches(n *html.Node) bool {
	if n.Type != html.ElementNode || s.tag != "" && n.Data != s.tag {
		return false
	}
	if s.id != "" && attrOf(n, "id") != s.id {
		return false
	}
	cls := classesOf(n)
	for _, c := range s.classes {
		if !slices.Contains(cls, c) {
			return false
		}
	}
	for _, a := range s.attrs {
		v, ok := lookupAttr(n, a[0])
		if !ok || a[1] != anyValue && v != a[1] {
			return false
		}
	}
	return true
}

func matchAt(n *html.Node, steps []selectorStep, i int, root *html.Node) bool {
	if !steps[i].matches(n) {
		return false
	}
	if i == 0 {
		return true
	}
	switch steps[i].comb {
	case '>':
		return n.Parent != nil && n.Parent != root && matchAt(n.Parent, steps, i-1, root)
	case '+':
		p := n.PrevSibling
		for p != nil && p.Type != html.ElementNode {
			p = p.PrevSibling
		}
		return p != nil && matchAt(p, steps, i-1, root)
	}
	for a := n.Parent; a != nil && a != root; a = a.Parent {
		if matchAt(a, steps, i-1, root) {
			return true
		}
	}
	return false
}

// checkAccessible holds a render to what its markup must get right:
//   - ids are unique, and every id that for, aria-labelledby,
//     aria-describedby, aria-controls or a #fragment link names is in the
//     render (or among outside, ids of the page around it);
//   - ARIA states have values (go-app writes an attribute whose value is
//     "true" as a bare name, which ARIA reads as false: see True), and
//     valid ones;
//   - images have alternative text; links an address and a name; buttons
//     a type and a name; form fields a label;
//   - navigation, regions, search forms and sections are labelled;
//   - headings go down one level at a time;
//   - tables have a caption and scoped header cells;
//   - nothing is in the tab order by a positive tabindex, and nothing is
//     styled inline (the Content Security Policy forbids it).
func checkAccessible(t testing.TB, d *doc, outside ...string) {
	t.Helper()
	ids := map[string]int{}
	for _, n := range d.all("[id]") {
		ids[attrOf(n, "id")]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q is used %d times", id, n)
		}
	}
	known := func(id string) bool { return ids[id] > 0 || slices.Contains(outside, id) }
	for _, key := range []string{"for", "aria-labelledby", "aria-describedby", "aria-controls"} {
		for _, n := range d.all("[" + key + "]") {
			refs := strings.Fields(attrOf(n, key))
			if len(refs) == 0 {
				t.Errorf("<%s> has an empty %s", n.Data, key)
			}
			for _, id := range refs {
				if !known(id) {
					t.Errorf("<%s %s=%q> names no element of the render", n.Data, key, id)
				}
			}
		}
	}
	for _, n := range d.all("a[href]") {
		if href := attrOf(n, "href"); strings.HasPrefix(href, "#") && !known(href[1:]) {
			t.Errorf("link to %s: no element has that id", href)
		}
	}

	states := map[string][]string{
		"aria-expanded": {"true", "false"}, "aria-busy": {"true", "false"}, "aria-hidden": {"true", "false"},
		"aria-current": {"page", "true", "step", "location", "date", "time"},
		"aria-live":    {"polite", "assertive", "off"},
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for _, a := range n.Attr {
			switch {
			case strings.HasPrefix(a.Key, "aria-") && strings.TrimSpace(a.Val) == "":
				t.Errorf("<%s> has %s with no value", n.Data, a.Key)
			case strings.Contains(a.Val, TrueMarker):
				t.Errorf("<%s %s> still holds the marker of true", n.Data, a.Key)
			case states[a.Key] != nil && !slices.Contains(states[a.Key], a.Val):
				t.Errorf("<%s %s=%q>: not a valid value", n.Data, a.Key, a.Val)
			case a.Key == "style" || strings.HasPrefix(a.Key, "on"):
				t.Errorf("<%s> has a %s attribute", n.Data, a.Key)
			case a.Key == "tabindex" && a.Val != "-1" && a.Val != "0":
				t.Errorf("<%s tabindex=%q>: only -1 and 0 keep the tab order", n.Data, a.Val)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(d.root)

	for _, n := range d.all("img") {
		if _, ok := lookupAttr(n, "alt"); !ok {
			t.Errorf("<img src=%q> has no alt", attrOf(n, "src"))
		}
	}
	name := func(n *html.Node) string {
		if l := attrOf(n, "aria-label"); l != "" {
			return l
		}
		return textOf(n)
	}
	for _, n := range d.all("a") {
		if attrOf(n, "href") == "" {
			t.Errorf("link %q has no href", textOf(n))
		}
		if name(n) == "" {
			t.Errorf("link to %q has no name", attrOf(n, "href"))
		}
	}
	for _, n := range d.all("button") {
		if attrOf(n, "type") == "" {
			t.Errorf("button %q has no type", textOf(n))
		}
		if name(n) == "" {
			t.Errorf("a button has no name")
		}
	}
	labelled := func(n *html.Node) bool {
		return attrOf(n, "aria-label") != "" || attrOf(n, "aria-labelledby") != ""
	}
	for _, sel := range []string{"input", "select", "textarea"} {
		for _, n := range d.all(sel) {
			switch attrOf(n, "type") {
			case "hidden", "submit", "button":
				continue
			}
			id := attrOf(n, "id")
			if !labelled(n) && (id == "" || len(d.all("label[for="+strconv.Quote(id)+"]")) == 0) {
				t.Errorf("<%s name=%q> has no label", sel, attrOf(n, "name"))
			}
		}
	}
	for _, sel := range []string{"nav", "[role=region]", "[role=search]", "section", "aside"} {
		for _, n := range d.all(sel) {
			if !labelled(n) {
				t.Errorf("<%s class=%q> (%s) has no label", n.Data, attrOf(n, "class"), sel)
			}
		}
	}
	last := 0
	for _, h := range d.all("*") {
		if len(h.Data) != 2 || h.Data[0] != 'h' || h.Data[1] < '1' || h.Data[1] > '6' {
			continue
		}
		level := int(h.Data[1] - '0')
		if last > 0 && level > last+1 {
			t.Errorf("heading %q is h%d after h%d", textOf(h), level, last)
		}
		last = level
	}
	for _, n := range d.all("table") {
		c := n.FirstChild
		for c != nil && c.Type != html.ElementNode {
			c = c.NextSibling
		}
		if c == nil || c.Data != "caption" || textOf(c) == "" {
			t.Errorf("a table has no caption first")
		}
	}
	for _, n := range d.all("th") {
		if s := attrOf(n, "scope"); s != "col" && s != "row" {
			t.Errorf("header cell %q has scope %q", textOf(n), s)
		}
	}
}

// testSite is the site data components get (see Source.Site): the site's
// own words, from content/site.json, and a feedback form standing in for
// the one the server writes.
var testSite = func() gjson.Result {
	raw, err := os.ReadFile("../content/site.json")
	if err != nil {
		panic(err)
	}
	form := `<form class="nhsd-fb" method="post" action="/feedback"><label class="nhsd-label" for="fb-page">Which page?</label>` +
		`<input class="nhsd-input" id="fb-page" name="page" type="text" value="{page}"><button class="nhsd-button" type="submit">Send</button></form>`
	return gjson.Parse(`{"words": ` + gjson.GetBytes(raw, "words").Raw + `, "feedbackForm": ` + jsonString(form) + `}`)
}()

// testWords are the site's words; testForm is testSite's feedback form.
var (
	testWords = words.Of(testSite)
	testForm  = testSite.Get("feedbackForm").String()
	// testSource is the examples' content with testSite's words.
	testSource = exampleSource{site: withWords(exampleSite, testSite)}
)

// canonical is s as a sequence of tokens with each tag's attributes in
// order and runs of white space as one space: two renders of one tree
// are equal (go-app writes attributes in map order).
func canonical(t *testing.T, s string) string {
	t.Helper()
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.TrimSpace(b.String())
		case html.TextToken:
			if text := strings.Join(strings.Fields(string(z.Text())), " "); text != "" {
				b.WriteString(text + "\n")
			}
		default:
			tok := z.Token()
			slices.SortFunc(tok.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
			b.WriteString(tok.String() + "\n")
		}
	}
}
