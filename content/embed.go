//go:build !wasm

package content

import (
	"embed"
	"io/fs"
)

//go:embed site.json pages generated
var embedded embed.FS

// Embedded returns the content files built into the binary.
func Embedded() fs.FS { return embedded }
