// The client's WebAssembly compiled off the page's main thread: the page
// (go-app's app.js as server/server.go changes it) sends the file's URL
// and gets the compiled module back, or null, and then compiles it
// itself (also where the worker has no streaming compile).
onmessage = (e) => {
  const compiled = WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(e.data)) : Promise.reject();
  compiled.then((module) => postMessage(module), () => postMessage(null));
};
