package content

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"io"
	"io/fs"
	"runtime"
	"slices"
	"sync"
	"time"
)

// LoadFirst makes a store that answers the home page before the pages are
// checked: a production start that finds none of its pages on the shelf
// (a new data folder, a new release) would otherwise answer nothing until
// every page's body is read and checked, about three seconds at 20,000
// pages on two cores.
//
// It reads site.json and every page file once, on every core, but reads
// only each page's front matter (its id, type, path, title, summary,
// status and dates: what a card, a listing and the content version are
// made of), except the home page, which it reads and checks whole. The
// home page's view from it is, byte for byte, what Load's store gives for
// the same files when they are valid: no other page's body is in it. Nothing else is checked: Load, given the FS it returns (which holds
// the bytes already read, so no file is read twice), is what decides
// whether the content is served at all.
//
// On any problem, or if there is no home page, it returns a nil store and
// the error; Load then finds and reports the problems.
func LoadFirst(fsys fs.FS, opts Options) (*Store, fs.FS, error) {
	if opts.Preview || opts.Cache != nil || opts.legacyJSON {
		return nil, fsys, errors.New("content: LoadFirst is for a production start")
	}
	timeout := opts.ReadTimeout
	if timeout <= 0 {
		timeout = DefaultReadTimeout
	}
	r := &reader{fsys: fsys, timeout: timeout}
	kept := &readOnce{FS: fsys, data: map[string][]byte{}}
	errFirst := errors.New("content: the content cannot be read from its front matter alone")

	v := newValidator()
	site, msg := r.readFile("site.json")
	if msg != "" {
		return nil, kept, errFirst
	}
	kept.data["site.json"] = site // its own: the store holds it as read
	site = bytes.TrimPrefix(site, []byte("\xef\xbb\xbf"))
	v.checkSite("site.json", site)
	all, problems := r.walkPages()
	if len(problems) > 0 || len(v.problems) > 0 || r.stalled != "" {
		return nil, kept, errFirst
	}
	files := v.pageFiles(all, false)
	if len(v.problems) > 0 {
		return nil, kept, errFirst
	}

	workers := min(runtime.GOMAXPROCS(0), max(1, len(files)/64))
	shares := make([]*validator, workers)
	failed := make([]bool, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(files)/workers, (w+1)*len(files)/workers
		wg.Go(func() {
			sv, rd := newValidator(), &reader{fsys: fsys, timeout: timeout, room: new(chunks).room}
			sv.commits, sv.frontOnly = opts.Commits, true
			shares[w] = sv
			for _, f := range files[lo:hi] {
				data, msg := rd.readFile(f)
				if msg != "" {
					failed[w] = true
					return
				}
				kept.put(f, data)
				before := len(sv.docs)
				sv.checkDoc(f, data)
				for _, d := range sv.docs[before:] {
					d.sum = fileSum(f, data, opts.Commits)
				}
			}
		})
	}
	wg.Wait()
	var home *Doc
	for w, sv := range shares {
		if failed[w] || len(sv.problems) > 0 {
			return nil, kept, errFirst
		}
		for _, d := range sv.docs {
			if d.Type == TypeHome && d.Status == "published" {
				if home != nil {
					return nil, kept, errFirst // Load says which is the copy
				}
				home = d
			}
			v.docs = append(v.docs, d)
		}
	}
	if home == nil {
		return nil, kept, errFirst
	}
	// The home page whole, with its links (which a store leaves out when
	// they lead to a page not served yet).
	hv := newValidator()
	hv.commits = opts.Commits
	data, _ := kept.peek(home.File)
	hv.checkDoc(home.File, data)
	if len(hv.problems) > 0 || len(hv.docs) != 1 {
		return nil, kept, errFirst
	}
	whole := hv.docs[0]
	whole.sum = home.sum
	v.docs[slices.Index(v.docs, home)] = whole
	v.refs = append(v.refs, hv.refs...)

	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return assemble(&validated{site: site, v: v, fsys: fsys, first: true}, now), kept, nil
}

// fileSum is what the content version takes of a page file: its name, the
// commit time standing in for a lastEdited it leaves out, and its bytes.
func fileSum(name string, data []byte, commits map[string]time.Time) [sha256.Size]byte {
	var sum [sha256.Size]byte
	h := sha256.New()
	io.WriteString(h, name+"\x00")
	if t, ok := commits[name]; ok { // it may stand in for lastEdited
		io.WriteString(h, t.UTC().Format(time.RFC3339)+"\x00")
	}
	h.Write(data)
	h.Sum(sum[:0])
	return sum
}

// readOnce is a content tree holding the bytes of the files LoadFirst
// read: the Load after it takes each file's bytes from here, once, and
// reads from the tree only what is not held.
type readOnce struct {
	fs.FS
	mu   sync.Mutex
	data map[string][]byte
}

func (o *readOnce) put(name string, data []byte) {
	o.mu.Lock()
	o.data[name] = data
	o.mu.Unlock()
}

// chunks hands out the room LoadFirst reads files into, from large
// chunks rather than a buffer a file: the pages Load makes while it takes
// the files would otherwise fill the gaps those buffers leave, and once
// every file is taken the heap would stay spread over the memory they
// held. A chunk goes as a whole once its files are taken.
type chunks struct{ cur []byte }

// keptChunk is the size of a chunk.
const keptChunk = 4 << 20

func (c *chunks) room(n int) []byte {
	if n > keptChunk/8 {
		return make([]byte, 0, n) // large already: memory of its own
	}
	if cap(c.cur)-len(c.cur) < n {
		c.cur = make([]byte, 0, keptChunk)
	}
	at := len(c.cur)
	c.cur = c.cur[:at+n]
	return c.cur[at : at : at+n]
}

// take returns the bytes held of name, and lets them go.
func (o *readOnce) take(name string) ([]byte, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	data, ok := o.data[name]
	delete(o.data, name)
	if ok && len(o.data) == 0 {
		o.data = nil // all taken
	}
	return data, ok
}

func (o *readOnce) peek(name string) ([]byte, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	data, ok := o.data[name]
	return data, ok
}

func (o *readOnce) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(o.FS, name) }

func (o *readOnce) Stat(name string) (fs.FileInfo, error) { return fs.Stat(o.FS, name) }
