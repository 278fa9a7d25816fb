//go:build !wasm

package server

import (
	"encoding/xml"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

// Adding a page type is an entry in the registry, a component and its
// pages: with nothing else changed, the site serves the new pages with
// their component, lists them in the sitemap, search and their own feed.
func TestAddingAPageType(t *testing.T) {
	pagetype.Register(&pagetype.Type{Name: "event", Label: "Event", Prefix: "/events/", Component: "event",
		Scope: pagetype.ScopeNews, Feed: "events.xml", FeedTitle: "events", FeedLink: "/",
		Fields: []pagetype.Field{{Name: "body", Kind: pagetype.Blocks, Required: true}, {Name: "venue", Kind: pagetype.String, Required: true}}})
	t.Cleanup(func() { pagetype.Unregister("event") })
	components.RegisterPage("event", func(c components.PageContext) app.UI {
		page := c.View.Get("page")
		return app.Div().ID("nhsd-event").Body(app.H1().Text(page.Get("title").String()), app.P().Text("Venue: "+page.Get("venue").String()))
	})

	tree := copyFS(content.Embedded())
	tree["pages/events/a-conference.md"] = &fstest.MapFile{Data: []byte(`---
id: 5b0c4a52-0d8e-4c71-9a55-3f9f7e0e2a10
type: event
path: /events/a-conference
title: A conference
summary: An example event.
status: published
published: 2024-05-01
lastEdited: 2024-05-01T10:00:00Z
venue: Leeds
---

About the event.
`)}
	store, err := content.Load(tree, content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, store)

	r := get(srv, "/events/a-conference")
	if r.code != 200 || !strings.Contains(r.body, `id="nhsd-event"`) || !strings.Contains(r.body, "Venue: Leeds") {
		t.Fatalf("the event page: %d, rendered by its component: %v", r.code, strings.Contains(r.body, `id="nhsd-event"`))
	}
	if r := get(srv, "/sitemap.xml"); !strings.Contains(r.body, "/events/a-conference</loc>") {
		t.Error("the event is not in the sitemap")
	}
	r = get(srv, "/feeds/events.xml")
	var doc rss
	if r.code != 200 || xml.Unmarshal([]byte(r.body), &doc) != nil || len(doc.Channel.Items) != 1 ||
		!strings.HasSuffix(doc.Channel.Items[0].Link, "/events/a-conference") {
		t.Errorf("the events feed: %d %s", r.code, r.body)
	}
	if r := get(srv, "/"); !strings.Contains(r.body, `href="/feeds/events.xml"`) {
		t.Error("pages do not name the events feed for feed readers")
	}
	if r := get(srv, "/search?q=conference"); !strings.Contains(r.body, `href="/events/a-conference"`) {
		t.Error("search does not find the event")
	}
}

// Each blog series has a feed of its posts, linked from its page and the
// feeds page; its channel links to the series.
func TestBlogSeriesFeeds(t *testing.T) {
	store := realStore(t)
	srv := newServer(t, store)
	series := store.OfType(content.TypeBlogSeries)
	if len(series) != 5 {
		t.Fatalf("%d blog series, want the original's 5", len(series))
	}
	feeds := get(srv, "/about-nhs-digital/rss-feeds").body
	for _, s := range series {
		path := pagetype.MemberFeedPath(s.Path)
		r := get(srv, path)
		var doc rss
		if r.code != 200 || xml.Unmarshal([]byte(r.body), &doc) != nil {
			t.Errorf("%s: %d, not RSS", path, r.code)
			continue
		}
		if !strings.Contains(r.body, "<link>"+store.Origin()+s.Path+"</link>") || len(doc.Channel.Items) != len(store.Members(s.Path)) {
			t.Errorf("%s: %d items, want a channel linking to %s with %d:\n%s", path, len(doc.Channel.Items), s.Path, len(store.Members(s.Path)), r.body)
		}
		if !strings.Contains(get(srv, s.Path).body, `href="`+path+`"`) || !strings.Contains(feeds, `href="`+path+`"`) {
			t.Errorf("%s is not linked from its series page and the feeds page", path)
		}
	}
	if r := get(srv, "/feeds/blog/not-a-series.xml"); r.code != 404 {
		t.Errorf("a feed of no series: %d", r.code)
	}
}
