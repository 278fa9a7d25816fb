//go:build !wasm

package content

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// A page may leave out lastEdited: it is then the time of the last commit
// that changed its file. CommitTimes asks Git for those times in a content
// folder that is a Git work tree (-content DIR, the preview); the embedded
// copy has no history, so make build writes them into CommitsFile, which
// is embedded with the content (see cmd/commits).

// CommitsFile holds the commit times of the embedded content's pages, one
// "RFC 3339 time, space, file name" a line. It is written by the build
// and not kept in Git.
const CommitsFile = "generated/commits.txt"

// CommitTimes returns, for each file under pages/ in the Git work tree at
// dir that is there now, the time of the last commit that changed it.
func CommitTimes(dir string) (map[string]time.Time, error) {
	cmd := exec.Command("git", "-C", dir, "-c", "core.quotePath=false", "log",
		"--format=%x00%cI", "--name-only", "--no-renames", "--relative", "--", "pages")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		if msg := strings.TrimSpace(stderr.String()); msg != "" {
			return nil, fmt.Errorf("git log in %s: %s", dir, msg)
		}
		return nil, fmt.Errorf("git log in %s: %w", dir, err)
	}
	times := map[string]time.Time{}
	var at time.Time
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "\x00"):
			if at, err = time.Parse(time.RFC3339, line[1:]); err != nil {
				return nil, fmt.Errorf("git log in %s: %w", dir, err)
			}
		case line == "":
		default:
			if _, seen := times[line]; !seen { // newest commit first
				times[line] = at.UTC()
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for name := range times { // files since removed or renamed
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			delete(times, name)
		}
	}
	return times, nil
}

// FormatCommitTimes writes times as CommitsFile holds them, by file name.
func FormatCommitTimes(times map[string]time.Time) []byte {
	var b bytes.Buffer
	for _, name := range slices.Sorted(maps.Keys(times)) {
		b.WriteString(times[name].UTC().Format(time.RFC3339) + " " + name + "\n")
	}
	return b.Bytes()
}

// ReadCommitTimes reads CommitsFile from fsys: nil, and no error, when it
// is not there.
func ReadCommitTimes(fsys fs.FS) (map[string]time.Time, error) {
	b, err := fs.ReadFile(fsys, CommitsFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	times := map[string]time.Time{}
	for i, line := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if line == "" {
			continue
		}
		stamp, name, ok := strings.Cut(line, " ")
		t, err := time.Parse(time.RFC3339, stamp)
		if !ok || err != nil || name == "" {
			return nil, fmt.Errorf("%s:%d: not a time and a file name", CommitsFile, i+1)
		}
		times[name] = t
	}
	return times, nil
}
