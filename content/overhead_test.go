package content

import (
	"encoding/json"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode"

	"nhsdigital/content/inline"
)

// TestSyntaxOverhead counts, on the published blog posts, what an editor
// types that is not content: the syntax per 1,000 characters of prose, in
// the Markdown files and in the JSON they were converted from.
//
// The counting rule. Spaces, tabs and line breaks are not counted at all.
// Content is every value the page holds, as a reader or the site uses it:
// each text with its inline markup taken out (link text, emphasised text),
// each link's address, each date, id, path and name. Syntax is every other
// character of the file: front matter keys, colons, dashes and ---, JSON's
// braces, brackets, quotes, commas and "type" keys, Markdown's #, -, **,
// [, ](, ), :::name, escapes. Prose, the denominator, is the content.
func TestSyntaxOverhead(t *testing.T) {
	tree := os.DirFS(".")
	var posts []string
	fs.WalkDir(tree, "pages/blog", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, PageExt) {
			posts = append(posts, p)
		}
		return nil
	})
	var mdSyntax, mdProse, jsonSyntax, jsonProse, counted int
	for _, p := range posts {
		data, err := fs.ReadFile(tree, p)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := PageJSON(data)
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		var v map[string]any
		json.Unmarshal(doc, &v)
		if v["status"] != "published" || v["type"] != TypeBlog {
			continue
		}
		counted++
		prose := contentChars(v, true)
		mdSyntax += nonSpace(string(data)) - prose
		mdProse += prose
		// The same post as it was in JSON, where it was converted from.
		if old, err := os.ReadFile("testdata/json/" + strings.TrimSuffix(p, PageExt) + ".json"); err == nil {
			var ov any
			json.Unmarshal(old, &ov)
			op := contentChars(ov, true)
			jsonSyntax += nonSpace(string(old)) - op
			jsonProse += op
		}
	}
	if counted < 6 {
		t.Fatalf("%d published blog posts counted, want the 6 or more the site has", counted)
	}
	md := mdSyntax * 1000 / mdProse
	t.Logf("%d published blog posts, %d characters of prose: Markdown %d characters of syntax per 1,000 of prose", counted, mdProse, md)
	if jsonProse > 0 {
		t.Logf("the same posts in JSON (testdata/json): %d per 1,000", jsonSyntax*1000/jsonProse)
	}
	if md > 60 {
		t.Errorf("Markdown: %d characters of syntax per 1,000 of prose, want 60 or fewer", md)
	}
	if mdSyntax <= 0 {
		t.Errorf("no syntax counted (%d): the count is wrong", mdSyntax)
	}
}

// contentChars counts the non-space characters of every value in v, with
// inline markup taken out of text. A block's type is not content: it is
// what the syntax says (a paragraph, a heading); the page's type is.
func contentChars(v any, top bool) int {
	switch x := v.(type) {
	case map[string]any:
		n := 0
		for k, e := range x {
			if k != "type" || top {
				n += contentChars(e, false)
			}
		}
		return n
	case []any:
		n := 0
		for _, e := range x {
			n += contentChars(e, false)
		}
		return n
	case string:
		nodes, err := inline.Parse(x)
		if err != nil {
			return nonSpace(x)
		}
		return nodeChars(nodes)
	}
	return 0 // numbers (heading levels) and booleans: said by the syntax
}

func nodeChars(ns []inline.Node) int {
	n := 0
	for _, nd := range ns {
		n += nonSpace(nd.Text) + nonSpace(nd.Href) + nodeChars(nd.Children)
	}
	return n
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}
