//go:build wasm

package client

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/tidwall/gjson"
)

type fetchResult struct {
	body   string
	status int
	err    error
}

type fetchError string

func (e fetchError) Error() string { return string(e) }

// fetchText GETs url with the browser's fetch (no net/http in the
// WebAssembly) and calls done once with the body. Any HTTP status with a
// JSON body counts (a 404 view is a real answer); network failures and
// non-JSON answers are errors.
func fetchText(url string, done func(fetchResult)) { fetchBody(url, true, done) }

// fetchBody is fetchText for any body; wantJSON rejects bodies that are not JSON.
func fetchBody(url string, wantJSON bool, done func(fetchResult)) {
	var onResponse, onText, onError app.Func
	release := func() {
		onResponse.Release()
		onText.Release()
		onError.Release()
	}
	status := 0
	onError = app.FuncOf(func(this app.Value, args []app.Value) any {
		msg := "fetch failed"
		if len(args) > 0 {
			msg += ": " + args[0].Call("toString").String()
		}
		release()
		done(fetchResult{err: fetchError(msg)})
		collectWhenIdle()
		return nil
	})
	onText = app.FuncOf(func(this app.Value, args []app.Value) any {
		body := args[0].String()
		release()
		if wantJSON && !gjson.Valid(body) {
			done(fetchResult{status: status, err: fetchError("page data is not JSON")})
			return nil
		}
		done(fetchResult{body: body, status: status})
		collectWhenIdle() // after what the body is for
		return nil
	})
	onResponse = app.FuncOf(func(this app.Value, args []app.Value) any {
		resp := args[0]
		status = resp.Get("status").Int()
		resp.Call("text").Call("then", onText, onError)
		return nil
	})
	opts := map[string]any{"credentials": "same-origin", "headers": map[string]any{"Accept": "application/json"}}
	app.Window().Call("fetch", url, opts).Call("then", onResponse, onError)
}
