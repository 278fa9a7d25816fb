// Package pagedata reads a page's data (/page-data/<path>.json, which
// content.View writes) in the WebAssembly client and the components: an
// accessor for each key, so that a misspelt key is a compile error rather
// than an empty page. Its tests check every key against content.View and
// the fields of the page types.
package pagedata

import "github.com/tidwall/gjson"

// The keys of a page's data (content.View's JSON names).
const (
	keyStatus  = "status"
	keyVersion = "version"
	keyPage    = "page"
	keyCrumbs  = "crumbs"
	keyCards   = "cards"
	keyRelated = "related"
	keySeries  = "series"
	keyHome    = "home"
	keySection = "section"
)

// ViewKeys are the keys View reads.
var ViewKeys = []string{keyStatus, keyVersion, keyPage, keyCrumbs, keyCards, keyRelated, keySeries, keyHome, keySection}

// View is a page's data.
type View struct{ r gjson.Result }

// Of reads v as a page's data.
func Of(v gjson.Result) View { return View{v} }

// Exists reports whether there is any data.
func (v View) Exists() bool { return v.r.Exists() }

// Status is the page's HTTP status: 200, or 404 for the not-found page.
func (v View) Status() int64 { return v.r.Get(keyStatus).Int() }

// Version is the content version the data was made from.
func (v View) Version() string { return v.r.Get(keyVersion).String() }

// Page is the page's own document.
func (v View) Page() Doc { return Doc{v.r.Get(keyPage)} }

// Crumbs are the breadcrumbs: a list of {path, title}.
func (v View) Crumbs() gjson.Result { return v.r.Get(keyCrumbs) }

// Cards are the pages a listing, hub or catalogue shows (content.Card).
func (v View) Cards() gjson.Result { return v.r.Get(keyCards) }

// Related are related pages (a service's, a publication's other editions).
func (v View) Related() gjson.Result { return v.r.Get(keyRelated) }

// Series is a publication's series, as a card.
func (v View) Series() gjson.Result { return v.r.Get(keySeries) }

// Home is the home page's resolved modules.
func (v View) Home() gjson.Result { return v.r.Get(keyHome) }

// Section is the path of the header section the page is in when its own
// path does not say.
func (v View) Section() string { return v.r.Get(keySection).String() }

// The keys of a page's own document that Doc reads (front matter fields).
const (
	keyType               = "type"
	keyPath               = "path"
	keyTitle              = "title"
	keySummary            = "summary"
	keyBody               = "body"
	keyPublished          = "published"
	keyLastEdited         = "lastEdited"
	keyShowLastEdited     = "showLastEdited"
	keyTopics             = "topics"
	keyServiceStatus      = "serviceStatus"
	keySections           = "sections"
	keyAuthors            = "authors"
	keyRelatedSubjects    = "relatedSubjects"
	keyKeyFacts           = "keyFacts"
	keyResources          = "resources"
	keyCoverageStart      = "coverageStart"
	keyCoverageEnd        = "coverageEnd"
	keyInformationType    = "informationType"
	keyGeographicCoverage = "geographicCoverage"
	keyGranularity        = "granularity"
	keyNecessary          = "necessary"
	keyCategories         = "categories"
)

// DocKeys are the keys Doc reads.
var DocKeys = []string{keyType, keyPath, keyTitle, keySummary, keyBody, keyPublished, keyLastEdited, keyShowLastEdited,
	keyTopics, keyServiceStatus, keySections, keyAuthors, keyRelatedSubjects, keyKeyFacts, keyResources, keyCoverageStart,
	keyCoverageEnd, keyInformationType, keyGeographicCoverage, keyGranularity, keyNecessary, keyCategories}

// Doc is a page's own document: its front matter and body, inline text as
// HTML (content/inline.HTML).
type Doc struct{ r gjson.Result }

// DocOf reads doc as a page's own document.
func DocOf(doc gjson.Result) Doc { return Doc{doc} }

// JSON is the document itself, for what has no accessor of its own.
func (d Doc) JSON() gjson.Result { return d.r }

func (d Doc) Type() string                 { return d.r.Get(keyType).String() }
func (d Doc) Path() string                 { return d.r.Get(keyPath).String() }
func (d Doc) Title() string                { return d.r.Get(keyTitle).String() }
func (d Doc) Summary() string              { return d.r.Get(keySummary).String() }
func (d Doc) Body() gjson.Result           { return d.r.Get(keyBody) }
func (d Doc) Published() string            { return d.r.Get(keyPublished).String() }
func (d Doc) LastEdited() string           { return d.r.Get(keyLastEdited).String() }
func (d Doc) ShowLastEdited() gjson.Result { return d.r.Get(keyShowLastEdited) }
func (d Doc) Topics() gjson.Result         { return d.r.Get(keyTopics) }
func (d Doc) ServiceStatus() string        { return d.r.Get(keyServiceStatus).String() }
func (d Doc) Sections() gjson.Result       { return d.r.Get(keySections) }
func (d Doc) Authors() gjson.Result        { return d.r.Get(keyAuthors) }
func (d Doc) RelatedSubjects() gjson.Result {
	return d.r.Get(keyRelatedSubjects)
}
func (d Doc) KeyFacts() gjson.Result           { return d.r.Get(keyKeyFacts) }
func (d Doc) Resources() gjson.Result          { return d.r.Get(keyResources) }
func (d Doc) CoverageStart() string            { return d.r.Get(keyCoverageStart).String() }
func (d Doc) CoverageEnd() string              { return d.r.Get(keyCoverageEnd).String() }
func (d Doc) InformationType() gjson.Result    { return d.r.Get(keyInformationType) }
func (d Doc) GeographicCoverage() gjson.Result { return d.r.Get(keyGeographicCoverage) }
func (d Doc) Granularity() gjson.Result        { return d.r.Get(keyGranularity) }
func (d Doc) Necessary() gjson.Result          { return d.r.Get(keyNecessary) }
func (d Doc) Categories() gjson.Result         { return d.r.Get(keyCategories) }
