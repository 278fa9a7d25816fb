//go:build unix

package content

import (
	"bytes"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestDirFSReadsAsOSDirFS checks that DirFS's quick reading gives, for
// every kind of thing a content folder can hold, what reading through
// os.DirFS gives: the same bytes, or the same problem; that it never
// waits on a named pipe; and that it is taken for regular files.
func TestDirFSReadsAsOSDirFS(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, name string) {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	write("page.md", []byte("---\ntitle: A page\n---\nText.\n"))
	write("empty.md", nil)
	write("limit.md", bytes.Repeat([]byte("a"), MaxFileSize))
	write("over.md", bytes.Repeat([]byte("a"), MaxFileSize+1))
	write("sparse.md", nil)
	if err := os.Truncate(filepath.Join(dir, "sparse.md"), 800<<20); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.md"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "folder.md"), 0o755); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("unix", filepath.Join(dir, "socket.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	link("page.md", "link.md")
	link("pipe.md", "link-to-pipe.md")
	link("folder.md", "link-to-folder.md")
	link("gone.md", "dangling.md")
	link("/dev/null", "device.md")
	outside := filepath.Join(t.TempDir(), "outside.md")
	if err := os.WriteFile(outside, []byte("elsewhere"), 0o644); err != nil {
		t.Fatal(err)
	}
	link(outside, "outside.md") // os.DirFS follows links out of the folder too

	quick, plain := DirFS(dir).(dirFS), os.DirFS(dir)
	names := []string{"page.md", "empty.md", "limit.md", "over.md", "sparse.md", "pipe.md", "folder.md",
		"socket.md", "link.md", "link-to-pipe.md", "link-to-folder.md", "dangling.md", "device.md",
		"outside.md", "missing.md", "../page.md", "/page.md", "./page.md", "page.md/", ""}
	readableNames := map[string]bool{"page.md": true, "empty.md": true, "limit.md": true, "link.md": true, "outside.md": true}
	for _, name := range names {
		type result struct {
			data []byte
			msg  string
		}
		done := make(chan result, 1)
		go func() {
			data, msg := readRegular(quick, name)
			done <- result{data, msg}
		}()
		var got result
		select {
		case got = <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("reading %q has not returned after 3 s", name)
		}
		want, wantMsg := readRegular(plain, name)
		if !bytes.Equal(got.data, want) || got.msg != wantMsg {
			t.Errorf("%q: DirFS gives %d bytes and %q; os.DirFS %d bytes and %q", name, len(got.data), got.msg, len(want), wantMsg)
		}
		if readable := readableNames[name]; (got.msg == "") != readable {
			t.Errorf("%q: read with no problem is %v, want %v (%s)", name, got.msg == "", readable, got.msg)
		}
	}
	for _, name := range []string{"page.md", "empty.md", "limit.md", "over.md", "sparse.md", "link.md"} {
		if _, _, ok := quick.readRegular(name, nil); !ok {
			t.Errorf("%q, a regular file, was not read the quick way", name)
		}
	}
	for _, name := range []string{"pipe.md", "folder.md", "socket.md", "device.md", "dangling.md", "../page.md"} {
		if _, _, ok := quick.readRegular(name, nil); ok {
			t.Errorf("%q was settled the quick way; its problem's words come from the ordinary way", name)
		}
	}
}

// TestDirFSOffersWhatOSDirFSDoes checks that DirFS answers each of the
// io/fs interfaces os.DirFS answers, and answers them the same: a link
// stays a link to fs.Lstat.
func TestDirFSOffersWhatOSDirFSDoes(t *testing.T) {
	dir := t.TempDir()
	if err := os.Mkdir(filepath.Join(dir, "folder"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("folder", filepath.Join(dir, "link")); err != nil {
		t.Fatal(err)
	}
	quick, plain := DirFS(dir), os.DirFS(dir)
	offers := func(f fs.FS) [4]bool {
		_, rd := f.(fs.ReadDirFS)
		_, st := f.(fs.StatFS)
		_, rf := f.(fs.ReadFileFS)
		_, rl := f.(fs.ReadLinkFS)
		return [4]bool{rd, st, rf, rl}
	}
	if a, b := offers(quick), offers(plain); a != b {
		t.Errorf("DirFS offers ReadDir, Stat, ReadFile, ReadLink: %v; os.DirFS: %v", a, b)
	}
	for _, f := range []fs.FS{quick, plain} {
		info, err := fs.Lstat(f, "link")
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%T: fs.Lstat of a link gives %v, %v; want the link itself", f, info, err)
		}
		if target, err := fs.ReadLink(f, "link"); err != nil || target != "folder" {
			t.Errorf("%T: fs.ReadLink gives %q, %v", f, target, err)
		}
	}
}

// TestLoadFromDirFS checks that a content folder loads the same through
// DirFS as through os.DirFS.
func TestLoadFromDirFS(t *testing.T) {
	dir := writeTree(t, validTree())
	a, err := Load(DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Load(os.DirFS(dir), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Version != b.Version || len(a.Docs()) != len(b.Docs()) || len(a.Docs()) == 0 {
		t.Fatalf("DirFS: version %s, %d pages; os.DirFS: version %s, %d pages", a.Version, len(a.Docs()), b.Version, len(b.Docs()))
	}
	for i, d := range a.Docs() {
		if e := b.Docs()[i]; d.Path != e.Path || d.Raw != e.Raw {
			t.Errorf("%s differs between the two", d.Path)
		}
	}
}
