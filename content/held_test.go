package content

import (
	"encoding/json"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// heldTree is the valid tree with pages scheduled for 1 June 2030 at
// 09:00 UTC (10:00 in the UK), whose paths all hold "quokka", and an
// expired one, linked from live pages and site.json in every way the
// content allows.
func heldTree() fstest.MapFS {
	tree := validTree()
	const when = `"published": "2030-06-01T09:00:00Z"`
	scheduled := func(id, typ, path, extra string) *fstest.MapFile {
		return &fstest.MapFile{Data: md(strings.Replace(page(id, typ, path, extra), `"published": "2024-01-02"`, when, 1))}
	}
	tree["pages/quokka-plans.md"] = scheduled("00000000-0000-4000-8000-000000000040", "page", "/quokka-plans", `, "body": []`)
	tree["pages/services/quokka-service.md"] = scheduled("00000000-0000-4000-8000-000000000041", "service", "/services/quokka-service", sections)
	tree["pages/old-notice.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000042", "page", "/old-notice", `, "expires": "2029-01-01", "body": []`))}

	// A live hub that links to them from every kind of block.
	body := `[
	  {"type": "paragraph", "text": "Read [our plans](/quokka-plans), [the notice](/old-notice#top) and [the catalogue](/services)."},
	  {"type": "list", "items": ["[our plans](/quokka-plans?from=list)", "nothing to hide"]},
	  {"type": "callout", "title": "Soon", "text": "See [our plans](/quokka-plans)."},
	  {"type": "table", "caption": "c", "head": ["a", "b"], "rows": [["[our plans](/quokka-plans)", "x"]]},
	  {"type": "links", "title": "Read more", "items": [{"text": "Our plans", "href": "/quokka-plans"}, {"text": "Spine", "href": "/services/spine"}]},
	  {"type": "links", "title": "Only the plans", "items": [{"text": "Our plans", "href": "/quokka-plans"}]},
	  {"type": "contacts", "items": [{"label": "Web", "value": "Our plans", "href": "/quokka-plans"}, {"label": "Email", "value": "a@b.c", "href": "mailto:a@b.c"}]}
	]`
	tree["pages/hub.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000043", "hub", "/hub",
		`, "featured": ["/quokka-plans", "/services/spine", "/old-notice"], "body": `+body))}
	// A live service whose related services include the scheduled one.
	tree["pages/services/spine.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000004", "service", "/services/spine",
		sections+`, "relatedServices": ["/services/quokka-service"]`))}
	// Site settings: navigation, footer and every home page module.
	site := strings.NewReplacer(
		`"navigation": [{"text": "Services", "href": "/services"}]`,
		`"navigation": [{"text": "Services", "href": "/services"}, {"text": "Plans", "href": "/quokka-plans"}]`,
		`"links": [{"text": "Home", "href": "/"}]`,
		`"links": [{"text": "Home", "href": "/"}, {"text": "Plans", "href": "/quokka-plans"}]`,
		`"hero": {"title": "t", "text": "x"}`,
		`"hero": {"title": "t", "text": "x", "link": {"text": "Our plans", "href": "/quokka-plans"}}, "promo": {"title": "Plans", "text": "t", "href": "/quokka-plans"}`,
		`"figures": [{"value": "1", "label": "l", "text": "t"}]`,
		`"figures": [{"value": "1", "label": "l", "text": "t", "link": {"text": "Plans", "href": "/quokka-plans"}}]`,
		`"services": ["/services/spine"]`, `"services": ["/services/spine", "/services/quokka-service"]`,
		`"feature": "/services/spine"`, `"feature": "/quokka-plans"`,
		`"data": ["/services"]`, `"data": ["/services", "/quokka-plans", "/old-notice"]`,
	).Replace(testSite)
	tree["site.json"] = &fstest.MapFile{Data: []byte(site)}
	return tree
}

// heldFields are the references heldTree makes to the scheduled pages.
var heldFields = map[string][]string{
	"pages/hub.md": {"$.body[0].text", "$.body[1].items[0]", "$.body[2].text", "$.body[3].rows[0][0]",
		"$.body[4].items[0].href", "$.body[5].items[0].href", "$.body[6].items[0].href", "$.featured[0]"},
	"pages/services/spine.md": {"$.relatedServices[0]"},
	"site.json": {"$.navigation[1].href", "$.footer.groups[0].links[1].href", "$.home.hero.link.href", "$.home.promo.href",
		"$.home.figures[0].link.href", "$.home.services[1]", "$.home.feature", "$.home.data[1]"},
}

// servedJSON is everything a store gives visitors: the view (page data)
// of every page it serves, the not-found view and the site settings.
func servedJSON(t *testing.T, s *Store) string {
	t.Helper()
	var b strings.Builder
	b.WriteString(s.SiteRaw)
	for _, d := range s.Docs() {
		j, err := json.Marshal(s.ViewOf(d.Path))
		if err != nil {
			t.Fatal(err)
		}
		b.Write(j)
	}
	j, _ := json.Marshal(s.ViewOf("/no-such-page"))
	b.Write(j)
	return b.String()
}

// TestScheduledPagesStayUnlinked checks that a live page's links to pages
// not live yet (inline, cards, related, featured, navigation, footer and
// home modules) are left out of everything the live site serves, and
// reported as warnings that say when they will work; and that at the
// publication time they are back.
func TestScheduledPagesStayUnlinked(t *testing.T) {
	tree := heldTree()
	load := func(now string, preview bool) *Store {
		t.Helper()
		at, _ := time.Parse(time.RFC3339, now)
		s, err := Load(tree, Options{Now: at, Preview: preview})
		if err != nil {
			t.Fatalf("a link to a scheduled page must not stop the content loading:\n%v", err)
		}
		return s
	}

	before := load("2030-06-01T08:59:59Z", false)
	served := servedJSON(t, before)
	if strings.Contains(strings.ToLower(served), "quokka") {
		i := strings.Index(strings.ToLower(served), "quokka")
		t.Errorf("the live site carries a scheduled page's path: …%s…", served[max(0, i-200):min(len(served), i+100)])
	}
	if strings.Contains(served, "/old-notice") {
		t.Error("the live site carries the expired page's path")
	}
	// What is left reads as before, and other links stay.
	hub := before.ViewOf("/hub")
	page := string(hub.Page)
	for _, want := range []string{`Read our plans, the notice and <a class=\"nhsd-link\" href=\"/services\">the catalogue</a>.`, `"our plans"`, `"See our plans."`,
		`"Read more"`, `"/services/spine"`, `mailto:a@b.c`} {
		if !strings.Contains(page, want) {
			t.Errorf("the hub's page data lacks %s:\n%s", want, page)
		}
	}
	if strings.Contains(page, "Only the plans") {
		t.Error("a links block whose every link is held back still shows (an empty list)")
	}
	if len(hub.Cards) != 1 || hub.Cards[0].Path != "/services/spine" {
		t.Errorf("hub cards: %+v", hub.Cards)
	}
	site := before.Site()
	if !site.Get("navigation.0").Exists() || site.Get("navigation.1").Exists() || site.Get("home.hero.link").Exists() ||
		site.Get("home.promo").Exists() || site.Get("home.figures.0.link").Exists() || site.Get("home.feature").Exists() {
		t.Errorf("site settings still hold held links, or lost others: %s", before.SiteRaw)
	}
	if h := before.ViewOf("/").Home; h.Feature != nil || len(h.Services) != 1 || len(h.Data) != 1 {
		t.Errorf("home modules: feature %v, %d services, %d data", h.Feature, len(h.Services), len(h.Data))
	}

	// Each reference is a warning naming its file and field, saying when
	// it will work and that this is looked at again at every reload.
	warned := map[string]string{}
	for _, w := range before.Warnings {
		warned[w.File+" "+w.Field] += w.Message + "\n"
	}
	for file, fields := range heldFields {
		for _, f := range fields {
			msg, ok := warned[file+" "+f]
			if !ok {
				t.Errorf("no warning for %s %s; warnings:\n%s", file, f, before.Warnings.Lines())
				continue
			}
			for _, want := range []string{"scheduled until 1 June 2030 at 10:00 UK time", "leaves this link out", "checked again at every reload"} {
				if !strings.Contains(msg, want) {
					t.Errorf("%s %s: %q lacks %q", file, f, msg, want)
				}
			}
		}
	}
	if msg := warned["pages/hub.md $.featured[2]"]; !strings.Contains(msg, "expired on 1 January 2029 at 00:00 UK time") || !strings.Contains(msg, "leaves this link out") {
		t.Errorf("the link to the expired page: %q", msg)
	}

	// The preview serves every page, links included, and warns the same.
	preview := load("2030-06-01T08:59:59Z", true)
	if p := string(preview.ViewOf("/hub").Page); !strings.Contains(p, `<a class=\"nhsd-link\" href=\"/quokka-plans\">our plans</a>`) || !strings.Contains(preview.SiteRaw, "/quokka-plans") {
		t.Error("the preview leaves out links to scheduled pages")
	}
	if len(preview.Warnings) != len(before.Warnings) {
		t.Errorf("preview: %d warnings, production %d", len(preview.Warnings), len(before.Warnings))
	}

	// From the publication time, the links are back and the warnings gone.
	after := load("2030-06-01T09:00:00Z", false)
	hub = after.ViewOf("/hub")
	if p := string(hub.Page); !strings.Contains(p, `Read <a class=\"nhsd-link\" href=\"/quokka-plans\">our plans</a>, the notice and`) || !strings.Contains(p, "Only the plans") {
		t.Errorf("after publication the hub's links are not back:\n%s", p)
	}
	if len(hub.Cards) != 2 || hub.Cards[0].Path != "/quokka-plans" {
		t.Errorf("after publication, hub cards: %+v", hub.Cards)
	}
	if v := after.ViewOf("/services/spine"); len(v.Related) != 1 || v.Related[0].Path != "/services/quokka-service" {
		t.Errorf("after publication, related services: %+v", v.Related)
	}
	if site := after.Site(); site.Get("navigation.1.href").String() != "/quokka-plans" || site.Get("home.promo.href").String() != "/quokka-plans" ||
		after.ViewOf("/").Home.Feature == nil || strings.Contains(after.SiteRaw, "/old-notice") {
		t.Error("after publication the site settings' links are not back")
	}
	for _, w := range after.Warnings {
		if !strings.Contains(w.Message, "/old-notice") {
			t.Errorf("after publication, still: %s", w)
		}
	}
}

// TestPageUnderScheduledPage checks the one place a path cannot be left
// out: a live page's own path under a scheduled page (a publication in a
// series not yet published) names it. That is a warning, since the path
// may well be public already.
func TestPageUnderScheduledPage(t *testing.T) {
	tree := validTree()
	series := "/data-and-information/publications/statistical/wombat-count"
	tree["pages/series.md"] = &fstest.MapFile{Data: md(strings.Replace(page("00000000-0000-4000-8000-000000000050", "series", series, ""),
		`"published": "2024-01-02"`, `"published": "2030-06-01"`, 1))}
	tree["pages/edition.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000051", "publication", series+"/2024",
		`, "series": "`+series+`", "coverageStart": "2024-01-01", "coverageEnd": "2024-01-31", "geographicCoverage": ["England"],
		"granularity": ["Country"], "informationType": ["Official statistics"], "keyFacts": [{"value": "1", "label": "l"}],
		"resources": [{"title": "r", "href": "https://example.org/r.csv"}]`))}
	s, err := Load(tree, Options{Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range s.Warnings {
		if w.File == "pages/edition.md" {
			got = append(got, w.Field+": "+w.Message)
		}
	}
	if len(got) != 2 || !strings.HasPrefix(got[0], "$.path: is under "+series+", which is scheduled until 1 June 2030 at 01:00 UK time") ||
		!strings.HasPrefix(got[1], "$.series: links to "+series) {
		t.Errorf("warnings for the edition:\n%s", strings.Join(got, "\n"))
	}
	if v := s.ViewOf(series + "/2024"); v.Series != nil || len(v.Crumbs) != 1 || strings.Contains(string(v.Page), `"series"`) {
		t.Errorf("the edition's view names its scheduled series: %+v", v)
	}
}
