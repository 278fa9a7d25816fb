// Package client is the browser's side of the app, in the WebAssembly
// only: it fetches page data with the browser's fetch and keeps it, loads
// the search index a shard at a time and answers searches from it, counts
// page views made inside the app, keeps what a visitor typed and where
// their focus was while the client takes the prerendered page over, and
// runs Go's collector in the visitor's pauses (collect.go).
// It gives all of this to the components (components.Client), which only
// render. Start is the WebAssembly's entry point's first call.
package client
