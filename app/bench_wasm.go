//go:build wasm && bench

package main

import "nhsdigital/client"

// The search benchmark's hook (window.nhsdSearchBench) is only in a client
// built with -tags bench (tools/bench/search.mjs builds one): it never
// reaches visitors.
func init() { client.RegisterSearchBench() }
