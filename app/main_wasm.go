//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/client"
)

// run starts the client: it fetches the current page's data first, so the
// first render matches the prerendered HTML, then starts the app in a
// pause of the visitor's (client.Quiet). If the data cannot be had, the
// prerendered page stays as it is and links work as ordinary links.
func run() {
	if err := client.Start(); err != nil {
		app.Log("page data unavailable, keeping the server-rendered page:", err)
		return
	}
	// Replacing the page is the longest step: it waits for a pause.
	client.Quiet()
	app.RunWhenOnBrowser()
}
