package inline

import (
	"strings"
	"testing"
)

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
	f.Add(`*[x\\](/y)* [a*b](/c)`)
	f.Fuzz(func(t *testing.T, s string) {
		nodes, err := Parse(s)
		_ = nodes
		_ = Plain(s)
		u := Unlink(s, func(string) bool { return true })
		if err != nil {
			return
		}
		if _, err := Parse(u); err != nil || len(Links(u)) > 0 || textOf(u) != textOf(s) {
			t.Errorf("Unlink(%q) = %q: error %v, links %q, text %q, was %q", s, u, err, Links(u), textOf(u), textOf(s))
		}
	})
}

func TestUnlink(t *testing.T) {
	drop := func(href string) bool { return strings.HasPrefix(href, "/secret") }
	for in, want := range map[string]string{
		"See [our plans](/secret) and [the catalogue](/services).":  "See our plans and [the catalogue](/services).",
		"*[plans](/secret#when)* and **[x](/secret?y=1)**":          "*plans* and **x**",
		`[a*b [c] \d](/secret) stays \*literal\*`:                   `a\*b \[c\] \\d stays \*literal\*`,
		"no links at all, a \\[bracket\\] and [ext](https://a.b/c)": "no links at all, a \\[bracket\\] and [ext](https://a.b/c)",
		"an *open [x](/secret)":                                     "an *open [x](/secret)", // bad markup: left as it is
	} {
		got := Unlink(in, drop)
		if got != want {
			t.Errorf("Unlink(%q) = %q, want %q", in, got, want)
		}
		if a, b := textOf(in), textOf(got); a != b {
			t.Errorf("Unlink(%q) changed the text a reader sees: %q, was %q", in, b, a)
		}
		for _, h := range Links(got) {
			if drop(h) && !strings.Contains(in, "open") {
				t.Errorf("Unlink(%q) kept a link to %s", in, h)
			}
		}
	}
}

// textOf is the text a reader sees of s: its text and link labels.
func textOf(s string) string {
	nodes, _ := Parse(s)
	var b strings.Builder
	var walk func([]Node)
	walk = func(ns []Node) {
		for _, n := range ns {
			b.WriteString(n.Text)
			walk(n.Children)
		}
	}
	walk(nodes)
	return b.String()
}

// HTML escapes every piece of text and every href, writes links as the
// site does (other sites say so to screen readers) and emphasis as tags.
func TestHTML(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`See [Spine](/services/spine), *now* and **here**.`, `See <a class="nhsd-link" href="/services/spine">Spine</a>, <em>now</em> and <strong>here</strong>.`},
		{`<script>alert(1)</script> & [x](/a?b=1&c=2)`, `&lt;script&gt;alert(1)&lt;/script&gt; &amp; <a class="nhsd-link" href="/a?b=1&amp;c=2">x</a>`},
		{`[the "NHS"](https://www.nhs.uk/?a=<b>)`, `<a class="nhsd-link" href="https://www.nhs.uk/?a=&lt;b&gt;">the &#34;NHS&#34;<span class="nhsd-visually-hidden"> (external website)</span></a>`},
		{`a \*star\*`, `a *star*`},
	} {
		if got := HTML(c.in); got != c.want {
			t.Errorf("HTML(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}
