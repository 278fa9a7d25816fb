package words_test

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

var site = gjson.Parse(`{"words": {"page": {"notFound": "No page at {path}.", "lastEdited": "Edited {date}"},
  "catalogue": {"countSome": "{shown} of {all}"}}}`)

func TestFillAndSplit(t *testing.T) {
	w := words.Of(site)
	if got := w.Fill(words.CountSome, "all", "9", "shown", "3"); got != "3 of 9" {
		t.Errorf("Fill = %q", got)
	}
	if before, after := w.Split(words.NotFound, "path"); before != "No page at " || after != "." {
		t.Errorf("Split = %q, %q", before, after)
	}
	if got := w.Get(words.Menu); got != "" {
		t.Errorf("a word the site lacks = %q", got)
	}
}

// Check holds each word to its Def's placeholders, in any order; which
// words there must be is the schema's.
func TestCheck(t *testing.T) {
	good := gjson.Parse(`{"catalogue": {"countSome": "{all} in all, {shown} shown"}, "page": {"notFound": "No page at {path}."}}`)
	if ps := words.Check(good); len(ps) != 0 {
		t.Errorf("good words: %v", ps)
	}
	for raw, want := range map[string]string{
		`{"page": {"notFound": "No page."}}`:                  "must hold {path}",
		`{"page": {"notFound": "No page at {path} {path}."}}`: "each once",
		`{"page": {"notFound": "No page at {page}."}}`:        "must hold {path}",
		`{"page": {"skipLink": "Skip to {main}"}}`:            "no {placeholders}",
		`{"page": {"notFound": "No page at {path."}}`:         "a { without a }",
		`{"catalogue": {"countSome": "{shown} of services"}}`: "{shown} and {all}",
	} {
		ps := words.Check(gjson.Parse(raw))
		if len(ps) != 1 || !strings.Contains(ps[0].Message, want) {
			t.Errorf("%s: %v, want one saying %q", raw, ps, want)
		}
	}
}

// Every key is defined once, in the form "group.name".
func TestKeys(t *testing.T) {
	seen := map[words.Key]bool{}
	for _, d := range words.All {
		if seen[d.Key] {
			t.Errorf("%s is defined twice", d.Key)
		}
		seen[d.Key] = true
		if g, n, ok := strings.Cut(string(d.Key), "."); !ok || g == "" || n == "" || strings.Contains(n, ".") {
			t.Errorf("%s is not group.name", d.Key)
		}
	}
}

// A server render's first pass has no site data yet, the next the site's:
// taking turns reads the site's words only once (a read allocates the
// table), and the pass without site data has none.
func TestOfKeepsTheSitesWordsBetweenRenders(t *testing.T) {
	words.Of(site)
	allocs := testing.AllocsPerRun(100, func() {
		words.Of(gjson.Result{})
		words.Of(site)
	})
	if allocs != 0 {
		t.Errorf("a pass without site data, then the site, allocates %v times a turn: the site's words are read again", allocs)
	}
	if a, b := words.Of(gjson.Result{}).Get(words.NotFound), words.Of(site).Get(words.NotFound); a != "" || b != "No page at {path}." {
		t.Errorf("words without site data %q, with it %q", a, b)
	}
}
