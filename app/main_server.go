//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"
	"syscall"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/preview"
	"nhsdigital/server"
	"nhsdigital/web"
)

func run() {
	addr := flag.String("addr", "", "address to listen on (default :$PORT or :8000)")
	contentDir := flag.String("content", "", "serve content from this folder instead of the embedded copy")
	webDir := flag.String("web", "", "serve web assets from this folder instead of the embedded copy")
	check := flag.Bool("check", false, "validate the content, print the result and exit")
	statsToken := flag.String("stats-token", os.Getenv("STATS_TOKEN"), "token that lets operators read /statistics from other machines")
	previewing := flag.Bool("preview", false, "preview mode: serve drafts, scheduled and expired items from -content, reload when files are saved")
	previewToken := flag.String("preview-token", os.Getenv("PREVIEW_TOKEN"), "token for preview links when not on loopback (default: a random one, printed at start)")
	export := flag.String("export", "", "write the published site into this folder as static files (make static) and exit")
	hsts := flag.Duration("hsts", 0, "max-age of Strict-Transport-Security, for sites served over TLS only (default 8760h with -tls-cert, else off)")
	tlsCert := flag.String("tls-cert", "", "serve HTTPS with this certificate file (PEM) and -tls-key")
	tlsKey := flag.String("tls-key", "", "the private key file (PEM) of -tls-cert")
	writeTimeout := flag.Duration("write-timeout", server.DefaultWriteTimeout, "how long a client may take to read each 64 KB of an answer before it is dropped")
	// Feedback, usefulness answers and page views: where they are kept.
	dataDir := flag.String("data", "data", "folder (created) of the SQLite database, when -database-url is not set, and of the checked pages kept for the next start (cache/)")
	databaseURL := flag.String("database-url", os.Getenv("DATABASE_URL"), "PostgreSQL database (postgres://…) shared by several servers; default SQLite in -data")
	memoryMiB := flag.Int64("memory-limit", defaultMemoryLimitMiB, "soft limit, in MiB, on the memory the server holds: the garbage collector works harder near it, and it rises when the site alone comes near it; 0 for none; GOMEMLIMIT, when set, is used instead")
	retention := flag.Duration("feedback-retention", 2*365*24*time.Hour, "feedback older than this is deleted (0 keeps it)")
	ops := opsFlags()
	if err := flagsFromEnv(flag.CommandLine); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	flag.Parse()
	if err := ops.apply(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	if (*tlsCert == "") != (*tlsKey == "") {
		fmt.Fprintln(os.Stderr, "-tls-cert and -tls-key go together: give both or neither")
		os.Exit(2)
	}
	if *tlsCert != "" && *hsts == 0 {
		*hsts = 365 * 24 * time.Hour
	}
	if *export != "" && *previewing {
		fmt.Fprintln(os.Stderr, "a preview is never exported: drop -preview to write the published site")
		os.Exit(2)
	}

	var contentFS fs.FS = content.Embedded()
	if *contentDir != "" {
		contentFS = content.DirFS(*contentDir)
	}
	if *previewing && *contentDir == "" {
		fmt.Fprintln(os.Stderr, "preview needs the content folder on disk: add -content content")
		os.Exit(2)
	}
	var cache *content.Cache
	if *previewing {
		cache = content.NewCache() // a save re-reads only the files that changed
	}
	// The pages checked at start are kept for the next start, which then
	// reads only the files changed since (content.Shelf).
	shelf := content.OpenShelf(filepath.Join(*dataDir, "cache"))
	if *contentDir == "" {
		shelf.WithBuiltIn(contentFS) // the embedded content's, made by the build
	}
	// A page that leaves out lastEdited takes the time of its file's last
	// commit: from Git for a folder, from what the build wrote for the
	// embedded copy.
	var commits map[string]time.Time
	var commitsErr error
	if *contentDir != "" {
		commits, commitsErr = content.CommitTimes(*contentDir)
	} else {
		commits, commitsErr = content.ReadCommitTimes(contentFS)
	}
	if commitsErr != nil {
		slog.Info("no commit times: every page must give lastEdited", "error", commitsErr.Error())
	}
	load := func(now time.Time) (*content.Store, error) {
		return content.Load(contentFS, content.Options{Now: now, Preview: *previewing, Cache: cache, Shelf: shelf, Commits: commits})
	}
	if *check {
		store, err := load(time.Now())
		shelf.Written()
		if err != nil {
			fmt.Fprint(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("content OK: %d pages, version %s\n", len(store.Docs()), store.Version)
		if len(store.Warnings) > 0 {
			fmt.Printf("%d warning(s); the live site leaves these links out for now:\n%s", len(store.Warnings), store.Warnings.Lines())
		}
		return
	}
	var webFS fs.FS = web.Embedded()
	if *webDir != "" {
		webFS = os.DirFS(*webDir)
	}
	if *addr == "" {
		port := os.Getenv("PORT")
		if port == "" {
			port = "8000"
		}
		*addr = ":" + port
	}
	cfg := server.Config{Web: webFS, StatsToken: *statsToken, HSTS: *hsts, WriteTimeout: *writeTimeout}
	ops.configure(&cfg)
	if *export != "" {
		code := exportSite(load, cfg, *export)
		shelf.Written()
		os.Exit(code)
	}
	db, closeDB, dberr := openDatabase(*dataDir, *databaseURL, *retention)
	if dberr != nil {
		fmt.Fprintln(os.Stderr, dberr)
		os.Exit(1)
	}
	defer closeDB()
	cfg.DB = db
	cfg.ReadyChecks = append(cfg.ReadyChecks, func(ctx context.Context) error {
		if err := db.Ping(ctx); err != nil {
			return fmt.Errorf("the %s database does not answer: %w", db.Kind(), err)
		}
		return nil
	})
	// Listen first, so the port opens at once and a clash is the first
	// thing said; /healthz answers, and /readyz says 503 until the content
	// is loaded.
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		slog.Error("cannot listen", "addr", *addr, "error", err.Error())
		os.Exit(1)
	}
	var h *server.Live
	if *previewing {
		opts := preview.Options{Dir: *contentDir, Loopback: preview.IsLoopbackAddr(*addr), Token: *previewToken, Changes: cache}
		if !opts.Loopback && opts.Token == "" {
			opts.Token = uuid.NewString() + uuid.NewString()
			slog.Warn("preview token chosen at random: behind a load balancer, set NHSD_PREVIEW_TOKEN to one value on every server")
		}
		h, err = preview.New(load, cfg, opts)
		if err == nil && !opts.Loopback {
			log.Printf("preview link for reviewers: http://<this host>%s/preview?token=%s&path=/", portOf(*addr), url.QueryEscape(opts.Token))
		}
	} else {
		h = server.NewLiveUnloaded(load, cfg)
	}
	if err != nil {
		fail(err)
	}
	defer h.Close()
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      *writeTimeout, // for each 64 KB: see server.Config.WriteTimeout
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
		ErrorLog:          slog.NewLogLogger(slog.Default().Handler(), slog.LevelWarn),
	}
	// Shutting down ends the preview's event streams (which would hold
	// Shutdown for its whole grace period) and the publication timer.
	srv.RegisterOnShutdown(h.Close)
	ops.serveAdmin(h)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// On SIGTERM or Ctrl-C: readiness turns false at once, and after
	// -shutdown-delay (time for load balancers to notice) the server stops
	// accepting and lets requests in flight finish (up to 10 s).
	shutDown := make(chan struct{})
	go func() {
		defer close(shutDown)
		<-ctx.Done()
		h.Drain()
		slog.Info("shutting down", "delay", ops.shutdownDelay.String())
		time.Sleep(ops.shutdownDelay)
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			slog.Error("shutdown", "error", err.Error())
		}
	}()
	served := make(chan error, 1)
	go func() {
		if *tlsCert != "" {
			served <- srv.ServeTLS(ln, *tlsCert, *tlsKey)
		} else {
			served <- srv.Serve(ln)
		}
	}()
	mode := "serving"
	if *previewing {
		mode = "previewing"
	} else {
		pace, paced := 0, false
		if !shelf.Holds() {
			// Every page is to be checked: answer the home page from the
			// pages' front matter meanwhile. The load then takes the
			// files' bytes from what was read.
			first, rest, err := content.LoadFirst(contentFS, content.Options{Now: time.Now(), Commits: commits})
			contentFS = rest
			if err == nil {
				if err := h.ServeFirst(first); err != nil {
					slog.Warn("the home page waits for the pages to be checked", "error", err.Error())
				} else {
					slog.Info("answering the home page while the pages are checked", "pages", len(first.Docs()), "version", first.Version)
				}
			}
			// While the first store and the bytes read are held, the
			// collector's default pace lets the load spread what it
			// keeps over a heap sized for them too, and the process
			// stays about 15 MB larger once they go (at 20,000 pages):
			// collect more often until the load ends.
			pace, paced = debug.SetGCPercent(50), true
		}
		err := h.Reload()
		if paced {
			debug.SetGCPercent(pace) // (-1 when GOGC=off)
		}
		if err != nil {
			fail(err)
		}
	}
	if cur := h.Current(); cur != nil {
		slog.Info(fmt.Sprintf("%s %d pages (content %s) on http://localhost%s", mode, len(cur.Store().Docs()), cur.Store().Version, portOf(ln.Addr().String())),
			"addr", ln.Addr().String(), "version", cur.Store().Version, "build", versionLine())
	} else {
		log.Printf("%s on http://localhost%s; the content has problems, shown on every page:\n%v", mode, portOf(ln.Addr().String()), h.Problems())
	}
	if !*previewing {
		go limitMemory(*memoryMiB) // it runs the collector once, to see what is live
	}
	if shelf != nil {
		kept, checked := shelf.Counts()
		slog.Info("pages at start: kept from the last start, or checked", "kept", kept, "checked", checked)
	}
	if err := <-served; err != nil && !errors.Is(err, http.ErrServerClosed) {
		slog.Error("serving", "error", err.Error())
		os.Exit(1)
	}
	<-shutDown
	shelf.Written()
}

// fail prints what stops the server from starting (the content's problems,
// one a line) and exits 1.
func fail(err error) {
	fmt.Fprint(os.Stderr, err)
	if !strings.HasSuffix(err.Error(), "\n") {
		fmt.Fprintln(os.Stderr)
	}
	os.Exit(1)
}

// exportSite writes the static copy and returns the exit code.
func exportSite(load func(time.Time) (*content.Store, error), cfg server.Config, dir string) int {
	store, err := load(time.Now())
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		return 1
	}
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(os.Stderr, "%s is not empty: remove it first, or name a new folder\n", dir)
		return 1
	}
	cfg.Store, cfg.Static = store, true
	srv, err := server.New(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	n, err := server.Export(srv, dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	fmt.Printf("wrote %d files (%d pages, version %s) to %s\n", n, len(store.Docs()), srv.Version(), dir)
	return 0
}

// portOf returns ":port" of a listen address.
func portOf(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[i:]
	}
	return addr
}
