//go:build !wasm

package components

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

func render(ui ...app.UI) string { return app.HTMLString(app.Div().Body(ui...)) }

// The blocks as the page data sends them: inline text is HTML made by the
// server (content/inline.HTML; its tests check the escaping).
func TestBlocksRenderEveryType(t *testing.T) {
	items := gjson.Parse(`[
	  {"type": "heading", "level": 2, "text": "Overview"},
	  {"type": "paragraph", "text": "See <a class=\"nhsd-link\" href=\"/services/spine\">Spine</a>, <em>now</em>."},
	  {"type": "list", "ordered": true, "items": ["one", "<strong>two</strong>"]},
	  {"type": "quote", "text": "Quoted words", "name": "A Person", "role": "Director"},
	  {"type": "figures", "items": [{"value": "3 billion", "label": "transactions"}]},
	  {"type": "callout", "title": "Note", "text": "Careful", "variant": "warning"},
	  {"type": "table", "caption": "Counts", "head": ["Region", "Count"], "rows": [["North", "<a class=\"nhsd-link\" href=\"/x\">12</a>"]]},
	  {"type": "contacts", "items": [{"label": "Email", "value": "a@b.c", "href": "mailto:a@b.c"}]},
	  {"type": "links", "title": "Related", "items": [{"text": "NHS", "href": "https://www.nhs.uk"}]},
	  {"type": "image", "src": "/web/images/a.png", "alt": "A chart", "width": 640, "height": 360, "caption": "Figure 1"},
	  {"type": "heading", "level": 2, "text": "Overview"}
	]`)
	b := &Blocks{Words: testWords, Items: items}
	html := render(b.Render()...)
	for _, want := range []string{
		`id="overview"`,
		`<p class="nhsd-body">See <a class="nhsd-link" href="/services/spine">Spine</a>, <em>now</em>.</p>`,
		`<ol class="nhsd-list nhsd-list--number">`, `<strong>two</strong>`,
		`<blockquote`, `A Person`, `Director`,
		`3 billion`, `nhsd-callout--warning`,
		`<caption class="nhsd-table__caption">`, `<th scope="col">`, `<th scope="row">`, `<a class="nhsd-link" href="/x">12</a>`,
		`<dt class="nhsd-contacts__label">`, `href="mailto:a@b.c"`,
		`(external website)`,
		`alt="A chart"`, `width="640"`, `height="360"`, `loading="lazy"`, `Figure 1`,
		`id="overview-2"`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("rendered blocks lack %s", want)
		}
	}
	// The contents list gives the same ids as the body.
	entries := headingsOf(items, newOutline())
	if len(entries) != 2 || entries[0].ID != "overview" || entries[1].ID != "overview-2" {
		t.Errorf("headingsOf = %+v", entries)
	}
	if PageContents(testWords.Get(words.PageContents), entries[:1], false) != nil {
		t.Error("a page with one section should have no contents list")
	}
}

// Content cannot add markup through a block's plain-text fields or
// attributes (inline text is HTML the server made: see RichText).
func TestBlocksEscape(t *testing.T) {
	h := jsonString(hostile)
	items := gjson.Parse(`[
	  {"type": "heading", "level": 2, "text": ` + h + `},
	  {"type": "quote", "text": ` + h + `, "name": ` + h + `, "role": ` + h + `},
	  {"type": "figures", "items": [{"value": ` + h + `, "label": ` + h + `, "text": ` + h + `, "link": {"text": ` + h + `, "href": ` + jsonString("/"+hostile) + `}}]},
	  {"type": "callout", "variant": ` + h + `, "title": ` + h + `, "text": "x"},
	  {"type": "table", "caption": ` + h + `, "head": [` + h + `], "rows": [["x"]]},
	  {"type": "contacts", "title": ` + h + `, "items": [{"label": ` + h + `, "value": ` + h + `, "href": ` + jsonString("mailto:"+hostile) + `}]},
	  {"type": "links", "title": ` + jsonString(hostile+" links") + `, "items": [{"text": ` + h + `, "href": ` + jsonString("/"+hostile) + `, "description": ` + h + `}]},
	  {"type": "image", "src": ` + jsonString("/"+hostile) + `, "alt": ` + h + `, "width": 1, "height": 1, "caption": ` + h + `}
	]`)
	d := renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items}).Render()...))
	d.wantSafe()
	d.wantTexts("h2.nhsd-heading-l", hostile)
	d.wantTexts("blockquote", hostile)
	d.wantTexts(".nhsd-quote__name", hostile)
	d.wantTexts(".nhsd-quote__role", hostile)
	d.wantTexts(".nhsd-figures__value", hostile)
	d.wantTexts(".nhsd-figures__label", hostile)
	d.wantTexts(".nhsd-figures__text", hostile)
	d.wantAttrs(".nhsd-figures__link a", "href", "/"+hostile)
	d.wantAttrs(".nhsd-callout", "class", "nhsd-callout nhsd-callout--"+hostile)
	d.wantTexts(".nhsd-callout__title", hostile)
	d.wantAttrs(".nhsd-table-wrap", "aria-label", hostile)
	d.wantTexts("caption", hostile)
	d.wantTexts("th[scope=col]", hostile)
	d.wantTexts(".nhsd-contacts h3", hostile)
	d.wantTexts("dt", hostile)
	d.wantAttrs("dd a", "href", "mailto:"+hostile)
	d.wantAttrs("nav.nhsd-links", "aria-label", hostile+" links")
	d.wantTexts("nav.nhsd-links h2", hostile+" links")
	d.wantAttrs(".nhsd-links__item a", "href", "/"+hostile)
	d.wantTexts(".nhsd-links__description", hostile)
	d.wantAttrs("img", "src", "/"+hostile)
	d.wantAttrs("img", "alt", hostile)
	d.wantTexts("figcaption.nhsd-image__caption", hostile)
}

// The example of every block type, as a reader's assistive technology
// meets it.
func TestBlocksExample(t *testing.T) {
	d := exampleDoc(t, "Blocks", "Every type of block")
	d.wantTexts(".nhsd-prose > h2#a-heading.nhsd-heading-l", "A heading")
	d.wantTexts(".nhsd-prose > h3#a-lower-heading.nhsd-heading-m", "A lower heading")
	d.wantTexts(".nhsd-prose > ul.nhsd-list.nhsd-list--bullet > li", "a bulleted item", "another bulleted item")
	d.wantTexts(".nhsd-prose > ol.nhsd-list.nhsd-list--number > li", "a numbered item", "another numbered item")
	d.wantTexts("figure.nhsd-quote > blockquote.nhsd-quote__text > p", "The words of an example quotation.")
	d.wantTexts("figure.nhsd-quote > figcaption", "Example Person Example role")
	d.wantTexts("ul.nhsd-figures > li .nhsd-figures__figure", "123 example things")
	d.wantAttrs(".nhsd-callout", "class", "nhsd-callout nhsd-callout--info", "nhsd-callout nhsd-callout--warning")
	d.wantTexts(".nhsd-callout > p.nhsd-callout__title", "An example callout", "An example warning")
	// A table: a focusable region (it scrolls sideways on phones) named by
	// its caption, header cells scoped.
	wrap := d.one("div.nhsd-table-wrap[role=region][tabindex=0]")
	if attrOf(wrap, "aria-label") != "An example table" {
		t.Errorf("table region label %q", attrOf(wrap, "aria-label"))
	}
	d.wantTexts("table > caption", "An example table")
	d.wantTexts("thead th[scope=col]", "Example row", "First value", "Second value")
	d.wantTexts("tbody th[scope=row]", "First row", "Second row")
	d.wantAttrs("tbody td a", "href", "/services/example")
	d.wantTexts(".nhsd-contacts > h3#example-contacts", "Example contacts")
	d.wantTexts(".nhsd-contacts dl > div > dt", "Email", "Website")
	d.wantAttrs(".nhsd-contacts dd a", "href", "mailto:example@example.com", "https://example.com/")
	d.wantTexts(".nhsd-contacts dd a .nhsd-visually-hidden", "(external website)")
	d.one("nav.nhsd-links[aria-label=\"Example links\"] > h2#example-links")
	d.wantTexts(".nhsd-links__item > a", "Example service", "Example website (external website)")
	d.wantTexts(".nhsd-links__description", "A sentence about the example service.")
	img := d.one("figure.nhsd-image > img.nhsd-image__img")
	for k, v := range map[string]string{"src": "/web/icons/icon-192.png", "alt": "The site's icon, as an example image", "width": "192", "height": "192", "loading": "lazy", "decoding": "async"} {
		if got := attrOf(img, k); got != v {
			t.Errorf("image %s = %q, want %q", k, got, v)
		}
	}
	d.wantTexts("figure.nhsd-image > figcaption", "The caption of an example image.")
	checkAccessible(t, d)

	d = exampleDoc(t, "Blocks", "Headline figures")
	d.wantTexts(".nhsd-figures__link a", "Example service")
	d.wantTexts(".nhsd-figures__text", "A sentence about the first example figure.", "A sentence about the second example figure.")
}

// Numbered: level 2 headings carry their number; lower ones do not.
func TestBlocksNumbered(t *testing.T) {
	d := exampleDoc(t, "Blocks", "Numbered headings (articles)")
	d.wantTexts("h2 > span.nhsd-heading__number", "1.", "2.")
	d.wantTexts("h2", "1. First section", "2. Second section")
	d.wantTexts("h3", "A subsection")
}

// Under a page's own level 2 heading (Nested), a links block's heading is
// level 3; heading levels 2 and 3 are kept and anything else is level 4;
// unknown blocks are left out.
func TestBlocksLevels(t *testing.T) {
	items := gjson.Parse(`[
	  {"type": "links", "title": "Links", "items": []},
	  {"type": "heading", "level": 4, "text": "Four"},
	  {"type": "heading", "level": 5, "text": "Five"},
	  {"type": "unknown", "text": "Unknown"}
	]`)
	d := renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items, Nested: true}).Render()...))
	d.wantTexts("nav.nhsd-links > h3", "Links")
	d.wantTexts("h4", "Four", "Five")
	if strings.Contains(d.text(), "Unknown") {
		t.Errorf("an unknown block was rendered")
	}
}

// Page contents and the body agree on ids, even when a links or contacts
// block takes a heading's text first, or a heading has its own id.
func TestHeadingsOfAgreeWithBlocks(t *testing.T) {
	items := gjson.Parse(`[
	  {"type": "links", "title": "Contact us", "items": []},
	  {"type": "contacts", "title": "Contact us", "items": []},
	  {"type": "heading", "level": 2, "text": "Contact us"},
	  {"type": "heading", "level": 2, "text": "Own id", "id": "My Own ID"},
	  {"type": "heading", "level": 2, "text": "main content"}
	]`)
	entries := headingsOf(items, newOutline())
	d := renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items}).Render()...))
	var want []string
	for _, e := range entries {
		want = append(want, e.ID)
	}
	d.wantAttrs("h2.nhsd-heading-l", "id", want...)
	if !slices.Equal(want, []string{"contact-us-3", "my-own-id", "main-content-2"}) {
		t.Errorf("ids %q", want)
	}
}

// A links block whose title repeats its section's heading ("## Latest
// news", then ":::links Latest news") is labelled by that heading and has
// none of its own, so a screen reader's list of headings says it once; the
// contents list still agrees with the body's ids. A title that differs,
// or a block with no heading before it, keeps its heading.
func TestLinksRepeatingTheirHeading(t *testing.T) {
	items := gjson.Parse(`[
	  {"type": "links", "title": "Latest news", "items": [{"text": "A", "href": "/a"}]},
	  {"type": "heading", "level": 2, "text": "Latest news"},
	  {"type": "paragraph", "text": "Our news."},
	  {"type": "links", "title": " Latest news", "items": [{"text": "B", "href": "/b"}]},
	  {"type": "heading", "level": 2, "text": "Features"},
	  {"type": "links", "title": "Latest features", "items": [{"text": "C", "href": "/c"}]},
	  {"type": "links", "title": "features", "items": [{"text": "D", "href": "/d"}]},
	  {"type": "heading", "level": 2, "text": "Latest news"}
	]`)
	d := renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items}).Render()...))
	d.wantTexts("h2", "Latest news", "Latest news", "Features", "Latest features", "features", "Latest news")
	d.wantAttrs("nav.nhsd-links", "aria-label", "Latest news", "", "Latest features", "features")
	d.wantAttrs("nav.nhsd-links", "aria-labelledby", "", "latest-news-2", "", "")
	d.one("h2#latest-news-2 + p + nav[aria-labelledby=latest-news-2] > ul > li > a[href=\"/b\"]")
	var ids []string
	for _, e := range headingsOf(items, newOutline()) {
		ids = append(ids, e.ID)
	}
	d.wantAttrs("h2.nhsd-heading-l", "id", ids...)
	if !slices.Equal(ids, []string{"latest-news-2", "features", "latest-news-3"}) {
		t.Errorf("ids %q", ids)
	}
	checkAccessible(t, d)
}

// A video block is a Video, with the visitor's consent and the page.
func TestBlocksVideo(t *testing.T) {
	items := gjson.Parse(`[{"type": "video", "youtubeId": "abc", "title": "T"}]`)
	d := renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items, Path: "/a-page"}).Render()...))
	d.wantAttrs("input[name=return]", "value", "/a-page")
	d.none("iframe")
	d = renderDoc(t, app.Div().Body((&Blocks{Words: testWords, Items: items, Media: true}).Render()...))
	d.one("iframe")
}
