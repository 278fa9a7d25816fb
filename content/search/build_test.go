//go:build !wasm

package search

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
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
	text := func(n int) string { return randomText(n, func() string { return forms[rng.IntN(len(forms))] }) }
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

// TestUpdateIsBuild changes a random index again and again (documents
// added, removed and edited, old and new dates) and checks that each
// Update makes what a full Build of the same documents makes: the same
// meta file, shards, version and fragments, and the same answers.
func TestUpdateIsBuild(t *testing.T) {
	vocab := strings.Fields("screen screens screening screened record records recorded service services data nhs " +
		"the and of register registered registering digital patient patients care health hospital waiting list " +
		"statistics monthly annual report reports england workforce prescribing dental mental")
	rng := rand.New(rand.NewPCG(3, 4))
	text := func(n int) string { return randomText(n, func() string { return vocab[rng.IntN(len(vocab))] }) }
	next := 0
	newDoc := func() Doc {
		next++
		// A word of its own in each title: a term that an edit removes
		// and adds again.
		return Doc{Path: fmt.Sprintf("/p/%d", next), Title: "own" + letters(next) + " " + text(3+rng.IntN(3)), Summary: text(10 + rng.IntN(5)),
			Headings: []string{text(3)}, Body: text(80 + rng.IntN(40)), Label: []string{"Publication", "News", "Service"}[rng.IntN(3)],
			Date:   fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(16), 1+rng.IntN(12), 1+rng.IntN(28)),
			Facets: map[string][]string{"topic": {vocab[rng.IntN(len(vocab))]}}, Scope: []string{"", "data", "news"}[rng.IntN(3)]}
	}
	docs := map[string]Doc{}
	for range 400 {
		d := newDoc()
		docs[d.Path] = d
	}
	all := func() []Doc {
		var out []Doc
		for _, d := range docs {
			out = append(out, d)
		}
		return out
	}
	prev, err := Build(all())
	if err != nil {
		t.Fatal(err)
	}
	updated, rebuilt := 0, 0
	for step := range 60 {
		var removed, added []Doc
		paths := slices.Sorted(maps.Keys(docs))
		for range rng.IntN(4) { // some go, some are edited
			k := rng.IntN(len(paths))
			d := docs[paths[k]]
			paths = slices.Delete(paths, k, k+1)
			removed = append(removed, d)
			delete(docs, d.Path)
			if rng.IntN(2) == 0 {
				e := newDoc()
				e.Path = d.Path
				if rng.IntN(2) == 0 {
					e.Date = d.Date
				}
				if rng.IntN(2) == 0 {
					e.Title = d.Title
				}
				added = append(added, e)
			}
		}
		for range rng.IntN(3) {
			added = append(added, newDoc())
		}
		if step%7 == 0 { // newest of all, as a publication due now is
			d := newDoc()
			d.Date = "2027-01-01"
			added = append(added, d)
		}
		if step == 30 { // long documents: the average body grows
			for range 20 {
				d := newDoc()
				d.Body = text(1000)
				added = append(added, d)
			}
		}
		for _, d := range added {
			docs[d.Path] = d
		}
		want, err := Build(all())
		if err != nil {
			t.Fatal(err)
		}
		got, err := Update(context.Background(), prev, removed, added)
		if errors.Is(err, ErrAverages) {
			rebuilt++
			prev = want
			continue
		}
		if err != nil {
			t.Fatalf("step %d: %v", step, err)
		}
		updated++
		if string(got.Meta) != string(want.Meta) {
			t.Fatalf("step %d: meta files differ:\n%s\n%s", step, got.Meta, want.Meta)
		}
		if !slices.Equal(got.Shards, want.Shards) {
			for i := range min(len(got.Shards), len(want.Shards)) {
				if got.Shards[i] != want.Shards[i] {
					t.Fatalf("step %d: shard %d differs:\n%.2000s\n%.2000s", step, i, got.Shards[i], want.Shards[i])
				}
			}
			t.Fatalf("step %d: %d shards, want %d", step, len(got.Shards), len(want.Shards))
		}
		for j, f := range got.Fragments {
			if got.Kept[j] >= 0 {
				f = prev.Fragments[got.Kept[j]]
			}
			if string(f) != string(want.Fragments[j]) {
				t.Fatalf("step %d: fragment %d is %s, want %s", step, j, f, want.Fragments[j])
			}
		}
		for _, q := range []Query{{Text: "screening"}, {Text: "nhs data"}, {Text: "registr"}, {Text: "care", Sort: "date"},
			{Text: "patients waitng"}, {Text: "", Filters: map[string][]string{"topic": {"dental"}}}} {
			q.Page = 1
			g, w := got.Index.Search(q), want.Index.Search(q)
			if g.Total != w.Total || !slices.Equal(g.Hits, w.Hits) || g.Suggestion != w.Suggestion {
				t.Fatalf("step %d: %+v answers %d %v %q, want %d %v %q", step, q, g.Total, g.Hits, g.Suggestion, w.Total, w.Hits, w.Suggestion)
			}
		}
		// The fragments an Update leaves to the index before it: carry
		// them on, as the server carries their files.
		for j := range got.Fragments {
			if got.Kept[j] >= 0 {
				got.Fragments[j] = prev.Fragments[got.Kept[j]]
			}
		}
		prev = got
	}
	if updated < 50 || rebuilt == 0 {
		t.Errorf("%d of 60 changes were updates and %d needed a full build", updated, rebuilt)
	}
	if _, err := Update(context.Background(), prev, []Doc{{Path: "/nowhere", Date: "2020-01-01"}}, nil); err == nil {
		t.Error("removing a document not in the index did not fail")
	}
	some := docs[slices.Min(slices.Collect(maps.Keys(docs)))]
	if _, err := Update(context.Background(), prev, nil, []Doc{some}); err == nil {
		t.Error("adding a document already in the index did not fail")
	}
	edited := some
	edited.Body += " more words than it had"
	if _, err := Update(context.Background(), prev, []Doc{edited}, nil); err == nil {
		t.Error("removing a document that is not as it was indexed did not fail")
	}
}

// randomText is n words, each chosen by pick, joined by spaces.
func randomText(n int, pick func() string) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = pick()
	}
	return strings.Join(ws, " ")
}

// letters spells n in letters, a for 0 to j for 9: a word of its own.
func letters(n int) string {
	return strings.Map(func(r rune) rune { return 'a' + (r - '0') }, fmt.Sprint(n))
}
