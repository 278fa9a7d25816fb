package components

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// takeover remembers what a visitor did to the prerendered page before the
// WebAssembly client replaced it (go-app swaps the whole DOM, it does not
// hydrate): which element had focus, and what was typed into form fields.
// The client puts both back on its own, identical, DOM.
type takeover struct {
	focusPath []int          // element-child indexes from #nhsd-app to the focused element
	values    map[string]any // form field id → value typed before take-over
	selection [2]int
}

// captureTakeover reads the prerendered page's state.
func captureTakeover() *takeover {
	doc := app.Window().Get("document")
	root := doc.Call("getElementById", "nhsd-app")
	if !root.Truthy() {
		return nil
	}
	t := &takeover{values: map[string]any{}}
	fields := root.Call("querySelectorAll", "input[id], select[id], textarea[id]")
	for i := 0; i < fields.Length(); i++ {
		f := fields.Index(i)
		switch f.Get("type").String() {
		case "checkbox", "radio":
			if f.Get("checked").Bool() != f.Get("defaultChecked").Bool() {
				t.values[f.Get("id").String()] = f.Get("checked").Bool()
			}
		default:
			if f.Get("tagName").String() == "SELECT" || f.Get("value").String() != f.Get("defaultValue").String() {
				t.values[f.Get("id").String()] = f.Get("value").String()
			}
		}
	}
	active := doc.Get("activeElement")
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
	if len(t.focusPath) > 0 && active.Get("selectionStart").Type() == app.TypeNumber {
		t.selection = [2]int{active.Get("selectionStart").Int(), active.Get("selectionEnd").Int()}
	}
	return t
}

// restore applies the state to the client's DOM.
func (t *takeover) restore() {
	if t == nil {
		return
	}
	doc := app.Window().Get("document")
	for id, v := range t.values {
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
		if el.Get("setSelectionRange").Truthy() && t.selection != [2]int{} {
			el.Call("setSelectionRange", t.selection[0], t.selection[1])
		}
	}
}
