package htmlesc

import (
	"html"
	"math/rand/v2"
	"testing"
)

func TestStringIsHTMLEscapeString(t *testing.T) {
	cases := []string{"", "plain", "<", `a<b>c&d'e"f`, "&amp;", "<<>>", "é<ü>\x00\xff", `"quoted"`, "tail&"}
	r := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", " ", "<", ">", "&", "'", `"`, "é", "\xff", "&lt;", "\n"}
	for range 20000 {
		var s string
		for range r.IntN(12) {
			s += alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, s)
	}
	for _, s := range cases {
		if got, want := String(s), html.EscapeString(s); got != want {
			t.Fatalf("String(%q) = %q, html.EscapeString gives %q", s, got, want)
		}
	}
}
