//go:build wasm && bench

package main

import "nhsdigital/components"

// The search benchmark's hook (window.nhsdSearchBench) is only in a client
// built with -tags bench (tools/bench/search.mjs builds one): it never
// reaches visitors.
func init() { components.RegisterSearchBench() }
