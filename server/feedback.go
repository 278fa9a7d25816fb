//go:build !wasm

package server

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"html"
	"log"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
	"nhsdigital/server/store"
)

// dbTimeout bounds each database call made for a request: a database that
// does not answer gets the visitor a 503, not a hung page.
const dbTimeout = 5 * time.Second

// limiter allows each client at most max requests a window, counted under
// a keyed hash (the key lives only in memory), and bounds the clients it
// remembers.
type limiter struct {
	mu     sync.Mutex
	max    int
	per    time.Duration
	start  time.Time
	counts map[string]int
	salt   [16]byte
}

func newLimiter(max int, per time.Duration) *limiter {
	l := &limiter{max: max, per: per, start: time.Now(), counts: map[string]int{}}
	rand.Read(l.salt[:])
	return l
}

func (l *limiter) allow(client string) bool {
	sum := sha256.Sum256(append(l.salt[:], client...))
	key := hex.EncodeToString(sum[:8])
	l.mu.Lock()
	defer l.mu.Unlock()
	if time.Since(l.start) > l.per || len(l.counts) > 100000 {
		l.counts, l.start = map[string]int{}, time.Now()
	}
	if l.counts[key] >= l.max {
		return false
	}
	l.counts[key]++
	return true
}

const (
	feedbackMaxBody   = 48 << 10 // bytes: every field at its limit fits (checked by TestFeedbackBodyLimits)
	feedbackPerClient = 10       // posts per client every 10 minutes
	usefulPerClient   = 30
	usefulMaxComment  = 1000
	usefulMaxBody     = 16 << 10 // bytes: a comment at its limit and a page's path fit (TestFeedbackBodyLimits)
)

var emailRE = regexp.MustCompile(`^[^\s@]+@[^\s@]+\.[^\s@]+$`)

// cleanText checks a field: valid UTF-8, no control characters but line
// breaks and tabs, at most max characters. It trims the ends. The problem
// is said in the words w, about the field named field.
func cleanText(w words.Words, field, v string, max int) (string, string) {
	if !utf8.ValidString(v) {
		return "", w.Fill(words.FeedbackUnreadableText, "field", field)
	}
	v = strings.TrimSpace(strings.ReplaceAll(v, "\r\n", "\n"))
	for _, c := range v {
		if unicode.IsControl(c) && c != '\n' && c != '\t' {
			return "", w.Fill(words.FeedbackUnreadableText, "field", field)
		}
	}
	if n := utf8.RuneCountInString(v); n > max {
		return "", w.Fill(words.FeedbackTooLong, "field", field, "max", strconv.Itoa(max), "count", strconv.Itoa(n))
	}
	return v, ""
}

// serveFeedbackPost answers the feedback form: 303 to the thank-you note
// once the item is committed, or the form again with the values kept and
// the GOV.UK error summary (400), or a clear 503 when the database does
// not answer.
func (s *Server) serveFeedbackPost(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.readForm(w, r, formPost{allow: "GET, HEAD, POST", limit: feedbackMaxBody,
		badMethod:  "Send feedback with the form on this page.",
		crossSite:  "Feedback can only be sent from this site's own form.",
		tooLarge:   "The form was too large: keep each answer shorter and try again.",
		unreadable: "The form could not be read: go back and try again."}) {
		return
	}
	values := map[string]string{}
	errs := map[string]string{}
	wd := s.words()
	for _, f := range feedbackFields {
		raw := r.PostForm.Get(f.Name)
		v, problem := cleanText(wd, wd.Get(f.Label), raw, f.Max)
		if problem != "" {
			errs[f.Name] = problem
			if utf8.ValidString(raw) {
				v = raw
			} else {
				v = strings.ToValidUTF8(raw, "\uFFFD")
			}
		}
		values[f.Name] = v
	}
	values["found"] = r.PostForm.Get("found")
	if values["found"] != "yes" && values["found"] != "no" {
		values["found"] = ""
		errs["found"] = wd.Get(words.FeedbackNeedFound)
	}
	if values["more"] == "" && errs["more"] == "" {
		errs["more"] = wd.Get(words.FeedbackNeedMore)
	}
	if e := values["email"]; e != "" && errs["email"] == "" && !emailRE.MatchString(e) {
		errs["email"] = wd.Get(words.FeedbackBadEmail)
	}
	if r.PostForm.Get("website") != "" {
		// The hidden field is filled: a robot. It gets what a person would.
		http.Redirect(w, r, pagetype.FeedbackPath+"?sent=1", http.StatusSeeOther)
		return
	}
	if len(errs) > 0 {
		errs[""] = wd.Get(words.FeedbackErrors)
		s.feedbackPage(w, r, http.StatusBadRequest, values, errs)
		return
	}
	if !s.feedbackLimit.allow(s.clientAddr(r)) {
		s.feedbackPage(w, r, http.StatusTooManyRequests, values, map[string]string{"": wd.Get(words.FeedbackTooMany)})
		return
	}
	if s.db == nil {
		s.feedbackPage(w, r, http.StatusServiceUnavailable, values, map[string]string{"": wd.Get(words.FeedbackNoStore)})
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	_, err := s.db.AddFeedback(ctx, store.Feedback{Time: time.Now(), Page: values["page"], Reason: values["reason"], Found: values["found"],
		More: values["more"], Organisation: values["organisation"], Role: values["role"], Email: values["email"], Source: "form"})
	if err != nil {
		log.Printf("feedback not stored: %v", err)
		w.Header().Set("Retry-After", "120")
		s.feedbackPage(w, r, http.StatusServiceUnavailable, values, map[string]string{"": wd.Get(words.FeedbackSaveFailed)})
		return
	}
	http.Redirect(w, r, pagetype.FeedbackPath+"?sent=1", http.StatusSeeOther)
}

// feedbackPage answers with the feedback page, its form showing the
// visitor's values and the errors. The page is not taken over by the
// client: it would render the empty form.
func (s *Server) feedbackPage(w http.ResponseWriter, r *http.Request, status int, values, errs map[string]string) {
	get := r.Clone(r.Context())
	get.Method = http.MethodGet
	get.URL = &url.URL{Path: pagetype.FeedbackPath}
	get.RequestURI = pagetype.FeedbackPath
	pg := s.render(get)
	wd := s.words()
	empty := []byte(strings.Replace(s.source.feedbackForm, "{page}", "", 1))
	body := bytes.Replace(pg.asset.plain(), empty, []byte(feedbackForm(wd, values, errs)), 1)
	body = withoutClient(body)
	if i, j := bytes.Index(body, []byte("<title>")), bytes.Index(body, []byte("</title>")); i >= 0 && j > i {
		title := wd.Fill(words.ErrorTitle, "title", html.UnescapeString(string(body[i+len("<title>"):j])))
		body = slices.Concat(body[:i+len("<title>")], []byte(html.EscapeString(title)), body[j:])
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(body)
}

// clientScript matches go-app's script that starts the client.
var clientScript = regexp.MustCompile(`<script[^>]*src="/(app|wasm_exec)\.js[^"]*"[^>]*></script>`)

func withoutClient(body []byte) []byte { return clientScript.ReplaceAll(body, nil) }

// serveUseful answers "Is this page useful?": yes or no is counted for the
// page and day, and "no" brings the "what went wrong" box; what is typed
// there is kept as feedback. Nothing identifies the visitor.
func (s *Server) serveUseful(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	if !s.readForm(w, r, formPost{allow: "POST", limit: usefulMaxBody,
		badMethod:  "Answer with the buttons at the foot of a page.",
		crossSite:  "Answers can only be sent from this site.",
		tooLarge:   "The answer was too large.",
		unreadable: "The answer could not be read."}) {
		return
	}
	p := r.PostForm.Get("path")
	if d, ok := s.localPage(p); !ok || d.Type == "not-found" {
		http.Error(w, "That is not a page of this site.", http.StatusBadRequest)
		return
	}
	answer := r.PostForm.Get("answer")
	comment, problem := cleanText(s.words(), "What went wrong", r.PostForm.Get("comment"), usefulMaxComment)
	switch {
	case answer != "yes" && answer != "no" && answer != "detail":
		http.Error(w, "The answer must be yes or no.", http.StatusBadRequest)
		return
	case answer == "detail" && problem != "":
		http.Error(w, problem+". Go back and shorten it.", http.StatusBadRequest)
		return
	}
	if !s.usefulLimit.allow(s.clientAddr(r)) {
		http.Error(w, "Too many answers in a short time; try again in ten minutes.", http.StatusTooManyRequests)
		return
	}
	if s.db == nil {
		http.Error(w, "This server keeps no answers.", http.StatusServiceUnavailable)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), dbTimeout)
	defer cancel()
	var err error
	next := answer
	switch answer {
	case "detail":
		next = "sent"
		if comment != "" {
			_, err = s.db.AddFeedback(ctx, store.Feedback{Time: time.Now(), Page: p, Found: "no", More: comment, Source: "useful"})
		}
	default:
		err = s.db.AddUseful(ctx, p, time.Now(), answer == "yes")
	}
	if err != nil {
		log.Printf("useful answer not stored: %v", err)
		w.Header().Set("Retry-After", "120")
		http.Error(w, "Sorry, we could not save your answer just now. Go back and try again in a few minutes.", http.StatusServiceUnavailable)
		return
	}
	// After "No" the box's text area takes focus (autofocus, which a
	// fragment in the address would stop); after an answer the thanks
	// takes focus (the browser focuses a fragment's target that can take
	// it), where the button the visitor pressed was.
	to := p + "?useful=" + next
	if next != "no" {
		to += "#nhsd-useful-thanks"
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
}
