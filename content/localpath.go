package content

// LocalPath reports whether p can only lead to this site: it starts with
// one slash (two, "//host", name another site), and has no backslash
// (which browsers read as a slash), query, fragment or control character
// (browsers drop tabs and newlines, so "/\t/host" would be "//host").
// Every form that sends a visitor back to a page, and every link the
// server follows to one, checks its path with this; the server also
// requires a page at that path. The consent codec's localPath
// (content/consent/consent.js) is the same rule for the static copy.
func LocalPath(p string) bool {
	if len(p) == 0 || p[0] != '/' || len(p) > 1 && p[1] == '/' {
		return false
	}
	for _, c := range p {
		if c == '\\' || c == '?' || c == '#' || c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}
