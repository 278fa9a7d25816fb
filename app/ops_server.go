//go:build !wasm

package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/netip"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"nhsdigital/server"
)

// envName is the environment variable that sets a flag: NHSD_ and the
// flag's name in capitals, dashes as underscores (-trusted-proxies is
// NHSD_TRUSTED_PROXIES).
func envName(flagName string) string {
	return "NHSD_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// flagsFromEnv sets each flag of fs from its environment variable, if
// set; the command line, parsed after, wins. -help lists the names.
func flagsFromEnv(fs *flag.FlagSet) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if v, ok := os.LookupEnv(envName(f.Name)); ok && err == nil {
			if e := fs.Set(f.Name, v); e != nil {
				err = fmt.Errorf("%s=%q: %v", envName(f.Name), v, e)
			}
		}
	})
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: %s [flags]\n\nEvery flag can also be set from the environment variable named after it;\nthe command line wins.\n\n", os.Args[0])
		fs.VisitAll(func(f *flag.Flag) {
			name, usage := flag.UnquoteUsage(f)
			fmt.Fprintf(out, "  -%s %s\t(%s)\n    \t%s", f.Name, name, envName(f.Name), strings.ReplaceAll(usage, "\n", "\n    \t"))
			if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" && f.DefValue != "0s" {
				fmt.Fprintf(out, " (default %s)", f.DefValue)
			}
			fmt.Fprintln(out)
		})
	}
	return err
}

// buildRevision is the VCS revision when the toolchain could not embed it
// (a git worktree, whose .git is a file; a build without .git): the
// Makefile and the Dockerfile set it with -ldflags "-X main.buildRevision=…".
var buildRevision string

// buildInfo says which build this is: the module version and the VCS
// revision the Go toolchain embedded (go version -m shows it), else
// buildRevision.
func buildInfo() (version, revision string) {
	version, revision = "(devel)", "unknown"
	if buildRevision != "" {
		revision = buildRevision
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return
	}
	if bi.Main.Version != "" {
		version = bi.Main.Version
	}
	modified := false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if modified && revision != "unknown" {
		revision += "+modified"
	}
	return
}

// versionLine is what -version prints.
func versionLine() string {
	v, rev := buildInfo()
	return fmt.Sprintf("nhsdigital %s revision %s %s %s/%s", v, rev, runtime.Version(), runtime.GOOS, runtime.GOARCH)
}

// setLogger makes log/slog's default logger (and the log package's, which
// writes through it) text or JSON on stderr.
func setLogger(format string, w io.Writer) error {
	var h slog.Handler
	switch format {
	case "text", "":
		h = slog.NewTextHandler(w, nil)
	case "json":
		h = slog.NewJSONHandler(w, nil)
	default:
		return fmt.Errorf("-log-format %q: use text or json", format)
	}
	slog.SetDefault(slog.New(h))
	return nil
}

// ops are the operators' flags: logs, metrics, proxies, shutdown.
type ops struct {
	version       *bool
	logFormat     *string
	accessLog     *bool
	logAddresses  *bool
	adminAddr     *string
	proxies       *string
	shutdownDelay time.Duration

	trusted []netip.Prefix
	metrics *server.Metrics
}

func opsFlags() *ops {
	o := &ops{
		version:      flag.Bool("version", false, "print the version and VCS revision of this build and exit"),
		logFormat:    flag.String("log-format", "text", "log format: text or json (log/slog, on stderr)"),
		accessLog:    flag.Bool("access-log", true, "log a line for each request (method, path, status, bytes, duration, client address)"),
		logAddresses: flag.Bool("log-addresses", true, "put the client's address in the access log (false: no personal data at all)"),
		adminAddr:    flag.String("admin-addr", "127.0.0.1:9090", "address of the operators' listener: /metrics (Prometheus), /debug/pprof/, /healthz, /readyz (\"off\": none)"),
		proxies:      flag.String("trusted-proxies", "", "comma-separated addresses or CIDR ranges of the proxies in front of the site, whose X-Forwarded-For and X-Forwarded-Host are believed"),
	}
	flag.DurationVar(&o.shutdownDelay, "shutdown-delay", 0, "on SIGTERM, how long /readyz says 503 before the server stops taking connections (time for load balancers to notice)")
	return o
}

// apply acts on the flags that need no server: -version, the logger, the
// proxies' list.
func (o *ops) apply() error {
	if *o.version {
		fmt.Println(versionLine())
		os.Exit(0)
	}
	if err := setLogger(*o.logFormat, os.Stderr); err != nil {
		return err
	}
	var err error
	if o.trusted, err = server.ParseTrustedProxies(*o.proxies); err != nil {
		return fmt.Errorf("-trusted-proxies: %v", err)
	}
	return nil
}

func (o *ops) configure(cfg *server.Config) {
	cfg.Proxies = o.trusted
	cfg.AccessLog, cfg.LogAddresses = *o.accessLog, *o.logAddresses
	if *o.adminAddr != "off" && *o.adminAddr != "" {
		v, rev := buildInfo()
		o.metrics = server.NewMetrics(v, rev)
		cfg.Metrics = o.metrics
	}
}

// serveAdmin starts the operators' listener. One that cannot listen (the
// port taken) is logged and left out: the site itself still serves.
func (o *ops) serveAdmin(h *server.Live) {
	if o.metrics == nil {
		return
	}
	ln, err := net.Listen("tcp", *o.adminAddr)
	if err != nil {
		slog.Error("no metrics: cannot listen on -admin-addr", "addr", *o.adminAddr, "error", err.Error())
		return
	}
	slog.Info("metrics and profiles on http://"+ln.Addr().String()+"/metrics", "admin_addr", ln.Addr().String())
	srv := &http.Server{Handler: server.AdminHandler(o.metrics, h), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
}
