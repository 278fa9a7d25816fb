//go:build !wasm

package components

import "testing"

// The skip link is one link to the main content, which every page gives
// the id main-content.
func TestSkipLink(t *testing.T) {
	d := exampleDoc(t, "SkipLink", "Skip link")
	a := d.one("a.nhsd-skip-link")
	if href := attrOf(a, "href"); href != "#main-content" {
		t.Errorf("href %q, want #main-content", href)
	}
	if got := textOf(a); got != "Skip to main content" {
		t.Errorf("text %q", got)
	}
	if n := len(d.all("*")); n != 1 {
		t.Errorf("%d elements, want the link alone", n)
	}
	checkAccessible(t, d, "main-content")
}
