//go:build !wasm

package search

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
)

// benchDocs makes n documents of generated text: words from a vocabulary
// of 20,000 drawn with Zipf's law, as in prose; bodies of 200 to 600
// words, and titles and summaries from the 500 commonest, whose pairs
// (phrase terms) repeat as a site's titles do.
func benchDocs(n int) []Doc {
	rng := rand.New(rand.NewPCG(5, 6))
	vocab := make([]string, 20000)
	for i := range vocab {
		vocab[i] = letters(i * 7919 % 100003) // a different word for each i
	}
	z := rand.NewZipf(rng, 1.1, 2, uint64(len(vocab)-1))
	text := func(k int, top uint64) string { return randomText(k, func() string { return vocab[z.Uint64()%top] }) }
	docs := make([]Doc, n)
	for i := range docs {
		docs[i] = Doc{Path: fmt.Sprintf("/p/%d", i), Title: text(6, 500), Summary: text(20, 500), Headings: []string{text(4, 2000), text(4, 2000)},
			Body: text(200+rng.IntN(400), 20000), Label: "Publication", Date: fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(16), 1+rng.IntN(12), 1+rng.IntN(28)),
			Facets: map[string][]string{"topic": {vocab[rng.IntN(50)]}}}
	}
	return docs
}

// BenchmarkBuild builds the index of 20,000 generated documents.
func BenchmarkBuild(b *testing.B) {
	docs := benchDocs(20000)
	for b.Loop() {
		if _, err := Build(docs); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUpdate updates the index of 20,000 generated documents for a
// publication (a document added as the newest of all, which renumbers
// every other) and an expiry (one removed).
func BenchmarkUpdate(b *testing.B) {
	docs := benchDocs(20001)
	prev, err := Build(docs[1:])
	if err != nil {
		b.Fatal(err)
	}
	added := docs[0]
	added.Date = "2030-01-01"
	for b.Loop() {
		if _, err := Update(context.Background(), prev, docs[1:2], []Doc{added}); err != nil {
			b.Fatal(err)
		}
	}
}
