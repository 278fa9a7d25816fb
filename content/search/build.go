//go:build !wasm

package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

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
	Meta      []byte
	Shards    []string
	Fragments [][]byte
	Index     *Index // the same index, decoded, for the server
}

// Field weights for BM25F: title above summary above headings above body.
const (
	wTitle, wSummary, wHeadings, wBody = 8.0, 4.0, 2.0, 1.0
	k1, bNorm                          = 1.2, 0.75
	shardBytes                         = 24 << 10 // aim for shards of about this size
	maxFragmentText                    = 6000
)

// Build indexes docs. Documents are numbered newest first.
func Build(docs []Doc) (*Built, error) { return BuildContext(context.Background(), docs) }

// BuildContext is Build that gives up, with ctx's error, once ctx is done.
func BuildContext(ctx context.Context, docs []Doc) (*Built, error) {
	docs = append([]Doc(nil), docs...)
	sort.SliceStable(docs, func(i, j int) bool {
		if docs[i].Date != docs[j].Date {
			return docs[i].Date > docs[j].Date
		}
		return docs[i].Path < docs[j].Path
	})
	n := len(docs)
	meta := Meta{N: n, Days: make([]int32, n), TitleLen: make([]uint8, n), Scope: make([]uint8, n),
		Values: make([][]string, len(Facets)), DocVals: make([][][]uint16, len(Facets))}
	valueIndex := make([]map[string]uint16, len(Facets))
	for f := range Facets {
		valueIndex[f] = map[string]uint16{}
		meta.DocVals[f] = make([][]uint16, n)
	}

	// Every document's terms are kept until the postings are made: as
	// numbers into one list of terms (4 bytes a word instead of a string
	// each), which at 20,000 documents is hundreds of megabytes less.
	ids := map[string]uint32{}
	var names []string
	intern := func(t string) uint32 {
		id, ok := ids[t]
		if !ok {
			id = uint32(len(names))
			ids[t] = id
			names = append(names, t)
		}
		return id
	}
	// Each distinct word is looked at once: whether it is a stop word,
	// and its term, interned where the word first comes (which is where
	// its term first comes, so terms are numbered as before). A word's
	// uses are counted to choose the form a term is shown as (surfaces).
	type word struct {
		term uint32
		stop bool
		uses int
	}
	wordIDs := map[string]int{}
	var words []word
	var wordList []string
	note := func(ws []string) []uint32 {
		out := make([]uint32, 0, len(ws))
		for _, w := range ws {
			k, ok := wordIDs[w]
			if !ok {
				k = len(words)
				wordIDs[w] = k
				wd := word{stop: stopWords[w]}
				if !wd.stop {
					wd.term = intern(Stem(w))
				}
				words = append(words, wd)
				wordList = append(wordList, w)
			}
			if words[k].stop {
				continue
			}
			words[k].uses++
			out = append(out, words[k].term)
		}
		return out
	}
	type fieldTerms struct{ title, summary, headings, body []uint32 }
	fields := make([]fieldTerms, n)
	var avg [4]float64
	// Splitting text into words is most of the work and needs nothing
	// shared: it runs on every core, a batch of documents at a time (the
	// words of all 20,000 at once would be hundreds of megabytes), and
	// the words are numbered in document order, as one loop would.
	const batch = 512
	split := make([][4][]string, batch)
	for from := 0; from < n; from += batch {
		to := min(from+batch, n)
		if err := par.For(ctx, to-from, func(k int) {
			d := docs[from+k]
			split[k] = [4][]string{Words(d.Title), Words(d.Summary), Words(strings.Join(d.Headings, " ")), Words(d.Body)}
		}); err != nil {
			return nil, err
		}
		for i := from; i < to; i++ {
			d := docs[i]
			t, err := time.Parse("2006-01-02", d.Date)
			if err != nil {
				return nil, errors.New("search: document " + d.Path + " has no date")
			}
			meta.Days[i] = int32(t.Unix() / 86400)
			w := &split[i-from]
			ft := fieldTerms{note(w[0]), note(w[1]), note(w[2]), note(w[3])}
			*w = [4][]string{}
			fields[i] = ft
			meta.TitleLen[i] = uint8(min(len(ft.title), 255))
			avg[0] += float64(len(ft.title))
			avg[1] += float64(len(ft.summary))
			avg[2] += float64(len(ft.headings))
			avg[3] += float64(len(ft.body))
			for s, sc := range Scopes[1:] {
				if d.Scope == sc.Key {
					meta.Scope[i] |= 1 << s
				}
			}
			facets := map[string][]string{"type": {d.Label}, "year": {d.Date[:4]}}
			for k, v := range d.Facets {
				facets[k] = append(facets[k], v...)
			}
			for f, fc := range Facets {
				for _, v := range facets[fc.Key] {
					id, ok := valueIndex[f][v]
					if !ok {
						id = uint16(len(meta.Values[f]))
						valueIndex[f][v] = id
						meta.Values[f] = append(meta.Values[f], v)
					}
					meta.DocVals[f][i] = append(meta.DocVals[f][i], id)
				}
			}
		}
	}
	surfaces := map[string]map[string]int{}
	for k, wd := range words {
		if wd.stop || wd.uses == 0 {
			continue
		}
		t := names[wd.term]
		if surfaces[t] == nil {
			surfaces[t] = map[string]int{}
		}
		surfaces[t][wordList[k]] = wd.uses
	}
	wordIDs, words, wordList, split = nil, nil, nil, nil
	for k := range avg {
		avg[k] = math.Max(avg[k]/math.Max(float64(n), 1), 1)
	}

	// Postings with BM25F impacts, by term number.
	var postings [][]Posting
	tf := map[uint32]float64{}
	inTitle := map[uint32]bool{}
	for i, ft := range fields {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		clear(tf)
		clear(inTitle)
		add := func(terms []uint32, w float64, avgLen float64) {
			norm := 1 - bNorm + bNorm*float64(len(terms))/avgLen
			for _, t := range terms {
				tf[t] += w / norm
			}
		}
		add(ft.title, wTitle, avg[0])
		add(ft.summary, wSummary, avg[1])
		add(ft.headings, wHeadings, avg[2])
		add(ft.body, wBody, avg[3])
		for _, t := range ft.title {
			inTitle[t] = true
		}
		// Phrase terms: pairs of neighbouring words in the title and summary.
		for si, seq := range [][]uint32{ft.title, ft.summary} {
			for j := 0; j+1 < len(seq); j++ {
				pair := intern(names[seq[j]] + " " + names[seq[j+1]])
				tf[pair] += wSummary
				if si == 0 {
					inTitle[pair] = true
				}
			}
		}
		fields[i] = fieldTerms{} // done with: let it go
		if len(names) > len(postings) {
			postings = append(postings, make([][]Posting, len(names)-len(postings))...)
		}
		for t, v := range tf {
			impact := uint8(math.Max(1, math.Round(127*v/(k1+v))))
			if inTitle[t] {
				impact |= titleBit
			}
			postings[t] = append(postings[t], Posting{Doc: uint32(i), Impact: impact})
		}
	}
	fields, ids = nil, nil

	// Shards: terms in order, cut when a shard reaches its size.
	terms := make([]uint32, 0, len(postings))
	for t, ps := range postings {
		if len(ps) > 0 {
			terms = append(terms, uint32(t))
		}
	}
	slices.SortFunc(terms, func(a, b uint32) int { return strings.Compare(names[a], names[b]) })
	var shards []string
	var cur strings.Builder
	for _, id := range terms {
		t := names[id]
		if cur.Len() == 0 {
			meta.Shards = append(meta.Shards, t)
		}
		cur.WriteString(t + "\t" + surfaceOf(t, surfaces) + "\t" + encodePostings(postings[id]) + "\n")
		postings[id] = nil
		if cur.Len() >= shardBytes {
			shards = append(shards, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		shards = append(shards, cur.String())
	}

	b := &Built{Shards: shards, Fragments: make([][]byte, n)}
	if err := par.For(ctx, n, func(i int) {
		d := docs[i]
		text := strings.Join(append(append([]string{}, d.Headings...), d.Body), " \u2029 ")
		if len(text) > maxFragmentText {
			text = text[:maxFragmentText]
		}
		b.Fragments[i], _ = json.Marshal(Fragment{Path: d.Path, Title: d.Title, Summary: d.Summary, Label: d.Label, Date: d.Date, Text: strings.ToValidUTF8(text, "")})
	}); err != nil {
		return nil, err
	}
	h := sha256.New()
	for _, s := range shards {
		h.Write([]byte(s))
	}
	for _, f := range b.Fragments {
		h.Write(f)
	}
	meta.Version = hex.EncodeToString(h.Sum(nil))[:12]
	b.Meta = EncodeMeta(&meta)

	decoded, err := DecodeMeta(b.Meta)
	if err != nil {
		return nil, err
	}
	ix := NewIndex(*decoded)
	for i, s := range shards {
		if err := ix.AddShard(i, s); err != nil {
			return nil, err
		}
	}
	b.Index = ix
	return b, nil
}

// surfaceOf is the word a term was most often made from, for suggestions.
func surfaceOf(term string, surfaces map[string]map[string]int) string {
	if strings.Contains(term, " ") {
		parts := strings.Split(term, " ")
		for i, p := range parts {
			parts[i] = surfaceOf(p, surfaces)
		}
		return strings.Join(parts, " ")
	}
	best, n := term, 0
	for w, c := range surfaces[term] {
		if c > n || c == n && w < best {
			best, n = w, c
		}
	}
	return best
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

// encodePostings writes postings as "delta:impact" pairs in base 36.
func encodePostings(ps []Posting) string {
	var b strings.Builder
	prev := uint32(0)
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(strconv.FormatUint(uint64(p.Doc-prev), 36))
		b.WriteByte(':')
		b.WriteString(strconv.FormatUint(uint64(p.Impact), 36))
		prev = p.Doc
	}
	return b.String()
}
