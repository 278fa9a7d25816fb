//go:build wasm

package components

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

// pageFor: the browser renders from its own source (OnInit), never from a
// server's Page.
func pageFor(u *url.URL) *Page { return &Page{Path: u.Path} }

// keptHeader and keptPart: the browser renders every part itself.
func keptHeader(_ *Root, h *Header) app.UI { return h }

func keptPart(_ *Root, _ string, build func() app.UI) app.UI { return build() }

// keptCard: the browser renders each card itself.
func keptCard(card gjson.Result, headingLevel int, showDate bool, w words.Words) app.UI {
	return Card(card, headingLevel, showDate, w)
}
