//go:build wasm && bench

package client

import (
	"net/url"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/content/search"
)

// RegisterSearchBench gives `make bench` a way to time the engine in the
// browser: window.nhsdSearchBench(text) answers a query as the search page
// does (fetching what it needs) and resolves to {ms, total}.
func RegisterSearchBench() {
	b := browser
	app.Window().Set("nhsdSearchBench", app.FuncOf(func(this app.Value, args []app.Value) any {
		text := ""
		if len(args) > 0 {
			text = args[0].String()
		}
		return app.Window().Get("Promise").New(app.FuncOf(func(this app.Value, p []app.Value) any {
			resolve := p[0]
			go func() {
				q := search.ParseQuery(url.Values{"q": {text}})
				start := time.Now()
				r, _, err := b.Search(q)
				ms := float64(time.Since(start).Microseconds()) / 1000
				total := -1
				if err == nil {
					total = r.Total
				}
				resolve.Invoke(map[string]any{"ms": ms, "total": total})
			}()
			return nil
		}))
	}))
}
