package content

import (
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"
)

// sameNode says where two YAML trees differ in what yamlValue reads of
// them: kind, resolved tag, value, line and column, and the same of each
// child.
func sameNode(a, b *yaml.Node, at string) error {
	if a.Kind != b.Kind || a.ShortTag() != b.ShortTag() || a.Value != b.Value || a.Line != b.Line || a.Column != b.Column || len(a.Content) != len(b.Content) {
		return fmt.Errorf("%s: quick {kind %d, tag %s, %q, %d:%d, %d children}, yaml.v3 {kind %d, tag %s, %q, %d:%d, %d children}",
			at, a.Kind, a.ShortTag(), a.Value, a.Line, a.Column, len(a.Content), b.Kind, b.ShortTag(), b.Value, b.Line, b.Column, len(b.Content))
	}
	for i := range a.Content {
		if err := sameNode(a.Content[i], b.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkQuick fails t if quickYAML reads fm differently from yaml.v3, or
// reads what yaml.v3 refuses. It says whether quickYAML read it.
func checkQuick(t *testing.T, name string, fm []byte) bool {
	t.Helper()
	quick, ok := quickYAML(fm)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		t.Errorf("%s: quickYAML read what yaml.v3 refuses (%v):\n%s", name, err, fm)
		return true
	}
	if len(doc.Content) != 1 {
		t.Errorf("%s: quickYAML read a mapping where yaml.v3 has %d documents:\n%s", name, len(doc.Content), fm)
		return true
	}
	if err := sameNode(quick, doc.Content[0], "$"); err != nil {
		t.Errorf("%s: %v\n%s", name, err, fm)
	}
	return true
}

// The values the generated front matter is made of: the usual ones, and
// every kind that YAML reads as something other than a one-line string.
var yamlUsual = []string{"Search", "NHS Digital", "a plain title with words", "/services/spine", "'It''s: quoted'", `"In: quotes"`}

var yamlValues = []string{
	"Search", "NHS Digital", "a plain title with words", "/services/spine", "https://digital.nhs.uk/a?b=c",
	"2020-06-01", "2026-12-02T02:30:00Z", "2020-6-1", "12:30", "10:30:00", "3 billion", "99.97%",
	"true", "True", "TRUE", "false", "yes", "no", "on", "off", "y", "n", "~", "null", "Null", "NULL",
	"0", "7", "0123", "0x1F", "0o17", "0b101", "1_000", "1e3", "1.5", ".5", "-1", "+1", ".inf", "-.inf", ".nan", "<<",
	"C# guide", "a #b", "a#b", "it's", "a: b", "a:", "a:b", "a - b", "[a]", "{a: 1}", "*x", "&x y", "!x y", "!!str 1",
	"| text", "> text", "- x", "? x", ": x", "%x", "@x", "`x", ",x", "a, b", "a [b] {c}",
	"'quoted'", "'it''s'", "'a: b'", "'#x'", "''", "'unclosed", "'a' b", "'a''", "' spaced '",
	`"dq"`, `"a: b"`, `"with \"esc"`, `"tab\t"`, `""`, `"unclosed`, `"a" b`, `"#"`, `" spaced "`,
	"é accent", "£5", "‘curly’ quotes", "en – dash", "Zoë", "a\u2028b", "a\u0085b", "a\ufeffb", "a\u00a0b",
	"trailing   ", "a\tb", "a\rb", "a\x01b", "a\x7fb",
}

var yamlKeys = []string{"id", "type", "title", "summary", "lastEdited", "a-b", "x_1", "null", "true", "y", "Title", "k9"}

// junk lines: what quickYAML leaves to yaml.v3.
var yamlJunk = []string{"", "  ", "# a comment", "  continued", "key:value", "\tkey: v", "...", "- x", "key: |", "  nested: v",
	"key:  ", "-", "- ", "9key: v", "_k: v", "key : v", "  - ", "key: a\n  b", "? key", "[a, b]"}

func randomFrontMatter(r *rand.Rand) []byte {
	value := func() string {
		if r.Intn(3) == 0 {
			return yamlValues[r.Intn(len(yamlValues))]
		}
		return yamlUsual[r.Intn(len(yamlUsual))]
	}
	var b strings.Builder
	for n := r.Intn(6) + 1; n > 0; n-- {
		switch p := r.Intn(20); {
		case p < 11:
			fmt.Fprintf(&b, "%s:%s%s\n", yamlKeys[r.Intn(len(yamlKeys))], strings.Repeat(" ", 1+r.Intn(2)), value())
		case p < 17:
			fmt.Fprintf(&b, "%s:\n", yamlKeys[r.Intn(len(yamlKeys))])
			indent := []string{"", "  ", "    "}[r.Intn(3)]
			for i := r.Intn(4); i > 0; i-- {
				if r.Intn(8) == 0 {
					indent = []string{"", " ", "  ", "    "}[r.Intn(4)]
				}
				fmt.Fprintf(&b, "%s-%s%s\n", indent, strings.Repeat(" ", 1+r.Intn(2)), value())
			}
		case p < 18:
			fmt.Fprintf(&b, "%s\n", yamlJunk[r.Intn(len(yamlJunk))])
		default:
			// random bytes from the characters that matter to YAML
			const chars = "aZ09 :#'\"\\[]{}&*!|>%@`,-?~./\t"
			k := []byte(yamlKeys[r.Intn(len(yamlKeys))] + ": ")
			for i := r.Intn(12); i > 0; i-- {
				k = append(k, chars[r.Intn(len(chars))])
			}
			b.Write(append(k, '\n'))
		}
	}
	s := b.String()
	if r.Intn(10) == 0 {
		s = strings.TrimSuffix(s, "\n") // the last line without its line break
	}
	return []byte(s)
}

// TestQuickYAMLIsYAML: whatever front matter quickYAML reads, it reads as
// yaml.v3 does (the same tree, tags resolved the same, the same places),
// and it reads nothing that yaml.v3 refuses; it reads the site's own pages.
func TestQuickYAMLIsYAML(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	read := 0
	const cases = 20000
	for i := 0; i < cases; i++ {
		if checkQuick(t, fmt.Sprintf("case %d", i), randomFrontMatter(r)) {
			read++
		}
	}
	// Both sides must be tried often: most generated front matter is read
	// quickly, and much of it is not.
	t.Logf("read %d of %d", read, cases)
	if read < cases/10 || read > cases*9/10 {
		t.Errorf("quickYAML read %d of %d generated front matters", read, cases)
	}

	pages, total := 0, 0
	eachSitePage(t, func(p string, data []byte) {
		parts := strings.SplitN(string(data), "\n---\n", 2)
		if !strings.HasPrefix(parts[0], "---\n") || len(parts) < 2 {
			return
		}
		total++
		if checkQuick(t, p, []byte(strings.TrimPrefix(parts[0], "---\n")+"\n")) {
			pages++
		}
	})
	// The plain form is what content/README.md shows and what the site's
	// pages use: nearly all of them must take the quick way.
	t.Logf("pages %d of %d", pages, total)
	if total < 50 || pages < total*9/10 {
		t.Errorf("quickYAML read the front matter of %d of %d pages", pages, total)
	}
}

// A page whose front matter is not in the plain form still reads, by
// yaml.v3, and its problems are still placed at their line.
func TestFrontMatterBeyondQuickYAML(t *testing.T) {
	src := "---\nid: 1\ntitle: >\n  Folded\n  title\ntopics: [a, b]\n---\n\nBody.\n"
	raw, pos, problems := parseMarkdown([]byte(src))
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	for _, want := range []string{`"title":"Folded title\n"`, `"topics":["a","b"]`, `"id":1`} {
		if !strings.Contains(string(raw), want) {
			t.Errorf("document %s lacks %s", raw, want)
		}
	}
	if got := pos.flat["$.topics[1]"]; got != (Pos{6, 13}) {
		t.Errorf("topics[1] at %v, want 6:13", got)
	}
	_, _, problems = parseMarkdown([]byte("---\nid: 1\ntitle: Spine: the service\n---\n"))
	if len(problems) != 1 || problems[0].at.Line != 3 {
		t.Errorf("a title with \": \" gives %+v, want one problem on line 3", problems)
	}
}

// eachSitePage calls fn with the path and bytes of each Markdown page of
// the site's content (content/pages).
func eachSitePage(t *testing.T, fn func(p string, data []byte)) {
	t.Helper()
	err := fs.WalkDir(os.DirFS("pages"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		data, err := os.ReadFile("pages/" + p)
		if err != nil {
			return err
		}
		fn(p, data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
