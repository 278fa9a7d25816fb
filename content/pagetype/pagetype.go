// Package pagetype is the site's vocabulary, in one place for the
// validator, the server and the WebAssembly client: each page type (its
// fields, where its pages live, how it is labelled, listed, fed, indexed
// and rendered), the paths the site itself serves, the service statuses,
// and the parts of templates both sides must agree on.
//
// Adding a page type is an entry in Types (or a call to Register), a
// component registered under its Component name, and its pages.
package pagetype

import (
	"slices"
	"strings"
	"sync"

	"nhsdigital/content/consent"
)

// Page type names.
const (
	Home             = "home"
	Hub              = "hub"
	Page             = "page"
	ServiceCatalogue = "service-catalogue"
	Service          = "service"
	BlogIndex        = "blog-index"
	BlogSeries       = "blog-series"
	NewsIndex        = "news-index"
	FeatureIndex     = "feature-index"
	Blog             = "blog"
	News             = "news"
	Feature          = "feature"
	Series           = "series"
	Publication      = "publication"
	Search           = "search"
	NotFound         = "not-found"
	Offline          = "offline"
	Cookies          = "cookies"
)

// The paths of the single pages the site needs, and of those the site
// serves that are not pages.
const (
	HomePath     = "/"
	SearchPath   = "/search"
	CookiesPath  = "/cookies"
	NotFoundPath = "/404"
	OfflinePath  = "/offline"
	// FeedbackPath is the feedback form's page (a plain page); the form
	// posts to it.
	FeedbackPath = "/about-nhs-digital/tell-us-what-you-think-of-our-website"
	SitemapPath  = "/sitemap.xml"
	RobotsPath   = "/robots.txt"
	FeedsPrefix  = "/feeds/"
)

// Ids of headings that mark a part of a page's body with a job.
const (
	// SavedPagesID is the id of the offline page's level 2 heading above
	// the list of saved pages: the service worker puts the list in place
	// of the paragraph that follows it.
	SavedPagesID = "saved-pages"
	// NoResultsID is the id of the search page's level 2 heading that
	// begins what a search with no results shows: the body from it on.
	NoResultsID = "no-results"
)

// Search scopes: the tabs of site search.
const (
	ScopeServices = "services"
	ScopeData     = "data"
	ScopeNews     = "news"
)

// Scopes are the search scopes, in the order the search page offers them.
var Scopes = []string{ScopeServices, ScopeData, ScopeNews}

// Component names: which component renders a page type.
const (
	HomeComponent        = "home"
	HubComponent         = "hub"
	ContentComponent     = "content"
	CatalogueComponent   = "catalogue"
	ServiceComponent     = "service"
	ArticleComponent     = "article"
	ListingComponent     = "listing"
	PublicationComponent = "publication"
	SearchComponent      = "search"
	NotFoundComponent    = "not-found"
	CookiesComponent     = "cookies"
)

// A Type is one kind of page.
type Type struct {
	Name  string // the value of a page's "type" field
	Label string // for people; also the search's document type facet value

	// Where its pages live: the one path of a single page (Path), or the
	// prefix its pages' paths start with and how many segments follow it
	// (Depth; 0 means 1). Neither: anywhere.
	Path   string
	Prefix string
	Depth  int

	Fields    []Field // its own fields, besides the common ones
	Component string  // the component that renders it
	Required  bool    // the site needs its one page
	Scope     string  // the search scope of its pages ("" for none of them)

	// Lists are the types whose pages a page of this type lists, newest
	// first (a listing's cards, and the home page's latest items).
	Lists []string
	// Members names the field by which a page of this type says which
	// listing page it belongs to (a publication's series, a post's blog
	// series); the listing lists its members.
	Members string
	// Feed is the file name of the RSS feed of this type's pages under
	// FeedsPrefix, FeedTitle its title after the site's name, and
	// FeedLink the page its channel links to; a type with a Members field
	// and MemberFeeds set has a feed for each listing page too.
	Feed, FeedTitle, FeedLink string
	MemberFeeds               bool

	Unindexed  bool // left out of site search
	Unmapped   bool // left out of the sitemap (and disallowed to crawlers)
	NoFeedback bool // no "Is this page useful?" at its foot
	NoBanner   bool // no cookie banner: the page is the choice itself, or shown only offline
}

// FeedPath returns the path of t's feed, "" when it has none.
func (t *Type) FeedPath() string {
	if t.Feed == "" {
		return ""
	}
	return FeedsPrefix + t.Feed
}

// MemberFeedPath returns the path of the feed of the members of the
// listing page at path: "/blog/design-matters" → "/feeds/blog/design-matters.xml".
func MemberFeedPath(path string) string {
	return FeedsPrefix + strings.TrimPrefix(path, "/") + ".xml"
}

// Slugs returns what a path under t's prefix looks like, for messages.
func (t *Type) Slugs() string {
	if t.Depth == 2 {
		return "<series>/<edition>"
	}
	return "<slug>"
}

// Kind is what a field holds.
type Kind int

const (
	String   Kind = iota // non-empty plain string
	Inline               // non-empty string with inline markup
	Date                 // YYYY-MM-DD or RFC 3339
	UUID                 // a UUID
	PathKind             // a URL path of this site (syntax only)
	PathRef              // path of an existing page (of type Target, when set)
	Href                 // internal path of an existing page or https:/mailto:/tel: URL
	Strings              // list of non-empty plain strings
	PathRefs             // list of page paths that must exist (of type Target, when set)
	Inlines              // list of non-empty inline strings
	Bool
	Int
	Blocks    // list of blocks
	Object    // object with sub-schema
	Objects   // list of objects with sub-schema
	Enum      // one of Enum
	AnyString // string, may be empty
)

// A Field is one field of a page, or of an object within one.
type Field struct {
	Name     string
	Kind     Kind
	Required bool
	Sub      []Field  // Object, Objects
	Enum     []string // Enum
	Min      int      // minimum list length
	Target   []string // PathRef, PathRefs: the types the page referred to may have
}

func req(name string, k Kind) Field { return Field{Name: name, Kind: k, Required: true} }
func opt(name string, k Kind) Field { return Field{Name: name, Kind: k} }

// ServiceStatuses are the allowed values of a service's serviceStatus,
// in the order the catalogue offers them.
var ServiceStatuses = []string{"live", "beta", "alpha", "retiring", "retired"}

// StatusLabel is a service status as a visitor reads it ("Live"); a
// status it does not know is given as it is.
func StatusLabel(status string) string {
	if !slices.Contains(ServiceStatuses, status) {
		return status
	}
	return string(status[0]-'a'+'A') + status[1:] // every one is lower-case ASCII
}

// ServiceSections are the standard service template's sections, in order:
// the JSON key under "sections" and the heading each renders under.
var ServiceSections = []struct{ Key, Heading string }{
	{"about", "About this service"},
	{"audience", "Who it is for"},
	{"howItWorks", "How it works"},
	{"benefits", "Benefits"},
	{"statusAndUsage", "Status and usage"},
	{"access", "How to access"},
	{"contact", "Contact us"},
}

var personFields = []Field{req("name", String), req("role", String)}

func serviceFields() []Field {
	var sections []Field
	for _, s := range ServiceSections {
		sections = append(sections, Field{Name: s.Key, Kind: Blocks, Required: true, Min: 1})
	}
	return []Field{
		{Name: "serviceStatus", Kind: Enum, Required: true, Enum: ServiceStatuses},
		{Name: "sections", Kind: Object, Required: true, Sub: sections},
		{Name: "relatedServices", Kind: PathRefs, Target: []string{Service}},
		opt("body", Blocks),
	}
}

// articleFields are a post's, a news item's or a feature's. A feature
// or news item names its authors only when the source does; the original
// site's features often carry no byline.
func articleFields(authors bool) []Field {
	a := Field{Name: "authors", Kind: Objects, Sub: personFields}
	if authors {
		a.Required, a.Min = true, 1
	}
	return []Field{req("body", Blocks), a, opt("relatedSubjects", Strings)}
}

const (
	blogPrefix        = "/blog/"
	publicationPrefix = "/data-and-information/publications/statistical/"
)

var body = []Field{req("body", Blocks)}

// cookiesFields are the cookie settings page's: besides its body, what the
// site stores that it needs (the consent cookie), and each category of
// storage that needs consent, with what it stores. The settings form asks
// about each category in the order given.
func cookiesFields() []Field {
	items := Field{Name: "items", Kind: Objects, Required: true, Min: 1, Sub: []Field{
		req("name", String), req("purpose", String), req("expires", String)}}
	return []Field{
		req("body", Blocks),
		{Name: "necessary", Kind: Object, Required: true, Sub: []Field{req("title", String), req("text", String), items}},
		{Name: "categories", Kind: Objects, Required: true, Min: len(consent.Categories), Sub: []Field{
			{Name: "key", Kind: Enum, Required: true, Enum: consent.Categories}, req("title", String), req("text", String), items}},
	}
}

// builtin are the page types, in the order editors are told them.
var builtin = []*Type{
	{Name: Home, Label: "Home", Path: HomePath, Component: HomeComponent, Required: true, Unindexed: true, NoFeedback: true,
		Lists: []string{Blog, News, Feature}},
	{Name: Hub, Label: "Section", Component: HubComponent,
		Fields: []Field{req("body", Blocks), opt("featured", PathRefs)}},
	{Name: Page, Label: "Page", Component: ContentComponent, Fields: body},
	{Name: ServiceCatalogue, Label: "Section", Path: "/services", Component: CatalogueComponent, Scope: ScopeServices,
		Lists: []string{Service}},
	{Name: Service, Label: "Service", Prefix: "/services/", Component: ServiceComponent, Scope: ScopeServices,
		Fields: serviceFields()},
	{Name: BlogIndex, Label: "Section", Path: "/blog", Component: ListingComponent, Scope: ScopeNews,
		Lists: []string{Blog}},
	{Name: BlogSeries, Label: "Blog series", Prefix: blogPrefix, Component: ListingComponent, Scope: ScopeNews},
	{Name: NewsIndex, Label: "News", Path: "/news-and-events/latest-news", Component: ListingComponent, Scope: ScopeNews,
		Lists: []string{News}},
	{Name: FeatureIndex, Label: "Section", Path: "/news-and-events/features", Component: ListingComponent, Scope: ScopeNews,
		Lists: []string{Feature}},
	{Name: Blog, Label: "Blog", Prefix: blogPrefix, Component: ArticleComponent, Scope: ScopeNews,
		Fields:  append(articleFields(true), Field{Name: "series", Kind: PathRef, Target: []string{BlogSeries}}),
		Members: "series", Feed: "blogs.xml", FeedTitle: "blogs", FeedLink: "/blog", MemberFeeds: true},
	{Name: News, Label: "News", Prefix: "/news-and-events/latest-news/", Component: ArticleComponent, Scope: ScopeNews,
		Fields: articleFields(false), Feed: "news.xml", FeedTitle: "latest news", FeedLink: "/news-and-events/latest-news"},
	{Name: Feature, Label: "Feature", Prefix: "/news-and-events/features/", Component: ArticleComponent, Scope: ScopeNews,
		Fields: articleFields(false)},
	{Name: Series, Label: "Publication series", Prefix: publicationPrefix, Component: ListingComponent, Scope: ScopeData},
	{Name: Publication, Label: "Publication", Prefix: publicationPrefix, Depth: 2, Component: PublicationComponent, Scope: ScopeData,
		Members: "series", Feed: "publications.xml", FeedTitle: "statistical publications", FeedLink: "/data-and-information",
		Fields: []Field{
			opt("body", Blocks),
			{Name: "series", Kind: PathRef, Required: true, Target: []string{Series}},
			req("coverageStart", Date),
			req("coverageEnd", Date),
			// Common fields every publication must give.
			{Name: "informationType", Kind: Strings, Required: true, Min: 1},
			{Name: "geographicCoverage", Kind: Strings, Required: true, Min: 1},
			{Name: "granularity", Kind: Strings, Required: true, Min: 1},
			{Name: "keyFacts", Kind: Objects, Sub: []Field{req("value", String), req("label", String)}},
			{Name: "resources", Kind: Objects, Required: true, Min: 1, Sub: []Field{
				req("title", String), req("href", Href), opt("format", String), opt("size", String)}},
		}},
	{Name: Search, Label: "Search", Path: SearchPath, Component: SearchComponent, Unindexed: true, Unmapped: true, NoFeedback: true, Fields: body},
	{Name: Cookies, Label: "Page", Path: CookiesPath, Component: CookiesComponent, Required: true, NoFeedback: true, NoBanner: true, Fields: cookiesFields()},
	{Name: NotFound, Label: "Page", Path: NotFoundPath, Component: NotFoundComponent, Required: true, Unindexed: true, Unmapped: true, NoFeedback: true, Fields: body},
	{Name: Offline, Label: "Page", Path: OfflinePath, Component: ContentComponent, Required: true, Unindexed: true, Unmapped: true, NoFeedback: true, NoBanner: true, Fields: body},
}

var (
	mu         sync.RWMutex
	generation uint64 // counts the changes Register and Unregister make
	types      = slices.Clone(builtin)
	byName     = func() map[string]*Type {
		m := map[string]*Type{}
		for _, t := range builtin {
			m[t.Name] = t
		}
		return m
	}()
)

// Register adds a page type, or replaces the one of the same name.
func Register(t *Type) {
	mu.Lock()
	defer mu.Unlock()
	if _, ok := byName[t.Name]; ok {
		types = slices.DeleteFunc(types, func(o *Type) bool { return o.Name == t.Name })
	}
	types = append(types, t)
	byName[t.Name] = t
	generation++
}

// Unregister removes a page type added with Register.
func Unregister(name string) {
	mu.Lock()
	defer mu.Unlock()
	types = slices.DeleteFunc(types, func(o *Type) bool { return o.Name == name })
	delete(byName, name)
	generation++
}

// Generation changes whenever a type is registered or unregistered: what
// is derived from the registry can be kept until it changes.
func Generation() uint64 {
	mu.RLock()
	defer mu.RUnlock()
	return generation
}

// Of returns the type named name, and whether there is one.
func Of(name string) (*Type, bool) {
	mu.RLock()
	defer mu.RUnlock()
	t, ok := byName[name]
	return t, ok
}

// Get returns the type named name; an unknown name gets a plain page's
// type, so a caller always has one.
func Get(name string) *Type {
	if t, ok := Of(name); ok {
		return t
	}
	return byName[Page]
}

// All returns every page type, in order.
func All() []*Type {
	mu.RLock()
	defer mu.RUnlock()
	return slices.Clone(types)
}

// Names returns the name of every page type, in order.
func Names() []string {
	var out []string
	for _, t := range All() {
		out = append(out, t.Name)
	}
	return out
}

// PathOf returns the path of the one page of type name ("" when pages of
// that type are many).
func PathOf(name string) string { return Get(name).Path }

// Listing returns the types that list pages of type name, newest first.
func Listing(name string) []*Type {
	var out []*Type
	for _, t := range All() {
		if slices.Contains(t.Lists, name) {
			out = append(out, t)
		}
	}
	return out
}

// MembersOf returns the type whose pages say, by its Members field, that
// a page of type listing lists them (a series' publications, a blog
// series' posts); nil when pages of type listing list no members.
func MembersOf(listing string) *Type {
	for _, t := range All() {
		if t.Members == "" {
			continue
		}
		for _, f := range t.Fields {
			if f.Name == t.Members && slices.Contains(f.Target, listing) {
				return t
			}
		}
	}
	return nil
}

// MemberFeedsOf returns the type whose pages a listing page of type
// listing has a feed of (a blog series' posts), nil when it has none.
func MemberFeedsOf(listing string) *Type {
	if t := MembersOf(listing); t != nil && t.MemberFeeds {
		return t
	}
	return nil
}
