//go:build !wasm

package main

import (
	"context"
	"log"
	"time"

	"nhsdigital/server/store"
)

// openDatabase opens PostgreSQL when url is set, else SQLite in dataDir,
// and deletes feedback older than retention now and every hour after.
func openDatabase(dataDir, url string, retention time.Duration) (store.Store, func(), error) {
	var db store.Store
	var err error
	if url != "" {
		db, err = store.OpenPostgres(url, 30*time.Second)
	} else {
		db, err = store.OpenSQLite(dataDir)
	}
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		for {
			if retention > 0 {
				c, done := context.WithTimeout(ctx, time.Minute)
				n, err := db.PurgeFeedback(c, time.Now().Add(-retention))
				done()
				if err != nil && ctx.Err() == nil {
					log.Printf("retention: deleting old feedback: %v", err)
				} else if n > 0 {
					log.Printf("retention: deleted %d item(s) of feedback older than %s", n, retention)
				}
			}
			select {
			case <-ctx.Done():
				return
			case <-time.After(time.Hour):
			}
		}
	}()
	return db, func() { cancel(); db.Close() }, nil
}
