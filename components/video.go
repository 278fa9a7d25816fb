package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
	"nhsdigital/internal/htmlesc"
)

// Video shows a YouTube video, but only with consent to embedded media:
// until then nothing is loaded from YouTube, and a placeholder explains
// why, offers a button that allows videos (a form the server answers) and
// links to the video on YouTube. It is written as exact HTML, like rich
// text; the content validator allows only letters, digits, - and _ in the
// video ID, and everything else is escaped.
//
// Options:
//   - Block: the video block {youtubeId, title, caption}.
//   - Allowed: the visitor allows embedded media.
//   - Path: the page, where the form comes back to.
//   - Words: the site's words (the placeholder's).
func Video(block gjson.Result, allowed bool, path string, w words.Words) app.UI {
	id := htmlesc.String(block.Get("youtubeId").String())
	title := htmlesc.String(w.Fill(words.VideoTitle, "title", block.Get("title").String()))
	caption := ""
	if c := block.Get("caption").String(); c != "" {
		caption = `<figcaption class="nhsd-image__caption">` + htmlesc.String(c) + `</figcaption>`
	}
	if allowed {
		return app.Raw(`<figure class="nhsd-video"><div class="nhsd-video__frame"><iframe class="nhsd-video__iframe" src="https://www.youtube-nocookie.com/embed/` + id +
			`" title="` + title + `" allow="encrypted-media; picture-in-picture" allowfullscreen loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe></div>` +
			caption + `</figure>`)
	}
	return app.Raw(`<figure class="nhsd-video"><div class="nhsd-video__placeholder"><p class="nhsd-video__title">` + title + `</p>` +
		`<p class="nhsd-body">` + htmlesc.String(w.Get(words.VideoExplain)) + `</p>` +
		`<form method="post" action="/consent"><input type="hidden" name="return" value="` + htmlesc.String(path) + `">` +
		`<button class="nhsd-button" type="submit" name="consent" value="media">` + htmlesc.String(w.Get(words.VideoAllow)) + `</button></form>` +
		`<p class="nhsd-body">` + pagetype.LinkHTML("https://www.youtube.com/watch?v="+block.Get("youtubeId").String(), w.Get(words.VideoWatch)) + `</p>` +
		`</div>` + caption + `</figure>`)
}
