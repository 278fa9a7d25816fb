package server

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/tidwall/gjson"

	"nhsdigital/components"
	"nhsdigital/content/consent"
	"nhsdigital/content/pagetype"
)

// goappPage renders in with go-app's own handler, mounting the component
// tree and calling its lifecycle: what the server served before it
// rendered pages itself (shell.page), and the oracle for it.
func goappPage(s *Server, in *components.Page) string {
	u, done := components.RenderURL(in)
	defer done()
	rec := httptest.NewRecorder()
	s.goapp.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
	if rec.Code != http.StatusOK {
		return "status " + http.StatusText(rec.Code)
	}
	return rec.Body.String()
}

// TestPagesRenderAsGoApp checks that every page the server renders itself
// (its shell, and the body made straight from the component tree) is the
// document go-app's handler makes of the same page: every published page,
// in every consent state, the not-found page for hostile paths, the search
// and the catalogue with their queries, and the cookie page with a record.
func TestPagesRenderAsGoApp(t *testing.T) {
	store := realStore(t)
	s := newServer(t, store)
	if _, _, err := s.search.get(); err != nil {
		t.Fatal(err)
	}
	policy := s.policy()
	records := []*consent.Record{nil,
		{ID: "6f1c2a7e-0000-4000-8000-000000000001", Time: time.Unix(1_700_000_000, 0), Policy: policy, Choices: map[string]bool{}},
		{ID: "6f1c2a7e-0000-4000-8000-000000000002", Time: time.Unix(1_700_000_000, 0), Policy: policy, Choices: map[string]bool{consent.Media: true, consent.Offline: true, consent.Statistics: true}},
	}
	type render struct{ path, query, missing string }
	var renders []render
	for _, d := range store.Docs() {
		renders = append(renders, render{path: d.Path})
	}
	nf := s.notFoundPath()
	for _, p := range []string{`/no-such-page`, `/x"><script>alert(1)</script>`, "/caf\u00e9/\u202e", `/a\b'c d`} {
		renders = append(renders, render{path: nf, missing: p})
	}
	for _, q := range []string{"q=nhs+app", "q=data&scope=publications&sort=date&page=2", `q="><img src=x>`, "q=zzzz"} {
		renders = append(renders, render{path: pagetype.SearchPath, query: q})
	}
	for _, d := range store.OfType(pagetype.ServiceCatalogue) {
		renders = append(renders, render{path: d.Path, query: "status=live&topic=Data"}, render{path: d.Path, query: `q="'><x`})
	}
	renders = append(renders, render{path: pagetype.CookiesPath, query: "saved=1"})
	if len(renders) < 60 {
		t.Fatalf("only %d renders: the content is not the site's", len(renders))
	}
	compared := 0
	for _, r := range renders {
		for _, rec := range records {
			in := &components.Page{Source: s.source, Path: r.path, Query: r.query, Consent: rec, Missing: r.missing}
			in.View = gjson.ParseBytes(s.source.viewJSON(in.Path))
			got, want := string(s.shell.page(s, in)), goappPage(s, in)
			if !strings.Contains(got, "nhsd-app") {
				t.Fatalf("%s?%s: no app in the page:\n%s", r.path, r.query, got)
			}
			if g, w := canonicalHTML(t, got), canonicalHTML(t, want); g != w {
				t.Errorf("%s?%s (missing %q, consent %v): the page differs from go-app's render:\n%s", r.path, r.query, r.missing, rec, firstDifference(g, w))
			}
			compared++
		}
	}
	t.Logf("%d renders compared", compared)
}

// firstDifference shows where two canonical documents part.
func firstDifference(got, want string) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + got[from:min(len(got), i+80)] + "\nwant: …" + want[from:min(len(want), i+80)]
}

// TestBodyURLsResolved checks that a body made straight from the component
// tree has its URL attributes resolved as go-app's handler has the
// resolver do: asset versions, percent-encoding of what the resolver
// encodes, each address of a srcset, and nothing else.
func TestBodyURLsResolved(t *testing.T) {
	s := newServer(t, realStore(t))
	css, icon := s.versioned("/web/site.css"), s.versioned("/web/icons/icon-192.png")
	if css == "/web/site.css" || icon == "/web/icons/icon-192.png" {
		t.Fatal("the assets have no versions")
	}
	for _, c := range []struct{ body, want string }{
		{`<a href="/web/site.css">x</a>`, `<a href="` + css + `">x</a>`},
		{`<img class="i" src="/web/icons/icon-192.png" alt="a">`, `<img class="i" src="` + icon + `" alt="a">`},
		{`<img srcset="/web/icons/icon-192.png 1x, /web/site.css">`, `<img srcset="/web/icons/icon-192.png%201x, ` + css + `">`}, // as go-app: each item whole,
		{`<q cite="/a b'c"></q><object data="/web/site.css"></object>`, `<q cite="/a%20b%27c"></q><object data="` + css + `"></object>`},
		{`<a href="/web/site.css" data-href="/web/site.css" title="/web/site.css">`, `<a href="` + css + `" data-href="/web/site.css" title="/web/site.css">`},
		{`<a href="/a\"b">`, `<a href="/a\"b">`},
		{`<a href>x</a><p>href="/web/site.css"</p>`, `<a href>x</a><p>href="/web/site.css"</p>`},
		{`<a href="/services">x</a>`, `<a href="/services">x</a>`},
	} {
		if got := s.resolved(c.body); got != c.want {
			t.Errorf("resolved(%s)\n got %s\nwant %s", c.body, got, c.want)
		}
	}
}
