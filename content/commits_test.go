package content

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// CommitTimes gives each page file the time of the last commit that
// changed it, not of later commits that changed others, and leaves out
// files no longer there.
func TestCommitTimes(t *testing.T) {
	dir := t.TempDir()
	git := func(date string, args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=Editor", "-c", "user.email=editor@example.org"}, args...)...)
		cmd.Env = append(os.Environ(), "GIT_COMMITTER_DATE="+date, "GIT_AUTHOR_DATE="+date)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	write := func(name, text string) {
		t.Helper()
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	git("2024-01-01T00:00:00Z", "init", "-q")
	write("pages/a.md", "one")
	write("pages/blog/b c.md", "one")
	write("pages/gone.md", "one")
	write("site.json", "{}")
	git("2024-03-05T10:00:00Z", "add", ".")
	git("2024-03-05T10:00:00Z", "commit", "-q", "-m", "first")
	write("pages/blog/b c.md", "two")
	os.Remove(filepath.Join(dir, "pages/gone.md"))
	git("2024-04-01T09:30:00+01:00", "commit", "-q", "-a", "-m", "second")
	write("site.json", `{"x":1}`)
	git("2024-05-01T00:00:00Z", "commit", "-q", "-a", "-m", "third, not a page")

	times, err := CommitTimes(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"pages/a.md": "2024-03-05T10:00:00Z", "pages/blog/b c.md": "2024-04-01T08:30:00Z"}
	if len(times) != len(want) {
		t.Errorf("times for %v, want %v", times, want)
	}
	for name, w := range want {
		if got := times[name].Format(time.RFC3339); got != w {
			t.Errorf("%s: %s, want %s", name, got, w)
		}
	}
	// As the build writes them for the embedded copy, and reads them back.
	back, err := ReadCommitTimes(fstest.MapFS{CommitsFile: {Data: FormatCommitTimes(times)}})
	if err != nil || len(back) != len(times) || !back["pages/blog/b c.md"].Equal(times["pages/blog/b c.md"]) {
		t.Errorf("read back %v (%v), wrote %v", back, err, times)
	}
	if none, err := ReadCommitTimes(fstest.MapFS{}); none != nil || err != nil {
		t.Errorf("no file: %v, %v", none, err)
	}
	if _, err := ReadCommitTimes(fstest.MapFS{CommitsFile: {Data: []byte("yesterday pages/a.md\n")}}); err == nil {
		t.Error("a bad line was read")
	}
	if _, err := CommitTimes(t.TempDir()); err == nil {
		t.Error("a folder outside Git gave times")
	}
}

// A page that leaves out lastEdited takes its file's last commit; with no
// commit to take it from, the page is a problem that says what to do.
func TestLastEditedFromTheLastCommit(t *testing.T) {
	dir, pages, _ := editableContent(t, func(string) {})
	var file string
	for _, p := range pages {
		if strings.Contains(p, string(filepath.Separator)+"blog"+string(filepath.Separator)) {
			file = p
			break
		}
	}
	b, _ := os.ReadFile(file)
	without := regexp.MustCompile(`(?m)^lastEdited: .*\n`).ReplaceAll(b, nil)
	if len(without) == len(b) {
		t.Fatalf("%s has no lastEdited line", file)
	}
	os.WriteFile(file, without, 0o644)
	rel, _ := filepath.Rel(dir, file)
	rel = filepath.ToSlash(rel)

	_, err := Load(os.DirFS(dir), Options{})
	if err == nil || !strings.Contains(err.Error(), rel) || !strings.Contains(err.Error(), "no lastEdited, and no commit to take it from") {
		t.Fatalf("without a commit: %v", err)
	}
	at := time.Date(2024, 4, 22, 13, 2, 0, 0, time.UTC)
	s, err := Load(os.DirFS(dir), Options{Commits: map[string]time.Time{rel: at}})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range s.Docs() {
		if d.File != rel {
			continue
		}
		if !d.LastEdited.Equal(at) || d.JSON().Get("lastEdited").String() != "2024-04-22T13:02:00Z" {
			t.Errorf("lastEdited %v, page data %s", d.LastEdited, d.JSON().Get("lastEdited").Raw)
		}
		return
	}
	t.Fatalf("%s not served", rel)
}
