// Package search is the site's one search engine. The same code runs on the
// server (the whole index in memory, rendering /search without JavaScript)
// and in the browser (the index split into shards fetched as needed, so the
// first result costs little and search works offline once cached).
package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fold maps accented Latin letters to their plain forms.
var fold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'æ': "ae", 'ç': "c",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ì': "i", 'í': "i", 'î': "i", 'ï': "i",
	'ð': "d", 'ñ': "n", 'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ý': "y", 'ÿ': "y", 'þ': "th", 'ß': "ss",
	'œ': "oe", 'ł': "l", 'ś': "s", 'ź': "z", 'ż': "z", 'č': "c", 'ř': "r", 'š': "s", 'ž': "z",
	'ā': "a", 'ē': "e", 'ī': "i", 'ō': "o", 'ū': "u", 'ğ': "g", 'ı': "i", 'ő': "o", 'ű': "u",
}

// Words splits s into lower-case, accent-free words. Apostrophes inside a
// word are dropped ("NHS's" → "nhss" is avoided: the possessive 's goes).
func Words(s string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			w := b.String()
			w = strings.TrimSuffix(w, "'s")
			w = strings.ReplaceAll(w, "'", "")
			if w != "" {
				out = append(out, w)
			}
			b.Reset()
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '\'' || r == '’':
			if b.Len() > 0 {
				b.WriteByte('\'')
			}
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9'):
			b.WriteRune(r)
		case r < utf8.RuneSelf && r >= 'A' && r <= 'Z':
			b.WriteRune(r + 32)
		case r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				b.WriteString(f)
			} else if r < 0x250 || unicode.IsDigit(r) {
				b.WriteRune(r)
			} else {
				b.WriteRune(r) // other scripts stay as they are
			}
		default:
			flush()
		}
		if b.Len() > 64 { // no real word is this long
			flush()
		}
	}
	flush()
	return out
}

// stopWords are too common to help; they are not indexed.
var stopWords = map[string]bool{
	"a": true, "an": true, "and": true, "are": true, "as": true, "at": true, "be": true, "by": true,
	"for": true, "from": true, "has": true, "have": true, "in": true, "is": true, "it": true, "its": true,
	"of": true, "on": true, "or": true, "that": true, "the": true, "this": true, "to": true, "was": true,
	"were": true, "will": true, "with": true, "we": true, "our": true, "you": true, "your": true,
}

// Terms turns text into index terms: words, stop words removed, stemmed.
func Terms(s string) []string {
	words := Words(s)
	out := words[:0]
	for _, w := range words {
		if stopWords[w] {
			continue
		}
		out = append(out, Stem(w))
	}
	return out
}

// Stem reduces an English word to a stem so that "registering",
// "registered" and "registers" meet at "register". It is a light
// suffix-stripping stemmer in the spirit of Porter's: it prefers leaving a
// word alone to conflating words that differ in meaning.
func Stem(w string) string {
	if len(w) <= 3 || !isAlpha(w) {
		return w
	}
	// Plurals and -ed/-ing.
	switch {
	case strings.HasSuffix(w, "sses"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		w = w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "ss"), strings.HasSuffix(w, "us"), strings.HasSuffix(w, "is"):
	case strings.HasSuffix(w, "s") && len(w) > 3:
		w = w[:len(w)-1]
	}
	for _, suf := range []string{"ingly", "edly", "ing", "ed"} {
		if strings.HasSuffix(w, suf) && hasVowel(w[:len(w)-len(suf)]) && len(w)-len(suf) >= 3 {
			w = w[:len(w)-len(suf)]
			switch {
			case strings.HasSuffix(w, "at"), strings.HasSuffix(w, "bl"), strings.HasSuffix(w, "iz"):
				w += "e"
			case len(w) > 2 && w[len(w)-1] == w[len(w)-2] && !strings.ContainsRune("lsz", rune(w[len(w)-1])):
				w = w[:len(w)-1]
			}
			break
		}
	}
	// Derivational suffixes, longest first.
	for _, r := range []struct{ from, to string }{
		{"ational", "ate"}, {"tional", "tion"}, {"ization", "ize"}, {"isation", "ise"},
		{"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"}, {"biliti", "ble"},
		{"ations", "ate"}, {"ation", "ate"}, {"ators", "ate"}, {"ator", "ate"},
		{"alism", "al"}, {"aliti", "al"}, {"iviti", "ive"}, {"ements", "e"}, {"ement", "e"},
	} {
		if strings.HasSuffix(w, r.from) && len(w)-len(r.from) >= 2 {
			w = w[:len(w)-len(r.from)] + r.to
			break
		}
	}
	if strings.HasSuffix(w, "e") && len(w) > 4 && !strings.HasSuffix(w, "ee") {
		w = w[:len(w)-1] // "care" and "cared" meet at "car"; "prescribe", "prescribed" at "prescrib"
	}
	if strings.HasSuffix(w, "y") && len(w) > 3 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])) {
		w = w[:len(w)-1] + "i"
	}
	return w
}

func isAlpha(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

func hasVowel(s string) bool { return strings.ContainsAny(s, "aeiouy") }
