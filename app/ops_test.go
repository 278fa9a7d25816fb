//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"io"
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

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// -version names the build; -help lists every flag with its environment
// variable; a flag set in the environment takes effect.
func TestVersionHelpAndEnvironment(t *testing.T) {
	out, err := mainCmd("-version").CombinedOutput()
	if err != nil || !strings.HasPrefix(string(out), "nhsdigital ") || !strings.Contains(string(out), " revision ") {
		t.Errorf("-version: %v %q", err, out)
	}
	out, _ = mainCmd("-help").CombinedOutput()
	for _, name := range []string{"addr", "content", "web", "hsts", "tls-cert", "tls-key", "stats-token", "preview-token", "write-timeout",
		"log-format", "access-log", "log-addresses", "admin-addr", "trusted-proxies", "shutdown-delay", "version"} {
		if !strings.Contains(string(out), "-"+name+" ") && !strings.Contains(string(out), "-"+name+"\t") {
			t.Errorf("-help does not list -%s", name)
		}
		if !strings.Contains(string(out), "("+envName(name)+")") {
			t.Errorf("-help does not name %s", envName(name))
		}
	}
	cmd := mainCmd("-check")
	cmd.Env = append(cmd.Env, "NHSD_TRUSTED_PROXIES=not-an-address")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "trusted proxy") {
		t.Errorf("a bad NHSD_TRUSTED_PROXIES was not refused: %v %s", err, out)
	}
	cmd = mainCmd("-check")
	cmd.Env = append(cmd.Env, "NHSD_LOG_FORMAT=yaml")
	if out, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(out), "-log-format") {
		t.Errorf("NHSD_LOG_FORMAT=yaml was not refused: %v %s", err, out)
	}
}

// The port opens before the content loads: /healthz answers 200 and
// /readyz 503 first, then 200. Logs are JSON lines (start, content, one a
// request, none for the probes); /metrics is on the admin address only.
// On SIGTERM /readyz turns 503 while connections are still taken for
// -shutdown-delay, then the server exits 0.
func TestOperatorsStartAndStop(t *testing.T) {
	addr, admin := freeAddr(t), freeAddr(t)
	cmd := mainCmd("-shutdown-delay", "1500ms")
	cmd.Env = append(cmd.Env, "NHSD_ADDR="+addr, "NHSD_WEB=../web", "NHSD_LOG_FORMAT=json", "NHSD_ADMIN_ADDR="+admin)
	stderr, _ := cmd.StderrPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	lines := make(chan map[string]any, 100)
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			var m map[string]any
			if json.Unmarshal(sc.Bytes(), &m) != nil {
				t.Errorf("a log line that is not JSON: %s", sc.Text())
				continue
			}
			lines <- m
		}
		close(lines)
	}()
	client := &http.Client{Timeout: 2 * time.Second}
	status := func(u string) int {
		res, err := client.Get(u)
		if err != nil {
			return 0
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		return res.StatusCode
	}
	var first int
	for i := 0; i < 2000 && first == 0; i++ {
		first = status("http://" + addr + "/readyz")
		time.Sleep(5 * time.Millisecond)
	}
	if first != http.StatusServiceUnavailable {
		t.Errorf("first /readyz: %d, want 503 (the port opens before the content loads)", first)
	}
	if c := status("http://" + addr + "/healthz"); c != 200 {
		t.Errorf("/healthz while loading: %d", c)
	}
	deadline := time.Now().Add(20 * time.Second)
	for status("http://"+addr+"/readyz") != 200 {
		if time.Now().After(deadline) {
			t.Fatal("never ready")
		}
		time.Sleep(50 * time.Millisecond)
	}
	if c := status("http://" + addr + "/services/spine"); c != 200 {
		t.Errorf("page: %d", c)
	}
	if c := status("http://" + addr + "/metrics"); c != 404 {
		t.Errorf("/metrics on the site's address: %d, want 404", c)
	}
	res, err := client.Get("http://" + admin + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	for _, name := range []string{"nhsd_http_requests_total", "nhsd_http_request_duration_seconds", "nhsd_renders_total", "nhsd_page_cache_requests_total",
		"nhsd_page_cache_pages", "nhsd_page_cache_bytes", "nhsd_content_info", "nhsd_content_loaded_timestamp_seconds", "nhsd_page_views_total", "nhsd_build_info"} {
		if !strings.Contains(string(b), "\n"+name) {
			t.Errorf("/metrics lacks %s", name)
		}
	}
	cmd.Process.Signal(syscall.SIGTERM)
	time.Sleep(300 * time.Millisecond)
	if c := status("http://" + addr + "/readyz"); c != 503 {
		t.Errorf("/readyz after SIGTERM: %d, want 503", c)
	}
	if c := status("http://" + addr + "/"); c != 200 {
		t.Errorf("a page during the shutdown delay: %d, want 200", c)
	}
	done := make(chan error)
	go func() { done <- cmd.Wait() }()
	var msgs []string
	var request map[string]any
	for m := range lines {
		msg, _ := m["msg"].(string)
		msgs = append(msgs, msg)
		if msg == "request" && m["path"] == "/services/spine" {
			request = m
		}
		if msg == "request" && (m["path"] == "/readyz" || m["path"] == "/healthz") {
			t.Errorf("a probe was logged: %v", m)
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("no exit after SIGTERM")
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{"content loaded", "serving ", "shutting down"} {
		if !strings.Contains(all, want) {
			t.Errorf("no %q line in the log:\n%s", want, all)
		}
	}
	if request == nil || request["status"] != float64(200) || request["method"] != "GET" || request["client"] != "127.0.0.1" || request["bytes"] == nil || request["duration_ms"] == nil {
		t.Errorf("request line: %v", request)
	}
}

// A port already taken is said at once, and nothing claims to serve.
func TestPortTaken(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	out, err := mainCmd("-addr", l.Addr().String(), "-web", "../web", "-admin-addr", "off").CombinedOutput()
	if err == nil {
		t.Fatal("started on a port already in use")
	}
	if strings.Contains(string(out), "serving") || !strings.Contains(string(out), "cannot listen") {
		t.Errorf("output:\n%s", out)
	}
}

// The server builds without cgo into a static binary, with its revision,
// and serves the site from an empty root: no libc, no /etc, no /tmp.
func TestStaticBinaryFromEmptyRoot(t *testing.T) {
	if os.Getuid() != 0 {
		t.Skip("chroot needs root (CI runs the tests as root)")
	}
	if testing.Short() {
		t.Skip("builds the server")
	}
	root := t.TempDir()
	bin := filepath.Join(root, "site")
	build := exec.Command("go", "build", "-trimpath", "-ldflags=-X main.buildRevision=test-revision", "-o", bin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("static build: %v\n%s", err, out)
	}
	if out, _ := exec.Command("go", "version", "-m", bin).Output(); !strings.Contains(string(out), "CGO_ENABLED=0") {
		t.Errorf("go version -m:\n%s", out)
	}
	if out, _ := exec.Command("ldd", bin).CombinedOutput(); !strings.Contains(string(out), "not a dynamic executable") && !strings.Contains(string(out), "statically linked") {
		t.Errorf("ldd says it links libraries:\n%s", out)
	}
	run := func(args ...string) *exec.Cmd {
		cmd := exec.Command("/site", args...)
		cmd.SysProcAttr = &syscall.SysProcAttr{Chroot: root}
		cmd.Dir = "/"
		cmd.Env = []string{}
		return cmd
	}
	if out, err := run("-version").CombinedOutput(); err != nil || !strings.Contains(string(out), "revision test-revision") {
		t.Errorf("-version in an empty root: %v %s", err, out)
	}
	addr := freeAddr(t)
	cmd := run("-addr", addr, "-admin-addr", "off")
	var out strings.Builder
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Kill(); cmd.Wait() }()
	client := &http.Client{Timeout: 2 * time.Second}
	for i := 0; ; i++ {
		if res, err := client.Get("http://" + addr + "/readyz"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if i > 400 {
			t.Fatalf("not ready in an empty root")
		}
		time.Sleep(50 * time.Millisecond)
	}
	for _, p := range []string{"/", "/services/spine", "/web/site.css", "/sitemap.xml"} {
		res, err := client.Get("http://" + addr + p)
		if err != nil || res.StatusCode != 200 {
			t.Errorf("%s in an empty root: %v %v", p, err, res)
			continue
		}
		res.Body.Close()
	}
}
