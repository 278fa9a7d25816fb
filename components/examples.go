//go:build !wasm

package components

import (
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/search"
	"nhsdigital/content/words"
)

// Example is one named example of a component: a set of its options. The
// component gallery of the editors' preview (/_preview/components) shows
// each under its name, and the component's tests render the same ones.
// Examples hold only placeholder content ("Example service",
// /services/example): they are no source of facts about the site.
// (This file is not built into the WebAssembly.)
type Example struct {
	Name string        // what the example shows
	Page bool          // a whole page, with its own landmarks: the gallery shows it on a page of its own
	UI   func() app.UI // the component with the example's options, new at each call
}

// ComponentExamples are a component's examples.
type ComponentExamples struct {
	Component string // the component's type or function
	File      string // the file it is defined in, under components/
	About     string // what it is, in a sentence
	Examples  []Example
}

// Examples returns every component's examples, in the gallery's order:
// the parts of every page, content, then each page type. site is the site
// data the client gets (see Source.Site): its words, and the feedback
// form the server writes.
func Examples(site gjson.Result) []ComponentExamples {
	w := words.Of(site)
	form := site.Get("feedbackForm").String()
	src := exampleSource{site: withWords(exampleSite, site)}
	return []ComponentExamples{
		{"SkipLink", "skip_link.go", "The first link of every page, shown when focused: it jumps to the main content.", []Example{
			{Name: "Skip link", UI: func() app.UI { return SkipLink(w.Get(words.SkipLink)) }},
		}},
		{"CookieBanner", "cookie_banner.go", "Asks about additional cookies until the visitor chooses, then confirms the choice.", []Example{
			{Name: "Asking", UI: func() app.UI { return CookieBanner(exampleSite.Get("cookieBanner"), "/services/example", true, "") }},
			{Name: "Additional cookies accepted", UI: func() app.UI {
				return CookieBanner(exampleSite.Get("cookieBanner"), "/services/example", false, "accepted")
			}},
			{Name: "Additional cookies rejected", UI: func() app.UI {
				return CookieBanner(exampleSite.Get("cookieBanner"), "/services/example", false, "rejected")
			}},
		}},
		{"Header", "header.go", "The logo, the search box and the site's sections, folded behind Menu on phones.", []Example{
			{Name: "On a page outside the sections", UI: func() app.UI {
				return &Header{Words: w, Name: exampleSite.Get("name").String(), Navigation: exampleSite.Get("navigation"), Path: "/example-page"}
			}},
			{Name: "On a section's own page", UI: func() app.UI {
				return &Header{Words: w, Name: exampleSite.Get("name").String(), Navigation: exampleSite.Get("navigation"), Path: "/services"}
			}},
			{Name: "On a page in a section", UI: func() app.UI {
				return &Header{Words: w, Name: exampleSite.Get("name").String(), Navigation: exampleSite.Get("navigation"), Path: "/services/example"}
			}},
			{Name: "On the search page, with the query", UI: func() app.UI {
				return &Header{Words: w, Name: exampleSite.Get("name").String(), Navigation: exampleSite.Get("navigation"), Path: "/search", Query: "example words"}
			}},
			{Name: "With the menu open", UI: func() app.UI {
				return &Header{Words: w, Name: exampleSite.Get("name").String(), Navigation: exampleSite.Get("navigation"), Path: "/example-page", open: true}
			}},
		}},
		{"Breadcrumbs", "breadcrumbs.go", "The pages above the current one, Home first.", []Example{
			{Name: "Two levels up", UI: func() app.UI {
				return Breadcrumbs(gjson.Parse(`[{"path": "/", "title": "Home"}, {"path": "/services", "title": "Services"}]`), w.Get(words.BreadcrumbLabel))
			}},
		}},
		{"Footer", "footer.go", "Link groups from the site settings, the cookie settings link and the copyright line.", []Example{
			{Name: "Footer", UI: func() app.UI { return Footer(exampleSite.Get("footer"), w.Get(words.CookieSettings)) }},
		}},
		{"PageShell", "page_shell.go", "The layout every page but the home page builds on: title, lead, body, page contents and Last edited.", []Example{
			{Name: "Title, lead and body", UI: func() app.UI {
				return PageShell{Words: w, Title: "Example page", Lead: "The lead paragraph of an example page.", Body: exampleProse()}.Render()
			}},
			{Name: "In a banner (section hubs)", UI: func() app.UI {
				return PageShell{Words: w, Class: "nhsd-page--hub", Banner: true, Title: "Example section", Lead: "The summary of an example section.", Body: exampleProse()}.Render()
			}},
			{Name: "With a caption, page contents and Last edited", UI: func() app.UI {
				o := newOutline()
				blocks := &Blocks{Words: w, Items: exampleBody, Outline: o}
				return PageShell{Words: w,
					Above:      app.Elem("p").Class("nhsd-caption").Text("Example caption"),
					Title:      "Example article-like page",
					Lead:       "The lead paragraph of an example page.",
					Sidebar:    true,
					Contents:   PageContents(w.Get(words.PageContents), headingsOf(exampleBody, newOutline()), false),
					Body:       []app.UI{app.Elem("div").Class("nhsd-prose").Body(blocks.Render()...)},
					LastEdited: "2024-06-03T13:30:00Z",
				}.Render()
			}},
		}},
		{"PageContents", "page_contents.go", `The "Page contents" list of a long page's sections.`, []Example{
			{Name: "Sections, above the body they list", UI: func() app.UI { return exampleContentsAndBody(false, w) }},
			{Name: "Numbered sections (articles)", UI: func() app.UI { return exampleContentsAndBody(true, w) }},
		}},
		{"Blocks", "blocks.go", "The content blocks of a page's body, each type as content/README.md describes it.", []Example{
			{Name: "Every type of block", UI: func() app.UI {
				b := &Blocks{Words: w, Items: exampleBlocks, Path: "/example-page"}
				return app.Elem("div").Class("nhsd-prose").Body(b.Render()...)
			}},
			{Name: "Numbered headings (articles)", UI: func() app.UI {
				b := &Blocks{Words: w, Items: exampleBody, Numbered: true}
				return app.Elem("div").Class("nhsd-prose").Body(b.Render()...)
			}},
			{Name: "Headline figures", UI: func() app.UI { return Figures(exampleFigures, "") }},
		}},
		{"Link", "inline.go", "A link; one to another website says so to screen readers.", []Example{
			{Name: "A link within the site", UI: func() app.UI { return Link("/services/example", "Example service") }},
			{Name: "A link to another website", UI: func() app.UI { return Link("https://example.com/", "Example website") }},
		}},
		{"Video", "video.go", "A YouTube video, shown only with consent to embedded media; until then a placeholder. (With consent it loads from YouTube, so the gallery shows the placeholder only.)", []Example{
			{Name: "Before consent", UI: func() app.UI {
				return Video(gjson.Parse(`{"type": "video", "youtubeId": "example", "title": "An example video", "caption": "The caption of an example video."}`), false, "/example-page", w)
			}},
		}},
		{"RichText", "escape.go", "Inline HTML made by the server (links, emphasis) put in place as it is.", []Example{
			{Name: "A paragraph with a link and emphasis", UI: func() app.UI {
				return RichText("p", "nhsd-body", `A paragraph with <a class="nhsd-link" href="/services/example">a link</a> and <em>emphasis</em>.`)
			}},
		}},
		{"Card", "card.go", "A page in a list: its type, date or status, title link and summary.", []Example{
			{Name: "A service, with its status", UI: func() app.UI {
				return app.Elem("ul").Class("nhsd-card-list").Body(Card(exampleCards.Get("0"), 3, false, w))
			}},
			{Name: "A blog post, with its date", UI: func() app.UI {
				return app.Elem("ul").Class("nhsd-card-list").Body(Card(exampleCards.Get("1"), 3, true, w))
			}},
			{Name: "A list of cards", UI: func() app.UI { return CardList(exampleCards, 3, true, w) }},
			{Name: "Status tags", UI: func() app.UI {
				return app.Elem("p").Body(StatusTag("live", w.Get(words.StatusPrefix)), app.Text(" "), StatusTag("beta", w.Get(words.StatusPrefix)), app.Text(" "), StatusTag("alpha", w.Get(words.StatusPrefix)),
					app.Text(" "), StatusTag("retiring", w.Get(words.StatusPrefix)), app.Text(" "), StatusTag("retired", w.Get(words.StatusPrefix)))
			}},
		}},
		{"feedbackBlock and usefulBox", "feedback.go", `The feedback form and its thank-you note, and "Is this page useful?" at the foot of pages.`, []Example{
			{Name: "Feedback form", UI: func() app.UI { return feedbackBlock("", form, w) }},
			{Name: "Feedback form for a page", UI: func() app.UI { return feedbackBlock("page=%2Fservices%2Fexample", form, w) }},
			{Name: "Feedback sent", UI: func() app.UI { return feedbackBlock("sent=1", form, w) }},
			{Name: "Is this page useful?", UI: func() app.UI { return usefulBox("/services/example", "", w) }},
			{Name: "Is this page useful? No", UI: func() app.UI { return usefulBox("/services/example", "useful=no", w) }},
			{Name: "Is this page useful? Answered", UI: func() app.UI { return usefulBox("/services/example", "useful=yes", w) }},
		}},
		{"HomePage", "home_page.go", "The home page: hero, promotion, figures, services, feature, blogs, news and data.", []Example{
			{Name: "Home page", UI: func() app.UI { return &HomePage{Words: w, View: exampleHome} }},
		}},
		{"HubPage", "hub_page.go", "A section hub: a banner, the body and the section's featured pages.", []Example{
			{Name: "Section hub", UI: func() app.UI { return &HubPage{Words: w, View: exampleHub} }},
		}},
		{"CataloguePage", "catalogue_page.go", "The service catalogue with its filters.", []Example{
			{Name: "Every service", UI: func() app.UI { return &CataloguePage{Words: w, View: exampleCatalogue} }},
			{Name: "Filtered by status and topic", UI: func() app.UI {
				return &CataloguePage{Words: w, View: exampleCatalogue, Query: "status=live&topic=Example+topic"}
			}},
			{Name: "Nothing matches", UI: func() app.UI { return &CataloguePage{Words: w, View: exampleCatalogue, Query: "q=no+such+words"} }},
		}},
		{"ServicePage", "service_page.go", "A service in the standard template.", []Example{
			{Name: "Service", UI: func() app.UI { return &ServicePage{Words: w, View: exampleService} }},
		}},
		{"ArticlePage", "article_page.go", "A blog post, news item or feature.", []Example{
			{Name: "Blog post", UI: func() app.UI { return &ArticlePage{Words: w, View: exampleBlog, Origin: exampleOrigin} }},
			{Name: "News item without authors", UI: func() app.UI { return &ArticlePage{Words: w, View: exampleNews, Origin: exampleOrigin} }},
		}},
		{"ListingPage", "listing_page.go", "A list of dated pages: the blog index, latest news, features, a series' editions.", []Example{
			{Name: "Blog index", UI: func() app.UI { return &ListingPage{Words: w, View: exampleBlogIndex} }},
			{Name: "A series with no editions yet", UI: func() app.UI { return &ListingPage{Words: w, View: exampleSeries} }},
		}},
		{"PublicationPage", "publication_page.go", "An edition of a statistical publication.", []Example{
			{Name: "Publication with key facts", UI: func() app.UI { return &PublicationPage{Words: w, View: examplePublication} }},
			{Name: "Publication without key facts", UI: func() app.UI { return &PublicationPage{Words: w, View: examplePublicationNoFacts} }},
		}},
		{"ContentPage", "content_page.go", "A generic page: legal and about pages.", []Example{
			{Name: "Page with sections", UI: func() app.UI { return &ContentPage{Words: w, View: exampleContent} }},
			{Name: "Short page", UI: func() app.UI { return &ContentPage{Words: w, View: exampleShortPage} }},
		}},
		{"CookiesPage", "cookies_page.go", "The cookie settings: each category with a choice, and the consent record.", []Example{
			{Name: "Before a choice", UI: func() app.UI { return &CookiesPage{Words: w, View: exampleCookies} }},
			{Name: "Just saved", UI: func() app.UI {
				return &CookiesPage{Words: w, View: exampleCookies, Record: exampleRecord(true, false, true), Saved: "1"}
			}},
		}},
		{"SearchPage", "search_page.go", "The site search, here over a few example pages.", []Example{
			{Name: "Results", UI: func() app.UI {
				return &SearchPage{Words: w, View: exampleSearchView, Query: "q=example", Source: src}
			}},
			{Name: "Second page, by date, with a filter", UI: func() app.UI {
				return &SearchPage{Words: w, View: exampleSearchView, Query: "q=example&sort=date&topic=Example+topic&page=2", Source: src}
			}},
			{Name: "No results", UI: func() app.UI {
				return &SearchPage{Words: w, View: exampleSearchView, Query: "q=zzzz", Source: src}
			}},
		}},
		{"NotFoundPage", "not_found_page.go", "The page for an address with no page, sent with status 404.", []Example{
			{Name: "Not found", UI: func() app.UI { return &NotFoundPage{Words: w, View: exampleNotFound, Path: "/example/no-such-page"} }},
		}},
		{"Root", "root.go", "The whole page: cookie banner, skip link, header, breadcrumbs, the page's component, Is this page useful? and footer.", []Example{
			{Name: "A page before a cookie choice", Page: true, UI: func() app.UI {
				return rootExample(&Page{Path: "/services/example", View: exampleService}, src)
			}},
			{Name: "A page right after accepting cookies", Page: true, UI: func() app.UI {
				return rootExample(&Page{Path: "/example-page", Query: "consent=accepted", View: exampleContent, Consent: exampleRecord(true, true, true)}, src)
			}},
			{Name: "An address with no page", Page: true, UI: func() app.UI {
				return rootExample(&Page{Path: "/404", View: exampleNotFound, Missing: "/example/no-such-page", Consent: exampleRecord(false, false, false)}, src)
			}},
			{Name: "A page whose content could not be had", Page: true, UI: func() app.UI {
				return rootExample(&Page{Path: "/example-page", Consent: exampleRecord(false, false, false)}, src)
			}},
		}},
	}
}

// rootExample is the page Root renders for p, as a server render makes
// it (without the head, which go-app writes around it).
func rootExample(p *Page, src exampleSource) app.UI {
	if p.Source == nil {
		p.Source = src
	}
	r := &Root{}
	r.load(p)
	return r.Render()
}

// RenderHTML writes ui as the server's prerender writes it: components
// are mounted first (their OnInit runs: a page reads its query there),
// and the attribute value "true" stands as itself (see TrueMarker).
func RenderHTML(ui app.UI) (string, error) {
	h := &mounted{ui: ui}
	e := app.NewTestEngine()
	if err := e.Load(h); err != nil {
		return "", err
	}
	e.ConsumeAll()
	s := strings.TrimSpace(app.HTMLString(h))
	if !strings.HasPrefix(s, "<div>") || !strings.HasSuffix(s, "</div>") {
		return "", errors.New("components: the render is not in its div")
	}
	s = strings.TrimSpace(s[len("<div>") : len(s)-len("</div>")])
	return strings.ReplaceAll(s, `="`+TrueMarker+`"`, `="true"`), nil
}

// mounted holds what RenderHTML renders, in a div: a component can render
// nothing, a component's root cannot.
type mounted struct {
	app.Compo
	ui app.UI
}

func (m *mounted) Render() app.UI { return app.Div().Body(m.ui) }

const exampleOrigin = "https://www.example.com"

// exampleSite is site settings of the form content/site.json gives.
var exampleSite = gjson.Parse(`{
  "name": "NHS Digital",
  "origin": "https://www.example.com",
  "cookiePolicy": "example-policy",
  "navigation": [
    {"text": "Services", "href": "/services"},
    {"text": "News", "href": "/news-and-events"},
    {"text": "Example section", "href": "/example-section"}
  ],
  "footer": {
    "groups": [
      {"title": "Legal", "links": [
        {"text": "Privacy and cookies", "href": "/about-nhs-digital/privacy-and-cookies"},
        {"text": "Accessibility statement", "href": "/about-nhs-digital/accessibility"}
      ]},
      {"title": "Example group", "links": [
        {"text": "Example page", "href": "/example-page"},
        {"text": "Example website", "href": "https://example.com/"}
      ]}
    ],
    "copyright": "Example copyright line"
  },
  "cookieBanner": {
    "title": "Cookies on NHS Digital",
    "text": "We use one cookie to remember your choice. With your agreement we would also save pages you read so they work offline, count page views without identifying you, and show videos from other websites.",
    "accept": "Accept additional cookies",
    "reject": "Reject additional cookies",
    "view": "View cookies",
    "accepted": "You’ve accepted additional cookies.",
    "rejected": "You’ve rejected additional cookies.",
    "change": "You can {change your cookie settings} at any time.",
    "hide": "Hide cookie message"
  }
}`)

// exampleRecord is a consent record made a minute ago under the example
// policy, with the given choices.
func exampleRecord(offline, statistics, media bool) *consent.Record {
	return &consent.Record{
		ID:      "00000000-0000-4000-8000-000000000000",
		Time:    time.Now().Add(-time.Minute).UTC().Truncate(time.Second),
		Policy:  exampleSite.Get("cookiePolicy").String(),
		Choices: map[string]bool{consent.Offline: offline, consent.Statistics: statistics, consent.Media: media},
	}
}

func exampleProse() []app.UI {
	return []app.UI{app.Elem("div").Class("nhsd-prose").Body(
		RichText("p", "nhsd-body", "The body of an example page."),
	)}
}

// exampleContentsAndBody is exampleBody with its page contents.
func exampleContentsAndBody(numbered bool, w words.Words) app.UI {
	b := &Blocks{Words: w, Items: exampleBody, Numbered: numbered}
	return app.Elem("div").Body(
		PageContents(w.Get(words.PageContents), headingsOf(exampleBody, newOutline()), numbered),
		app.Elem("div").Class("nhsd-prose").Body(b.Render()...),
	)
}

// exampleBody is a page body with two sections.
var exampleBody = gjson.Parse(`[
  {"type": "paragraph", "text": "The opening paragraph of an example page."},
  {"type": "heading", "level": 2, "text": "First section"},
  {"type": "paragraph", "text": "A paragraph of the first section, with <a class=\"nhsd-link\" href=\"/services/example\">a link to an example service</a>."},
  {"type": "heading", "level": 3, "text": "A subsection"},
  {"type": "paragraph", "text": "A paragraph of the subsection."},
  {"type": "heading", "level": 2, "text": "Second section"},
  {"type": "list", "items": ["the first item of a list", "the second item, with <em>emphasis</em>"]}
]`)

var exampleFigures = gjson.Parse(`[
  {"value": "123", "label": "example things", "text": "A sentence about the first example figure.", "link": {"text": "Example service", "href": "/services/example"}},
  {"value": "45%", "label": "of an example whole", "text": "A sentence about the second example figure."}
]`)

// exampleBlocks has one block of every type but video (see Video).
var exampleBlocks = gjson.Parse(`[
  {"type": "heading", "level": 2, "text": "A heading"},
  {"type": "paragraph", "text": "A paragraph with <a class=\"nhsd-link\" href=\"/services/example\">a link</a> and <em>emphasis</em>."},
  {"type": "heading", "level": 3, "text": "A lower heading"},
  {"type": "list", "items": ["a bulleted item", "another bulleted item"]},
  {"type": "list", "ordered": true, "items": ["a numbered item", "another numbered item"]},
  {"type": "quote", "text": "The words of an example quotation.", "name": "Example Person", "role": "Example role"},
  {"type": "figures", "items": [{"value": "123", "label": "example things", "text": "A sentence about the example figure."}]},
  {"type": "callout", "title": "An example callout", "text": "The text of a callout."},
  {"type": "callout", "variant": "warning", "title": "An example warning", "text": "The text of a warning."},
  {"type": "table", "caption": "An example table", "head": ["Example row", "First value", "Second value"],
   "rows": [["First row", "1", "2"], ["Second row", "3", "<a class=\"nhsd-link\" href=\"/services/example\">4</a>"]]},
  {"type": "contacts", "title": "Example contacts", "items": [
    {"label": "Email", "value": "example@example.com", "href": "mailto:example@example.com"},
    {"label": "Website", "value": "example.com", "href": "https://example.com/"}
  ]},
  {"type": "links", "title": "Example links", "items": [
    {"text": "Example service", "href": "/services/example", "description": "A sentence about the example service."},
    {"text": "Example website", "href": "https://example.com/"}
  ]},
  {"type": "image", "src": "/web/icons/icon-192.png", "alt": "The site's icon, as an example image", "width": 192, "height": 192, "caption": "The caption of an example image."}
]`)

// exampleCards are cards as content.Card gives them.
var exampleCards = gjson.Parse(`[
  {"path": "/services/example", "title": "Example service", "summary": "A summary of an example service.", "type": "service", "label": "Service", "date": "2024-01-15", "serviceStatus": "live", "topics": ["Example topic"]},
  {"path": "/blog/example-post", "title": "Example blog post", "summary": "A summary of an example blog post.", "type": "blog", "label": "Blog", "date": "2024-03-05"},
  {"path": "/news-and-events/latest-news/example-news", "title": "Example news item", "summary": "A summary of an example news item.", "type": "news", "label": "News", "date": "2024-02-20"}
]`)

var exampleHome = gjson.Parse(`{"status": 200, "page": {"type": "home", "path": "/", "title": "NHS Digital", "showLastEdited": false},
  "crumbs": [],
  "home": {
    "settings": {
      "hero": {"title": "An example hero title", "text": "The text of an example hero.", "link": {"text": "Example link", "href": "/example-page"}},
      "promo": {"title": "An example promotion", "text": "The text of an example promotion.", "href": "/example-page"},
      "figures": ` + exampleFigures.Raw + `,
      "sections": {"figures": {"title": "NHS Digital in numbers"}, "services": {"title": "Our services", "more": {"text": "See all services", "href": "/services"}}, "feature": {"title": "Feature"}, "blogs": {"title": "Latest blogs", "more": {"text": "See all blogs", "href": "/blog"}}, "news": {"title": "Latest news", "more": {"text": "See all news", "href": "/news-and-events/latest-news"}}, "data": {"title": "Data and information", "more": {"text": "Explore data and information", "href": "/data-and-information"}}}
    },
    "services": [` + exampleCards.Get("0").Raw + `],
    "feature": {"path": "/news-and-events/features/example-feature", "title": "Example feature", "summary": "A summary of an example feature.", "type": "feature", "label": "Feature", "date": "2024-04-01"},
    "blogs": [` + exampleCards.Get("1").Raw + `],
    "news": [` + exampleCards.Get("2").Raw + `],
    "data": []
  }}`)

var exampleHub = gjson.Parse(`{"status": 200, "page": {"type": "hub", "path": "/example-section", "title": "Example section",
  "summary": "The summary of an example section hub.", "body": [{"type": "paragraph", "text": "The body of an example section hub."}]},
  "crumbs": [{"path": "/", "title": "Home"}], "cards": ` + exampleCards.Raw + `}`)

var exampleCatalogue = gjson.Parse(`{"status": 200, "page": {"type": "service-catalogue", "path": "/services", "title": "Services",
  "summary": "The summary of an example catalogue.", "body": [{"type": "paragraph", "text": "The body of an example catalogue."}]},
  "crumbs": [{"path": "/", "title": "Home"}],
  "cards": [
    {"path": "/services/example", "title": "Example service", "summary": "A summary of an example service.", "type": "service", "label": "Service", "date": "2024-01-15", "serviceStatus": "live", "topics": ["Example topic"]},
    {"path": "/services/another-example", "title": "Another example service", "summary": "A summary of another example service.", "type": "service", "label": "Service", "date": "2024-01-16", "serviceStatus": "beta", "topics": ["Example topic", "Another topic"]},
    {"path": "/services/retired-example", "title": "Retired example service", "summary": "A summary of a retired example service.", "type": "service", "label": "Service", "date": "2024-01-17", "serviceStatus": "retired", "topics": ["Another topic"]}
  ]}`)

var exampleService = gjson.Parse(`{"status": 200, "page": {"type": "service", "path": "/services/example", "title": "Example service",
  "summary": "A summary of an example service.", "serviceStatus": "beta", "lastEdited": "2024-06-03T13:30:00Z",
  "sections": {
    "about": [{"type": "paragraph", "text": "What the example service is."}],
    "audience": [{"type": "paragraph", "text": "Who the example service is for."}],
    "howItWorks": [{"type": "paragraph", "text": "How the example service works."}, {"type": "heading", "level": 3, "text": "A detail of how it works"}, {"type": "paragraph", "text": "A paragraph of detail."}],
    "benefits": [{"type": "list", "items": ["a first benefit", "a second benefit"]}],
    "statusAndUsage": [{"type": "paragraph", "text": "The status and use of the example service."}],
    "access": [{"type": "links", "title": "Example links", "items": [{"text": "Example page", "href": "/example-page"}]}],
    "contact": [{"type": "contacts", "items": [{"label": "Email", "value": "example@example.com", "href": "mailto:example@example.com"}]}]
  }},
  "crumbs": [{"path": "/", "title": "Home"}, {"path": "/services", "title": "Services"}],
  "related": [{"path": "/services/another-example", "title": "Another example service", "summary": "A summary of another example service.", "type": "service", "label": "Service", "date": "2024-01-16", "serviceStatus": "beta"}]}`)

var exampleBlog = gjson.Parse(`{"status": 200, "page": {"type": "blog", "path": "/blog/example-post", "title": "Example blog post",
  "summary": "A summary of an example blog post.", "published": "2024-03-05", "lastEdited": "2024-03-06T09:15:00Z",
  "authors": [{"name": "Example Author", "role": "Example role"}, {"name": "Another Example Author", "role": "Another example role"}],
  "relatedSubjects": ["Example subject", "Another subject"],
  "body": ` + exampleBody.Raw + `},
  "crumbs": [{"path": "/", "title": "Home"}, {"path": "/blog", "title": "Blogs"}]}`)

var exampleNews = gjson.Parse(`{"status": 200, "page": {"type": "news", "path": "/news-and-events/latest-news/example-news", "title": "Example news item",
  "summary": "A summary of an example news item.", "published": "2024-02-20T10:00:00Z", "showLastEdited": false,
  "body": [{"type": "paragraph", "text": "The body of an example news item."}]},
  "crumbs": [{"path": "/", "title": "Home"}, {"path": "/news-and-events", "title": "News and events"}]}`)

var exampleBlogIndex = gjson.Parse(`{"status": 200, "page": {"type": "blog-index", "path": "/blog", "title": "Blogs",
  "summary": "The summary of an example listing.", "body": []},
  "crumbs": [{"path": "/", "title": "Home"}], "cards": [` + exampleCards.Get("1").Raw + `]}`)

var exampleSeries = gjson.Parse(`{"status": 200, "page": {"type": "series", "path": "/data-and-information/publications/statistical/example-series",
  "title": "Example series", "summary": "The summary of an example publication series.", "body": []},
  "crumbs": [{"path": "/", "title": "Home"}], "cards": []}`)

const examplePublicationPage = `"type": "publication", "path": "/data-and-information/publications/statistical/example-series/example-edition",
  "title": "Example series, example edition", "summary": "A summary of an example edition.",
  "published": "2024-05-09T09:30:00Z", "lastEdited": "2024-05-09T09:30:00Z", "coverageStart": "2024-04-01", "coverageEnd": "2024-04-30",
  "informationType": ["Example information type"], "geographicCoverage": ["Example area"], "granularity": ["Example unit", "Another unit"],
  "resources": [{"title": "Example resource", "href": "/example-page", "format": "PDF", "size": "100 KB"}, {"title": "Example resource on another website", "href": "https://example.com/"}],
  "body": ` // the body follows

var examplePublication = gjson.Parse(`{"status": 200, "page": {` + examplePublicationPage + exampleBody.Raw + `,
  "keyFacts": [{"value": "123", "label": "example things", "text": "A sentence about the example key fact."}]},
  "crumbs": [{"path": "/", "title": "Home"}],
  "series": {"path": "/data-and-information/publications/statistical/example-series", "title": "Example series", "summary": "The summary of an example series.", "type": "series", "label": "Publication series", "date": "2024-01-01"},
  "related": [{"path": "/data-and-information/publications/statistical/example-series/earlier-edition", "title": "Example series, an earlier edition", "summary": "A summary of an earlier edition.", "type": "publication", "label": "Publication", "date": "2024-04-11"}]}`)

var examplePublicationNoFacts = gjson.Parse(`{"status": 200, "page": {` + examplePublicationPage + `[{"type": "paragraph", "text": "The body of an example edition."}]},
  "crumbs": [{"path": "/", "title": "Home"}]}`)

var exampleContent = gjson.Parse(`{"status": 200, "page": {"type": "page", "path": "/example-page", "title": "Example page",
  "summary": "The summary of an example page.", "lastEdited": "2024-06-03", "body": ` + exampleBody.Raw + `},
  "crumbs": [{"path": "/", "title": "Home"}]}`)

var exampleShortPage = gjson.Parse(`{"status": 200, "page": {"type": "page", "path": "/example-short-page", "title": "Example short page",
  "summary": "The summary of an example page.", "showLastEdited": false, "body": [{"type": "paragraph", "text": "The body of an example page."}]},
  "crumbs": [{"path": "/", "title": "Home"}]}`)

var exampleCookies = gjson.Parse(`{"status": 200, "page": {"type": "cookies", "path": "/cookies", "title": "Example cookie settings",
  "summary": "The summary of an example cookie page.", "body": [{"type": "paragraph", "text": "The introduction of an example cookie page."}],
  "necessary": {"title": "Cookies that the site needs", "text": "An example of what the site needs.",
    "items": [{"name": "nhsd_consent", "purpose": "An example purpose", "expires": "1 year"}]},
  "categories": [
    {"key": "offline", "title": "Saving pages for offline reading", "text": "An example of what offline reading stores.",
      "items": [{"name": "Example store", "purpose": "An example purpose", "expires": "An example time"}]},
    {"key": "statistics", "title": "Counting page views", "text": "An example of what counting page views sends.",
      "items": [{"name": "None stored", "purpose": "An example purpose", "expires": "Not stored"}]},
    {"key": "media", "title": "Videos from other websites", "text": "An example of what videos from other websites store.",
      "items": [{"name": "Example cookie", "purpose": "An example purpose", "expires": "An example time"}]}]},
  "crumbs": [{"path": "/", "title": "Home"}]}`)

var exampleSearchView = gjson.Parse(`{"status": 200, "page": {"type": "search", "path": "/search", "title": "Search", "showLastEdited": false,
  "body": [{"type": "paragraph", "text": "An example introduction to search."},
    {"type": "heading", "level": 2, "text": "No results", "id": "no-results"},
    {"type": "paragraph", "text": "You could:"},
    {"type": "list", "items": ["check the spelling", "use fewer or more general words", "remove some filters",
      "browse <a class=\"nhsd-link\" href=\"/services\">our services</a> or <a class=\"nhsd-link\" href=\"/data-and-information\">data and information</a>"]}]},
  "crumbs": [{"path": "/", "title": "Home"}]}`)

var exampleNotFound = gjson.Parse(`{"status": 404, "page": {"type": "not-found", "path": "/404", "title": "Page not found",
  "body": [{"type": "paragraph", "text": "The body of an example not-found page, with <a class=\"nhsd-link\" href=\"/search\">a link to search</a>."}]},
  "crumbs": []}`)

// exampleSource gives the examples' site settings and views, and answers
// searches over a few example pages.
// exampleSource is the examples' content: exampleSite, with the words
// and feedback form of the site the examples are shown for.
type exampleSource struct{ site gjson.Result }

func (s exampleSource) Site() gjson.Result { return s.site }

// withWords is example with the words and feedback form of site.
func withWords(example, site gjson.Result) gjson.Result {
	raw := strings.TrimSuffix(strings.TrimSpace(example.Raw), "}")
	for _, k := range []string{"words", "feedbackForm"} {
		if v := site.Get(k); v.Exists() {
			raw += `, "` + k + `": ` + v.Raw
		}
	}
	return gjson.Parse(raw + "}")
}

func (exampleSource) View(path string) (gjson.Result, bool) {
	for _, v := range []gjson.Result{exampleHome, exampleHub, exampleCatalogue, exampleService, exampleBlog, exampleNews,
		exampleBlogIndex, exampleSeries, examplePublication, exampleContent, exampleShortPage, exampleCookies, exampleSearchView, exampleNotFound} {
		if v.Get("page.path").String() == path {
			return v, true
		}
	}
	return gjson.Result{}, false
}

func (exampleSource) Search(q search.Query) (*search.Result, []search.Fragment, error) {
	b, err := exampleIndex()
	if err != nil {
		return nil, nil, err
	}
	r := b.Index.Search(q)
	frags := make([]search.Fragment, len(r.Hits))
	for i, h := range r.Hits {
		if frags[i], err = search.DecodeFragment(b.Fragments[h]); err != nil {
			return nil, nil, err
		}
	}
	return r, frags, nil
}

// exampleIndex is a search index of 12 example pages: two pages of
// results for "example".
var exampleIndex = sync.OnceValues(func() (*search.Built, error) {
	var docs []search.Doc
	for i := 1; i <= 12; i++ {
		n := strconv.Itoa(i)
		label, topic := "Service", "Example topic"
		if i%3 == 0 {
			label = "Blog"
		}
		if i%2 == 0 {
			topic = "Another topic"
		}
		docs = append(docs, search.Doc{
			Path:     "/example-pages/" + n,
			Title:    "Example page " + n,
			Summary:  "The summary of example page " + n + ".",
			Label:    label,
			Date:     "2024-01-" + strconv.Itoa(10+i),
			Headings: []string{"An example heading"},
			Body:     "The body of example page " + n + ", in which the words of a search are marked.",
			Facets:   map[string][]string{"topic": {topic}},
		})
	}
	return search.Build(docs)
})
