package components

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

// Blocks renders a list of content blocks (see content/README.md).
//
// Options:
//   - Items: the blocks, a JSON list.
//   - Outline: hands out heading ids; share it with PageContents so both agree.
//   - Numbered: prefix level 2 headings with their number (articles).
//   - Nested: the blocks sit under a level 2 heading of the page (service
//     sections), so the headings of links blocks drop to level 3.
//   - Media: the visitor allows embedded media (video blocks play).
//   - Path: the page, where a video's consent form comes back to.
//   - Words: the site's words (a video's placeholder).
type Blocks struct {
	Items    gjson.Result
	Outline  *outline
	Numbered bool
	Nested   bool
	Media    bool   // the visitor allows embedded media
	Path     string // the page, for forms that come back to it
	Words    words.Words
	h2       int
	last     heading // the last heading block rendered
}

// heading is a heading block's text and id.
type heading struct{ text, id string }

// repeats reports whether a links block's title says again what the
// heading of its section says ("## Latest news" then ":::links Latest
// news"). Such a block is labelled by that heading rather than given a
// second heading of the same words, so the page's headings read once.
func repeats(title string, section heading) bool {
	return section.id != "" && strings.TrimSpace(title) == strings.TrimSpace(section.text)
}

// Render returns the blocks as UI.
func (b *Blocks) Render() []app.UI {
	if b.Outline == nil {
		b.Outline = newOutline()
	}
	var out []app.UI
	for _, blk := range b.Items.Array() {
		if ui := b.block(blk); ui != nil {
			out = append(out, ui)
		}
	}
	return out
}

func (b *Blocks) block(blk gjson.Result) app.UI {
	switch blk.Get("type").String() {
	case "heading":
		text := blk.Get("text").String()
		id := b.Outline.id(text, blk.Get("id").String())
		b.last = heading{text, id}
		switch blk.Get("level").Int() {
		case 2:
			b.h2++
			if b.Numbered {
				return app.Elem("h2").ID(id).Class("nhsd-heading-l").Body(
					app.Elem("span").Class("nhsd-heading__number").Text(strconv.Itoa(b.h2)+". "), app.Text(text))
			}
			return app.Elem("h2").ID(id).Class("nhsd-heading-l").Text(text)
		case 3:
			return app.Elem("h3").ID(id).Class("nhsd-heading-m").Text(text)
		default:
			return app.Elem("h4").ID(id).Class("nhsd-heading-s").Text(text)
		}
	case "paragraph":
		return RichText("p", "nhsd-body", blk.Get("text").String())
	case "list":
		items := blk.Get("items").Array()
		lis := make([]app.UI, len(items))
		for i, it := range items {
			lis[i] = RichText("li", "", it.String())
		}
		if blk.Get("ordered").Bool() {
			return app.Elem("ol").Class("nhsd-list nhsd-list--number").Body(lis...)
		}
		return app.Elem("ul").Class("nhsd-list nhsd-list--bullet").Body(lis...)
	case "quote":
		cite := []app.UI{app.Elem("span").Class("nhsd-quote__name").Text(blk.Get("name").String())}
		if r := blk.Get("role").String(); r != "" {
			cite = append(cite, app.Elem("span").Class("nhsd-quote__role").Text(r))
		}
		return app.Elem("figure").Class("nhsd-quote").Body(
			app.Elem("blockquote").Class("nhsd-quote__text").Body(app.Elem("p").Text(blk.Get("text").String())),
			app.Elem("figcaption").Class("nhsd-quote__cite").Body(cite...),
		)
	case "figures":
		return Figures(blk.Get("items"), "")
	case "callout":
		variant := blk.Get("variant").String()
		if variant == "" {
			variant = "info"
		}
		var title app.UI
		if t := blk.Get("title").String(); t != "" {
			title = app.Elem("p").Class("nhsd-callout__title").Text(t)
		}
		return app.Elem("div").Class("nhsd-callout nhsd-callout--"+attr(variant)).Body(
			title,
			RichText("p", "", blk.Get("text").String()),
		)
	case "table":
		return b.table(blk)
	case "contacts":
		return b.contacts(blk)
	case "links":
		items := blk.Get("items").Array()
		lis := make([]app.UI, len(items))
		for i, it := range items {
			var desc app.UI
			if d := it.Get("description").String(); d != "" {
				desc = app.Elem("p").Class("nhsd-links__description").Text(d)
			}
			lis[i] = app.Elem("li").Class("nhsd-links__item").Body(Link(it.Get("href").String(), it.Get("text").String()), desc)
		}
		title := blk.Get("title").String()
		list := app.Elem("ul").Class("nhsd-links__list").Body(lis...)
		if repeats(title, b.last) {
			return app.Elem("nav").Class("nhsd-links").Aria("labelledby", attr(b.last.id)).Body(list)
		}
		var heading app.UI = app.Elem("h2").ID(b.Outline.id(title, "")).Class("nhsd-heading-m").Text(title)
		if b.Nested {
			heading = app.Elem("h3").ID(b.Outline.id(title, "")).Class("nhsd-heading-m").Text(title)
		}
		return app.Elem("nav").Class("nhsd-links").Aria("label", attr(title)).Body(heading, list)
	case "video":
		return Video(blk, b.Media, b.Path, b.Words)
	case "image":
		img := app.Img().Class("nhsd-image__img").Attr("src", attr(blk.Get("src").String())).
			Alt(attr(blk.Get("alt").String())).
			Width(int(blk.Get("width").Int())).Attr("height", int(blk.Get("height").Int())).
			Loading("lazy").Attr("decoding", "async")
		var caption app.UI
		if c := blk.Get("caption").String(); c != "" {
			caption = app.Elem("figcaption").Class("nhsd-image__caption").Text(c)
		}
		return app.Elem("figure").Class("nhsd-image").Body(img, caption)
	}
	return nil
}

func (b *Blocks) table(blk gjson.Result) app.UI {
	head := blk.Get("head").Array()
	ths := make([]app.UI, len(head))
	for i, h := range head {
		ths[i] = app.Elem("th").Attr("scope", "col").Text(h.String())
	}
	rows := blk.Get("rows").Array()
	trs := make([]app.UI, len(rows))
	for i, r := range rows {
		cells := r.Array()
		tds := make([]app.UI, len(cells))
		for j, c := range cells {
			if j == 0 {
				tds[j] = app.Elem("th").Attr("scope", "row").Body(RichText("span", "", c.String()))
			} else {
				tds[j] = app.Elem("td").Body(RichText("span", "", c.String()))
			}
		}
		trs[i] = app.Elem("tr").Body(tds...)
	}
	return app.Elem("div").Class("nhsd-table-wrap").Attr("role", "region").Aria("label", attr(blk.Get("caption").String())).TabIndex(0).Body(
		app.Elem("table").Class("nhsd-table").Body(
			app.Elem("caption").Class("nhsd-table__caption").Text(blk.Get("caption").String()),
			app.Elem("thead").Body(app.Elem("tr").Body(ths...)),
			app.Elem("tbody").Body(trs...),
		),
	)
}

func (b *Blocks) contacts(blk gjson.Result) app.UI {
	items := blk.Get("items").Array()
	rows := make([]app.UI, 0, len(items)*2)
	for _, it := range items {
		var value app.UI = app.Text(it.Get("value").String())
		if h := it.Get("href").String(); h != "" {
			value = Link(h, it.Get("value").String())
		}
		rows = append(rows, app.Elem("div").Class("nhsd-contacts__row").Body(
			app.Elem("dt").Class("nhsd-contacts__label").Text(it.Get("label").String()),
			app.Elem("dd").Class("nhsd-contacts__value").Body(value),
		))
	}
	var title app.UI
	if t := blk.Get("title").String(); t != "" {
		title = app.Elem("h3").ID(b.Outline.id(t, "")).Class("nhsd-heading-s").Text(t)
	}
	return app.Elem("div").Class("nhsd-contacts").Body(title, app.Elem("dl").Class("nhsd-contacts__list").Body(rows...))
}

// Figures renders headline figures: a big value, its label and a sentence.
//
// Options:
//   - items: a JSON list of {value, label, text, link{text, href}}; text
//     and link may be left out.
//   - title: unused (the caller gives the group its heading).
func Figures(items gjson.Result, title string) app.UI {
	list := items.Array()
	lis := make([]app.UI, len(list))
	for i, it := range list {
		var text, link app.UI
		if t := it.Get("text").String(); t != "" {
			text = app.Elem("p").Class("nhsd-figures__text").Text(t)
		}
		if l := it.Get("link"); l.Exists() {
			link = app.Elem("p").Class("nhsd-figures__link").Body(Link(l.Get("href").String(), l.Get("text").String()))
		}
		lis[i] = app.Elem("li").Class("nhsd-figures__item").Body(
			app.Elem("p").Class("nhsd-figures__figure").Body(
				app.Elem("span").Class("nhsd-figures__value").Text(it.Get("value").String()),
				app.Text(" "),
				app.Elem("span").Class("nhsd-figures__label").Text(it.Get("label").String()),
			),
			text, link,
		)
	}
	return app.Elem("ul").Class("nhsd-figures").Body(lis...)
}

// headingsOf lists the level 2 headings of blocks, with the ids Blocks will
// give them when rendered with a fresh outline.
func headingsOf(blocks gjson.Result, o *outline) []contentsEntry {
	var out []contentsEntry
	var last heading
	for _, blk := range blocks.Array() {
		switch blk.Get("type").String() {
		case "heading":
			text := blk.Get("text").String()
			id := o.id(text, blk.Get("id").String())
			last = heading{text, id}
			if blk.Get("level").Int() == 2 {
				out = append(out, contentsEntry{ID: id, Text: text})
			}
		case "links":
			if t := blk.Get("title").String(); !repeats(t, last) {
				o.id(t, "")
			}
		case "contacts":
			if t := blk.Get("title").String(); t != "" {
				o.id(t, "")
			}
		}
	}
	return out
}
