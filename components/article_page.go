package components

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// ArticlePage renders a blog post, news item or feature: type and date,
// title, authors with their roles, numbered "Page contents", the body with
// numbered sections, related subjects, share links and "Last edited".
//
// Options:
//   - View: the article's view.
//   - Words: the site's words.
//   - Origin: the site's public origin, for share links.
//   - Media: the visitor allows embedded media (videos).
type ArticlePage struct {
	app.Compo
	View   gjson.Result
	Words  words.Words // the site's words
	Origin string
	Media  bool // the visitor allows embedded media
}

// Render returns the page.
func (p *ArticlePage) Render() app.UI {
	page := pagedata.Of(p.View).Page()
	body := page.Body()
	contents := PageContents(p.Words.Get(words.PageContents), headingsOf(body, newOutline()), true)
	blocks := &Blocks{Words: p.Words, Items: body, Numbered: true, Media: p.Media, Path: page.Path()}

	label := pagetype.Get(page.Type()).Label
	published := page.Published()

	var authors app.UI
	if list := page.Authors().Array(); len(list) > 0 {
		lis := make([]app.UI, len(list))
		for i, a := range list {
			lis[i] = app.Elem("li").Class("nhsd-authors__item").Body(
				app.Elem("span").Class("nhsd-authors__name").Text(a.Get("name").String()),
				app.Elem("span").Class("nhsd-authors__role").Text(a.Get("role").String()),
			)
		}
		authors = app.Elem("div").Class("nhsd-authors").Body(
			app.Elem("p").Class("nhsd-authors__title").Text(p.Words.Get(words.WrittenBy)),
			app.Elem("ul").Class("nhsd-authors__list").Body(lis...),
		)
	}

	var subjects app.UI
	if list := page.RelatedSubjects().Array(); len(list) > 0 {
		lis := make([]app.UI, len(list))
		for i, s := range list {
			lis[i] = app.Elem("li").Class("nhsd-subjects__item").Body(
				app.Elem("a").Class("nhsd-subjects__link").Attr("href", "/search?q="+url.QueryEscape(s.String())).Text(s.String()))
		}
		subjects = app.Elem("section").Class("nhsd-subjects").Aria("labelledby", "nhsd-subjects-title").Body(
			app.Elem("h2").ID("nhsd-subjects-title").Class("nhsd-heading-m").Text(p.Words.Get(words.RelatedSubjects)),
			app.Elem("ul").Class("nhsd-subjects__list").Body(lis...),
		)
	}

	return PageShell{
		Words: p.Words,
		Tag:   "article",
		Class: "nhsd-article",
		Above: app.Elem("p").Class("nhsd-caption").Body(
			app.Text(label+" · "),
			app.Elem("time").Attr("datetime", attr(published)).Text(formatDate(published)),
		),
		Title:    page.Title(),
		Lead:     page.Summary(),
		Intro:    []app.UI{authors},
		Sidebar:  true,
		Contents: contents,
		Body: []app.UI{
			app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...),
			subjects,
			ShareLinks(p.Origin+page.Path(), page.Title(), p.Words),
		},
		LastEdited: lastEditedOf(page),
	}.Render()
}

// ShareLinks offers plain links to share a page by email and on social
// networks. They load nothing from those networks until followed.
//
// Options:
//   - pageURL: the page's full address.
//   - title: the page's title, for the email's subject and the post.
func ShareLinks(pageURL, title string, w words.Words) app.UI {
	u, t := url.QueryEscape(pageURL), url.QueryEscape(title)
	links := []struct{ text, href string }{
		{w.Get(words.ShareEmail), "mailto:?subject=" + url.PathEscape(title) + "&body=" + url.PathEscape(pageURL)},
		{"LinkedIn", "https://www.linkedin.com/sharing/share-offsite/?url=" + u},
		{"X (Twitter)", "https://twitter.com/intent/tweet?url=" + u + "&text=" + t},
		{"Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + u},
	}
	lis := make([]app.UI, len(links))
	for i, l := range links {
		lis[i] = app.Elem("li").Class("nhsd-share__item").Body(
			app.Elem("a").Class("nhsd-link").Attr("href", attr(l.href)).Body(
				app.Text(l.text), app.Elem("span").Class("nhsd-visually-hidden").Text(" "+w.Get(words.ShareNote))))
	}
	return app.Elem("section").Class("nhsd-share").Aria("labelledby", "nhsd-share-title").Body(
		app.Elem("h2").ID("nhsd-share-title").Class("nhsd-heading-m").Text(w.Get(words.ShareThisPage)),
		app.Elem("ul").Class("nhsd-share__list").Body(lis...),
	)
}
