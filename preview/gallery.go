//go:build !wasm

package preview

import (
	_ "embed"
	"fmt"
	"html"
	"net/http"
	"slices"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"nhsdigital/components"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// The component gallery: every component's examples (components.Examples)
// as the server renders them, on one page of the preview. A whole-page
// example (Root) has a page of its own, since a page has one main
// landmark and one banner.
const (
	galleryPath  = "/_preview/components"
	galleryStyle = "/_preview/gallery.css"
)

//go:embed gallery.css
var galleryCSS []byte

// serveGallery answers the gallery, its pages and its stylesheet; it
// reports whether the path was one of them.
func serveGallery(w http.ResponseWriter, r *http.Request, site gjson.Result) bool {
	switch {
	case r.URL.Path == galleryStyle:
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		w.Write(galleryCSS)
	case r.URL.Path == galleryPath:
		ownPage(w, http.StatusOK, "Components", galleryHead, gallery(site))
	case strings.HasPrefix(r.URL.Path, galleryPath+"/"):
		c, e, ok := findExample(strings.TrimPrefix(r.URL.Path, galleryPath+"/"), site)
		if !ok || !e.Page {
			previewPage(w, http.StatusNotFound, "No such example", "The component gallery at "+galleryPath+" lists every example.")
			return true
		}
		body, err := renderExample(e)
		if err != nil {
			previewPage(w, http.StatusInternalServerError, "This example could not be rendered", err.Error())
			return true
		}
		ownPage(w, http.StatusOK, e.Name+" - "+c.Component, galleryHead,
			`<nav class="nhsd-gallery__back" aria-label="Component gallery"><div class="nhsd-width-container"><a class="nhsd-link" href="`+galleryPath+`#`+componentID(c)+`">Back to the `+html.EscapeString(c.Component)+` examples</a></div></nav>`+body)
	default:
		return false
	}
	return true
}

const galleryHead = `<link rel="stylesheet" href="` + galleryStyle + `">`

// gallery is the gallery page's body, its examples in the words of site
// (the site data the client gets: see server.Server.SiteData).
func gallery(site gjson.Result) string {
	all := components.Examples(site)
	var b strings.Builder
	// The site's own skip link and header.
	w := words.Of(site)
	for _, ui := range []app.UI{components.SkipLink(w.Get(words.SkipLink)),
		&components.Header{Words: w, Name: site.Get("name").String(), Navigation: site.Get("navigation")}} {
		s, err := components.RenderHTML(ui)
		if err != nil {
			s = `<p class="nhsd-body nhsd-gallery__error">` + html.EscapeString(err.Error()) + `</p>`
		}
		b.WriteString(s)
	}
	b.WriteString(`<main id="main-content" class="nhsd-main"><div class="nhsd-width-container nhsd-page nhsd-gallery">`)
	b.WriteString(`<h1 class="nhsd-heading-xl">Components</h1>`)
	b.WriteString(`<p class="nhsd-lead">Every component of the site with named examples of its options, as the server renders them, before any script runs. Each is defined and documented in its file under components/, where its tests render the same examples. The examples hold placeholder content only.</p>`)
	b.WriteString(`<nav class="nhsd-contents" aria-labelledby="nhsd-gallery-contents"><h2 id="nhsd-gallery-contents" class="nhsd-contents__title">Components</h2><ul class="nhsd-contents__list">`)
	for _, c := range all {
		fmt.Fprintf(&b, `<li class="nhsd-contents__item"><a class="nhsd-link" href="#%s">%s</a></li>`, componentID(c), html.EscapeString(c.Component))
	}
	b.WriteString(`</ul></nav>`)
	for _, c := range all {
		id := componentID(c)
		fmt.Fprintf(&b, `<section class="nhsd-gallery__component" aria-labelledby="%s"><h2 id="%s" class="nhsd-heading-l">%s</h2>`, id, id, html.EscapeString(c.Component))
		fmt.Fprintf(&b, `<p class="nhsd-body">%s <code class="nhsd-code">components/%s</code></p>`, html.EscapeString(c.About), html.EscapeString(c.File))
		for _, e := range c.Examples {
			eid := exampleID(c, e)
			fmt.Fprintf(&b, `<h3 id="%s" class="nhsd-heading-m nhsd-gallery__name">%s</h3>`, eid, html.EscapeString(e.Name))
			if e.Page {
				fmt.Fprintf(&b, `<p class="nhsd-body"><a class="nhsd-link" href="%s/%s">Open this example</a>: a whole page, shown on its own.</p>`, galleryPath, eid)
				continue
			}
			body, err := renderExample(e)
			if err != nil {
				fmt.Fprintf(&b, `<p class="nhsd-body nhsd-gallery__error">This example could not be rendered: %s</p>`, html.EscapeString(err.Error()))
				continue
			}
			fmt.Fprintf(&b, `<div class="nhsd-gallery__example" role="group" aria-labelledby="%s">%s</div>`, eid, prefixIDs(body, eid))
		}
		b.WriteString(`</section>`)
	}
	b.WriteString(`</div></main>`)
	return b.String()
}

// renderExample renders an example, turning a panic into an error: one
// broken component must not take the gallery with it.
func renderExample(e components.Example) (s string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%v", r)
		}
	}()
	return components.RenderHTML(e.UI())
}

func componentID(c components.ComponentExamples) string {
	return "component-" + idPart(c.Component)
}

func exampleID(c components.ComponentExamples, e components.Example) string {
	return idPart(c.Component) + "-" + idPart(e.Name)
}

// idPart makes a name part of an id: lower-case ASCII letters and digits
// joined by dashes.
func idPart(s string) string { return pagetype.Slug(s) }

// findExample finds an example by its id.
func findExample(id string, site gjson.Result) (components.ComponentExamples, components.Example, bool) {
	for _, c := range components.Examples(site) {
		for _, e := range c.Examples {
			if exampleID(c, e) == id {
				return c, e, true
			}
		}
	}
	return components.ComponentExamples{}, components.Example{}, false
}

// idRefs are the attributes that name ids.
var idRefs = []string{"for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "list"}

// prefixIDs gives every id in an example's HTML, and every reference to
// one, the example's prefix: the gallery shows many examples of one
// component, whose ids must stay unique in the page. References to ids
// the example does not hold (the skip link's #main-content) are kept.
// An autofocus ("Is this page useful?" after No) is dropped: on its own
// page it takes the visitor to the box they opened, in the gallery it
// would take them halfway down the page.
func prefixIDs(fragment, prefix string) string {
	ctx := &xhtml.Node{Type: xhtml.ElementNode, Data: "div", DataAtom: atom.Div}
	nodes, err := xhtml.ParseFragment(strings.NewReader(fragment), ctx)
	if err != nil {
		return fragment
	}
	ids := map[string]bool{}
	var walk func(n *xhtml.Node, fn func(*xhtml.Node))
	walk = func(n *xhtml.Node, fn func(*xhtml.Node)) {
		fn(n)
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, fn)
		}
	}
	for _, n := range nodes {
		walk(n, func(n *xhtml.Node) {
			for _, a := range n.Attr {
				if a.Key == "id" {
					ids[a.Val] = true
				}
			}
		})
	}
	rename := func(id string) string {
		if ids[id] {
			return prefix + "-" + id
		}
		return id
	}
	var out strings.Builder
	for _, n := range nodes {
		walk(n, func(n *xhtml.Node) {
			n.Attr = slices.DeleteFunc(n.Attr, func(a xhtml.Attribute) bool { return a.Key == "autofocus" })
			for i, a := range n.Attr {
				switch {
				case a.Key == "id":
					n.Attr[i].Val = rename(a.Val)
				case a.Key == "href" && strings.HasPrefix(a.Val, "#"):
					n.Attr[i].Val = "#" + rename(a.Val[1:])
				default:
					for _, ref := range idRefs {
						if a.Key == ref {
							f := strings.Fields(a.Val)
							for j := range f {
								f[j] = rename(f[j])
							}
							n.Attr[i].Val = strings.Join(f, " ")
						}
					}
				}
			}
		})
		xhtml.Render(&out, n)
	}
	return out.String()
}
