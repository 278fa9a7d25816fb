package search

import (
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Limits on what a query may ask.
const (
	MaxQueryLength  = 256 // bytes of query text kept
	MaxWords        = 12  // words of the query used
	PerPage         = 10
	maxFilterValues = 30
	maxExpansions   = 24 // prefix expansions of the last word
	maxShardRange   = 4  // shards a prefix or typo search may pull in
)

// Query is a search as it stands in the URL.
type Query struct {
	Text    string
	Scope   string
	Filters map[string][]string // facet key → chosen values
	Sort    string              // "" for relevance, "date"
	Page    int                 // from 1

	noSuggest bool
}

// ParseQuery reads a query from URL values, accepting anything: text is
// cut to MaxQueryLength and made valid UTF-8, unknown scopes, sorts and
// facets are dropped, and a page that is not a positive number is page 1.
func ParseQuery(v url.Values) Query {
	q := Query{Page: 1, Filters: map[string][]string{}}
	text := strings.ToValidUTF8(v.Get("q"), "")
	text = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f {
			return ' '
		}
		return r
	}, text)
	if len(text) > MaxQueryLength {
		text = text[:MaxQueryLength]
		for !utf8.ValidString(text) {
			text = text[:len(text)-1]
		}
	}
	q.Text = strings.TrimLeft(text, " ")
	for _, s := range Scopes {
		if v.Get("scope") == s.Key {
			q.Scope = s.Key
		}
	}
	if v.Get("sort") == "date" {
		q.Sort = "date"
	}
	if p, err := strconv.Atoi(v.Get("page")); err == nil && p > 1 && p < 100000 {
		q.Page = p
	}
	for _, f := range Facets {
		seen := map[string]bool{}
		for _, val := range v[f.Key] {
			val = strings.TrimSpace(strings.ToValidUTF8(val, ""))
			if val == "" || len(val) > 100 || seen[val] || len(q.Filters[f.Key]) >= maxFilterValues {
				continue
			}
			seen[val] = true
			q.Filters[f.Key] = append(q.Filters[f.Key], val)
		}
	}
	return q
}

// Values writes the query back as URL values, in a stable order.
func (q Query) Values() url.Values {
	v := url.Values{}
	if t := strings.TrimSpace(q.Text); t != "" {
		v.Set("q", t)
	}
	if q.Scope != "" {
		v.Set("scope", q.Scope)
	}
	for _, f := range Facets {
		for _, val := range q.Filters[f.Key] {
			v.Add(f.Key, val)
		}
	}
	if q.Sort == "date" {
		v.Set("sort", "date")
	}
	if q.Page > 1 {
		v.Set("page", strconv.Itoa(q.Page))
	}
	return v
}

// With returns a copy of q changed by fn, back on page 1.
func (q Query) With(fn func(*Query)) Query {
	c := q
	c.Filters = map[string][]string{}
	for k, v := range q.Filters {
		c.Filters[k] = append([]string(nil), v...)
	}
	c.Page = 1
	fn(&c)
	return c
}

type queryWord struct {
	word, stem string
	prefix     bool // the last word, still being typed
}

func (q Query) words() []queryWord {
	ws := Words(q.Text)
	var out []queryWord
	for _, w := range ws {
		if stopWords[w] && len(ws) > 1 {
			continue
		}
		out = append(out, queryWord{word: w, stem: Stem(w)})
		if len(out) == MaxWords {
			break
		}
	}
	if n := len(out); n > 0 && !strings.HasSuffix(q.Text, " ") && len(out[n-1].word) >= 2 {
		out[n-1].prefix = true
	}
	return out
}

// ShardsFor lists the shards a query needs that are not loaded yet: those
// of its words, of neighbouring word pairs, and of words the last word may
// begin. Once they are loaded, TypoShardsFor says what a typo search needs.
func (ix *Index) ShardsFor(q Query) []int {
	need := map[int]bool{}
	words := q.words()
	for i, w := range words {
		need[ix.ShardOf(w.stem)] = true
		if w.prefix {
			ix.addRange(need, w.word, ix.ShardOf(w.word), 2)
		}
		if i+1 < len(words) {
			need[ix.ShardOf(w.stem+" "+words[i+1].stem)] = true
		}
	}
	return ix.missing(need)
}

// TypoShardsFor lists the shards still needed to look for words one typo
// away from the query's longer words that the index does not know (or
// hardly knows). Call it after the shards of ShardsFor are loaded.
func (ix *Index) TypoShardsFor(q Query) []int {
	need := map[int]bool{}
	for _, w := range q.words() {
		if len(w.word) >= 5 && len(ix.postings(w.stem)) < 3 {
			ix.addRange(need, w.word[:2], ix.ShardOf(w.stem), maxShardRange)
		}
	}
	return ix.missing(need)
}

// addRange adds the shards that may hold terms starting with prefix, at
// most limit of them, centred on around.
func (ix *Index) addRange(need map[int]bool, prefix string, around, limit int) {
	from, to := ix.shardRange(prefix)
	if to-from >= limit {
		from = max(from, around-limit/2)
		to = min(to, from+limit-1)
	}
	for i := from; i <= to; i++ {
		need[i] = true
	}
}

func (ix *Index) missing(need map[int]bool) []int {
	var out []int
	for i := range need {
		if i >= 0 && i < len(ix.loaded) && !ix.loaded[i] {
			out = append(out, i)
		}
	}
	sort.Ints(out)
	return out
}

// Result is one page of answers to a query.
type Result struct {
	Query      Query
	Total      int
	Page       int
	Pages      int
	Hits       []uint32 // document numbers of this page
	Facets     []FacetResult
	Suggestion string   // a query that would find more, or ""
	Marks      []string // words to mark in excerpts
	Prefix     string   // the last word, to mark by prefix
}

// FacetResult is one facet's values and their counts.
type FacetResult struct {
	Key, Name string
	Values    []ValueCount
}

// ValueCount is a facet value with the number of results it would give.
type ValueCount struct {
	Value    string
	Count    int
	Selected bool
}

type candidate struct {
	term   string
	weight float64
	exact  bool
}

func (ix *Index) idf(df int) float64 {
	n := float64(ix.N)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

func (ix *Index) postings(term string) []Posting { return ix.terms[term].postings }

// candidates lists the index terms a query word may match, with weights:
// the word's stem, words it begins (while it is being typed), and for
// longer words, terms one typo away when the word itself is rare.
func (ix *Index) candidates(w queryWord) []candidate {
	out := []candidate{{term: w.stem, weight: 1, exact: true}}
	if w.prefix {
		terms := ix.termsWithPrefix(w.word)
		sort.SliceStable(terms, func(a, b int) bool { return len(ix.postings(terms[a])) > len(ix.postings(terms[b])) })
		for _, t := range terms {
			if len(out) > maxExpansions {
				break
			}
			if t != w.stem && !strings.Contains(t, " ") {
				out = append(out, candidate{term: t, weight: 0.8})
			}
		}
	}
	if len(w.word) >= 5 && len(ix.postings(w.stem)) < 3 {
		for _, t := range ix.near(w) {
			out = append(out, candidate{term: t, weight: 0.6})
		}
	}
	return out
}

// near lists loaded terms one edit away from a word (or its stem).
func (ix *Index) near(w queryWord) []string {
	var out []string
	for _, t := range ix.termsWithPrefix(w.word[:2]) {
		if t == w.stem || strings.Contains(t, " ") || abs(len(t)-len(w.stem)) > 2 {
			continue
		}
		if withinOne(t, w.stem) || withinOne(ix.terms[t].surface, w.word) {
			out = append(out, t)
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// withinOne reports whether a and b are at most one edit apart (insert,
// delete, substitute, or swap of neighbours).
func withinOne(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := len(a), len(b)
	if abs(la-lb) > 1 {
		return false
	}
	i := 0
	for i < la && i < lb && a[i] == b[i] {
		i++
	}
	switch {
	case la == lb:
		if a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < la && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case la > lb:
		return a[i+1:] == b[i:]
	default:
		return a[i:] == b[i+1:]
	}
}

// Search answers q from the loaded shards.
func (ix *Index) Search(q Query) *Result {
	n := ix.N
	r := &Result{Query: q}
	words := q.words()

	// Which documents pass the scope and each facet's filter.
	scopeBit := uint8(0)
	for i, s := range Scopes[1:] {
		if q.Scope == s.Key {
			scopeBit = 1 << i
		}
	}
	// chosen[f][v] says value v of facet f is selected; nil when facet f
	// has no selection.
	chosen := make([][]bool, len(Facets))
	for f, fc := range Facets {
		if len(q.Filters[fc.Key]) == 0 {
			continue
		}
		chosen[f] = make([]bool, len(ix.Values[f]))
		for _, v := range q.Filters[fc.Key] {
			for id, name := range ix.Values[f] {
				if name == v {
					chosen[f][id] = true
				}
			}
		}
	}
	// fails returns the set of facets (as bits) whose filter d does not
	// pass, with bit 31 for the scope.
	fails := func(d int) uint32 {
		var out uint32
		if scopeBit != 0 && ix.Scope[d]&scopeBit == 0 {
			out |= 1 << 31
		}
		for f := range Facets {
			if chosen[f] == nil {
				continue
			}
			ok := false
			for _, v := range ix.DocVals[f][d] {
				if chosen[f][v] {
					ok = true
					break
				}
			}
			if !ok {
				out |= 1 << f
			}
		}
		return out
	}

	// Score the text.
	var matches []uint32
	var scores []float32
	if len(words) == 0 {
		matches = make([]uint32, n)
		for i := range matches {
			matches[i] = uint32(i)
		}
	} else {
		total := make([]float32, n)
		count := make([]uint8, n)
		titleHits := make([]uint8, n)
		best := make([]float32, n)
		bestTitle := make([]bool, n)
		for _, w := range words {
			var touched []uint32
			for _, c := range ix.candidates(w) {
				ps := ix.postings(c.term)
				if len(ps) == 0 {
					continue
				}
				idf := ix.idf(len(ps))
				for _, p := range ps {
					s := float32(idf * float64(p.Impact&^titleBit) / 127 * c.weight)
					if best[p.Doc] == 0 {
						touched = append(touched, p.Doc)
					}
					if s > best[p.Doc] {
						best[p.Doc] = s
					}
					if c.exact && p.Impact&titleBit != 0 {
						bestTitle[p.Doc] = true
					}
				}
			}
			for _, d := range touched {
				total[d] += best[d]
				count[d]++
				if bestTitle[d] {
					titleHits[d]++
				}
				best[d], bestTitle[d] = 0, false
			}
		}
		// Phrases: neighbouring query words side by side in a title or summary.
		for i := 0; i+1 < len(words); i++ {
			ps := ix.postings(words[i].stem + " " + words[i+1].stem)
			idf := ix.idf(len(ps))
			for _, p := range ps {
				total[p.Doc] += float32(1.5 * idf * float64(p.Impact&^titleBit) / 127)
			}
		}
		for d := 0; d < n; d++ {
			if int(count[d]) == len(words) {
				s := total[d]
				if int(titleHits[d]) == len(words) && int(ix.TitleLen[d]) == len(words) {
					s *= 2.5 // the query is the title
				}
				matches = append(matches, uint32(d))
				scores = append(scores, s)
			}
		}
	}

	// Facet counts, each with the other facets' filters applied.
	failed := make([]uint32, len(matches))
	for i, d := range matches {
		failed[i] = fails(int(d))
	}
	for f, fc := range Facets {
		counts := make([]int, len(ix.Values[f]))
		for i, d := range matches {
			if failed[i]&^(1<<f) != 0 {
				continue
			}
			for _, v := range ix.DocVals[f][d] {
				counts[v]++
			}
		}
		fr := FacetResult{Key: fc.Key, Name: fc.Name}
		for id, name := range ix.Values[f] {
			sel := chosen[f] != nil && chosen[f][id]
			if counts[id] > 0 || sel {
				fr.Values = append(fr.Values, ValueCount{Value: name, Count: counts[id], Selected: sel})
			}
		}
		sort.SliceStable(fr.Values, func(a, b int) bool {
			va, vb := fr.Values[a], fr.Values[b]
			if fc.Key == "year" {
				return va.Value > vb.Value
			}
			if va.Count != vb.Count {
				return va.Count > vb.Count
			}
			return va.Value < vb.Value
		})
		r.Facets = append(r.Facets, fr)
	}

	// Filter, then take the page: by date (document order) or by score,
	// keeping only the best page*PerPage in order.
	var kept []hit
	for i, d := range matches {
		if failed[i] == 0 {
			h := hit{doc: d}
			if scores != nil {
				h.score = scores[i]
			}
			kept = append(kept, h)
		}
	}
	r.Total = len(kept)
	r.Pages = max(1, (r.Total+PerPage-1)/PerPage)
	r.Page = min(max(q.Page, 1), r.Pages)
	if q.Sort != "date" && len(words) > 0 {
		kept = topHits(kept, r.Page*PerPage)
	}
	for _, h := range kept[min((r.Page-1)*PerPage, len(kept)):min(r.Page*PerPage, len(kept))] {
		r.Hits = append(r.Hits, h.doc)
	}
	for _, w := range words {
		r.Marks = append(r.Marks, w.stem)
		if w.prefix {
			r.Prefix = w.word
		}
	}
	if len(words) > 0 && r.Total < 3 && !q.noSuggest {
		r.Suggestion = ix.suggest(q, words, r.Total)
	}
	return r
}

type hit struct {
	doc   uint32
	score float32
}

// better orders hits by score, then newer (lower number) first.
func better(a, b hit) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return a.doc < b.doc
}

// topHits returns the best k hits, best first, without sorting them all.
func topHits(hits []hit, k int) []hit {
	if k >= len(hits) {
		sort.Slice(hits, func(a, b int) bool { return better(hits[a], hits[b]) })
		return hits
	}
	// A min-heap of the best k seen so far: the worst of them at the top.
	h := append([]hit(nil), hits[:k]...)
	down := func(i int) {
		for {
			l, small := 2*i+1, i
			if l < k && better(h[small], h[l]) {
				small = l
			}
			if l+1 < k && better(h[small], h[l+1]) {
				small = l + 1
			}
			if small == i {
				return
			}
			h[i], h[small] = h[small], h[i]
			i = small
		}
	}
	for i := k/2 - 1; i >= 0; i-- {
		down(i)
	}
	for _, x := range hits[k:] {
		if better(x, h[0]) {
			h[0] = x
			down(0)
		}
	}
	sort.Slice(h, func(a, b int) bool { return better(h[a], h[b]) })
	return h
}

// suggest offers the query with each word replaced by a commoner word one
// typo away, when that finds more.
func (ix *Index) suggest(q Query, words []queryWord, found int) string {
	changed := false
	var out []string
	for _, w := range words {
		best, bestDF := w.word, len(ix.postings(w.stem))
		if len(w.word) >= 4 {
			for _, t := range ix.near(w) {
				if df := len(ix.postings(t)); df > bestDF*2 && df > 0 {
					best, bestDF = ix.terms[t].surface, df
				}
			}
		}
		if best != w.word {
			changed = true
		}
		out = append(out, best)
	}
	if !changed {
		return ""
	}
	s := strings.Join(out, " ")
	alt := q.With(func(c *Query) { c.Text = s + " " })
	if ix.Search(withoutSuggestion(alt)).Total <= found {
		return ""
	}
	return s
}

// withoutSuggestion marks a query so that searching it does not suggest again.
func withoutSuggestion(q Query) Query { q.noSuggest = true; return q }
