package content

import (
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
)

// Problem is one thing wrong with the content: which file, where in it,
// which field (as a JSON path such as $.sections.about[2].level) and what
// is wrong.
type Problem struct {
	File    string
	Line    int // from 1; 0 when the place is not known (site.json)
	Col     int // from 1, in characters
	Field   string
	Message string
	Snippet string // the line at Line, as the file has it
}

// Where is the file, and its line and column when known:
// pages/blog/x.md:14:7.
func (p Problem) Where() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Label names the field for the editor: a front matter field by its name
// (authors[0].role); in the body the line and column say enough. Without
// a line, the JSON path.
func (p Problem) Label() string {
	if p.Line == 0 {
		return p.Field
	}
	for _, b := range []string{"$.body", "$.sections", "$.keyFacts", "$.resources"} {
		if strings.HasPrefix(p.Field, b) {
			return ""
		}
	}
	if p.Field == "$" {
		return ""
	}
	return strings.TrimPrefix(p.Field, "$.")
}

func (p Problem) String() string {
	if l := p.Label(); l != "" {
		return p.Where() + ": " + l + ": " + p.Message
	}
	return p.Where() + ": " + p.Message
}

// Problems is every problem found in one load, reported together.
type Problems []Problem

func (ps Problems) Error() string {
	return fmt.Sprintf("%d problem(s) in the content; fix them and start again:\n", len(ps)) + ps.Lines()
}

// Lines lists the problems, one indented line each.
func (ps Problems) Lines() string {
	var b strings.Builder
	for _, p := range ps {
		b.WriteString("  ")
		b.WriteString(p.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func (ps Problems) sorted() Problems {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].File != ps[j].File {
			return ps[i].File < ps[j].File
		}
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Field < ps[j].Field
	})
	return ps
}

// withSnippets adds to each problem with a line the text of that line,
// read again from its file (problems are few; files are many, so their
// text is not kept).
func withSnippets(fsys fs.FS, ps Problems) Problems {
	files := map[string][]byte{}
	for i, p := range ps {
		if p.Line == 0 || p.Snippet != "" || fsys == nil {
			continue
		}
		data, ok := files[p.File]
		if !ok {
			data, _ = readRegular(fsys, p.File)
			files[p.File] = data
		}
		ps[i].Snippet = lineText(data, p.Line)
	}
	return ps
}

// indexed is the path of item i of the list at path p: p[i]. Checking a
// page names every item it looks at, thousands a page at the original's
// scale, which fmt.Sprintf made a few per cent of a load.
func indexed(p string, i int) string { return p + "[" + strconv.Itoa(i) + "]" }

// numbered is the key of the nth link in field: field#n.
func numbered(field string, n int) string { return field + "#" + strconv.Itoa(n) }
