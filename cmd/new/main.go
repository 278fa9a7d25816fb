// Command new writes a new draft page as a Markdown file: the front matter
// in the conventional order (id, type, path, title and summary first), a
// fresh id, today's date, then the body with the ## headings of its type's
// template and a line of guidance under each, and a path made from the
// title. It checks the whole content with the new file
// (and removes it again if anything is wrong), then prints the preview URL.
//
//	go run ./cmd/new -type blog -title "Our new approach to cyber security"
//	make new TYPE=publication TITLE="February 2027" SERIES=/data-and-information/publications/statistical/recorded-dementia-diagnoses
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

func main() {
	var types []string
	for _, t := range pagetype.All() {
		if t.Path == "" { // a type of one page at a fixed path is not made anew
			types = append(types, t.Name)
		}
	}
	typ := flag.String("type", "", "page type: "+strings.Join(types, ", "))
	title := flag.String("title", "", "the page's title")
	series := flag.String("series", "", "for a publication: the path of its series")
	dir := flag.String("dir", "content", "content folder")
	port := flag.String("port", "8000", "port of the preview server, for the URL printed")
	flag.Parse()
	if err := run(*dir, *typ, strings.TrimSpace(*title), *series, *port, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "new:", err)
		os.Exit(1)
	}
}

func run(dir, typ, title, series, port string, now time.Time) error {
	if title == "" {
		return fmt.Errorf(`give the page a title: make new TYPE=%s TITLE="…"`, typ)
	}
	slug := slugOf(title)
	if slug == "" {
		return fmt.Errorf("the title %q has no letters or digits to make an address from", title)
	}
	path, err := content.PathFor(typ, slug, series)
	if err != nil {
		return err
	}
	file := filepath.Join(dir, "pages", filepath.FromSlash(strings.TrimPrefix(path, "/"))+content.PageExt)
	if _, err := os.Stat(file); err == nil {
		return fmt.Errorf("%s already exists; choose another title", file)
	}
	doc, _ := json.Marshal(draft(typ, title, path, series, now))
	b, err := content.ToMarkdown(doc)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(file, b, 0o644); err != nil {
		return err
	}
	if _, err := content.Load(content.DirFS(dir), content.Options{Preview: true, Now: now}); err != nil {
		os.Remove(file)
		return fmt.Errorf("the new page would not be valid, so it was not written:\n%v", err)
	}
	fmt.Printf("Wrote %s (a draft).\nPreview it with make preview at http://localhost:%s%s\n", file, port, path)
	return nil
}

// para is a paragraph block.
func para(text string) map[string]any { return map[string]any{"type": "paragraph", "text": text} }

// draft is the new page: the fields every page has, then what its type
// requires (the registry's fields, pagetype.Type.Fields), each filled
// with a value the validator accepts that tells the editor what to write.
func draft(typ, title, path, series string, now time.Time) map[string]any {
	d := map[string]any{
		"id": uuid.NewString(), "type": typ, "path": path, "title": title,
		"summary":    "One or two plain sentences on what this page is for; search results and cards show them.",
		"status":     "draft",
		"published":  now.UTC().Format("2006-01-02"),
		"lastEdited": now.UTC().Format(time.RFC3339),
		"body":       []any{para("Write the page here in Markdown: paragraphs, ## headings, lists and links. content/README.md shows the containers for callouts, figures, quotes, contacts, links and video.")},
	}
	f := filler{now: now, series: strings.TrimRight(series, "/")}
	fields := pagetype.Get(typ).Fields
	for _, fd := range fields {
		if fd.Required && fd.Name != "body" {
			d[fd.Name] = f.value(fd)
		}
	}
	if fields != nil && !slices.ContainsFunc(fields, func(fd pagetype.Field) bool { return fd.Name == "body" && fd.Required }) {
		delete(d, "body") // a service's body is its sections; a publication's, its key facts and resources
	}
	return d
}

// filler makes a value for a required field of a new page.
type filler struct {
	now    time.Time
	series string // a publication's series: its page exists
}

func (f filler) value(fd pagetype.Field) any {
	words := spaced(fd.Name)
	switch fd.Kind {
	case pagetype.Date:
		return f.now.UTC().Format("2006-01-02")
	case pagetype.Enum:
		return fd.Enum[0]
	case pagetype.Bool:
		return false
	case pagetype.Int:
		return 0
	case pagetype.PathRef, pagetype.Href:
		if f.series != "" {
			return f.series
		}
		return pagetype.HomePath
	case pagetype.PathRefs:
		return []any{f.value(pagetype.Field{Kind: pagetype.PathRef})}
	case pagetype.Strings, pagetype.Inlines:
		return []any{"Replace with the " + words}
	case pagetype.Blocks:
		return []any{para("Write the " + words + " here.")}
	case pagetype.Object:
		return f.object(fd.Sub)
	case pagetype.Objects:
		list := []any{}
		for range max(fd.Min, 1) {
			list = append(list, f.object(fd.Sub))
		}
		return list
	}
	return "Replace with the " + words
}

func (f filler) object(sub []pagetype.Field) map[string]any {
	o := map[string]any{}
	for _, fd := range sub {
		if fd.Required {
			o[fd.Name] = f.value(fd)
		}
	}
	return o
}

// spaced writes a field's name as words: "howItWorks" → "how it works".
func spaced(name string) string {
	var b strings.Builder
	for _, r := range name {
		if unicode.IsUpper(r) {
			b.WriteByte(' ')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// slugOf makes an address segment from a title: lower case letters and
// digits joined by hyphens.
func slugOf(title string) string {
	s := pagetype.Slug(title)
	if len(s) > 80 {
		s = strings.TrimRight(s[:80], "-")
	}
	return s
}
