//go:build !wasm

package search

import (
	"cmp"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unique"

	"nhsdigital/internal/par"
)

// Doc is a page as the engine indexes it.
type Doc struct {
	Path     string
	Title    string
	Summary  string
	Label    string // document type, for people ("Service", "Publication")
	Date     string // YYYY-MM-DD
	Scope    string // one of Scopes' keys, "" for none
	Headings []string
	Body     string
	Facets   map[string][]string // facet key → values; "type" and "year" are filled in from Label and Date
}

// Built is an index ready to serve: the meta file, the shards and one
// fragment per document, each encoded as the browser fetches it.
type Built struct {
	Meta   []byte
	Shards []string
	// Fragments are by document number. After Update, only the new
	// documents' are made: Kept says where the others' are in the index
	// updated.
	Fragments [][]byte
	Kept      []int  // after Update, for each document: its number in the index updated, or -1 for one new; nil after Build
	Index     *Index // the same index, decoded, for the server

	// What Update needs of the documents, kept in place of their text.
	docs     []docInfo           // by document number
	uses     usage               // for surfaces
	totals   [4]int              // terms in all titles, summaries, headings and bodies
	postings int                 // in all the terms' lists
	sums     [][sha256.Size]byte // of each fragment, for the version
}

// docInfo is what the meta file says of a document, kept in place of
// it: 20,000 documents' text is tens of megabytes.
type docInfo struct {
	path, date, label, scope string
	facets                   []facetValue // in Facets' order, then the document's
	day                      int32        // publication date, days since 1970
	lens                     [4]int       // terms in its title, summary, headings and body
}

// facetValue is a value of Facets[facet], held once however many
// documents have it.
type facetValue struct {
	facet int
	value unique.Handle[string]
}

// usage is, for each term, the words it was made from and how often
// each was used: a term is shown as the form used most (surface).
type usage map[string][]form

type form struct {
	word string
	uses int
}

// surface is the word term was most often made from, for suggestions
// (the alphabetically first on a tie).
func (u usage) surface(term string) string {
	best, n := term, 0
	for _, f := range u[term] {
		if f.uses > n || f.uses == n && f.word < best {
			best, n = f.word, f.uses
		}
	}
	return best
}

// change adds (or with sign -1 takes away) the uses of the words noted
// in dc, and marks the terms whose forms changed in touched. The forms
// of a term not yet in touched are copied before they change: u is a
// copy, but its lists may be another usage's.
func (u usage) change(dc *dict, sign int, touched map[string]bool) {
	for k, wd := range dc.words {
		if wd.stop || wd.uses == 0 {
			continue
		}
		w, t := dc.wordList[k], dc.names[wd.term]
		if !touched[t] {
			touched[t] = true
			u[t] = slices.Clone(u[t])
		}
		fs := u[t]
		i := slices.IndexFunc(fs, func(f form) bool { return f.word == w })
		if i < 0 {
			i, fs = len(fs), append(fs, form{word: w})
		}
		if fs[i].uses += sign * wd.uses; fs[i].uses <= 0 {
			fs = slices.Delete(fs, i, i+1)
		}
		if len(fs) == 0 {
			delete(u, t)
		} else {
			u[t] = fs
		}
	}
}

// Field weights for BM25F: title above summary above headings above body.
const (
	wTitle, wSummary, wHeadings, wBody = 8.0, 4.0, 2.0, 1.0
	k1, bNorm                          = 1.2, 0.75
	shardBytes                         = 24 << 10 // aim for shards of about this size
	maxFragmentText                    = 6000
)

// newestFirst is the order of document numbers: newest first, then by path.
func newestFirst(aDate, aPath, bDate, bPath string) int {
	if c := cmp.Compare(bDate, aDate); c != 0 {
		return c
	}
	return cmp.Compare(aPath, bPath)
}

// Build indexes docs. Documents are numbered newest first.
func Build(docs []Doc) (*Built, error) { return BuildContext(context.Background(), docs) }

// BuildContext is Build that gives up, with ctx's error, once ctx is done.
func BuildContext(ctx context.Context, docs []Doc) (*Built, error) {
	docs = slices.Clone(docs)
	slices.SortStableFunc(docs, func(a, b Doc) int { return newestFirst(a.Date, a.Path, b.Date, b.Path) })
	n := len(docs)
	b := &Built{docs: make([]docInfo, n)}
	dc := newDict()
	fields := make([]fieldTerms, n)
	// Splitting text into words is most of the work and needs nothing
	// shared: it runs on every core, a batch of documents at a time (the
	// words of all 20,000 at once would be hundreds of megabytes), and
	// the words are numbered in document order, as one loop would.
	const batch = 512
	split := make([][4][]string, batch)
	for from := 0; from < n; from += batch {
		to := min(from+batch, n)
		if err := par.For(ctx, to-from, func(k int) { split[k] = splitDoc(&docs[from+k]) }); err != nil {
			return nil, err
		}
		for i := from; i < to; i++ {
			ft := dc.noteAll(&split[i-from])
			split[i-from] = [4][]string{}
			info, err := infoOf(&docs[i], ft)
			if err != nil {
				return nil, err
			}
			fields[i], b.docs[i] = ft, info
			for f, l := range info.lens {
				b.totals[f] += l
			}
		}
	}
	b.uses = usage{}
	b.uses.change(dc, 1, map[string]bool{})
	avg := averages(b.totals, n)

	// Postings with BM25F impacts, by term number.
	var postings [][]Posting
	tf := newTally()
	for i := range fields {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		tf.count(dc, &fields[i], avg)
		fields[i] = fieldTerms{} // done with: let it go
		if len(dc.names) > len(postings) {
			postings = append(postings, make([][]Posting, len(dc.names)-len(postings))...)
		}
		for t, impact := range tf.impacts() {
			postings[t] = append(postings[t], Posting{Doc: uint32(i), Impact: impact})
		}
	}
	// The postings are kept in one array: lists grown by appending hold
	// a quarter more than they need, and millions of small ones are
	// work for the collector.
	all := 0
	for _, ps := range postings {
		all += len(ps)
	}
	arena := make([]Posting, 0, all)
	b.postings = all
	terms := make([]string, 0, len(postings))
	byTerm := make(map[string]termData, len(postings))
	for t, ps := range postings {
		if len(ps) > 0 {
			arena = append(arena, ps...)
			terms = append(terms, dc.names[t])
			byTerm[dc.names[t]] = termData{postings: slices.Clip(arena[len(arena)-len(ps):])}
			postings[t] = nil
		}
	}
	postings, fields = nil, nil
	slices.Sort(terms)
	for _, t := range terms {
		if !strings.Contains(t, " ") {
			td := byTerm[t]
			td.surface = b.uses.surface(t)
			byTerm[t] = td
		}
	}
	setPhraseSurfaces(byTerm)

	b.Fragments = make([][]byte, n)
	b.sums = make([][sha256.Size]byte, n)
	if err := par.For(ctx, n, func(i int) {
		b.Fragments[i] = fragmentOf(&docs[i])
		b.sums[i] = sha256.Sum256(b.Fragments[i])
	}); err != nil {
		return nil, err
	}
	return b, b.finish(ctx, terms, byTerm)
}

// finish writes the shards and the meta file of b's documents and terms,
// and makes its Index.
func (b *Built) finish(ctx context.Context, terms []string, byTerm map[string]termData) error {
	// Shards: terms in order, cut when a shard reaches its size.
	lines := make([]string, len(terms))
	if err := par.For(ctx, len(terms), func(i int) {
		t := terms[i]
		td := byTerm[t]
		buf := make([]byte, 0, len(t)+len(td.surface)+8*len(td.postings)+3)
		buf = append(append(append(append(buf, t...), '\t'), td.surface...), '\t')
		buf = append(appendPostings(buf, td.postings), '\n')
		lines[i] = string(buf)
	}); err != nil {
		return err
	}
	m := metaOf(b.docs)
	var cur strings.Builder
	for i, line := range lines {
		if cur.Len() == 0 {
			m.Shards = append(m.Shards, terms[i])
		}
		cur.WriteString(line)
		if cur.Len() >= shardBytes {
			b.Shards = append(b.Shards, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		b.Shards = append(b.Shards, cur.String())
	}
	h := sha256.New()
	for _, s := range b.Shards {
		h.Write([]byte(s))
	}
	for _, s := range b.sums {
		h.Write(s[:])
	}
	m.Version = hex.EncodeToString(h.Sum(nil))[:12]
	b.Meta = EncodeMeta(&m)
	b.Index = &Index{Meta: m, terms: byTerm, sorted: terms, loaded: make([]bool, len(m.Shards))}
	for i := range b.Index.loaded {
		b.Index.loaded[i] = true
	}
	return nil
}

// ErrAverages is Update's answer when the documents changed make the
// average length of a field change: every impact may change with it, so
// only a full build will do.
var ErrAverages = errors.New("search: the average field lengths changed")

// Update returns the index Build would make of prev's documents less
// removed (matched by path) and with added, doing the work of the
// documents changed only. A document edited is removed (as it was) and
// added (as it is). It returns ErrAverages when that cannot be done.
func Update(ctx context.Context, prev *Built, removed, added []Doc) (*Built, error) {
	gone := map[string]bool{}
	for _, d := range removed {
		gone[d.Path] = true
	}
	var keep []int // old numbers of the documents kept
	var totals = prev.totals
	was := map[string]bool{}
	for i := range prev.docs {
		if p := prev.docs[i].path; gone[p] {
			delete(gone, p)
			for f, l := range prev.docs[i].lens {
				totals[f] -= l
			}
		} else {
			keep = append(keep, i)
			was[p] = true
		}
	}
	if len(gone) > 0 {
		return nil, errors.New("search: a document removed was not in the index")
	}
	// The words of the documents removed and added, each in a dictionary
	// of its own.
	out, in := newDict(), newDict()
	for i := range removed {
		split := splitDoc(&removed[i])
		out.noteAll(&split)
	}
	var outLens [4]int
	for f := range totals {
		outLens[f] = prev.totals[f] - totals[f]
	}
	if outLens != out.lens {
		return nil, errors.New("search: a document removed is not as it was indexed")
	}
	docs := make([]docInfo, 0, len(keep)+len(added))
	for _, i := range keep {
		docs = append(docs, prev.docs[i])
	}
	addedAt := map[string]int{} // path → index in added
	addedFields := make([]fieldTerms, len(added))
	for i := range added {
		d := &added[i]
		if _, twice := addedAt[d.Path]; twice || was[d.Path] {
			return nil, errors.New("search: document " + d.Path + " is in the index twice")
		}
		split := splitDoc(d)
		addedFields[i] = in.noteAll(&split)
		info, err := infoOf(d, addedFields[i])
		if err != nil {
			return nil, err
		}
		addedAt[d.Path] = i
		docs = append(docs, info)
		for f, l := range info.lens {
			totals[f] += l
		}
	}
	avg := averages(totals, len(docs))
	if avg != averages(prev.totals, len(prev.docs)) {
		return nil, ErrAverages
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	// The new numbering, and where each old number goes.
	kept := make([]int, len(docs))
	for k := range docs {
		kept[k] = -1
		if k < len(keep) {
			kept[k] = keep[k]
		}
	}
	order := make([]int, len(docs))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(a, b int) int { return newestFirst(docs[a].date, docs[a].path, docs[b].date, docs[b].path) })
	b := &Built{docs: make([]docInfo, len(docs)), Kept: make([]int, len(docs)), totals: totals,
		Fragments: make([][]byte, len(docs)), sums: make([][sha256.Size]byte, len(docs))}
	renumber := make([]int32, len(prev.docs))
	for i := range renumber {
		renumber[i] = -1
	}
	var fresh []int // new numbers of the documents added, in order
	for j, k := range order {
		b.docs[j], b.Kept[j] = docs[k], kept[k]
		if kept[k] >= 0 {
			renumber[kept[k]] = int32(j)
			b.sums[j] = prev.sums[kept[k]]
		} else {
			fresh = append(fresh, j)
		}
	}

	// The postings of the documents added, by term, in document order.
	addedPostings := map[string][]Posting{}
	tf := newTally()
	for _, j := range fresh {
		tf.count(in, &addedFields[addedAt[b.docs[j].path]], avg)
		for t, impact := range tf.impacts() {
			name := in.names[t]
			addedPostings[name] = append(addedPostings[name], Posting{Doc: uint32(j), Impact: impact})
		}
	}

	// Every term's postings renumbered, with the new ones merged in. The
	// old index may still be answering: nothing of it is changed.
	old := prev.Index
	byTerm := make(map[string]termData, len(old.terms)+len(addedPostings))
	terms := make([]string, 0, len(old.sorted)+len(addedPostings))
	var newTerms []string
	more := 0
	for _, ps := range addedPostings {
		more += len(ps)
	}
	arena := make([]Posting, 0, prev.postings+more)
	for _, t := range old.sorted {
		td := old.terms[t]
		from := len(arena)
		arena = renumbered(arena, td.postings, renumber, addedPostings[t])
		if len(arena) > from {
			terms = append(terms, t)
			byTerm[t] = termData{surface: td.surface, postings: slices.Clip(arena[from:])}
		}
	}
	b.postings = len(arena)
	for t, ps := range addedPostings {
		if _, ok := old.terms[t]; !ok {
			newTerms = append(newTerms, t)
			byTerm[t] = termData{postings: ps}
			b.postings += len(ps)
		}
	}
	if len(newTerms) > 0 {
		slices.Sort(newTerms)
		terms = mergeSorted(terms, newTerms)
	}

	// Word uses, and the surfaces of the terms whose uses changed.
	b.uses = maps.Clone(prev.uses)
	touched := map[string]bool{}
	b.uses.change(out, -1, touched)
	b.uses.change(in, 1, touched)
	for t := range touched {
		if td, ok := byTerm[t]; ok {
			td.surface = b.uses.surface(t)
			byTerm[t] = td
		}
	}
	setPhraseSurfaces(byTerm)

	for _, j := range fresh {
		b.Fragments[j] = fragmentOf(&added[addedAt[b.docs[j].path]])
		b.sums[j] = sha256.Sum256(b.Fragments[j])
	}
	return b, b.finish(ctx, terms, byTerm)
}

// renumbered appends to out ps with each document given its new number
// (dropped at -1), merged with add, which is in document order.
func renumbered(out, ps []Posting, renumber []int32, add []Posting) []Posting {
	for _, p := range ps {
		if j := renumber[p.Doc]; j >= 0 {
			for len(add) > 0 && add[0].Doc < uint32(j) {
				out = append(out, add[0])
				add = add[1:]
			}
			out = append(out, Posting{Doc: uint32(j), Impact: p.Impact})
		}
	}
	return append(out, add...)
}

// mergeSorted merges two sorted lists with nothing in common.
func mergeSorted(a, b []string) []string {
	out := make([]string, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// splitDoc splits a document's fields into words.
func splitDoc(d *Doc) [4][]string {
	return [4][]string{Words(d.Title), Words(d.Summary), Words(strings.Join(d.Headings, " ")), Words(d.Body)}
}

// infoOf is what the index keeps of d, whose terms are ft.
func infoOf(d *Doc, ft fieldTerms) (docInfo, error) {
	t, err := time.Parse("2006-01-02", d.Date)
	if err != nil {
		return docInfo{}, errors.New("search: document " + d.Path + " has no date")
	}
	info := docInfo{path: d.Path, date: d.Date, label: d.Label, scope: d.Scope, day: int32(t.Unix() / 86400),
		lens: [4]int{len(ft.title), len(ft.summary), len(ft.headings), len(ft.body)}}
	for f, fc := range Facets {
		for _, v := range d.Facets[fc.Key] {
			info.facets = append(info.facets, facetValue{f, unique.Make(v)})
		}
	}
	return info, nil
}

// fragmentOf is the fragment file of d: what a result shows of it.
func fragmentOf(d *Doc) []byte {
	text := strings.Join(append(slices.Clone(d.Headings), d.Body), " \u2029 ")
	if len(text) > maxFragmentText {
		text = text[:maxFragmentText]
	}
	out, _ := json.Marshal(Fragment{Path: d.Path, Title: d.Title, Summary: d.Summary, Label: d.Label, Date: d.Date, Text: strings.ToValidUTF8(text, "")})
	return out
}

// averages are the average number of terms in a field, to two
// significant figures: so that a document or two more or fewer seldom
// changes them, and an Update can keep every other document's impacts.
func averages(totals [4]int, n int) [4]float64 {
	var avg [4]float64
	for f, t := range totals {
		a := float64(t) / math.Max(float64(n), 1)
		if a > 0 {
			scale := math.Pow(10, math.Floor(math.Log10(a))-1)
			a = math.Round(a/scale) * scale
		}
		avg[f] = math.Max(a, 1)
	}
	return avg
}

// metaOf makes the meta data of documents in number order: facet values
// are numbered where they first come.
func metaOf(docs []docInfo) Meta {
	n := len(docs)
	m := Meta{N: n, Days: make([]int32, n), TitleLen: make([]uint8, n), Scope: make([]uint8, n),
		Values: make([][]string, len(Facets)), DocVals: make([][][]uint16, len(Facets))}
	valueIndex := make([]map[string]uint16, len(Facets))
	for f := range Facets {
		valueIndex[f] = map[string]uint16{}
		m.DocVals[f] = make([][]uint16, n)
	}
	for i := range docs {
		d := &docs[i]
		m.Days[i] = d.day
		m.TitleLen[i] = uint8(min(d.lens[0], 255))
		for s, sc := range Scopes[1:] {
			if d.scope == sc.Key {
				m.Scope[i] |= 1 << s
			}
		}
		rest := d.facets
		for f, fc := range Facets {
			var vals []string
			switch fc.Key {
			case "type":
				vals = []string{d.label}
			case "year":
				vals = []string{d.date[:4]}
			}
			for len(rest) > 0 && rest[0].facet == f {
				vals = append(vals, rest[0].value.Value())
				rest = rest[1:]
			}
			for _, v := range vals {
				id, ok := valueIndex[f][v]
				if !ok {
					id = uint16(len(m.Values[f]))
					valueIndex[f][v] = id
					m.Values[f] = append(m.Values[f], v)
				}
				m.DocVals[f][i] = append(m.DocVals[f][i], id)
			}
		}
	}
	return m
}

// fieldTerms are a document's terms, field by field, as numbers in a dict.
type fieldTerms struct{ title, summary, headings, body []uint32 }

// dict numbers terms, and looks at each distinct word once: whether it is
// a stop word, and its term, interned where the word first comes (which
// is where its term first comes). A word's uses are counted to choose the
// form a term is shown as (surfaces).
type dict struct {
	ids      map[string]uint32
	names    []string
	wordIDs  map[string]int
	words    []word
	wordList []string
	lens     [4]int // terms noted in each field, by noteAll
}

type word struct {
	term uint32
	stop bool
	uses int
}

func newDict() *dict { return &dict{ids: map[string]uint32{}, wordIDs: map[string]int{}} }

func (dc *dict) intern(t string) uint32 {
	id, ok := dc.ids[t]
	if !ok {
		id = uint32(len(dc.names))
		dc.ids[t] = id
		dc.names = append(dc.names, t)
	}
	return id
}

func (dc *dict) note(ws []string) []uint32 {
	out := make([]uint32, 0, len(ws))
	for _, w := range ws {
		k, ok := dc.wordIDs[w]
		if !ok {
			k = len(dc.words)
			dc.wordIDs[w] = k
			wd := word{stop: stopWords[w]}
			if !wd.stop {
				wd.term = dc.intern(Stem(w))
			}
			dc.words = append(dc.words, wd)
			dc.wordList = append(dc.wordList, w)
		}
		if dc.words[k].stop {
			continue
		}
		dc.words[k].uses++
		out = append(out, dc.words[k].term)
	}
	return out
}

// noteAll notes the words of a document's fields.
func (dc *dict) noteAll(w *[4][]string) fieldTerms {
	ft := fieldTerms{dc.note(w[0]), dc.note(w[1]), dc.note(w[2]), dc.note(w[3])}
	for f, terms := range [][]uint32{ft.title, ft.summary, ft.headings, ft.body} {
		dc.lens[f] += len(terms)
	}
	return ft
}

// tally works out one document's BM25F impacts, term by term.
type tally struct {
	tf      map[uint32]float64
	inTitle map[uint32]bool
}

func newTally() *tally { return &tally{tf: map[uint32]float64{}, inTitle: map[uint32]bool{}} }

// count tallies a document's terms, with phrase terms (pairs of
// neighbouring words in the title and summary) interned in dc.
func (t *tally) count(dc *dict, ft *fieldTerms, avg [4]float64) {
	clear(t.tf)
	clear(t.inTitle)
	add := func(terms []uint32, w float64, avgLen float64) {
		norm := 1 - bNorm + bNorm*float64(len(terms))/avgLen
		for _, id := range terms {
			t.tf[id] += w / norm
		}
	}
	add(ft.title, wTitle, avg[0])
	add(ft.summary, wSummary, avg[1])
	add(ft.headings, wHeadings, avg[2])
	add(ft.body, wBody, avg[3])
	for _, id := range ft.title {
		t.inTitle[id] = true
	}
	for si, seq := range [][]uint32{ft.title, ft.summary} {
		for j := 0; j+1 < len(seq); j++ {
			pair := dc.intern(dc.names[seq[j]] + " " + dc.names[seq[j+1]])
			t.tf[pair] += wSummary
			if si == 0 {
				t.inTitle[pair] = true
			}
		}
	}
}

// impacts yields the tallied terms with their quantised impacts.
func (t *tally) impacts() func(func(uint32, uint8) bool) {
	return func(yield func(uint32, uint8) bool) {
		for id, v := range t.tf {
			impact := uint8(math.Max(1, math.Round(127*v/(k1+v))))
			if t.inTitle[id] {
				impact |= titleBit
			}
			if !yield(id, impact) {
				return
			}
		}
	}
}

// setPhraseSurfaces gives each phrase term the surfaces of its words.
func setPhraseSurfaces(byTerm map[string]termData) {
	for t, td := range byTerm {
		a, b, ok := strings.Cut(t, " ")
		if !ok {
			continue
		}
		td.surface = byTerm[a].surface + " " + byTerm[b].surface
		byTerm[t] = td
	}
}

// EncodeMeta writes the meta file.
func EncodeMeta(m *Meta) []byte {
	j := metaJSON{Version: m.Version, N: m.N, Values: m.Values, Shards: m.Shards}
	var days, tl, scope strings.Builder
	prev := int32(0)
	for i := 0; i < m.N; i++ {
		if i > 0 {
			days.WriteByte(',')
		}
		if i == 0 {
			days.WriteString(strconv.FormatInt(int64(m.Days[i]), 36))
		} else {
			days.WriteString(strconv.FormatInt(int64(prev-m.Days[i]), 36))
		}
		prev = m.Days[i]
		tl.WriteByte(byte('0' + min(m.TitleLen[i], 60)))
		scope.WriteByte(byte('0' + m.Scope[i]))
	}
	j.Days, j.TitleLen, j.Scope = days.String(), tl.String(), scope.String()
	for f := range m.DocVals {
		var b strings.Builder
		for i, vals := range m.DocVals[f] {
			if i > 0 {
				b.WriteByte(',')
			}
			for k, v := range vals {
				if k > 0 {
					b.WriteByte('.')
				}
				b.WriteString(strconv.FormatUint(uint64(v), 36))
			}
		}
		j.DocVals = append(j.DocVals, b.String())
	}
	out, _ := json.Marshal(j)
	return out
}

// appendPostings writes postings as "delta:impact" pairs in base 36.
func appendPostings(b []byte, ps []Posting) []byte {
	prev := uint32(0)
	for i, p := range ps {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendUint(b, uint64(p.Doc-prev), 36)
		b = append(b, ':')
		b = strconv.AppendUint(b, uint64(p.Impact), 36)
		prev = p.Doc
	}
	return b
}
