// Command commits writes content/generated/commits.txt: the time of the
// last commit that changed each page file, which the embedded content
// carries for pages that leave out lastEdited. make build runs it; outside
// a Git work tree it writes an empty file and says why.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"nhsdigital/content"
)

func main() {
	dir := flag.String("content", "content", "the content folder, in a Git work tree")
	flag.Parse()
	times, err := content.CommitTimes(*dir)
	if err != nil {
		fmt.Fprintf(os.Stderr, "commits: %v; pages without lastEdited will be reported\n", err)
	}
	out := filepath.Join(*dir, filepath.FromSlash(content.CommitsFile))
	if err := os.WriteFile(out, content.FormatCommitTimes(times), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
