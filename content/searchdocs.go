package content

import (
	"strings"

	"github.com/tidwall/gjson"

	"nhsdigital/content/inline"
	"nhsdigital/content/search"
)

// SearchDocs returns the served pages as the search engine indexes them.
// The home, search, not-found and offline pages are left out.
func (s *Store) SearchDocs() []search.Doc {
	var out []search.Doc
	for _, d := range s.docs {
		switch d.Type {
		case TypeHome, TypeSearch, TypeNotFound, TypeOffline:
			continue
		}
		out = append(out, SearchDoc(d))
	}
	return out
}

// SearchDoc turns a page into a search document.
func SearchDoc(d *Doc) search.Doc {
	j := d.JSON()
	sd := search.Doc{Path: d.Path, Title: d.Title, Summary: d.Summary, Label: TypeLabels[d.Type],
		Date: d.Published.Format("2006-01-02"), Scope: scopeOf(d), Facets: map[string][]string{}}
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

func scopeOf(d *Doc) string {
	switch {
	case d.Type == TypeService || d.Type == TypeServiceCatalogue:
		return "services"
	case d.Type == TypePublication || d.Type == TypeSeries || strings.HasPrefix(d.Path, "/data-and-information") || d.Path == "/dashboards":
		return "data"
	case d.Type == TypeBlog || d.Type == TypeNews || d.Type == TypeFeature || d.Type == TypeBlogIndex ||
		strings.HasPrefix(d.Path, "/news-and-events"):
		return "news"
	}
	return ""
}

// blockText collects the plain text of blocks: headings into headings,
// everything else into body.
func blockText(blocks gjson.Result, headings, body *[]string) {
	for _, b := range blocks.Array() {
		switch b.Get("type").String() {
		case "heading":
			*headings = append(*headings, b.Get("text").String())
		case "paragraph", "callout":
			*body = append(*body, b.Get("title").String(), inline.Plain(b.Get("text").String()))
		case "list":
			for _, it := range b.Get("items").Array() {
				*body = append(*body, inline.Plain(it.String()))
			}
		case "quote":
			*body = append(*body, b.Get("text").String(), b.Get("name").String())
		case "figures":
			for _, it := range b.Get("items").Array() {
				*body = append(*body, it.Get("value").String(), it.Get("label").String(), it.Get("text").String())
			}
		case "table":
			*body = append(*body, b.Get("caption").String())
			for _, row := range b.Get("rows").Array() {
				for _, c := range row.Array() {
					*body = append(*body, inline.Plain(c.String()))
				}
			}
		case "contacts", "links":
			*headings = append(*headings, b.Get("title").String())
			for _, it := range b.Get("items").Array() {
				*body = append(*body, it.Get("label").String(), it.Get("value").String(), it.Get("text").String(), it.Get("description").String())
			}
		case "image":
			*body = append(*body, b.Get("alt").String(), b.Get("caption").String())
		}
	}
}
