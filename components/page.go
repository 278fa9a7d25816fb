package components

import (
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
)

// Page is everything a server render of one page is made from. The server
// builds it for each render and renders it with Render (or hands it to
// go-app's handler with RenderURL); nothing else decides what the render
// shows.
type Page struct {
	Source  Source          // the content: site settings, views, search
	View    gjson.Result    // the view of Path, from Source
	Path    string          // the page rendered; for an unknown path, the not-found page's own
	Query   string          // the query asked for, encoded
	Consent *consent.Record // the visitor's record; nil when none
	Missing string          // for the not-found page: the path that was asked for
}
