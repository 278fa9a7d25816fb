package content

import (
	"fmt"
	"io"
	"io/fs"
)

// Reading content files safely. A load must never hang and never take more
// memory than the content needs, whatever sits in the folder:
//
//   - only regular files are opened (or links to them): a named pipe
//     (FIFO) blocks on open until something writes to it, and a device or
//     socket is never content;
//   - a file's size is checked before it is read, and no more than
//     MaxFileSize+1 bytes are read, so a file that grows while it is read
//     is bounded too.

// reader reads the files of one load.
type reader struct {
	fsys fs.FS
}

// readFile reads one content file. It returns the file's bytes, or a
// message saying why it cannot be used, written for the editor.
func (r *reader) readFile(name string) ([]byte, string) {
	return readRegular(r.fsys, name)
}

// readRegular reads name if it is a regular file (or a link to one) of at
// most MaxFileSize bytes.
func readRegular(fsys fs.FS, name string) ([]byte, string) {
	info, err := fs.Stat(fsys, name) // follows links; opens nothing on a disk
	if err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Sprintf("not a regular file (it is %s); only regular files are read: remove it from the content folder", modeName(info.Mode()))
	}
	if info.Size() > MaxFileSize {
		return nil, tooBig(fmt.Sprint(info.Size()))
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	if len(data) > MaxFileSize {
		return nil, tooBig(fmt.Sprintf("more than %d", MaxFileSize)) // it grew while read
	}
	return data, ""
}

func tooBig(size string) string {
	return fmt.Sprintf("file is %s bytes; the limit is %d: a page's file is a few kilobytes, so move data out of it or split it into pages", size, MaxFileSize)
}

func modeName(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	case m.IsDir():
		return "a folder"
	}
	return "not an ordinary file: " + m.String()
}

// walkPages lists the files under pages, in the order fs.WalkDir visits
// them, with the problems met on the way.
func (r *reader) walkPages() ([]string, Problems) {
	var files []string
	var problems Problems
	err := fs.WalkDir(r.fsys, "pages", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			problems = append(problems, Problem{File: p, Message: fmt.Sprintf("cannot read: %v", err)})
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		problems = append(problems, Problem{File: "pages", Message: fmt.Sprintf("cannot read the pages folder: %v", err)})
	}
	return files, problems
}
