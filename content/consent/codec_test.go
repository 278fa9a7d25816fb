//go:build !wasm

package consent_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os/exec"
	"reflect"
	"strings"
	"testing"
	"time"

	"nhsdigital/content"
	. "nhsdigital/content/consent"
)

const testPolicy = "2024-11-01"

// jsRecord is a record as the driver (testdata/driver.js) writes it.
type jsRecord struct {
	ID      string `json:"id"`
	Time    int64  `json:"time"`
	Policy  string `json:"policy"`
	Choices []bool `json:"choices"`
}

func plain(r *Record) *jsRecord {
	if r == nil {
		return nil
	}
	p := &jsRecord{ID: r.ID, Time: r.Time.Unix(), Policy: r.Policy}
	for _, c := range Categories {
		p.Choices = append(p.Choices, r.Choices[c])
	}
	return p
}

type jsForm struct {
	Form    [][2]string `json:"form"`
	Current string      `json:"current"`
}

type jsDecision struct {
	Choices []bool `json:"choices"`
	Note    string `json:"note"`
}

type jsSave struct {
	Choices map[string]bool `json:"choices"`
	Earlier string          `json:"earlier"`
}

// combinations is every set of choices over the categories.
func combinations() []map[string]bool {
	var out []map[string]bool
	for mask := 0; mask < 1<<len(Categories); mask++ {
		m := map[string]bool{}
		for i, c := range Categories {
			m[c] = mask&(1<<i) != 0
		}
		out = append(out, m)
	}
	return out
}

// codecCases runs the configured JavaScript codec under Node on records,
// cookie values, headers, forms, paths and saves, and compares each answer
// with the Go codec's.
func codecCases(t *testing.T) {
	t.Helper()
	node, err := exec.LookPath("node")
	if err != nil {
		t.Fatal("node is needed to run the JavaScript codec (Node.js 20, as the README says)")
	}
	now := time.Now().UTC().Truncate(time.Second)
	ids := []string{"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60", "00000000-0000-4000-8000-000000000000"}

	// Records: every combination of choices, two IDs, two policies, and
	// times from a second ago to nearly a year.
	var records []*Record
	for _, ch := range combinations() {
		for i, id := range ids {
			for _, pol := range []string{testPolicy, "v3"} {
				records = append(records, &Record{ID: id, Time: now.Add(-time.Duration(i) * 300 * 24 * time.Hour), Policy: pol, Choices: ch})
			}
		}
	}
	// Values to read: those records, every string of letters of the
	// right length over the categories' letters and one that is none,
	// and values malformed in each part.
	var values []string
	for _, r := range records {
		values = append(values, r.Value())
	}
	no, yes := Letters()
	alphabet := no + yes + "x"
	prefix := ids[0] + "." + fmt.Sprint(now.Unix()) + "." + testPolicy + "."
	var spell func(s string)
	spell = func(s string) {
		if len(s) == len(Categories) {
			values = append(values, prefix+s)
			return
		}
		for _, l := range alphabet {
			spell(s + string(l))
		}
	}
	spell("")
	some := records[len(records)/2].Value()
	parts := strings.Split(some, ".")
	lettersOK := parts[3]
	values = append(values, "", "garbage", strings.Repeat("a", 500), some+".", "."+some, some+lettersOK[:1], strings.TrimSuffix(some, lettersOK[len(lettersOK)-1:]),
		strings.ToUpper(some), "not-a-uuid."+parts[1]+"."+parts[2]+"."+lettersOK,
		ids[0]+".yesterday."+testPolicy+"."+lettersOK, ids[0]+".0."+testPolicy+"."+lettersOK, ids[0]+".-5."+testPolicy+"."+lettersOK,
		ids[0]+".+"+parts[1]+"."+testPolicy+"."+lettersOK, ids[0]+".0"+parts[1]+"."+testPolicy+"."+lettersOK,
		ids[0]+"."+fmt.Sprint(now.Add(2*24*time.Hour).Unix())+"."+testPolicy+"."+lettersOK,
		ids[0]+"."+fmt.Sprint(now.Add(-MaxAge-2*24*time.Hour).Unix())+"."+testPolicy+"."+lettersOK,
		ids[0]+"."+fmt.Sprint(now.Add(-MaxAge+24*time.Hour).Unix())+"."+testPolicy+"."+lettersOK,
		ids[0]+".99999999999999999999."+testPolicy+"."+lettersOK,
		ids[0]+"."+parts[1]+".<script>."+lettersOK, ids[0]+"."+parts[1]+"."+strings.Repeat("p", 33)+"."+lettersOK,
		ids[0]+"."+parts[1]+"."+strings.Repeat("p", 32)+"."+lettersOK, ids[0]+"."+parts[1]+".é."+lettersOK,
		ids[0]+"."+parts[1]+".."+lettersOK, some+strings.Repeat("x", 200))
	// Leading zeros make a value of any length that is otherwise good:
	// at most 200 bytes are read.
	for _, n := range []int{200, 201} {
		pad := n - len(some)
		values = append(values, ids[0]+"."+strings.Repeat("0", pad)+parts[1]+"."+parts[2]+"."+lettersOK)
	}

	// Headers: where the cookie may sit among others.
	headers := []string{"", CookieName, CookieName + "=", "a=b; " + CookieName + "=" + some + "; c=d", CookieName + "=" + some,
		"  " + CookieName + "=" + some + "  ", "x" + CookieName + "=" + some, CookieName + "x=" + some,
		CookieName + "=bad; " + CookieName + "=" + some, CookieName + "=" + some + "; " + CookieName + "=bad", CookieName + "==" + some}

	// Forms: every combination of the fields the forms send, against no
	// record and against a record in force with each set of choices.
	currents := []string{""}
	for _, ch := range combinations() {
		currents = append(currents, (&Record{ID: ids[0], Time: now, Policy: testPolicy, Choices: ch}).Value())
	}
	var forms []jsForm
	for _, chose := range []string{"", "accept", "reject", "media", "other"} {
		for _, withdraw := range []bool{false, true} {
			for _, save := range []bool{false, true} {
				for mask := 0; mask < pow(3, len(Categories)); mask++ {
					var f [][2]string
					if chose != "" {
						f = append(f, [2]string{"consent", chose})
					}
					if withdraw {
						f = append(f, [2]string{"withdraw", ""})
					}
					if save {
						f = append(f, [2]string{"save", ""})
					}
					for i, m := 0, mask; i < len(Categories); i, m = i+1, m/3 {
						if v := []string{"", "yes", "no"}[m%3]; v != "" {
							f = append(f, [2]string{Categories[i], v})
						}
					}
					for _, cur := range currents {
						forms = append(forms, jsForm{f, cur})
					}
				}
			}
		}
	}
	forms = append(forms, jsForm{[][2]string{{"consent", "reject"}, {"consent", "accept"}}, ""},
		jsForm{[][2]string{{"consent", "accept"}, {"consent", "reject"}}, ""},
		jsForm{[][2]string{{"save", ""}, {Categories[0], "no"}, {Categories[0], "yes"}}, ""},
		jsForm{[][2]string{{"consent", "ACCEPT"}}, ""}, jsForm{[][2]string{{"Save", ""}}, ""})

	paths := []string{"", "/", "a", "/a", "/a/b", "/a//b", "//x", "///x", "\\x", "/\\x", "/a?b", "/a#b", "/\t/x", "/\n",
		"/\r", "/\x00", "/\x1f", "/\x7f", "/é", "http://x", "/ a", "/%2F/x", "/.", "/../x", " /a"}

	saves := []jsSave{{map[string]bool{Categories[0]: true}, ""}, {map[string]bool{}, some}}
	for _, ch := range combinations() {
		saves = append(saves, jsSave{ch, ""})
	}

	in, _ := json.Marshal(map[string]any{"script": Script(testPolicy), "records": toJS(records), "values": values,
		"headers": headers, "forms": forms, "paths": paths, "saves": saves})
	cmd := exec.Command(node, "testdata/driver.js")
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	raw, err := cmd.Output()
	if err != nil {
		t.Fatalf("node: %v\n%s", err, stderr.String())
	}
	var out struct {
		Categories []string
		Values     []string
		Parsed     []struct {
			Record  *jsRecord
			Current bool
			Allows  []bool
		}
		Read    []*jsRecord
		Decided []*jsDecision
		Local   []bool
		Saved   []string
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(out.Categories, Categories) {
		t.Fatalf("JavaScript categories %v, Go %v", out.Categories, Categories)
	}
	if len(out.Values) != len(records) || len(out.Parsed) != len(values) || len(out.Read) != len(headers) ||
		len(out.Decided) != len(forms) || len(out.Local) != len(paths) || len(out.Saved) != len(saves) {
		t.Fatal("the driver did not answer every case")
	}
	for i, r := range records {
		if out.Values[i] != r.Value() {
			t.Errorf("value of %+v: JavaScript %q, Go %q", r, out.Values[i], r.Value())
		}
	}
	parsedSome := 0
	for i, v := range values {
		r := Parse(v)
		got := out.Parsed[i]
		if !reflect.DeepEqual(got.Record, plain(r)) {
			t.Errorf("parse %q: JavaScript %+v, Go %+v", v, got.Record, plain(r))
		}
		if got.Current != r.Current(testPolicy) {
			t.Errorf("current %q: JavaScript %v, Go %v", v, got.Current, r.Current(testPolicy))
		}
		for j, c := range Categories {
			if want := r.Current(testPolicy) && r.Allows(c); got.Allows[j] != want {
				t.Errorf("allows %q %s: JavaScript %v, Go %v", v, c, got.Allows[j], want)
			}
		}
		if r != nil {
			parsedSome++
		}
	}
	if parsedSome < len(records) || parsedSome == len(values) {
		t.Errorf("%d of %d values read as records: the cases do not test both ways", parsedSome, len(values))
	}
	for i, h := range headers {
		if want := plain(FromCookieHeader(h)); !reflect.DeepEqual(out.Read[i], want) {
			t.Errorf("read %q: JavaScript %+v, Go %+v", h, out.Read[i], want)
		}
	}
	for i, f := range forms {
		form := url.Values{}
		for _, kv := range f.Form {
			form.Add(kv[0], kv[1])
		}
		choices, note, ok := Decide(form, Parse(f.Current))
		var want *jsDecision
		if ok {
			want = &jsDecision{Note: note}
			for _, c := range Categories {
				want.Choices = append(want.Choices, choices[c])
			}
		}
		if !reflect.DeepEqual(out.Decided[i], want) {
			t.Errorf("decide %v with %q: JavaScript %+v, Go %+v", f.Form, f.Current, out.Decided[i], want)
		}
	}
	for i, p := range paths {
		if out.Local[i] != content.LocalPath(p) {
			t.Errorf("local path %q: JavaScript %v, Go %v", p, out.Local[i], content.LocalPath(p))
		}
	}
	for i, s := range saves {
		c, err := http.ParseSetCookie(out.Saved[i])
		if err != nil {
			t.Fatalf("save wrote %q: %v", out.Saved[i], err)
		}
		r := Parse(c.Value)
		if c.Name != CookieName || r == nil || c.Path != "/" || c.MaxAge != int(MaxAge/time.Second) || c.SameSite != http.SameSiteLaxMode ||
			!c.Secure || r.Policy != testPolicy || time.Since(r.Time) > time.Minute {
			t.Errorf("save wrote %q", out.Saved[i])
			continue
		}
		for _, cat := range Categories {
			if r.Choices[cat] != s.Choices[cat] {
				t.Errorf("save %v wrote %q", s.Choices, out.Saved[i])
			}
		}
		if s.Earlier != "" && r.ID != Parse(s.Earlier).ID || s.Earlier == "" && r.ID == ids[0] {
			t.Errorf("save after %q wrote the ID %s", s.Earlier, r.ID)
		}
	}
}

func toJS(records []*Record) []map[string]any {
	var out []map[string]any
	for _, r := range records {
		out = append(out, map[string]any{"id": r.ID, "time": r.Time.Unix(), "policy": r.Policy, "choices": r.Choices})
	}
	return out
}

func pow(a, b int) int {
	n := 1
	for range b {
		n *= a
	}
	return n
}

// TestCodecAgrees runs the JavaScript codec that the page's scripts and
// the service worker use against the Go codec, on every combination of
// choices, letters and form fields.
func TestCodecAgrees(t *testing.T) { codecCases(t) }

// TestCodecAgreesInAnyOrder reorders the categories, as a later change to
// the settings page might, and checks that the cookie's letters follow and
// the two codecs still agree on every combination.
func TestCodecAgreesInAnyOrder(t *testing.T) {
	saved := Categories
	t.Cleanup(func() { Categories = saved })
	only := &Record{ID: "6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60", Time: time.Now(), Policy: testPolicy, Choices: map[string]bool{Statistics: true}}
	seen := map[string]bool{}
	for _, order := range permutations(saved) {
		Categories = order
		t.Run(strings.Join(order, ","), codecCases)
		seen[only.Value()] = true
	}
	// Each order writes the same choices differently: the letters follow.
	if n := len(permutations(saved)); len(seen) != n {
		t.Errorf("statistics alone was written %d ways in %d orders", len(seen), n)
	}
}

func permutations(s []string) [][]string {
	if len(s) <= 1 {
		return [][]string{append([]string(nil), s...)}
	}
	var out [][]string
	for i := range s {
		rest := append(append([]string(nil), s[:i]...), s[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]string{s[i]}, p...))
		}
	}
	return out
}

// TestCategoryLetters checks that each category has a letter of its own,
// in lower case when not allowed and upper case when allowed, so the
// cookie names every choice unambiguously.
func TestCategoryLetters(t *testing.T) {
	no, yes := Letters()
	if len(no) != len(Categories) || strings.ToUpper(no) != yes || strings.ToLower(yes) != no || no == yes {
		t.Fatalf("letters %q and %q for %v", no, yes, Categories)
	}
	for i, c := range Categories {
		if strings.Count(no, no[i:i+1]) != 1 || no[i] != c[0] {
			t.Errorf("category %q is written %q in %q", c, no[i:i+1], no)
		}
	}
}

// TestDecide checks the decision table itself.
func TestDecide(t *testing.T) {
	some := &Record{Choices: map[string]bool{Offline: true}}
	for _, c := range []struct {
		form    string
		current *Record
		allowed []string
		note    string
	}{
		{"consent=accept", nil, Categories, "consent=accepted"},
		{"consent=reject", some, nil, "consent=rejected"},
		{"withdraw=&consent=accept", some, Categories, "consent=accepted"},
		{"withdraw=", some, nil, "saved=withdrawn"},
		{"consent=media", some, []string{Offline, Media}, "consent=media"},
		{"consent=media", nil, []string{Media}, "consent=media"},
		{"save=&statistics=yes&offline=no&media=maybe", some, []string{Statistics}, "saved=1"},
		{"statistics=yes", some, nil, ""},
	} {
		form, _ := url.ParseQuery(c.form)
		choices, note, ok := Decide(form, c.current)
		if ok != (c.note != "") || note != c.note {
			t.Errorf("%s: note %q, %v", c.form, note, ok)
		}
		for _, cat := range Categories {
			want := false
			for _, a := range c.allowed {
				want = want || a == cat
			}
			if choices[cat] != want {
				t.Errorf("%s: %s is %v", c.form, cat, choices[cat])
			}
		}
	}
}
