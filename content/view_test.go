package content

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/tidwall/gjson"

	"nhsdigital/content/inline"
)

// A view sends the inline text of every block as HTML, wherever the block
// is (a body, a service's sections), and nothing else changed: the browser
// has no inline markup code of its own.
func TestViewsSendInlineTextAsHTML(t *testing.T) {
	s, err := Load(Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, d := range s.Docs() {
		page := gjson.ParseBytes(s.ViewOf(d.Path).Page)
		if d.Type == TypeNotFound {
			continue
		}
		// Walk the stored page and its view side by side.
		var walk func(raw, sent gjson.Result, inArray bool, at string)
		walk = func(raw, sent gjson.Result, inArray bool, at string) {
			check := func(field string, r, v gjson.Result) {
				if want := inline.HTML(r.String()); v.String() != want {
					t.Errorf("%s %s.%s: sent %q, want %q", d.Path, at, field, v.String(), want)
				}
				kinds[field]++
			}
			switch {
			case raw.IsArray():
				rs, vs := raw.Array(), sent.Array()
				if len(rs) != len(vs) {
					t.Fatalf("%s %s: %d items sent, %d stored", d.Path, at, len(vs), len(rs))
				}
				for i := range rs {
					walk(rs[i], vs[i], true, at+"[]")
				}
			case raw.IsObject():
				typ := raw.Get("type").String()
				raw.ForEach(func(k, r gjson.Result) bool {
					v := sent.Get(gjson.Escape(k.String()))
					switch {
					case inArray && k.String() == "text" && (typ == "paragraph" || typ == "callout"):
						check(typ+".text", r, v)
					case inArray && k.String() == "items" && typ == "list":
						for i, it := range r.Array() {
							check("list.items", it, v.Array()[i])
						}
					case inArray && k.String() == "rows" && typ == "table":
						for i, row := range r.Array() {
							for j, c := range row.Array() {
								check("table.cell", c, v.Array()[i].Array()[j])
							}
						}
					default:
						walk(r, v, false, at+"."+k.String())
					}
					return true
				})
			default:
				if raw.Raw != sent.Raw {
					t.Errorf("%s %s: sent %s, stored %s", d.Path, at, sent.Raw, raw.Raw)
				}
			}
		}
		walk(d.JSON(), page, false, "$")
	}
	for _, k := range []string{"paragraph.text", "callout.text", "list.items", "table.cell"} {
		if kinds[k] == 0 {
			t.Errorf("no %s in the content: the test checks nothing of it", k)
		}
	}
	v := string(s.ViewOf("/services/e-referral-service").Page)
	if !strings.Contains(v, `runs on <a class=\"nhsd-link\" href=\"/services/spine\">Spine</a>.`) {
		t.Error("the e-Referral Service's link to Spine is not sent as HTML")
	}
}

// A view's JSON is what encoding/json makes of it, page included, for
// every page (and for a path with no page).
func TestViewJSONIsTheView(t *testing.T) {
	s, err := Load(Embedded(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	paths := []string{"\x00not-found"}
	for _, d := range s.Docs() {
		paths = append(paths, d.Path)
	}
	for _, p := range paths {
		v := s.ViewOf(p)
		got := v.JSON()
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		var g, w any
		if err := json.Unmarshal(got, &g); err != nil {
			t.Fatalf("%q: JSON is not JSON (%v): %s", p, err, got)
		}
		if err := json.Unmarshal(want, &w); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(g, w) {
			t.Errorf("%q: JSON %s\nwant %s", p, got, want)
		}
		if len(v.Page) > 0 && !gjson.GetBytes(got, "page").Exists() {
			t.Errorf("%q: no page in %s", p, got)
		}
	}
}
