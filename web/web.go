//go:build !wasm

// Package web holds the site's static assets (stylesheets, icons, images)
// and, once built, the WebAssembly client and its compressed copies.
package web

import (
	"embed"
	"io/fs"
)

//go:embed *
var files embed.FS

// Embedded returns the assets built into the binary.
func Embedded() fs.FS { return files }
