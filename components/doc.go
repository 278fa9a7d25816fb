// Package components is the site's user interface in go-app: one file per
// component, each a function or type rendering one part of a page (the
// layout pieces, the block renderer, cards, the cookie banner, the forms)
// or one page type (HomePage, ServicePage, SearchPage and the rest). Root
// lays a page out and picks its component by the page's type.
//
// The same code renders on the server (the prerendered HTML) and in the
// WebAssembly client, which takes the page over; components read content
// through a Source, the content store on the server and, in the browser,
// the client's (package client: page data fetched with the browser's
// fetch, the search index, the take-over), which they use through Client
// and never reach into. Everything here is compiled into
// the WebAssembly, whose size is checked against a limit, so server-only
// code belongs in the server package.
package components
