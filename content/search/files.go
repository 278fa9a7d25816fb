package search

// The index files as the browser reads them (the server writes them: see
// build.go, which the WebAssembly leaves out).

import (
	"errors"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// Fragment is what a result shows of a document.
type Fragment struct {
	Path    string `json:"path"`
	Title   string `json:"title"`
	Summary string `json:"summary"`
	Label   string `json:"label"`
	Date    string `json:"date"`
	Text    string `json:"text"` // headings and body, for excerpts
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
