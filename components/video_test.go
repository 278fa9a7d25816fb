//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// Before consent nothing comes from YouTube: a placeholder says why, a
// form posted to /consent allows videos and comes back to the page, and
// a link watches it on YouTube instead.
func TestVideoBeforeConsent(t *testing.T) {
	d := exampleDoc(t, "Video", "Before consent")
	d.none("iframe")
	d.wantTexts("figure.nhsd-video .nhsd-video__title", "Video: An example video")
	d.one("figure.nhsd-video > div.nhsd-video__placeholder > form[method=post][action=/consent]")
	d.wantAttrs("form input[type=hidden][name=return]", "value", "/example-page")
	d.wantAttrs("form button[type=submit][name=consent]", "value", "media")
	d.wantTexts("form button", "Allow videos and show it")
	d.wantAttrs(".nhsd-video__placeholder a", "href", "https://www.youtube.com/watch?v=example")
	d.wantTexts(".nhsd-video__placeholder a", "Watch it on YouTube instead (external website)")
	d.wantTexts("figure.nhsd-video > figcaption", "The caption of an example video.")
	for _, n := range d.all("[src]") {
		t.Errorf("loads %q before consent", attrOf(n, "src"))
	}
	checkAccessible(t, d)
}

// With consent: the frame from youtube-nocookie.com, titled, and no form.
func TestVideoWithConsent(t *testing.T) {
	d := renderDoc(t, Video(gjson.Parse(`{"youtubeId": "abc_-1", "title": "An example video"}`), true, "/p", testWords))
	frame := d.one("figure.nhsd-video > div.nhsd-video__frame > iframe.nhsd-video__iframe")
	for k, v := range map[string]string{
		"src": "https://www.youtube-nocookie.com/embed/abc_-1", "title": "Video: An example video",
		"loading": "lazy", "referrerpolicy": "strict-origin-when-cross-origin",
	} {
		if got := attrOf(frame, k); got != v {
			t.Errorf("frame %s = %q, want %q", k, got, v)
		}
	}
	d.none("form")
	d.none("figcaption") // none given
	checkAccessible(t, d)
}

func TestVideoEscapes(t *testing.T) {
	h := jsonString(hostile)
	block := gjson.Parse(`{"youtubeId": ` + h + `, "title": ` + h + `, "caption": ` + h + `}`)
	for _, allowed := range []bool{false, true} {
		d := renderDoc(t, Video(block, allowed, "/"+hostile, testWords))
		d.wantSafe()
		d.wantTexts("figcaption", hostile)
		if allowed {
			d.wantAttrs("iframe", "title", "Video: "+hostile)
			d.wantAttrs("iframe", "src", "https://www.youtube-nocookie.com/embed/"+hostile)
		} else {
			d.wantTexts(".nhsd-video__title", "Video: "+hostile)
			d.wantAttrs("input[name=return]", "value", "/"+hostile)
			d.wantAttrs(".nhsd-video__placeholder a", "href", "https://www.youtube.com/watch?v="+hostile)
		}
	}
}
