package search

import (
	"errors"
	"sort"
	"strconv"
	"strings"
)

// Facet is one of the ways results can be narrowed.
type Facet struct{ Key, Name string }

// Facets are the filters of the search page, as on the original site.
var Facets = []Facet{
	{"type", "Document type"},
	{"year", "Publication year"},
	{"status", "Publication status"},
	{"topic", "Topic"},
	{"info", "Information type"},
	{"coverage", "Geographical coverage"},
	{"granularity", "Geographical granularity"},
}

// Scopes are the tabs above the results.
var Scopes = []struct{ Key, Name string }{
	{"", "All"}, {"data", "Data and information"}, {"services", "Services"}, {"news", "News and events"},
}

// Posting says that a term occurs in a document, and how strongly: Impact
// 1..127 is its BM25F weight in the document, quantised; the high bit says
// the term is in the title.
type Posting struct {
	Doc    uint32
	Impact uint8
}

const titleBit = 0x80

// Meta is the part of the index every query needs: one entry per document
// (documents are numbered newest first, so date order is number order),
// the facet values, and where the terms are.
type Meta struct {
	Version  string
	N        int
	Days     []int32    // publication date, days since 1970
	TitleLen []uint8    // number of terms in the title
	Scope    []uint8    // bit set of Scopes[1:]
	Values   [][]string // per facet: its values
	DocVals  [][][]uint16
	Shards   []string // first term of each shard, sorted
}

// Index answers queries. On the server every shard is loaded; in the
// browser shards are added as queries need them.
type Index struct {
	Meta
	terms  map[string]termData
	sorted []string // loaded terms, sorted
	loaded []bool
	dirty  bool
}

type termData struct {
	surface  string // the most common word this term was made from
	postings []Posting
}

// ShardOf returns the shard that holds term.
func (m *Meta) ShardOf(term string) int {
	i := sort.SearchStrings(m.Shards, term)
	if i < len(m.Shards) && m.Shards[i] == term {
		return i
	}
	if i == 0 {
		return 0
	}
	return i - 1
}

// shardRange returns the shards that may hold terms starting with prefix.
func (m *Meta) shardRange(prefix string) (int, int) {
	return m.ShardOf(prefix), m.ShardOf(prefix + "\uffff")
}

// NewIndex makes an index from its meta data, with no shard loaded.
func NewIndex(m Meta) *Index {
	return &Index{Meta: m, terms: map[string]termData{}, loaded: make([]bool, len(m.Shards))}
}

// AddShard loads shard i from its encoded form.
func (ix *Index) AddShard(i int, data string) error {
	if i < 0 || i >= len(ix.loaded) {
		return errors.New("search: no such shard")
	}
	if ix.loaded[i] {
		return nil
	}
	for _, line := range strings.Split(data, "\n") {
		if line == "" {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			return errors.New("search: bad shard line")
		}
		ps, err := decodePostings(parts[2])
		if err != nil {
			return err
		}
		ix.terms[parts[0]] = termData{surface: parts[1], postings: ps}
		ix.sorted = append(ix.sorted, parts[0])
	}
	ix.loaded[i] = true
	ix.dirty = true
	return nil
}

func (ix *Index) sortTerms() {
	if ix.dirty {
		sort.Strings(ix.sorted)
		ix.dirty = false
	}
}

// termsWithPrefix lists loaded terms starting with prefix.
func (ix *Index) termsWithPrefix(prefix string) []string {
	ix.sortTerms()
	i := sort.SearchStrings(ix.sorted, prefix)
	var out []string
	for ; i < len(ix.sorted) && strings.HasPrefix(ix.sorted[i], prefix); i++ {
		out = append(out, ix.sorted[i])
	}
	return out
}

func decodePostings(s string) ([]Posting, error) {
	fields := strings.Fields(s)
	out := make([]Posting, 0, len(fields))
	doc := uint64(0)
	for _, f := range fields {
		d, imp, ok := strings.Cut(f, ":")
		if !ok {
			return nil, errors.New("search: bad posting")
		}
		dv, err1 := strconv.ParseUint(d, 36, 32)
		iv, err2 := strconv.ParseUint(imp, 36, 8)
		if err1 != nil || err2 != nil {
			return nil, errors.New("search: bad posting number")
		}
		doc += dv
		out = append(out, Posting{Doc: uint32(doc), Impact: uint8(iv)})
	}
	return out, nil
}
