//go:build !wasm

// Package store keeps what visitors send the site: page views per path per
// day, feedback, and "Is this page useful?" answers per path per day. It
// has two implementations behind one interface, both real databases: SQLite
// in a file (the default: one server, nothing to install) and PostgreSQL
// (several servers behind a load balancer). Every write is committed before
// its call returns, so an answer sent after it is never lost.
package store

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver for database/sql
	_ "modernc.org/sqlite"             // SQLite in pure Go: the binary stays static
)

// Store is the site's database.
type Store interface {
	// AddView counts one view of path on day (UTC).
	AddView(ctx context.Context, path string, day time.Time) error
	// AddUseful counts one "Is this page useful?" answer for path on day.
	AddUseful(ctx context.Context, path string, day time.Time, useful bool) error
	// AddFeedback stores one item and returns its id.
	AddFeedback(ctx context.Context, f Feedback) (int64, error)
	// Feedback lists items newest first.
	Feedback(ctx context.Context, f Filter) ([]Feedback, error)
	// DeleteFeedback deletes one item; false when there was none.
	DeleteFeedback(ctx context.Context, id int64) (bool, error)
	// PurgeFeedback deletes items older than before and says how many.
	PurgeFeedback(ctx context.Context, before time.Time) (int64, error)
	// Counts returns views and useful answers per path per day from day
	// from to day to, both included.
	Counts(ctx context.Context, from, to time.Time) ([]DayCount, error)
	// Kind names the database: "sqlite" or "postgres".
	Kind() string
	// Ping reports whether the database answers (for /readyz).
	Ping(ctx context.Context) error
	Close() error
}

// Feedback is one item of feedback, as typed.
type Feedback struct {
	ID           int64
	Time         time.Time
	Page         string // the page it is about
	Reason       string // why they visited
	Found        string // "yes", "no" or ""
	More         string // what they told us
	Organisation string
	Role         string
	Email        string
	Source       string // "form" or "useful" (the "what went wrong" box)
}

// Filter narrows a feedback listing. Zero values match everything.
type Filter struct {
	From, To time.Time // by day, both included
	Page     string
	Found    string
	Limit    int // at most this many (default 1,000)
}

// DayCount is what one path had on one day.
type DayCount struct {
	Path    string
	Day     string // YYYY-MM-DD
	Views   int64
	Useful  int64
	NotUsed int64 // "not useful" answers
}

// Day is the UTC date of t as the database keeps it.
func Day(t time.Time) string { return t.UTC().Format("2006-01-02") }

// OpenSQLite opens (and creates) the database file site.db in dir, in WAL
// mode, and runs the migrations.
func OpenSQLite(dir string) (Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("store: creating %s: %w", dir, err)
	}
	file := filepath.Join(dir, "site.db")
	// synchronous(FULL): each commit reaches the disk before it returns.
	dsn := "file:" + file + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(FULL)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("store: opening %s: %w", file, err)
	}
	db.SetMaxOpenConns(4)
	s := &sqlStore{db: db, kind: "sqlite"}
	if err := s.migrate(context.Background()); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: %s: %w", file, err)
	}
	return s, nil
}

// OpenPostgres connects to the database at url (postgres://…) and runs the
// migrations, trying for up to wait while the database does not answer.
func OpenPostgres(url string, wait time.Duration) (Store, error) {
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("store: PostgreSQL: %w", err)
	}
	db.SetMaxOpenConns(16)
	db.SetConnMaxIdleTime(time.Minute)
	s := &sqlStore{db: db, kind: "postgres"}
	deadline := time.Now().Add(wait)
	for {
		err = s.migrate(context.Background())
		if err == nil {
			return s, nil
		}
		if time.Now().After(deadline) {
			db.Close()
			return nil, fmt.Errorf("store: PostgreSQL: %w", err)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// sqlStore is both implementations: the SQL is the same but for the
// placeholders ($1 in PostgreSQL) and the migrations' column types.
type sqlStore struct {
	db   *sql.DB
	kind string
}

func (s *sqlStore) Kind() string { return s.kind }
func (s *sqlStore) Close() error { return s.db.Close() }

func (s *sqlStore) Ping(ctx context.Context) error { return s.db.PingContext(ctx) }

// q rewrites ? placeholders for PostgreSQL.
func (s *sqlStore) q(query string) string {
	if s.kind != "postgres" {
		return query
	}
	var b strings.Builder
	n := 0
	for _, c := range query {
		if c == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteRune(c)
	}
	return b.String()
}

// migrations are applied in order, each once, in one transaction each.
// Never edit one that has shipped: add another.
var migrations = []struct{ sqlite, postgres string }{
	{
		sqlite: `CREATE TABLE page_views (path TEXT NOT NULL, day TEXT NOT NULL, views INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (path, day));
CREATE TABLE useful (path TEXT NOT NULL, day TEXT NOT NULL, yes INTEGER NOT NULL DEFAULT 0, no INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (path, day));
CREATE TABLE feedback (id INTEGER PRIMARY KEY AUTOINCREMENT, created INTEGER NOT NULL, day TEXT NOT NULL, page TEXT NOT NULL, reason TEXT NOT NULL, found TEXT NOT NULL, more TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX feedback_created ON feedback (created);`,
		postgres: `CREATE TABLE page_views (path TEXT NOT NULL, day TEXT NOT NULL, views BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (path, day));
CREATE TABLE useful (path TEXT NOT NULL, day TEXT NOT NULL, yes BIGINT NOT NULL DEFAULT 0, no BIGINT NOT NULL DEFAULT 0, PRIMARY KEY (path, day));
CREATE TABLE feedback (id BIGSERIAL PRIMARY KEY, created BIGINT NOT NULL, day TEXT NOT NULL, page TEXT NOT NULL, reason TEXT NOT NULL, found TEXT NOT NULL, more TEXT NOT NULL, organisation TEXT NOT NULL, role TEXT NOT NULL, email TEXT NOT NULL, source TEXT NOT NULL);
CREATE INDEX feedback_created ON feedback (created);`,
	},
}

// migrate brings the schema up to date. In PostgreSQL an advisory lock
// makes servers that start together take turns; in SQLite the
// transaction takes the write lock at BEGIN (_txlock=immediate).
func (s *sqlStore) migrate(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	for {
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if s.kind == "postgres" {
			if _, err := tx.ExecContext(ctx, "SELECT pg_advisory_xact_lock(727274)"); err != nil {
				tx.Rollback()
				return err
			}
		}
		if _, err := tx.ExecContext(ctx, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied BIGINT NOT NULL)"); err != nil {
			tx.Rollback()
			return err
		}
		var have int
		if err := tx.QueryRowContext(ctx, "SELECT COALESCE(MAX(version), 0) FROM schema_version").Scan(&have); err != nil {
			tx.Rollback()
			return err
		}
		if have > len(migrations) {
			tx.Rollback()
			return fmt.Errorf("the database is at schema version %d, newer than this server knows (%d): run a newer server", have, len(migrations))
		}
		if have == len(migrations) {
			return tx.Commit()
		}
		m := migrations[have].sqlite
		if s.kind == "postgres" {
			m = migrations[have].postgres
		}
		for _, stmt := range strings.Split(m, ";\n") {
			if _, err := tx.ExecContext(ctx, stmt); err != nil {
				tx.Rollback()
				return fmt.Errorf("migration %d: %w", have+1, err)
			}
		}
		if _, err := tx.ExecContext(ctx, s.q("INSERT INTO schema_version (version, applied) VALUES (?, ?)"), have+1, time.Now().Unix()); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
}

func (s *sqlStore) AddView(ctx context.Context, path string, day time.Time) error {
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO page_views (path, day, views) VALUES (?, ?, 1)
ON CONFLICT (path, day) DO UPDATE SET views = page_views.views + 1`), path, Day(day))
	return err
}

func (s *sqlStore) AddUseful(ctx context.Context, path string, day time.Time, useful bool) error {
	col := "no"
	if useful {
		col = "yes"
	}
	_, err := s.db.ExecContext(ctx, s.q(`INSERT INTO useful (path, day, `+col+`) VALUES (?, ?, 1)
ON CONFLICT (path, day) DO UPDATE SET `+col+` = useful.`+col+` + 1`), path, Day(day))
	return err
}

func (s *sqlStore) AddFeedback(ctx context.Context, f Feedback) (int64, error) {
	if f.Time.IsZero() {
		f.Time = time.Now()
	}
	var id int64
	err := s.db.QueryRowContext(ctx, s.q(`INSERT INTO feedback (created, day, page, reason, found, more, organisation, role, email, source)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`),
		f.Time.UnixMicro(), Day(f.Time), f.Page, f.Reason, f.Found, f.More, f.Organisation, f.Role, f.Email, f.Source).Scan(&id)
	return id, err
}

func (s *sqlStore) Feedback(ctx context.Context, f Filter) ([]Feedback, error) {
	where := []string{"1=1"}
	var args []any
	if !f.From.IsZero() {
		where = append(where, "day >= ?")
		args = append(args, Day(f.From))
	}
	if !f.To.IsZero() {
		where = append(where, "day <= ?")
		args = append(args, Day(f.To))
	}
	if f.Page != "" {
		where = append(where, "page = ?")
		args = append(args, f.Page)
	}
	if f.Found != "" {
		where = append(where, "found = ?")
		args = append(args, f.Found)
	}
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	args = append(args, f.Limit)
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT id, created, page, reason, found, more, organisation, role, email, source FROM feedback
WHERE `+strings.Join(where, " AND ")+` ORDER BY created DESC, id DESC LIMIT ?`), args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []Feedback
	for rows.Next() {
		var it Feedback
		var created int64
		if err := rows.Scan(&it.ID, &created, &it.Page, &it.Reason, &it.Found, &it.More, &it.Organisation, &it.Role, &it.Email, &it.Source); err != nil {
			return nil, err
		}
		it.Time = time.UnixMicro(created).UTC()
		out = append(out, it)
	}
	return out, rows.Err()
}

func (s *sqlStore) DeleteFeedback(ctx context.Context, id int64) (bool, error) {
	res, err := s.db.ExecContext(ctx, s.q("DELETE FROM feedback WHERE id = ?"), id)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n > 0, err
}

func (s *sqlStore) PurgeFeedback(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, s.q("DELETE FROM feedback WHERE created < ?"), before.UnixMicro())
	if err != nil {
		return 0, err
	}
	return res.RowsAffected()
}

func (s *sqlStore) Counts(ctx context.Context, from, to time.Time) ([]DayCount, error) {
	rows, err := s.db.QueryContext(ctx, s.q(`SELECT path, day, SUM(views), SUM(yes), SUM(no) FROM (
  SELECT path, day, views, 0 AS yes, 0 AS no FROM page_views WHERE day >= ? AND day <= ?
  UNION ALL
  SELECT path, day, 0, yes, no FROM useful WHERE day >= ? AND day <= ?
) AS c GROUP BY path, day ORDER BY day, path`), Day(from), Day(to), Day(from), Day(to))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []DayCount
	for rows.Next() {
		var c DayCount
		if err := rows.Scan(&c.Path, &c.Day, &c.Views, &c.Useful, &c.NotUsed); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}
