package inline

import "testing"

func TestParse(t *testing.T) {
	nodes, err := Parse(`See [Spine](/services/spine) and *this* or **that**, a \*star\*.`)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		kind Kind
		text string
	}{{Text, "See "}, {Link, "Spine"}, {Text, " and "}, {Emphasis, ""}, {Text, " or "}, {Strong, ""}, {Text, ", a *star*."}}
	if len(nodes) != len(want) {
		t.Fatalf("got %d nodes %+v", len(nodes), nodes)
	}
	for i, w := range want {
		if nodes[i].Kind != w.kind || (w.text != "" && nodes[i].Text != w.text) {
			t.Errorf("node %d = %+v, want %v %q", i, nodes[i], w.kind, w.text)
		}
	}
	if nodes[1].Href != "/services/spine" {
		t.Errorf("href = %q", nodes[1].Href)
	}
	if nodes[3].Children[0].Text != "this" || nodes[5].Children[0].Text != "that" {
		t.Errorf("emphasis children wrong: %+v", nodes)
	}
}

func TestParseErrors(t *testing.T) {
	for _, s := range []string{"an *open emphasis", "**open strong", "[no href]", "[text](no close", "[](/x)", "[x]( /y)", "**", "a * b"} {
		if _, err := Parse(s); err == nil {
			t.Errorf("Parse(%q): want an error", s)
		}
	}
}

func TestPlainAndLinks(t *testing.T) {
	s := "Read [the guide](/developer) or **email** [us](mailto:a@b.c)."
	if got := Plain(s); got != "Read the guide or email us." {
		t.Errorf("Plain = %q", got)
	}
	if got := Links(s); len(got) != 2 || got[0] != "/developer" || got[1] != "mailto:a@b.c" {
		t.Errorf("Links = %q", got)
	}
}

func FuzzParse(f *testing.F) {
	f.Add("a [b](/c) *d* **e**")
	f.Fuzz(func(t *testing.T, s string) {
		nodes, _ := Parse(s)
		_ = nodes
		_ = Plain(s)
	})
}
