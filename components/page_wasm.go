//go:build wasm

package components

import "net/url"

// pageFor: the browser renders from its own source (OnInit), never from a
// server's Page.
func pageFor(u *url.URL) *Page { return &Page{Path: u.Path} }
