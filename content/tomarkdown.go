package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"

	"github.com/tidwall/gjson"
	yaml "go.yaml.in/yaml/v3"

	"nhsdigital/content/inline"
)

// ToMarkdown writes a page given as JSON (the document the site serves,
// and the format of content files before Markdown) as a Markdown file:
// front matter first, in the conventional order, then the body. Read back,
// the file gives the same document: the conversion test proves it for
// every page.
func ToMarkdown(doc []byte) ([]byte, error) {
	if !gjson.ValidBytes(doc) {
		return nil, fmt.Errorf("not valid JSON")
	}
	root := gjson.ParseBytes(doc)
	if !root.IsObject() {
		return nil, fmt.Errorf("not a JSON object")
	}
	w := &mdWriter{}
	fm := &yaml.Node{Kind: yaml.MappingNode}
	add := func(k string, v gjson.Result) {
		fm.Content = append(fm.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k}, yamlNode(v))
	}
	for _, k := range FrontMatterOrder {
		if v := root.Get(gjson.Escape(k)); v.Exists() {
			add(k, v)
		}
	}
	root.ForEach(func(k, v gjson.Result) bool {
		name := k.String()
		if bodyFields[name] == "" && !slices.Contains(FrontMatterOrder, name) {
			add(name, v)
		}
		return true
	})
	var b bytes.Buffer
	b.WriteString("---\n")
	e := yaml.NewEncoder(&b)
	e.SetIndent(2)
	if err := e.Encode(fm); err != nil {
		return nil, err
	}
	e.Close()
	b.WriteString("---\n")

	if root.Get("type").String() == TypeService {
		for _, s := range ServiceSections {
			w.heading(2, s.Heading, "")
			w.blocks(root.Get("sections." + s.Key))
		}
		if body := root.Get("body").Array(); len(body) > 0 && (body[0].Get("type").String() != "heading" || body[0].Get("level").Int() != 2) {
			return nil, fmt.Errorf("a service's body after its sections must start with a level 2 heading")
		}
	}
	w.blocks(root.Get("body"))
	if kf := root.Get("keyFacts"); kf.Exists() {
		w.para(":::key-facts\n")
		for _, it := range kf.Array() {
			w.raw("- **" + escapeMD(strings.TrimSpace(it.Get("value").String()), false) + "** " + escapeMD(strings.TrimSpace(it.Get("label").String()), false) + "\n")
		}
		w.raw(":::\n")
	}
	if rs := root.Get("resources"); rs.Exists() {
		w.para(":::resources\n")
		for _, it := range rs.Array() {
			w.raw("- " + mdLink(it.Get("title").String(), it.Get("href").String()) + "\n")
			if f := it.Get("format").String(); f != "" {
				if s := it.Get("size").String(); s != "" {
					f += ", " + s
				}
				w.raw("  " + escapeMD(strings.TrimSpace(f), true) + "\n")
			}
		}
		w.raw(":::\n")
	}
	if w.err != nil {
		return nil, w.err
	}
	if w.b.Len() > 0 {
		b.WriteString("\n")
		b.Write(w.b.Bytes())
	}
	return b.Bytes(), nil
}

// FrontMatterOrder is the conventional order of the front matter: what the
// page is, when, then what it is about and the fields of its type. Fields
// not listed follow in the order they come.
var FrontMatterOrder = []string{"id", "type", "path", "title", "summary", "status", "published", "lastEdited", "expires",
	"aliases", "authors", "serviceStatus", "series", "coverageStart", "coverageEnd", "topics", "relatedSubjects",
	"informationType", "geographicCoverage", "granularity", "featured", "relatedServices", "showLastEdited"}

// yamlNode is the YAML of a JSON value.
func yamlNode(v gjson.Result) *yaml.Node {
	switch {
	case v.IsArray():
		n := &yaml.Node{Kind: yaml.SequenceNode}
		for _, it := range v.Array() {
			n.Content = append(n.Content, yamlNode(it))
		}
		return n
	case v.IsObject():
		n := &yaml.Node{Kind: yaml.MappingNode}
		v.ForEach(func(k, val gjson.Result) bool {
			n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k.String()}, yamlNode(val))
			return true
		})
		return n
	}
	switch v.Type {
	case gjson.True, gjson.False:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: v.Raw}
	case gjson.Number:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: v.Raw}
	case gjson.Null:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
	}
	s := v.String()
	if _, err := ParseDate(s); err == nil && !strings.ContainsAny(s, " ") {
		// A date reads as a date, without quotes.
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: s}
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

type mdWriter struct {
	b   bytes.Buffer
	err error
}

func (w *mdWriter) raw(s string) { w.b.WriteString(s) }

// para starts a new block: a blank line after the last.
func (w *mdWriter) para(s string) {
	if w.b.Len() > 0 {
		w.b.WriteByte('\n')
	}
	w.b.WriteString(s)
}

func (w *mdWriter) heading(level int, text, id string) {
	s := strings.Repeat("#", level) + " " + escapeMD(strings.TrimSpace(text), false)
	if strings.HasSuffix(s, "#") || strings.HasSuffix(s, "}") {
		s = s[:len(s)-1] + `\` + s[len(s)-1:]
	}
	if id != "" {
		if simpleID.MatchString(id) {
			s += " {#" + id + "}"
		} else {
			s += ` {id="` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(id) + `"}`
		}
	}
	w.para(s + "\n")
}

func (w *mdWriter) fail(format string, args ...any) {
	if w.err == nil {
		w.err = fmt.Errorf(format, args...)
	}
}

func (w *mdWriter) blocks(list gjson.Result) {
	for _, b := range list.Array() {
		w.block(b)
	}
}

func (w *mdWriter) block(b gjson.Result) {
	switch t := b.Get("type").String(); t {
	case "heading":
		w.heading(int(b.Get("level").Int()), b.Get("text").String(), b.Get("id").String())
	case "paragraph":
		w.para(w.inline(b.Get("text").String(), true) + "\n")
	case "list":
		var s strings.Builder
		for i, it := range b.Get("items").Array() {
			if b.Get("ordered").Bool() {
				fmt.Fprintf(&s, "%d. %s\n", i+1, w.inline(it.String(), true))
			} else {
				s.WriteString("- " + w.inline(it.String(), true) + "\n")
			}
		}
		w.para(s.String())
	case "quote":
		who := b.Get("name").String()
		if r := b.Get("role").String(); r != "" {
			who += ", " + r
		}
		if strings.Contains(b.Get("name").String(), ", ") {
			w.fail("a quote's name holds \", \", which would read as the start of the role")
		}
		w.para("> " + escapeMD(strings.TrimSpace(b.Get("text").String()), true) + "\n>\n> — " + escapeMD(strings.TrimSpace(who), false) + "\n")
	case "callout":
		name := "callout"
		switch b.Get("variant").String() {
		case "warning":
			name = "warning"
		case "":
		default:
			w.fail("callout variant %q", b.Get("variant").String())
		}
		w.para(":::" + name + title(b.Get("title").String()) + "\n" + w.inline(b.Get("text").String(), true) + "\n:::\n")
	case "figures":
		var s strings.Builder
		s.WriteString(":::figures\n")
		for _, it := range b.Get("items").Array() {
			s.WriteString("- **" + escapeMD(strings.TrimSpace(it.Get("value").String()), false) + "** " + escapeMD(strings.TrimSpace(it.Get("label").String()), false) + "\n")
			if t := it.Get("text").String(); t != "" {
				s.WriteString("  " + escapeMD(strings.TrimSpace(t), true) + "\n")
			}
		}
		w.para(s.String() + ":::\n")
	case "contacts":
		var s strings.Builder
		s.WriteString(":::contacts" + title(b.Get("title").String()) + "\n")
		for _, it := range b.Get("items").Array() {
			label := escapeMD(strings.TrimSpace(it.Get("label").String()), false)
			if strings.Contains(it.Get("label").String(), ": ") {
				w.fail("a contact's label holds \": \"")
			}
			if h := it.Get("href").String(); h != "" {
				s.WriteString("- " + label + ": " + mdLink(it.Get("value").String(), h) + "\n")
			} else {
				s.WriteString("- " + label + ": " + escapeMD(strings.TrimSpace(it.Get("value").String()), false) + "\n")
			}
		}
		w.para(s.String() + ":::\n")
	case "links":
		var s strings.Builder
		s.WriteString(":::links" + title(b.Get("title").String()) + "\n")
		for _, it := range b.Get("items").Array() {
			s.WriteString("- " + mdLink(it.Get("text").String(), it.Get("href").String()) + "\n")
			if d := it.Get("description").String(); d != "" {
				s.WriteString("  " + escapeMD(strings.TrimSpace(d), true) + "\n")
			}
		}
		w.para(s.String() + ":::\n")
	case "table":
		var s strings.Builder
		s.WriteString(":::table" + title(b.Get("caption").String()) + "\n")
		head := b.Get("head").Array()
		cells := make([]string, len(head))
		for i, h := range head {
			cells[i] = strings.ReplaceAll(escapeMD(strings.TrimSpace(h.String()), false), "|", `\|`)
		}
		s.WriteString("| " + strings.Join(cells, " | ") + " |\n")
		s.WriteString("|" + strings.Repeat(" --- |", len(head)) + "\n")
		for _, row := range b.Get("rows").Array() {
			var cs []string
			for _, c := range row.Array() {
				cs = append(cs, strings.ReplaceAll(w.inline(c.String(), false), "|", `\|`))
			}
			s.WriteString("| " + strings.Join(cs, " | ") + " |\n")
		}
		w.para(s.String() + ":::\n")
	case "video", "image":
		n := &yaml.Node{Kind: yaml.MappingNode}
		b.ForEach(func(k, v gjson.Result) bool {
			if k.String() != "type" {
				n.Content = append(n.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: k.String()}, yamlNode(v))
			}
			return true
		})
		var y bytes.Buffer
		e := yaml.NewEncoder(&y)
		e.SetIndent(2)
		e.Encode(n)
		e.Close()
		w.para(":::" + t + "\n" + y.String() + ":::\n")
	default:
		w.fail("unknown block type %q", t)
	}
}

func title(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	return " " + s
}

// inline writes text in the inline markup as CommonMark.
func (w *mdWriter) inline(s string, lineStart bool) string {
	nodes, err := inline.Parse(strings.TrimSpace(s))
	if err != nil {
		w.fail("inline markup %q: %v", s, err)
		return ""
	}
	var b strings.Builder
	var walk func(ns []inline.Node, start bool)
	walk = func(ns []inline.Node, start bool) {
		for i, n := range ns {
			first := start && i == 0
			switch n.Kind {
			case inline.Text:
				b.WriteString(escapeMD(n.Text, first))
			case inline.Link:
				b.WriteString(mdLink(n.Text, n.Href))
			case inline.Emphasis:
				b.WriteString("*")
				walk(n.Children, false)
				b.WriteString("*")
			case inline.Strong:
				b.WriteString("**")
				walk(n.Children, false)
				b.WriteString("**")
			}
		}
	}
	walk(nodes, true)
	return b.String()
}

func mdLink(text, href string) string {
	if strings.ContainsAny(href, " ()<>") {
		href = "<" + href + ">"
	}
	return "[" + escapeMD(strings.TrimSpace(text), false) + "](" + href + ")"
}

var (
	simpleID     = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)
	entityLike   = regexp.MustCompile(`&([A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);`)
	orderedStart = regexp.MustCompile(`^(\d{1,9})([.)])(\s|$)`)
)

// escapeMD makes literal CommonMark text of s. At the start of a line (a
// paragraph or a continuation line), what would start a block is escaped
// too.
func escapeMD(s string, lineStart bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\', '*', '_', '[', ']', '`', '<':
			b.WriteByte('\\')
		case '&':
			if entityLike.MatchString(s[i:]) && entityLike.FindStringIndex(s[i:])[0] == 0 {
				b.WriteByte('\\')
			}
		}
		b.WriteByte(c)
	}
	out := b.String()
	if lineStart {
		switch {
		case strings.HasPrefix(out, "#"), strings.HasPrefix(out, ">"), strings.HasPrefix(out, ":"),
			strings.HasPrefix(out, "- "), strings.HasPrefix(out, "+ "), strings.HasPrefix(out, "="),
			strings.HasPrefix(out, "-") && strings.Trim(out, "- ") == "", strings.HasPrefix(out, "|"):
			out = `\` + out
		default:
			if m := orderedStart.FindStringSubmatchIndex(out); m != nil {
				out = out[:m[3]] + `\` + out[m[3]:]
			}
		}
	}
	return out
}

// PageJSON reads a page's Markdown file as the JSON document the site
// serves, or says what keeps it from being read.
func PageJSON(md []byte) ([]byte, error) {
	raw, _, problems := parseMarkdown(md)
	if len(problems) > 0 {
		return nil, fmt.Errorf("line %d: %s", problems[0].at.Line, problems[0].msg)
	}
	return raw, nil
}

// SameDocument reports, as an error, whether the Markdown file md does not
// read back as the JSON document doc.
func SameDocument(doc, md []byte) error {
	raw, _, problems := parseMarkdown(md)
	if len(problems) > 0 {
		return fmt.Errorf("the Markdown does not read back: line %d: %s", problems[0].at.Line, problems[0].msg)
	}
	var a, b any
	if err := json.Unmarshal(doc, &a); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, &b); err != nil {
		return err
	}
	if !reflect.DeepEqual(a, b) {
		return fmt.Errorf("the Markdown reads back as a different document:\n%s", raw)
	}
	return nil
}
