package content

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one thing wrong with the content: which file, which field (as a
// JSON path such as $.sections.about[2].level) and what is wrong.
type Problem struct {
	File    string
	Field   string
	Message string
}

func (p Problem) String() string {
	if p.Field == "" {
		return p.File + ": " + p.Message
	}
	return p.File + ": " + p.Field + ": " + p.Message
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
		return ps[i].Field < ps[j].Field
	})
	return ps
}
