package content

import (
	"bytes"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// quickYAML reads front matter written in the plain form that nearly every
// page uses into the node tree go.yaml.in/yaml/v3 makes of it, at a small
// part of the cost (YAML was a sixth of the CPU of checking 20,000 pages):
//
//	key: a one-line value, plain, 'single-quoted' or "double-quoted"
//	key:
//	  - a one-line value
//	  - another
//
// Its keys start at the first column; a list's items all start at the
// same column. It returns false for anything else (an empty line, a
// comment, a tab, a value over two lines, a nested field, flow style,
// anchors, tags, an escape in double quotes, a value that could end
// with a mapping's ": "), which yaml.v3 then reads and, where it is
// wrong, reports at its line. A scalar's tag is left for
// yaml.Node.ShortTag to resolve by yaml.v3's own rules, as its parser
// does. TestQuickYAMLIsYAML checks that every tree it makes is the one
// yaml.v3 makes.
func quickYAML(fm []byte) (*yaml.Node, bool) {
	if !quickText(fm) {
		return nil, false
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
	var seq *yaml.Node // the list a "key:" opened
	seqCol := 0        // the column of its items' "-"
	line := 0
	for off := 0; off < len(fm); {
		end := bytes.IndexByte(fm[off:], '\n')
		if end < 0 {
			end = len(fm)
		} else {
			end += off
		}
		text := fm[off:end]
		off = end + 1
		line++
		indent := 0
		for indent < len(text) && text[indent] == ' ' {
			indent++
		}
		rest := text[indent:]
		if len(rest) == 0 {
			return nil, false
		}
		if rest[0] == '-' {
			if seq == nil || len(rest) < 3 || rest[1] != ' ' {
				return nil, false
			}
			if len(seq.Content) == 0 {
				seqCol = indent + 1
				seq.Line, seq.Column = line, seqCol
			} else if indent+1 != seqCol {
				return nil, false
			}
			v, col := skipSpaces(rest[2:], indent+3)
			n, ok := quickScalar(v, line, col)
			if !ok {
				return nil, false
			}
			seq.Content = append(seq.Content, n)
			continue
		}
		if indent != 0 || (seq != nil && len(seq.Content) == 0) {
			return nil, false
		}
		seq = nil
		k := 0
		for k < len(rest) && (isLetter(rest[k]) || k > 0 && (isDigit(rest[k]) || rest[k] == '_' || rest[k] == '-')) {
			k++
		}
		if k == 0 || k == len(rest) || rest[k] != ':' {
			return nil, false
		}
		key := &yaml.Node{Kind: yaml.ScalarNode, Value: string(rest[:k]), Line: line, Column: 1}
		if len(root.Content) == 0 {
			root.Line, root.Column = line, 1
		}
		if k+1 == len(rest) {
			seq = &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			root.Content = append(root.Content, key, seq)
			continue
		}
		if rest[k+1] != ' ' {
			return nil, false
		}
		v, col := skipSpaces(rest[k+2:], k+3)
		n, ok := quickScalar(v, line, col)
		if !ok {
			return nil, false
		}
		root.Content = append(root.Content, key, n)
	}
	if len(root.Content) == 0 || seq != nil && len(seq.Content) == 0 {
		return nil, false
	}
	return root, true
}

// quickText says whether fm has only what quickYAML reads: UTF-8 that YAML
// prints as it is, one line break (\n), no tab.
func quickText(fm []byte) bool {
	for i := 0; i < len(fm); {
		c := fm[i]
		if c < utf8.RuneSelf {
			if (c < ' ' && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(fm[i:])
		if r == utf8.RuneError || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

func skipSpaces(b []byte, col int) ([]byte, int) {
	for len(b) > 0 && b[0] == ' ' {
		b, col = b[1:], col+1
	}
	return b, col
}

// quickScalar reads a one-line value that starts at column col, or says
// it is not one quickYAML reads.
func quickScalar(v []byte, line, col int) (*yaml.Node, bool) {
	v = bytes.TrimRight(v, " ")
	if len(v) == 0 {
		return nil, false
	}
	n := &yaml.Node{Kind: yaml.ScalarNode, Line: line, Column: col}
	switch c := v[0]; {
	case c == '\'':
		var b []byte
		for i := 1; i < len(v); i++ {
			if v[i] != '\'' {
				b = append(b, v[i])
				continue
			}
			if i+1 < len(v) && v[i+1] == '\'' {
				b = append(b, '\'')
				i++
				continue
			}
			if i+1 != len(v) {
				return nil, false
			}
			n.Style, n.Value = yaml.SingleQuotedStyle, string(b)
			return n, true
		}
		return nil, false
	case c == '"':
		i := bytes.IndexAny(v[1:], "\"\\")
		if i < 0 || v[1+i] != '"' || 2+i != len(v) {
			return nil, false
		}
		n.Style, n.Value = yaml.DoubleQuotedStyle, string(v[1:1+i])
		return n, true
	case isLetter(c) || isDigit(c) || c == '/':
		if v[len(v)-1] == ':' || bytes.Contains(v, []byte(": ")) || bytes.Contains(v, []byte(" #")) {
			return nil, false
		}
		n.Value = string(v)
		return n, true
	}
	return nil, false
}

func isLetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
