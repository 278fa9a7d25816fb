// The W3C Nu HTML checker on the prerendered HTML of every page type.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, pageTypes, vnuJar } from "./helpers.mjs";

let server;
before(async () => (server = await startServer()));
after(() => server?.stop());

test("the Nu checker reports no error on any page type", async () => {
  const dir = mkdtempSync(join(tmpdir(), "nhsd-vnu-"));
  const files = [];
  for (const [type, path] of Object.entries(pageTypes)) {
    const html = await (await fetch(server.base + path)).text();
    const file = join(dir, type.replace(/\W+/g, "-") + ".html");
    writeFileSync(file, html);
    files.push(file);
  }
  let out = "";
  try {
    execFileSync("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...files], { stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    out = e.stderr.toString();
  }
  const messages = out ? JSON.parse(out).messages : [];
  const report = messages.map((m) => `${m.url.split("/").pop()}:${m.lastLine}: ${m.message}\n    ${(m.extract || "").trim()}`);
  assert.equal(messages.length, 0, report.join("\n"));
});
