package server

import (
	"bufio"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// seedList reads testdata/seed-addresses.txt: the addresses on the
// original site that its crawls link to or name.
func seedList(t *testing.T) []string {
	t.Helper()
	f, err := os.Open("testdata/seed-addresses.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

var (
	seedHref  = regexp.MustCompile(`href="([^"]*)"`)
	seedPlain = regexp.MustCompile(`https?://digital\.nhs\.uk[^\s"'<>)]*`)
)

// seedAddresses extracts, from the crawl files in dir, every address on
// digital.nhs.uk: hrefs that are paths on the site (absolute or relative,
// not protocol-relative, scripts or fragments) and plain addresses.
func seedAddresses(dir string) ([]string, error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		s := string(b)
		for _, m := range seedHref.FindAllStringSubmatch(s, -1) {
			h := strings.ReplaceAll(m[1], "&amp;", "&")
			switch {
			case h == "", strings.HasPrefix(h, "//"), strings.HasPrefix(h, "#"), strings.Contains(h, ":"):
				continue
			case !strings.HasPrefix(h, "/"):
				h = "/" + h // relative to the home page
			}
			seen[h] = true
		}
		for _, m := range seedPlain.FindAllString(s, -1) {
			u, err := url.Parse(m)
			if err != nil {
				continue
			}
			p := u.EscapedPath()
			if p == "" {
				p = "/"
			}
			if u.RawQuery != "" {
				p += "?" + u.RawQuery
			}
			seen[p] = true
		}
	}
	return slices.Sorted(maps.Keys(seen)), nil
}

// TestSeedListIsComplete checks the list against the crawls themselves
// where they are on this machine (NHSD_SEEDS, or the shared folder).
func TestSeedListIsComplete(t *testing.T) {
	dir := os.Getenv("NHSD_SEEDS")
	if dir == "" {
		dir = "/work/shared/seeds"
	}
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no crawls at %s", dir)
	}
	found, err := seedAddresses(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(found) == 0 {
		t.Fatalf("no addresses found in %s", dir)
	}
	listed := map[string]bool{}
	for _, a := range seedList(t) {
		listed[a] = true
	}
	for _, a := range found {
		if !listed[a] {
			t.Errorf("%s is in the crawls but not in testdata/seed-addresses.txt", a)
		}
	}
}

// TestSeedAddressesAnswer requests every address of the original site that
// the crawls show, plus the short addresses people type (/data, /news): each
// must answer 200, or 301 to an address on this site that answers 200.
func TestSeedAddressesAnswer(t *testing.T) {
	srv := newServer(t, realStore(t))
	addrs := append(seedList(t), "/data", "/news", "/search?query=dementia&area=data")
	for _, a := range addrs {
		r := get(srv, a)
		switch r.code {
		case 200:
		case 301:
			loc := r.header.Get("Location")
			u, err := url.Parse(loc)
			if err != nil || u.Host != "" || !strings.HasPrefix(loc, "/") {
				t.Errorf("%s: 301 to %q, not an address on this site", a, loc)
				continue
			}
			if r2 := get(srv, loc); r2.code != 200 {
				t.Errorf("%s: 301 to %s, which answers %d", a, loc, r2.code)
			}
		default:
			t.Errorf("%s answers %d", a, r.code)
		}
	}
}

func TestLegacySearchAddresses(t *testing.T) {
	srv := newServer(t, realStore(t))
	cases := map[string]string{
		"/search?sort=date&area=data":             "/search?scope=data&sort=date",
		"/search?query=dementia":                  "/search?q=dementia",
		"/search?query=spine+pki&area=data":       "/search?q=spine+pki&scope=data",
		"/search?query=a&q=b":                     "/search?q=b",
		"/search?area=somewhere-else&query=x":     "/search?q=x",
		"/search?query=dementia&page=2&area=data": "/search?page=2&q=dementia&scope=data",
	}
	for from, want := range cases {
		r := get(srv, from)
		if r.code != 301 || r.header.Get("Location") != want {
			t.Errorf("%s: %d to %q, want 301 to %q", from, r.code, r.header.Get("Location"), want)
		}
	}
	// Addresses already in this site's form are served, not redirected.
	for _, p := range []string{"/search", "/search?q=spine", "/search?q=spine&scope=data"} {
		if r := get(srv, p); r.code != 200 {
			t.Errorf("%s answers %d", p, r.code)
		}
	}
}
