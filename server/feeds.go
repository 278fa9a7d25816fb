//go:build !wasm

package server

import (
	"encoding/xml"
	"path"
	"strings"
	"time"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

// A feedSpec is one RSS feed: its path, title, the page its channel links
// to, and the pages it carries, newest first.
type feedSpec struct {
	Path, Title, Link string
	docs              []*content.Doc
}

// siteFeeds are the feeds of the page types that have one (every blog
// post, news item, publication), which every page names for feed readers.
func siteFeeds(store *content.Store) []feedSpec {
	name := store.Site().Get("name").String()
	var out []feedSpec
	for _, t := range pagetype.All() {
		if t.Feed != "" {
			out = append(out, feedSpec{t.FeedPath(), name + ": " + t.FeedTitle, t.FeedLink, store.OfType(t.Name)})
		}
	}
	return out
}

// allFeeds are the site's feeds and a feed of each listing of members
// that has one (each blog series' posts).
func allFeeds(store *content.Store) []feedSpec {
	name := store.Site().Get("name").String()
	out := siteFeeds(store)
	for _, t := range pagetype.All() {
		if pagetype.MemberFeedsOf(t.Name) == nil {
			continue
		}
		for _, l := range store.OfType(t.Name) {
			out = append(out, feedSpec{pagetype.MemberFeedPath(l.Path), name + ": " + l.Title, l.Path, store.Members(l.Path)})
		}
	}
	return out
}

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
	DC      string     `xml:"xmlns:dc,attr"`
	Channel rssChannel `xml:"channel"`
}

type rssChannel struct {
	Title       string    `xml:"title"`
	Link        string    `xml:"link"`
	Self        atomLink  `xml:"atom:link"`
	Description string    `xml:"description"`
	Language    string    `xml:"language"`
	LastBuild   string    `xml:"lastBuildDate,omitempty"`
	Items       []rssItem `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type rssItem struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        rssGUID  `xml:"guid"`
	PubDate     string   `xml:"pubDate"`
	Description string   `xml:"description"`
	Creators    []string `xml:"dc:creator"` // RSS's own author element wants an email address
	Categories  []string `xml:"category"`
}

type rssGUID struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

// feed builds one RSS feed from the published pages of a type. Each
// item's GUID is the document's own UUID, so it stays the same when the
// page moves; authors and topics come from the document.
func feed(store *content.Store, f feedSpec) []byte {
	origin := store.Origin()
	link := origin + "/"
	if _, ok := store.Doc(f.Link); ok {
		link = origin + f.Link
	}
	ch := rssChannel{
		Title:       f.Title,
		Link:        link,
		Self:        atomLink{Href: origin + f.Path, Rel: "self", Type: "application/rss+xml"},
		Description: store.Site().Get("description").String(),
		Language:    "en-gb",
	}
	for i, d := range f.docs {
		if i == 0 {
			ch.LastBuild = d.Published.Format(time.RFC1123Z)
		}
		if i == 50 {
			break
		}
		item := rssItem{
			Title:       d.Title,
			Link:        origin + d.Path,
			GUID:        rssGUID{Value: "urn:uuid:" + d.ID, IsPermaLink: false},
			PubDate:     d.Published.Format(time.RFC1123Z),
			Description: d.Summary,
			Categories:  d.Topics,
		}
		for _, a := range d.JSON().Get("authors").Array() {
			item.Creators = append(item.Creators, a.Get("name").String())
		}
		ch.Items = append(ch.Items, item)
	}
	b, _ := xml.MarshalIndent(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/elements/1.1/", Channel: ch}, "", "  ")
	return append([]byte(xml.Header), b...)
}

// machineReadable builds the feeds, sitemap and robots.txt once, at start.
func machineReadable(store *content.Store) map[string]*asset {
	out := map[string]*asset{
		"/sitemap.xml": newAsset("sitemap.xml", sitemap(store), "application/xml; charset=utf-8"),
		// Search results (any query and filter) are not crawled: the pages
		// they find are in the sitemap.
		"/robots.txt": newAsset("robots.txt", []byte("User-agent: *\nAllow: /\nDisallow: /page-data/\n"+disallowed()+"\nSitemap: "+
			store.Origin()+"/sitemap.xml\n"), "text/plain; charset=utf-8"),
	}
	for _, f := range allFeeds(store) {
		out[f.Path] = newAsset(path.Base(f.Path), feed(store, f), "application/rss+xml; charset=utf-8")
	}
	return out
}

// disallowed are the robots.txt lines for the pages left out of the
// sitemap that crawlers may still find linked (the not-found page answers
// 404 and needs none).
func disallowed() string {
	var b strings.Builder
	for _, t := range pagetype.All() {
		if t.Unmapped && t.Path != "" && t.Name != pagetype.NotFound {
			b.WriteString("Disallow: " + t.Path + "\n")
		}
	}
	return b.String()
}

type urlset struct {
	XMLName xml.Name     `xml:"urlset"`
	NS      string       `xml:"xmlns,attr"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod"`
}

// sitemap lists every published page but the not-found, offline and
// search pages. A listing's lastmod is its newest item's, when that is
// later than its own edit.
func sitemap(store *content.Store) []byte {
	origin := store.Origin()
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, d := range store.Docs() {
		if pagetype.Get(d.Type).Unmapped || d.Status != "published" {
			continue
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: origin + d.Path, LastMod: lastModified(store, d).Format("2006-01-02")})
	}
	b, _ := xml.MarshalIndent(set, "", "  ")
	return append([]byte(xml.Header), b...)
}

// lastModified is when d last changed as a reader sees it: its own edit,
// or for a listing (an index, a publication series, the home page) the
// newest item it lists, whichever is later.
func lastModified(store *content.Store, d *content.Doc) time.Time {
	t := d.LastEdited
	newer := func(item *content.Doc) {
		for _, c := range []time.Time{item.Published, item.LastEdited} {
			if c.After(t) {
				t = c
			}
		}
	}
	for _, typ := range pagetype.Get(d.Type).Lists {
		if items := store.OfType(typ); len(items) > 0 {
			newer(items[0])
		}
	}
	if members := store.Members(d.Path); len(members) > 0 {
		newer(members[0])
	}
	return t
}
