// Command mdconvert turns pages written as JSON (the content format before
// Markdown) into Markdown files with YAML front matter, beside them, and
// removes the JSON files. Each converted page is checked to read back as
// the same document before its JSON file is removed.
//
//	go run ./cmd/mdconvert content/pages/blog/old-post.json
//	go run ./cmd/mdconvert -dir content   # every .json file under content/pages
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"nhsdigital/content"
)

func main() {
	dir := flag.String("dir", "", "content folder: convert every .json file under its pages folder")
	keep := flag.Bool("keep", false, "keep the .json files")
	flag.Parse()
	files := flag.Args()
	if *dir != "" {
		filepath.WalkDir(filepath.Join(*dir, "pages"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(p, ".json") {
				files = append(files, p)
			}
			return err
		})
	}
	if len(files) == 0 {
		fmt.Fprintln(os.Stderr, "mdconvert: name the .json files to convert, or give -dir content")
		os.Exit(2)
	}
	failed := 0
	for _, f := range files {
		if err := convert(f, *keep); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", f, err)
			failed++
		}
	}
	fmt.Printf("%d file(s) converted", len(files)-failed)
	if failed > 0 {
		fmt.Printf(", %d not\n", failed)
		os.Exit(1)
	}
	fmt.Println()
}

func convert(file string, keep bool) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	md, err := content.ToMarkdown(data)
	if err != nil {
		return err
	}
	if err := content.SameDocument(data, md); err != nil {
		return err
	}
	out := strings.TrimSuffix(file, ".json") + content.PageExt
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("%s exists already", out)
	}
	if err := os.WriteFile(out, md, 0o644); err != nil {
		return err
	}
	if keep {
		return nil
	}
	return os.Remove(file)
}
