package components

import (
	"net/url"
	"strings"

	"github.com/tidwall/gjson"
)

// Source gives components the content they render. On the server it reads
// the validated content store; in the browser it is the client's (package
// client), which holds page views fetched from the server's page-data
// endpoint.
type Source interface {
	// Site returns the site settings (navigation, footer).
	Site() gjson.Result
	// View returns the view of a path (see content.View) if it is at hand.
	View(path string) (gjson.Result, bool)
}

// sourceFor returns the source of the browser's renders: the client's
// (see UseClient). A server render is given its source: see Page.
func sourceFor(*url.URL) Source {
	if client == nil {
		return emptySource{}
	}
	return client
}

// emptySource answers a render given no source: every page is unknown.
type emptySource struct{}

func (emptySource) Site() gjson.Result               { return gjson.Result{} }
func (emptySource) View(string) (gjson.Result, bool) { return gjson.Result{}, false }

// PageDataURL is the URL of the view of path on the page-data endpoint.
func PageDataURL(path string) string {
	if path == "/" || path == "" {
		return "/page-data/index.json"
	}
	return "/page-data" + strings.TrimSuffix(path, "/") + ".json"
}

// SiteDataURL is the URL of the site settings on the page-data endpoint.
const SiteDataURL = "/page-data/site.json"
