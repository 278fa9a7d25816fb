//go:build wasm

package client

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// takeover remembers what a visitor did to the prerendered page before the
// WebAssembly client replaced it (go-app swaps the whole DOM, it does not
// hydrate): which element had focus, and what was typed into form fields.
// The client puts both back on its own, identical, DOM. What was typed is
// read from the prerendered fields when it is put back, not when the
// client began: keys pressed while the client starts (it yields to the
// browser in between) land in those fields and must not be lost.
type takeover struct {
	focusPath []int          // element-child indexes from #nhsd-app to the focused element
	fields    []app.Value    // the prerendered form fields with an id
	active    app.Value      // the prerendered element that had focus
	captured  map[string]any // what typed() read when the client began
}

// captureTakeover reads the prerendered page's state.
func captureTakeover() *takeover {
	doc := app.Window().Get("document")
	root := doc.Call("getElementById", "nhsd-app")
	if !root.Truthy() {
		return nil
	}
	t := &takeover{}
	fields := root.Call("querySelectorAll", "input[id], select[id], textarea[id]")
	for i := 0; i < fields.Length(); i++ {
		t.fields = append(t.fields, fields.Index(i))
	}
	t.captured = t.typed()
	active := doc.Get("activeElement")
	t.active = active
	for el := active; el.Truthy() && !el.Equal(root); el = el.Get("parentElement") {
		parent := el.Get("parentElement")
		if !parent.Truthy() {
			t.focusPath = nil
			return t
		}
		siblings := parent.Get("children")
		for i := 0; i < siblings.Length(); i++ {
			if siblings.Index(i).Equal(el) {
				t.focusPath = append([]int{i}, t.focusPath...)
				break
			}
		}
	}
	return t
}

// typed reads, now, what was typed into the prerendered fields: field id →
// value (a bool for check boxes and radio buttons). At restore it reads
// only the fields the client replaced (out of the document now); one the
// client kept has been rendered over since, and counts as captured.
func (t *takeover) typed() map[string]any {
	values := map[string]any{}
	restoring := t.captured != nil
	for _, f := range t.fields {
		if restoring && f.Get("isConnected").Bool() {
			if v, ok := t.captured[f.Get("id").String()]; ok {
				values[f.Get("id").String()] = v
			}
			continue
		}
		switch f.Get("type").String() {
		case "checkbox", "radio":
			if f.Get("checked").Bool() != f.Get("defaultChecked").Bool() {
				values[f.Get("id").String()] = f.Get("checked").Bool()
			}
		default:
			if changed(f) {
				values[f.Get("id").String()] = f.Get("value").String()
			}
		}
	}
	return values
}

// changed reports whether a text field or a select holds something other
// than what the page came with. A select has no defaultValue: the page's
// choice is its last option marked selected, or its first when none is.
// One left as it was must not be put back, or the client would answer a
// change nobody made (an update of the whole page as it takes over).
func changed(f app.Value) bool {
	if f.Get("tagName").String() != "SELECT" {
		return f.Get("value").String() != f.Get("defaultValue").String()
	}
	options := f.Get("options")
	initial := 0
	for i := 0; i < options.Length(); i++ {
		if options.Index(i).Get("defaultSelected").Bool() {
			initial = i
		}
	}
	return f.Get("selectedIndex").Int() != initial
}

// Restore applies the state to the client's DOM.
func (t *takeover) Restore() {
	if t == nil {
		return
	}
	doc := app.Window().Get("document")
	var selection [2]int
	if len(t.focusPath) > 0 && t.active.Get("selectionStart").Type() == app.TypeNumber {
		selection = [2]int{t.active.Get("selectionStart").Int(), t.active.Get("selectionEnd").Int()}
	}
	for id, v := range t.typed() {
		f := doc.Call("getElementById", id)
		if !f.Truthy() {
			continue
		}
		if b, ok := v.(bool); ok {
			f.Set("checked", b)
		} else {
			f.Set("value", v)
		}
		f.Call("dispatchEvent", app.Window().Get("Event").New("input", map[string]any{"bubbles": true}))
		// A choice (a select, a check box, a radio button) is answered on
		// "change" (the catalogue's status and topic): say it changed too.
		if _, choice := v.(bool); choice || f.Get("tagName").String() == "SELECT" {
			f.Call("dispatchEvent", app.Window().Get("Event").New("change", map[string]any{"bubbles": true}))
		}
	}
	if len(t.focusPath) == 0 {
		return
	}
	el := doc.Call("getElementById", "nhsd-app")
	for _, i := range t.focusPath {
		if !el.Truthy() {
			return
		}
		el = el.Get("children").Index(i)
	}
	if el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
		if el.Get("setSelectionRange").Truthy() && selection != [2]int{} {
			el.Call("setSelectionRange", selection[0], selection[1])
		}
	}
}
