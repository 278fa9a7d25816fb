package content

import (
	"encoding/json"
	"strings"

	"nhsdigital/content/pagetype"
)

// A JSON Schema of the front matter, made from the validator's schema
// (schema.go) so that the two cannot drift apart: content/schema.json is
// this, and a test fails when it is not. Editors that check YAML against a
// JSON Schema complete field names and flag mistakes with it as one types.

// fieldDocs describe fields for the editor.
var fieldDocs = map[string]string{
	"id":                 "A UUID, made once (uuidgen) and never changed.",
	"type":               "The page type.",
	"path":               "The page's URL path: lower case letters, digits and - between slashes, no trailing slash.",
	"title":              "The page's main heading and <title>.",
	"summary":            "One or two plain sentences, at most 300 characters: the meta description, cards and feeds.",
	"status":             "published or draft; drafts are never served in production.",
	"published":          "Publication time: 2024-03-05 or 2024-03-05T11:55:00Z. In the future, the page is scheduled.",
	"lastEdited":         "Last substantive edit: 2024-03-05 or 2024-03-05T11:55:00Z. Left out, the time of the file's last commit.",
	"expires":            "When production stops serving the page (after published).",
	"aliases":            "Old paths that answer with a 301 redirect to path.",
	"topics":             "Topic names, used by search facets and Related subjects.",
	"informationType":    "For example Official statistics, Management information.",
	"geographicCoverage": "For example England.",
	"granularity":        "For example Country, Regions, GP practices.",
	"showLastEdited":     "true to print Last edited at the foot of the page.",
	"featured":           "Paths of pages shown as cards after the body.",
	"serviceStatus":      "The service's status.",
	"relatedServices":    "Paths of other services.",
	"authors":            "The authors the source names, each with name and role.",
	"relatedSubjects":    "Subject names.",
	"series":             "The path of the series page it belongs to: a publication's series, a blog post's blog series.",
	"section":            "The path of the header section the page and those under it are in, when their paths do not say (the blog is in News and events).",
	"necessary":          "The cookie settings page: what the site stores that it needs (the consent cookie first).",
	"categories":         "The cookie settings page: each category of storage that needs consent (key offline, statistics or media), with what it stores.",
	"searchScope":        "The search scope (services, data or news) of the page and those under it, when their type does not give one.",
	"coverageStart":      "First day the publication covers.",
	"coverageEnd":        "Last day the publication covers.",
}

const (
	datePattern = `^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2}))?$`
	uuidPattern = `^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`
	hrefPattern = `^(https://|mailto:|tel:|/)`
)

// fieldSchema is the JSON Schema of one field's value.
func fieldSchema(f field) map[string]any {
	s := map[string]any{}
	nonEmpty := map[string]any{"type": "string", "minLength": 1}
	switch f.Kind {
	case kString, kInline:
		s = nonEmpty
	case kAnyString:
		s["type"] = "string"
	case kDate:
		s["type"], s["pattern"] = "string", datePattern
	case kUUID:
		s["type"], s["pattern"] = "string", uuidPattern
	case kPath, kPathRef:
		s["type"], s["pattern"] = "string", pathPattern.String()
	case kHref:
		s["type"], s["pattern"] = "string", hrefPattern
	case kStrings, kInlines:
		s["type"], s["items"] = "array", nonEmpty
	case kPathRefs:
		s["type"], s["items"] = "array", map[string]any{"type": "string", "pattern": pathPattern.String()}
	case kBool:
		s["type"] = "boolean"
	case kInt:
		s["type"] = "integer"
	case kEnum:
		s["type"], s["enum"] = "string", f.Enum
	case kObject:
		s = objectSchema(f.Sub)
	case kObjects:
		s["type"], s["items"] = "array", objectSchema(f.Sub)
	}
	if f.Kind == kStrings || f.Kind == kPathRefs {
		s["uniqueItems"] = true
	}
	if f.Min > 0 {
		s["minItems"] = f.Min
	}
	if d := fieldDocs[f.Name]; d != "" {
		s["description"] = d
	}
	return s
}

func objectSchema(fields []field) map[string]any {
	props := map[string]any{}
	var required []string
	for _, f := range fields {
		props[f.Name] = fieldSchema(f)
		if f.Required {
			required = append(required, f.Name)
		}
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		s["required"] = required
	}
	return s
}

// frontMatterFields are the fields of type t written in the front matter.
func frontMatterFields(t string) []field {
	var out []field
	for _, f := range pageFields(t) {
		if bodyFields[f.Name] == "" {
			out = append(out, f)
		}
	}
	return out
}

// FrontMatterSchema is the JSON Schema of a page's front matter.
func FrontMatterSchema() []byte {
	all := map[string]any{}
	var conds []any
	for _, t := range pagetype.Names() {
		var names []string
		var required []string
		for _, f := range frontMatterFields(t) {
			all[f.Name] = fieldSchema(f)
			names = append(names, f.Name)
			if f.Required {
				required = append(required, f.Name)
			}
		}
		then := map[string]any{"propertyNames": map[string]any{"enum": names}, "required": required}
		conds = append(conds, map[string]any{
			"if":   map[string]any{"properties": map[string]any{"type": map[string]any{"const": t}}, "required": []string{"type"}},
			"then": then,
		})
	}
	var required []string
	for _, f := range commonFields() {
		if f.Required {
			required = append(required, f.Name)
		}
	}
	schema := map[string]any{
		"$schema":     "http://json-schema.org/draft-07/schema#",
		"title":       "Front matter of a page (content/pages/**/*.md)",
		"description": "Made from the validator's schema (content/schema.go) by make schema; see content/README.md.",
		"type":        "object",
		"properties":  all,
		"required":    required,
		"allOf":       conds,
	}
	var b strings.Builder
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	e.SetIndent("", "  ")
	e.Encode(schema)
	return []byte(b.String())
}
