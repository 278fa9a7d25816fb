//go:build !wasm

package content

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
)

// checkerSource is the code that reads and checks a page file: this
// package and those it uses.
//
//go:embed *.go inline/*.go pagetype/*.go search/*.go
var checkerSource embed.FS

// checkerID identifies what a page file's check depends on besides the
// file: the code that reads and checks it (its source, the Go release and
// the version of every module in the build). Two builds with the same
// checker check every file alike, whatever else differs between them (the
// server, the components, the assets, the embedded content), so they
// share a shelf: a new release that leaves the checker alone starts from
// the pages the last one kept, and one built with its content can carry
// them (OpenShelf).
var checkerID = sync.OnceValue(func() string {
	h := sha256.New()
	fs.WalkDir(checkerSource, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, _ := fs.ReadFile(checkerSource, p)
		h.Write([]byte(p + "\x00"))
		h.Write(b)
		h.Write([]byte{0})
		return nil
	})
	h.Write([]byte(runtime.Version() + "\x00"))
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Replace != nil {
				m = m.Replace
			}
			h.Write([]byte(m.Path + " " + m.Version + " " + m.Sum + "\x00"))
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})
