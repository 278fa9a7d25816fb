//go:build !wasm

package components

import "testing"

// (The UK clock's tests are in uktime_test.go.)

// A heading's id: lower-case ASCII letters and digits joined by dashes.
func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"How it works":          "how-it-works",
		"  Status & usage!  ":   "status-usage",
		"Café in 2024":          "caf-in-2024",
		"":                      "section",
		"‘’":                    "section",
		`x"><script>`:           "x-script",
		"Already-dashed--twice": "already-dashed-twice",
	} {
		if got := slug(in); got != want {
			t.Errorf("slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// An outline hands out each id once, numbering repeats, and never the id
// of the main content.
func TestOutline(t *testing.T) {
	o := newOutline()
	var got []string
	for _, c := range [][2]string{{"Overview", ""}, {"Overview", ""}, {"Main content", ""}, {"Anything", "Overview"}, {"Anything", ""}} {
		got = append(got, o.id(c[0], c[1]))
	}
	want := []string{"overview", "overview-2", "main-content-2", "overview-3", "anything"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("ids %q, want %q", got, want)
			break
		}
	}
}
