//go:build !wasm

package components

import (
	"net/url"
	"testing"
)

// A render URL hands its Page to the render until done; any other URL
// gets an empty page at its path.
func TestRenderURL(t *testing.T) {
	p := &Page{Path: "/services/spine", Query: "q=1"}
	u, done := RenderURL(p)
	parsed, err := url.Parse(u)
	if err != nil || parsed.Path != "/services/spine" || parsed.Query().Get(RenderParam) == "" {
		t.Fatalf("RenderURL = %q", u)
	}
	u2, done2 := RenderURL(&Page{Path: "/services/spine"})
	defer done2()
	if u2 == u {
		t.Errorf("two renders share a URL")
	}
	if got := pageFor(parsed); got != p {
		t.Errorf("pageFor(%q) = %+v, want the page handed", u, got)
	}
	done()
	if got := pageFor(parsed); got == p || got.Path != "/services/spine" || got.Source != nil {
		t.Errorf("after done, pageFor(%q) = %+v", u, got)
	}
	other, _ := url.Parse("/x?" + RenderParam + "=forged")
	if got := pageFor(other); got.Path != "/x" || got.Source != nil {
		t.Errorf("pageFor(%q) = %+v", other, got)
	}
}
