//go:build !wasm

package components

import (
	"encoding/json"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/words"
)

// Every word a component shows is the site's: rendered with words of
// another site (each the word's key, placeholders kept), no example shows
// any of this site's words.
func TestWordsAreTheSites(t *testing.T) {
	other := words.Shape(func(d words.Def) string {
		v := "[" + string(d.Key) + "]"
		for _, h := range d.Holds {
			v += " {" + h + "}"
		}
		return v
	})
	raw, _ := json.Marshal(map[string]any{"words": other, "feedbackForm": testForm})
	site := gjson.ParseBytes(raw)

	placeholder := regexp.MustCompile(`\{[a-z]+\}`)
	for _, c := range Examples(site) {
		for _, e := range c.Examples {
			s, err := RenderHTML(e.UI())
			if err != nil {
				t.Fatalf("%s, %s: %v", c.Component, e.Name, err)
			}
			s = html.UnescapeString(s)
			for _, d := range words.All {
				for _, piece := range placeholder.Split(testWords.Get(d.Key), -1) {
					if len(strings.Fields(piece)) >= 2 && strings.Contains(s, strings.TrimSpace(piece)) {
						t.Errorf("%s, %s: shows %q, this site's %s, with another site's words", c.Component, e.Name, strings.TrimSpace(piece), d.Key)
					}
				}
			}
		}
	}
}
