//go:build !wasm

package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"nhsdigital/server/store"
	"nhsdigital/server/store/storetest"
)

// Both implementations pass the same tests against real databases.
func TestSQLite(t *testing.T) {
	dir := t.TempDir()
	s, err := store.OpenSQLite(dir)
	if err != nil {
		t.Fatal(err)
	}
	exercise(t, s)
	s.Close()
	// Migrations run once: opening again keeps the data.
	s, err = store.OpenSQLite(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if items, err := s.Feedback(context.Background(), store.Filter{}); err != nil || len(items) != 2 {
		t.Fatalf("after reopening: %d items, %v", len(items), err)
	}
}

func TestPostgres(t *testing.T) {
	pg := storetest.StartPostgres(t)
	s, err := store.OpenPostgres(pg.URL, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	exercise(t, s)
	// A second server migrating the same database at once changes nothing.
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s2, err := store.OpenPostgres(pg.URL, 10*time.Second)
			if err != nil {
				t.Error(err)
				return
			}
			s2.Close()
		}()
	}
	wg.Wait()
}

func exercise(t *testing.T, s store.Store) {
	ctx := context.Background()
	day1 := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	day2 := day1.AddDate(0, 0, 1)
	// Concurrent counts all land.
	var wg sync.WaitGroup
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			d := day1
			if i%2 == 1 {
				d = day2
			}
			if err := s.AddView(ctx, "/services/spine", d); err != nil {
				t.Error(err)
			}
		}(i)
	}
	wg.Wait()
	for _, u := range []bool{true, true, false} {
		if err := s.AddUseful(ctx, "/services/spine", day1, u); err != nil {
			t.Fatal(err)
		}
	}
	counts, err := s.Counts(ctx, day1, day2)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.DayCount{{"/services/spine", "2026-03-01", 20, 2, 1}, {"/services/spine", "2026-03-02", 20, 0, 0}}
	if len(counts) != 2 || counts[0] != want[0] || counts[1] != want[1] {
		t.Errorf("counts %+v, want %+v", counts, want)
	}
	old := store.Feedback{Time: day1.AddDate(-3, 0, 0), Page: "/old", Found: "no", More: "old", Source: "form"}
	a := store.Feedback{Time: day1, Page: "/services/spine", Reason: "work", Found: "yes", More: "Good — “quotes” ✓ 'x'", Email: "a@example.org", Source: "form"}
	b := store.Feedback{Time: day2, Page: "/blog", Found: "no", More: "b", Source: "useful"}
	var ids []int64
	for _, f := range []store.Feedback{old, a, b} {
		id, err := s.AddFeedback(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	items, err := s.Feedback(ctx, store.Filter{})
	if err != nil || len(items) != 3 || items[0].Page != "/blog" || items[2].Page != "/old" {
		t.Fatalf("newest first: %+v %v", items, err)
	}
	if items[1].More != a.More {
		t.Errorf("text changed: %q", items[1].More)
	}
	if !items[1].Time.Equal(day1) {
		t.Errorf("time %v, want %v", items[1].Time, day1)
	}
	for _, c := range []struct {
		f    store.Filter
		want int
	}{
		{store.Filter{Found: "yes"}, 1},
		{store.Filter{Found: "no"}, 2},
		{store.Filter{Page: "/blog"}, 1},
		{store.Filter{From: day2}, 1},
		{store.Filter{From: day1, To: day1}, 1},
		{store.Filter{Limit: 2}, 2},
	} {
		got, err := s.Feedback(ctx, c.f)
		if err != nil || len(got) != c.want {
			t.Errorf("filter %+v: %d items, %v; want %d", c.f, len(got), err, c.want)
		}
	}
	// Retention deletes what is older; staff delete one item.
	if n, err := s.PurgeFeedback(ctx, day1.AddDate(-2, 0, 0)); err != nil || n != 1 {
		t.Errorf("purge: %d, %v", n, err)
	}
	if ok, err := s.DeleteFeedback(ctx, ids[2]); !ok || err != nil {
		t.Errorf("delete: %v %v", ok, err)
	}
	if ok, err := s.DeleteFeedback(ctx, ids[2]); ok || err != nil {
		t.Errorf("delete again: %v %v", ok, err)
	}
	// back to the two TestSQLite expects after reopening
	if _, err := s.AddFeedback(ctx, b); err != nil {
		t.Fatal(err)
	}
}
