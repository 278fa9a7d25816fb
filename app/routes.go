// Command app is the site's one entry, built twice: for the browser
// (GOOS=js GOARCH=wasm, into web/app.wasm) and for the server. Both sides
// register the same route; each then hands over to its own side.
package main

import "nhsdigital/components"

func main() {
	components.Register()
	run()
}
