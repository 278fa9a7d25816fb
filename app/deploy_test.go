//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The Dockerfile builds a static binary with the content embedded and
// runs it as a non-root user on an empty base; TestStaticBinaryFromEmptyRoot
// runs the same build from an empty root without a Docker daemon.
func TestDockerfile(t *testing.T) {
	b, err := os.ReadFile("../Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	df := string(b)
	for _, want := range []string{"CGO_ENABLED=0 go build", "GOOS=js GOARCH=wasm go build", "tools/compress.mjs", "FROM scratch", "ENTRYPOINT [\"/site\"]", "-check", "go run ./cmd/commits"} {
		if !strings.Contains(df, want) {
			t.Errorf("Dockerfile lacks %q", want)
		}
	}
	// The image's server carries the pages its first build checked, as
	// make build's does: built, checked (writing the shelf), built again.
	check := strings.Index(df, "-check -data ")
	carry := strings.Index(df, "content/generated/")
	if check < 0 || carry < check || strings.Count(df, "CGO_ENABLED=0 go build") != 2 || strings.LastIndex(df, "CGO_ENABLED=0 go build") < carry {
		t.Error("the Dockerfile does not build the server again with the pages its check wrote (content/generated/)")
	}
	// The image's WebAssembly is built as make build builds it.
	mk, err := os.ReadFile("../Makefile")
	if err != nil {
		t.Fatal(err)
	}
	flags := regexp.MustCompile(`(?m)^WASM_FLAGS = (.+)$`).FindSubmatch(mk)
	if flags == nil || !strings.Contains(df, "GOOS=js GOARCH=wasm go build "+string(flags[1])+" ") {
		t.Errorf("the Dockerfile does not build the WebAssembly with the Makefile's WASM_FLAGS (%s)", flags)
	}
	user := regexp.MustCompile(`(?m)^USER (\S+)`).FindStringSubmatch(df)
	if user == nil || strings.HasPrefix(user[1], "0") || strings.HasPrefix(user[1], "root") {
		t.Errorf("the image does not run as a non-root user: %v", user)
	}
	if strings.Count(df, "\nFROM ") < 2 {
		t.Error("not a multi-stage build")
	}
	// The module's replaced dependencies are in the context before the
	// modules are downloaded.
	if c, d := strings.Index(df, "COPY third_party third_party"), strings.Index(df, "go mod download"); c < 0 || c > d {
		t.Error("the Dockerfile does not copy third_party before go mod download")
	}
}

// The WebAssembly client links in none of gjson's modifiers, nor the
// module they need (third_party/gjson registers them outside WebAssembly
// only): 27 KB of brotli the client has no use for.
func TestClientLinksNoGJSONModifiers(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	deps := strings.Fields(string(out))
	if !slices.Contains(deps, "github.com/tidwall/gjson") {
		t.Fatalf("the client does not use gjson: %v", deps)
	}
	if slices.Contains(deps, "github.com/tidwall/pretty") {
		t.Error("the client links in github.com/tidwall/pretty")
	}
	out, err = exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(strings.Fields(string(out)), "github.com/tidwall/pretty") {
		t.Error("the server lost gjson's modifiers (server/head.go uses @flatten)")
	}
}

// The systemd unit names the hardening options, and systemd reads it
// without complaint where systemd-analyze is installed.
func TestSystemdUnit(t *testing.T) {
	b, err := os.ReadFile("../deploy/nhsdigital.service")
	if err != nil {
		t.Fatal(err)
	}
	unit := string(b)
	for _, want := range []string{"DynamicUser=yes", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes",
		"PrivateDevices=yes", "CapabilityBoundingSet=\n", "RestrictAddressFamilies=", "SystemCallFilter=@system-service", "MemoryDenyWriteExecute=yes",
		"KillSignal=SIGTERM", "EnvironmentFile=-/etc/nhsdigital/env"} {
		if !strings.Contains(unit, want) {
			t.Errorf("unit lacks %q", want)
		}
	}
	analyze, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Log("systemd-analyze not installed: syntax not checked")
		return
	}
	dir := t.TempDir()
	f := filepath.Join(dir, "nhsdigital.service")
	exe, _ := os.Executable()
	os.WriteFile(f, []byte(strings.ReplaceAll(unit, "/usr/local/bin/nhsdigital", exe)), 0o644)
	out, err := exec.Command(analyze, "verify", f).CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		// Outside a booted systemd (a container) verify also reports the
		// machine's own state; only lines about this unit count.
		if strings.Contains(line, "nhsdigital.service") {
			t.Errorf("systemd-analyze verify: %s", line)
		}
	}
	_ = err
}
