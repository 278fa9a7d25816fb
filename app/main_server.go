//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/google/uuid"

	"nhsdigital/content"
	"nhsdigital/server"
	"nhsdigital/web"
)

func run() {
	addr := flag.String("addr", "", "address to listen on (default :$PORT or :8000)")
	contentDir := flag.String("content", "", "serve content from this folder instead of the embedded copy")
	webDir := flag.String("web", "", "serve web assets from this folder instead of the embedded copy")
	check := flag.Bool("check", false, "validate the content, print the result and exit")
	statsToken := flag.String("stats-token", os.Getenv("STATS_TOKEN"), "token that lets operators read /statistics from other machines")
	preview := flag.Bool("preview", false, "preview mode: serve drafts, scheduled and expired items from -content, reload when files are saved")
	previewToken := flag.String("preview-token", os.Getenv("PREVIEW_TOKEN"), "token for preview links when not on loopback (default: a random one, printed at start)")
	export := flag.String("export", "", "write the published site into this folder as static files (make static) and exit")
	hsts := flag.Duration("hsts", 0, "max-age of Strict-Transport-Security, for sites served over TLS only (default 8760h with -tls-cert, else off)")
	tlsCert := flag.String("tls-cert", "", "serve HTTPS with this certificate file (PEM) and -tls-key")
	tlsKey := flag.String("tls-key", "", "the private key file (PEM) of -tls-cert")
	writeTimeout := flag.Duration("write-timeout", server.DefaultWriteTimeout, "how long a client may take to read each 64 KB of an answer before it is dropped")
	// Feedback, usefulness answers and page views: where they are kept.
	dataDir := flag.String("data", "data", "folder of the SQLite database (created), when -database-url is not set")
	databaseURL := flag.String("database-url", os.Getenv("DATABASE_URL"), "PostgreSQL database (postgres://…) shared by several servers; default SQLite in -data")
	trustedProxies := flag.String("trusted-proxies", os.Getenv("TRUSTED_PROXIES"), "comma-separated CIDR ranges of the proxies in front of the server, whose X-Forwarded-For is believed")
	retention := flag.Duration("feedback-retention", 2*365*24*time.Hour, "feedback older than this is deleted (0 keeps it)")
	flag.Parse()
	if (*tlsCert == "") != (*tlsKey == "") {
		fmt.Fprintln(os.Stderr, "-tls-cert and -tls-key go together: give both or neither")
		os.Exit(2)
	}
	if *tlsCert != "" && *hsts == 0 {
		*hsts = 365 * 24 * time.Hour
	}
	if *export != "" && *preview {
		fmt.Fprintln(os.Stderr, "a preview is never exported: drop -preview to write the published site")
		os.Exit(2)
	}

	var contentFS fs.FS = content.Embedded()
	if *contentDir != "" {
		contentFS = os.DirFS(*contentDir)
	}
	if *preview && *contentDir == "" {
		fmt.Fprintln(os.Stderr, "preview needs the content folder on disk: add -content content")
		os.Exit(2)
	}
	load := func(now time.Time) (*content.Store, error) {
		return content.Load(contentFS, content.Options{Now: now, Preview: *preview})
	}
	if *check {
		store, err := load(time.Now())
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
	if *export != "" {
		os.Exit(exportSite(load, cfg, *export))
	}
	proxies, perr := server.ParseProxies(*trustedProxies)
	if perr != nil {
		fmt.Fprintln(os.Stderr, perr)
		os.Exit(2)
	}
	db, closeDB, dberr := openDatabase(*dataDir, *databaseURL, *retention)
	if dberr != nil {
		fmt.Fprintln(os.Stderr, dberr)
		os.Exit(1)
	}
	defer closeDB()
	cfg.DB, cfg.TrustedProxies = db, proxies
	var h *server.Live
	var err error
	if *preview {
		opts := server.PreviewOptions{Dir: *contentDir, Loopback: server.IsLoopbackAddr(*addr), Token: *previewToken}
		if !opts.Loopback && opts.Token == "" {
			opts.Token = uuid.NewString() + uuid.NewString()
		}
		h, err = server.NewPreview(load, cfg, opts)
		if err == nil && !opts.Loopback {
			log.Printf("preview link for reviewers: http://<this host>%s/preview?token=%s&path=/", portOf(*addr), url.QueryEscape(opts.Token))
		}
	} else {
		h, err = server.NewLive(load, cfg)
	}
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		if !strings.HasSuffix(err.Error(), "\n") {
			fmt.Fprintln(os.Stderr)
		}
		os.Exit(1)
	}
	defer h.Close()
	srv := &http.Server{
		Addr:              *addr,
		Handler:           h,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      *writeTimeout, // for each 64 KB: see server.Config.WriteTimeout
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	// Shutting down ends the preview's event streams (which would hold
	// Shutdown for its whole grace period) and the publication timer.
	srv.RegisterOnShutdown(h.Close)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	// On SIGTERM or Ctrl-C: stop accepting, let requests in flight finish
	// (up to 10 s), then exit.
	shutDown := make(chan struct{})
	go func() {
		defer close(shutDown)
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		if err := srv.Shutdown(shut); err != nil {
			log.Printf("shutdown: %v", err)
		}
	}()
	mode := "serving"
	if *preview {
		mode = "previewing"
	}
	if cur := h.Current(); cur != nil {
		log.Printf("%s %d pages (content %s) on http://localhost%s", mode, len(cur.Store().Docs()), cur.Store().Version, portOf(*addr))
	} else {
		log.Printf("%s on http://localhost%s; the content has problems, shown on every page:\n%v", mode, portOf(*addr), h.Problems())
	}
	if *tlsCert != "" {
		err = srv.ListenAndServeTLS(*tlsCert, *tlsKey)
	} else {
		err = srv.ListenAndServe()
	}
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
	<-shutDown
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
