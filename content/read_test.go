package content

import (
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// writeTree writes tree into a new temporary folder and returns its path.
func writeTree(t *testing.T, tree fstest.MapFS) string {
	t.Helper()
	dir := t.TempDir()
	for name, f := range tree {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// loadWithin runs Load in the background and fails the test if it has not
// returned within limit: a hang is the failure these tests look for.
func loadWithin(t *testing.T, limit time.Duration, fsys fs.FS, opts Options) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(fsys, opts)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		t.Fatalf("Load has not returned after %v", limit)
		return nil
	}
}

// wantProblem fails unless err holds a problem in file whose message
// contains every one of want.
func wantProblem(t *testing.T, err error, file string, want ...string) {
	t.Helper()
	ps, ok := err.(Problems)
	if !ok {
		t.Fatalf("want Problems naming %s, got %v", file, err)
	}
	for _, p := range ps {
		if p.File != file {
			continue
		}
		all := true
		for _, w := range want {
			all = all && strings.Contains(p.Message, w)
		}
		if all {
			return
		}
	}
	t.Errorf("no problem in %s saying %q in:\n%v", file, want, err)
}

// TestNamedPipeIsNotOpened checks that a named pipe (FIFO) in the content
// folder, or a link to one, is reported without being opened: opening one
// for reading waits for a writer, which would hang every load.
func TestNamedPipeIsNotOpened(t *testing.T) {
	dir := writeTree(t, validTree())
	pipe := filepath.Join(dir, "pages", "pipe.md")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(pipe, filepath.Join(dir, "pages", "linked.md")); err != nil {
		t.Fatal(err)
	}
	err := loadWithin(t, 3*time.Second, os.DirFS(dir), Options{})
	wantProblem(t, err, "pages/pipe.md", "not a regular file", "named pipe")
	wantProblem(t, err, "pages/linked.md", "not a regular file", "named pipe")

	// The site settings file too.
	if err := os.Remove(filepath.Join(dir, "site.json")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "site.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	err = loadWithin(t, 3*time.Second, os.DirFS(dir), Options{Preview: true})
	wantProblem(t, err, "site.json", "not a regular file")
}

// stuckFS is a content tree in which one file does not answer until
// release is closed, as on a network drive that stopped responding.
type stuckFS struct {
	fstest.MapFS
	name    string // the file that does not answer; "" for every file in pages/
	release chan struct{}
	tries   atomic.Int64 // reads begun of files that do not answer
}

func (s *stuckFS) Open(name string) (fs.File, error) {
	if name == s.name || s.name == "" && strings.HasPrefix(name, "pages/") && strings.HasSuffix(name, PageExt) {
		s.tries.Add(1)
		<-s.release
	}
	return s.MapFS.Open(name)
}

func (s *stuckFS) ReadFile(name string) ([]byte, error) {
	f, err := s.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

// TestStuckFileIsAProblem checks that a file whose reading does not return
// is a problem after the read timeout, not a hang; that the next load
// reports it at once rather than leaving a second read waiting on it; and
// that once the read returns, the file loads again.
func TestStuckFileIsAProblem(t *testing.T) {
	tree := validTree()
	tree["pages/slow.md"] = &fstest.MapFile{Data: md(page("00000000-0000-4000-8000-000000000020", "page", "/slow", `, "body": []`))}
	fsys := &stuckFS{MapFS: tree, name: "pages/slow.md", release: make(chan struct{})}
	opts := Options{ReadTimeout: 100 * time.Millisecond}
	err := loadWithin(t, 3*time.Second, fsys, opts)
	wantProblem(t, err, "pages/slow.md", "could not be read within 100ms")

	err = loadWithin(t, 3*time.Second, fsys, opts)
	wantProblem(t, err, "pages/slow.md", "could not be read within 100ms")
	if n := fsys.tries.Load(); n != 1 {
		t.Errorf("the file was opened %d times; a file still being read must not be opened again", n)
	}

	close(fsys.release)
	ch, ok := pending.Load(readKey{fsys, "pages/slow.md"})
	if !ok {
		t.Fatal("the read given up on is not remembered")
	}
	<-ch.(chan struct{})
	if err := loadWithin(t, 3*time.Second, fsys, opts); err != nil {
		t.Errorf("once the read returns, the file should load: %v", err)
	}
}

// TestHugeFileIsNotRead checks that a file over the size limit is refused
// from its size alone: loading a (sparse) 800 MB file allocates next to
// nothing.
func TestHugeFileIsNotRead(t *testing.T) {
	dir := writeTree(t, validTree())
	big := filepath.Join(dir, "pages", "big.md")
	if err := os.WriteFile(big, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(big, 800<<20); err != nil {
		t.Fatal(err)
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	err := loadWithin(t, 10*time.Second, os.DirFS(dir), Options{})
	runtime.ReadMemStats(&after)
	wantProblem(t, err, "pages/big.md", "file is 838860800 bytes", "the limit is 1048576")
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 16<<20 {
		t.Errorf("loading allocated %d MB; an oversized file must not be read", grown>>20)
	}
}

// growingFS holds a file whose size, when asked, is small but which goes
// on giving bytes when read, as a file being written to does.
type growingFS struct {
	fstest.MapFS
	read *atomic.Int64
}

func (g growingFS) Open(name string) (fs.File, error) {
	if name != "pages/growing.md" {
		return g.MapFS.Open(name)
	}
	f, err := g.MapFS.Open(name)
	if err != nil {
		return nil, err
	}
	return &growingFile{File: f, left: 4 * MaxFileSize, read: g.read}, nil
}

func (g growingFS) ReadFile(name string) ([]byte, error) {
	f, err := g.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

type growingFile struct {
	fs.File
	left int64
	read *atomic.Int64
}

func (f *growingFile) Read(b []byte) (int, error) {
	if f.left == 0 {
		return 0, io.EOF
	}
	n := min(int64(len(b)), f.left)
	for i := range b[:n] {
		b[i] = ' '
	}
	f.left -= n
	f.read.Add(n)
	return int(n), nil
}

// TestGrowingFileIsBounded checks that a file that grows while it is read
// is read no further than the limit.
func TestGrowingFileIsBounded(t *testing.T) {
	tree := validTree()
	tree["pages/growing.md"] = &fstest.MapFile{Data: []byte(`{}`)}
	var read atomic.Int64
	err := loadWithin(t, 10*time.Second, growingFS{MapFS: tree, read: &read}, Options{})
	wantProblem(t, err, "pages/growing.md", "the limit is 1048576")
	if n := read.Load(); n > MaxFileSize+1 {
		t.Errorf("read %d bytes of a file over the limit; at most %d should be read", n, MaxFileSize+1)
	}
}

// TestStuckDriveWaitsOnce checks that when every file stops answering, a
// load waits for one of them only, not for each in turn.
func TestStuckDriveWaitsOnce(t *testing.T) {
	fsys := &stuckFS{MapFS: validTree(), release: make(chan struct{})}
	defer close(fsys.release)
	err := loadWithin(t, 3*time.Second, fsys, Options{ReadTimeout: 100 * time.Millisecond})
	wantProblem(t, err, "pages/404.md", "could not be read within 100ms")
	wantProblem(t, err, "pages", "5 more file(s) not read", "after pages/404.md did not answer")
	if n := fsys.tries.Load(); n != 1 {
		t.Errorf("%d files were waited for; after one does not answer, no more should be", n)
	}
	if ps := err.(Problems); len(ps) != 2 {
		t.Errorf("want the stuck file and the files not read, got:\n%v", err)
	}
}
