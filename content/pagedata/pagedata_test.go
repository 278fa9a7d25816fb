//go:build !wasm

package pagedata_test

import (
	"encoding/json"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content"
	"nhsdigital/content/pagedata"
	"nhsdigital/content/pagetype"
)

// Every key the accessors read is one content.View writes.
func TestViewKeysAreTheView(t *testing.T) {
	var written []string
	vt := reflect.TypeFor[content.View]()
	for i := range vt.NumField() {
		name, _, _ := strings.Cut(vt.Field(i).Tag.Get("json"), ",")
		written = append(written, name)
	}
	for _, k := range pagedata.ViewKeys {
		if !slices.Contains(written, k) {
			t.Errorf("pagedata reads %q, which content.View does not write (%v)", k, written)
		}
	}
	for _, k := range written {
		if !slices.Contains(pagedata.ViewKeys, k) {
			t.Errorf("content.View writes %q, which pagedata has no accessor for", k)
		}
	}
}

// Every key Doc reads is a field some page type has: one every page has
// (content/schema.json, made from the validator's schema) or one of a
// type's own in the registry.
func TestDocKeysAreFields(t *testing.T) {
	b, err := os.ReadFile("../schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !json.Valid(b) {
		t.Fatal("schema.json is not JSON")
	}
	fields := map[string]bool{}
	for _, pt := range pagetype.All() {
		for _, f := range pt.Fields {
			fields[f.Name] = true
		}
	}
	for _, name := range gjson.GetBytes(b, "allOf.#.then.propertyNames.enum|@flatten").Array() {
		fields[name.String()] = true
	}
	if len(fields) < 20 {
		t.Fatalf("only %d fields found in schema.json", len(fields))
	}
	for _, k := range pagedata.DocKeys {
		if !fields[k] {
			t.Errorf("pagedata reads %q, which no page type has", k)
		}
	}
}

// The accessors read a real page's data as the server sends it.
func TestAccessorsReadRealData(t *testing.T) {
	store, err := content.Load(content.Embedded(), content.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/services/spine", "/blog", "/cookies"} {
		b, _ := json.Marshal(store.ViewOf(path))
		v := pagedata.Of(gjson.ParseBytes(b))
		d, _ := store.Doc(path)
		if v.Status() != 200 || v.Page().Path() != path || v.Page().Title() != d.Title || v.Page().Type() != d.Type ||
			v.Version() != store.Version || !v.Crumbs().IsArray() {
			t.Errorf("%s: status %d, path %q, title %q, type %q", path, v.Status(), v.Page().Path(), v.Page().Title(), v.Page().Type())
		}
	}
	b, _ := json.Marshal(store.ViewOf("/blog"))
	if v := pagedata.Of(gjson.ParseBytes(b)); v.Section() != "/news-and-events" || len(v.Cards().Array()) == 0 {
		t.Errorf("/blog: section %q, %d cards", v.Section(), len(v.Cards().Array()))
	}
	b, _ = json.Marshal(store.ViewOf("/cookies"))
	if v := pagedata.Of(gjson.ParseBytes(b)); len(v.Page().Categories().Array()) != 3 {
		t.Errorf("/cookies: %d categories", len(v.Page().Categories().Array()))
	}
}
