//go:build wasm

package client

import (
	"runtime"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Go's collector runs when the heap nears its goal, whatever the visitor
// is doing then. In the WebAssembly a cycle holds the page's only thread:
// about 80 ms on the project's 2-core machine, four times that on a slow
// phone, in the middle of whatever answer made the heap grow (a page, a
// search, a saved file in the preview). So after such work the client
// waits for the visitor's next pause (Quiet) and looks at how far the heap
// has come: half the way to its goal or more, it collects there and then,
// and the cycle the goal would have brought does not come in the
// visitor's next key or tap.

// collectLater starts the wait once collectAfter has passed since the
// last answer: go-app renders an answer on a timer of its own (a frame at
// 120 per second), and the browser can be idle before that render. One
// look waits at a time (collectWaiting): answers that come while it waits
// (keys in a search) are seen by it, in the pause after them.
var (
	collectLater   *time.Timer
	collectWaiting bool
)

const collectAfter = 50 * time.Millisecond

// collectWhenIdle collects in the visitor's next pause after collectAfter
// if the heap has grown enough. Without the page script that says when
// the visitor pauses it does nothing: the collector runs as Go's own goal
// says.
func collectWhenIdle() {
	if collectWaiting {
		return
	}
	if collectLater != nil {
		collectLater.Reset(collectAfter)
		return
	}
	if app.Window().Get("nhsdQuiet").Type() != app.TypeFunction {
		return
	}
	collectLater = time.AfterFunc(collectAfter, func() {
		collectWaiting = true
		Quiet()
		collectWaiting = false
		if collectDue() {
			runtime.GC()
		}
	})
}

// collectDue reports whether the heap has come half the way to the goal
// of the collector's next cycle.
func collectDue() bool {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc >= m.NextGC/2
}
