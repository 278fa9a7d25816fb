package content

import "testing"

func TestLocalPath(t *testing.T) {
	for p, want := range map[string]bool{
		"/": true, "/services/spine": true, "/a//b": true, "/%2F/x": true, "/é": true,
		"": false, "services": false, "//evil.example": false, "///evil.example": false, "/\\evil.example": false,
		"\\\\evil.example": false, "https://evil.example": false, "/a?b": false, "/a#b": false,
		"/\t/evil.example": false, "/\n/evil.example": false, "/\r": false, "/\x00": false, "/\x7f": false,
	} {
		if LocalPath(p) != want {
			t.Errorf("LocalPath(%q) = %v", p, !want)
		}
	}
}
