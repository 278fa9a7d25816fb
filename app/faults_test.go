//go:build !wasm

package main

import (
	"bufio"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// running is the real binary (this test binary running main) on loopback.
type running struct {
	addr string
	cmd  *exec.Cmd
	out  *strings.Builder
	done chan struct{}
	err  error // the exit, once done is closed
}

// stop ends the server as an operator does (SIGTERM) and waits for it.
func (s *running) stop(t *testing.T) {
	t.Helper()
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(30 * time.Second):
		t.Fatalf("the server did not stop within 30 s of SIGTERM:\n%s", s.out)
	}
}

func startMain(t *testing.T, args ...string) *running {
	t.Helper()
	return startMainWithin(t, 15*time.Second, args...)
}

// startMainWithin is startMain waiting up to wait for the content.
func startMainWithin(t *testing.T, wait time.Duration, args ...string) *running {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	cmd := mainCmd(append([]string{"-addr", addr, "-web", "../web", "-data", t.TempDir()}, args...)...)
	out := &strings.Builder{}
	cmd.Stdout, cmd.Stderr = out, out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	s := &running{addr: addr, cmd: cmd, out: out, done: make(chan struct{})}
	go func() { s.err = cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		cmd.Process.Kill()
		<-s.done
	})
	// The port opens before the content is loaded: wait for /readyz.
	client := &http.Client{Timeout: time.Second, Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	for end := time.Now().Add(wait); time.Now().Before(end); {
		select {
		case <-s.done:
			t.Fatalf("the server stopped: %v\n%s", s.err, out)
		default:
		}
		for _, scheme := range []string{"http", "https"} {
			if res, err := client.Get(scheme + "://" + addr + "/readyz"); err == nil {
				res.Body.Close()
				if res.StatusCode == http.StatusOK {
					return s
				}
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("the server did not start:\n%s", out)
	return nil
}

// timedGet fetches a page on a new connection and says how long it took.
func timedGet(t *testing.T, url string) (int, time.Duration) {
	start := time.Now()
	c := &http.Client{Timeout: 5 * time.Second, Transport: &http.Transport{DisableKeepAlives: true}}
	res, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	io.Copy(io.Discard, res.Body)
	res.Body.Close()
	return res.StatusCode, time.Since(start)
}

// Slow clients (slowloris): hundreds of connections that send their
// headers a byte at a time neither stall other visitors nor stay open
// past the header timeout.
func TestSlowClientsNeitherStallNorStay(t *testing.T) {
	s := startMain(t)
	var slow []net.Conn
	for i := 0; i < 300; i++ {
		c, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(c, "GET / HTTP/1.1\r\nHost: localhost\r\nX-Slow: ")
		slow = append(slow, c)
	}
	defer func() {
		for _, c := range slow {
			c.Close()
		}
	}()
	stop := make(chan struct{})
	go func() { // one more byte every half second, never finishing
		for {
			select {
			case <-stop:
				return
			case <-time.After(500 * time.Millisecond):
				for _, c := range slow {
					c.Write([]byte("a"))
				}
			}
		}
	}()
	defer close(stop)
	for i := 0; i < 10; i++ {
		code, took := timedGet(t, "http://"+s.addr+"/services/spine")
		if code != 200 || took > time.Second {
			t.Fatalf("a visitor waited %v (status %d) behind slow clients", took, code)
		}
	}
	time.Sleep(6 * time.Second)
	closed := 0
	for _, c := range slow {
		c.SetReadDeadline(time.Now().Add(time.Second))
		if _, err := io.ReadAll(c); err == nil { // EOF: the server hung up
			closed++
		}
	}
	if closed != len(slow) {
		t.Errorf("%d of %d slow connections were still open after the header timeout", len(slow)-closed, len(slow))
	}
}

// Requests the server must refuse, each with its own status, over real TCP.
func TestRawRequests(t *testing.T) {
	s := startMain(t)
	cases := []struct{ name, req, status string }{
		{"huge header", "GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + strings.Repeat("a", 64<<10) + "\r\n\r\n", "431"},
		{"many headers", "GET / HTTP/1.1\r\nHost: localhost\r\n" + strings.Repeat("X-A: b\r\n", 8000) + "\r\n", "431"},
		{"overlong path", "GET /" + strings.Repeat("a", 3000) + " HTTP/1.1\r\nHost: localhost\r\n\r\n", "414"},
		{"encoded slash", "GET /services%2Fspine HTTP/1.1\r\nHost: localhost\r\n\r\n", "400"},
		{"dot segments", "GET /web/../../etc/passwd HTTP/1.1\r\nHost: localhost\r\n\r\n", "404"},
		{"unknown method", "BREW /services HTTP/1.1\r\nHost: localhost\r\n\r\n", "405"},
		{"delete", "DELETE / HTTP/1.1\r\nHost: localhost\r\n\r\n", "405"},
		{"trace", "TRACE / HTTP/1.1\r\nHost: localhost\r\n\r\n", "405"},
		{"options", "OPTIONS /services HTTP/1.1\r\nHost: localhost\r\n\r\n", "405"},
		{"big consent body", "POST /consent HTTP/1.1\r\nHost: localhost\r\nOrigin: http://localhost\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 10000000\r\n\r\n" + strings.Repeat("a", 64<<10), "413"},
		{"garbage", "\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n", "400"},
		{"HEAD", "HEAD /services/spine HTTP/1.1\r\nHost: localhost\r\n\r\n", "200"},
	}
	for _, c := range cases {
		conn, err := net.Dial("tcp", s.addr)
		if err != nil {
			t.Fatal(err)
		}
		conn.SetDeadline(time.Now().Add(5 * time.Second))
		go io.WriteString(conn, c.req)
		line, err := bufio.NewReader(conn).ReadString('\n')
		conn.Close()
		if err != nil || !strings.HasPrefix(line, "HTTP/1.1 "+c.status) {
			t.Errorf("%s: answered %q (%v), want %s", c.name, line, err, c.status)
		}
	}
	// Still serving after all of that.
	if code, _ := timedGet(t, "http://"+s.addr+"/"); code != 200 {
		t.Errorf("home after bad requests: %d", code)
	}
}

// SIGTERM: the server stops taking connections and finishes the answers in
// flight (here a large file read slowly) before it exits, with status 0.
func TestGracefulShutdown(t *testing.T) {
	s := startMain(t)
	// A small receive buffer and no compression keep the server writing
	// the 8 MB file until the client has read it.
	dialer := &net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10) })
	}}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext, DisableCompression: true}}
	res, err := client.Get("http://" + s.addr + "/web/app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	buf := make([]byte, 64<<10)
	got, _ := io.ReadFull(res.Body, buf)
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	if c, err := net.DialTimeout("tcp", s.addr, time.Second); err == nil {
		c.Close()
		t.Error("new connections are still taken after SIGTERM")
	}
	select {
	case <-s.done:
		t.Fatalf("exited before the answer in flight was sent: %v", s.err)
	default:
	}
	rest, err := io.Copy(io.Discard, res.Body)
	if err != nil || int64(got)+rest != res.ContentLength {
		t.Fatalf("the answer in flight was cut: %d of %d bytes (%v)", int64(got)+rest, res.ContentLength, err)
	}
	select {
	case <-s.done:
		if s.err != nil {
			t.Errorf("exit after SIGTERM: %v\n%s", s.err, s.out)
		}
	case <-time.After(5 * time.Second):
		t.Error("the server did not exit after finishing its answers")
	}
}

// With a certificate the server speaks HTTPS and sends HSTS for a year.
func TestTLSSendsHSTS(t *testing.T) {
	dir := t.TempDir()
	cert, key := filepath.Join(dir, "cert.pem"), filepath.Join(dir, "key.pem")
	writeSelfSigned(t, cert, key)
	if out, code := runMain(t, "-tls-cert", cert, "-addr", "127.0.0.1:0"); code != 2 || !strings.Contains(out, "-tls-cert and -tls-key go together") {
		t.Errorf("a certificate without its key: exit %d\n%s", code, out)
	}
	s := startMain(t, "-tls-cert", cert, "-tls-key", key)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}}}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://"+s.addr+"/", nil)
	res, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("Strict-Transport-Security"); got != "max-age=31536000; includeSubDomains" {
		t.Errorf("HSTS over TLS: %q", got)
	}
}

func writeSelfSigned(t *testing.T, certFile, keyFile string) {
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: "localhost"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		IPAddresses: []net.IP{net.ParseIP("127.0.0.1")}, DNSNames: []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	kb, _ := x509.MarshalECPrivateKey(priv)
	os.WriteFile(certFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600)
	os.WriteFile(keyFile, pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kb}), 0o600)
}

// slowReader reads an answer in 16 KB pieces with a pause between them.
func slowRead(body io.Reader, pause time.Duration, stallAfter int64, stall time.Duration) (int64, error) {
	buf := make([]byte, 16<<10)
	var n int64
	for {
		if stallAfter > 0 && n >= stallAfter {
			time.Sleep(stall)
			stallAfter = 0
		}
		m, err := body.Read(buf)
		n += int64(m)
		if err == io.EOF {
			return n, nil
		}
		if err != nil {
			return n, err
		}
		time.Sleep(pause)
	}
}

// A client on a slow connection gets the whole WebAssembly however long
// it takes, as long as it keeps reading; one that stops reading is
// dropped; one that lost the end asks for the rest with Range.
func TestSlowReadersGetWholeAnswers(t *testing.T) {
	s := startMain(t, "-write-timeout", "1s")
	dialer := &net.Dialer{Control: func(_, _ string, c syscall.RawConn) error {
		return c.Control(func(fd uintptr) { syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_RCVBUF, 16<<10) })
	}}
	client := &http.Client{Transport: &http.Transport{DialContext: dialer.DialContext, DisableCompression: true, DisableKeepAlives: true}}
	get := func(rng string) *http.Response {
		req, _ := http.NewRequest(http.MethodGet, "http://"+s.addr+"/web/app.wasm", nil)
		if rng != "" {
			req.Header.Set("Range", rng)
		}
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}

	t.Run("slow but steady", func(t *testing.T) {
		res := get("")
		defer res.Body.Close()
		start := time.Now()
		n, err := slowRead(res.Body, 8*time.Millisecond, 0, 0)
		if err != nil || n != res.ContentLength {
			t.Fatalf("read %d of %d bytes in %v: %v", n, res.ContentLength, time.Since(start), err)
		}
		if time.Since(start) < 3*time.Second {
			t.Fatalf("read in %v: too fast to show the per-piece deadline", time.Since(start))
		}
	})
	t.Run("a part", func(t *testing.T) {
		res := get("bytes=0-3145727")
		defer res.Body.Close()
		n, _ := io.Copy(io.Discard, res.Body)
		if res.StatusCode != http.StatusPartialContent || n != 3<<20 {
			t.Fatalf("Range: status %d, %d bytes; want 206 with 3 MB", res.StatusCode, n)
		}
	})
	t.Run("the rest with Range", func(t *testing.T) {
		full := get("")
		total := full.ContentLength
		full.Body.Close()
		res := get(fmt.Sprintf("bytes=%d-", total-1000))
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		if res.StatusCode != http.StatusPartialContent || len(b) != 1000 || res.Header.Get("Content-Range") != fmt.Sprintf("bytes %d-%d/%d", total-1000, total-1, total) {
			t.Fatalf("status %d, %d bytes, Content-Range %q", res.StatusCode, len(b), res.Header.Get("Content-Range"))
		}
	})
	t.Run("stopped reading", func(t *testing.T) {
		res := get("")
		defer res.Body.Close()
		n, err := slowRead(res.Body, 0, 256<<10, 4*time.Second)
		if err == nil && n == res.ContentLength {
			t.Fatalf("a client that stopped reading for 4 s still got all %d bytes", n)
		}
	})
}

// Stopping a preview with a page open (its event stream connected) does
// not wait out the shutdown grace period.
func TestPreviewStopsWithPagesOpen(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("../content")); err != nil {
		t.Fatal(err)
	}
	s := startMain(t, "-preview", "-content", dir)
	res, err := http.Get("http://" + s.addr + "/_preview/events")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	line, err := bufio.NewReader(res.Body).ReadString('\n')
	if err != nil || !strings.HasPrefix(line, "retry:") {
		t.Fatalf("event stream: %q %v", line, err)
	}
	start := time.Now()
	if err := s.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	select {
	case <-s.done:
		if took := time.Since(start); took > 3*time.Second {
			t.Fatalf("the preview took %v to stop with a page open", took)
		}
	case <-time.After(8 * time.Second):
		t.Fatal("the preview did not stop within 8 s of SIGTERM with a page open")
	}
}
