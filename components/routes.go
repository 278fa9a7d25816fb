package components

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Register sends every path to the Root component, which picks the page
// component from the page's type; the server decides the status code. Both
// the browser and the server must call it before serving.
func Register() {
	app.RouteWithRegexp("^/.*", app.NewZeroComponentFactory(&Root{}))
}
