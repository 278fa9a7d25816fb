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
	return syncfs(f)
}

// fileSystemFlusher returns a function that flushes the file system
// holding dir (syncfs) and reports the write errors since its last call
// (none where the system lacks syncfs), and one that closes it; nil and
// nil where dir cannot be opened.
func fileSystemFlusher(dir string) (flush func() error, done func()) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, nil
	}
	flush = func() error {
		_, err := syncfs(f)
		return err
	}
	return flush, func() { f.Close() }
}

// syncfs flushes the file system holding f, and reports false where the
// system lacks the call.
func syncfs(f *os.File) (bool, error) {
	if err := unix.Syncfs(int(f.Fd())); err != nil {
		if errors.Is(err, unix.ENOSYS) {
			return false, nil
		}
		return true, err
	}
	return true, nil
}
