package content

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strings"

	"github.com/tidwall/gjson"

	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
)

// Card is the short form of a page used in lists and related links.
type Card struct {
	Path          string   `json:"path"`
	Title         string   `json:"title"`
	Summary       string   `json:"summary"`
	Type          string   `json:"type"`
	Label         string   `json:"label"`
	Date          string   `json:"date"`
	ServiceStatus string   `json:"serviceStatus,omitempty"`
	Topics        []string `json:"topics,omitempty"`
}

// Crumb is one breadcrumb.
type Crumb struct {
	Path  string `json:"path"`
	Title string `json:"title"`
}

// View is everything a page component needs to render one path: the page's
// own document plus what the page shows of others (cards, breadcrumbs).
type View struct {
	// (The fields are written in this order: a reader of page data looks
	// each field up by scanning from the start, so the short ones come
	// first and the page's own document, the longest, last.)
	Status  int    `json:"status"`
	Version string `json:"version"`
	// Section is the path of the header section the page is in when its
	// own path does not say (its "section", or its nearest parent's).
	Section string          `json:"section,omitempty"`
	Series  *Card           `json:"series,omitempty"`
	Crumbs  []Crumb         `json:"crumbs"`
	Related []Card          `json:"related,omitempty"`
	Home    *HomeView       `json:"home,omitempty"`
	Cards   []Card          `json:"cards,omitempty"`
	Page    json.RawMessage `json:"page,omitempty"`
}

// JSON is the view as page data (/page-data/<path>.json). The page's own
// document is already JSON: it is put in as it is, where encoding/json
// would check and compact it again.
func (v View) JSON() []byte {
	page := v.Page
	v.Page = nil
	b, err := json.Marshal(v)
	if err != nil || len(page) == 0 {
		return b // (a View has no value encoding/json refuses)
	}
	out := make([]byte, 0, len(b)+len(`,"page":`)+len(page))
	out = append(out, b[:len(b)-1]...)
	out = append(out, `,"page":`...)
	out = append(out, page...)
	return append(out, '}')
}

// HomeView holds the home page modules, resolved.
type HomeView struct {
	Settings json.RawMessage `json:"settings"`
	Services []Card          `json:"services"`
	Feature  *Card           `json:"feature"`
	Blogs    []Card          `json:"blogs"`
	News     []Card          `json:"news"`
	Data     []Card          `json:"data"`
}

// TypeLabel names a page type for people (pagetype.Type.Label). Labels
// are also the values of the search's document type facet, so no label
// may be another's plural: listing pages (the service catalogue, the blog
// and feature indexes) are sections, not "Services" beside "Service".
func TypeLabel(t string) string { return pagetype.Get(t).Label }

// CardOf returns the card of d.
func CardOf(d *Doc) Card {
	c := Card{Path: d.Path, Title: d.Title, Summary: d.Summary, Type: d.Type, Label: TypeLabel(d.Type),
		Date: d.Published.Format("2006-01-02"), Topics: d.Topics}
	if d.Type == TypeService {
		c.ServiceStatus = d.JSON().Get("serviceStatus").String()
	}
	return c
}

func (s *Store) cards(paths []string) []Card {
	out := []Card{}
	for _, p := range paths {
		if d, ok := s.byPath[p]; ok {
			out = append(out, CardOf(d))
		}
	}
	return out
}

func cardsOf(docs []*Doc, limit int) []Card {
	out := []Card{}
	for i, d := range docs {
		if limit > 0 && i >= limit {
			break
		}
		out = append(out, CardOf(d))
	}
	return out
}

// Breadcrumbs lists the pages above path that exist, starting with Home.
func (s *Store) Breadcrumbs(path string) []Crumb {
	crumbs := []Crumb{}
	if path == "/" {
		return crumbs
	}
	crumbs = append(crumbs, Crumb{Path: "/", Title: "Home"})
	parts := strings.Split(strings.Trim(path, "/"), "/")
	for i := 1; i < len(parts); i++ {
		p := "/" + strings.Join(parts[:i], "/")
		if d, ok := s.byPath[p]; ok {
			crumbs = append(crumbs, Crumb{Path: p, Title: d.Title})
		}
	}
	return crumbs
}

// NotFound returns the not-found page.
func (s *Store) NotFound() *Doc {
	for _, d := range s.docs {
		if d.Type == TypeNotFound {
			return d
		}
	}
	return nil
}

// ViewOf builds the view of path. Unknown paths, and the not-found page's
// own path, get the not-found page with status 404.
func (s *Store) ViewOf(path string) View {
	d, ok := s.byPath[path]
	if !ok || d.Type == TypeNotFound {
		nf := s.NotFound()
		return View{Status: 404, Version: s.Version, Page: json.RawMessage(pageHTML(nf.Raw)), Crumbs: []Crumb{}}
	}
	v := View{Status: 200, Version: s.Version, Page: json.RawMessage(pageHTML(d.Raw)), Crumbs: s.Breadcrumbs(path),
		Section: s.inherited(path, "section")}
	j := d.JSON()
	t := pagetype.Get(d.Type)
	if d.Type != TypeHome {
		for _, listed := range t.Lists {
			v.Cards = append(v.Cards, cardsOf(s.OfType(listed), 0)...)
		}
	}
	if pagetype.MembersOf(d.Type) != nil {
		v.Cards = s.editions(d.Path, "", 0)
	}
	switch d.Type {
	case TypeHome:
		site := s.Site().Get("home")
		h := &HomeView{Settings: json.RawMessage(site.Raw)}
		h.Services = s.cards(pathsOf(site.Get("services").Array()))
		if f, ok := s.byPath[site.Get("feature").String()]; ok {
			c := CardOf(f)
			h.Feature = &c
		}
		h.Blogs = cardsOf(s.OfType(TypeBlog), 3)
		h.News = cardsOf(s.OfType(TypeNews), 3)
		h.Data = s.cards(pathsOf(site.Get("data").Array()))
		v.Home = h
	case TypeHub:
		v.Cards = s.cards(pathsOf(j.Get("featured").Array()))
	case TypeServiceCatalogue:
		sort.Slice(v.Cards, func(a, b int) bool { return v.Cards[a].Title < v.Cards[b].Title })
	case TypeService:
		v.Related = s.cards(pathsOf(j.Get("relatedServices").Array()))
	case TypePublication:
		series := j.Get("series").String()
		if sd, ok := s.byPath[series]; ok {
			c := CardOf(sd)
			v.Series = &c
		}
		v.Related = s.editions(series, d.Path, MaxOtherEditions)
	}
	return v
}

// inherited returns the value of a page's field key, or of the nearest
// page above it that has one ("" when none has).
func (s *Store) inherited(path, key string) string {
	for p := path; ; p = parentPath(p) {
		if d, ok := s.byPath[p]; ok {
			if v := gjson.Get(d.Raw, key); v.Exists() {
				return v.String()
			}
		}
		if p == "/" {
			return ""
		}
	}
}

// MaxOtherEditions bounds the other editions a publication page lists; the
// series page lists them all.
const MaxOtherEditions = 6

// editions lists the publications of a series, newest first, leaving out
// skip, at most limit of them (0 for all).
func (s *Store) editions(series, skip string, limit int) []Card {
	var docs []*Doc
	for _, d := range s.children[series] {
		if d.Path != skip {
			docs = append(docs, d)
		}
		if limit > 0 && len(docs) == limit {
			break
		}
	}
	return cardsOf(docs, 0)
}

func pathsOf(rs []gjson.Result) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.String()
	}
	return out
}

// pageHTML is a page's JSON as its view sends it: the inline markup of its
// blocks (the text of paragraphs and callouts, list items, table cells) is
// HTML made here (inline.HTML), which the browser puts in place as it is,
// with no Markdown code of its own.
func pageHTML(raw string) string {
	type edit struct {
		at, end int
		html    string
	}
	var edits []edit
	put := func(v gjson.Result) {
		if v.Type == gjson.String && v.Index > 0 && raw[v.Index:v.Index+len(v.Raw)] == v.Raw {
			edits = append(edits, edit{v.Index, v.Index + len(v.Raw), inline.HTML(v.String())})
		}
	}
	each := func(v gjson.Result, f func(gjson.Result)) {
		v.ForEach(func(_, e gjson.Result) bool { f(e); return true })
	}
	field := func(obj gjson.Result, name string) (found gjson.Result) {
		obj.ForEach(func(k, e gjson.Result) bool {
			if k.String() == name {
				found = e
				return false
			}
			return true
		})
		return found
	}
	var walk func(v gjson.Result, inArray bool)
	walk = func(v gjson.Result, inArray bool) {
		switch {
		case v.IsArray():
			each(v, func(e gjson.Result) { walk(e, true) })
		case v.IsObject():
			if inArray { // a block
				switch field(v, "type").String() {
				case "paragraph", "callout":
					put(field(v, "text"))
				case "list":
					each(field(v, "items"), put)
				case "table":
					each(field(v, "rows"), func(row gjson.Result) { each(row, put) })
				}
			}
			each(v, func(e gjson.Result) { walk(e, false) })
		}
	}
	walk(gjson.Parse(raw), false)
	if len(edits) == 0 {
		return raw
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	var b bytes.Buffer
	b.Grow(len(raw) + len(raw)/4)
	last := 0
	for _, e := range edits {
		b.WriteString(raw[last:e.at])
		writeJSONString(&b, e.html)
		last = e.end
	}
	b.WriteString(raw[last:])
	return b.String()
}
