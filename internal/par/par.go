// Package par runs the iterations of a loop on every core.
package par

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// chunk is how many iterations a worker takes at a time: enough that
// taking them costs nothing beside the work, few enough that the workers
// end together.
const chunk = 16

// For calls f(i) for every i in [0, n), on as many goroutines as Go
// runs at once, and returns when every call has returned. The calls come
// in no particular order; f must only write what belongs to its i. Once
// ctx is done no more calls begin, and For returns ctx's error.
func For(ctx context.Context, n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), (n+chunk-1)/chunk)
	if workers <= 1 {
		for i := range n {
			if i%chunk == 0 && ctx.Err() != nil {
				return ctx.Err()
			}
			f(i)
		}
		return ctx.Err()
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for ctx.Err() == nil {
				from := int(next.Add(chunk)) - chunk
				if from >= n {
					return
				}
				for i := from; i < min(from+chunk, n); i++ {
					f(i)
				}
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
