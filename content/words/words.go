// Package words names the words of the site's interface: the labels,
// buttons, headings, notices and messages that belong to no one page. Their
// text is content, in site.json's "words"; code names each by a Key, so a
// misspelt key is a compile error, and a word missing from content, or one
// whose {placeholders} differ from what the code fills in, is an error when
// content loads (Check).
//
// The package is a leaf that the WebAssembly carries: components read the
// words from the site data the server sends.
package words

import (
	"slices"
	"strings"
	"sync/atomic"

	"github.com/tidwall/gjson"
)

// Key names one word: its path in site.json's "words" ("search.button").
type Key string

// Def is one word's definition: its key, the placeholders its text must
// hold, each once ("{count}"), and whether the text may hold inline
// markup (links, emphasis), which only the server renders.
type Def struct {
	Key    Key
	Holds  []string
	Inline bool
}

// Words is the site's words, read from its site data.
type Words struct{ t *table }

// table is the words of one site data, read once.
type table struct {
	raw   string // the site data they were read from
	words map[Key]string
}

// last is the table Of read last: a render asks for the words of the same
// site data many times (every component), and scanning the site's JSON
// for each word would cost a page some 150 µs.
var last atomic.Pointer[table]

// Of reads the words of a site's data (site.json, or what the server sends
// of it), once for each site data.
func Of(site gjson.Result) Words {
	// No site data yet (a server render's first pass, before the page is
	// given it): no words, and the table of the site's stays kept.
	if site.Raw == "" {
		return Words{}
	}
	if t := last.Load(); t != nil && t.raw == site.Raw {
		return Words{t}
	}
	// One pass over the words' groups: a path lookup for each word would
	// scan the JSON again each time (some 25 ms on a slow phone).
	t := &table{raw: site.Raw, words: make(map[Key]string, len(All))}
	site.Get("words").ForEach(func(group, words gjson.Result) bool {
		words.ForEach(func(name, text gjson.Result) bool {
			if text.Type == gjson.String {
				t.words[Key(group.String()+"."+name.String())] = text.String()
			}
			return true
		})
		return true
	})
	last.Store(t)
	return Words{t}
}

// Get returns the text of k; "" when the site has none (Check makes that
// an error in content).
func (w Words) Get(k Key) string {
	if w.t == nil {
		return ""
	}
	return w.t.words[k]
}

// Split cuts a key into its group and its name ("search", "button").
func (k Key) Split() (group, name string) {
	group, name, _ = strings.Cut(string(k), ".")
	return group, name
}

// Shape is a words table in site.json's shape, group by group, with the
// text text gives each word.
func Shape(text func(Def) string) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, d := range All {
		group, name := d.Key.Split()
		if out[group] == nil {
			out[group] = map[string]string{}
		}
		out[group][name] = text(d)
	}
	return out
}

// Fill returns the text of k with its placeholders filled in: pairs are
// name, value, name, value… ("count", "3").
func (w Words) Fill(k Key, pairs ...string) string {
	s := w.Get(k)
	for i := 0; i+1 < len(pairs); i += 2 {
		s = strings.Replace(s, "{"+pairs[i]+"}", pairs[i+1], 1)
	}
	return s
}

// Split cuts the text of k around its placeholder name, for words whose
// placeholder is not text but an element (a link, a code span).
func (w Words) Split(k Key, name string) (before, after string) {
	before, after, _ = strings.Cut(w.Get(k), "{"+name+"}")
	return before, after
}

// Problem is one thing wrong with a site's words.
type Problem struct {
	Key     Key
	Message string
}

// Check reports the words of a site (site.json's "words") whose
// {placeholders} differ from what the code fills in. Which words there
// must be, and that each is text, is the content schema's to check: it
// makes site.json's "words" from All.
func Check(words gjson.Result) []Problem {
	var out []Problem
	for _, d := range All {
		v := words.Get(string(d.Key))
		if v.Type != gjson.String {
			continue
		}
		if msg := checkHolds(v.String(), d.Holds); msg != "" {
			out = append(out, Problem{d.Key, msg})
		}
	}
	return out
}

// checkHolds says what is wrong with the placeholders in text, or "".
func checkHolds(text string, holds []string) string {
	var found []string
	for rest := text; ; {
		i := strings.IndexByte(rest, '{')
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return "has a { without a }"
		}
		found = append(found, rest[i+1:i+j])
		rest = rest[i+j+1:]
	}
	slices.Sort(found)
	if slices.Equal(found, slices.Sorted(slices.Values(holds))) {
		return ""
	}
	if len(holds) == 0 {
		return "must hold no {placeholders}"
	}
	return "must hold " + braces(holds) + ", each once"
}

func braces(names []string) string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = "{" + n + "}"
	}
	return strings.Join(out, " and ")
}
