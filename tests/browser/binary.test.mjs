// The built binary (make build) as an operator deploys it: one file that
// carries its content, and the pages it checked at build time, so that
// its first start, with a new, empty data folder, checks no page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { startServer } from "./helpers.mjs";

test("the binary's first start checks no page: it carries the pages checked at build time", async () => {
  const server = await startServer([]);
  try {
    let line = "";
    for (let i = 0; i < 100 && !line; i++) {
      line = server.output().split("\n").find((l) => l.includes("pages at start")) || "";
      if (!line) await new Promise((r) => setTimeout(r, 100));
    }
    const kept = Number(/kept=(\d+)/.exec(line)?.[1]);
    const checked = Number(/checked=(\d+)/.exec(line)?.[1]);
    assert.ok(kept > 50, `pages kept from the build: ${line}`);
    assert.equal(checked, 0, `pages checked at start: ${line}`);
  } finally {
    await server.stop();
  }
  // Nothing to write: the data folder gets no shelf of its own.
  const data = server.proc.spawnargs[server.proc.spawnargs.indexOf("-data") + 1];
  const cache = join(data, "cache");
  assert.ok(!existsSync(cache) || readdirSync(cache).length === 0, "a shelf was written although the built-in one had every page");
});
