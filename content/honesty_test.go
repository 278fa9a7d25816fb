package content

import (
	"fmt"
	"math"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"github.com/tidwall/gjson"
)

// These tests read the content that ships (the embedded tree) and catch two
// kinds of page that cannot be true: a table whose rows do not add up to
// the total it prints, and a download that leads nowhere.

// tablesIn returns every table block in a page, wherever it sits (body,
// service sections, any other list of blocks).
func tablesIn(v gjson.Result) []gjson.Result {
	var out []gjson.Result
	var walk func(gjson.Result)
	walk = func(v gjson.Result) {
		switch {
		case v.IsObject():
			if v.Get("type").String() == "table" && v.Get("rows").IsArray() {
				out = append(out, v)
			}
			v.ForEach(func(_, c gjson.Result) bool { walk(c); return true })
		case v.IsArray():
			v.ForEach(func(_, c gjson.Result) bool { walk(c); return true })
		}
	}
	walk(v)
	return out
}

// plainCell strips inline emphasis and spaces from a table cell.
func plainCell(s string) string {
	return strings.TrimSpace(strings.NewReplacer("**", "", "*", "").Replace(s))
}

// isTotalRow reports whether a row is a table's total: its first cell says
// so ("Total", "All ages", "England", "All regions"...).
func isTotalRow(row []gjson.Result) bool {
	if len(row) == 0 {
		return false
	}
	first := strings.ToLower(plainCell(row[0].String()))
	return first == "total" || strings.HasPrefix(first, "total ") || strings.HasPrefix(first, "all ") ||
		first == "all" || first == "england"
}

// count parses a cell as a whole count ("12,345"); percentages, rates and
// text are not counts.
func count(s string) (float64, bool) {
	c := strings.ReplaceAll(plainCell(s), ",", "")
	if c == "" || strings.ContainsAny(c, "%£") {
		return 0, false
	}
	f, err := strconv.ParseFloat(c, 64)
	return f, err == nil
}

// tableTotalErrors checks, for every column of counts, that the rows above
// a total row add up to it. A caption that says the figures are rounded
// allows each row to be out by half the rounding step (100 unless stated).
func tableTotalErrors(table gjson.Result) []string {
	var errs []string
	caption := table.Get("caption").String()
	rows := table.Get("rows").Array()
	slack := 0.0
	if strings.Contains(strings.ToLower(caption), "rounded") {
		slack = 50
	}
	start := 0
	for i, r := range rows {
		cells := r.Array()
		if !isTotalRow(cells) {
			continue
		}
		for col := 1; col < len(cells); col++ {
			total, ok := count(cells[col].String())
			if !ok {
				continue
			}
			sum, n, all := 0.0, 0, true
			for _, above := range rows[start:i] {
				ac := above.Array()
				if col >= len(ac) {
					all = false
					break
				}
				v, ok := count(ac[col].String())
				if !ok {
					all = false
					break
				}
				sum += v
				n++
			}
			if !all || n == 0 {
				continue
			}
			if math.Abs(sum-total) > slack*float64(n+1) {
				errs = append(errs, fmt.Sprintf("table %q, column %d: rows add up to %s but the total row says %s",
					caption, col+1, strconv.FormatFloat(sum, 'f', -1, 64), plainCell(cells[col].String())))
			}
		}
		start = i + 1
	}
	return errs
}

func TestTableTotalErrorsCatchesBadSums(t *testing.T) {
	good := gjson.Parse(`{"type": "table", "caption": "c", "head": ["Region", "People", "Rate"],
		"rows": [["North", "1,000", "50%"], ["South", "2,500", "70%"], ["**England**", "**3,500**", "**61%**"]]}`)
	if errs := tableTotalErrors(good); len(errs) > 0 {
		t.Errorf("a table that adds up was reported: %v", errs)
	}
	bad := gjson.Parse(`{"type": "table", "caption": "c", "head": ["Region", "People"],
		"rows": [["North", "1,000"], ["South", "2,500"], ["Total", "3,600"]]}`)
	if errs := tableTotalErrors(bad); len(errs) != 1 {
		t.Errorf("a table whose rows do not add up gave %d errors, want 1: %v", len(errs), errs)
	}
	rounded := gjson.Parse(`{"type": "table", "caption": "People (rounded to the nearest 100)", "head": ["Age", "People"],
		"rows": [["0 to 17", "1,200"], ["18 and over", "2,300"], ["All ages", "3,400"]]}`)
	if errs := tableTotalErrors(rounded); len(errs) > 0 {
		t.Errorf("rounding within half a step per row was reported: %v", errs)
	}
}

func TestRealTablesAddUp(t *testing.T) {
	s := loadEmbedded(t)
	for _, d := range s.Docs() {
		for _, table := range tablesIn(d.JSON()) {
			for _, e := range tableTotalErrors(table) {
				t.Errorf("%s: %s", d.Path, e)
			}
		}
	}
}

// TestResourceLinksHaveRealTargets checks every download and resource link
// (publication resources and the items of "links" blocks): none may point
// back into its own page (a "#resources" link with a made-up file behind it),
// an internal one must reach a page that exists, and an external one must be
// a full https address.
func TestResourceLinksHaveRealTargets(t *testing.T) {
	s := loadEmbedded(t)
	for _, d := range s.Docs() {
		j := d.JSON()
		check := func(where, href string) {
			if problem := resourceHrefProblem(s, d.Path, href); problem != "" {
				t.Errorf("%s: %s %q: %s", d.Path, where, href, problem)
			}
		}
		for i, r := range j.Get("resources").Array() {
			check(fmt.Sprintf("resources[%d]", i), r.Get("href").String())
			if r.Get("size").Exists() && !strings.HasPrefix(r.Get("href").String(), "/") {
				// A size is only believable for a file this site serves itself.
				t.Errorf("%s: resources[%d] gives a size for a file this site does not hold", d.Path, i)
			}
		}
		var walk func(gjson.Result)
		walk = func(v gjson.Result) {
			switch {
			case v.IsObject():
				if v.Get("type").String() == "links" {
					for i, it := range v.Get("items").Array() {
						check(fmt.Sprintf("links %q item %d", v.Get("title").String(), i), it.Get("href").String())
					}
				}
				v.ForEach(func(_, c gjson.Result) bool { walk(c); return true })
			case v.IsArray():
				v.ForEach(func(_, c gjson.Result) bool { walk(c); return true })
			}
		}
		walk(j.Get("body"))
		walk(j.Get("sections"))
	}
}

func resourceHrefProblem(s *Store, own, href string) string {
	if href == "" {
		return "has no target"
	}
	if strings.HasPrefix(href, "#") {
		return "points inside the page"
	}
	u, err := url.Parse(href)
	if err != nil {
		return "is not a valid link"
	}
	switch {
	case strings.HasPrefix(href, "/"):
		if u.Path == own && u.Fragment != "" {
			return "points inside the page"
		}
		if _, ok := s.Doc(u.Path); ok {
			return ""
		}
		if _, ok := s.Alias(u.Path); ok {
			return ""
		}
		if u.Path == "/search" || u.Path == "/cookies" || strings.HasPrefix(u.Path, "/feeds/") {
			return ""
		}
		return "is not a page of this site"
	case u.Scheme == "https" && u.Host != "":
		return ""
	case u.Scheme == "mailto" || u.Scheme == "tel":
		return ""
	}
	return "is neither a page of this site nor a full https address"
}

func loadEmbedded(t *testing.T) *Store {
	t.Helper()
	s, err := Load(Embedded(), Options{})
	if err != nil {
		t.Fatalf("the embedded content does not load:\n%v", err)
	}
	return s
}
