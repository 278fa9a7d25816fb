package content

import (
	"slices"
	"strings"
	"sync"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// The schema of content files, as data: which fields each object may have,
// which are required and what each holds. The validator walks documents
// against it; content/README.md documents it for editors.

type kind = pagetype.Kind

const (
	kString    = pagetype.String
	kInline    = pagetype.Inline
	kDate      = pagetype.Date
	kUUID      = pagetype.UUID
	kPath      = pagetype.PathKind
	kPathRef   = pagetype.PathRef
	kHref      = pagetype.Href
	kStrings   = pagetype.Strings
	kPathRefs  = pagetype.PathRefs
	kInlines   = pagetype.Inlines
	kBool      = pagetype.Bool
	kInt       = pagetype.Int
	kBlocks    = pagetype.Blocks
	kObject    = pagetype.Object
	kObjects   = pagetype.Objects
	kEnum      = pagetype.Enum
	kAnyString = pagetype.AnyString
)

type field struct {
	name     string
	kind     kind
	required bool
	sub      []field  // kObject, kObjects
	enum     []string // kEnum
	min      int      // minimum list length
	target   []string // kPathRef, kPathRefs: the types the page referred to may have
}

// fieldsOf turns the registry's fields into the validator's.
func fieldsOf(fs []pagetype.Field) []field {
	var out []field
	for _, f := range fs {
		out = append(out, field{name: f.Name, kind: f.Kind, required: f.Required, sub: fieldsOf(f.Sub), enum: f.Enum, min: f.Min, target: f.Target})
	}
	return out
}

func req(name string, k kind) field { return field{name: name, kind: k, required: true} }
func opt(name string, k kind) field { return field{name: name, kind: k} }

// Page types (see package pagetype, which owns them).
const (
	TypeHome             = pagetype.Home
	TypeHub              = pagetype.Hub
	TypePage             = pagetype.Page
	TypeServiceCatalogue = pagetype.ServiceCatalogue
	TypeService          = pagetype.Service
	TypeBlogIndex        = pagetype.BlogIndex
	TypeBlogSeries       = pagetype.BlogSeries
	TypeNewsIndex        = pagetype.NewsIndex
	TypeFeatureIndex     = pagetype.FeatureIndex
	TypeBlog             = pagetype.Blog
	TypeNews             = pagetype.News
	TypeFeature          = pagetype.Feature
	TypeSeries           = pagetype.Series
	TypePublication      = pagetype.Publication
	TypeSearch           = pagetype.Search
	TypeNotFound         = pagetype.NotFound
	TypeOffline          = pagetype.Offline
	TypeCookies          = pagetype.Cookies
)

// ServiceStatuses are the allowed values of serviceStatus.
var ServiceStatuses = pagetype.ServiceStatuses

// ServiceSections are the standard service template's sections, in order.
var ServiceSections = pagetype.ServiceSections

// commonFields are the fields every page has; its type is one of the
// registry's types.
func commonFields() []field { return schemaNow().common }

// typeFields are the fields of a page of type t besides the common ones.
func typeFields(t string) []field {
	if own, ok := schemaNow().own[t]; ok {
		return own
	}
	return []field{opt("body", kBlocks)}
}

// pageFields are every field a page of type t may have: the common ones,
// then its type's.
func pageFields(t string) []field {
	if all, ok := schemaNow().all[t]; ok {
		return all
	}
	return append(commonFields(), typeFields(t)...)
}

// schema is the page schema made from the registry, made again only when
// the registry changes (pagetype.Generation): every page loaded is
// checked against it, and 20,000 pages must not make it 20,000 times.
var schema struct {
	sync.Mutex
	made   bool
	gen    uint64
	common []field
	own    map[string][]field // by type
	all    map[string][]field // common, then own, by type
}

type schemaSet struct {
	common   []field
	own, all map[string][]field
}

func schemaNow() schemaSet {
	gen := pagetype.Generation()
	schema.Lock()
	defer schema.Unlock()
	if !schema.made || schema.gen != gen {
		schema.made, schema.gen = true, gen
		schema.common = []field{
			req("id", kUUID),
			{name: "type", kind: kEnum, required: true, enum: pagetype.Names()},
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
			// The header section the page belongs to when its path does not
			// say (the blog is in News and events); its children inherit it.
			{name: "section", kind: kPathRef},
			// The search scope of the page and its children, when its type
			// and its parents' do not give one.
			{name: "searchScope", kind: kEnum, enum: pagetype.Scopes},
		}
		schema.own, schema.all = map[string][]field{}, map[string][]field{}
		for _, t := range pagetype.All() {
			own := []field{opt("body", kBlocks)}
			if t.Fields != nil {
				own = fieldsOf(t.Fields)
			}
			schema.own[t.Name] = own
			// A type may give a common field again, to require it.
			common := slices.DeleteFunc(slices.Clone(schema.common), func(c field) bool {
				return slices.ContainsFunc(own, func(o field) bool { return o.name == c.name })
			})
			schema.all[t.Name] = append(common, own...)
		}
	}
	return schemaSet{schema.common, schema.own, schema.all}
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
		// The headings of the home page's sections and the link that ends
		// each list.
		{name: "sections", kind: kObject, required: true, sub: []field{
			{name: "figures", kind: kObject, required: true, sub: []field{req("title", kString)}},
			{name: "services", kind: kObject, required: true, sub: moreFields},
			{name: "feature", kind: kObject, required: true, sub: []field{req("title", kString)}},
			{name: "blogs", kind: kObject, required: true, sub: moreFields},
			{name: "news", kind: kObject, required: true, sub: moreFields},
			{name: "data", kind: kObject, required: true, sub: moreFields},
		}},
	}},
	// The cookie banner's words. In "change", the words in {braces} link
	// to the cookie settings.
	{name: "cookieBanner", kind: kObject, required: true, sub: []field{
		req("title", kString), req("text", kString), req("accept", kString), req("reject", kString),
		req("view", kString), req("accepted", kString), req("rejected", kString), req("change", kString),
		req("hide", kString),
	}},
	wordsField(),
}

// wordsField is site.json's "words", made from the words the code uses
// (words.All): each a required string, with inline markup where its Def
// allows it. Their placeholders are checked apart (checkSite).
func wordsField() field {
	top := field{name: "words", kind: kObject, required: true}
	groups := map[string]*field{}
	var order []string
	for _, d := range words.All {
		group, name, _ := strings.Cut(string(d.Key), ".")
		if groups[group] == nil {
			groups[group] = &field{name: group, kind: kObject, required: true}
			order = append(order, group)
		}
		k := kString
		if d.Inline {
			k = kInline
		}
		groups[group].sub = append(groups[group].sub, req(name, k))
	}
	for _, g := range order {
		top.sub = append(top.sub, *groups[g])
	}
	return top
}

// moreFields are a home page section's heading and the link after its list.
var moreFields = []field{req("title", kString), {name: "more", kind: kObject, required: true, sub: linkFields}}
