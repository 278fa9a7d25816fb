package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Segment is a piece of an excerpt; Mark says it matched the query.
type Segment struct {
	Text string
	Mark bool
}

const excerptWords = 30

// Excerpt picks the stretch of text with the most query words in it and
// marks them. marks are query stems; prefix, when set, marks words that
// begin with it (the word being typed).
func Excerpt(text string, marks []string, prefix string) []Segment {
	type token struct {
		text  string
		word  bool
		match bool
	}
	var toks []token
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		isWord := unicode.IsLetter(r) || unicode.IsDigit(r)
		j := i
		for j < len(text) {
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if (unicode.IsLetter(r2) || unicode.IsDigit(r2) || (isWord && r2 == '\'')) != isWord {
				break
			}
			j += s2
		}
		if j == i {
			j = i + size
		}
		t := token{text: text[i:j], word: isWord}
		if isWord {
			for _, w := range Words(t.text) {
				st := Stem(w)
				for _, m := range marks {
					if st == m {
						t.match = true
					}
				}
				if prefix != "" && strings.HasPrefix(w, prefix) {
					t.match = true
				}
			}
		}
		toks = append(toks, t)
		i = j
	}
	// Slide a window of excerptWords words; keep the one with most matches.
	var wordIdx []int
	for i, t := range toks {
		if t.word {
			wordIdx = append(wordIdx, i)
		}
	}
	if len(wordIdx) == 0 {
		return nil
	}
	bestStart, bestCount, count := 0, -1, 0
	for i := range wordIdx {
		if toks[wordIdx[i]].match {
			count++
		}
		if i >= excerptWords && toks[wordIdx[i-excerptWords]].match {
			count--
		}
		start := max(0, i-excerptWords+1)
		if count > bestCount {
			bestCount, bestStart = count, start
		}
	}
	// Start a little before the first match, so it reads in context.
	from := wordIdx[bestStart]
	endWord := min(len(wordIdx)-1, bestStart+excerptWords-1)
	to := wordIdx[endWord] + 1
	var out []Segment
	if bestStart > 0 {
		out = append(out, Segment{Text: "… "})
	}
	for _, t := range toks[from:to] {
		text := strings.ReplaceAll(t.text, "\u2029", "·")
		if len(out) > 0 && out[len(out)-1].Mark == t.match {
			out[len(out)-1].Text += text
		} else {
			out = append(out, Segment{Text: text, Mark: t.match})
		}
	}
	if endWord < len(wordIdx)-1 {
		out = append(out, Segment{Text: " …"})
	}
	return out
}
