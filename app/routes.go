// Command app is the site's one entry, built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm) and for the server. Both sides
// register the same route; each then hands over to its own side.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"nhsdigital/components"
)

// routes sends every path to the root component, which picks the page
// component from the page's type. The server decides the status code.
func routes() {
	app.RouteWithRegexp("^/.*", app.NewZeroComponentFactory(&components.Root{}))
}

func main() {
	routes()
	run()
}
