//go:build !wasm

package components

import "testing"

// A page's data lives at its path under /page-data/, the home page's at
// index.json.
func TestPageDataURL(t *testing.T) {
	for path, want := range map[string]string{
		"/":                "/page-data/index.json",
		"":                 "/page-data/index.json",
		"/services/spine":  "/page-data/services/spine.json",
		"/services/spine/": "/page-data/services/spine.json",
	} {
		if got := PageDataURL(path); got != want {
			t.Errorf("PageDataURL(%q) = %q, want %q", path, got, want)
		}
	}
	if _, ok := (emptySource{}).View("/"); ok || (emptySource{}).Site().Exists() {
		t.Errorf("the empty source has something")
	}
}
