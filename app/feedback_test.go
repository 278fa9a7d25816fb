//go:build !wasm

package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"nhsdigital/content/pagetype"
	"nhsdigital/server/store/storetest"
)

var noRedirect = &http.Client{
	Timeout:       10 * time.Second,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// sendFeedback posts the form as a visitor behind the test's proxy
// (client is the visitor's address) and returns the status and page.
func sendFeedback(t *testing.T, addr, client, more string) (int, string, error) {
	v := url.Values{"found": {"no"}, "more": {more}, "page": {"/services/spine"}, "reason": {"testing " + client}}
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+pagetype.FeedbackPath, strings.NewReader(v.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-For", client)
	res, err := noRedirect.Do(req)
	if err != nil {
		return 0, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b), nil
}

// listFeedback reads every item's "more" and "reason" from /feedback as CSV.
func listFeedback(t *testing.T, addr string) map[string]string {
	t.Helper()
	res, err := noRedirect.Get("http://" + addr + "/feedback?format=csv")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	if res.StatusCode != 200 {
		t.Fatalf("/feedback: %d", res.StatusCode)
	}
	rows, err := csv.NewReader(res.Body).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, r := range rows[1:] {
		out[r[5]] = r[3]
	}
	return out
}

func countView(t *testing.T, addr, path string) {
	t.Helper()
	res, err := http.Post("http://"+addr+"/statistics", "text/plain", strings.NewReader(path))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent {
		t.Fatalf("page view: %d", res.StatusCode)
	}
}

func totals(t *testing.T, addr string) map[string]int64 {
	t.Helper()
	res, err := http.Get("http://" + addr + "/statistics?format=json")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var m map[string]int64
	if err := json.NewDecoder(res.Body).Decode(&m); err != nil {
		t.Fatal(err)
	}
	return m
}

// With no options the server keeps feedback in SQLite in -data, and a
// restart keeps it.
func TestFeedbackKeptAcrossRestarts(t *testing.T) {
	dir := t.TempDir()
	s := startMain(t, "-data", dir)
	if code, _, err := sendFeedback(t, s.addr, "198.51.100.1", "kept across restarts"); err != nil || code != http.StatusSeeOther {
		t.Fatalf("post: %d %v", code, err)
	}
	countView(t, s.addr, "/blog")
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	s = startMain(t, "-data", dir)
	if got := listFeedback(t, s.addr); got["kept across restarts"] == "" {
		t.Fatalf("after restart: %v", got)
	}
	if got := totals(t, s.addr); got["/blog"] != 1 {
		t.Fatalf("page views after restart: %v", got)
	}
}

// Two servers on one PostgreSQL: what one stores the other lists, and
// their page views add up.
func TestTwoServersOnePostgres(t *testing.T) {
	pg := storetest.StartPostgres(t)
	a := startMain(t, "-database-url", pg.URL)
	b := startMain(t, "-database-url", pg.URL)
	if code, _, err := sendFeedback(t, a.addr, "198.51.100.2", "posted to A"); err != nil || code != http.StatusSeeOther {
		t.Fatalf("post to A: %d %v", code, err)
	}
	if got := listFeedback(t, b.addr); got["posted to A"] == "" {
		t.Fatalf("B does not list what A stored: %v", got)
	}
	for i := 0; i < 3; i++ {
		countView(t, a.addr, "/services/spine")
	}
	for i := 0; i < 2; i++ {
		countView(t, b.addr, "/services/spine")
	}
	if ta, tb := totals(t, a.addr), totals(t, b.addr); ta["/services/spine"] != 5 || tb["/services/spine"] != 5 {
		t.Fatalf("totals: A %v, B %v", ta, tb)
	}
}

// SIGKILL in the middle of a burst of 500 posts: every post that got its
// answer is there after a restart, and nothing is half-written.
func TestKillDuringBurst(t *testing.T) {
	for _, db := range []string{"sqlite", "postgres"} {
		t.Run(db, func(t *testing.T) {
			args := []string{"-trusted-proxies", "127.0.0.1/32", "-data", t.TempDir()}
			if db == "postgres" {
				args = append(args, "-database-url", storetest.StartPostgres(t).URL)
			}
			s := startMain(t, args...)
			var mu sync.Mutex
			answered := map[string]bool{}
			var sent atomic.Int64
			var wg sync.WaitGroup
			jobs := make(chan int)
			for w := 0; w < 8; w++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for i := range jobs {
						more := strings.TrimSpace(fmt.Sprintf("burst item %d %s", i, strings.Repeat("é", i%300)))
						code, _, err := sendFeedback(t, s.addr, fmt.Sprintf("203.0.113.%d", i%250+1)+fmt.Sprintf(", 10.0.%d.%d", i/250, i%250), more)
						if err == nil && code == http.StatusSeeOther {
							mu.Lock()
							answered[more] = true
							mu.Unlock()
						}
						if sent.Add(1) == 200 {
							s.cmd.Process.Kill()
						}
					}
				}()
			}
			for i := 0; i < 500; i++ {
				jobs <- i
			}
			close(jobs)
			wg.Wait()
			<-s.done
			if len(answered) < 100 {
				t.Fatalf("only %d posts answered before the kill", len(answered))
			}
			// Listing is for operators, who are never behind the proxy:
			// restart without it.
			s = startMain(t, args[2:]...)
			stored := listFeedback(t, s.addr)
			for more := range answered {
				if stored[more] == "" {
					t.Errorf("answered but lost: %.20s", more)
				}
			}
			for more, reason := range stored {
				var i int
				if _, err := fmt.Sscanf(more, "burst item %d", &i); err != nil || more != strings.TrimSpace(fmt.Sprintf("burst item %d %s", i, strings.Repeat("é", i%300))) || !strings.HasPrefix(reason, "testing ") {
					t.Errorf("half-written: %.40q / %q", more, reason)
				}
			}
			t.Logf("%d answered, %d stored (a post may be stored and its answer lost with the kill)", len(answered), len(stored))
		})
	}
}

// The database stops: the form answers 503 with the values kept, pages
// keep serving, and it recovers when the database comes back.
func TestDatabaseStopped(t *testing.T) {
	pg := storetest.StartPostgres(t)
	s := startMain(t, "-database-url", pg.URL)
	if code, _, err := sendFeedback(t, s.addr, "198.51.100.3", "before"); err != nil || code != http.StatusSeeOther {
		t.Fatalf("post: %d %v", code, err)
	}
	pg.Stop()
	code, page, err := sendFeedback(t, s.addr, "198.51.100.3", "typed while the database was down")
	if err != nil || code != http.StatusServiceUnavailable || !strings.Contains(page, "typed while the database was down") || !strings.Contains(page, "could not save your feedback") {
		t.Fatalf("database down: %d %v", code, err)
	}
	if code, _ := timedGet(t, "http://"+s.addr+"/services/spine"); code != 200 {
		t.Fatalf("pages stopped with the database: %d", code)
	}
	pg.Start()
	deadline := time.Now().Add(20 * time.Second)
	for {
		code, _, err := sendFeedback(t, s.addr, "198.51.100.4", "after")
		if err == nil && code == http.StatusSeeOther {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no recovery: %d %v", code, err)
		}
		time.Sleep(500 * time.Millisecond)
	}
	if got := listFeedback(t, s.addr); got["before"] == "" || got["after"] == "" {
		t.Fatalf("listed: %v", got)
	}
}

// Retention: feedback older than -feedback-retention is deleted when the
// server starts (and hourly after).
func TestFeedbackRetention(t *testing.T) {
	dir := t.TempDir()
	s := startMain(t, "-data", dir)
	if code, _, err := sendFeedback(t, s.addr, "198.51.100.5", "to be deleted"); err != nil || code != http.StatusSeeOther {
		t.Fatalf("post: %d %v", code, err)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
	time.Sleep(20 * time.Millisecond)
	s = startMain(t, "-data", dir, "-feedback-retention", "10ms")
	deadline := time.Now().Add(5 * time.Second)
	for len(listFeedback(t, s.addr)) != 0 {
		if time.Now().After(deadline) {
			t.Fatal("feedback older than the retention is still there")
		}
		time.Sleep(100 * time.Millisecond)
	}
}
