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
	"strings"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/content/pagetype"
)

func main() {
	typ := flag.String("type", "", "page type: hub, page, service, blog, news, feature, series or publication")
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
	if _, err := content.Load(os.DirFS(dir), content.Options{Preview: true, Now: now}); err != nil {
		os.Remove(file)
		return fmt.Errorf("the new page would not be valid, so it was not written:\n%v", err)
	}
	fmt.Printf("Wrote %s (a draft).\nPreview it with make preview at http://localhost:%s%s\n", file, port, path)
	return nil
}

// para is a paragraph block.
func para(text string) map[string]any { return map[string]any{"type": "paragraph", "text": text} }

// draft is the new page: the fields every page has and its type's template.
func draft(typ, title, path, series string, now time.Time) map[string]any {
	d := map[string]any{
		"id": uuid.NewString(), "type": typ, "path": path, "title": title,
		"summary":    "One or two plain sentences on what this page is for; search results and cards show them.",
		"status":     "draft",
		"published":  now.UTC().Format("2006-01-02"),
		"lastEdited": now.UTC().Format(time.RFC3339),
		"body":       []any{para("Write the page here in Markdown: paragraphs, ## headings, lists and links. content/README.md shows the containers for callouts, figures, quotes, contacts, links and video.")},
	}
	switch typ {
	case content.TypeService:
		sections := map[string]any{}
		for _, s := range pagetype.ServiceSections {
			sections[s.Key] = []any{para("Write the \"" + s.Heading + "\" section here.")}
		}
		d["serviceStatus"] = "beta"
		d["sections"] = sections
		delete(d, "body")
	case content.TypeBlog, content.TypeFeature:
		d["authors"] = []any{map[string]any{"name": "Author's name", "role": "Author's role"}}
	case content.TypePublication:
		d["series"] = strings.TrimRight(series, "/")
		d["coverageStart"] = now.UTC().AddDate(0, -1, 0).Format("2006-01-02")
		d["coverageEnd"] = now.UTC().Format("2006-01-02")
		d["keyFacts"] = []any{map[string]any{"value": "0", "label": "Replace with the first key fact"}}
		d["resources"] = []any{map[string]any{"title": "Replace with the first file", "href": strings.TrimRight(series, "/"), "format": "XLSX"}}
		d["informationType"] = []any{"Official statistics"}
		d["geographicCoverage"] = []any{"England"}
		d["granularity"] = []any{"Country"}
	}
	return d
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
