//go:build !wasm

package server

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strings"

	"github.com/tidwall/gjson"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

// The share image (og:image, twitter:image), drawn by cmd/icons.
const (
	shareImage       = "/web/icons/share-1200x630.png"
	shareImageWidth  = "1200"
	shareImageHeight = "630"
	appleTouchIcon   = "/web/icons/apple-touch-icon.png"
	favicon          = "/web/icons/favicon.ico"
)

// go-app writes these head elements itself, with attributes in map order;
// withHead replaces them.
var (
	ogTypeMeta     = headElement{`<meta `, `property="og:type"`}
	ogImageMeta    = headElement{`<meta `, `property="og:image"`}
	appleTouchLink = headElement{`<link `, `rel="apple-touch-icon"`}
)

// headElement matches the elements that open with open and have attr
// before their first '>': what the regular expression
// open[^>]*attr[^>]*> matches (attr holds no '>'), found without one,
// whose backtracking took 150 µs a page.
type headElement struct{ open, attr string }

// replaceAll returns b with every match of e replaced by with, as
// regexp.Regexp.ReplaceAllLiteral does: leftmost matches, none
// overlapping. b is returned as it is when nothing matches.
func (e headElement) replaceAll(b, with []byte) []byte {
	var out []byte
	last := 0
	for i := 0; ; {
		start := bytes.Index(b[i:], []byte(e.open))
		if start < 0 {
			break
		}
		start += i
		inside := start + len(e.open)
		end := bytes.IndexByte(b[inside:], '>')
		if end < 0 {
			break // no '>' after this start, nor after any later one
		}
		end += inside
		if !bytes.Contains(b[inside:end], []byte(e.attr)) {
			i = start + 1
			continue
		}
		if out == nil {
			out = make([]byte, 0, len(b)+len(with))
		}
		out = append(out, b[last:start]...)
		out = append(out, with...)
		last, i = end+1, end+1
	}
	if out == nil {
		return b
	}
	return append(out, b[last:]...)
}

// withHead completes a rendered page's head from its content: og:type
// (article, with its times, for blogs, news and features), the share
// image, twitter:card, the 180 px apple-touch icon, noindex for search
// results, and the page's structured data (JSON-LD). Every value is
// escaped for where it lands: attributes with htmlEscape, JSON-LD by
// encoding/json, which writes <, > and & as \u003c, \u003e and \u0026.
func (s *Server) withHead(body []byte, view gjson.Result, r *http.Request, status int) []byte {
	head := bytes.Index(body, []byte("</head>"))
	if head < 0 {
		return body
	}
	page := view.Get("page")
	typ := page.Get("type").String()
	origin := strings.TrimRight(s.store.Origin(), "/")
	var extra []string
	meta := func(attr, name, value string) {
		extra = append(extra, `<meta `+attr+`="`+name+`" content="`+htmlEscape(value)+`">`)
	}
	ogType := "website"
	if status == http.StatusOK && isArticle(typ) {
		ogType = "article"
		if v := page.Get("published").String(); v != "" {
			meta("property", "article:published_time", v)
		}
		if v := page.Get("lastEdited").String(); v != "" {
			meta("property", "article:modified_time", v)
		}
		for _, t := range page.Get("topics").Array() {
			meta("property", "article:tag", t.String())
		}
	}
	imageURL := origin + s.versioned(shareImage)
	meta("property", "og:image:width", shareImageWidth)
	meta("property", "og:image:height", shareImageHeight)
	meta("property", "og:image:alt", s.store.Site().Get("name").String())
	meta("name", "twitter:card", "summary_large_image")
	if r.URL.Path == pagetype.SearchPath {
		// Results pages: any number of queries and filters; none indexed.
		meta("name", "robots", "noindex, follow")
	}
	if status == http.StatusOK {
		if ld := s.structuredData(view); len(ld) > 0 {
			for _, item := range ld {
				b, err := json.Marshal(item)
				if err != nil {
					continue
				}
				extra = append(extra, `<script type="application/ld+json">`+string(b)+`</script>`)
			}
		}
	}
	h := body[:head]
	h = ogTypeMeta.replaceAll(h, []byte(`<meta property="og:type" content="`+ogType+`">`))
	h = ogImageMeta.replaceAll(h, []byte(`<meta property="og:image" content="`+urlAttr(imageURL)+`">`))
	h = appleTouchLink.replaceAll(h, []byte(`<link rel="apple-touch-icon" sizes="180x180" href="`+s.versioned(appleTouchIcon)+`">`))
	size := len(h) + len(body) - head
	for _, e := range extra {
		size += len(e)
	}
	out := make([]byte, 0, size)
	out = append(out, h...)
	for _, e := range extra {
		out = append(out, e...)
	}
	return append(out, body[head:]...)
}

func isArticle(typ string) bool {
	return typ == content.TypeBlog || typ == content.TypeNews || typ == content.TypeFeature
}

// ld is one JSON-LD object.
type ld = map[string]any

// structuredData is the page's schema.org description, from its content
// only: the organisation on the home page, the breadcrumb trail, articles
// with their authors and dates, and statistical publications as datasets.
func (s *Server) structuredData(view gjson.Result) []ld {
	page := view.Get("page")
	site := s.store.Site()
	origin := strings.TrimRight(s.store.Origin(), "/")
	abs := func(p string) string {
		if strings.HasPrefix(p, "/") {
			return origin + p
		}
		return p
	}
	org := ld{"@type": "GovernmentOrganization", "name": site.Get("name").String(), "url": origin + "/",
		"logo": origin + s.versioned("/web/icons/icon-512.png")}
	var out []ld
	typ := page.Get("type").String()
	if typ == content.TypeHome {
		home := ld{"@context": "https://schema.org"}
		for k, v := range org {
			home[k] = v
		}
		if d := site.Get("description").String(); d != "" {
			home["description"] = d
		}
		var same []string
		site.Get("footer.groups.#.links|@flatten").ForEach(func(_, l gjson.Result) bool {
			if h := l.Get("href").String(); strings.HasPrefix(h, "https://") {
				same = append(same, h)
			}
			return true
		})
		if len(same) > 0 {
			home["sameAs"] = same
		}
		out = append(out, home)
	}
	if crumbs := view.Get("crumbs").Array(); len(crumbs) > 0 {
		var items []ld
		for i, c := range crumbs {
			items = append(items, ld{"@type": "ListItem", "position": i + 1, "name": c.Get("title").String(), "item": abs(c.Get("path").String())})
		}
		items = append(items, ld{"@type": "ListItem", "position": len(crumbs) + 1, "name": page.Get("title").String(), "item": abs(page.Get("path").String())})
		out = append(out, ld{"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items})
	}
	pageURL := abs(page.Get("path").String())
	common := func(t string) ld {
		m := ld{"@context": "https://schema.org", "@type": t, "url": pageURL, "mainEntityOfPage": pageURL,
			"identifier": "urn:uuid:" + page.Get("id").String(), "publisher": org}
		if v := page.Get("summary").String(); v != "" {
			m["description"] = v
		}
		if v := page.Get("published").String(); v != "" {
			m["datePublished"] = v
		}
		if v := page.Get("lastEdited").String(); v != "" {
			m["dateModified"] = v
		}
		var keywords []string
		for _, t := range page.Get("topics").Array() {
			keywords = append(keywords, t.String())
		}
		if len(keywords) > 0 {
			m["keywords"] = keywords
		}
		return m
	}
	switch typ {
	case content.TypeBlog, content.TypeNews, content.TypeFeature:
		t := map[string]string{content.TypeBlog: "BlogPosting", content.TypeNews: "NewsArticle", content.TypeFeature: "Article"}[typ]
		a := common(t)
		a["headline"] = page.Get("title").String()
		a["image"] = origin + s.versioned(shareImage)
		var authors []ld
		for _, au := range page.Get("authors").Array() {
			p := ld{"@type": "Person", "name": au.Get("name").String()}
			if role := au.Get("role").String(); role != "" {
				p["jobTitle"] = role
			}
			authors = append(authors, p)
		}
		if len(authors) > 0 {
			a["author"] = authors
		} else {
			a["author"] = org // the site's own items, signed by no one
		}
		out = append(out, a)
	case content.TypePublication:
		d := common("Dataset")
		d["name"] = page.Get("title").String()
		d["creator"] = org
		d["isAccessibleForFree"] = true
		start, end := page.Get("coverageStart").String(), page.Get("coverageEnd").String()
		switch {
		case start != "" && end != "":
			d["temporalCoverage"] = start + "/" + end
		case start != "":
			d["temporalCoverage"] = start + "/.."
		}
		var places []ld
		for _, g := range page.Get("geographicCoverage").Array() {
			places = append(places, ld{"@type": "Place", "name": g.String()})
		}
		if len(places) == 1 {
			d["spatialCoverage"] = places[0]
		} else if len(places) > 1 {
			d["spatialCoverage"] = places
		}
		if series := page.Get("series").String(); series != "" {
			part := ld{"@type": "CreativeWorkSeries", "url": abs(series)}
			if sd, ok := s.store.Doc(series); ok {
				part["name"] = sd.Title
			}
			d["isPartOf"] = part
		}
		var dist []ld
		for _, res := range page.Get("resources").Array() {
			href := res.Get("href").String()
			if href == "" {
				continue
			}
			dl := ld{"@type": "DataDownload", "name": res.Get("title").String(), "contentUrl": abs(href)}
			if u, err := url.Parse(href); err == nil {
				if t := mime.TypeByExtension(strings.ToLower(path.Ext(u.Path))); t != "" {
					dl["encodingFormat"] = strings.Split(t, ";")[0]
				}
			}
			dist = append(dist, dl)
		}
		if len(dist) > 0 {
			d["distribution"] = dist
		}
		out = append(out, d)
	}
	return out
}
