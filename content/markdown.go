package content

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	yaml "go.yaml.in/yaml/v3"
)

// Reading a page's Markdown file: YAML front matter between two --- lines,
// then the body in CommonMark, with a few fenced containers (:::name …
// :::) for what prose cannot say. The file becomes the page's document,
// the same JSON the rest of the site has always served (blocks whose text
// carries the small inline markup of package inline), and a map from each
// field of that document to its line and column in the file, so that every
// problem the validator finds is reported at its place.
//
// The body is parsed with goldmark; the front matter with go.yaml.in/yaml/v3,
// whose node tree gives the line and column of every key and value (the
// plain form most pages use is read into the same tree by quickYAML). Neither
// reaches the WebAssembly client: it receives the document, as before.

// Pos is a place in a file: line and column, both from 1; the column
// counts characters, not bytes.
type Pos struct{ Line, Col int }

// positions maps a field of a document, as the validator names it
// ($.body[2].items[0]), to its place in the Markdown file.
type positions map[string]Pos

// places are where a Markdown document's fields are: the front matter's
// and the document's own in one map, and each block of a list (the body,
// a service's section) in the block's own map, found by the list's path
// and the block's index. Copying every block's places into one map under
// their full paths was most of the places' cost, made for each of 20,000
// pages at start and looked up only for a problem or a link.
type places struct {
	flat  positions
	lists map[string][]positions // "$.body": the places of $.body[i]
}

// of returns the place of field, or of the nearest field holding it, as
// positions.of does for the map of every place.
func (ps *places) of(field string) Pos {
	for f := field; f != ""; f = holder(f) {
		if at, ok := ps.flat[f]; ok {
			return at
		}
		if at, ok := ps.inBlock(f, field[len(f):]); ok {
			return at
		}
	}
	return ps.flat["$"]
}

// inBlock finds the place of rest within the block at path list[i], if
// f is such a path: rest's, else that of the nearest field holding it
// in the block, else the block's own.
func (ps *places) inBlock(f, rest string) (Pos, bool) {
	if len(ps.lists) == 0 || !strings.HasSuffix(f, "]") {
		return Pos{}, false
	}
	open := strings.LastIndexByte(f, '[')
	if open < 0 {
		return Pos{}, false
	}
	blocks, ok := ps.lists[f[:open]]
	if !ok {
		return Pos{}, false
	}
	i, err := strconv.Atoi(f[open+1 : len(f)-1])
	if err != nil || i < 0 || i >= len(blocks) || f[open+1:len(f)-1] != strconv.Itoa(i) {
		return Pos{}, false
	}
	for r := rest; ; r = holder(r) {
		if at, ok := blocks[i][r]; ok {
			return at, true
		}
		if r == "" {
			return Pos{}, false
		}
	}
}

// kv and obj are a JSON object that keeps the order of its fields.
type kv struct {
	k string
	v any
}

type obj []kv

func (o obj) MarshalJSON() ([]byte, error) { return marshalPlain(o) }

// marshalPlain writes v as JSON: objects keep their order, and "<" and "&"
// stay as they are, as in the JSON files. It is written out by hand:
// encoding/json checks and compacts again what each nested MarshalJSON
// returns, which made reading 20,000 pages seconds slower.
func marshalPlain(v any) ([]byte, error) { return marshalPlainSized(v, 0) }

// marshalPlainSized is marshalPlain with room for size bytes made at
// once (a page's JSON is about as long as its Markdown).
func marshalPlainSized(v any, size int) ([]byte, error) {
	var b bytes.Buffer
	b.Grow(size)
	if err := writeJSON(&b, v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func writeJSON(b *bytes.Buffer, v any) error {
	switch x := v.(type) {
	case obj:
		b.WriteByte('{')
		for i, f := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(b, f.k)
			b.WriteByte(':')
			if err := writeJSON(b, f.v); err != nil {
				return err
			}
		}
		b.WriteByte('}')
	case []any:
		b.WriteByte('[')
		for i, e := range x {
			if i > 0 {
				b.WriteByte(',')
			}
			if err := writeJSON(b, e); err != nil {
				return err
			}
		}
		b.WriteByte(']')
	case string:
		writeJSONString(b, x)
	case bool:
		b.WriteString(strconv.FormatBool(x))
	case int:
		b.WriteString(strconv.Itoa(x))
	case json.Number:
		b.WriteString(string(x))
	case nil:
		b.WriteString("null")
	default:
		return fmt.Errorf("cannot write %T as JSON", v)
	}
	return nil
}

// writeJSONString writes s as a JSON string, escaping what JSON requires
// (and U+2028 and U+2029, as encoding/json does).
func writeJSONString(b *bytes.Buffer, s string) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			b.WriteString(s[start:i])
			switch c {
			case '"', '\\':
				b.WriteByte('\\')
				b.WriteByte(c)
			case '\n':
				b.WriteString(`\n`)
			case '\r':
				b.WriteString(`\r`)
			case '\t':
				b.WriteString(`\t`)
			default:
				b.WriteString(`\u00`)
				b.WriteByte(hex[c>>4])
				b.WriteByte(hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString(s[start:i])
			b.WriteString(`\ufffd`)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b.WriteString(s[start:i])
			b.WriteString(`\u202`)
			b.WriteByte(hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	b.WriteString(s[start:])
	b.WriteByte('"')
}

func (o obj) get(k string) (any, bool) {
	for _, f := range o {
		if f.k == k {
			return f.v, true
		}
	}
	return nil, false
}

// bodyFields are the fields a Markdown file writes in its body, never in
// its front matter.
var bodyFields = map[string]string{
	"body":      "the page's blocks are the Markdown after the front matter",
	"sections":  "a service's sections are the ## headings of the body",
	"keyFacts":  "key facts are a :::key-facts container in the body",
	"resources": "resources are a :::resources container in the body",
}

// mdFile is one Markdown file being read.
type mdFile struct {
	src      []byte
	lines    []int // byte offset of the start of each line
	pos      positions
	lists    map[string][]positions // the blocks' places (see places)
	problems []mdProblem
	md       goldmark.Markdown
}

type mdProblem struct {
	at  Pos
	msg string
}

func (m *mdFile) fail(at Pos, format string, args ...any) {
	m.problems = append(m.problems, mdProblem{at, fmt.Sprintf(format, args...)})
}

// at returns the place of byte offset off.
func (m *mdFile) at(off int) Pos {
	i := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > off }) - 1
	if i < 0 {
		i = 0
	}
	start := m.lines[i]
	if off > len(m.src) {
		off = len(m.src)
	}
	return Pos{Line: i + 1, Col: utf8.RuneCount(m.src[start:off]) + 1}
}

// lineText returns line n (from 1) of src, without its line break.
func lineText(src []byte, n int) string {
	for i := 1; i < n; i++ {
		j := bytes.IndexByte(src, '\n')
		if j < 0 {
			return ""
		}
		src = src[j+1:]
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimRight(string(src), "\r")
}

var markdown = goldmark.New(
	goldmark.WithExtensions(extension.Table),
	goldmark.WithParserOptions(parser.WithHeadingAttribute()),
)

// parseMarkdown reads a page's Markdown file. It returns the document as
// JSON and the place of each of its fields, or the problems that keep the
// file from being read (each at its place).
func parseMarkdown(data []byte) ([]byte, *places, []mdProblem) { return parseMarkdownOf(data, false) }

// parseMarkdownOf is parseMarkdown; with frontOnly, the body is left
// unread and the page is its front matter's fields alone (LoadFirst).
func parseMarkdownOf(data []byte, frontOnly bool) ([]byte, *places, []mdProblem) {
	m := &mdFile{src: data, pos: make(positions, 32), lists: map[string][]positions{}, md: markdown}
	m.lines = append(m.lines, 0)
	for i, c := range data {
		if c == '\n' {
			m.lines = append(m.lines, i+1)
		}
	}
	start := 0
	if bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
		start = 3
	}
	if !utf8.Valid(data) {
		// Saved in another encoding (Windows-1252's é is the byte 0xE9):
		// say where, rather than what a parser makes of it.
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		m.fail(m.at(off), "the byte 0x%02X here is not UTF-8 text: save the file as UTF-8 (an editor's \"Save with encoding\" or \"Reopen with encoding\")", data[off])
		return nil, nil, m.problems
	}
	if !isFence(lineAt(data, start)) {
		m.fail(Pos{1, 1}, "a page starts with its front matter: a line ---, the fields (id: …, type: …, title: …), then another line ---")
		return nil, nil, m.problems
	}
	fmStart := nextLine(data, start)
	fmEnd := -1
	for off := fmStart; off < len(data); off = nextLine(data, off) {
		if isFence(lineAt(data, off)) {
			fmEnd = off
			break
		}
	}
	if fmEnd < 0 {
		m.fail(Pos{1, 1}, "the front matter that starts here is never closed: end it with a line ---")
		return nil, nil, m.problems
	}
	doc := m.frontMatter(data[fmStart:fmEnd], m.at(fmStart).Line-1)
	if len(m.problems) > 0 {
		return nil, nil, m.problems
	}
	m.pos["$"] = Pos{1, 1}
	typ, _ := doc.get("type")
	t, _ := typ.(string)
	if !frontOnly {
		bodyStart := nextLine(data, fmEnd)
		blocks := m.body(bodyStart)
		doc = m.place(doc, t, blocks, m.at(fmEnd))
	}
	if len(m.problems) > 0 {
		return nil, nil, m.problems
	}
	raw, err := marshalPlainSized(doc, len(data)+len(data)/4)
	if err != nil {
		m.fail(Pos{1, 1}, "cannot be read: %v", err)
		return nil, nil, m.problems
	}
	return raw, &places{flat: m.pos, lists: m.lists}, nil
}

func isFence(line []byte) bool {
	return string(bytes.TrimRight(line, " \t\r")) == "---"
}

func lineAt(data []byte, off int) []byte {
	if off >= len(data) {
		return nil
	}
	rest := data[off:]
	if i := bytes.IndexByte(rest, '\n'); i >= 0 {
		return rest[:i]
	}
	return rest
}

func nextLine(data []byte, off int) int {
	if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
		return off + i + 1
	}
	return len(data)
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// frontMatter reads the YAML between the --- lines; lineBase is the line
// before its first line.
func (m *mdFile) frontMatter(fm []byte, lineBase int) obj {
	if quick, ok := quickYAML(fm); ok {
		o, _ := m.yamlValue(quick, "$", lineBase).(obj)
		return o
	}
	var root yaml.Node
	if err := yaml.Unmarshal(fm, &root); err != nil {
		line, msg := 1, err.Error()
		if g := yamlLine.FindStringSubmatch(msg); g != nil {
			if g[1] != "" {
				line, _ = strconv.Atoi(g[1])
			}
			msg = g[2]
		}
		at, hint := yamlHint(fm, line, msg)
		m.fail(Pos{lineBase + at.Line, at.Col}, "front matter: %s%s", msg, hint)
		return nil
	}
	if len(root.Content) == 0 || root.Content[0].Kind != yaml.MappingNode {
		m.fail(Pos{lineBase + 1, 1}, "the front matter must list the page's fields, one a line: id: …, type: …, title: …")
		return nil
	}
	v := m.yamlValue(root.Content[0], "$", lineBase)
	o, _ := v.(obj)
	return o
}

// yamlHint places a YAML syntax error and says how to fix the usual causes.
func yamlHint(fm []byte, line int, msg string) (Pos, string) {
	text := lineText(fm, line)
	col := len(text) - len(strings.TrimLeft(text, " \t")) + 1
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		if i := strings.Index(text, ": "); i >= 0 {
			if j := strings.Index(text[i+2:], ": "); j >= 0 {
				col = utf8.RuneCountInString(text[:i+2+j]) + 1
			}
		}
		return Pos{line, col}, `: a value that holds ": " must be in quotes, such as title: "Spine: the national infrastructure"`
	case strings.Contains(msg, "tab character"):
		// (The line given can be the one before the tab's.)
		for l := line; l <= line+1; l++ {
			if t := lineText(fm, l); strings.Contains(t, "\t") {
				return Pos{l, utf8.RuneCountInString(t[:strings.IndexByte(t, '\t')]) + 1}, ": indent with spaces, not tabs"
			}
		}
		return Pos{line, col}, ": indent with spaces, not tabs"
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "found unexpected end of stream"),
		strings.Contains(msg, "did not find expected"):
		return Pos{line, col}, `: check the quotes (a value in "quotes" must end with the same quote, and a " inside it is written \")`
	}
	return Pos{line, col}, ""
}

// yamlValue turns a YAML node into the document's JSON value, recording
// the place of each field.
func (m *mdFile) yamlValue(n *yaml.Node, at string, lineBase int) any {
	place := Pos{lineBase + n.Line, n.Column}
	if _, ok := m.pos[at]; !ok {
		m.pos[at] = place
	}
	switch n.Kind {
	case yaml.AliasNode:
		return m.yamlValue(n.Alias, at, lineBase)
	case yaml.MappingNode:
		o := make(obj, 0, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			kp := Pos{lineBase + k.Line, k.Column}
			if k.Kind != yaml.ScalarNode {
				m.fail(kp, "a field name must be a plain word, such as title")
				continue
			}
			if at == "$" && bodyFields[k.Value] != "" {
				m.fail(kp, "%s is not a front matter field: %s (see content/README.md)", k.Value, bodyFields[k.Value])
				continue
			}
			if _, seen := o.get(k.Value); seen {
				m.fail(kp, "%s is given twice; keep one", k.Value)
				continue
			}
			p := at + "." + k.Value
			m.pos[p] = kp // the key's place; the value's is only for its items
			o = append(o, kv{k.Value, m.yamlValue(val, p, lineBase)})
		}
		return o
	case yaml.SequenceNode:
		out := make([]any, 0, len(n.Content))
		for i, it := range n.Content {
			out = append(out, m.yamlValue(it, indexed(at, i), lineBase))
		}
		return out
	}
	if n.Tag == "" && n.Style == 0 && idOrDate(n.Value) {
		return n.Value
	}
	switch n.ShortTag() {
	case "!!null":
		return nil
	case "!!bool":
		return n.Value == "true" || n.Value == "True" || n.Value == "TRUE"
	case "!!int", "!!float":
		if _, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return json.Number(n.Value)
		}
	}
	return n.Value
}

// idOrDate reports whether a plain YAML value is a UUID or starts with a
// day (YYYY-MM-DD): text to this site whatever YAML makes of it (a
// timestamp), and never a null, bool or number. Asking YAML tries each
// timestamp layout and number form first, and every page has an id and
// dates.
func idOrDate(s string) bool {
	if len(s) == 36 && uuid.Validate(s) == nil {
		return true
	}
	if len(s) < 10 || s[4] != '-' || s[7] != '-' {
		return false
	}
	for _, i := range []int{0, 1, 2, 3, 5, 6, 8, 9} {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// A block read from the body, with the places of its fields (by the
// field's path below the block: "" for the block, ".text", ".items[0]"…).
type mdBlock struct {
	v     obj
	pos   map[string]Pos
	level int    // headings: their level
	text  string // headings: their text
	field string // key-facts and resources: the page field they fill
	items []any  // key-facts and resources: the list
}

// body reads the body from byte offset start: Markdown, with containers.
func (m *mdFile) body(start int) []mdBlock {
	var blocks []mdBlock
	off, mdFrom := start, start
	for off < len(m.src) {
		line := strings.TrimRight(string(lineAt(m.src, off)), " \t\r")
		next := nextLine(m.src, off)
		if !strings.HasPrefix(line, ":::") {
			off = next
			continue
		}
		blocks = append(blocks, m.markdownBlocks(mdFrom, off)...)
		name, arg, _ := strings.Cut(strings.TrimSpace(line[3:]), " ")
		arg = strings.TrimSpace(arg)
		open := m.at(off)
		if name == "" {
			m.fail(open, "::: closes a container, but none is open here")
			off, mdFrom = next, next
			continue
		}
		end := -1
		for o := next; o < len(m.src); o = nextLine(m.src, o) {
			l := strings.TrimRight(string(lineAt(m.src, o)), " \t\r")
			if l == ":::" {
				end = o
				break
			}
			if strings.HasPrefix(l, ":::") {
				m.fail(m.at(o), "a container cannot start inside another: close the :::%s container of line %d first with a line :::", name, open.Line)
				break
			}
		}
		if end < 0 {
			m.fail(open, "the :::%s container is never closed: end it with a line :::", name)
			return blocks
		}
		if b, ok := m.container(name, arg, open, next, end); ok {
			blocks = append(blocks, b)
		}
		off = nextLine(m.src, end)
		mdFrom = off
	}
	return append(blocks, m.markdownBlocks(mdFrom, len(m.src))...)
}

// parse runs goldmark over src[from:to]; offsets in its nodes are relative
// to from.
func (m *mdFile) parse(from, to int) (ast.Node, []byte) {
	src := m.src[from:to]
	return m.md.Parser().Parse(text.NewReader(src)), src
}

// nodeStart returns the byte offset (relative to the parsed source) where
// n's content starts.
func nodeStart(n ast.Node) int {
	for c := n; c != nil; c = c.FirstChild() {
		if c.Type() != ast.TypeInline {
			if l := c.Lines(); l != nil && l.Len() > 0 {
				return l.At(0).Start
			}
			continue
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if s := nodeStart(c); s >= 0 {
			return s
		}
	}
	return -1
}

// posOf returns the place of n, parsed from src[from:].
func (m *mdFile) posOf(n ast.Node, from int) Pos {
	if h, ok := n.(*ast.RawHTML); ok && h.Segments.Len() > 0 {
		return m.at(from + h.Segments.At(0).Start)
	}
	s := nodeStart(n)
	if s < 0 {
		return m.at(from)
	}
	return m.at(from + s)
}

// markdownBlocks reads the blocks of src[from:to], plain Markdown.
func (m *mdFile) markdownBlocks(from, to int) []mdBlock {
	if from >= to || len(bytes.TrimSpace(m.src[from:to])) == 0 {
		return nil
	}
	doc, src := m.parse(from, to)
	var out []mdBlock
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		at := m.posOf(n, from)
		b := mdBlock{pos: map[string]Pos{"": at}}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				m.fail(at, "a level 1 heading (#) is the page title, which is its title field: start headings at ## (level 2)")
				continue
			}
			if n.Level > 4 {
				m.fail(at, "headings go down to level 4 (####), this one is level %d", n.Level)
				continue
			}
			t := m.plain(n, src, from, "a heading")
			b.v = obj{{"type", "heading"}, {"text", t}, {"level", n.Level}}
			if id, ok := n.AttributeString("id"); ok {
				if s, ok := id.([]byte); ok {
					b.v = append(b.v, kv{"id", string(s)})
				}
			}
			b.level, b.text = n.Level, t
			b.pos[".text"] = at
		case *ast.Paragraph:
			b.v = obj{{"type", "paragraph"}, {"text", m.inline(n, src, from, b.pos, ".text")}}
			b.pos[".text"] = at
		case *ast.List:
			items := m.listItems(n, src, from, b.pos, ".items", func(it ast.Node, p string) any {
				return m.inline(it, src, from, b.pos, p)
			})
			b.v = obj{{"type", "list"}, {"items", items}}
			if n.IsOrdered() {
				b.v = append(b.v, kv{"ordered", true})
			}
		case *ast.Blockquote:
			if !m.quote(n, src, from, &b) {
				continue
			}
		case *east.Table:
			m.fail(at, "a table needs a caption: put it in a container, a line :::table followed by the caption, the table, then a line :::")
			continue
		case *ast.ThematicBreak:
			m.fail(at, "a line of --- or *** (a thematic break) is not used on this site: remove it, or start a section with a ## heading")
			continue
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			m.fail(at, "code blocks are not used on this site: a line indented by 4 spaces or more, or fenced with ```, makes one; remove the indent or the fence")
			continue
		case *ast.HTMLBlock:
			m.fail(at, "HTML is not allowed in content: write it in Markdown, or use one of the containers in content/README.md")
			continue
		default:
			m.fail(at, "this kind of Markdown (%s) is not used on this site", n.Kind().String())
			continue
		}
		out = append(out, b)
	}
	return out
}

// listItems reads a list whose items are one paragraph each.
func (m *mdFile) listItems(n ast.Node, src []byte, from int, pos map[string]Pos, at string, item func(ast.Node, string) any) []any {
	var out []any
	i := 0
	for li := n.FirstChild(); li != nil; li = li.NextSibling() {
		p := indexed(at, i)
		pos[p] = m.posOf(li, from)
		c := li.FirstChild()
		if c == nil {
			m.fail(pos[p], "this list item is empty")
			continue
		}
		if c.NextSibling() != nil {
			m.fail(m.posOf(c.NextSibling(), from), "a list item is one paragraph: nested lists and blank lines inside an item are not supported (start a new list or paragraph instead)")
			continue
		}
		if c.Kind() != ast.KindParagraph && c.Kind() != ast.KindTextBlock {
			m.fail(m.posOf(c, from), "a list item is one paragraph: nested lists and blank lines inside an item are not supported (start a new list or paragraph instead)")
			continue
		}
		out = append(out, item(c, p))
		i++
	}
	return out
}

// quote reads a blockquote: the quotation in one paragraph, then a
// paragraph "— Name, role".
func (m *mdFile) quote(n *ast.Blockquote, src []byte, from int, b *mdBlock) bool {
	var paras []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindParagraph {
			m.fail(m.posOf(c, from), "a quote holds one paragraph, then a paragraph with who said it: — Name, role")
			return false
		}
		paras = append(paras, c)
	}
	at := b.pos[""]
	if len(paras) != 2 {
		m.fail(at, "a quote holds one paragraph of what was said, then a paragraph with who said it, such as: > — Jane Smith, Head of Data Services")
		return false
	}
	said := m.plain(paras[0], src, from, "a quote")
	who := m.plain(paras[1], src, from, "who is quoted")
	rest, ok := strings.CutPrefix(who, "— ")
	if !ok {
		rest, ok = strings.CutPrefix(who, "-- ")
	}
	if !ok {
		m.fail(m.posOf(paras[1], from), "the last paragraph of a quote says who said it, starting with a dash: — Jane Smith, Head of Data Services")
		return false
	}
	name, role, hasRole := strings.Cut(rest, ", ")
	b.v = obj{{"type", "quote"}, {"text", said}, {"name", strings.TrimSpace(name)}}
	if hasRole {
		b.v = append(b.v, kv{"role", strings.TrimSpace(role)})
	}
	b.pos[".text"] = at
	b.pos[".name"] = m.posOf(paras[1], from)
	b.pos[".role"] = b.pos[".name"]
	return true
}

// ContainerNames are the block extensions, as :::name in a body.
var ContainerNames = []string{"callout", "warning", "figures", "contacts", "links", "table", "video", "image", "key-facts", "resources"}

// container reads a :::name container whose content is src[from:to].
// titled starts a container's block: its type and, when the container's
// opening line names one, its title (under key).
func titled(typ, key, arg string) obj {
	o := obj{{"type", typ}}
	if arg != "" {
		o = append(o, kv{key, arg})
	}
	return o
}

func (m *mdFile) container(name, arg string, open Pos, from, to int) (mdBlock, bool) {
	doc, src := m.parse(from, to)
	// Room for the places of a few fields a line (an item, its label,
	// its link…), made once rather than grown.
	b := mdBlock{pos: make(map[string]Pos, 1+3*bytes.Count(m.src[from:to], []byte{'\n'}))}
	b.pos[""] = open
	var kids []ast.Node
	for c := doc.FirstChild(); c != nil; c = c.NextSibling() {
		kids = append(kids, c)
	}
	only := func(kind ast.NodeKind, what string) ast.Node {
		if len(kids) != 1 || kids[0].Kind() != kind {
			m.fail(open, "a :::%s container holds %s, and nothing else", name, what)
			return nil
		}
		return kids[0]
	}
	switch name {
	case "callout", "warning":
		p := only(ast.KindParagraph, "one paragraph")
		if p == nil {
			return b, false
		}
		b.v = append(titled("callout", "title", arg), kv{"text", m.inline(p, src, from, b.pos, ".text")})
		b.pos[".text"] = m.posOf(p, from)
		if name == "warning" {
			b.v = append(b.v, kv{"variant", "warning"})
		}
	case "figures", "key-facts":
		l := only(ast.KindList, "a list, one figure an item: - **value** label")
		if l == nil {
			return b, false
		}
		items := m.listItems(l, src, from, b.pos, ".items", func(it ast.Node, p string) any {
			return m.figure(it, src, from, p, name == "figures")
		})
		if name == "figures" {
			b.v = obj{{"type", "figures"}, {"items", items}}
		} else {
			b.field, b.items = "keyFacts", items
		}
	case "contacts":
		l := only(ast.KindList, "a list, one contact an item: - Email: [enquiries@example.org](mailto:enquiries@example.org)")
		if l == nil {
			return b, false
		}
		items := m.listItems(l, src, from, b.pos, ".items", func(it ast.Node, p string) any {
			return m.contact(it, src, from, b.pos, p)
		})
		b.v = append(titled("contacts", "title", arg), kv{"items", items})
	case "links", "resources":
		l := only(ast.KindList, "a list, one link an item: - [text](/path)")
		if l == nil {
			return b, false
		}
		items := m.listItems(l, src, from, b.pos, ".items", func(it ast.Node, p string) any {
			return m.linkItem(it, src, from, b.pos, p, name == "resources")
		})
		if name == "links" {
			b.v = append(titled("links", "title", arg), kv{"items", items})
		} else {
			b.field, b.items = "resources", items
		}
	case "table":
		t := only(east.KindTable, "a table: a header row, a line of |---|, then the rows")
		if t == nil {
			return b, false
		}
		b.v = titled("table", "caption", arg)
		var head []any
		var rows []any
		r := 0
		for row := t.FirstChild(); row != nil; row = row.NextSibling() {
			var cells []any
			ci := 0
			for c := row.FirstChild(); c != nil; c = c.NextSibling() {
				if row.Kind() == east.KindTableHeader {
					p := fmt.Sprintf(".head[%d]", ci)
					b.pos[p] = m.posOf(c, from)
					cells = append(cells, m.plain(c, src, from, "a table's header"))
				} else {
					p := fmt.Sprintf(".rows[%d][%d]", r, ci)
					b.pos[p] = m.posOf(c, from)
					cells = append(cells, m.inline(c, src, from, b.pos, p))
				}
				ci++
			}
			if row.Kind() == east.KindTableHeader {
				head = cells
			} else {
				b.pos[fmt.Sprintf(".rows[%d]", r)] = m.posOf(row, from)
				rows = append(rows, cells)
				r++
			}
		}
		b.v = append(b.v, kv{"head", head}, kv{"rows", rows})
	case "video", "image":
		// Fields, as in the front matter: youtubeId: …, title: …
		if arg != "" {
			m.fail(open, "a :::%s container lists its fields on the lines below, not on the ::: line", name)
			return b, false
		}
		fm := &mdFile{src: m.src, lines: m.lines, pos: positions{}}
		o := fm.frontMatter(m.src[from:to], open.Line)
		m.problems = append(m.problems, fm.problems...)
		if len(fm.problems) > 0 {
			return b, false
		}
		b.v = append(obj{{"type", name}}, o...)
		for k, p := range fm.pos {
			if k != "$" {
				b.pos[strings.TrimPrefix(k, "$")] = p
			}
		}
	default:
		m.fail(open, "%q is not a block type; use one of: %s", name, strings.Join(ContainerNames, ", "))
		return b, false
	}
	return b, true
}

// lines splits an item's paragraph at its line breaks.
func itemLines(n ast.Node) [][]ast.Node {
	lines := [][]ast.Node{nil}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		lines[len(lines)-1] = append(lines[len(lines)-1], c)
		if t, ok := c.(*ast.Text); ok && (t.SoftLineBreak() || t.HardLineBreak()) {
			lines = append(lines, nil)
		}
	}
	if len(lines[len(lines)-1]) == 0 {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// figure reads "**value** label", then on the next line an optional
// sentence.
func (m *mdFile) figure(n ast.Node, src []byte, from int, at string, withText bool) any {
	lines := itemLines(n)
	first := lines[0]
	e, ok := first[0].(*ast.Emphasis)
	if !ok || e.Level != 2 {
		m.fail(m.posOf(n, from), "a figure starts with its value in bold, then its label: - **3 billion** firewall transactions a day")
		return obj{}
	}
	o := obj{{"value", m.plain(e, src, from, "a figure's value")}}
	var label strings.Builder
	for _, c := range first[1:] {
		label.WriteString(m.plainNode(c, src, from, "a figure's label"))
	}
	o = append(o, kv{"label", strings.TrimSpace(label.String())})
	if len(lines) > 1 {
		if !withText {
			m.fail(m.posOf(lines[1][0], from), "a key fact is one line: - **value** label")
		}
		var t []string
		for _, l := range lines[1:] {
			var s strings.Builder
			for _, c := range l {
				s.WriteString(m.plainNode(c, src, from, "a figure's sentence"))
			}
			t = append(t, strings.TrimSpace(s.String()))
		}
		o = append(o, kv{"text", strings.Join(t, " ")})
	}
	return o
}

// contact reads "Label: value" or "Label: [value](href)".
func (m *mdFile) contact(n ast.Node, src []byte, from int, pos map[string]Pos, at string) any {
	var nodes []ast.Node
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		nodes = append(nodes, c)
	}
	var label strings.Builder
	i := 0
	rest, found := "", false
	for ; i < len(nodes) && !found; i++ {
		t, ok := nodes[i].(*ast.Text)
		if !ok {
			break
		}
		s := unescapeMD(t.Segment.Value(src))
		if t.SoftLineBreak() || t.HardLineBreak() {
			s += " "
		}
		l, r, ok := strings.Cut(s, ": ")
		label.WriteString(l)
		rest, found = r, ok
	}
	if !found {
		m.fail(m.posOf(n, from), "a contact is a label, a colon and the value: - Telephone: 0300 303 5678")
		return obj{}
	}
	o := obj{{"label", strings.TrimSpace(label.String())}}
	tail := nodes[i:]
	if strings.TrimSpace(rest) == "" && len(tail) == 1 {
		if l, ok := tail[0].(*ast.Link); ok {
			pos[at+".href"] = m.posOf(l, from)
			return append(o, kv{"value", m.plain(l, src, from, "a link's text")}, kv{"href", unescapeMD(l.Destination)})
		}
	}
	var v strings.Builder
	v.WriteString(rest)
	for _, c := range tail {
		v.WriteString(m.plainNode(c, src, from, "a contact's value"))
	}
	return append(o, kv{"value", strings.TrimSpace(v.String())})
}

// linkItem reads "[text](href)", then on the next line an optional
// description (for a resource: its format, and size after a comma).
func (m *mdFile) linkItem(n ast.Node, src []byte, from int, pos map[string]Pos, at string, resource bool) any {
	lines := itemLines(n)
	first := lines[0]
	if t, ok := first[len(first)-1].(*ast.Text); ok && strings.TrimSpace(string(t.Segment.Value(src))) == "" {
		first = first[:len(first)-1]
	}
	l, ok := first[0].(*ast.Link)
	if !ok || len(first) != 1 {
		m.fail(m.posOf(n, from), "an item here is one link, alone on its line: - [text](/path); a description goes on the next line")
		return obj{}
	}
	pos[at+".href"] = m.posOf(l, from)
	textKey := "text"
	if resource {
		textKey = "title"
	}
	o := obj{{textKey, m.plain(l, src, from, "a link's text")}, {"href", unescapeMD(l.Destination)}}
	if len(lines) > 1 {
		var t []string
		for _, ln := range lines[1:] {
			var s strings.Builder
			for _, c := range ln {
				s.WriteString(m.plainNode(c, src, from, "a description"))
			}
			t = append(t, strings.TrimSpace(s.String()))
		}
		d := strings.Join(t, " ")
		if resource {
			format, size, hasSize := strings.Cut(d, ", ")
			o = append(o, kv{"format", format})
			if hasSize {
				o = append(o, kv{"size", size})
			}
		} else {
			o = append(o, kv{"description", d})
		}
	}
	return o
}

// plain returns the text of n's inline content, which must hold no markup.
func (m *mdFile) plain(n ast.Node, src []byte, from int, what string) string {
	var b strings.Builder
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		b.WriteString(m.plainNode(c, src, from, what))
	}
	return strings.TrimSpace(b.String())
}

func (m *mdFile) plainNode(c ast.Node, src []byte, from int, what string) string {
	switch c := c.(type) {
	case *ast.Text:
		s := unescapeMD(c.Segment.Value(src))
		if c.SoftLineBreak() || c.HardLineBreak() {
			s += " "
		}
		return s
	case *ast.String:
		return string(c.Value)
	}
	m.fail(m.posOf(c, from), "%s is plain text: no links, emphasis or other markup here (write \\* for a literal *)", what)
	return ""
}

// inline returns n's inline content in the document's inline markup
// (package inline): links, *emphasis* and **strong**, everything else as
// literal text. The place of the k-th link is recorded as field#k.
func (m *mdFile) inline(n ast.Node, src []byte, from int, pos map[string]Pos, field string) string {
	var b strings.Builder
	links := 0
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.WriteString(escapeInline(unescapeMD(c.Segment.Value(src))))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte(' ')
				}
			case *ast.String:
				b.WriteString(escapeInline(string(c.Value)))
			case *ast.Emphasis:
				mark := strings.Repeat("*", c.Level)
				b.WriteString(mark)
				walk(c)
				b.WriteString(mark)
			case *ast.Link:
				label := m.plain(c, src, from, "a link's text")
				if label == "" || strings.Contains(label, "](") {
					m.fail(m.posOf(c, from), "a link needs text, without ](: [text](/path)")
				}
				if len(c.Title) > 0 {
					m.fail(m.posOf(c, from), "a link's title (the quoted text after its address) is not used: remove it")
				}
				pos[numbered(field, links)] = m.posOf(c, from)
				links++
				href := strings.ReplaceAll(unescapeMD(c.Destination), ")", "%29")
				b.WriteString("[" + label + "](" + href + ")")
			case *ast.AutoLink:
				u := string(c.URL(src))
				pos[numbered(field, links)] = m.posOf(c, from)
				links++
				b.WriteString("[" + u + "](" + strings.ReplaceAll(u, ")", "%29") + ")")
			case *ast.CodeSpan:
				m.fail(m.posOf(c, from), "code (text in `backticks`) is not used on this site: remove the backticks, or write \\` for a literal one")
			case *ast.RawHTML:
				m.fail(m.posOf(c, from), "HTML is not allowed in content: write < as \\< if you mean the character")
			case *ast.Image:
				m.fail(m.posOf(c, from), "an image is a block of its own: use a :::image container")
			default:
				m.fail(m.posOf(c, from), "this markup (%s) is not used on this site", c.Kind().String())
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// escapeInline makes literal text of s in the inline markup.
func escapeInline(s string) string {
	if !strings.ContainsAny(s, `\*[]`) {
		return s
	}
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "[", `\[`, "]", `\]`).Replace(s)
}

// unescapeMD resolves CommonMark backslash escapes and character
// references in raw source text.
func unescapeMD(b []byte) string {
	s := string(b)
	if !strings.ContainsAny(s, `\&`) {
		return s
	}
	var out strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s) && isASCIIPunct(s[i+1]):
			out.WriteByte(s[i+1])
			i++
		case c == '&':
			if j := strings.IndexByte(s[i:], ';'); j > 1 && j < 33 {
				if u := html.UnescapeString(s[i : i+j+1]); u != s[i:i+j+1] {
					out.WriteString(u)
					i += j
					continue
				}
			}
			out.WriteByte(c)
		default:
			out.WriteByte(c)
		}
	}
	return out.String()
}

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// place puts the body's blocks into the document: for a service, its
// sections by their ## headings, then the rest as its body; for other
// types, the body (and a publication's key facts and resources).
func (m *mdFile) place(doc obj, typ string, blocks []mdBlock, fmEnd Pos) obj {
	var body []mdBlock
	for _, b := range blocks {
		if b.field == "" {
			body = append(body, b)
			continue
		}
		if typ != TypePublication {
			m.fail(b.pos[""], "only a publication has %s", map[string]string{"keyFacts": "key facts", "resources": "resources"}[b.field])
			continue
		}
		if _, dup := doc.get(b.field); dup {
			m.fail(b.pos[""], "a publication has one :::%s container", map[string]string{"keyFacts": "key-facts", "resources": "resources"}[b.field])
			continue
		}
		p := "$." + b.field
		for k, at := range b.pos {
			m.pos[p+strings.TrimPrefix(k, ".items")] = at
		}
		doc = append(doc, kv{b.field, b.items})
	}
	list := func(at string, bs []mdBlock) []any {
		out := make([]any, 0, len(bs))
		ps := make([]positions, 0, len(bs))
		for _, b := range bs {
			ps = append(ps, b.pos)
			out = append(out, b.v)
		}
		m.lists[at] = ps
		return out
	}
	if typ == TypeService {
		var sections obj
		next := 0
		var cur []mdBlock
		curKey := ""
		flush := func() {
			if curKey != "" {
				sections = append(sections, kv{curKey, list("$.sections."+curKey, cur)})
			}
			cur = nil
		}
		var rest []mdBlock
		done := false
		for _, b := range body {
			if done {
				rest = append(rest, b)
				continue
			}
			if b.level == 2 {
				if next < len(ServiceSections) && b.text == ServiceSections[next].Heading {
					flush()
					curKey = ServiceSections[next].Key
					m.pos["$.sections."+curKey] = b.pos[""]
					next++
					continue
				}
				if next == len(ServiceSections) {
					flush()
					done = true
					rest = append(rest, b)
					continue
				}
				m.fail(b.pos[""], "a service's ## headings are its sections, in this order: %s; this one should be %q (use ### for a heading inside a section)", sectionHeadings(), ServiceSections[next].Heading)
				continue
			}
			if curKey == "" {
				m.fail(b.pos[""], "a service's body starts with its first section: ## %s", ServiceSections[0].Heading)
				continue
			}
			cur = append(cur, b)
		}
		if !done {
			flush()
		}
		if next < len(ServiceSections) {
			m.fail(Pos{len(m.lines), 1}, "the service has no section ## %s; a service has these sections, in this order: %s", ServiceSections[next].Heading, sectionHeadings())
		}
		m.pos["$.sections"] = fmEnd
		doc = append(doc, kv{"sections", sections})
		if len(rest) > 0 {
			doc = append(doc, kv{"body", list("$.body", rest)})
		}
		return doc
	}
	if len(body) > 0 || bodyRequired(typ) {
		m.pos["$.body"] = fmEnd
		doc = append(doc, kv{"body", list("$.body", body)})
	}
	return doc
}

func sectionHeadings() string {
	var h []string
	for _, s := range ServiceSections {
		h = append(h, s.Heading)
	}
	return strings.Join(h, ", ")
}

func bodyRequired(typ string) bool {
	for _, f := range typeFields(typ) {
		if f.Name == "body" {
			return f.Required
		}
	}
	return false
}
