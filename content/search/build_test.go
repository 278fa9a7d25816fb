//go:build !wasm

package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestShardsCountEveryWord builds an index of more documents than one
// batch of word splitting holds, and checks each term's line in the
// shards against the documents: one posting for each document that has
// the term, and as its surface the form used most (the alphabetically
// first on a tie). No stop word is a term.
func TestShardsCountEveryWord(t *testing.T) {
	forms := []string{"screen", "screens", "screening", "screened", "record", "records", "recorded",
		"service", "services", "data", "nhs", "the", "and", "of", "register", "registered", "registering"}
	rng := rand.New(rand.NewPCG(1, 2))
	text := func(n int) string {
		ws := make([]string, n)
		for i := range ws {
			ws[i] = forms[rng.IntN(len(forms))]
		}
		return strings.Join(ws, " ")
	}
	var docs []Doc
	for i := range 1300 {
		docs = append(docs, Doc{
			Path: fmt.Sprintf("/p/%d", i), Title: text(3), Summary: text(6), Headings: []string{text(2)},
			Body: text(1 + rng.IntN(40)), Label: "Publication", Date: fmt.Sprintf("20%02d-01-%02d", 10+i%15, 1+i%28),
		})
	}
	// What the shards should say, counted plainly.
	uses := map[string]map[string]int{} // term → form → uses
	in := map[string]map[string]bool{}  // term → paths of the documents with it
	for _, d := range docs {
		for _, w := range Words(strings.Join([]string{d.Title, d.Summary, d.Headings[0], d.Body}, " ")) {
			if stopWords[w] {
				continue
			}
			term := Stem(w)
			if uses[term] == nil {
				uses[term], in[term] = map[string]int{}, map[string]bool{}
			}
			uses[term][w]++
			in[term][d.Path] = true
		}
	}

	b, err := Build(docs)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, shard := range b.Shards {
		for line := range strings.Lines(shard) {
			f := strings.Split(strings.TrimSuffix(line, "\n"), "\t")
			if len(f) != 3 {
				t.Fatalf("shard line %q: want term, surface and postings", line)
			}
			term, surface, postings := f[0], f[1], strings.Fields(f[2])
			if strings.Contains(term, " ") {
				continue // a phrase of two terms
			}
			if stopWords[term] {
				t.Errorf("stop word %q is a term", term)
			}
			want, ok := uses[term]
			if !ok {
				t.Errorf("term %q is in no document", term)
				continue
			}
			seen[term] = true
			best, n := "", 0
			for w, c := range want {
				if c > n || c == n && w < best {
					best, n = w, c
				}
			}
			if surface != best {
				t.Errorf("term %q shows as %q, want %q (uses %v)", term, surface, best, want)
			}
			if len(postings) != len(in[term]) {
				t.Errorf("term %q has %d postings, want %d", term, len(postings), len(in[term]))
			}
		}
	}
	for term := range uses {
		if !seen[term] {
			t.Errorf("term %q is in no shard", term)
		}
	}
}
