package content

import (
	"bytes"
	"encoding/json"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"

	yaml "go.yaml.in/yaml/v3"

	"nhsdigital/content/pagetype"
)

// TestFrontMatterSchema checks that content/schema.json is what the
// validator's schema gives now, and that it says of every real page's
// front matter what the validator says: each field is one its type has,
// each required field is there, and a misspelt field is refused.
func TestFrontMatterSchema(t *testing.T) {
	committed, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(committed, FrontMatterSchema()) {
		t.Fatal("content/schema.json differs from the validator's schema: run make schema and commit it")
	}
	var s struct {
		Properties map[string]json.RawMessage
		AllOf      []struct {
			If struct {
				Properties struct{ Type struct{ Const string } }
			}
			Then struct {
				PropertyNames struct{ Enum []string }
				Required      []string
			}
		}
	}
	if err := json.Unmarshal(committed, &s); err != nil {
		t.Fatal(err)
	}
	allowed, required := map[string]map[string]bool{}, map[string][]string{}
	for _, c := range s.AllOf {
		typ := c.If.Properties.Type.Const
		allowed[typ] = map[string]bool{}
		for _, n := range c.Then.PropertyNames.Enum {
			allowed[typ][n] = true
			if s.Properties[n] == nil {
				t.Errorf("%s: %s has no schema", typ, n)
			}
		}
		required[typ] = c.Then.Required
	}
	if len(allowed) != len(pagetype.Names()) {
		t.Fatalf("the schema knows %d page types, the validator %d", len(allowed), len(pagetype.Names()))
	}
	pages := 0
	fs.WalkDir(os.DirFS("."), "pages", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, PageExt) {
			return err
		}
		data, _ := os.ReadFile(p)
		parts := strings.SplitN(string(data), "---\n", 3)
		var fm map[string]any
		if err := yaml.Unmarshal([]byte(parts[1]), &fm); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		typ, _ := fm["type"].(string)
		for k := range fm {
			if !allowed[typ][k] {
				t.Errorf("%s: the schema refuses %s for a %s page, which the validator allows", p, k, typ)
			}
		}
		for _, k := range required[typ] {
			if _, ok := fm[k]; !ok {
				t.Errorf("%s: the schema requires %s, which the page lacks and the validator does not require", p, k)
			}
		}
		pages++
		return nil
	})
	if pages < 80 {
		t.Errorf("%d pages checked", pages)
	}
	for typ := range allowed {
		if allowed[typ]["sumary"] || !allowed[typ]["summary"] || allowed[typ]["body"] {
			t.Errorf("%s: the schema allows a misspelt field or the body, or refuses summary", typ)
		}
	}
	if !allowed[TypeService]["serviceStatus"] || allowed[TypeBlog]["serviceStatus"] || !slices.Contains(required[TypeBlog], "authors") {
		t.Error("the schema's fields by type differ from the validator's")
	}
}
