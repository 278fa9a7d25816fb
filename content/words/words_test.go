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

// A server renders for more than one site data at once: Of keeps the
// words of each, so that taking turns reads neither again (a read
// allocates the table), and each keeps its own words.
func TestOfKeepsSeveralSites(t *testing.T) {
	other := gjson.Parse(`{"words": {"page": {"notFound": "Nothing at {path}."}}}`)
	words.Of(site)
	words.Of(other)
	allocs := testing.AllocsPerRun(100, func() {
		words.Of(site)
		words.Of(other)
	})
	if allocs != 0 {
		t.Errorf("taking turns between two sites allocates %v times a turn: their words are read again", allocs)
	}
	if a, b := words.Of(site).Get(words.NotFound), words.Of(other).Get(words.NotFound); a != "No page at {path}." || b != "Nothing at {path}." {
		t.Errorf("the sites' words are mixed up: %q, %q", a, b)
	}
}
