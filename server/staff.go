//go:build !wasm

package server

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"html/template"
	"log"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"nhsdigital/server/store"
)

// Staff pages: /statistics (page views and usefulness per page over
// time) and /feedback (what visitors sent), for operators only (this
// machine, or the token: see operator). Plain server HTML with the site's
// stylesheet; each has a CSV copy (?format=csv).

var staffPage = template.Must(template.New("staff").Parse(`<!DOCTYPE html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>{{.Title}} - staff</title><link rel="stylesheet" href="{{.CSS}}"></head>
<body><main id="main-content" class="nhsd-width-container nhsd-page nhsd-staff">
<h1 class="nhsd-heading-xl">{{.Title}}</h1>
<p class="nhsd-body"><a class="nhsd-link" href="/statistics">Page views and usefulness</a> · <a class="nhsd-link" href="/feedback">Feedback</a> · stored in {{.Kind}}</p>
{{if .Note}}<p class="nhsd-body" role="status">{{.Note}}</p>{{end}}
{{.Body}}
</main></body></html>`))

type staffData struct {
	Title, CSS, Kind, Note string
	Body                   template.HTML
}

func (s *Server) staff(w http.ResponseWriter, title, note string, body template.HTML) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	kind := "no database"
	if s.db != nil {
		kind = s.db.Kind()
	}
	staffPage.Execute(w, staffData{Title: title, CSS: s.versioned("/web/site.css"), Kind: kind, Note: note, Body: body})
}

func dbUnavailable(w http.ResponseWriter, err error) {
	log.Printf("staff page: %v", err)
	w.Header().Set("Retry-After", "60")
	http.Error(w, "The database is not answering; try again in a minute.", http.StatusServiceUnavailable)
}

// serveFeedbackList lists feedback newest first, with filters (from, to,
// page, found) and CSV; a POST with delete=ID deletes one item.
func (s *Server) serveFeedbackList(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("X-Robots-Tag", "noindex")
	if r.Method != http.MethodGet && r.Method != http.MethodHead && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, HEAD, POST")
		http.Error(w, "Use GET to read feedback, POST to delete an item.", http.StatusMethodNotAllowed)
		return
	}
	if !s.operator(r) {
		http.Error(w, "Feedback is for the site's staff.", http.StatusForbidden)
		return
	}
	if s.db == nil {
		http.Error(w, "This server keeps no feedback.", http.StatusServiceUnavailable)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	if r.Method == http.MethodPost {
		if !s.readForm(w, r, formPost{allow: "GET, HEAD, POST", limit: 1 << 10,
			crossSite:  "Feedback can only be deleted from this site.",
			tooLarge:   "The form was too large.",
			unreadable: "The form could not be read."}) {
			return
		}
		id, err := strconv.ParseInt(r.PostForm.Get("delete"), 10, 64)
		if err != nil {
			http.Error(w, "Say which item to delete.", http.StatusBadRequest)
			return
		}
		ok, err := s.db.DeleteFeedback(ctx, id)
		if err != nil {
			dbUnavailable(w, err)
			return
		}
		if !ok {
			http.Error(w, "There is no such item (it may have been deleted already).", http.StatusNotFound)
			return
		}
		http.Redirect(w, r, "/feedback?deleted="+strconv.FormatInt(id, 10), http.StatusSeeOther)
		return
	}
	q := r.URL.Query()
	f := store.Filter{Page: q.Get("page"), Found: q.Get("found"), Limit: 1000}
	if f.Found != "yes" && f.Found != "no" {
		f.Found = ""
	}
	f.From, _ = time.Parse("2006-01-02", q.Get("from"))
	f.To, _ = time.Parse("2006-01-02", q.Get("to"))
	items, err := s.db.Feedback(ctx, f)
	if err != nil {
		dbUnavailable(w, err)
		return
	}
	if q.Get("format") == "csv" {
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="feedback.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"id", "time", "page", "why", "found", "more", "organisation", "role", "email", "source"})
		for _, it := range items {
			cw.Write([]string{strconv.FormatInt(it.ID, 10), it.Time.Format(time.RFC3339), csvSafe(it.Page), csvSafe(it.Reason), it.Found, csvSafe(it.More), csvSafe(it.Organisation), csvSafe(it.Role), csvSafe(it.Email), it.Source})
		}
		cw.Flush()
		return
	}
	var b strings.Builder
	esc := template.HTMLEscapeString
	sel := func(v string) string {
		if f.Found == v {
			return " selected"
		}
		return ""
	}
	fmt.Fprintf(&b, `<form class="nhsd-staff__filters" method="get" action="/feedback">
<label class="nhsd-label" for="from">From (YYYY-MM-DD)</label><input class="nhsd-input" id="from" name="from" value="%s">
<label class="nhsd-label" for="to">To (YYYY-MM-DD)</label><input class="nhsd-input" id="to" name="to" value="%s">
<label class="nhsd-label" for="page">Page</label><input class="nhsd-input" id="page" name="page" value="%s">
<label class="nhsd-label" for="found">Found what they looked for</label><select class="nhsd-select" id="found" name="found"><option value="">Either</option><option value="yes"%s>Yes</option><option value="no"%s>No</option></select>
<button class="nhsd-button" type="submit">Filter</button></form>
<p class="nhsd-body">%d item(s), newest first. <a class="nhsd-link" href="/feedback?%s">Download as CSV</a></p>`,
		esc(q.Get("from")), esc(q.Get("to")), esc(f.Page), sel("yes"), sel("no"), len(items), esc(withFormat(q, "csv")))
	for _, it := range items {
		fmt.Fprintf(&b, `<article class="nhsd-staff__item"><h2 class="nhsd-heading-s">%s · %s · found: %s · %s</h2><dl>`,
			it.Time.UTC().Format("2 Jan 2006 15:04 UTC"), esc(it.Page), esc(orDash(it.Found)), esc(it.Source))
		for _, kv := range [][2]string{{"Why they came", it.Reason}, {"Told us", it.More}, {"Organisation", it.Organisation}, {"Role", it.Role}, {"Email", it.Email}} {
			if kv[1] != "" {
				fmt.Fprintf(&b, `<dt>%s</dt><dd class="nhsd-staff__text">%s</dd>`, kv[0], esc(kv[1]))
			}
		}
		fmt.Fprintf(&b, `</dl><form method="post" action="/feedback"><input type="hidden" name="delete" value="%d"><button class="nhsd-button nhsd-button--secondary" type="submit">Delete item %d</button></form></article>`, it.ID, it.ID)
	}
	note := ""
	if d := q.Get("deleted"); d != "" {
		note = "Item " + d + " deleted."
	}
	s.staff(w, "Feedback", note, template.HTML(b.String()))
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// csvSafe keeps a spreadsheet from reading a visitor's text as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

func withFormat(q map[string][]string, format string) string {
	v := make(map[string][]string, len(q)+1)
	for k, x := range q {
		v[k] = x
	}
	v["format"] = []string{format}
	var parts []string
	for _, k := range slices.Sorted(maps.Keys(v)) {
		for _, x := range v[k] {
			parts = append(parts, template.URLQueryEscaper(k)+"="+template.URLQueryEscaper(x))
		}
	}
	return strings.Join(parts, "&")
}

// serveStatsPage shows page views and usefulness per page over the last
// ?days= days (30 by default): a bar chart of views a day (SVG, with the
// same figures in a table), a table per page, CSV and JSON (the totals
// per path, for scripts: Accept without text/html, or ?format=json).
func (s *Server) serveStatsPage(w http.ResponseWriter, r *http.Request) {
	if s.db == nil {
		http.Error(w, "This server keeps no page views.", http.StatusServiceUnavailable)
		return
	}
	q := r.URL.Query()
	days, err := strconv.Atoi(q.Get("days"))
	if err != nil || days < 1 || days > 3660 {
		days = 30
	}
	to := time.Now().UTC()
	from := to.AddDate(0, 0, -(days - 1))
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	counts, err := s.db.Counts(ctx, from, to)
	if err != nil {
		dbUnavailable(w, err)
		return
	}
	format := q.Get("format")
	if format == "" && !strings.Contains(r.Header.Get("Accept"), "text/html") {
		format = "json"
	}
	switch format {
	case "json":
		totals := map[string]int64{}
		for _, c := range counts {
			if c.Views > 0 {
				totals[c.Path] += c.Views
			}
		}
		w.Header().Set("Content-Type", "application/json")
		b, _ := json.MarshalIndent(totals, "", "  ")
		w.Write(b)
		return
	case "csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="statistics.csv"`)
		cw := csv.NewWriter(w)
		cw.Write([]string{"day", "path", "views", "useful", "not useful"})
		for _, c := range counts {
			cw.Write([]string{c.Day, c.Path, strconv.FormatInt(c.Views, 10), strconv.FormatInt(c.Useful, 10), strconv.FormatInt(c.NotUsed, 10)})
		}
		cw.Flush()
		return
	}
	perDay := map[string]int64{}
	yesDay, noDay := map[string]int64{}, map[string]int64{}
	type row struct {
		path           string
		views, yes, no int64
	}
	perPath := map[string]*row{}
	for _, c := range counts {
		perDay[c.Day] += c.Views
		yesDay[c.Day] += c.Useful
		noDay[c.Day] += c.NotUsed
		p := perPath[c.Path]
		if p == nil {
			p = &row{path: c.Path}
			perPath[c.Path] = p
		}
		p.views += c.Views
		p.yes += c.Useful
		p.no += c.NotUsed
	}
	var dayList []string
	var max int64 = 1
	for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
		k := store.Day(d)
		dayList = append(dayList, k)
		if perDay[k] > max {
			max = perDay[k]
		}
	}
	esc := template.HTMLEscapeString
	var b strings.Builder
	fmt.Fprintf(&b, `<p class="nhsd-body">The last %d days (UTC). <a class="nhsd-link" href="/statistics?days=7">7 days</a> · <a class="nhsd-link" href="/statistics?days=30">30 days</a> · <a class="nhsd-link" href="/statistics?days=365">a year</a> · <a class="nhsd-link" href="/statistics?days=%d&amp;format=csv">Download as CSV</a></p>`, days, days)
	// The chart: one bar a day; the table after it has the same figures.
	const width, height = 600, 160
	bw := float64(width) / float64(len(dayList))
	fmt.Fprintf(&b, `<figure class="nhsd-staff__chart"><svg role="img" aria-labelledby="chart-title" viewBox="0 0 %d %d" width="100%%" height="%d"><title id="chart-title">Page views a day, %s to %s: the table below has the figures</title>`, width, height+20, height+20, dayList[0], dayList[len(dayList)-1])
	for i, d := range dayList {
		h := float64(perDay[d]) / float64(max) * height
		fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="#005eb8"><title>%s: %d</title></rect>`, float64(i)*bw+1, height-h, bw-2, h, d, perDay[d])
	}
	fmt.Fprintf(&b, `<text x="0" y="%d" font-size="12">%s</text><text x="%d" y="%d" font-size="12" text-anchor="end">%s</text></svg>`, height+16, dayList[0], width, height+16, dayList[len(dayList)-1])
	b.WriteString(`<figcaption class="nhsd-body">Page views a day. Highest: ` + strconv.FormatInt(max, 10) + `.</figcaption></figure>`)
	b.WriteString(`<details><summary>Each day as a table: views and usefulness</summary><table class="nhsd-table"><thead><tr><th scope="col">Day</th><th scope="col">Views</th><th scope="col">Useful: yes</th><th scope="col">Useful: no</th></tr></thead><tbody>`)
	for _, d := range dayList {
		fmt.Fprintf(&b, `<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>`, d, perDay[d], yesDay[d], noDay[d])
	}
	b.WriteString(`</tbody></table></details><h2 class="nhsd-heading-m">By page</h2><table class="nhsd-table"><thead><tr><th scope="col">Page</th><th scope="col">Views</th><th scope="col">Useful: yes</th><th scope="col">Useful: no</th></tr></thead><tbody>`)
	rows := make([]*row, 0, len(perPath))
	for _, p := range perPath {
		rows = append(rows, p)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].views != rows[j].views {
			return rows[i].views > rows[j].views
		}
		return rows[i].path < rows[j].path
	})
	for _, p := range rows {
		fmt.Fprintf(&b, `<tr><td>%s</td><td>%d</td><td>%d</td><td>%d</td></tr>`, esc(p.path), p.views, p.yes, p.no)
	}
	b.WriteString(`</tbody></table>`)
	s.staff(w, "Page views and usefulness", "", template.HTML(b.String()))
}
