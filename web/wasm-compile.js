// The client's WebAssembly compiled off the page's main thread: the page
// (go-app's app.js as server/server.go changes it) sends the file's URL
// and gets the compiled module back, or the error's text.
onmessage = (e) => {
  const compiled = WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(fetch(e.data))
    : fetch(e.data).then((res) => res.arrayBuffer()).then((bytes) => WebAssembly.compile(bytes));
  compiled.then((module) => postMessage(module), (err) => postMessage(String(err)));
};
