// Command validate checks the content folder and prints every problem.
//
//	go run ./cmd/validate [-dir content]
package main

import (
	"flag"
	"fmt"
	"os"

	"nhsdigital/content"
)

func main() {
	dir := flag.String("dir", "content", "content folder (holding site.json and pages/)")
	flag.Parse()
	s, err := content.Load(os.DirFS(*dir), content.Options{Preview: true})
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("content OK: %d pages, version %s\n", len(s.Docs()), s.Version)
	if len(s.Warnings) > 0 {
		fmt.Printf("%d warning(s); the live site leaves these links out for now:\n%s", len(s.Warnings), s.Warnings.Lines())
	}
}
