//go:build !wasm

// Package storetest starts a real PostgreSQL for tests: Debian's
// postgresql package (tests/setup.sh installs it), run by an unprivileged
// user in a temporary folder on a loopback port, never as a system
// service, and stopped when the test ends.
package storetest

import (
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// Postgres is one running cluster.
type Postgres struct {
	URL  string
	bin  string
	dir  string
	port int
	cred *syscall.Credential
	t    testing.TB
}

// StartPostgres starts a cluster for t and stops it at the end of t. It
// skips t when PostgreSQL is not installed.
func StartPostgres(t testing.TB) *Postgres {
	t.Helper()
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Skip("PostgreSQL is not installed (tests/setup.sh installs Debian's postgresql)")
	}
	sort.Strings(bins)
	p := &Postgres{bin: filepath.Dir(bins[len(bins)-1]), t: t}
	dir, err := os.MkdirTemp("", "nhsd-pg-")
	if err != nil {
		t.Fatal(err)
	}
	p.dir = dir
	t.Cleanup(func() { os.RemoveAll(dir) })
	// initdb and postgres refuse to run as root: as root, run them as nobody.
	if os.Geteuid() == 0 {
		u, err := user.Lookup("nobody")
		if err != nil {
			t.Fatal(err)
		}
		uid, _ := strconv.Atoi(u.Uid)
		gid, _ := strconv.Atoi(u.Gid)
		p.cred = &syscall.Credential{Uid: uint32(uid), Gid: uint32(gid)}
		if err := os.Chown(dir, uid, gid); err != nil {
			t.Fatal(err)
		}
	}
	p.run("initdb", "-D", filepath.Join(dir, "data"), "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-sync", "--no-instructions")
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p.port = l.Addr().(*net.TCPAddr).Port
	l.Close()
	p.URL = fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable&connect_timeout=5", p.port)
	p.Start()
	t.Cleanup(p.Stop)
	return p
}

// Start starts the cluster and waits until it takes connections.
func (p *Postgres) Start() {
	p.t.Helper()
	opts := fmt.Sprintf("-h 127.0.0.1 -p %d -k %s -c fsync=on", p.port, p.dir)
	p.run("pg_ctl", "-D", filepath.Join(p.dir, "data"), "-l", filepath.Join(p.dir, "log"), "-o", opts, "-w", "-t", "60", "start")
}

// Stop stops the cluster (fast: open connections are closed).
func (p *Postgres) Stop() {
	if _, err := os.Stat(filepath.Join(p.dir, "data", "postmaster.pid")); err != nil {
		return
	}
	p.run("pg_ctl", "-D", filepath.Join(p.dir, "data"), "-m", "fast", "-w", "stop")
}

func (p *Postgres) run(name string, args ...string) {
	p.t.Helper()
	cmd := exec.Command(filepath.Join(p.bin, name), args...)
	cmd.Dir = p.dir
	cmd.Env = append(os.Environ(), "LC_ALL=C", "TZ=UTC")
	if p.cred != nil {
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: p.cred}
	}
	// pg_ctl start leaves the server running with our output pipes open:
	// give it files, not pipes, so the command returns.
	out, err := os.CreateTemp("", "nhsd-pg-out-")
	if err != nil {
		p.t.Fatal(err)
	}
	defer os.Remove(out.Name())
	defer out.Close()
	cmd.Stdout, cmd.Stderr = out, out
	start := time.Now()
	if err := cmd.Run(); err != nil {
		b, _ := os.ReadFile(out.Name())
		logb, _ := os.ReadFile(filepath.Join(p.dir, "log"))
		p.t.Fatalf("%s %v (after %s): %v\n%s\n%s", name, args, time.Since(start).Round(time.Millisecond), err, b, logb)
	}
}
