package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"

	"nhsdigital/content/consent"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// PageContext is what a page component is made from: the page's view and
// what the visitor asked and chose.
type PageContext struct {
	View    gjson.Result    // the page data: the page, its cards, crumbs
	Words   words.Words     // the site's words
	Path    string          // the path shown
	Query   string          // the query asked for, encoded
	Origin  string          // the site's origin, without a trailing slash
	Site    string          // the site's name
	Media   bool            // the visitor allows embedded media
	Consent *consent.Record // the visitor's record; nil when none
	Saved   string          // what the cookie form just saved, from the query
	Source  Source          // for components that fetch more (search)
	// settings are the site settings, for what only some pages read.
	settings gjson.Result
}

// FeedbackForm is the empty feedback form as exact HTML, which the server
// writes (server/feedbackform.go), with {page} where the page it is about
// goes. It is read when asked for: one long string to unescape.
func (c PageContext) FeedbackForm() string { return c.settings.Get("feedbackForm").String() }

// pageComponents make the component of each pagetype.Type.Component.
var pageComponents = map[string]func(PageContext) app.UI{
	pagetype.HomeComponent: func(c PageContext) app.UI { return &HomePage{View: c.View, Words: c.Words} },
	pagetype.HubComponent:  func(c PageContext) app.UI { return &HubPage{View: c.View, Words: c.Words, Media: c.Media} },
	pagetype.CatalogueComponent: func(c PageContext) app.UI {
		return &CataloguePage{View: c.View, Words: c.Words, Query: c.Query, Media: c.Media}
	},
	pagetype.ServiceComponent: func(c PageContext) app.UI { return &ServicePage{View: c.View, Words: c.Words, Media: c.Media} },
	pagetype.ArticleComponent: func(c PageContext) app.UI {
		return &ArticlePage{View: c.View, Words: c.Words, Origin: c.Origin, Media: c.Media}
	},
	pagetype.ListingComponent:     func(c PageContext) app.UI { return &ListingPage{View: c.View, Words: c.Words, Media: c.Media} },
	pagetype.PublicationComponent: func(c PageContext) app.UI { return &PublicationPage{View: c.View, Words: c.Words, Media: c.Media} },
	pagetype.SearchComponent: func(c PageContext) app.UI {
		return &SearchPage{View: c.View, Words: c.Words, Query: c.Query, Source: c.Source, SiteName: c.Site}
	},
	pagetype.CookiesComponent: func(c PageContext) app.UI {
		return &CookiesPage{View: c.View, Words: c.Words, Record: c.Consent, Saved: c.Saved}
	},
	pagetype.NotFoundComponent: func(c PageContext) app.UI {
		return &NotFoundPage{View: c.View, Words: c.Words, Path: c.Path, Media: c.Media}
	},
	pagetype.ContentComponent: func(c PageContext) app.UI {
		p := &ContentPage{View: c.View, Words: c.Words, Media: c.Media}
		if c.Path == pagetype.FeedbackPath {
			p.Extra = feedbackBlock(c.Query, c.FeedbackForm(), c.Words)
		}
		return p
	},
}

// RegisterPage makes name, a pagetype.Type's Component, render with make.
// Call it before the first render (as the page types are registered).
func RegisterPage(name string, make func(PageContext) app.UI) { pageComponents[name] = make }
