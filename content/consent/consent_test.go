package consent

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestRoundTrip(t *testing.T) {
	r := &Record{ID: "6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60", Time: time.Now().UTC().Truncate(time.Second), Policy: "2024-11-01",
		Choices: map[string]bool{Statistics: true}}
	got := Parse(r.Value())
	if got == nil || got.ID != r.ID || !got.Time.Equal(r.Time) || got.Policy != r.Policy || !got.Allows(Statistics) || got.Allows(Offline) || got.Allows(Media) {
		t.Fatalf("round trip: %q → %+v", r.Value(), got)
	}
	if FromCookieHeader("a=b; "+CookieName+"="+r.Value()+"; c=d") == nil {
		t.Error("not found in a Cookie header")
	}
}

func TestBadValuesAreNoConsent(t *testing.T) {
	now := time.Now().Unix()
	good := "6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now) + ".2024-11-01.oSm"
	if Parse(good) == nil {
		t.Fatal("a good value was refused")
	}
	for _, v := range []string{
		"", "garbage", strings.Repeat("a", 500),
		"not-a-uuid." + itoa(now) + ".2024-11-01.osm",
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60.yesterday.2024-11-01.osm",
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now+10*86400) + ".2024-11-01.osm",  // from the future
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now-400*86400) + ".2024-11-01.osm", // expired
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now) + ".2024-11-01.osmx",
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now) + ".2024-11-01.xyz",
		"6f1d6a0e-3a5b-4f7e-9a55-1c2b3d4e5f60." + itoa(now) + ".<script>.osm",
		"6F1D6A0E-3A5B-4F7E-9A55-1C2B3D4E5F60." + itoa(now) + ".2024-11-01.osm",
	} {
		if Parse(v) != nil {
			t.Errorf("Parse(%q) gave consent", v)
		}
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
