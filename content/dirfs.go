package content

import (
	"io/fs"
	"os"
)

// DirFS is os.DirFS(dir) for a content folder, read faster: a page file is
// opened, checked and read in four system calls where os.Open and a Stat
// by name take about ten (Go's os package tries to add each file to its
// poller). At 20,000 pages that is half the time spent reading. What it
// reads, and every problem it reports, is what os.DirFS gives.
func DirFS(dir string) fs.FS { return dirFS{dir: dir, FS: os.DirFS(dir)} }

// dirFS is comparable, so a read given up on is remembered by it (see
// pending in read.go).
type dirFS struct {
	dir string
	fs.FS
}

// ReadDir, Stat, ReadLink, Lstat and ReadFile keep what os.DirFS offers
// beyond Open (fs.Lstat would otherwise follow links: the preview's tracking of
// changed names needs to see a link as a link).
func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.FS, name) }

func (d dirFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(d.FS, name) }

func (d dirFS) ReadLink(name string) (string, error) { return fs.ReadLink(d.FS, name) }

func (d dirFS) Lstat(name string) (fs.FileInfo, error) { return fs.Lstat(d.FS, name) }

// ReadFile is os.DirFS's (the loads read through readRegular).
func (d dirFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(d.FS, name) }
