package content

import (
	"context"
	"strings"

	"github.com/tidwall/gjson"

	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/search"
	"nhsdigital/internal/par"
)

// SearchDocs returns the served pages as the search engine indexes them.
// The home, search, not-found and offline pages are left out.
func (s *Store) SearchDocs() []search.Doc {
	out, _ := s.SearchDocsContext(context.Background())
	return out
}

// SearchDocsContext is SearchDocs that gives up, with ctx's error, once
// ctx is done.
func (s *Store) SearchDocsContext(ctx context.Context) ([]search.Doc, error) {
	var docs []*Doc
	for _, d := range s.docs {
		if !pagetype.Get(d.Type).Unindexed {
			docs = append(docs, d)
		}
	}
	out := make([]search.Doc, len(docs))
	if err := par.For(ctx, len(docs), func(i int) { out[i] = s.SearchDoc(docs[i]) }); err != nil {
		return nil, err
	}
	return out, nil
}

// SearchChanges compares the documents s indexes with those old indexes:
// removed are the ones gone or changed, as old indexed them, and added
// the ones new or changed, as s indexes them. A document shared by both
// stores, with the same search scope, is unchanged. ok is false when
// there are more than limit of these (a document changed counts twice),
// and then nothing else is returned.
func (s *Store) SearchChanges(old *Store, limit int) (removed, added []search.Doc, ok bool) {
	indexed := func(d *Doc) bool { return d != nil && !pagetype.Get(d.Type).Unindexed }
	var gone, come []*Doc
	for _, d := range s.docs {
		if !indexed(d) {
			continue
		}
		od := old.byPath[d.Path]
		if od == d && old.scopeOf(od) == s.scopeOf(d) {
			continue
		}
		if indexed(od) {
			gone = append(gone, od)
		}
		come = append(come, d)
		if len(gone)+len(come) > limit {
			return nil, nil, false
		}
	}
	for _, od := range old.docs {
		if indexed(od) && !indexed(s.byPath[od.Path]) {
			gone = append(gone, od)
			if len(gone)+len(come) > limit {
				return nil, nil, false
			}
		}
	}
	for _, d := range gone {
		removed = append(removed, old.SearchDoc(d))
	}
	for _, d := range come {
		added = append(added, s.SearchDoc(d))
	}
	return removed, added, true
}

// SearchDoc turns a page into a search document.
func (s *Store) SearchDoc(d *Doc) search.Doc {
	j := d.JSON()
	sd := search.Doc{Path: d.Path, Title: d.Title, Summary: d.Summary, Label: TypeLabel(d.Type),
		Date: d.Published.Format("2006-01-02"), Scope: s.scopeOf(d), Facets: map[string][]string{}}
	var body []string
	if d.Type == TypeService {
		for _, sec := range ServiceSections {
			sd.Headings = append(sd.Headings, sec.Heading)
			blockText(j.Get("sections."+sec.Key), &sd.Headings, &body)
		}
	}
	blockText(j.Get("body"), &sd.Headings, &body)
	for _, k := range j.Get("keyFacts").Array() {
		body = append(body, k.Get("value").String()+" "+k.Get("label").String())
	}
	for _, a := range j.Get("authors").Array() {
		body = append(body, a.Get("name").String()+", "+a.Get("role").String())
	}
	sd.Body = strings.Join(body, " ")
	sd.Facets["topic"] = d.Topics
	for key, field := range map[string]string{"info": "informationType", "coverage": "geographicCoverage", "granularity": "granularity"} {
		for _, v := range j.Get(field).Array() {
			sd.Facets[key] = append(sd.Facets[key], v.String())
		}
	}
	if d.Type == TypePublication || d.Type == TypeSeries {
		sd.Facets["status"] = []string{"Published"}
	}
	return sd
}

// scopeOf is the search scope of d: its type's, else its own searchScope
// or the nearest parent's (the data hub puts what is under it in data).
func (s *Store) scopeOf(d *Doc) string {
	if sc := pagetype.Get(d.Type).Scope; sc != "" {
		return sc
	}
	return s.inherited(d.Path, "searchScope")
}

// blockText collects the plain text of blocks: headings into headings,
// everything else into body. Each list item, table cell, figure, link and
// contact line ends as a sentence (see piece), so that an excerpt cut from
// the body never runs one item into the next.
func blockText(blocks gjson.Result, headings, body *[]string) {
	add := func(parts ...string) {
		for _, p := range parts {
			if p = piece(p); p != "" {
				*body = append(*body, p)
			}
		}
	}
	for _, b := range blocks.Array() {
		switch b.Get("type").String() {
		case "heading":
			*headings = append(*headings, b.Get("text").String())
		case "paragraph", "callout":
			add(b.Get("title").String(), inline.Plain(b.Get("text").String()))
		case "list":
			for _, it := range b.Get("items").Array() {
				add(inline.Plain(it.String()))
			}
		case "quote":
			add(b.Get("text").String(), b.Get("name").String())
		case "figures":
			for _, it := range b.Get("items").Array() {
				add(it.Get("value").String()+" "+it.Get("label").String(), it.Get("text").String())
			}
		case "table":
			add(b.Get("caption").String())
			for _, row := range b.Get("rows").Array() {
				for _, c := range row.Array() {
					add(inline.Plain(c.String()))
				}
			}
		case "contacts", "links":
			*headings = append(*headings, b.Get("title").String())
			for _, it := range b.Get("items").Array() {
				if l, v := it.Get("label").String(), it.Get("value").String(); l != "" || v != "" {
					add(l + ": " + v)
				}
				add(it.Get("text").String(), it.Get("description").String())
			}
		case "image":
			add(b.Get("alt").String(), b.Get("caption").String())
		}
	}
}

// piece trims s and ends it with a full stop unless it already ends with
// punctuation that closes a sentence or clause.
func piece(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	switch s[len(s)-1] {
	case '.', '!', '?', ':', ';', ')', '"':
		return s
	}
	return s + "."
}
