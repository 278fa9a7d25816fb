package content

import "nhsdigital/content/template"

// The schema of content files, as data: which fields each object may have,
// which are required and what each holds. The validator walks documents
// against it; content/README.md documents it for editors.

type kind int

const (
	kString   kind = iota // non-empty plain string
	kInline               // non-empty string with inline markup
	kDate                 // YYYY-MM-DD or RFC 3339
	kUUID                 // a UUID
	kPath                 // a URL path of this site (syntax only)
	kPathRef              // path of an existing page
	kHref                 // internal path of an existing page or https:/mailto:/tel: URL
	kStrings              // list of non-empty plain strings
	kPathRefs             // list of page paths that must exist
	kInlines              // list of non-empty inline strings
	kBool
	kInt
	kBlocks    // list of blocks
	kObject    // object with sub-schema
	kObjects   // list of objects with sub-schema
	kEnum      // one of enum
	kAnyString // string, may be empty
)

type field struct {
	name     string
	kind     kind
	required bool
	sub      []field  // kObject, kObjects
	enum     []string // kEnum
	min      int      // minimum list length
}

func req(name string, k kind) field { return field{name: name, kind: k, required: true} }
func opt(name string, k kind) field { return field{name: name, kind: k} }

// Page types.
const (
	TypeHome             = "home"
	TypeHub              = "hub"
	TypePage             = "page"
	TypeServiceCatalogue = "service-catalogue"
	TypeService          = "service"
	TypeBlogIndex        = "blog-index"
	TypeNewsIndex        = "news-index"
	TypeFeatureIndex     = "feature-index"
	TypeBlog             = "blog"
	TypeNews             = "news"
	TypeFeature          = "feature"
	TypeSeries           = "series"
	TypePublication      = "publication"
	TypeSearch           = "search"
	TypeNotFound         = "not-found"
	TypeOffline          = "offline"
)

var pageTypes = []string{TypeHome, TypeHub, TypePage, TypeServiceCatalogue, TypeService, TypeBlogIndex,
	TypeNewsIndex, TypeFeatureIndex, TypeBlog, TypeNews, TypeFeature, TypeSeries, TypePublication,
	TypeSearch, TypeNotFound, TypeOffline}

// ServiceStatuses are the allowed values of serviceStatus.
var ServiceStatuses = []string{"live", "beta", "alpha", "retiring", "retired"}

// ServiceSections are the standard service template's sections, in order.
var ServiceSections = template.ServiceSections

var commonFields = []field{
	req("id", kUUID),
	{name: "type", kind: kEnum, required: true, enum: pageTypes},
	req("path", kPath),
	req("title", kString),
	req("summary", kString),
	{name: "status", kind: kEnum, required: true, enum: []string{"published", "draft"}},
	req("published", kDate),
	opt("lastEdited", kDate), // when left out, the file's last commit (commits.go)
	opt("expires", kDate),
	opt("aliases", kStrings),
	opt("topics", kStrings),
	opt("informationType", kStrings),
	opt("geographicCoverage", kStrings),
	opt("granularity", kStrings),
	opt("showLastEdited", kBool),
}

var personFields = []field{req("name", kString), req("role", kString)}

func typeFields(t string) []field {
	switch t {
	case TypeHub:
		return []field{req("body", kBlocks), opt("featured", kPathRefs)}
	case TypePage, TypeNotFound, TypeOffline:
		return []field{req("body", kBlocks)}
	case TypeService:
		var sections []field
		for _, s := range ServiceSections {
			sections = append(sections, field{name: s.Key, kind: kBlocks, required: true, min: 1})
		}
		return []field{
			{name: "serviceStatus", kind: kEnum, required: true, enum: ServiceStatuses},
			{name: "sections", kind: kObject, required: true, sub: sections},
			opt("relatedServices", kPathRefs),
			opt("body", kBlocks),
		}
	case TypeBlog:
		return []field{req("body", kBlocks), {name: "authors", kind: kObjects, required: true, sub: personFields, min: 1}, opt("relatedSubjects", kStrings)}
	case TypeFeature, TypeNews:
		// A feature names its authors only when the source does; the
		// original site's features often carry no byline.
		return []field{req("body", kBlocks), {name: "authors", kind: kObjects, sub: personFields}, opt("relatedSubjects", kStrings)}
	case TypePublication:
		return []field{
			opt("body", kBlocks),
			req("series", kPathRef),
			req("coverageStart", kDate),
			req("coverageEnd", kDate),
			{name: "keyFacts", kind: kObjects, sub: []field{req("value", kString), req("label", kString)}},
			{name: "resources", kind: kObjects, required: true, min: 1, sub: []field{req("title", kString), req("href", kHref), opt("format", kString), opt("size", kString)}},
		}
	default:
		return []field{opt("body", kBlocks)}
	}
}

var linkFields = []field{req("text", kString), req("href", kHref)}

// blockFields lists the fields of each block type (besides "type").
var blockFields = map[string][]field{
	"heading":   {req("text", kString), req("level", kInt), opt("id", kString)},
	"paragraph": {req("text", kInline)},
	"list":      {{name: "items", kind: kInlines, required: true, min: 1}, opt("ordered", kBool)},
	"quote":     {req("text", kString), req("name", kString), opt("role", kString)},
	"figures": {{name: "items", kind: kObjects, required: true, min: 1, sub: []field{
		req("value", kString), req("label", kString), opt("text", kString)}}},
	"callout": {opt("title", kString), req("text", kInline), {name: "variant", kind: kEnum, enum: []string{"info", "warning"}}},
	"table": {req("caption", kString), {name: "head", kind: kStrings, required: true, min: 1},
		{name: "rows", kind: kObjects, required: true, min: 1}}, // rows checked specially
	"contacts": {opt("title", kString), {name: "items", kind: kObjects, required: true, min: 1, sub: []field{
		req("label", kString), req("value", kString), opt("href", kHref)}}},
	"links": {req("title", kString), {name: "items", kind: kObjects, required: true, min: 1, sub: []field{
		req("text", kString), req("href", kHref), opt("description", kString)}}},
	"video": {req("youtubeId", kString), req("title", kString), opt("caption", kString)},
	"image": {req("src", kString), {name: "alt", kind: kAnyString, required: true}, req("width", kInt), req("height", kInt),
		opt("caption", kString), opt("decorative", kBool)},
}

var siteFields = []field{
	req("name", kString),
	req("cookiePolicy", kString),
	req("origin", kString),
	req("description", kString),
	{name: "navigation", kind: kObjects, required: true, min: 1, sub: linkFields},
	{name: "footer", kind: kObject, required: true, sub: []field{
		{name: "groups", kind: kObjects, required: true, min: 1, sub: []field{
			req("title", kString), {name: "links", kind: kObjects, required: true, min: 1, sub: linkFields}}},
		req("copyright", kString),
	}},
	{name: "home", kind: kObject, required: true, sub: []field{
		{name: "hero", kind: kObject, required: true, sub: []field{req("title", kString), req("text", kString),
			{name: "link", kind: kObject, sub: linkFields}}},
		{name: "promo", kind: kObject, sub: []field{req("title", kString), req("text", kString), req("href", kHref)}},
		{name: "figures", kind: kObjects, required: true, min: 1, sub: []field{req("value", kString), req("label", kString),
			req("text", kString), {name: "link", kind: kObject, sub: linkFields}}},
		{name: "services", kind: kPathRefs, required: true, min: 1},
		req("feature", kPathRef),
		{name: "data", kind: kPathRefs, required: true, min: 1},
	}},
}
