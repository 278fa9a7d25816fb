//go:build !wasm

package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The test binary doubles as the server: with NHSD_RUN_MAIN set it runs
// main with the arguments after "--".
func TestMain(m *testing.M) {
	if os.Getenv("NHSD_RUN_MAIN") == "1" {
		for i, a := range os.Args {
			if a == "--" {
				os.Args = append([]string{os.Args[0]}, os.Args[i+1:]...)
				break
			}
		}
		main()
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// mainCmd is this test binary running main with args.
func mainCmd(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], append([]string{"-test.run=^$", "--"}, args...)...)
	cmd.Env = append(os.Environ(), "NHSD_RUN_MAIN=1")
	return cmd
}

func runMain(t *testing.T, args ...string) (string, int) {
	// Any database goes to a temporary folder, never ./data beside the tests.
	out, err := mainCmd(append([]string{"-data", t.TempDir()}, args...)...).CombinedOutput()
	code := 0
	if e, ok := err.(*exec.ExitError); ok {
		code = e.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return string(out), code
}

func TestRefusesInvalidContent(t *testing.T) {
	out, code := runMain(t, "-content", "testdata/bad", "-addr", "127.0.0.1:0")
	if code == 0 {
		t.Fatalf("started on invalid content:\n%s", out)
	}
	for _, want := range []string{
		"site.json:1:1: origin: is required",
		"site.json:1:1: navigation: is required",
		"pages/index.md:2:1: id: \"not-a-uuid\" is not a UUID",
		"pages/index.md:8:1: published: \"yesterday\" is not a date",
		"no published not-found page",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestChecksEmbeddedContent(t *testing.T) {
	out, code := runMain(t, "-check")
	if code != 0 || !strings.Contains(out, "content OK") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
}
