//go:build !wasm

package main

import "testing"

func TestMemoryLimit(t *testing.T) {
	const mib = 1 << 20
	for _, c := range []struct {
		mib, live int64
		env       string
		want      int64
		raised    bool
	}{
		{450, 260 * mib, "", 450 * mib, false},         // the 20,000 page site
		{450, 400 * mib, "", 400 * mib * 10 / 7, true}, // a site that holds more
		{450, 260 * mib, "600MiB", 0, false},           // the operator's GOMEMLIMIT
		{0, 260 * mib, "", 0, false},                   // none asked for
	} {
		got, raised := memoryLimit(c.mib, c.live, c.env)
		if got != c.want || raised != c.raised {
			t.Errorf("memoryLimit(%d, %d, %q) = %d, %v; want %d, %v", c.mib, c.live, c.env, got, raised, c.want, c.raised)
		}
	}
}
