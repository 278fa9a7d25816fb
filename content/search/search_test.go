//go:build !wasm

package search_test

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"nhsdigital/content"
	"nhsdigital/content/search"
)

func realIndex(t testing.TB) *search.Built {
	t.Helper()
	store, err := content.Load(os.DirFS(".."), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := search.Build(store.SearchDocs())
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func query(s string) search.Query {
	v, _ := url.ParseQuery(s)
	return search.ParseQuery(v)
}

// doc is document i as a result shows it: its fragment.
func doc(b *search.Built, i uint32) search.Fragment {
	f, err := search.DecodeFragment(b.Fragments[i])
	if err != nil {
		panic(err)
	}
	return f
}

func first(b *search.Built, r *search.Result) string {
	if len(r.Hits) == 0 {
		return ""
	}
	return doc(b, r.Hits[0]).Path
}

// TestRelevance checks that the obvious service ranks first for its name
// and its common short names, on the real content.
func TestRelevance(t *testing.T) {
	b := realIndex(t)
	for q, want := range map[string]string{
		"spine":                           "/services/spine",
		"nhs app":                         "/services/nhs-app",
		"NHS App":                         "/services/nhs-app",
		"111 online":                      "/services/nhs-111-online",
		"nhsmail":                         "/services/nhsmail",
		"electronic prescription service": "/services/electronic-prescription-service",
		"eps":                             "/services/electronic-prescription-service",
		"summary care records":            "/services/summary-care-records-scr",
		"scr":                             "/services/summary-care-records-scr",
		"e-referral":                      "/services/e-referral-service",
		"nhs login":                       "/services/nhs-login",
		"register with a gp":              "/services/register-with-a-gp-surgery",
		"digitrials":                      "/services/nhs-digitrials",
		"secure data environment":         "/services/secure-data-environment",
		"gp connect":                      "/services/gp-connect",
		"pds":                             "/services/personal-demographics-service",
		"dspt":                            "/services/data-security-and-protection-toolkit",
		"hscn":                            "/services/health-and-social-care-network",
		"recorded dementia diagnoses":     "/data-and-information/publications/statistical/recorded-dementia-diagnoses",
	} {
		r := b.Index.Search(query("q=" + url.QueryEscape(q) + "+"))
		if got := first(b, r); got != want {
			t.Errorf("%q: first is %s, want %s", q, got, want)
		}
	}
}

func TestPrefixTypoAndSuggestion(t *testing.T) {
	b := realIndex(t)
	if got := first(b, b.Index.Search(query("q=prescrip"))); got != "/services/electronic-prescription-service" {
		t.Errorf("prefix: first is %s", got)
	}
	if r := b.Index.Search(query("q=dementai+")); r.Total == 0 {
		t.Error("one typo (swapped letters) found nothing")
	}
	if r := b.Index.Search(query("q=prescriptoin+")); r.Total == 0 {
		t.Error("one typo found nothing")
	}
	r := b.Index.Search(query("q=demantia+diagnoses+"))
	if r.Suggestion != "" && !strings.Contains(r.Suggestion, "dementia") {
		t.Errorf("suggestion %q", r.Suggestion)
	}
	r = b.Index.Search(query("q=zzzzqqq"))
	if r.Total != 0 || len(r.Hits) != 0 {
		t.Errorf("nonsense found %d", r.Total)
	}
}

func TestFoldingAndCase(t *testing.T) {
	b := realIndex(t)
	a := b.Index.Search(query("q=SPINE+"))
	c := b.Index.Search(query("q=spíne+"))
	if a.Total == 0 || a.Total != c.Total {
		t.Errorf("case/accents: %d vs %d", a.Total, c.Total)
	}
}

func TestFacetsSortPagingScopes(t *testing.T) {
	b := realIndex(t)
	all := b.Index.Search(query(""))
	if all.Total != len(b.Fragments) || len(all.Hits) != search.PerPage {
		t.Fatalf("empty query: %d of %d, %d on the page", all.Total, len(b.Fragments), len(all.Hits))
	}
	// Empty query lists by date, newest first.
	for i := 1; i < len(all.Hits); i++ {
		if doc(b, all.Hits[i]).Date > doc(b, all.Hits[i-1]).Date {
			t.Fatal("empty query is not in date order")
		}
	}
	// Facet counts add up and reflect other selections.
	count := func(r *search.Result, key, value string) int {
		for _, f := range r.Facets {
			if f.Key == key {
				for _, v := range f.Values {
					if v.Value == value {
						return v.Count
					}
				}
			}
		}
		return 0
	}
	services := count(all, "type", "Service")
	r := b.Index.Search(query("type=Service"))
	if r.Total != services || services < 15 {
		t.Errorf("type=Service gives %d, count said %d", r.Total, services)
	}
	// Within a facet, values stay countable after one is chosen (OR).
	if count(r, "type", "Blog") == 0 {
		t.Error("choosing a type hid the other types' counts")
	}
	// Another facet's counts follow the selection.
	pubs := b.Index.Search(query("type=Publication"))
	if count(pubs, "info", "Official statistics") == 0 || count(pubs, "info", "Official statistics") > pubs.Total {
		t.Error("information type counts do not follow the type filter")
	}
	// Two values of one facet: OR.
	both := b.Index.Search(query("type=Service&type=Blog"))
	if both.Total != services+count(all, "type", "Blog") {
		t.Errorf("Service or Blog: %d", both.Total)
	}
	// Scope.
	sc := b.Index.Search(query("scope=services"))
	for _, d := range sc.Hits {
		if !strings.HasPrefix(doc(b, d).Path, "/services") {
			t.Errorf("services scope holds %s", doc(b, d).Path)
		}
	}
	// Sort by date with a query.
	byDate := b.Index.Search(query("q=data&sort=date"))
	for i := 1; i < len(byDate.Hits); i++ {
		if doc(b, byDate.Hits[i]).Date > doc(b, byDate.Hits[i-1]).Date {
			t.Fatal("sort=date is not in date order")
		}
	}
	// Paging, and pages out of range.
	p2 := b.Index.Search(query("page=2"))
	if p2.Page != 2 || p2.Hits[0] != uint32(search.PerPage) {
		t.Errorf("page 2 starts at %d", p2.Hits[0])
	}
	if r := b.Index.Search(query("page=9999")); r.Page != r.Pages || len(r.Hits) == 0 {
		t.Errorf("page past the end: page %d of %d", r.Page, r.Pages)
	}
	for _, bad := range []string{"page=-3", "page=abc", "page=1e9", "type=Nonsense", "scope=bogus", "sort=%00"} {
		if r := b.Index.Search(query(bad)); r.Page < 1 || r.Pages < 1 {
			t.Errorf("%s: page %d of %d", bad, r.Page, r.Pages)
		}
	}
	if r := b.Index.Search(query("type=Nonsense")); r.Total != 0 {
		t.Errorf("an unknown facet value should match nothing, got %d", r.Total)
	}
}

func TestShardedIndexGivesTheSameAnswers(t *testing.T) {
	b := realIndex(t)
	meta, err := search.DecodeMeta(b.Meta)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"q=spine+", "q=nhs+ap", "q=dementai+", "q=data&type=Publication", "q=&sort=date&page=2", "q=care+records"} {
		ix := search.NewIndex(*meta)
		for _, need := range []func(search.Query) []int{ix.ShardsFor, ix.TypoShardsFor} {
			for _, s := range need(query(q)) {
				if err := ix.AddShard(s, b.Shards[s]); err != nil {
					t.Fatal(err)
				}
			}
		}
		got, want := ix.Search(query(q)), b.Index.Search(query(q))
		if got.Total != want.Total || len(got.Hits) != len(want.Hits) {
			t.Errorf("%s: sharded %d, full %d", q, got.Total, want.Total)
			continue
		}
		for i := range got.Hits {
			if got.Hits[i] != want.Hits[i] {
				t.Errorf("%s: hit %d differs", q, i)
			}
		}
	}
}

func TestExcerptMarks(t *testing.T) {
	segs := search.Excerpt("Spine links more than 20,000 organisations. Registering with a GP is easier.", []string{search.Stem("register")}, "")
	var marked []string
	for _, s := range segs {
		if s.Mark {
			marked = append(marked, s.Text)
		}
	}
	if len(marked) != 1 || marked[0] != "Registering" {
		t.Errorf("marked %q", marked)
	}
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"q=spine", "q=%3Cscript%3E&page=2&type=Blog", "page=-1&sort=date&scope=data", "q=" + strings.Repeat("é", 300)} {
		f.Add(s)
	}
	b := realIndex(f)
	f.Fuzz(func(t *testing.T, raw string) {
		v, _ := url.ParseQuery(raw)
		q := search.ParseQuery(v)
		if len(q.Text) > search.MaxQueryLength || q.Page < 1 {
			t.Fatalf("limits broken: %d bytes, page %d", len(q.Text), q.Page)
		}
		r := b.Index.Search(q)
		if r.Page < 1 || r.Page > r.Pages || len(r.Hits) > search.PerPage {
			t.Fatalf("bad result paging: %d of %d, %d hits", r.Page, r.Pages, len(r.Hits))
		}
		again := search.ParseQuery(q.Values())
		if again.Text != strings.TrimSpace(q.Text) || again.Page != q.Page || again.Sort != q.Sort || again.Scope != q.Scope {
			t.Fatalf("query does not survive a round trip: %+v vs %+v", q, again)
		}
	})
}
