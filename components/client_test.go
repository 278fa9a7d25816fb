//go:build !wasm

package components

import (
	"testing"

	"github.com/tidwall/gjson"
)

// testClient is a Client over the examples' content, as the browser's
// would be over fetched page data.
type testClient struct {
	Source
	counted []string
}

func (c *testClient) Load(path string, done func(gjson.Result, error)) {
	v, _ := c.View(path)
	done(v, nil)
}
func (c *testClient) Reload(path, site, view string, done func(error)) { done(nil) }
func (c *testClient) CountView(path string)                            { c.counted = append(c.counted, path) }
func (c *testClient) Capture() Takeover                                { return nil }

// A browser render reads the client's content; with no client (the
// server, or a client that has not started) it has none.
func TestSourceFor(t *testing.T) {
	old := client
	t.Cleanup(func() { client = old })

	client = nil
	if v, ok := sourceFor(nil).View("/services/example"); ok || v.Exists() {
		t.Errorf("with no client, a view: %v %s", ok, v.Raw)
	}
	c := &testClient{Source: testSource}
	UseClient(c)
	if sourceFor(nil) != Source(c) {
		t.Fatal("the browser's source is not the client")
	}
	if v, ok := sourceFor(nil).View("/services/example"); !ok || v.Get("page.title").String() == "" {
		t.Errorf("the client's view of /services/example: %v %s", ok, v.Raw)
	}
}
