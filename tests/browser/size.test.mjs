// The WebAssembly sent to browsers stays within 1.15 × a minimal go-app
// client (tools/minimal-client) built the same way, both brotli-compressed
// as the server sends them: the brief's target.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";
import { root } from "./helpers.mjs";

export const limit = 1.15;

const brotli = (data) =>
  brotliCompressSync(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  }).length;

test(`app.wasm (brotli) is at most ${limit} × a minimal go-app client`, () => {
  const out = join(mkdtempSync(join(tmpdir(), "nhsd-min-")), "min.wasm");
  // Same flags as the Makefile's web/app.wasm rule.
  execFileSync("go", ["build", "-trimpath", "-ldflags=-s -w", "-gcflags=nhsdigital/...=-l", "-gcflags=github.com/maxence-charriere/go-app/v10/...=-l", "-o", out, "./tools/minimal-client"], {
    cwd: root,
    env: { ...process.env, GOOS: "js", GOARCH: "wasm" },
    stdio: "inherit",
  });
  const app = brotli(readFileSync(join(root, "web", "app.wasm")));
  const min = brotli(readFileSync(out));
  const ratio = app / min;
  console.log(`app.wasm ${app} bytes brotli, minimal client ${min}, ratio ${ratio.toFixed(3)}`);
  assert.ok(ratio <= limit, `app.wasm is ${ratio.toFixed(3)} × the minimal client (limit ${limit})`);
});
