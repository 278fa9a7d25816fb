//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"image/png"
	"math/rand/v2"
	"os"
	"regexp"
	"strings"
	"testing"

	"nhsdigital/components"
	"nhsdigital/content"
)

var ldRE = regexp.MustCompile(`<script type="application/ld\+json">([^<]*)</script>`)

// jsonLD returns a page's structured data by @type.
func jsonLD(t *testing.T, body string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	if n := strings.Count(body, `application/ld+json`); n != len(ldRE.FindAllString(body, -1)) {
		t.Errorf("a JSON-LD script holds a '<'")
	}
	for _, m := range ldRE.FindAllStringSubmatch(body, -1) {
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil {
			t.Errorf("JSON-LD does not parse: %v\n%s", err, m[1])
			continue
		}
		if v["@context"] != "https://schema.org" {
			t.Errorf("@context %v", v["@context"])
		}
		out[v["@type"].(string)] = v
	}
	return out
}

// need checks that obj has every field, non-empty.
func need(t *testing.T, what string, obj any, fields ...string) {
	t.Helper()
	m, ok := obj.(map[string]any)
	if !ok {
		t.Errorf("%s: %T, want an object", what, obj)
		return
	}
	for _, f := range fields {
		v, ok := m[f]
		if !ok || v == "" || v == nil {
			t.Errorf("%s: no %s", what, f)
		}
		if l, isList := v.([]any); isList && len(l) == 0 {
			t.Errorf("%s: %s is empty", what, f)
		}
	}
}

// Every page carries the schema.org data its type calls for, with the
// fields search engines require (Google's structured data rules for
// Organization, BreadcrumbList, Article and Dataset), from its content.
func TestStructuredData(t *testing.T) {
	store := realStore(t)
	srv := newServer(t, store)
	origin := strings.TrimRight(store.Origin(), "/")
	seen := map[string]int{}
	for _, d := range store.Docs() {
		if d.Type == content.TypeNotFound {
			continue
		}
		res := get(srv, d.Path)
		ld := jsonLD(t, res.body)
		view := srv.source.viewJSON(d.Path)
		var crumbs []any
		var v map[string]any
		json.Unmarshal(view, &v)
		crumbs, _ = v["crumbs"].([]any)
		for typ := range ld {
			seen[typ]++
		}
		if len(crumbs) > 0 {
			bl := ld["BreadcrumbList"]
			need(t, d.Path+" BreadcrumbList", bl, "itemListElement")
			items, _ := bl["itemListElement"].([]any)
			if len(items) != len(crumbs)+1 {
				t.Errorf("%s: %d breadcrumb items for %d crumbs and the page", d.Path, len(items), len(crumbs))
			}
			for i, it := range items {
				need(t, d.Path+" ListItem", it, "name", "item", "position")
				if m, _ := it.(map[string]any); m["position"] != float64(i+1) || !strings.HasPrefix(m["item"].(string), origin+"/") {
					t.Errorf("%s: breadcrumb %d: %v", d.Path, i, m)
				}
			}
		} else if ld["BreadcrumbList"] != nil {
			t.Errorf("%s: BreadcrumbList without crumbs", d.Path)
		}
		m := metas(res.body)
		switch d.Type {
		case content.TypeHome:
			need(t, "home GovernmentOrganization", ld["GovernmentOrganization"], "name", "url", "logo", "description")
		case content.TypeBlog, content.TypeNews, content.TypeFeature:
			typ := map[string]string{content.TypeBlog: "BlogPosting", content.TypeNews: "NewsArticle", content.TypeFeature: "Article"}[d.Type]
			a := ld[typ]
			need(t, d.Path+" "+typ, a, "headline", "datePublished", "dateModified", "author", "publisher", "image", "url", "description", "identifier")
			if a["headline"] != d.Title || a["url"] != origin+d.Path || a["identifier"] != "urn:uuid:"+d.ID {
				t.Errorf("%s: headline %v url %v identifier %v", d.Path, a["headline"], a["url"], a["identifier"])
			}
			switch au := a["author"].(type) {
			case []any:
				for _, p := range au {
					need(t, d.Path+" author", p, "@type", "name")
				}
			default:
				need(t, d.Path+" author", au, "@type", "name", "url")
			}
			need(t, d.Path+" publisher", a["publisher"], "name", "url", "logo")
			if m["og:type"] != "article" || m["article:published_time"] == "" || m["article:modified_time"] == "" {
				t.Errorf("%s: og:type %q published %q modified %q", d.Path, m["og:type"], m["article:published_time"], m["article:modified_time"])
			}
		case content.TypePublication:
			ds := ld["Dataset"]
			need(t, d.Path+" Dataset", ds, "name", "description", "url", "datePublished", "creator", "publisher", "identifier")
			if ds["name"] != d.Title {
				t.Errorf("%s: Dataset name %v", d.Path, ds["name"])
			}
			if strings.Contains(string(view), `"coverageStart"`) {
				need(t, d.Path+" Dataset", ds, "temporalCoverage")
			}
			if strings.Contains(string(view), `"geographicCoverage"`) {
				need(t, d.Path+" Dataset", ds, "spatialCoverage")
			}
			if strings.Contains(string(view), `"resources"`) {
				need(t, d.Path+" Dataset", ds, "distribution")
				for _, dl := range ds["distribution"].([]any) {
					need(t, d.Path+" DataDownload", dl, "@type", "contentUrl", "name")
				}
			}
		default:
			if m["og:type"] != "website" {
				t.Errorf("%s: og:type %q", d.Path, m["og:type"])
			}
		}
		if m["og:image"] != origin+srv.versioned(shareImage) || m["og:image:width"] != "1200" || m["og:image:height"] != "630" || m["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: og:image %q %sx%s, twitter:card %q", d.Path, m["og:image"], m["og:image:width"], m["og:image:height"], m["twitter:card"])
		}
		if !strings.Contains(res.body, `<link rel="apple-touch-icon" sizes="180x180" href="`+srv.versioned(appleTouchIcon)+`">`) || strings.Count(res.body, `rel="apple-touch-icon"`) != 1 {
			t.Errorf("%s: not one 180 px apple-touch icon", d.Path)
		}
		// The page's icon is an image, not an SVG document, which the
		// browser would build on the page's main thread as it loads.
		if icons := iconLink.FindAllString(res.body, -1); len(icons) != 1 || !strings.Contains(icons[0], ` href="`+srv.versioned(favicon)+`"`) {
			t.Errorf("%s: the page's icons are %q, not the ICO alone", d.Path, icons)
		}
		for _, f := range siteFeeds(srv.store) {
			if !strings.Contains(res.body, `<link rel="alternate" type="application/rss+xml" title="`+htmlEscape(f.Title)+`" href="`+f.Path+`">`) {
				t.Errorf("%s: no autodiscovery link to %s", d.Path, f.Path)
			}
		}
		if strings.Contains(res.body, `name="robots"`) != (d.Path == "/search") {
			t.Errorf("%s: robots meta only on the search page", d.Path)
		}
	}
	for _, typ := range []string{"GovernmentOrganization", "BreadcrumbList", "BlogPosting", "NewsArticle", "Article", "Dataset"} {
		if seen[typ] == 0 {
			t.Errorf("no page has %s", typ)
		}
	}
	// Search results: not indexed, links followed; no structured data on errors.
	if m := metas(get(srv, "/search?q=spine&type=Service").body); m["robots"] != "noindex, follow" {
		t.Errorf("search results: robots %q", m["robots"])
	}
	if nf := get(srv, "/no-such-page"); strings.Contains(nf.body, "ld+json") {
		t.Error("the 404 page has structured data")
	}
}

// iconLink matches a link to the page's icon, its attributes in any order.
var iconLink = regexp.MustCompile(`<link [^>]*rel="icon"[^>]*>`)

// The share image and the apple-touch icon are the sizes the head says.
func TestShareImageAndAppleTouchIcon(t *testing.T) {
	for name, size := range map[string][2]int{"share-1200x630.png": {1200, 630}, "apple-touch-icon.png": {180, 180}} {
		f, err := os.Open("../web/icons/" + name)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil || cfg.Width != size[0] || cfg.Height != size[1] {
			t.Errorf("%s: %dx%d (%v), want %dx%d", name, cfg.Width, cfg.Height, err, size[0], size[1])
		}
	}
}

// /favicon.ico, which browsers and crawlers ask for on their own, is an
// icon, not the 404 page.
func TestFavicon(t *testing.T) {
	srv := newServer(t, realStore(t))
	r := get(srv, "/favicon.ico")
	if r.code != 200 || r.header.Get("Content-Type") != "image/x-icon" || !strings.HasPrefix(r.body, "\x00\x00\x01\x00") {
		t.Errorf("/favicon.ico: %d %q %q", r.code, r.header.Get("Content-Type"), r.body[:min(len(r.body), 8)])
	}
}

// The head elements are found as the regular expressions they stand for
// would find them, in pages and in made-up heads of their pieces.
func TestHeadElementReplaceAll(t *testing.T) {
	elements := []headElement{ogTypeMeta, ogImageMeta, appleTouchLink}
	pieces := []string{"<meta ", "<link ", "<meta", `property="og:type"`, `property="og:image"`, `property="og:image:width"`,
		`rel="apple-touch-icon"`, ">", " ", "x", `"`, "<", "\n", "é", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	var heads []string
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		heads = append(heads, b.String())
	}
	heads = append(heads, "", `<head><meta content="website" property="og:type"><meta property="og:image" content="x"><link href="/a.png" rel="apple-touch-icon"></head>`)
	for _, e := range elements {
		re := regexp.MustCompile(regexp.QuoteMeta(e.open) + `[^>]*` + regexp.QuoteMeta(e.attr) + `[^>]*>`)
		for _, h := range heads {
			want := re.ReplaceAllLiteral([]byte(h), []byte("[R]"))
			if got := e.replaceAll([]byte(h), []byte("[R]")); string(got) != string(want) {
				t.Fatalf("%s in %q:\ngot  %q\nwant %q", e.attr, h, got, want)
			}
		}
	}
}

// withMarkers makes what replacing the markers in turn makes, titles and
// descriptions that hold markers or parts of them included.
func TestWithMarkers(t *testing.T) {
	title, desc, tru := components.TitleMarker, components.DescriptionMarker, components.TrueMarker
	pieces := []string{title, desc, tru, `="`, `"`, "=", "x", "-", " ", "<title>", "</title>",
		title[:5], title[5:], desc[:10], desc[10:], tru[:4], tru[4:], `="` + tru[:6], tru[6:] + `"`}
	for _, m := range []marker{titleMarker, descriptionMarker, trueAttr} { // split about their anchors
		a := string(m.text)
		pieces = append(pieces, a[:m.anchor], a[m.anchor:], a[:m.anchor+1], a[m.anchor+1:], a[m.anchor:m.anchor+2])
	}
	rng := rand.New(rand.NewPCG(3, 4))
	text := func(n int) string {
		var b strings.Builder
		for range rng.IntN(n) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		return b.String()
	}
	sequential := func(page []byte, title, desc string) []byte {
		out := bytes.ReplaceAll(page, []byte(components.TitleMarker), []byte(title))
		out = bytes.ReplaceAll(out, []byte(components.DescriptionMarker), []byte(desc))
		return bytes.ReplaceAll(out, []byte(`="`+components.TrueMarker+`"`), []byte(`="true"`))
	}
	for i := range 50000 {
		page, tt, dd := text(16), "A title", "A description"
		if i%2 == 0 {
			tt, dd = text(4), text(4)
		}
		want := sequential([]byte(page), tt, dd)
		if got := withMarkers([]byte(page), tt, dd); !bytes.Equal(got, want) {
			t.Fatalf("page %q, title %q, description %q:\ngot  %q\nwant %q", page, tt, dd, got, want)
		}
	}
}
