package content

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tidwall/gjson"
)

// MaxFileSize bounds one content file; anything bigger is almost certainly a
// mistake (a pasted data dump) and is refused with a clear message.
const MaxFileSize = 1 << 20

// Doc is one validated page.
type Doc struct {
	ID         string
	Type       string
	Path       string
	Title      string
	Summary    string
	Status     string
	Published  time.Time // goes live then; in the future, the item is scheduled
	LastEdited time.Time
	Expires    time.Time // zero, or the time it stops being served
	Aliases    []string
	Topics     []string
	File       string // file name relative to the content root
	Raw        string // the file's JSON; in production, without its links to pages not served (see held.go)
}

// JSON returns the parsed document.
func (d *Doc) JSON() gjson.Result { return gjson.Parse(d.Raw) }

// States of a document at a given time.
const (
	StateLive      = "live"      // published, and served now
	StateDraft     = "draft"     // status draft: only ever in preview
	StateScheduled = "scheduled" // published, but its publication time is still to come
	StateExpired   = "expired"   // published, but its expiry time has passed
)

// StateAt says whether d is served at time now, and if not, why.
func (d *Doc) StateAt(now time.Time) string {
	switch {
	case d.Status != "published":
		return StateDraft
	case d.Published.After(now):
		return StateScheduled
	case !d.Expires.IsZero() && !d.Expires.After(now):
		return StateExpired
	}
	return StateLive
}

// Store holds the validated content that is served at one time.
type Store struct {
	SiteRaw string
	Version string // hash of site.json and of the files of the documents served
	Now     time.Time
	// NextChange is the next time a document goes live or expires (zero if
	// none): the store must be loaded again then.
	NextChange time.Time
	// Warnings are what an editor should know but that does not stop the
	// content loading: links from live pages to pages not live at Now,
	// which production leaves out until they are (see held.go).
	Warnings Problems

	docs     []*Doc // served documents, sorted by path
	byPath   map[string]*Doc
	aliases  map[string]string
	byType   map[string][]*Doc // newest first
	children map[string][]*Doc // publications by series path, newest first

	validated *validated // what At makes the store of another time from
}

// Options control which documents a store serves.
type Options struct {
	// Preview serves every document: drafts, scheduled and expired items
	// too. Production serves only documents live at Now.
	Preview bool
	// Now is the time the store is for; zero means the present.
	Now time.Time
	// ReadTimeout bounds the reading of one file (zero means
	// DefaultReadTimeout).
	ReadTimeout time.Duration
	// Cache, when set, keeps what this load read and checked of each file,
	// so that the next load with it reads and checks only the files whose
	// size or modification time changed (the editor preview).
	Cache *Cache
}

// DefaultReadTimeout is how long a load waits for one file.
const DefaultReadTimeout = 5 * time.Second

// Load reads site.json and pages/**/*.json from fsys, validates everything
// and returns the store. On any problem it returns nil and Problems listing
// every problem found.
func Load(fsys fs.FS, opts Options) (*Store, error) {
	v := newValidator()
	timeout := opts.ReadTimeout
	if timeout <= 0 {
		timeout = DefaultReadTimeout
	}
	r := &reader{fsys: fsys, timeout: timeout}

	site, msg := r.readFile("site.json")
	if msg != "" {
		v.add("site.json", "", "%s", msg)
	} else {
		v.checkSite("site.json", site)
	}

	var all []string
	if r.stalled == "" {
		var problems Problems
		all, problems = r.walkPages()
		v.problems = append(v.problems, problems...)
	}
	var files []string
	for _, p := range all {
		if strings.HasPrefix(path.Base(p), ".") {
			continue
		}
		if path.Ext(p) != ".json" {
			v.add(p, "", "not a .json file; content files must end in .json (move other files out of content/pages)")
			continue
		}
		files = append(files, p)
	}
	sort.Strings(files)
	stalled := r.stalled
	if stalled == "" {
		stalled = readAndCheck(v, fsys, timeout, files, opts.Cache)
	}
	if stalled == "" { // else pages not read would show as broken links
		v.crossCheck()
	}
	if len(v.problems) > 0 {
		return nil, v.problems.sorted()
	}

	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	return assemble(&validated{site: site, v: v, preview: opts.Preview}, now), nil
}

// validated is what a load read and checked: the store for any time is
// made from it without reading or checking again.
type validated struct {
	site    []byte
	v       *validator // its docs and references; read only from here on
	preview bool
}

// At returns the store of the same content at another time: what is
// served, scheduled and held back follows now. Nothing is read or checked
// again, and documents that did not change are shared, so publishing a
// scheduled item or retiring an expired one costs little at any size.
func (s *Store) At(now time.Time) *Store { return assemble(s.validated, now) }

// assemble makes the store of validated content at time now.
func assemble(in *validated, now time.Time) *Store {
	v, opts := in.v, Options{Preview: in.preview}
	hash := sha256.New()
	hash.Write([]byte("site.json\x00"))
	hash.Write(in.site)
	hash.Write([]byte{0})
	s := &Store{
		SiteRaw:   string(in.site),
		Now:       now,
		byPath:    map[string]*Doc{},
		aliases:   map[string]string{},
		validated: in,
	}
	for _, d := range v.docs {
		if d.Status == "published" {
			for _, t := range []time.Time{d.Published, d.Expires} {
				if t.After(now) && (s.NextChange.IsZero() || t.Before(s.NextChange)) {
					s.NextChange = t
				}
			}
		}
		if d.StateAt(now) != StateLive && !opts.Preview {
			continue
		}
		// Only what is served feeds the version: a draft's edits must not
		// change the public version (every ETag, and the service worker's
		// "new version available"), though in preview they do.
		hash.Write([]byte(d.File + "\x00"))
		hash.Write([]byte(d.Raw))
		hash.Write([]byte{0})
		s.docs = append(s.docs, d)
		s.byPath[d.Path] = d
		for _, a := range d.Aliases {
			s.aliases[a] = d.Path
		}
	}
	if opts.Preview {
		hash.Write([]byte("preview\x00"))
	}
	s.Version = hex.EncodeToString(hash.Sum(nil))[:16]
	s.Warnings = v.heldWarnings(now)
	if !opts.Preview {
		s.leaveOut(v.refs)
	}
	sort.Slice(s.docs, func(i, j int) bool { return s.docs[i].Path < s.docs[j].Path })
	s.byType = map[string][]*Doc{}
	s.children = map[string][]*Doc{}
	for _, d := range s.docs {
		s.byType[d.Type] = append(s.byType[d.Type], d)
		if d.Type == TypePublication {
			parent := parentPath(d.Path)
			s.children[parent] = append(s.children[parent], d)
		}
	}
	newestFirst := func(list []*Doc) {
		sort.SliceStable(list, func(i, j int) bool { return list[i].Published.After(list[j].Published) })
	}
	for _, list := range s.byType {
		newestFirst(list)
	}
	for _, list := range s.children {
		newestFirst(list)
	}
	return s
}

// Doc returns the served document at path.
func (s *Store) Doc(path string) (*Doc, bool) {
	d, ok := s.byPath[path]
	return d, ok
}

// Alias returns the path an old path redirects to.
func (s *Store) Alias(path string) (string, bool) {
	p, ok := s.aliases[path]
	return p, ok
}

// Aliases returns every old path with the path it redirects to.
func (s *Store) Aliases() map[string]string {
	out := make(map[string]string, len(s.aliases))
	for k, v := range s.aliases {
		out[k] = v
	}
	return out
}

// Docs returns every served document, sorted by path.
func (s *Store) Docs() []*Doc { return s.docs }

// OfType returns the served documents of one type, newest first. The
// slice is the store's own: do not change it.
func (s *Store) OfType(t string) []*Doc { return s.byType[t] }

// Site returns the parsed site settings.
func (s *Store) Site() gjson.Result { return gjson.Parse(s.SiteRaw) }

// Origin is the site's public origin, such as https://digital.nhs.uk.
func (s *Store) Origin() string { return strings.TrimRight(s.Site().Get("origin").String(), "/") }

// Cache keeps, between loads of one folder, what was read and checked of
// each file, by name, size and modification time. Each document is
// checked on its own, so a file that did not change need not be read or
// checked again; what depends on other documents (links, duplicates,
// listings) is worked out again at every load.
type Cache struct {
	mu    sync.Mutex
	files map[string]*fileCheck
}

// racyWindow is how recent a file's modification time must be for the
// cache not to trust it.
const racyWindow = 2 * time.Second

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]*fileCheck{}} }

// fileCheck is what reading and checking one file gave.
type fileCheck struct {
	size       int64
	mod        time.Time
	problems   Problems
	docs       []*Doc // none or one
	refs       []reference
	unreadable bool
}

// stamp is a file's size and modification time, when it can be had
// without opening it.
func stamp(fsys fs.FS, name string) (int64, time.Time, bool) {
	info, err := fs.Stat(fsys, name)
	if err != nil || !info.Mode().IsRegular() || info.ModTime().IsZero() {
		return 0, time.Time{}, false
	}
	return info.Size(), info.ModTime(), true
}

func (c *Cache) get(name string, size int64, mod time.Time) *fileCheck {
	if time.Since(mod) < racyWindow {
		// Saved a moment ago: a second save within the file system's
		// clock tick could keep the size and time. Read it again.
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if fc := c.files[name]; fc != nil && fc.size == size && fc.mod.Equal(mod) {
		return fc
	}
	return nil
}

func (c *Cache) put(name string, fc *fileCheck) {
	c.mu.Lock()
	c.files[name] = fc
	c.mu.Unlock()
}

// keepOnly forgets the files not in names (deleted or renamed).
func (c *Cache) keepOnly(names []string) {
	keep := make(map[string]bool, len(names))
	for _, n := range names {
		keep[n] = true
	}
	c.mu.Lock()
	for n := range c.files {
		if !keep[n] {
			delete(c.files, n)
		}
	}
	c.mu.Unlock()
}

// readAndCheck reads and checks the files in parallel, one reader and one
// validator a core over a contiguous share of them, and adds what each
// found to v in file order. Each document is checked on its own; what
// depends on others (links, duplicates) is v.crossCheck's. It returns the
// first file a reader gave up waiting for, or "".
func readAndCheck(v *validator, fsys fs.FS, timeout time.Duration, files []string, cache *Cache) string {
	if cache != nil {
		defer cache.keepOnly(files)
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(files)/64))
	type share struct {
		v       *validator
		stalled string
		unread  int
	}
	shares := make([]share, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(files)/workers, (w+1)*len(files)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			sv, r := newValidator(), &reader{fsys: fsys, timeout: timeout}
			for i, f := range files[lo:hi] {
				if r.stalled != "" {
					shares[w].unread = hi - lo - i
					break
				}
				var size int64
				var mod time.Time
				stamped := false
				if cache != nil {
					if size, mod, stamped = stamp(fsys, f); stamped {
						if fc := cache.get(f, size, mod); fc != nil {
							sv.take(f, fc)
							continue
						}
					}
				}
				fv := sv
				if stamped {
					fv = newValidator() // this file's findings alone, to keep
				}
				data, msg := r.readFile(f)
				if msg != "" {
					fv.add(f, "", "%s", msg)
					fv.unreadable[f] = true
				} else {
					fv.checkDoc(f, data)
				}
				if stamped {
					fc := &fileCheck{size: size, mod: mod, problems: fv.problems, docs: fv.docs, refs: fv.refs, unreadable: fv.unreadable[f]}
					if msg == "" || !strings.HasPrefix(msg, "could not be read within") {
						cache.put(f, fc)
					}
					sv.take(f, fc)
				}
			}
			shares[w].v, shares[w].stalled = sv, r.stalled
		}()
	}
	wg.Wait()
	stalled, unread := "", 0
	for _, sh := range shares {
		v.problems = append(v.problems, sh.v.problems...)
		v.docs = append(v.docs, sh.v.docs...)
		v.refs = append(v.refs, sh.v.refs...)
		for f := range sh.v.unreadable {
			v.unreadable[f] = true
		}
		if sh.stalled != "" && stalled == "" {
			stalled = sh.stalled
		}
		unread += sh.unread
	}
	if stalled != "" {
		v.add("pages", "", "%d more file(s) not read: the load stopped waiting after %s did not answer", unread, stalled)
	}
	return stalled
}

// take adds one file's findings to v.
func (v *validator) take(file string, fc *fileCheck) {
	v.problems = append(v.problems, fc.problems...)
	v.docs = append(v.docs, fc.docs...)
	v.refs = append(v.refs, fc.refs...)
	if fc.unreadable {
		v.unreadable[file] = true
	}
}
