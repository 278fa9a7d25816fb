//go:build !wasm

package consent

// Letters is letters, for the codec's tests (package consent_test, which
// also imports package content for its one rule of local paths).
var Letters = letters
