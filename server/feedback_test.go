//go:build !wasm

package server

import (
	"context"
	"html"
	"io"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"
	"time"

	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
	dbstore "nhsdigital/server/store"
)

const fbPath = pagetype.FeedbackPath

func feedbackItems(t *testing.T, srv *Server) []dbstore.Feedback {
	t.Helper()
	items, err := srv.db.Feedback(context.Background(), dbstore.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

func form(kv ...string) string {
	v := url.Values{}
	for i := 0; i+1 < len(kv); i += 2 {
		v.Set(kv[i], kv[i+1])
	}
	return v.Encode()
}

// The form works without JavaScript: a valid post is stored before the 303
// to the thank-you note; the old address redirects; every footer links it.
func TestFeedbackForm(t *testing.T) {
	srv := newServer(t, realStore(t))
	page := get(srv, fbPath)
	for _, want := range []string{`<form class="nhsd-fb" method="post" action="` + fbPath, `name="found" type="radio" value="yes"`, `id="fb-more"`, `id="fb-email"`, "We keep feedback for 2 years", `name="website"`,
		// What the fields are for, for browsers that fill them in (WCAG 1.3.5).
		`name="email" type="email" autocomplete="email"`, `name="organisation" type="text" autocomplete="organization"`, `name="role" type="text" autocomplete="organization-title"`} {
		if !strings.Contains(page.body, want) {
			t.Errorf("the form lacks %s", want)
		}
	}
	if r := get(srv, "/forms/tell-us-what-you-think-of-our-website"); r.code != http.StatusMovedPermanently || r.header.Get("Location") != fbPath {
		t.Errorf("old form address: %d %s", r.code, r.header.Get("Location"))
	}
	for _, p := range []string{"/", "/services/spine", "/blog", "/search?q=spine"} {
		if !strings.Contains(get(srv, p).body, `href="`+fbPath+`"`) {
			t.Errorf("%s: the footer does not link the feedback form", p)
		}
	}
	rec := post(srv, fbPath, form("reason", "Looking for Spine", "found", "no", "more", "Could not find the <b>contact</b> page\r\nsecond line", "page", "/services/spine", "email", "a@example.org", "role", "GP"), "Sec-Fetch-Site", "same-origin")
	if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != fbPath+"?sent=1" {
		t.Fatalf("valid post: %d %s %s", rec.Code, rec.Header().Get("Location"), rec.Body)
	}
	items := feedbackItems(t, srv)
	if len(items) != 1 || items[0].More != "Could not find the <b>contact</b> page\nsecond line" || items[0].Found != "no" || items[0].Page != "/services/spine" || items[0].Email != "a@example.org" || items[0].Source != "form" {
		t.Fatalf("stored %+v", items)
	}
	if r := get(srv, fbPath+"?sent=1"); !strings.Contains(r.body, "Thank you for your feedback") || strings.Contains(r.body, `class="nhsd-fb"`) {
		t.Error("no thank-you note after sending")
	}
	// "Report a problem with this page" fills in the page's address.
	spine := get(srv, "/services/spine").body
	if !strings.Contains(spine, `href="`+fbPath+`?page=%2Fservices%2Fspine"`) {
		t.Error("no Report a problem link with the page's address")
	}
	if r := get(srv, fbPath+"?page=%2Fservices%2Fspine"); !strings.Contains(r.body, `id="fb-page" name="page" type="text" value="/services/spine"`) {
		t.Error("the report link does not fill in the page")
	}
}

// Errors: the GOV.UK pattern, values kept, nothing stored; every kind of
// bad input gets a clear answer and stores nothing.
func TestFeedbackErrors(t *testing.T) {
	srv := newServer(t, realStore(t))
	rec := post(srv, fbPath, form("reason", `"><script>alert(1)</script>`, "more", "", "email", "not-an-address", "organisation", "NHS \"Trust\" & co"), "Sec-Fetch-Site", "same-origin")
	body := rec.Body.String()
	if rec.Code != http.StatusBadRequest {
		t.Fatalf("missing fields: %d", rec.Code)
	}
	for _, want := range []string{
		`class="nhsd-error-summary" id="fb-errors" role="alert"`, "autofocus", "We found some errors",
		`href="#fb-found-yes">Say whether you found what you were looking for</a>`,
		`href="#fb-more">Tell us more about your visit</a>`,
		`href="#fb-email">Enter an email address`,
		`id="fb-more-error"`, `aria-describedby="fb-more-hint fb-more-error" aria-invalid="true"`,
		`value="&#34;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"`, `value="NHS &#34;Trust&#34; &amp; co"`, `value="not-an-address"`,
		"<title>Error: ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("error page lacks %s", want)
		}
	}
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "/app.js") {
		t.Error("the error page carries markup from the post, or the client that would drop the values")
	}
	long := strings.Repeat("é", 2001)
	cases := []struct {
		name    string
		method  string
		body    string
		headers []string
		want    int
	}{
		{"too long a field", "POST", form("found", "yes", "more", long), nil, 400},
		{"invalid UTF-8", "POST", "found=yes&more=%ff%fe", nil, 400},
		{"control characters", "POST", "found=yes&more=a%00b", nil, 400},
		{"unknown answer", "POST", form("found", "maybe", "more", "x"), nil, 400},
		{"oversized body", "POST", form("found", "yes", "more", strings.Repeat("x", feedbackMaxBody)), nil, 413},
		{"not form encoding", "POST", "found=yes&more=hello%zz", nil, 400},
		{"wrong method", "PUT", form("found", "yes", "more", "x"), nil, 405},
		{"DELETE", "DELETE", "", nil, 405},
		{"forged origin", "POST", form("found", "yes", "more", "x"), []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"null origin", "POST", form("found", "yes", "more", "x"), []string{"Origin", "null"}, 403},
		{"honeypot", "POST", form("found", "yes", "more", "x", "website", "http://spam.example"), nil, 303},
	}
	for _, c := range cases {
		req := httptest.NewRequest(c.method, fbPath, strings.NewReader(c.body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		for i := 0; i+1 < len(c.headers); i += 2 {
			req.Header.Set(c.headers[i], c.headers[i+1])
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		if rec.Code != c.want {
			t.Errorf("%s: %d, want %d: %.200s", c.name, rec.Code, c.want, rec.Body)
		}
		if rec.Code >= 400 && strings.TrimSpace(rec.Body.String()) == "" {
			t.Errorf("%s: no explanation", c.name)
		}
	}
	if items := feedbackItems(t, srv); len(items) != 0 {
		t.Errorf("bad input stored: %+v", items)
	}
	// A database that does not answer: 503, the values kept.
	srv.db.Close()
	rec = post(srv, fbPath, form("found", "yes", "more", "kept words"), "Sec-Fetch-Site", "same-origin")
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "kept words") || !strings.Contains(rec.Body.String(), "could not save your feedback") {
		t.Errorf("database down: %d", rec.Code)
	}
	if r := get(srv, "/services/spine"); r.code != 200 {
		t.Errorf("pages stop with the database: %d", r.code)
	}
}

// "Is this page useful?": one click counts, "No" opens the box, what is
// typed there is kept as feedback; nothing is set on the device.
func TestUseful(t *testing.T) {
	srv := newServer(t, realStore(t))
	page := get(srv, "/services/spine").body
	if !strings.Contains(page, `<form class="nhsd-useful__form" method="post" action="/useful"><input type="hidden" name="path" value="/services/spine">`) {
		t.Fatal("no useful form on a content page")
	}
	for _, p := range []string{"/", "/search", fbPath, "/cookies", "/no-such-page"} {
		if strings.Contains(get(srv, p).body, "nhsd-useful__form") {
			t.Errorf("%s has the useful form", p)
		}
	}
	for _, c := range []struct{ body, loc string }{
		{"path=%2Fservices%2Fspine&answer=yes", "/services/spine?useful=yes#nhsd-useful-thanks"},
		{"path=%2Fservices%2Fspine&answer=no", "/services/spine?useful=no"},
		{"path=%2Fservices%2Fspine&answer=detail&comment=The+table+is+out+of+date", "/services/spine?useful=sent#nhsd-useful-thanks"},
	} {
		rec := post(srv, "/useful", c.body, "Sec-Fetch-Site", "same-origin")
		if rec.Code != http.StatusSeeOther || rec.Header().Get("Location") != c.loc || len(rec.Result().Cookies()) > 0 {
			t.Errorf("%s: %d %s", c.body, rec.Code, rec.Header().Get("Location"))
		}
	}
	if r := get(srv, "/services/spine?useful=no"); !strings.Contains(r.body, `id="nhsd-useful-text" name="comment"`) {
		t.Error("No does not open the what-went-wrong box")
	}
	counts, _ := srv.db.Counts(context.Background(), timeNow(), timeNow())
	if len(counts) != 1 || counts[0].Useful != 1 || counts[0].NotUsed != 1 {
		t.Errorf("counts %+v", counts)
	}
	if items := feedbackItems(t, srv); len(items) != 1 || items[0].Source != "useful" || items[0].More != "The table is out of date" {
		t.Errorf("what went wrong: %+v", items)
	}
	for _, bad := range []string{"path=%2Fnope&answer=yes", "path=%2Fservices%2Fspine&answer=maybe", "path=https%3A%2F%2Fevil.example&answer=yes", "path=%2Fservices%2Fspine&answer=detail&comment=" + strings.Repeat("x", 1001)} {
		if rec := post(srv, "/useful", bad, "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusBadRequest {
			t.Errorf("%.60s: %d", bad, rec.Code)
		}
	}
	if rec := post(srv, "/useful", "path=%2Fservices%2Fspine&answer=yes", "Sec-Fetch-Site", "cross-site"); rec.Code != http.StatusForbidden {
		t.Errorf("cross-site answer: %d", rec.Code)
	}
	if r := get(srv, "/useful"); r.code != http.StatusMethodNotAllowed {
		t.Errorf("GET /useful: %d", r.code)
	}
}

// The client address: the right-most X-Forwarded-For hop that is not a
// trusted proxy, and only when the connection comes from one.
func TestClientAddrLimitsAndStaff(t *testing.T) {
	srv := newServer(t, realStore(t))
	srv.proxies, _ = ParseTrustedProxies("10.0.0.0/8, 127.0.0.1")
	for _, c := range []struct{ remote, xff, want string }{
		{"192.0.2.1:5", "", "192.0.2.1"},
		{"192.0.2.1:5", "203.0.113.9", "192.0.2.1"}, // not from a proxy: the header is ignored
		{"10.1.2.3:5", "203.0.113.9", "203.0.113.9"},
		{"10.1.2.3:5", "1.1.1.1, 203.0.113.9, 10.9.9.9", "203.0.113.9"}, // a client's own entry on the left is not believed
		{"127.0.0.1:5", "garbage, 203.0.113.9", "203.0.113.9"},
		{"10.1.2.3:5", "203.0.113.9, garbage", "10.1.2.3"},
		{"10.1.2.3:5", "10.2.2.2", "10.2.2.2"},
		{"[::ffff:10.1.2.3]:5", "2001:db8::1", "2001:db8::1"},
	} {
		req := httptest.NewRequest("GET", "/", nil)
		req.RemoteAddr = c.remote
		if c.xff != "" {
			req.Header.Set("X-Forwarded-For", c.xff)
		}
		if got := srv.clientAddr(req); got != c.want {
			t.Errorf("%s via %q: %s, want %s", c.remote, c.xff, got, c.want)
		}
	}
	if _, err := ParseTrustedProxies("10.0.0.0/33"); err == nil {
		t.Error("a bad range accepted")
	}
	// The operators' check: nothing that came through a proxy is the
	// operator (a proxy on this machine would make every visitor look
	// local); operators use the token, or the server's own address.
	staff := func(remote, xff string) int {
		req := httptest.NewRequest("GET", "/feedback", nil)
		req.RemoteAddr = remote
		if xff != "" {
			req.Header.Set("X-Forwarded-For", xff)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec.Code
	}
	if c := staff("127.0.0.1:5", "203.0.113.9"); c != http.StatusForbidden {
		t.Errorf("outside visitor through the proxy: %d", c)
	}
	if c := staff("127.0.0.1:5", "127.0.0.1"); c != http.StatusForbidden {
		t.Errorf("this machine through the proxy: %d", c)
	}
	srv.proxies = nil
	if c := staff("127.0.0.1:5", "203.0.113.9"); c != http.StatusForbidden {
		t.Errorf("an unknown proxy on this machine: %d", c)
	}
	// Rate limits key on the client behind the proxy.
	srv.proxies = []netip.Prefix{netip.MustParsePrefix("192.0.2.0/24")} // httptest's own address
	limited := map[string]int{}
	for _, client := range []string{"203.0.113.1", "203.0.113.2"} {
		for i := 0; i < feedbackPerClient+2; i++ {
			rec := post(srv, fbPath, form("found", "yes", "more", "x"), "Sec-Fetch-Site", "same-origin", "X-Forwarded-For", client)
			if rec.Code == http.StatusTooManyRequests {
				limited[client]++
			}
		}
	}
	if limited["203.0.113.1"] != 2 || limited["203.0.113.2"] != 2 {
		t.Errorf("limited per client: %v", limited)
	}
}

// Staff pages: operators only; feedback newest first with filters, CSV
// and delete; statistics as a page with a chart and a table, CSV, JSON.
func TestStaffPages(t *testing.T) {
	srv := newServer(t, realStore(t))
	for _, more := range []string{"alphaword", "=HYPERLINK(\"x\")", "third"} {
		post(srv, fbPath, form("found", "yes", "more", more, "page", "/blog"), "Sec-Fetch-Site", "same-origin")
	}
	post(srv, fbPath, form("found", "no", "more", "<i>omegaword</i>", "page", "/services"), "Sec-Fetch-Site", "same-origin")
	post(srv, "/statistics", "/services/spine", "Sec-Fetch-Site", "same-origin")
	post(srv, "/useful", "path=%2Fservices%2Fspine&answer=no", "Sec-Fetch-Site", "same-origin")
	staffAt := func(host, target string, accept string) response {
		req := httptest.NewRequest("GET", target, nil)
		req.RemoteAddr = "127.0.0.1:4000"
		req.Host = host
		if accept != "" {
			req.Header.Set("Accept", accept)
		}
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return response{rec.Code, rec.Header(), rec.Body.String()}
	}
	staff := func(target string, accept string) response { return staffAt("127.0.0.1:8000", target, accept) }
	if r := get(srv, "/feedback"); r.code != http.StatusForbidden {
		t.Errorf("feedback from elsewhere: %d", r.code)
	}
	// A page on another site whose name was pointed at 127.0.0.1 (DNS
	// rebinding), in the browser of someone at this machine, reads and
	// deletes nothing.
	for _, target := range []string{"/feedback", "/feedback?format=csv", "/statistics", "/statistics?format=csv"} {
		if r := staffAt("attacker.example:8000", target, ""); r.code != http.StatusForbidden || strings.Contains(r.body, "omegaword") {
			t.Errorf("%s for another host name on loopback: %d", target, r.code)
		}
	}
	for _, host := range []string{"localhost:8000", "LOCALHOST", "[::1]:8000", "127.0.0.2"} {
		if r := staffAt(host, "/feedback", ""); r.code != 200 {
			t.Errorf("/feedback for Host %s: %d", host, r.code)
		}
	}
	r := staff("/feedback", "text/html")
	if r.code != 200 || strings.Index(r.body, "omegaword") > strings.Index(r.body, "alphaword") || strings.Contains(r.body, "<i>omegaword") {
		t.Errorf("list: %d, newest first and escaped?", r.code)
	}
	if r := staff("/feedback?found=no", ""); !strings.Contains(r.body, "omegaword") || strings.Contains(r.body, "alphaword") {
		t.Error("found filter")
	}
	if r := staff("/feedback?page=%2Fblog&format=csv", ""); r.header.Get("Content-Type") != "text/csv; charset=utf-8" || strings.Count(r.body, "\n") != 4 || !strings.Contains(r.body, `'=HYPERLINK`) {
		t.Errorf("CSV: %s", r.body)
	}
	items := feedbackItems(t, srv)
	req := httptest.NewRequest("POST", "/feedback", strings.NewReader("delete="+itoa(items[0].ID)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = "127.0.0.1:4000"
	req.Host = "attacker.example:8000"
	req.Header.Set("Origin", "http://attacker.example:8000")
	rec := httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusForbidden || len(feedbackItems(t, srv)) != 4 {
		t.Errorf("delete for another host name on loopback: %d", rec.Code)
	}
	req = httptest.NewRequest("POST", "/feedback", strings.NewReader("delete="+itoa(items[0].ID)))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	req.RemoteAddr = "127.0.0.1:4000"
	req.Host = "127.0.0.1:8000"
	rec = httptest.NewRecorder()
	srv.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther || len(feedbackItems(t, srv)) != 3 {
		t.Errorf("delete: %d", rec.Code)
	}
	if r := post(srv, "/feedback", "delete="+itoa(items[1].ID), "Sec-Fetch-Site", "same-origin"); r.Code != http.StatusForbidden || len(feedbackItems(t, srv)) != 3 {
		t.Errorf("delete from elsewhere: %d", r.Code)
	}
	st := staff("/statistics", "text/html")
	for _, want := range []string{"<svg role=\"img\"", "<title id=\"chart-title\">", "<table class=\"nhsd-table\">", "<td>/services/spine</td><td>1</td><td>0</td><td>1</td>"} {
		if !strings.Contains(st.body, want) {
			t.Errorf("statistics page lacks %s", want)
		}
	}
	if r := staff("/statistics?format=csv", ""); !strings.Contains(r.body, ",/services/spine,1,0,1") {
		t.Errorf("statistics CSV: %s", r.body)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func timeNow() time.Time { return time.Now() }

// The page carries the form the server writes in the site's words, with
// the page it is about filled in and escaped; the client gets the same
// empty form in the site data.
func TestFeedbackFormInStep(t *testing.T) {
	srv := newServer(t, realStore(t))
	wd := srv.words()
	for _, p := range []string{"", "/services/spine", `"><x>&`} {
		want := feedbackForm(wd, map[string]string{"page": p}, nil)
		if body := get(srv, fbPath+"?page="+url.QueryEscape(p)).body; !strings.Contains(body, want) {
			t.Errorf("page %q: the feedback page does not carry the server's form %s", p, want)
		}
	}
	if got := srv.source.site.Get("feedbackForm").String(); got != feedbackForm(wd, map[string]string{"page": "{page}"}, nil) {
		t.Errorf("the site data's form is not the server's: %s", got)
	}
	// Every word of the form is the site's.
	form := feedbackForm(wd, nil, map[string]string{"": "x", "found": "y", "more": "z"})
	for _, k := range []words.Key{words.FeedbackReason, words.FeedbackReasonHint, words.FeedbackFound, words.Yes, words.No, words.FeedbackMore,
		words.FeedbackPage, words.FeedbackAboutYou, words.FeedbackOrganisation, words.FeedbackRole, words.FeedbackEmail, words.FeedbackTrap,
		words.FeedbackSend, words.FeedbackProblem, words.ErrorPrefix} {
		if !strings.Contains(form, html.EscapeString(wd.Get(k))) {
			t.Errorf("the form lacks %s (%q)", k, wd.Get(k))
		}
	}
	for _, k := range []words.Key{words.FeedbackStatic, words.FeedbackNotice} {
		if !strings.Contains(form, inline.HTML(wd.Get(k))) {
			t.Errorf("the form lacks %s as HTML", k)
		}
	}
}

// emailAddress finds an email address (the JSON-LD's "@type" is not one).
var emailAddress = regexp.MustCompile(`[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`)

// A static copy has no server for the forms: the feedback page says where
// to send feedback instead (only a route the original site gives), and
// its styles hide the forms and show the note, with or without JavaScript.
func TestStaticCopyFeedback(t *testing.T) {
	srv, err := New(Config{Store: realStore(t), Web: os.DirFS("../web"), Static: true})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := Export(srv, dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, strings.TrimPrefix(fbPath, "/"), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `class="nhsd-static-note nhsd-body">This copy of the site cannot receive forms.`) ||
		!strings.Contains(string(page), `href="https://digital.nhs.uk/about-nhs-digital/tell-us-what-you-think-of-our-website"`) || emailAddress.MatchString(string(page)) {
		t.Error("the static feedback page does not say where to send feedback, or names an address")
	}
	nojs, _ := os.ReadFile("../web/static-nojs.css")
	js, _ := os.ReadFile("../web/static.js")
	css, _ := os.ReadFile("../web/site.css")
	if !strings.Contains(string(nojs), ".nhsd-fb, .nhsd-useful__form { display: none; }") || !strings.Contains(string(js), `classList.add("nhsd-static")`) ||
		!strings.Contains(string(css), ".nhsd-static .nhsd-fb, .nhsd-static .nhsd-useful__form") {
		t.Error("a static copy would show forms no server answers")
	}
}

// Every field at its limit fits the body limits in any script (a
// character sent as up to twelve bytes); what is over them is 413, and a
// body that is malformed or stops short is 400, not "too large".
func TestFeedbackBodyLimits(t *testing.T) {
	srv := newServer(t, realStore(t))
	const wide = "😀" // four bytes in UTF-8, twelve encoded
	full := url.Values{"found": {"yes"}, "website": {""}}
	for _, f := range feedbackFields {
		full.Set(f.Name, strings.Repeat(wide, f.Max))
	}
	full.Set("email", strings.Repeat(wide, feedbackFields[len(feedbackFields)-1].Max-6)+"@a.b.c")
	if n := len(full.Encode()); n > feedbackMaxBody {
		t.Fatalf("every feedback field at its limit is %d bytes, over the body limit of %d", n, feedbackMaxBody)
	}
	for name, body := range map[string]string{
		"every field at its limit":          full.Encode(),
		"1,900 Chinese characters":          form("found", "yes", "more", strings.Repeat("中", 1900)),
		"2,000 characters with line breaks": form("found", "yes", "more", strings.Repeat("\r\n", 1000)+strings.Repeat("é", 1000)),
	} {
		if rec := post(srv, fbPath, body, "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusSeeOther {
			t.Errorf("feedback, %s: %d %s", name, rec.Code, rec.Body)
		}
	}
	useful := form("path", "/services/spine", "answer", "detail", "comment", strings.Repeat(wide, usefulMaxComment))
	if len(useful) > usefulMaxBody {
		t.Fatalf("a comment at its limit is %d bytes, over the body limit of %d", len(useful), usefulMaxBody)
	}
	if rec := post(srv, "/useful", useful, "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusSeeOther {
		t.Errorf("useful, a comment at its limit: %d %s", rec.Code, rec.Body)
	}
	// Refused: over the limit (413); not form encoding, a bad content
	// type or a body cut short (400).
	short := func(target string) *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodPost, target, io.MultiReader(strings.NewReader("/serv"), iotest.ErrReader(io.ErrUnexpectedEOF)))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("Sec-Fetch-Site", "same-origin")
		rec := httptest.NewRecorder()
		srv.ServeHTTP(rec, req)
		return rec
	}
	for _, target := range []string{fbPath, "/useful", "/consent", "/statistics"} {
		if rec := post(srv, target, "x="+strings.Repeat("a", feedbackMaxBody+1), "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusRequestEntityTooLarge {
			t.Errorf("%s, over the limit: %d", target, rec.Code)
		}
		if rec := short(target); rec.Code != http.StatusBadRequest {
			t.Errorf("%s, a body cut short: %d %s", target, rec.Code, rec.Body)
		}
		if target == "/statistics" {
			continue // a page's path as text, not a form
		}
		if rec := post(srv, target, "x=%", "Sec-Fetch-Site", "same-origin"); rec.Code != http.StatusBadRequest {
			t.Errorf("%s, not form encoding: %d", target, rec.Code)
		}
		if rec := post(srv, target, "x=1", "Sec-Fetch-Site", "same-origin", "Content-Type", `application/x-www-form-urlencoded; charset="`); rec.Code != http.StatusBadRequest {
			t.Errorf("%s, a bad content type: %d", target, rec.Code)
		}
	}
}
