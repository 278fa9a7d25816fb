package components

import "github.com/tidwall/gjson"

// Client is the browser's side of the app, which package client gives the
// components in the WebAssembly (UseClient): page data fetched with the
// browser's fetch and kept, the search index loaded a shard at a time,
// page views counted, and what the visitor did to the prerendered page
// before the client took it over. The components only render; on the
// server there is no client.
type Client interface {
	// Source answers with the views fetched so far. The client's source
	// also searches (Searcher), from the shards it has or fetches.
	Source
	// Load fetches the view of path, keeps it, and calls done once with it.
	Load(path string, done func(gjson.Result, error))
	// Reload brings the site settings and the view of path up to date,
	// forgetting every other view (the content changed: a save in the
	// preview), and calls done once. site and view are their new JSON
	// where it came with the news of the change; what is empty is fetched.
	Reload(path, site, view string, done func(error))
	// CountView counts a view of the page at path (see Root.countView for
	// when).
	CountView(path string)
	// Capture reads the prerendered page: which element has focus, and
	// what was typed into its fields. Nil when there is no page to read.
	Capture() Takeover
}

// Takeover puts back, on the client's own rendering of a page, what the
// visitor did to the prerendered one (see Client.Capture).
type Takeover interface{ Restore() }

// client is the browser's side; nil on the server.
var client Client

// UseClient gives the components the browser's side of the app. The
// WebAssembly's entry point calls it (through package client) before the
// app starts.
func UseClient(c Client) { client = c }
