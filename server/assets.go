package server

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/andybalholm/brotli"
)

// asset is a file served from memory with its compressed variants. A
// packed asset keeps its gzip copy only (body is nil): what is kept by the
// thousand (pages in the cache, the search index's files) takes a quarter
// of the memory, and the rare client that takes no gzip gets it unpacked.
type asset struct {
	body        []byte                 // nil when packed: see plain
	gzip        []byte                 // nil when not worth it
	brotli      []byte                 // from a prebuilt .br file, when present
	br          atomic.Pointer[[]byte] // made here (brotliLater), when worth it
	brScheduled atomic.Bool
	contentType string
	lazy        *sync.Once // set when the gzip copy is made on first request (gzipped)
	level       int        // a lazy gzip copy's level (0: gzip.DefaultCompression)
	once        bool       // for one answer: compressed as that answer asks (newAssetOnce)
	hash        string     // content hash, also the ETag
	sum         string     // full SHA-256, hex
}

// plain is the file itself.
func (a *asset) plain() []byte {
	if a.body != nil || a.gzip == nil {
		return a.body
	}
	zr, err := gzip.NewReader(bytes.NewReader(a.gzip))
	if err != nil {
		panic("server: a packed asset does not unpack: " + err.Error()) // made here, from memory
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		panic("server: a packed asset does not unpack: " + err.Error())
	}
	return b
}

// pack drops the body of an asset that has its gzip copy, and returns it.
func (a *asset) pack() *asset {
	if a.lazy != nil {
		a.gzipped()
	}
	if a.gzip != nil {
		a.body = nil
	}
	return a
}

// packForKeeping packs an asset about to be kept by the thousand (a page,
// page data) and returns what it will hold: its gzip copy and room for the
// brotli copy made later, of about the same size (or its body, when too
// small to compress).
func (a *asset) packForKeeping() int {
	a.pack()
	if a.gzip == nil {
		return len(a.body)
	}
	return 2 * len(a.gzip)
}

var compressible = map[string]bool{
	".css": true, ".js": true, ".svg": true, ".json": true, ".wasm": true, ".xml": true, ".txt": true,
	".webmanifest": true, ".html": true,
}

func init() {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	mime.AddExtensionType(".ico", "image/x-icon")
}

// newAsset is a kept file whose gzip copy is made at the best level when
// first asked for. The files made anew for each content version (the
// page's script, the consent codec, go-app's files, the manifest and the
// worker) are then not compressed again at every reload of the preview
// or every publication, only when fetched.
func newAsset(name string, body []byte, contentType string) *asset {
	a := newLazyAsset(name, body, contentType)
	a.level = gzip.BestCompression
	return a
}

// newLazyAsset is an asset whose gzip copy is made when first asked for:
// for the many files (search index fragments) of which few are fetched.
func newLazyAsset(name string, body []byte, contentType string) *asset {
	a := hashedAsset(name, body, contentType)
	if compressible[path.Ext(name)] && len(body) > 512 {
		a.lazy = new(sync.Once)
	}
	return a
}

// hashedAsset is a file with its hash and type (from name when not given),
// and no compressed copy yet.
func hashedAsset(name string, body []byte, contentType string) *asset {
	sum := sha256.Sum256(body)
	full := hex.EncodeToString(sum[:])
	a := &asset{body: body, contentType: contentType, hash: full[:16], sum: full}
	if a.contentType == "" {
		a.contentType = mime.TypeByExtension(path.Ext(name))
	}
	if a.contentType == "" {
		a.contentType = "application/octet-stream"
	}
	return a
}

// gzipped returns the gzip copy, making it first for a lazy asset.
func (a *asset) gzipped() []byte {
	if a.lazy != nil {
		a.lazy.Do(func() {
			a.gzip = gzipLevel(a.body, cmp.Or(a.level, gzip.DefaultCompression))
		})
	}
	return a.gzip
}

// newAssetOnce is an asset for one answer, not hashed (its ETag is set by
// the caller): it is compressed when served, fast and only in the encoding
// that answer takes. A static export, which asks for each page once and
// takes none, compresses nothing.
func newAssetOnce(body []byte, contentType string) *asset {
	return &asset{body: body, contentType: contentType, once: true}
}

// encodedOnce is encoded for an asset made for one answer.
func (a *asset) encodedOnce(h http.Header, acceptEncoding string) []byte {
	if len(a.body) <= 512 {
		return a.body
	}
	if acceptsEncoding(acceptEncoding, "br") {
		if br := brotliLevel(a.body, brotliFast); br != nil {
			h.Set("Content-Encoding", "br")
			return br
		}
	}
	if acceptsEncoding(acceptEncoding, "gzip") {
		if gz := gzipLevel(a.body, gzip.BestSpeed); gz != nil {
			h.Set("Content-Encoding", "gzip")
			return gz
		}
	}
	return a.body
}

// Brotli levels: an answer made for one request is compressed at once at
// a fast level (5: about 8 % below gzip -9 on pages, in a few ms); a kept
// answer (pages, data, the index, feeds, assets without a .br file) at the
// best (11: about 21 % below gzip -9 on pages and data, 12 % on the index,
// but 50 to 250 ms a page), once, in the background, after its first
// request that accepts brotli; gzip answers until it is ready.
const (
	brotliFast = 5
	brotliBest = 11
	// brotliMax bounds what is compressed here: larger files (the
	// WebAssembly without its .br file) keep gzip only.
	brotliMax = 4 << 20
)

// brotliLevel compresses b at quality q; nil when that saves nothing. The
// window is the smallest that holds b: the same output as brotli's default
// (4 MB), with tables sized for a page instead of 32 MB for each page.
func brotliLevel(b []byte, q int) []byte {
	var buf bytes.Buffer
	lgwin := 16
	for lgwin < 22 && 1<<lgwin-16 < len(b) {
		lgwin++
	}
	w := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: q, LGWin: lgwin})
	w.Write(b)
	w.Close()
	if buf.Len() >= len(b) {
		return nil
	}
	return buf.Bytes()
}

// brotliQueue feeds the one goroutine that makes kept answers' brotli
// copies, so compressing never takes more than a core from visitors.
var (
	brotliQueue   = make(chan *asset, 4096)
	brotliPending sync.WaitGroup
	brotliOnce    sync.Once
)

// brotliLater schedules a's brotli copy, once. A full queue drops the
// request (a later one schedules it again).
func (a *asset) brotliLater() {
	if a.brotli != nil || a.gzip == nil && a.lazy == nil || len(a.body) > brotliMax || !a.brScheduled.CompareAndSwap(false, true) {
		return
	}
	brotliOnce.Do(func() {
		go func() {
			for a := range brotliQueue {
				if br := brotliLevel(a.plain(), brotliBest); br != nil {
					a.br.Store(&br)
				}
				brotliPending.Done()
			}
		}()
	})
	brotliPending.Add(1)
	select {
	case brotliQueue <- a:
	default:
		brotliPending.Done()
		a.brScheduled.Store(false)
	}
}

// brotliCopy is the brotli body to send, if any: the prebuilt one, or the
// one made here. It schedules the latter when missing.
func (a *asset) brotliCopy() []byte {
	if a.brotli != nil {
		return a.brotli
	}
	if p := a.br.Load(); p != nil {
		return *p
	}
	a.brotliLater()
	return nil
}

// gzipWriters keeps gzip writers by level for reuse: each holds about a
// megabyte of tables, which hundreds of answers at once must not each
// allocate.
var gzipWriters sync.Map // level → *sync.Pool of *gzip.Writer

// gzipLevel compresses b at level; nil when that saves nothing.
func gzipLevel(b []byte, level int) []byte {
	p, _ := gzipWriters.LoadOrStore(level, &sync.Pool{New: func() any {
		w, _ := gzip.NewWriterLevel(nil, level)
		return w
	}})
	pool := p.(*sync.Pool)
	var buf bytes.Buffer
	buf.Grow(len(b) / 3)
	w := pool.Get().(*gzip.Writer)
	w.Reset(&buf)
	w.Write(b)
	w.Close()
	// No Reset(nil) before Put: each reset clears the writer's match
	// tables (256 KB), the next use resets it anyway, and for 20,000
	// small search index files a second clear was 8 % of the packing. The
	// writer keeps only a pointer to buf, whose bytes are returned.
	pool.Put(w)
	if buf.Len() >= len(b) {
		return nil
	}
	out := buf.Bytes()
	if cap(out)-len(out) > len(out)/8 {
		// The buffer doubled past a third of b: kept by the thousand
		// (the search index's files, cached pages), that room was 14 MB
		// of 34 at 20,000 documents.
		out = bytes.Clone(out)
	}
	return out
}

// loadAssets reads every file of fsys into memory. A file "x.br" is taken as
// the brotli copy of "x" when "x.br.sum" holds the SHA-256 of "x" as it is
// now, and "x.gz" as its gzip copy when "x.gz.sum" does (tools/compress.mjs
// writes all four); a stale copy is left unused and reported in the
// returned warnings. Other gzip copies are made here.
func loadAssets(fsys fs.FS) (map[string]*asset, []string, error) {
	out := map[string]*asset{}
	compressed := map[string][]byte{} // "x.br" and "x.gz" → the copy
	sums := map[string]string{}       // "x.br" and "x.gz" → the sum of x they were made from
	var warnings []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() || strings.HasSuffix(p, ".go") || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		switch {
		case strings.HasSuffix(p, ".br"), strings.HasSuffix(p, ".gz"):
			compressed[p] = b
			return nil
		case strings.HasSuffix(p, ".br.sum"), strings.HasSuffix(p, ".gz.sum"):
			sums[strings.TrimSuffix(p, ".sum")] = strings.TrimSpace(string(b))
			return nil
		}
		out["/web/"+p] = newLazyAsset(p, b, "") // gzip when first asked for: most browsers take the brotli copies
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	for p, b := range compressed {
		orig := p[:len(p)-len(".br")] // (".gz" is as long)
		a, ok := out["/web/"+orig]
		if !ok {
			continue
		}
		if sums[p] != a.sum {
			warnings = append(warnings, "web/"+p+" is out of date with web/"+orig+" and is not used; run: node tools/compress.mjs web/"+orig)
			continue
		}
		if strings.HasSuffix(p, ".br") {
			a.brotli = b
		} else {
			a.gzip, a.lazy = b, nil
		}
	}
	slices.Sort(warnings)
	return out, warnings, nil
}

// acceptsEncoding reports whether the Accept-Encoding header allows enc:
// it is named with no weight or a weight above 0. The weight's name is
// case-insensitive ("Q=0"), and a malformed weight ("q=abc", "q=1.5")
// does not allow it (RFC 9110, 12.4.2).
func acceptsEncoding(header, enc string) bool {
	for part := range strings.SplitSeq(header, ",") {
		name, params, _ := strings.Cut(part, ";")
		if !strings.EqualFold(strings.TrimSpace(name), enc) {
			continue
		}
		for param := range strings.SplitSeq(params, ";") {
			k, v, _ := strings.Cut(param, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				v = strings.TrimSpace(v)
				return qvalue.MatchString(v) && strings.Trim(v, "0.") != ""
			}
		}
		return true
	}
	return false
}

// qvalue is a weight as RFC 9110 writes it: 0 to 1, at most three decimals.
var qvalue = regexp.MustCompile(`^(0(\.[0-9]{0,3})?|1(\.0{0,3})?)$`)

// serve writes the asset, picking brotli, gzip or identity from the
// request's Accept-Encoding, and answers conditional requests.
func (a *asset) serve(w http.ResponseWriter, r *http.Request, cacheControl string) {
	h := w.Header()
	etag := `"` + a.hash + `"`
	h.Set("ETag", etag)
	h.Set("Cache-Control", cacheControl)
	h.Set("Content-Type", a.contentType)
	if (a.gzip != nil || a.brotli != nil || a.lazy != nil || a.once && len(a.body) > 512) && h.Get("Vary") == "" {
		h.Set("Vary", "Accept-Encoding")
	}
	if match := r.Header.Get("If-Match"); match != "" && !etagMatches(match, a.hash, true) {
		w.WriteHeader(http.StatusPreconditionFailed)
		return
	}
	if match := r.Header.Get("If-None-Match"); match != "" && etagMatches(match, a.hash, false) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if rng := r.Header.Get("Range"); r.Method == http.MethodGet && len(rng) > len("bytes=") && strings.EqualFold(rng[:len("bytes=")], "bytes=") {
		// A part of the file, as asked: a client resuming a large download
		// (the WebAssembly) gets the rest, not all of it again. Parts are
		// of the file itself, never of a compressed copy. A range in
		// another unit is ignored (RFC 9110, 14.2): the whole answer.
		r.Header.Set("Range", "bytes="+rng[len("bytes="):]) // the unit in any case
		h.Del("Vary")
		http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(a.plain()))
		return
	}
	h.Set("Accept-Ranges", "bytes")
	body := a.encoded(h, r.Header.Get("Accept-Encoding"))
	h.Set("Content-Length", strconv.Itoa(len(body)))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// encoded picks brotli, gzip or identity from an Accept-Encoding header,
// sets Content-Encoding and returns the body to send.
func (a *asset) encoded(h http.Header, acceptEncoding string) []byte {
	if a.once {
		return a.encodedOnce(h, acceptEncoding)
	}
	if acceptsEncoding(acceptEncoding, "br") {
		if br := a.brotliCopy(); br != nil {
			h.Set("Content-Encoding", "br")
			return br
		}
	}
	if acceptsEncoding(acceptEncoding, "gzip") && a.gzipped() != nil {
		h.Set("Content-Encoding", "gzip")
		return a.gzip
	}
	return a.plain()
}

// etagMatches reports whether a conditional header (If-None-Match, or
// If-Match when strong) holds for hash: "*", or hash among its tags.
// Compressed variants share the hash, so for If-None-Match a weak tag
// counts too; If-Match compares strongly, and a weak tag never holds.
func etagMatches(header, hash string, strong bool) bool {
	if strings.TrimSpace(header) == "*" {
		return true
	}
	for t := range strings.SplitSeq(header, ",") {
		t = strings.TrimSpace(t)
		if !strong {
			t = strings.TrimPrefix(t, "W/")
		}
		if t == `"`+hash+`"` {
			return true
		}
	}
	return false
}

// pacedWriter writes an answer in pieces of pacedChunk bytes and gives
// each piece its own write deadline, so a slow client (a phone on a poor
// connection reading the 8 MB WebAssembly) gets the whole answer as long
// as it keeps reading, while a client that stops reading is dropped after
// timeout. One deadline for the whole answer would cut slow clients off.
type pacedWriter struct {
	http.ResponseWriter
	rc      *http.ResponseController
	timeout time.Duration
}

const pacedChunk = 64 << 10

func newPacedWriter(w http.ResponseWriter, timeout time.Duration) *pacedWriter {
	return &pacedWriter{ResponseWriter: w, rc: http.NewResponseController(w), timeout: timeout}
}

func (p *pacedWriter) Write(b []byte) (int, error) {
	n := 0
	for len(b) > 0 {
		chunk := min(len(b), pacedChunk)
		p.rc.SetWriteDeadline(time.Now().Add(p.timeout)) // not supported by test recorders: fine
		m, err := p.ResponseWriter.Write(b[:chunk])
		n += m
		if err != nil {
			return n, err
		}
		b = b[chunk:]
	}
	return n, nil
}

// Unwrap lets http.ResponseController reach the connection.
func (p *pacedWriter) Unwrap() http.ResponseWriter { return p.ResponseWriter }

// CacheImmutable is the Cache-Control of files under a hashed URL.
const CacheImmutable = "public, max-age=31536000, immutable"

const (
	cacheRevalidate = "no-cache"
	cacheNone       = "no-store"
)

var startTime = time.Now()
