package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"

	"github.com/tidwall/gjson"
	"math"
	"sort"
	"strconv"
	"strings"
	"time"
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

// Fragment is what a result shows of a document.
type Fragment struct {
	Path    string `json:"path"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Label   string `json:"label"`
	Date    string `json:"date"`
	Text    string `json:"text"` // headings and body, for excerpts
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

	type fieldTerms struct{ title, summary, headings, body []string }
	fields := make([]fieldTerms, n)
	var avg [4]float64
	surfaces := map[string]map[string]int{}
	note := func(text string) []string {
		words := Words(text)
		out := make([]string, 0, len(words))
		for _, w := range words {
			if stopWords[w] {
				continue
			}
			t := Stem(w)
			if surfaces[t] == nil {
				surfaces[t] = map[string]int{}
			}
			surfaces[t][w]++
			out = append(out, t)
		}
		return out
	}
	for i, d := range docs {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		t, err := time.Parse("2006-01-02", d.Date)
		if err != nil {
			return nil, errors.New("search: document " + d.Path + " has no date")
		}
		meta.Days[i] = int32(t.Unix() / 86400)
		ft := fieldTerms{note(d.Title), note(d.Summary), note(strings.Join(d.Headings, " ")), note(d.Body)}
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
	for k := range avg {
		avg[k] = math.Max(avg[k]/math.Max(float64(n), 1), 1)
	}

	// Postings with BM25F impacts.
	postings := map[string][]Posting{}
	for i, ft := range fields {
		if i%512 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		tf := map[string]float64{}
		inTitle := map[string]bool{}
		add := func(terms []string, w float64, avgLen float64) {
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
		for si, seq := range [][]string{ft.title, ft.summary} {
			for j := 0; j+1 < len(seq); j++ {
				pair := seq[j] + " " + seq[j+1]
				tf[pair] += wSummary
				if si == 0 {
					inTitle[pair] = true
				}
			}
		}
		for t, v := range tf {
			impact := uint8(math.Max(1, math.Round(127*v/(k1+v))))
			if inTitle[t] {
				impact |= titleBit
			}
			postings[t] = append(postings[t], Posting{Doc: uint32(i), Impact: impact})
		}
	}

	// Shards: terms in order, cut when a shard reaches its size.
	terms := make([]string, 0, len(postings))
	for t := range postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	var shards []string
	var cur strings.Builder
	for _, t := range terms {
		if cur.Len() == 0 {
			meta.Shards = append(meta.Shards, t)
		}
		cur.WriteString(t + "\t" + surfaceOf(t, surfaces) + "\t" + encodePostings(postings[t]) + "\n")
		if cur.Len() >= shardBytes {
			shards = append(shards, cur.String())
			cur.Reset()
		}
	}
	if cur.Len() > 0 {
		shards = append(shards, cur.String())
	}

	b := &Built{Shards: shards}
	for _, d := range docs {
		text := strings.Join(append(append([]string{}, d.Headings...), d.Body), " \u2029 ")
		if len(text) > maxFragmentText {
			text = text[:maxFragmentText]
		}
		fr, _ := json.Marshal(Fragment{Path: d.Path, Title: d.Title, Summary: d.Summary, Label: d.Label, Date: d.Date, Text: strings.ToValidUTF8(text, "")})
		b.Fragments = append(b.Fragments, fr)
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

// DecodeFragment reads a fragment file.
func DecodeFragment(data []byte) (Fragment, error) {
	if !gjson.ValidBytes(data) {
		return Fragment{}, errors.New("search: bad fragment")
	}
	j := gjson.ParseBytes(data)
	return Fragment{Path: j.Get("path").String(), Title: j.Get("title").String(), Summary: j.Get("summary").String(),
		Label: j.Get("label").String(), Date: j.Get("date").String(), Text: j.Get("text").String()}, nil
}

// Fragment returns what results show of document i.
func (b *Built) Fragment(i uint32) Fragment {
	if int(i) >= len(b.Fragments) {
		return Fragment{}
	}
	f, _ := DecodeFragment(b.Fragments[i])
	return f
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

// metaJSON is the meta file: small columns of text, quick to parse.
type metaJSON struct {
	Version  string     `json:"v"`
	N        int        `json:"n"`
	Days     string     `json:"days"`
	TitleLen string     `json:"tl"`
	Scope    string     `json:"scope"`
	Values   [][]string `json:"values"`
	DocVals  []string   `json:"docs"`
	Shards   []string   `json:"shards"`
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

// DecodeMeta reads the meta file.
func DecodeMeta(data []byte) (*Meta, error) {
	if !gjson.ValidBytes(data) {
		return nil, errors.New("search: the meta file is not JSON")
	}
	g := gjson.ParseBytes(data)
	j := metaJSON{Version: g.Get("v").String(), N: int(g.Get("n").Int()), Days: g.Get("days").String(),
		TitleLen: g.Get("tl").String(), Scope: g.Get("scope").String()}
	for _, vals := range g.Get("values").Array() {
		list := []string{}
		for _, v := range vals.Array() {
			list = append(list, v.String())
		}
		j.Values = append(j.Values, list)
	}
	for _, d := range g.Get("docs").Array() {
		j.DocVals = append(j.DocVals, d.String())
	}
	for _, sh := range g.Get("shards").Array() {
		j.Shards = append(j.Shards, sh.String())
	}
	if j.N < 0 || j.N > 10_000_000 {
		return nil, errors.New("search: bad document count in the meta file")
	}
	bad := errors.New("search: meta file columns do not match its document count")
	m := &Meta{Version: j.Version, N: j.N, Values: j.Values, Shards: j.Shards,
		Days: make([]int32, j.N), TitleLen: make([]uint8, j.N), Scope: make([]uint8, j.N)}
	if len(j.TitleLen) != j.N || len(j.Scope) != j.N || len(j.DocVals) != len(Facets) || len(j.Values) != len(Facets) {
		return nil, bad
	}
	if j.N > 0 {
		days := strings.Split(j.Days, ",")
		if len(days) != j.N {
			return nil, bad
		}
		var prev int64
		for i, d := range days {
			v, err := strconv.ParseInt(d, 36, 64)
			if err != nil {
				return nil, bad
			}
			if i > 0 {
				v = prev - v
			}
			m.Days[i] = int32(v)
			prev = v
		}
	}
	for i := 0; i < j.N; i++ {
		m.TitleLen[i] = j.TitleLen[i] - '0'
		m.Scope[i] = j.Scope[i] - '0'
	}
	m.DocVals = make([][][]uint16, len(Facets))
	for f, col := range j.DocVals {
		m.DocVals[f] = make([][]uint16, j.N)
		if j.N == 0 {
			continue
		}
		docs := strings.Split(col, ",")
		if len(docs) != j.N {
			return nil, bad
		}
		for i, d := range docs {
			if d == "" {
				continue
			}
			for _, v := range strings.Split(d, ".") {
				x, err := strconv.ParseUint(v, 36, 16)
				if err != nil || int(x) >= len(m.Values[f]) {
					return nil, bad
				}
				m.DocVals[f][i] = append(m.DocVals[f][i], uint16(x))
			}
		}
	}
	return m, nil
}
