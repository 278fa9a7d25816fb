//go:build !wasm

package server

import (
	"encoding/xml"
	"time"

	"nhsdigital/content"
)

// Feeds lists the RSS feeds: file name, title and the page type they carry.
var Feeds = []struct{ Name, Title, Type string }{
	{"news.xml", "NHS Digital: latest news", content.TypeNews},
	{"blogs.xml", "NHS Digital: blogs", content.TypeBlog},
	{"publications.xml", "NHS Digital: statistical publications", content.TypePublication},
}

type rss struct {
	XMLName xml.Name   `xml:"rss"`
	Version string     `xml:"version,attr"`
	Atom    string     `xml:"xmlns:atom,attr"`
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
	Title       string  `xml:"title"`
	Link        string  `xml:"link"`
	GUID        rssGUID `xml:"guid"`
	PubDate     string  `xml:"pubDate"`
	Description string  `xml:"description"`
}

type rssGUID struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

// feed builds one RSS feed from the published pages of a type.
func feed(store *content.Store, name, title, typ string) []byte {
	origin := store.Origin()
	ch := rssChannel{
		Title:       title,
		Link:        origin + "/",
		Self:        atomLink{Href: origin + "/feeds/" + name, Rel: "self", Type: "application/rss+xml"},
		Description: store.Site().Get("description").String(),
		Language:    "en-gb",
	}
	for i, d := range store.OfType(typ) {
		if i == 0 {
			ch.LastBuild = d.Published.Format(time.RFC1123Z)
		}
		if i == 50 {
			break
		}
		ch.Items = append(ch.Items, rssItem{
			Title:       d.Title,
			Link:        origin + d.Path,
			GUID:        rssGUID{Value: origin + d.Path, IsPermaLink: true},
			PubDate:     d.Published.Format(time.RFC1123Z),
			Description: d.Summary,
		})
	}
	b, _ := xml.MarshalIndent(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, "", "  ")
	return append([]byte(xml.Header), b...)
}

// machineReadable builds the feeds, sitemap and robots.txt once, at start.
func machineReadable(store *content.Store) map[string]*asset {
	out := map[string]*asset{
		"/sitemap.xml": newAsset("sitemap.xml", sitemap(store), "application/xml; charset=utf-8"),
		"/robots.txt": newAsset("robots.txt", []byte("User-agent: *\nAllow: /\nDisallow: /page-data/\nDisallow: /offline\n\nSitemap: "+
			store.Origin()+"/sitemap.xml\n"), "text/plain; charset=utf-8"),
	}
	for _, f := range Feeds {
		out["/feeds/"+f.Name] = newAsset(f.Name, feed(store, f.Name, f.Title, f.Type), "application/rss+xml; charset=utf-8")
	}
	return out
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

// sitemap lists every published page but the not-found and offline pages.
func sitemap(store *content.Store) []byte {
	origin := store.Origin()
	set := urlset{NS: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, d := range store.Docs() {
		if d.Type == content.TypeNotFound || d.Type == content.TypeOffline || d.Status != "published" {
			continue
		}
		set.URLs = append(set.URLs, sitemapURL{Loc: origin + d.Path, LastMod: d.LastEdited.Format("2006-01-02")})
	}
	b, _ := xml.MarshalIndent(set, "", "  ")
	return append([]byte(xml.Header), b...)
}
