// Security headers on every page type, as the server sends them, and no
// Content Security Policy violation in Chromium on any of them, before or
// after the WebAssembly client takes over.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, startServer, pageTypes, watch, waitForApp, recordViolations, violations } from "./helpers.mjs";

const site = useSite(before, after);

const expected = {
  "content-security-policy": "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; frame-src https://www.youtube-nocookie.com; " +
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "cross-origin-opener-policy": "same-origin",
  "x-frame-options": "DENY",
};

function checkHeaders(res, what) {
  for (const [name, value] of Object.entries(expected)) {
    assert.equal(res.headers.get(name), value, `${what}: ${name}`);
  }
}

test("every page type, asset, data file and error carries the security headers; no HSTS over plain HTTP", async () => {
  const others = ["/web/site.css", "/web/app.wasm", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/page-data/index.json",
    "/search-index/meta.json", "/sitemap.xml", "/feeds/news.xml", "/spine", "/web/nope.css"];
  for (const p of [...Object.values(pageTypes), ...others]) {
    for (const method of ["GET", "HEAD"]) {
      const res = await fetch(site.server.base + p, { method, redirect: "manual" });
      checkHeaders(res, `${method} ${p}`);
      assert.equal(res.headers.get("strict-transport-security"), null, p);
    }
  }
  const post = await fetch(site.server.base + "/services", { method: "POST" });
  assert.equal(post.status, 405);
  checkHeaders(post, "POST /services");
});

test("with -hsts the server sends Strict-Transport-Security", async () => {
  const server = await startServer(["-hsts", "8760h"]);
  try {
    const res = await fetch(server.base + "/");
    assert.equal(res.headers.get("strict-transport-security"), "max-age=31536000; includeSubDomains");
    checkHeaders(res, "/ with -hsts");
  } finally {
    await server.stop();
  }
});

test("Chromium reports no Content Security Policy violation on any page type", async () => {
  const context = await site.browser.newContext();
  await recordViolations(context);
  const page = await context.newPage();
  const logged = [];
  page.on("console", (m) => { if (/Content Security Policy|Refused to/i.test(m.text())) logged.push(m.text()); });
  const errors = watch(page);
  for (const [name, path] of Object.entries(pageTypes)) {
    await page.goto(site.server.base + path);
    if (name !== "offline") await waitForApp(page);
    assert.deepEqual(await violations(page), [], name);
  }
  // The cookie choice and a client navigation run more of the app's code.
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await page.getByRole("button", { name: "Accept additional cookies" }).click();
  await page.waitForURL(/consent=accepted/);
  await waitForApp(page);
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(logged, []);
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});
