// Command validate checks the content folder and prints every problem.
// With -schema FILE it writes the JSON Schema of the front matter instead
// (make schema writes content/schema.json).
//
//	go run ./cmd/validate [-dir content]
//	go run ./cmd/validate -schema content/schema.json
package main

import (
	"flag"
	"fmt"
	"os"

	"nhsdigital/content"
)

func main() {
	dir := flag.String("dir", "content", "content folder (holding site.json and pages/)")
	schema := flag.String("schema", "", "write the front matter's JSON Schema to this file, and check nothing")
	flag.Parse()
	if *schema != "" {
		if err := os.WriteFile(*schema, content.FrontMatterSchema(), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		return
	}
	s, err := content.Load(content.DirFS(*dir), content.Options{Preview: true})
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("content OK: %d pages, version %s\n", len(s.Docs()), s.Version)
	if len(s.Warnings) > 0 {
		fmt.Printf("%d warning(s); the live site leaves these links out for now:\n%s", len(s.Warnings), s.Warnings.Lines())
	}
}
