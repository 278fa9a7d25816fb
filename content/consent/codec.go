//go:build !wasm

package consent

import (
	_ "embed"
	"encoding/json"
	"net/url"
	"strings"
	"time"
)

// Decide reads a consent form against the visitor's record in force
// (current: nil when there is none, or it answers an older policy). It
// gives the choices to record and the note that the address the visitor
// goes back to carries, which says what was chosen; ok is false when the
// form says nothing this table knows. The forms are the banner's (Accept,
// Reject), a video placeholder's ("Allow videos": media on, the rest as it
// was) and the settings page's (Save with yes or no for each category, and
// Withdraw). consent.js's decide is the same table for the static copy.
func Decide(form url.Values, current *Record) (choices map[string]bool, note string, ok bool) {
	choices = make(map[string]bool, len(Categories))
	switch chose := form.Get("consent"); {
	case chose == "accept":
		for _, c := range Categories {
			choices[c] = true
		}
		return choices, "consent=accepted", true
	case chose == "reject", form.Has("withdraw"):
		if form.Has("withdraw") {
			return choices, "saved=withdrawn", true
		}
		return choices, "consent=rejected", true
	case chose == "media":
		for _, c := range Categories {
			choices[c] = current.Allows(c)
		}
		choices[Media] = true
		return choices, "consent=media", true
	case form.Has("save"):
		for _, c := range Categories {
			choices[c] = form.Get(c) == "yes"
		}
		return choices, "saved=1", true
	}
	return nil, "", false
}

//go:embed consent.js
var codec string

// letters are the categories' letters as Value writes them, in order:
// each when not allowed, and when allowed.
func letters() (no, yes string) {
	all := map[string]bool{}
	for _, c := range Categories {
		all[c] = true
	}
	last := func(v string) string { return v[strings.LastIndexByte(v, '.')+1:] }
	return last((&Record{}).Value()), last((&Record{Choices: all}).Value())
}

// codecConfig is where Script puts the configuration in consent.js.
const codecConfig = "/* consent.Script: configuration */ null"

// Script is the JavaScript codec (consent.js) configured from this
// package: the cookie's name and lifetime, the categories in order with
// the letters each is written as, the category a video's "Allow videos"
// turns on, and policy, the version in force.
func Script(policy string) string {
	type category struct {
		Name string `json:"name"`
		No   string `json:"no"`
		Yes  string `json:"yes"`
	}
	cfg := struct {
		Cookie     string     `json:"cookie"`
		MaxAge     int        `json:"maxAge"`
		Policy     string     `json:"policy"`
		Categories []category `json:"categories"`
		Media      string     `json:"media"`
	}{Cookie: CookieName, MaxAge: int(MaxAge / time.Second), Policy: policy, Media: Media}
	no, yes := letters()
	for i, c := range Categories {
		cfg.Categories = append(cfg.Categories, category{c, no[i : i+1], yes[i : i+1]})
	}
	b, err := json.Marshal(cfg)
	if err != nil || !strings.Contains(codec, codecConfig) {
		panic("consent: consent.js cannot be configured") // a build that cannot pass its tests
	}
	return strings.Replace(codec, codecConfig, string(b), 1)
}
