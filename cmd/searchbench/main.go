// Command searchbench measures the search index of a content folder: build
// time, index size, and query latency on the server. It prints JSON for
// tools/bench.mjs, which adds the browser's figures and Pagefind's.
//
//	go run ./cmd/searchbench -dir /tmp/corpus-20000
package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"sort"
	"time"

	"nhsdigital/content"
	"nhsdigital/content/search"
)

// Queries is the fixed query list used on the server and in the browser.
var Queries = []string{
	"spine", "nhs app", "prescription", "mental health", "hospital episode statistics", "waiting times",
	"dementia", "workforce vacancies", "gp appointments", "cancer survival", "data security", "screening coverage",
	"maternity", "obesity", "referral", "patients registered", "emergency care", "alcohol", "dental", "prescrib",
}

func main() {
	dir := flag.String("dir", "content", "content folder")
	runs := flag.Int("runs", 5, "times each query is run")
	flag.Parse()
	var before runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	store, err := content.Load(content.DirFS(*dir), content.Options{})
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		os.Exit(1)
	}
	docs := store.SearchDocs()
	start := time.Now()
	b, err := search.Build(docs)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	build := time.Since(start)
	runtime.GC()
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	total, totalGz, maxShard := len(b.Meta), gz(b.Meta), 0
	for _, s := range b.Shards {
		total += len(s)
		totalGz += gz([]byte(s))
		maxShard = max(maxShard, len(s))
	}
	for _, f := range b.Fragments {
		total += len(f)
		totalGz += gz(f)
	}
	var times []float64
	for r := 0; r < *runs; r++ {
		for _, q := range Queries {
			v := url.Values{"q": {q}}
			t := time.Now()
			b.Index.Search(search.ParseQuery(v))
			times = append(times, float64(time.Since(t).Microseconds())/1000)
		}
	}
	sort.Float64s(times)
	out := map[string]any{
		"docs":           len(docs),
		"buildMs":        build.Milliseconds(),
		"indexBytes":     total,
		"indexBytesGzip": totalGz,
		"shards":         len(b.Shards),
		"maxShardBytes":  maxShard,
		"metaBytes":      len(b.Meta),
		"metaBytesGzip":  gz(b.Meta),
		"fragments":      len(b.Fragments),
		"serverMedianMs": times[len(times)/2],
		"serverP95Ms":    times[len(times)*95/100],
		"heapMB":         float64(after.HeapInuse-min(after.HeapInuse, before.HeapInuse)) / (1 << 20),
		"queries":        Queries,
	}
	json.NewEncoder(os.Stdout).Encode(out)
}

func gz(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}
