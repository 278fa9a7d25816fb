//go:build linux && !wasm

package server

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// syncFileSystem flushes the file system holding dir to the disk in one
// call (syncfs). It reports false where that call is missing.
func syncFileSystem(dir string) (bool, error) {
	f, err := os.Open(dir)
	if err != nil {
		return true, err
	}
	defer f.Close()
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		if errors.Is(err, unix.ENOSYS) {
			return false, nil
		}
		return true, err
	}
	return true, nil
}
