package content

import (
	"slices"
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

// field is a field of the schema: the registry's own type, so the
// validator and the registry describe fields one way.
type field = pagetype.Field

func req(name string, k kind) field { return field{Name: name, Kind: k, Required: true} }
func opt(name string, k kind) field { return field{Name: name, Kind: k} }

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
			{Name: "type", Kind: kEnum, Required: true, Enum: pagetype.Names()},
			req("path", kPath),
			req("title", kString),
			req("summary", kString),
			{Name: "status", Kind: kEnum, Required: true, Enum: []string{"published", "draft"}},
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
			{Name: "section", Kind: kPathRef},
			// The search scope of the page and its children, when its type
			// and its parents' do not give one.
			{Name: "searchScope", Kind: kEnum, Enum: pagetype.Scopes},
		}
		schema.own, schema.all = map[string][]field{}, map[string][]field{}
		for _, t := range pagetype.All() {
			own := []field{opt("body", kBlocks)}
			if t.Fields != nil {
				own = t.Fields
			}
			schema.own[t.Name] = own
			// A type may give a common field again, to require it.
			common := slices.DeleteFunc(slices.Clone(schema.common), func(c field) bool {
				return slices.ContainsFunc(own, func(o field) bool { return o.Name == c.Name })
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
	"list":      {{Name: "items", Kind: kInlines, Required: true, Min: 1}, opt("ordered", kBool)},
	"quote":     {req("text", kString), req("name", kString), opt("role", kString)},
	"figures": {{Name: "items", Kind: kObjects, Required: true, Min: 1, Sub: []field{
		req("value", kString), req("label", kString), opt("text", kString)}}},
	"callout": {opt("title", kString), req("text", kInline), {Name: "variant", Kind: kEnum, Enum: []string{"info", "warning"}}},
	"table": {req("caption", kString), {Name: "head", Kind: kStrings, Required: true, Min: 1},
		{Name: "rows", Kind: kObjects, Required: true, Min: 1}}, // rows checked specially
	"contacts": {opt("title", kString), {Name: "items", Kind: kObjects, Required: true, Min: 1, Sub: []field{
		req("label", kString), req("value", kString), opt("href", kHref)}}},
	"links": {req("title", kString), {Name: "items", Kind: kObjects, Required: true, Min: 1, Sub: []field{
		req("text", kString), req("href", kHref), opt("description", kString)}}},
	"video": {req("youtubeId", kString), req("title", kString), opt("caption", kString)},
	"image": {req("src", kString), {Name: "alt", Kind: kAnyString, Required: true}, req("width", kInt), req("height", kInt),
		opt("caption", kString), opt("decorative", kBool)},
}

// typedBlockFields are each block type's fields with "type" first, as
// a block is checked: made once, not for each block of each page.
var typedBlockFields = func() map[string][]field {
	m := make(map[string][]field, len(blockFields))
	for t, fields := range blockFields {
		m[t] = append([]field{req("type", kString)}, fields...)
	}
	return m
}()

var siteFields = []field{
	req("name", kString),
	req("cookiePolicy", kString),
	req("origin", kString),
	req("description", kString),
	{Name: "navigation", Kind: kObjects, Required: true, Min: 1, Sub: linkFields},
	{Name: "footer", Kind: kObject, Required: true, Sub: []field{
		{Name: "groups", Kind: kObjects, Required: true, Min: 1, Sub: []field{
			req("title", kString), {Name: "links", Kind: kObjects, Required: true, Min: 1, Sub: linkFields}}},
		req("copyright", kString),
	}},
	{Name: "home", Kind: kObject, Required: true, Sub: []field{
		{Name: "hero", Kind: kObject, Required: true, Sub: []field{req("title", kString), req("text", kString),
			{Name: "link", Kind: kObject, Sub: linkFields}}},
		{Name: "promo", Kind: kObject, Sub: []field{req("title", kString), req("text", kString), req("href", kHref)}},
		{Name: "figures", Kind: kObjects, Required: true, Min: 1, Sub: []field{req("value", kString), req("label", kString),
			req("text", kString), {Name: "link", Kind: kObject, Sub: linkFields}}},
		{Name: "services", Kind: kPathRefs, Required: true, Min: 1},
		req("feature", kPathRef),
		{Name: "data", Kind: kPathRefs, Required: true, Min: 1},
		// The headings of the home page's sections and the link that ends
		// each list.
		{Name: "sections", Kind: kObject, Required: true, Sub: []field{
			{Name: "figures", Kind: kObject, Required: true, Sub: []field{req("title", kString)}},
			{Name: "services", Kind: kObject, Required: true, Sub: moreFields},
			{Name: "feature", Kind: kObject, Required: true, Sub: []field{req("title", kString)}},
			{Name: "blogs", Kind: kObject, Required: true, Sub: moreFields},
			{Name: "news", Kind: kObject, Required: true, Sub: moreFields},
			{Name: "data", Kind: kObject, Required: true, Sub: moreFields},
		}},
	}},
	// The cookie banner's words. In "change", the words in {braces} link
	// to the cookie settings.
	{Name: "cookieBanner", Kind: kObject, Required: true, Sub: []field{
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
	top := field{Name: "words", Kind: kObject, Required: true}
	groups := map[string]*field{}
	var order []string
	for _, d := range words.All {
		group, name := d.Key.Split()
		if groups[group] == nil {
			groups[group] = &field{Name: group, Kind: kObject, Required: true}
			order = append(order, group)
		}
		k := kString
		if d.Inline {
			k = kInline
		}
		groups[group].Sub = append(groups[group].Sub, req(name, k))
	}
	for _, g := range order {
		top.Sub = append(top.Sub, *groups[g])
	}
	return top
}

// moreFields are a home page section's heading and the link after its list.
var moreFields = []field{req("title", kString), {Name: "more", Kind: kObject, Required: true, Sub: linkFields}}
