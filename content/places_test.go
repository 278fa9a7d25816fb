package content

import (
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// flatten is every place of ps in one map, each block's under its full
// path: what places stand for.
func flatten(ps *places) positions {
	all := positions{}
	for k, at := range ps.flat {
		all[k] = at
	}
	for list, blocks := range ps.lists {
		for i, b := range blocks {
			for k, at := range b {
				all[indexed(list, i)+k] = at
			}
		}
	}
	return all
}

// Finding a field's place in a block's own map gives what the map of
// every place gives, for every field of every page of the site (each
// type and block is among them) and for fields that are not there (a
// deeper field, another index, a link's number).
func TestPlacesAreEveryPlace(t *testing.T) {
	pages, lists, keys := 0, 0, 0
	eachSitePage(t, func(p string, data []byte) {
		raw, ps, problems := parseMarkdown(data)
		if len(problems) > 0 {
			t.Errorf("%s: %v", p, problems)
			return
		}
		pages++
		lists += len(ps.lists)
		all := flatten(ps)
		for k := range all {
			for _, f := range []string{k, k + ".text", k + "[7]", k + "#2", k + ".items[0].href#1", k + "[x]"} {
				keys++
				if got, want := ps.of(f), all.of(f); got != want {
					t.Errorf("%s: %s at %v, want %v", p, f, got, want)
				}
			}
		}
		for list, blocks := range ps.lists {
			// Each list is a field of the document, with a block for
			// each of its items.
			if n := len(gjson.GetBytes(raw, strings.TrimPrefix(list, "$.")).Array()); n != len(blocks) || !strings.HasPrefix(list, "$.") {
				t.Errorf("%s: %d places for %s, which has %d items", p, len(blocks), list, n)
			}
			for _, f := range []string{indexed(list, len(blocks)), indexed(list, -1), list + "[01]"} {
				if got, want := ps.of(f), all.of(f); got != want {
					t.Errorf("%s: %s at %v, want %v", p, f, got, want)
				}
			}
		}
	})
	if pages < 50 || lists < pages/2 {
		t.Errorf("%d pages with %d lists of blocks: the site's pages were not read", pages, lists)
	}
	t.Logf("%d pages, %d lists, %d fields", pages, lists, keys)
}
