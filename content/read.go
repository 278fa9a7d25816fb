package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"sync"
	"time"
)

// Reading content files safely. A load must never hang and never take more
// memory than the content needs, whatever sits in the folder:
//
//   - only regular files are opened (or links to them): a named pipe
//     (FIFO) blocks on open until something writes to it, and a device or
//     socket is never content;
//   - a file's size is checked before it is read, and no more than
//     MaxFileSize+1 bytes are read, so a file that grows while it is read
//     is bounded too;
//   - each file (and the listing of the pages folder) is read in the
//     background and given up on after a timeout, as on a network drive
//     that stopped answering: it is a problem, not a hang. After one such
//     file the load reads no more (on a drive that stopped answering each
//     would wait as long), so a load waits at most one timeout. A read
//     given up on is remembered until it returns, so later loads report
//     the file at once instead of leaving another read waiting on it.

// reader reads the files of one load.
type reader struct {
	fsys    fs.FS
	timeout time.Duration
	stalled string             // the first file this load gave up waiting for
	timer   *time.Timer        // one for every read (since Go 1.23 a stopped timer's channel holds nothing stale)
	room    func(n int) []byte // where a file of n bytes is read when it can be (nil: a buffer of its own)
}

// pending holds the reads given up on that have not returned yet, by
// content tree and file name.
var pending sync.Map // readKey → chan struct{}, closed when the read returns

type readKey struct {
	fsys fs.FS
	name string
}

// errTimeout marks a read given up on.
var errTimeout = errors.New("timed out")

// within runs f in the background and waits for it at most r.timeout. It
// returns errTimeout if f is still running then, or if an earlier read of
// the same name, given up on, has not returned yet.
func (r *reader) within(name string, f func()) error {
	key, remember := readKey{r.fsys, name}, usableAsKey(r.fsys)
	if remember {
		if ch, ok := pending.Load(key); ok {
			select {
			case <-ch.(chan struct{}):
				pending.Delete(key)
			default:
				return errTimeout
			}
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	if r.timer == nil {
		r.timer = time.NewTimer(r.timeout)
	} else {
		r.timer.Reset(r.timeout)
	}
	defer r.timer.Stop()
	select {
	case <-done:
		return nil
	case <-r.timer.C:
		if remember {
			pending.Store(key, done)
		}
		if r.stalled == "" {
			r.stalled = name
		}
		return errTimeout
	}
}

// usableAsKey reports whether v can be a map key (a content tree held in
// a map, such as fstest.MapFS, cannot).
func usableAsKey(v any) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	_ = v == v
	return true
}

// readFile reads one content file. It returns the file's bytes, or a
// message saying why it cannot be used, written for the editor.
func (r *reader) readFile(name string) ([]byte, string) {
	type result struct {
		data []byte
		msg  string
	}
	ch := make(chan result, 1)
	err := r.within(name, func() {
		data, msg := readRegularInto(r.fsys, name, r.room)
		ch <- result{data, msg}
	})
	if err != nil {
		return nil, fmt.Sprintf("could not be read within %v: check the disk or network drive it is on, then save it again", r.timeout)
	}
	res := <-ch
	return res.data, res.msg
}

// readRegular reads name if it is a regular file (or a link to one) of at
// most MaxFileSize bytes.
func readRegular(fsys fs.FS, name string) ([]byte, string) { return readRegularInto(fsys, name, nil) }

// readRegularInto is readRegular, reading into room(n) (a slice of
// capacity n) where it can.
func readRegularInto(fsys fs.FS, name string, room func(n int) []byte) ([]byte, string) {
	if o, ok := fsys.(*readOnce); ok {
		if data, ok := o.take(name); ok {
			return data, "" // read by LoadFirst, within the same limits
		}
		fsys = o.FS
	}
	if d, ok := fsys.(dirFS); ok {
		if data, msg, ok := d.readRegular(name, room); ok {
			return data, msg
		}
	}
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
	var buf bytes.Buffer
	buf.Grow(int(info.Size()) + bytes.MinRead) // room to see the end in one read
	if _, err := buf.ReadFrom(io.LimitReader(f, MaxFileSize+1)); err != nil {
		return nil, fmt.Sprintf("cannot read: %v", err)
	}
	data := buf.Bytes()
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
	type result struct {
		files    []string
		problems Problems
	}
	ch := make(chan result, 1)
	err := r.within("pages/", func() {
		var res result
		err := fs.WalkDir(r.fsys, "pages", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				res.problems = append(res.problems, Problem{File: p, Message: fmt.Sprintf("cannot read: %v", err)})
				return nil
			}
			if !d.IsDir() {
				res.files = append(res.files, p)
			}
			return nil
		})
		if err != nil {
			res.problems = append(res.problems, Problem{File: "pages", Message: fmt.Sprintf("cannot read the pages folder: %v", err)})
		}
		ch <- res
	})
	if err != nil {
		return nil, Problems{{File: "pages", Message: fmt.Sprintf("the folder could not be listed within %v: check the disk or network drive it is on", r.timeout)}}
	}
	res := <-ch
	return res.files, res.problems
}
