// Package content loads, validates and serves the site's content: the
// editors' files (site.json and a file for each page under pages/), which
// Load reads and checks, listing every problem with its file and field.
// A Store holds the valid pages by path and type, their search documents
// and each page's view (breadcrumbs, cards, related pages) as the page
// components read it; Store.At gives the pages served at a given time, for
// scheduled publishing. The files themselves are embedded (Embedded), and
// README.md beside this file documents every page type, field and block.
package content
