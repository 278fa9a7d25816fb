package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/tidwall/gjson"

	"nhsdigital/content/pagetype"
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
	Raw        string // the page as JSON (see markdown.go); in production, without its links to pages not served (see held.go)

	places positions         // where the front matter's fields are in the file
	sum    [sha256.Size]byte // of the file's name and content as read, for the content version
}

// editorFile reports whether a file's name is one that editors and tools
// leave beside the files they edit, which is no page and no mistake: a
// hidden file (".spine.md.swp", ".#spine.md", ".DS_Store"), a backup
// ("spine.md~"), an autosave ("#spine.md#") or vim's test of the folder
// ("4913", a name of digits alone).
func editorFile(name string) bool {
	switch {
	case name == "":
		return false
	case name[0] == '.', strings.HasSuffix(name, "~"):
		return true
	case len(name) > 1 && name[0] == '#' && name[len(name)-1] == '#':
		return true
	}
	return strings.Trim(name, "0123456789") == ""
}

// PageExt ends the name of every page's file: pages are Markdown with
// YAML front matter (see markdown.go and content/README.md).
const PageExt = ".md"

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
	Preview bool
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
	// size or modification time changed (the editor preview), or, when
	// the cache is told of changes (Cache.Track), only the files it was
	// told of.
	Cache *Cache
	// Shelf, when set, keeps what a load checked of each page file for
	// the next start of the program (see Shelf).
	Shelf *Shelf
	// Commits are the times of each page file's last commit (CommitTimes,
	// ReadCommitTimes): a page that leaves out lastEdited takes its file's.
	Commits map[string]time.Time

	// legacyJSON reads pages from .json files, the format before
	// Markdown: only the test that proves the conversion changed nothing
	// uses it.
	legacyJSON bool
}

// DefaultReadTimeout is how long a load waits for one file.
const DefaultReadTimeout = 5 * time.Second

// Load reads site.json and pages/**/*.md from fsys, validates everything
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
	site = bytes.TrimPrefix(site, []byte("\xef\xbb\xbf")) // a BOM some editors write
	if msg != "" {
		v.add("site.json", "", "%s", msg)
	} else {
		v.checkSite("site.json", site)
	}

	c := opts.Cache
	var all []string
	var hints map[string]bool // the only files that may have changed; nil: any may have
	if c != nil {
		hints, all = c.takeHints(fsys)
	}
	if r.stalled == "" && all == nil {
		var problems Problems
		all, problems = r.walkPages()
		v.problems = append(v.problems, problems...)
		if c != nil && len(problems) == 0 {
			c.mu.Lock()
			c.listed = slices.Sorted(slices.Values(all)) // the walk's order is not the names'
			c.mu.Unlock()
		}
	}
	files := v.pageFiles(all, opts.legacyJSON)
	if c != nil {
		c.mu.Lock()
		c.replaced = map[string]*fileCheck{}
		c.mu.Unlock()
	}
	stalled := r.stalled
	if stalled == "" {
		var kept []shelved
		shelf := opts.Shelf
		if shelf != nil && !shelf.open() {
			shelf = nil // only the first load takes from it
		}
		stalled, kept = readAndCheck(v, fsys, timeout, files, c, hints, shelf, opts.Commits)
		if shelf != nil {
			shelf.keep(kept)
		}
	}
	if c != nil && (stalled != "" || r.stalled != "") {
		c.Unknown()
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	in := &validated{site: site, v: v, preview: opts.Preview, fsys: fsys}
	if c != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		replaced := c.replaced
		c.replaced = nil
		last := c.last
		c.last = nil
		if len(v.problems) == 0 && stalled == "" && opts.Preview {
			if s := reuse(last, c.lastFiles, c.lastSite, in, files, replaced, c.files, now); s != nil {
				c.last, c.lastFiles, c.lastSite = s, files, site
				c.reused++
				return s, nil
			}
		}
	}
	if stalled == "" { // else pages not read would show as broken links
		v.crossCheck()
	}
	if len(v.problems) > 0 {
		return nil, withSnippets(fsys, v.problems).sorted()
	}
	s := assemble(in, now)
	if c != nil && opts.Preview {
		c.last, c.lastFiles, c.lastSite = s, files, site
	}
	return s, nil
}

// pageFiles returns, sorted, the page files among the files listed under
// pages, leaving out what editors leave beside them; any other file is a
// problem.
func (v *validator) pageFiles(all []string, legacyJSON bool) []string {
	var files []string
	for _, p := range all {
		if editorFile(path.Base(p)) {
			continue
		}
		switch ext := path.Ext(p); {
		case legacyJSON && ext == ".json":
		case ext == ".json":
			v.add(p, "", "pages are Markdown files now: convert this one with go run ./cmd/mdconvert %s (see content/README.md)", p)
			continue
		case ext != PageExt:
			v.add(p, "", "not a %s file; every page is a Markdown file ending in %s (move other files out of content/pages)", PageExt, PageExt)
			continue
		}
		files = append(files, p)
	}
	if !slices.IsSorted(files) {
		sort.Strings(files)
	}
	return files
}

// reuse makes the store of a preview load from the last one when what
// changed since touches no link: the same files, the same site.json, and
// every file read again has the same documents with the same id, type,
// path, status, dates, aliases and references (say, a new title or
// paragraph). Then the checks across documents (duplicates, links) give
// what they gave last time, nothing at all, and are not made again;
// listings keep their order and only the changed documents are put in
// place. It returns nil when it cannot, and the load is made in full.
func reuse(last *Store, lastFiles []string, lastSite []byte, in *validated, files []string,
	replaced, checks map[string]*fileCheck, now time.Time) *Store {
	if last == nil || !last.Preview || !slices.Equal(files, lastFiles) || !bytes.Equal(in.site, lastSite) ||
		!last.NextChange.IsZero() && !now.Before(last.NextChange) || now.Before(last.Now) {
		return nil
	}
	swap := map[*Doc]*Doc{}
	for name, before := range replaced {
		after := checks[name]
		if before == nil || after == nil || !sameLinks(before, after) {
			return nil
		}
		for i, d := range before.docs {
			swap[d] = after.docs[i]
		}
	}
	s := &Store{
		SiteRaw:    last.SiteRaw,
		Now:        now,
		Preview:    true,
		NextChange: last.NextChange,
		Warnings:   last.Warnings, // unless a changed file has one (below)
		docs:       slices.Clone(last.docs),
		byPath:     maps.Clone(last.byPath),
		aliases:    last.aliases,
		byType:     make(map[string][]*Doc, len(last.byType)),
		children:   make(map[string][]*Doc, len(last.children)),
		validated:  in,
	}
	put := func(list []*Doc) []*Doc {
		out := slices.Clone(list)
		for i, d := range out {
			if n, ok := swap[d]; ok {
				out[i] = n
			}
		}
		return out
	}
	for i, d := range s.docs {
		if n, ok := swap[d]; ok {
			s.docs[i] = n
			s.byPath[n.Path] = n
		}
	}
	for t, list := range last.byType {
		s.byType[t] = put(list)
	}
	for p, list := range last.children {
		s.children[p] = put(list)
	}
	for _, w := range last.Warnings {
		if _, changed := replaced[w.File]; changed { // its place in the file may have moved
			s.Warnings = withSnippets(in.fsys, in.v.heldWarnings(now))
			break
		}
	}
	s.Version = version(in.site, in.v.docs, func(*Doc) bool { return true }, true)
	return s
}

// sameLinks reports whether two checks of one file found the same
// documents as far as the checks across documents go.
func sameLinks(a, b *fileCheck) bool {
	if len(a.problems)+len(b.problems) > 0 || a.unreadable || b.unreadable || len(a.docs) != len(b.docs) || len(a.refs) != len(b.refs) {
		return false
	}
	for i, x := range a.docs {
		y := b.docs[i]
		if x.ID != y.ID || x.Type != y.Type || x.Path != y.Path || x.Status != y.Status || x.File != y.File ||
			!x.Published.Equal(y.Published) || !x.Expires.Equal(y.Expires) || !slices.Equal(x.Aliases, y.Aliases) {
			return false
		}
	}
	for i, x := range a.refs {
		y := b.refs[i]
		if x.file != y.file || x.field != y.field || x.target != y.target || x.kind != y.kind {
			return false
		}
	}
	return true
}

// version is the content version: a hash of site.json and of the sum of
// each served document's file name and content, in file order.
func version(site []byte, docs []*Doc, served func(*Doc) bool, preview bool) string {
	hash := sha256.New()
	hash.Write([]byte("site.json\x00"))
	hash.Write(site)
	hash.Write([]byte{0})
	for _, d := range docs {
		if served(d) {
			hash.Write(d.sum[:])
		}
	}
	if preview {
		hash.Write([]byte("preview\x00"))
	}
	return hex.EncodeToString(hash.Sum(nil))[:16]
}

// validated is what a load read and checked: the store for any time is
// made from it without reading or checking again.
type validated struct {
	site    []byte
	v       *validator // its docs and references; read only from here on
	preview bool
	fsys    fs.FS // for the lines the warnings quote
	first   bool  // made by LoadFirst
}

// First reports whether s was made by LoadFirst, from the pages' front
// matter: only its home page is whole, and only the home page may be
// served from it.
func (s *Store) First() bool { return s.validated != nil && s.validated.first }

// At returns the store of the same content at another time: what is
// served, scheduled and held back follows now. Nothing is read or checked
// again, and documents that did not change are shared, so publishing a
// scheduled item or retiring an expired one costs little at any size.
func (s *Store) At(now time.Time) *Store { return assemble(s.validated, now) }

// assemble makes the store of validated content at time now.
func assemble(in *validated, now time.Time) *Store {
	v, opts := in.v, Options{Preview: in.preview}
	s := &Store{
		SiteRaw:   string(in.site),
		Now:       now,
		Preview:   opts.Preview,
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
		s.docs = append(s.docs, d)
		s.byPath[d.Path] = d
		for _, a := range d.Aliases {
			s.aliases[a] = d.Path
		}
	}
	// Only what is served feeds the version: a draft's edits must not
	// change the public version (every ETag, and the service worker's
	// "new version available"), though in preview they do.
	s.Version = version(in.site, v.docs, func(d *Doc) bool { return opts.Preview || d.StateAt(now) == StateLive }, opts.Preview)
	if !in.first { // (a first store's are Load's to say)
		s.Warnings = withSnippets(in.fsys, v.heldWarnings(now))
	}
	if !opts.Preview {
		s.leaveOut(v.refs)
	}
	sort.Slice(s.docs, func(i, j int) bool { return s.docs[i].Path < s.docs[j].Path })
	s.byType = map[string][]*Doc{}
	s.children = map[string][]*Doc{}
	for _, d := range s.docs {
		s.byType[d.Type] = append(s.byType[d.Type], d)
		if t := pagetype.Get(d.Type); t.Members != "" {
			if of := gjson.Get(d.Raw, t.Members).String(); of != "" {
				s.children[of] = append(s.children[of], d)
			}
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

// Members are the pages that name the listing page at path as theirs (a
// series' publications, a blog series' posts), newest first.
func (s *Store) Members(path string) []*Doc { return s.children[path] }

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

	// Of the last load that succeeded in preview: what a load whose
	// changes touch no link can start from (see reuse).
	last      *Store
	lastFiles []string
	lastSite  []byte
	replaced  map[string]*fileCheck // this load's re-read files: their checks before
	reused    int                   // loads made from the last store (for tests)
	lastDocs  int                   // documents and references of the last load: the
	lastRefs  int                   // room the next one makes at once

	// Changes reported by the caller (Track): with them a load neither
	// lists the folders nor looks at files it was not told of.
	tracking bool
	full     bool            // changes may have been missed: look at everything
	changed  map[string]bool // names relative to the content root
	listed   []string        // the files under pages/ at the last load, sorted
}

// Track says that from now on the caller reports every change to the
// folder with Changed, or Unknown when it may have missed some (the
// preview's file notifications). The next load still looks at every file.
func (c *Cache) Track() {
	c.mu.Lock()
	c.tracking, c.full, c.changed = true, true, map[string]bool{}
	c.mu.Unlock()
}

// Changed reports files (names relative to the content root, with
// slashes) created, written, renamed or removed since the last load.
func (c *Cache) Changed(names ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.tracking {
		return
	}
	for _, n := range names {
		c.changed[n] = true
	}
}

// Unknown says changes may have been missed (a new folder, lost
// notifications): the next load looks at every file.
func (c *Cache) Unknown() {
	c.mu.Lock()
	c.full = true
	c.mu.Unlock()
}

// takeHints returns the changes reported since the last load and the
// files under pages/ as they are now, or nil and nil when the load must
// look at every file.
func (c *Cache) takeHints(fsys fs.FS) (map[string]bool, []string) {
	c.mu.Lock()
	changed, full, listed := c.changed, c.full, c.listed
	if c.tracking {
		c.changed, c.full = map[string]bool{}, false
	}
	c.mu.Unlock()
	if !c.tracking || full || listed == nil {
		return nil, nil
	}
	all := slices.Clone(listed)
	for name := range changed {
		if !strings.HasPrefix(name, "pages/") {
			continue
		}
		i, found := slices.BinarySearch(all, name)
		info, err := fs.Lstat(fsys, name)
		switch {
		case err == nil && info.IsDir(), err != nil && !errors.Is(err, fs.ErrNotExist):
			c.Unknown() // a folder came or went: list them all
			return nil, nil
		case err != nil && found:
			all = slices.Delete(all, i, i+1)
		case err == nil && !found:
			all = slices.Insert(all, i, name)
		}
	}
	c.mu.Lock()
	c.listed = all
	c.mu.Unlock()
	return changed, all
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
	if c.replaced != nil {
		c.replaced[name] = c.files[name] // nil for a new file
	}
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
// first file a reader gave up waiting for, or "". With a shelf, a file
// the shelf has is taken from it rather than checked, and it returns every
// clean file read, for the shelf to keep.
func readAndCheck(v *validator, fsys fs.FS, timeout time.Duration, files []string, cache *Cache, hints map[string]bool, shelf *Shelf, commits map[string]time.Time) (string, []shelved) {
	if cache != nil && hints == nil {
		defer cache.keepOnly(files)
	} else if cache != nil {
		defer func() { // only the files named can have gone
			cache.mu.Lock()
			defer cache.mu.Unlock()
			for name := range hints {
				if _, ok := slices.BinarySearch(files, name); !ok {
					delete(cache.files, name)
				}
			}
		}()
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, len(files)/64))
	type share struct {
		v       *validator
		stalled string
		unread  int
		kept    []shelved
	}
	shares := make([]share, workers)
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := w*len(files)/workers, (w+1)*len(files)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			sv, r := newValidator(), &reader{fsys: fsys, timeout: timeout}
			sv.commits = commits
			if cache != nil && len(files) > 0 {
				// Room for this share of what the last load found, made at
				// once rather than grown (and copied) file by file.
				cache.mu.Lock()
				docs, refs := cache.lastDocs, cache.lastRefs
				cache.mu.Unlock()
				sv.docs = make([]*Doc, 0, docs*(hi-lo)/len(files)+8)
				sv.refs = make([]reference, 0, refs*(hi-lo)/len(files)+64)
			}
			for i, f := range files[lo:hi] {
				if r.stalled != "" {
					shares[w].unread = hi - lo - i
					break
				}
				var size int64
				var mod time.Time
				stamped := false
				if cache != nil && hints != nil && !hints[f] {
					// Not changed since the last load, as the caller
					// tracks: what was kept of it holds.
					cache.mu.Lock()
					fc := cache.files[f]
					cache.mu.Unlock()
					if fc != nil {
						sv.take(f, fc)
						continue
					}
				}
				if cache != nil {
					if size, mod, stamped = stamp(fsys, f); stamped {
						if fc := cache.get(f, size, mod); fc != nil {
							sv.take(f, fc)
							continue
						}
					}
				}
				data, msg := r.readFile(f)
				var sum [sha256.Size]byte
				if msg == "" {
					sum = fileSum(f, data, commits)
				}
				var fc *fileCheck
				if msg == "" && shelf != nil {
					fc = shelf.take(f, sum)
				}
				if fc == nil {
					fv := sv
					if stamped || shelf != nil {
						fv = newValidator() // this file's findings alone, to keep
						fv.commits = commits
					}
					if msg != "" {
						fv.add(f, "", "%s", msg)
						fv.unreadable[f] = true
					} else {
						before := len(fv.docs)
						fv.checkDoc(f, data)
						for _, d := range fv.docs[before:] {
							d.sum = sum
						}
					}
					if fv == sv {
						continue
					}
					fc = &fileCheck{problems: fv.problems, docs: fv.docs, refs: fv.refs, unreadable: fv.unreadable[f]}
				}
				if shelf != nil && shelfable(fc) {
					shares[w].kept = append(shares[w].kept, shelved{sum, fc})
				}
				if stamped {
					fc.size, fc.mod = size, mod
					if msg == "" || !strings.HasPrefix(msg, "could not be read within") {
						cache.put(f, fc)
					}
				}
				sv.take(f, fc)
			}
			shares[w].v, shares[w].stalled = sv, r.stalled
		}()
	}
	wg.Wait()
	stalled, unread := "", 0
	var kept []shelved
	docs, refs := len(v.docs), len(v.refs)
	for _, sh := range shares {
		docs, refs = docs+len(sh.v.docs), refs+len(sh.v.refs)
	}
	v.docs, v.refs = slices.Grow(v.docs, docs-len(v.docs)), slices.Grow(v.refs, refs-len(v.refs))
	if cache != nil {
		cache.mu.Lock()
		cache.lastDocs, cache.lastRefs = docs, refs
		cache.mu.Unlock()
	}
	for _, sh := range shares {
		kept = append(kept, sh.kept...)
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
	return stalled, kept
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
