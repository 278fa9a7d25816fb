package search

import (
	"reflect"
	"testing"
)

func TestWords(t *testing.T) {
	got := Words("NHS App’s Café, e-Referral: 111 ONLINE; naïve")
	want := []string{"nhs", "app", "cafe", "e", "referral", "111", "online", "naive"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}

func TestStemMeetsForms(t *testing.T) {
	groups := [][]string{
		{"register", "registering", "registered", "registers"},
		{"prescription", "prescriptions"},
		{"service", "services"},
		{"diagnosis", "diagnosis"},
		{"record", "records", "recorded", "recording"},
		{"study", "studies"},
		{"connect", "connected", "connecting", "connects"},
	}
	for _, g := range groups {
		s := Stem(g[0])
		for _, w := range g[1:] {
			if Stem(w) != s {
				t.Errorf("Stem(%q) = %q, Stem(%q) = %q: want the same", g[0], s, w, Stem(w))
			}
		}
	}
	if Stem("nhs") != "nhs" || Stem("111") != "111" || Stem("gp") != "gp" {
		t.Error("short words and numbers must stay as they are")
	}
}

func TestTermsDropStopWords(t *testing.T) {
	if got := Terms("The Electronic Prescription Service"); !reflect.DeepEqual(got, []string{Stem("electronic"), Stem("prescription"), Stem("service")}) {
		t.Errorf("Terms = %q", got)
	}
}
