//go:build !wasm

package main

import (
	"log/slog"
	"os"
	"runtime"
	"runtime/debug"
)

// defaultMemoryLimitMiB is the soft memory limit a server sets itself
// unless told otherwise. Go's collector lets the heap grow to twice what
// is live before it runs (GOGC=100): a server holding 260 MB of a 20,000
// page site reached 656 MB under load. Near the limit the collector runs
// sooner instead, so the process stays near it (464 MB under the same load,
// measured) at some cost in throughput (about 9 %).
const defaultMemoryLimitMiB = 450

// memoryLimit is the soft memory limit to set, in bytes, or 0 for none:
// none when the operator set GOMEMLIMIT (which the runtime reads itself)
// or asked for none (mib 0). A limit the site's own live heap comes near
// would keep the collector running without end, so the limit is at least
// live/0.7; raised says it was raised.
func memoryLimit(mib, live int64, env string) (limit int64, raised bool) {
	if env != "" || mib <= 0 {
		return 0, false
	}
	limit = mib << 20
	if floor := live * 10 / 7; floor > limit {
		return floor, true
	}
	return limit, false
}

// limitMemory sets the soft memory limit for a server whose content is
// loaded (see memoryLimit).
func limitMemory(mib int64) {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	limit, raised := memoryLimit(mib, int64(m.HeapAlloc), os.Getenv("GOMEMLIMIT"))
	if limit == 0 {
		return
	}
	debug.SetMemoryLimit(limit)
	if raised {
		slog.Warn("the memory limit is raised above -memory-limit: the site alone holds most of it", "limit_mib", limit>>20, "live_mib", m.HeapAlloc>>20)
		return
	}
	slog.Info("memory limit set", "limit_mib", limit>>20, "live_mib", m.HeapAlloc>>20)
}
