package pagetype

import (
	"slices"
	"testing"
)

// The registry holds together: names and paths are unique, what a type
// lists or belongs to is a type, a single page's type has its path, and
// every type names its component.
func TestRegistryIsConsistent(t *testing.T) {
	names, paths := map[string]bool{}, map[string]string{}
	for _, ty := range All() {
		if names[ty.Name] {
			t.Errorf("%s is registered twice", ty.Name)
		}
		names[ty.Name] = true
		if ty.Component == "" || ty.Label == "" {
			t.Errorf("%s has no component or label", ty.Name)
		}
		if ty.Path != "" {
			if o, dup := paths[ty.Path]; dup {
				t.Errorf("%s and %s both have path %s", o, ty.Name, ty.Path)
			}
			paths[ty.Path] = ty.Name
		}
		if ty.Required && ty.Path == "" {
			t.Errorf("%s is required but has no path of its own", ty.Name)
		}
		if ty.Path != "" && ty.Prefix != "" {
			t.Errorf("%s has both a path and a prefix", ty.Name)
		}
		if ty.Scope != "" && !slices.Contains(Scopes, ty.Scope) {
			t.Errorf("%s: scope %q is not a search scope", ty.Name, ty.Scope)
		}
		if ty.Feed != "" && (ty.FeedTitle == "" || ty.FeedLink == "") {
			t.Errorf("%s: a feed needs a title and a link", ty.Name)
		}
	}
	for _, ty := range All() {
		for _, l := range ty.Lists {
			if !names[l] {
				t.Errorf("%s lists %q, which is no type", ty.Name, l)
			}
		}
		if ty.Members != "" {
			i := slices.IndexFunc(ty.Fields, func(f Field) bool { return f.Name == ty.Members })
			if i < 0 || len(ty.Fields[i].Target) == 0 {
				t.Errorf("%s: its members field %q is not a reference to a type", ty.Name, ty.Members)
			}
		}
	}
	for _, p := range []string{HomePath, SearchPath, CookiesPath, NotFoundPath, OfflinePath} {
		if paths[p] == "" {
			t.Errorf("no type has the fixed path %s", p)
		}
	}
}

func TestRegisterAndUnregister(t *testing.T) {
	if _, ok := Of("event"); ok {
		t.Fatal("event is registered already")
	}
	Register(&Type{Name: "event", Label: "Event", Component: ContentComponent})
	if ty, ok := Of("event"); !ok || ty.Label != "Event" || !slices.Contains(Names(), "event") {
		t.Error("a registered type is not found")
	}
	Register(&Type{Name: "event", Label: "Meeting", Component: ContentComponent})
	if Get("event").Label != "Meeting" || len(slices.DeleteFunc(Names(), func(n string) bool { return n != "event" })) != 1 {
		t.Error("registering a type again does not replace it")
	}
	Unregister("event")
	if _, ok := Of("event"); ok || Get("event").Name != Page {
		t.Error("an unregistered type is still found, or Get does not fall back to a plain page")
	}
}

func TestMembersAndFeeds(t *testing.T) {
	if MembersOf(Series).Name != Publication || MembersOf(BlogSeries).Name != Blog || MembersOf(Hub) != nil {
		t.Error("members: a series lists publications, a blog series posts, a hub none")
	}
	if MemberFeedsOf(BlogSeries) == nil || MemberFeedsOf(Series) != nil {
		t.Error("a blog series has a feed of its posts; a publication series none")
	}
	if got := MemberFeedPath("/blog/design-matters"); got != "/feeds/blog/design-matters.xml" {
		t.Errorf("member feed path %s", got)
	}
	if got := Get(Blog).FeedPath(); got != "/feeds/blogs.xml" {
		t.Errorf("blog feed path %s", got)
	}
	if ls := Listing(Blog); !slices.ContainsFunc(ls, func(t *Type) bool { return t.Name == BlogIndex }) {
		t.Error("the blog index does not list blog posts")
	}
}

func TestStatusLabel(t *testing.T) {
	for in, want := range map[string]string{"live": "Live", "retiring": "Retiring", "unknown": "unknown", "": ""} {
		if got := StatusLabel(in); got != want {
			t.Errorf("StatusLabel(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"How it works": "how-it-works", "  NHS App: 2024!  ": "nhs-app-2024", "Café--Déjà": "caf-d-j", "": "", "---": "",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}
