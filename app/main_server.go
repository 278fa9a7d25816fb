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
	"os"
	"os/signal"
	"syscall"
	"time"

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
	flag.Parse()

	var contentFS fs.FS = content.Embedded()
	if *contentDir != "" {
		contentFS = os.DirFS(*contentDir)
	}
	store, err := content.Load(contentFS, content.Options{})
	if err != nil {
		fmt.Fprint(os.Stderr, err)
		os.Exit(1)
	}
	if *check {
		fmt.Printf("content OK: %d pages, version %s\n", len(store.Docs()), store.Version)
		return
	}
	var webFS fs.FS = web.Embedded()
	if *webDir != "" {
		webFS = os.DirFS(*webDir)
	}
	h, err := server.New(server.Config{Store: store, Web: webFS, StatsToken: *statsToken})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if *addr == "" {
		port := os.Getenv("PORT")
		if port == "" {
			port = "8000"
		}
		*addr = ":" + port
	}
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
	log.Printf("serving %d pages (content %s) on http://localhost%s", len(store.Docs()), store.Version, *addr)
	if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal(err)
	}
}
