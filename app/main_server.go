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
	flag.Parse()

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
	cfg := server.Config{Web: webFS, StatsToken: *statsToken}
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
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    32 << 10,
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shut, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		srv.Shutdown(shut)
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
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}

// portOf returns ":port" of a listen address.
func portOf(addr string) string {
	if i := strings.LastIndexByte(addr, ':'); i >= 0 {
		return addr[i:]
	}
	return addr
}
