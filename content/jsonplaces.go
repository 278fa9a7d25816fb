package content

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// jsonPlaces finds where each field of a JSON file is, named as the
// validator names them ($.navigation[2].href): an object's member at its
// key, an array's item at its first character. It also reports a key
// given twice in one object, which the site would read one of silently
// (gjson takes the first, encoding/json the last). data must be valid JSON
// (gjson.ValidBytes); anything else ends the walk where it goes wrong.
func jsonPlaces(data []byte) (positions, []Problem) {
	w := &jsonWalk{data: data, line: 1, pos: positions{"$": {1, 1}}}
	w.skipSpace()
	w.value("$")
	return w.pos, w.dupes
}

type jsonWalk struct {
	data      []byte
	i         int // the next byte
	line      int // its line
	lineStart int // the offset its line starts at
	pos       positions
	dupes     []Problem
}

// at is the place of the next byte: line, and column in characters.
func (w *jsonWalk) at() Pos {
	return Pos{Line: w.line, Col: utf8.RuneCount(w.data[w.lineStart:w.i]) + 1}
}

func (w *jsonWalk) skipSpace() {
	for w.i < len(w.data) {
		switch w.data[w.i] {
		case '\n':
			w.line++
			w.lineStart = w.i + 1
		case ' ', '\t', '\r':
		default:
			return
		}
		w.i++
	}
}

// value walks the value at w.i, named path.
func (w *jsonWalk) value(path string) bool {
	if w.i >= len(w.data) {
		return false
	}
	switch w.data[w.i] {
	case '{':
		return w.object(path)
	case '[':
		return w.array(path)
	case '"':
		_, ok := w.str()
		return ok
	}
	for w.i < len(w.data) { // a number, true, false or null
		switch w.data[w.i] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			return true
		}
		w.i++
	}
	return true
}

func (w *jsonWalk) object(path string) bool {
	w.i++ // {
	first := map[string]Pos{}
	for {
		w.skipSpace()
		if w.i >= len(w.data) {
			return false
		}
		switch w.data[w.i] {
		case '}':
			w.i++
			return true
		case ',':
			w.i++
			continue
		case '"':
		default:
			return false
		}
		at := w.at()
		key, ok := w.str()
		if !ok {
			return false
		}
		field := path + "." + key
		if was, seen := first[key]; seen {
			w.dupes = append(w.dupes, Problem{Field: field, Line: at.Line, Col: at.Col,
				Message: fmt.Sprintf("%q is given twice in this object (first on line %d); keep one", key, was.Line)})
			field = "\x00again" // its value is walked, not named
		} else {
			first[key] = at
			w.pos[field] = at
		}
		w.skipSpace()
		if w.i >= len(w.data) || w.data[w.i] != ':' {
			return false
		}
		w.i++
		w.skipSpace()
		if !w.value(field) {
			return false
		}
	}
}

func (w *jsonWalk) array(path string) bool {
	w.i++ // [
	for n := 0; ; {
		w.skipSpace()
		if w.i >= len(w.data) {
			return false
		}
		switch w.data[w.i] {
		case ']':
			w.i++
			return true
		case ',':
			w.i++
			continue
		}
		item := path + "[" + strconv.Itoa(n) + "]"
		w.pos[item] = w.at()
		if !w.value(item) {
			return false
		}
		n++
	}
}

// str reads the string at w.i and returns its value.
func (w *jsonWalk) str() (string, bool) {
	start := w.i
	w.i++ // "
	escaped := false
	for w.i < len(w.data) {
		switch w.data[w.i] {
		case '\\':
			escaped = true
			w.i++
		case '"':
			w.i++
			raw := w.data[start:w.i]
			if !escaped {
				return string(raw[1 : len(raw)-1]), true
			}
			var s string
			if json.Unmarshal(raw, &s) != nil {
				return "", false
			}
			return s, true
		}
		w.i++
	}
	return "", false
}
