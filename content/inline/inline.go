// Package inline parses the small inline markup of content text: [link
// text](href), *emphasis* and **strong**, with backslash escapes, as the
// Markdown reader writes it. The server alone reads it: the validator
// checks it, and HTML makes what the page data sends to the browser.
package inline

import (
	"fmt"
	"html"
	"strings"

	"nhsdigital/content/pagetype"
)

// Kind says what a Node is.
type Kind int

const (
	Text Kind = iota
	Link
	Emphasis
	Strong
)

// Node is one piece of parsed inline text.
type Node struct {
	Kind     Kind
	Text     string // Text nodes and the text of links
	Href     string // Link nodes
	Children []Node // Emphasis and Strong nodes
}

// Parse reads s and returns its nodes. On malformed markup it returns the
// nodes read so far, with the rest as plain text, and an error saying what is
// wrong, so a renderer can still show something sensible.
func Parse(s string) ([]Node, error) {
	p := parser{src: s}
	nodes := p.parse("")
	if p.err != nil {
		return []Node{{Kind: Text, Text: Plain(s)}}, p.err
	}
	return nodes, nil
}

// HTML is s as HTML: its text escaped, its links as the site writes them
// (pagetype.LinkHTML), emphasis as <em> and <strong>.
func HTML(s string) string {
	nodes, _ := Parse(s)
	var b strings.Builder
	writeHTML(&b, nodes)
	return b.String()
}

func writeHTML(b *strings.Builder, nodes []Node) {
	for _, n := range nodes {
		switch n.Kind {
		case Text:
			b.WriteString(html.EscapeString(n.Text))
		case Link:
			b.WriteString(pagetype.LinkHTML(n.Href, n.Text))
		case Emphasis:
			b.WriteString("<em>")
			writeHTML(b, n.Children)
			b.WriteString("</em>")
		case Strong:
			b.WriteString("<strong>")
			writeHTML(b, n.Children)
			b.WriteString("</strong>")
		}
	}
}

// Plain returns s with the markup removed: link text stays, hrefs go.
func Plain(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\' && i+1 < len(s):
			i++
			b.WriteByte(s[i])
		case c == '*':
		case c == '[':
		case c == ']' && i+1 < len(s) && s[i+1] == '(':
			end := strings.IndexByte(s[i:], ')')
			if end < 0 {
				b.WriteString(s[i:])
				return b.String()
			}
			i += end
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// Links returns the hrefs of every link in s.
func Links(s string) []string {
	nodes, _ := Parse(s)
	var out []string
	var walk func([]Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			if n.Kind == Link {
				out = append(out, n.Href)
			}
			walk(n.Children)
		}
	}
	walk(nodes)
	return out
}

type parser struct {
	src   string
	pos   int
	err   error
	links []span // where each link is in src, in order
}

// span is the place of one link in the source: src[start:end].
type span struct {
	start, end int
	label      string
	href       string
}

// Unlink returns s with every link whose href drop reports true replaced
// by its text, which stays as it reads; everything else is unchanged.
// Malformed markup is returned as it is (it renders as plain text anyway).
func Unlink(s string, drop func(href string) bool) string {
	p := parser{src: s}
	p.parse("")
	if p.err != nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, l := range p.links {
		if !drop(l.href) {
			continue
		}
		b.WriteString(s[last:l.start])
		b.WriteString(escape(l.label))
		last = l.end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// escape makes literal text of s: markup characters get a backslash.
func escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "[", `\[`, "]", `\]`).Replace(s)
}

func (p *parser) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf(format, args...)
	}
}

// parse reads nodes until the closing marker (or the end when close is "").
func (p *parser) parse(close string) []Node {
	var nodes []Node
	var text strings.Builder
	flush := func() {
		if text.Len() > 0 {
			nodes = append(nodes, Node{Kind: Text, Text: text.String()})
			text.Reset()
		}
	}
	for p.pos < len(p.src) && p.err == nil {
		rest := p.src[p.pos:]
		switch {
		case rest[0] == '\\' && len(rest) > 1:
			text.WriteByte(rest[1])
			p.pos += 2
		case close != "" && strings.HasPrefix(rest, close) && (close != "*" || !strings.HasPrefix(rest, "**") || close == "**"):
			p.pos += len(close)
			flush()
			return nodes
		case strings.HasPrefix(rest, "**"):
			flush()
			start := p.pos
			p.pos += 2
			children := p.parse("**")
			if p.err == nil && p.pos > len(p.src) || (p.err == nil && !strings.HasSuffix(p.src[:p.pos], "**")) {
				p.fail("unclosed ** (strong) starting at character %d", start+1)
			}
			if len(children) == 0 && p.err == nil {
				p.fail("empty ** ** at character %d", start+1)
			}
			nodes = append(nodes, Node{Kind: Strong, Children: children})
		case rest[0] == '*':
			flush()
			start := p.pos
			p.pos++
			children := p.parse("*")
			if p.err == nil && (p.pos == start+1 || p.src[p.pos-1] != '*') {
				p.fail("unclosed * (emphasis) starting at character %d", start+1)
			}
			if len(children) == 0 && p.err == nil {
				p.fail("empty * * at character %d", start+1)
			}
			nodes = append(nodes, Node{Kind: Emphasis, Children: children})
		case rest[0] == '[':
			flush()
			mid := strings.Index(rest, "](")
			if mid < 0 {
				p.fail("'[' at character %d starts a link but has no '](href)'", p.pos+1)
				break
			}
			end := strings.IndexByte(rest[mid:], ')')
			if end < 0 {
				p.fail("link at character %d has no closing ')'", p.pos+1)
				break
			}
			label := rest[1:mid]
			href := rest[mid+2 : mid+end]
			if strings.TrimSpace(label) == "" {
				p.fail("link at character %d has no text", p.pos+1)
			}
			if href == "" || strings.ContainsAny(href, " \t\n") {
				p.fail("link at character %d has an empty href or one with spaces: %q", p.pos+1, href)
			}
			nodes = append(nodes, Node{Kind: Link, Text: label, Href: href})
			p.links = append(p.links, span{start: p.pos, end: p.pos + mid + end + 1, label: label, href: href})
			p.pos += mid + end + 1
		default:
			// Up to the next byte another case may take: each of them
			// starts with one of these (a close marker with *), but for a
			// backslash at the very end, which is text.
			n := strings.IndexAny(rest[1:], "\\*[") + 1
			if n == 0 {
				n = len(rest)
			}
			text.WriteString(rest[:n])
			p.pos += n
		}
	}
	if close != "" && p.err == nil {
		p.fail("unclosed %s", close)
	}
	flush()
	return nodes
}
