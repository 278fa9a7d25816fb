package content

import (
	"testing"
	"time"

	"go.yaml.in/yaml/v3"
)

// ParseDate reads a day or an RFC 3339 time, and nothing else.
func TestParseDate(t *testing.T) {
	for s, want := range map[string]time.Time{
		"2024-03-05":                time.Date(2024, 3, 5, 0, 0, 0, 0, time.UTC),
		"2024-03-05T11:55:00Z":      time.Date(2024, 3, 5, 11, 55, 0, 0, time.UTC),
		"2024-03-05T11:55:00+01:00": time.Date(2024, 3, 5, 10, 55, 0, 0, time.UTC),
		"2024-03-05T11:55:00.5Z":    time.Date(2024, 3, 5, 11, 55, 0, 5e8, time.UTC),
	} {
		got, err := ParseDate(s)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	for _, s := range []string{"", "2024-3-5", "05/03/2024", "2024-03-05T11:55", "2024-03-05 11:55:00Z", "2024-02-30", "yesterday", "2024-03-05x"} {
		if _, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) took it", s)
		}
	}
}

// The front matter's values that skip YAML's own typing are those YAML
// would not make a null, bool or number either.
func TestYAMLStringsSkipped(t *testing.T) {
	for _, s := range []string{"e6e6456e-83a8-412a-9280-03ede2003b89", "12345678-1234-1234-1234-123456789012", "2024-03-05", "2024-03-05T11:55:00Z", "2024-03-05 and more"} {
		if !idOrDate(s) {
			t.Errorf("%q is not skipped", s)
		}
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("v: "+s), &n); err != nil {
			t.Fatal(err)
		}
		switch tag := n.Content[0].Content[1].ShortTag(); tag {
		case "!!null", "!!bool", "!!int", "!!float":
			t.Errorf("YAML makes %q a %s", s, tag)
		}
	}
	for _, s := range []string{"", "12345678", "1e10", "2024", "2024-3-5", "e6e6456e-83a8-412a-9280-03ede2003b8", "e6e6456e_83a8-412a-9280-03ede2003b89", "g6e6456e-83a8-412a-9280-03ede2003b89"} {
		if idOrDate(s) {
			t.Errorf("%q is skipped", s)
		}
	}
}
