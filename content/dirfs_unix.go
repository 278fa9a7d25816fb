//go:build unix

package content

import (
	"fmt"
	"io/fs"
	"syscall"
)

// readRegular reads name as the package's readRegular does, in the
// fewest system calls. ok is false when it did not settle the matter (a
// name os.DirFS would refuse, a file that cannot be opened this way, a
// read that failed): the caller then reads it the ordinary way, which
// gives the same result and the problem's exact words.
func (d dirFS) readRegular(name string, room func(n int) []byte) (data []byte, msg string, ok bool) {
	if !fs.ValidPath(name) {
		return nil, "", false
	}
	// O_NONBLOCK: opening a named pipe would otherwise wait for a writer.
	// It changes nothing for a regular file.
	fd, err := syscall.Open(d.dir+"/"+name, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, "", false
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil || st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return nil, "", false // the ordinary way names what it is
	}
	if st.Size > MaxFileSize {
		return nil, tooBig(fmt.Sprint(st.Size)), true
	}
	// Room to see the end in one more read.
	var buf []byte
	if room != nil {
		buf = room(int(st.Size) + 1)
	} else {
		buf = make([]byte, 0, int(st.Size)+512)
	}
	for {
		if len(buf) == cap(buf) {
			if len(buf) > MaxFileSize {
				return nil, tooBig(fmt.Sprintf("more than %d", MaxFileSize)), true // it grew while read
			}
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := syscall.Read(fd, buf[len(buf):min(cap(buf), MaxFileSize+1)])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return nil, "", false
		}
		if n == 0 {
			return buf, "", true
		}
		buf = buf[:len(buf)+n]
		if len(buf) > MaxFileSize {
			return nil, tooBig(fmt.Sprintf("more than %d", MaxFileSize)), true
		}
	}
}
