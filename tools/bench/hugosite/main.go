// Command hugosite writes a Hugo site holding the same pages as a content
// folder, for make bench's scale report to set Hugo beside our server on
// the same corpus: each page as Markdown with YAML front matter (title,
// date, summary, url: the page's own path) and its text as paragraphs,
// with minimal templates (a heading and the text; listings name their
// pages). It also writes manifest.json: each path's Markdown file.
//
//	go run ./tools/bench/hugosite -content /tmp/corpus-20000 -out /tmp/hugo-20000
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"nhsdigital/content"
)

const config = `baseURL = "http://localhost/"
languageCode = "en-gb"
title = "NHS Digital"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
`

var layouts = map[string]string{
	"_default/baseof.html": `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{{ .Title }} - NHS Digital</title>` +
		`<meta name="viewport" content="width=device-width, initial-scale=1"></head><body><main>{{ block "main" . }}{{ end }}</main></body></html>`,
	"_default/single.html": `{{ define "main" }}<h1>{{ .Title }}</h1><p>{{ .Summary }}</p>{{ .Content }}{{ end }}`,
	"_default/list.html":   `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}`,
	"index.html":           `{{ define "main" }}<h1>{{ .Title }}</h1>{{ .Content }}{{ end }}`,
}

func main() {
	dir := flag.String("content", "", "content folder (site.json and pages/)")
	out := flag.String("out", "", "Hugo site to write (made empty first)")
	flag.Parse()
	if *dir == "" || *out == "" {
		log.Fatal("usage: hugosite -content DIR -out DIR")
	}
	if err := write(*dir, *out); err != nil {
		log.Fatal(err)
	}
}

func write(dir, out string) error {
	store, err := content.Load(content.DirFS(dir), content.Options{})
	if err != nil {
		return err
	}
	if err := os.RemoveAll(out); err != nil {
		return err
	}
	files := map[string]string{"hugo.toml": config}
	for name, body := range layouts {
		files[filepath.Join("layouts", name)] = body
	}
	manifest := map[string]string{}
	for i, d := range store.Docs() {
		sd := store.SearchDoc(d)
		var b strings.Builder
		q := func(s string) string { j, _ := json.Marshal(s); return string(j) } // a JSON string is a YAML string
		fmt.Fprintf(&b, "---\ntitle: %s\ndate: %s\nsummary: %s\n", q(d.Title), d.Published.Format("2006-01-02T15:04:05Z07:00"), q(d.Summary))
		name := "_index.md"
		if d.Path != "/" {
			fmt.Fprintf(&b, "url: %s\n", q(d.Path+"/"))
			name = filepath.Join("pages", strconv.Itoa(i)+".md")
		}
		b.WriteString("---\n\n")
		for _, h := range sd.Headings {
			fmt.Fprintf(&b, "## %s\n\n", h)
		}
		for _, para := range strings.Split(sd.Body, ". ") {
			if para = strings.TrimSpace(para); para != "" {
				b.WriteString(para + ".\n\n")
			}
		}
		files[filepath.Join("content", name)] = b.String()
		manifest[d.Path] = filepath.Join("content", name)
	}
	m, _ := json.MarshalIndent(manifest, "", " ")
	files["manifest.json"] = string(m)
	for name, body := range files {
		p := filepath.Join(out, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
