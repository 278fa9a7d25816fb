//go:build !wasm

package components

import (
	"regexp"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
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
	b := &Blocks{Items: items}
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
	if PageContents(entries[:1], false) != nil {
		t.Error("a page with one section should have no contents list")
	}
}

func TestRichTextIsOneElement(t *testing.T) {
	html := render(RichText("p", "nhsd-body", `a <em>b</em>`))
	if !strings.Contains(html, `<p class="nhsd-body">a <em>b</em></p>`) {
		t.Errorf("RichText: %s", html)
	}
}

func TestAttributeValuesCannotBreakOut(t *testing.T) {
	html := render(app.Input().Value(attr(`x" autofocus onfocus="alert(1)`)), app.Input().Value(attr(`back\slash café`)))
	if regexp.MustCompile(`onfocus="`).MatchString(html) || !strings.Contains(html, `&quot;`) {
		t.Errorf("quote escaped the attribute: %s", html)
	}
	if strings.Contains(html, `\\`) || !strings.Contains(html, "&#92;") || !strings.Contains(html, "&#233;") {
		t.Errorf("backslash or accent mangled: %s", html)
	}
}

func TestLeavesApp(t *testing.T) {
	for href, want := range map[string]bool{
		"/services/spine": false, "#main-content": false, "/search?q=x": false,
		"https://www.nhs.uk": true, "mailto:a@b.c": true, "/feeds/news.xml": true, "/sitemap.xml": true,
		"/web/icons/icon.svg": true, "//evil.example/x": true,
	} {
		if got := leavesApp(href); got != want {
			t.Errorf("leavesApp(%q) = %v", href, got)
		}
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
	  {"type": "links", "title": ` + h + `, "items": [{"text": ` + h + `, "href": ` + jsonString("/"+hostile) + `, "description": ` + h + `}]},
	  {"type": "image", "src": ` + jsonString("/"+hostile) + `, "alt": ` + h + `, "width": 1, "height": 1, "caption": ` + h + `}
	]`)
	d := renderDoc(t, app.Div().Body((&Blocks{Items: items}).Render()...))
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
	d.wantAttrs("nav.nhsd-links", "aria-label", hostile)
	d.wantTexts("nav.nhsd-links h2", hostile)
	d.wantAttrs(".nhsd-links__item a", "href", "/"+hostile)
	d.wantTexts(".nhsd-links__description", hostile)
	d.wantAttrs("img", "src", "/"+hostile)
	d.wantAttrs("img", "alt", hostile)
	d.wantTexts("figcaption.nhsd-image__caption", hostile)
}
