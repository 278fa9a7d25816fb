package content

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"hash/crc32"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"
)

// A Shelf keeps in a file what a load checked of each page, by the page
// file's name and content, for the next start of the same program: a start
// then parses and checks only the files that changed since the last one.
// Reading Markdown is most of a start's work (about 6 s of 8 at 20,000
// pages on two cores); taking a checked page off the shelf costs a
// hash of the file and the copy of what was kept.
//
// The shelf belongs to one checker (checkerID: the code that reads and
// checks pages, the Go release and the modules): its file is named by it,
// so a build whose checker differs starts from an empty shelf and removes
// the shelves of other checkers, while a build that changed only other
// code takes the pages the last one kept. A binary built with its content
// carries the shelf of that content (WithBuiltIn), so even its first start
// checks nothing. A page is kept only when it has no problem. A shelf file
// that cannot be read, or whose checksum does not match, is ignored: the
// load then reads every file, as without a shelf.
//
// A shelf serves the first load that uses it only: it is read then, and
// written in the background after that load when the load read files the
// shelf did not have or no longer has some it had. Later loads (a
// preview's saves) do without it: the preview's Cache has what they need.
type Shelf struct {
	dir, name string
	builtIn   fs.FS // holds generated/<name>, read before dir's

	mu      sync.Mutex
	opened  bool
	data    []byte            // the shelf file's entries
	index   map[[32]byte]span // by file sum, where each entry is in data
	written chan struct{}     // closed once the first load's write is done
	hits    int
	misses  int
}

type span struct{ off, end int }

// shelfMagic starts every shelf file; the number after it is the format.
const shelfMagic = "nhsdigital checked pages 1\n"

// OpenShelf returns the shelf kept in dir (created when first written).
// The file is read by the first load.
func OpenShelf(dir string) *Shelf {
	return &Shelf{dir: dir, name: ShelfName(), written: make(chan struct{})}
}

// ShelfName is the name of this checker's shelf file.
func ShelfName() string { return "pages-" + checkerID()[:16] + ".shelf" }

// WithBuiltIn makes the shelf read generated/<ShelfName()> in fsys (the
// embedded content, where the build puts the shelf it made of it) before
// the one in its folder. It returns s.
func (s *Shelf) WithBuiltIn(fsys fs.FS) *Shelf {
	s.builtIn = fsys
	return s
}

// Counts says how many files the loads found on the shelf and how many
// they had to check.
func (s *Shelf) Counts() (hits, misses int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits, s.misses
}

// Written waits for the first load's write, if any, to end: before the
// program exits. A nil shelf has nothing to wait for.
func (s *Shelf) Written() {
	if s == nil {
		return
	}
	s.mu.Lock()
	opened := s.opened
	s.mu.Unlock()
	if opened {
		<-s.written
	}
}

// Holds reports whether there is a shelf file for this checker, built in
// or in the shelf's folder: if not, the first load checks every page.
func (s *Shelf) Holds() bool {
	if s == nil {
		return false
	}
	if s.builtIn != nil {
		if _, err := fs.Stat(s.builtIn, "generated/"+s.name); err == nil {
			return true
		}
	}
	_, err := os.Stat(filepath.Join(s.dir, s.name))
	return err == nil
}

// open reads the shelf file once; it reports whether this is the first
// load to use the shelf (the one whose results are written).
func (s *Shelf) open() (first bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.opened {
		return false
	}
	s.opened = true
	if s.builtIn != nil {
		if data, err := fs.ReadFile(s.builtIn, "generated/"+s.name); err == nil {
			if index, err := indexShelf(data); err == nil {
				s.data, s.index = data, index
				return true
			}
			slog.Warn("built-in content shelf ignored", "file", "generated/"+s.name, "error", err.Error())
		}
	}
	data, err := os.ReadFile(filepath.Join(s.dir, s.name))
	if err != nil {
		if !errors.Is(err, os.ErrNotExist) {
			slog.Warn("content shelf not read: every page is checked", "error", err.Error())
		}
		return true
	}
	index, err := indexShelf(data)
	if err != nil {
		slog.Warn("content shelf ignored: every page is checked", "file", filepath.Join(s.dir, s.name), "error", err.Error())
		return true
	}
	s.data, s.index = data, index
	return true
}

// indexShelf checks a shelf file and finds each entry in it.
func indexShelf(data []byte) (map[[32]byte]span, error) {
	if !bytes.HasPrefix(data, []byte(shelfMagic)) || len(data) < len(shelfMagic)+4 {
		return nil, errors.New("not a shelf file of this format")
	}
	body, tail := data[:len(data)-4], data[len(data)-4:]
	if crc32.Checksum(body, crcTable) != binary.LittleEndian.Uint32(tail) {
		return nil, errors.New("checksum mismatch")
	}
	r := &shelfReader{b: body, off: len(shelfMagic)}
	n := r.uvarint()
	if n > uint64(len(body)) {
		return nil, errors.New("bad entry count")
	}
	index := make(map[[32]byte]span, n)
	for range n {
		var sum [32]byte
		copy(sum[:], r.bytes(32))
		size := r.uvarint()
		start := r.off
		r.bytes(int(min(size, uint64(len(body)))))
		if r.err != nil {
			return nil, r.err
		}
		index[sum] = span{start, r.off}
	}
	if r.off != len(body) {
		return nil, errors.New("data after the last entry")
	}
	return index, nil
}

var crcTable = crc32.MakeTable(crc32.Castagnoli)

// take returns what the shelf kept of the file with this sum, or nil.
func (s *Shelf) take(file string, sum [32]byte) *fileCheck {
	s.mu.Lock()
	sp, ok := s.index[sum]
	data := s.data
	if !ok {
		s.misses++
	}
	s.mu.Unlock()
	if !ok {
		return nil
	}
	fc, err := decodeEntry(file, sum, data[sp.off:sp.end])
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		s.misses++
		return nil
	}
	s.hits++
	return fc
}

// shelved is one clean file as a load checked it, to be written.
type shelved struct {
	sum [32]byte
	fc  *fileCheck
}

// keep ends the first load's use of the shelf: unless the load's clean
// files are exactly those on the shelf, it writes them in their place, in
// the background. What was read is let go either way.
func (s *Shelf) keep(files []shelved) {
	s.mu.Lock()
	same := s.index != nil && len(files) == len(s.index)
	for _, f := range files {
		if !same {
			break
		}
		_, same = s.index[f.sum]
	}
	s.data, s.index = nil, nil
	s.mu.Unlock()
	if same {
		close(s.written)
		return
	}
	go func() {
		defer close(s.written)
		if err := s.replaceFile(files); err != nil {
			slog.Warn("content shelf not written: the next start checks every page", "dir", s.dir, "error", err.Error())
		}
	}()
}

// replaceFile writes the shelf file whole or not at all, entry by entry,
// and removes the shelves of other checkers.
func (s *Shelf) replaceFile(files []shelved) error {
	slices.SortFunc(files, func(a, b shelved) int { return bytes.Compare(a.sum[:], b.sum[:]) })
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(s.dir, ".pages-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	crc := crc32.New(crcTable)
	out := bufio.NewWriterSize(io.MultiWriter(tmp, crc), 1<<16)
	var w shelfWriter
	w.b = append(w.b, shelfMagic...)
	w.uvarint(uint64(len(files)))
	out.Write(w.b)
	var entry shelfWriter
	for _, f := range files {
		entry.b = entry.b[:0]
		entry.encode(f.fc)
		w.b = append(w.b[:0], f.sum[:]...)
		w.uvarint(uint64(len(entry.b)))
		out.Write(w.b)
		out.Write(entry.b)
	}
	if err := out.Flush(); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(binary.LittleEndian.AppendUint32(nil, crc.Sum32())); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), filepath.Join(s.dir, s.name)); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(s.dir, "pages-*.shelf"))
	for _, o := range old {
		if filepath.Base(o) != s.name {
			os.Remove(o)
		}
	}
	// Writes cut short by a stop: not those of another server at work now.
	tmps, _ := filepath.Glob(filepath.Join(s.dir, ".pages-*.tmp"))
	for _, o := range tmps {
		if info, err := os.Stat(o); err == nil && time.Since(info.ModTime()) > 10*time.Minute {
			os.Remove(o)
		}
	}
	return nil
}

type shelfWriter struct{ b []byte }

func (w *shelfWriter) uvarint(n uint64) { w.b = binary.AppendUvarint(w.b, n) }
func (w *shelfWriter) varint(n int64)   { w.b = binary.AppendVarint(w.b, n) }
func (w *shelfWriter) str(s string)     { w.uvarint(uint64(len(s))); w.b = append(w.b, s...) }
func (w *shelfWriter) strs(ss []string) {
	w.uvarint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}
func (w *shelfWriter) time(t time.Time) {
	b, _ := t.MarshalBinary() // keeps the offset the date was written with
	w.str(string(b))
}
func (w *shelfWriter) pos(p Pos) { w.varint(int64(p.Line)); w.varint(int64(p.Col)) }

// encode writes a clean file's document and references.
func (w *shelfWriter) encode(fc *fileCheck) {
	w.uvarint(uint64(len(fc.docs)))
	for _, d := range fc.docs {
		for _, s := range []string{d.ID, d.Type, d.Path, d.Title, d.Summary, d.Status, d.Raw} {
			w.str(s)
		}
		w.time(d.Published)
		w.time(d.LastEdited)
		w.time(d.Expires)
		w.strs(d.Aliases)
		w.strs(d.Topics)
		keys := slices.Sorted(func(yield func(string) bool) {
			for k := range d.places {
				if !yield(k) {
					return
				}
			}
		})
		if d.places == nil {
			w.uvarint(0) // none at all, not an empty set
		} else {
			w.uvarint(uint64(len(keys)) + 1)
		}
		for _, k := range keys {
			w.str(k)
			w.pos(d.places[k])
		}
	}
	w.uvarint(uint64(len(fc.refs)))
	for _, r := range fc.refs {
		w.str(r.field)
		w.str(r.target)
		w.uvarint(uint64(r.kind))
		w.pos(r.at)
		from := -1
		for i, d := range fc.docs {
			if r.from == d {
				from = i
			}
		}
		w.varint(int64(from))
	}
}

type shelfReader struct {
	b   []byte
	off int
	err error
}

var errShort = errors.New("entry cut short")

func (r *shelfReader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	n, k := binary.Uvarint(r.b[r.off:])
	if k <= 0 {
		r.err = errShort
		return 0
	}
	r.off += k
	return n
}

// varint reads what binary.AppendVarint wrote: a zig-zag uvarint.
func (r *shelfReader) varint() int64 {
	u := r.uvarint()
	x := int64(u >> 1)
	if u&1 != 0 {
		x = ^x
	}
	return x
}

func (r *shelfReader) bytes(n int) []byte {
	if r.err != nil || n < 0 || n > len(r.b)-r.off {
		r.err = errShort
		return nil
	}
	b := r.b[r.off : r.off+n]
	r.off += n
	return b
}

func (r *shelfReader) str() string { return string(r.bytes(int(min(r.uvarint(), 1<<31)))) }

func (r *shelfReader) strs() []string {
	n := r.uvarint()
	if n == 0 || r.err != nil || n > uint64(len(r.b)) {
		return nil
	}
	ss := make([]string, n)
	for i := range ss {
		ss[i] = r.str()
	}
	return ss
}

func (r *shelfReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(r.str())); err != nil && r.err == nil {
		r.err = err
	}
	return t
}

func (r *shelfReader) pos() Pos { return Pos{Line: int(r.varint()), Col: int(r.varint())} }

// decodeEntry reads what encode wrote for file.
func decodeEntry(file string, sum [32]byte, b []byte) (*fileCheck, error) {
	r := &shelfReader{b: b}
	fc := &fileCheck{}
	n := r.uvarint()
	if n > 1 {
		return nil, errors.New("more than one document in a file")
	}
	for range n {
		d := &Doc{File: file, sum: sum}
		for _, s := range []*string{&d.ID, &d.Type, &d.Path, &d.Title, &d.Summary, &d.Status, &d.Raw} {
			*s = r.str()
		}
		d.Published, d.LastEdited, d.Expires = r.time(), r.time(), r.time()
		d.Aliases, d.Topics = r.strs(), r.strs()
		if np := r.uvarint(); np > 0 && np <= uint64(len(b)) {
			d.places = make(positions, np-1)
			for range np - 1 {
				k := r.str()
				d.places[k] = r.pos()
			}
		}
		fc.docs = append(fc.docs, d)
	}
	nr := r.uvarint()
	if nr > uint64(len(b)) {
		return nil, errShort
	}
	for range nr {
		ref := reference{file: file, field: r.str(), target: r.str(), kind: refKind(r.uvarint()), at: r.pos()}
		if from := r.varint(); from >= 0 && from < int64(len(fc.docs)) {
			ref.from = fc.docs[from]
		}
		fc.refs = append(fc.refs, ref)
	}
	if r.err != nil {
		return nil, r.err
	}
	if r.off != len(b) {
		return nil, errors.New("entry longer than its contents")
	}
	return fc, nil
}

// shelfable says whether a file's check may be kept: a page, read and
// clean.
func shelfable(fc *fileCheck) bool {
	return len(fc.problems) == 0 && !fc.unreadable && len(fc.docs) == 1 && strings.HasSuffix(fc.docs[0].File, PageExt)
}
