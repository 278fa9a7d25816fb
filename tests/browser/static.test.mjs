// The static copy (make static, bin/site -export) served by plain static
// servers: python3 -m http.server, which knows nothing of the site, and
// nginx with the configuration the export writes. In Chromium: pages,
// client navigation, search, the cookie choice made in the browser and
// offline reading with the real service worker.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { request } from "node:http";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  root, launch, watch, waitForApp, waitForWorker, saved, cached, until, serveStatic, freePort, recordViolations, violations,
  startServer,
} from "./helpers.mjs";

const bin = join(root, "bin", "site");
let dist, version, browser, python, nginx, nginxDir, server;

before(async () => {
  dist = mkdtempSync(join(tmpdir(), "nhsd-dist-"));
  chmodSync(dist, 0o755); // nginx's workers read it as another user
  const out = execFileSync(bin, ["-export", dist], { encoding: "utf8" });
  version = /version ([0-9a-f]+)/.exec(out)[1];
  let port = await freePort();
  python = await serveStatic("python3", ["-m", "http.server", "--bind", "127.0.0.1", String(port), "--directory", dist], port);
  nginxDir = mkdtempSync(join(tmpdir(), "nhsd-nginx-"));
  port = await freePort();
  const site = readFileSync(join(dist, "_nginx.conf"), "utf8")
    .replace("listen 8080;", `listen 127.0.0.1:${port};`)
    .replace("root /srv/site;", `root ${dist};`);
  writeFileSync(join(nginxDir, "nginx.conf"), `daemon off;
worker_processes 1;
pid ${nginxDir}/nginx.pid;
error_log ${nginxDir}/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path ${nginxDir}/body;
  ${site}
}
`);
  nginx = await serveStatic(process.env.NGINX || "/usr/sbin/nginx", ["-p", nginxDir, "-c", join(nginxDir, "nginx.conf")], port);
  server = await startServer();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await python?.stop();
  await nginx?.stop();
  rmSync(dist, { recursive: true, force: true });
  rmSync(nginxDir, { recursive: true, force: true });
});

test("the export holds every published page, its data, the index, compressed assets, 404.html and redirects", () => {
  const sitemap = readFileSync(join(dist, "sitemap.xml"), "utf8");
  const origin = /<loc>(https?:\/\/[^/<]+)/.exec(sitemap)[1];
  const paths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1].slice(origin.length) || "/");
  assert.ok(paths.length > 50, `sitemap lists ${paths.length} pages`);
  for (const p of paths) {
    const file = join(dist, p, "index.html");
    assert.ok(existsSync(file), `page ${p} is exported`);
    const data = p === "/" ? "page-data/index.json" : `page-data${p}.json`;
    assert.ok(existsSync(join(dist, data)), `page data of ${p} is exported`);
  }
  const spine = readFileSync(join(dist, "services/spine/index.html"), "utf8");
  assert.match(spine, /<h1[^>]*>\s*Spine\s*<\/h1>/);
  assert.match(spine, /<script defer src="\/web\/consent\.js\?v=[0-9a-f]+"><\/script>\s*<script defer src="\/web\/pwa\.js\?v=[0-9a-f]+"><\/script>[^]*<script defer src="\/web\/static\.js\?v=[0-9a-f]+"><\/script>/);
  // One a page, tens of thousands at scale: the host compresses them.
  for (const f of ["services/spine/index.html.gz", "page-data/services/spine.json.gz", "search-index/doc-0.json.gz"]) {
    assert.ok(!existsSync(join(dist, f)), `${f} is not exported`);
  }
  assert.ok(existsSync(join(dist, "search-index/meta.json.gz")), "the search index's meta has its gzip copy");
  assert.match(readFileSync(join(dist, "404.html"), "utf8"), /<h1[^>]*>\s*Page not found\s*<\/h1>/);
  assert.ok(existsSync(join(dist, "offline/index.html")));
  const meta = JSON.parse(readFileSync(join(dist, "search-index/meta.json"), "utf8"));
  for (let i = 0; i < meta.shards.length; i++) assert.ok(existsSync(join(dist, `search-index/shard-${i}.txt`)));
  for (let i = 0; i < meta.n; i++) assert.ok(existsSync(join(dist, `search-index/doc-${i}.json`)));
  for (const f of ["web/app.wasm", "web/app.wasm.br", "web/app.wasm.gz", "web/site.css.br", "app.js", "app-worker.js", "manifest.webmanifest", "robots.txt", "feeds/news.xml"]) {
    assert.ok(existsSync(join(dist, f)), `${f} is exported`);
  }
  assert.doesNotMatch(readFileSync(join(dist, "index.html"), "utf8"), /_preview/, "a page of the copy names the preview");
  // An old address: a rule, and a page that forwards to the new one.
  assert.match(readFileSync(join(dist, "_redirects"), "utf8"), /^\/spine \/services\/spine 301$/m);
  const forward = readFileSync(join(dist, "spine/index.html"), "utf8");
  assert.match(forward, /<meta http-equiv="refresh" content="0; url=\/services\/spine">/);
  assert.match(forward, /<link rel="canonical" href="[^"]+\/services\/spine">/);
  assert.match(readFileSync(join(dist, "_headers"), "utf8"), /Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
});

test("exporting into a folder that is not empty is refused and changes nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "nhsd-dist-busy-"));
  writeFileSync(join(dir, "keep.txt"), "mine");
  const r = spawnSync(bin, ["-export", dir], { encoding: "utf8" });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /is not empty: remove it first/);
  assert.equal(readFileSync(join(dir, "keep.txt"), "utf8"), "mine");
  assert.ok(!existsSync(join(dir, "index.html")));
  rmSync(dir, { recursive: true, force: true });
});

// Errors the static servers cause by design: python answers POST (page
// view counts) with 501; offline, fetches fail.
function unexpected(errors) {
  return errors.filter((e) => !/status of 501|ERR_INTERNET_DISCONNECTED|status of 503|Failed to fetch|ERR_FAILED|page data unavailable/.test(e));
}

test("served by python3 -m http.server: pages, client navigation, search, the cookie choice and offline reading", async () => {
  const base = python.base;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await recordViolations(context);
  const page = await context.newPage();
  const errors = watch(page);

  // python answers /services/spine by redirecting to /services/spine/; the
  // page shows its own address again.
  await page.goto(base + "/services/spine");
  await waitForApp(page);
  assert.equal(page.url(), base + "/services/spine");
  assert.equal((await page.locator("main h1").innerText()).trim(), "Spine");

  // Client navigation: the page is not reloaded.
  await page.evaluate(() => { window.__stay = 1; });
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await page.waitForURL(base + "/services");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  assert.equal(await page.evaluate(() => window.__stay), 1);

  // Search runs in the browser from the exported index.
  await page.goto(base + "/search?q=spine");
  await waitForApp(page);
  await page.waitForFunction(() => /results? for ‘spine’/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
  assert.match(await page.locator(".nhsd-search-result__title").first().innerText(), /Spine/);

  // The cookie choice: no server answers the form, the browser records it.
  await page.goto(base + "/");
  await waitForApp(page);
  await page.getByRole("button", { name: "Accept additional cookies" }).click();
  await page.waitForURL(/\?consent=accepted$/);
  const cookie = (await context.cookies()).find((c) => c.name === "nhsd_consent");
  assert.match(cookie.value, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.\d+\.[^.]+\.OSM$/);
  assert.ok(cookie.expires * 1000 > Date.now() + 360 * 24 * 3600 * 1000, "kept for a year");
  assert.equal(cookie.sameSite, "Lax");
  await waitForApp(page);
  assert.match(await page.locator("#nhsd-cookie-banner").innerText(), /accepted additional cookies/);

  // Offline: what was read opens, the rest gets the offline page.
  await waitForWorker(page);
  await page.goto(base + "/services/spine");
  await waitForApp(page);
  await until(async () => (await saved(page)).includes("/services/spine"), "the page saved");
  await until(async () => ((await cached(page))["nhsd-search"] || []).some((u) => u.startsWith("/search-index/doc-")), "search index saved");
  await context.setOffline(true);
  await page.goto(base + "/services/spine");
  await waitForApp(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), "Spine");
  await page.goto(base + "/about-nhs-digital");
  assert.equal((await page.locator("main h1").innerText()).trim(), "You are offline");
  assert.ok(await page.locator("#nhsd-saved-pages").getByRole("link", { name: "Spine", exact: true }).isVisible());
  await context.setOffline(false);

  assert.deepEqual(await violations(page), []);
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test("served by nginx with the exported configuration: headers, redirects, 404 and no policy violation", async () => {
  const base = nginx.base;
  const res = await fetch(base + "/services/spine", { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(res.status, 200);
  // Compressed as it is sent: pages have no .gz copy.
  assert.match(res.headers.get("content-type"), /^text\/html/);
  assert.equal(res.headers.get("content-encoding"), "gzip");
  assert.match(res.headers.get("content-security-policy"), /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';.*frame-ancestors 'none'$/);
  assert.equal(res.headers.get("x-content-type-options"), "nosniff");
  assert.match(res.headers.get("strict-transport-security"), /^max-age=31536000/);
  assert.equal(res.headers.get("cache-control"), "no-cache");
  const moved = await fetch(base + "/spine?x=1", { redirect: "manual" });
  assert.equal(moved.status, 301);
  assert.equal(new URL(moved.headers.get("location"), base).pathname + new URL(moved.headers.get("location"), base).search, "/services/spine?x=1");
  const missing = await fetch(base + "/no-such-page");
  assert.equal(missing.status, 404);
  assert.match(await missing.text(), /Page not found/);
  assert.equal((await fetch(base + "/_nginx.conf")).status, 404);
  const wasmURL = /\/web\/app\.wasm\?v=[0-9a-f]+/.exec(readFileSync(join(dist, "app.js"), "utf8"))[0];
  const wasm = await fetch(base + wasmURL, { method: "HEAD" });
  assert.equal(wasm.headers.get("content-type"), "application/wasm");
  assert.match(wasm.headers.get("cache-control"), /immutable/);
  assert.equal((await fetch(base + "/app-worker.js", { method: "HEAD" })).headers.get("cache-control"), "no-store");
  assert.match((await fetch(base + "/manifest.webmanifest", { method: "HEAD" })).headers.get("content-type"), /^application\/manifest\+json/);

  const context = await browser.newContext();
  await recordViolations(context);
  const page = await context.newPage();
  const errors = watch(page);
  for (const p of ["/", "/services/spine", "/blog", "/search?q=data", "/no-such-page"]) {
    await page.goto(base + p);
    await waitForApp(page).catch((e) => { throw new Error(p + ": " + errors.join("\n")); });
  }
  assert.equal((await page.locator("main h1").innerText()).trim(), "Page not found");
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors.filter((e) => !/status of 404/.test(e)), []);
  await context.close();
});

// ask sends one GET as written (the path is not normalised) with a Host
// header of an attacker's choosing, and returns what parity compares.
function ask(base, path, headers = {}) {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { host: "evil.example", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

// The security headers the export's rules name (HSTS is added for a CDN;
// the server here sends it only with -hsts).
function securityHeaders() {
  const rules = readFileSync(join(dist, "_headers"), "utf8");
  return [...rules.matchAll(/^  ([A-Za-z-]+): (.*)$/gm)]
    .map((m) => [m[1].toLowerCase(), m[2]])
    .filter(([name]) => name !== "cache-control");
}

// sameAnswers asks the Go server and nginx for each path and compares the
// status, Location, Cache-Control and every security header.
async function sameAnswers(paths) {
  const security = securityHeaders();
  assert.ok(security.length >= 6, "the rules name the security headers");
  for (const p of paths) {
    const [want, got] = await Promise.all([ask(server.base, p), ask(nginx.base, p)]);
    const pick = (r, withHSTS) => {
      const out = { status: r.status, location: r.headers.location, "cache-control": r.headers["cache-control"] };
      for (const [name] of security) if (withHSTS || name !== "strict-transport-security") out[name] = r.headers[name];
      return out;
    };
    assert.deepEqual(pick(got, false), pick(want, false), `nginx answers ${p} as the server does`);
    for (const [name, value] of security) assert.equal(got.headers[name], value, `nginx sends ${name} with ${p} (${got.status})`);
  }
}

test("nginx keeps for good only the URLs the server does: hashed assets and versioned data, never pages", async () => {
  const spine = readFileSync(join(dist, "services/spine/index.html"), "utf8");
  const css = /\/web\/site\.css\?v=[0-9a-f]+/.exec(spine)[0];
  const index = JSON.parse(readFileSync(join(dist, "search-index/meta.json"), "utf8")).v;
  await sameAnswers([
    "/services/spine?v=1", "/?v=" + version, "/services?v=" + css.split("=")[1], "/no-such-page?v=1",
    css, "/web/site.css?v=1", "/web/site.css", "/app.js?v=1", "/app-worker.js?v=1", "/manifest.webmanifest?v=1",
    "/sitemap.xml?v=" + version, "/feeds/news.xml?v=1",
    "/page-data/services/spine.json?v=" + version, "/page-data/services/spine.json?v=1", "/page-data/index.json?v=" + version,
    "/page-data/no-such-page.json?v=" + version, "/search-index/meta.json?v=" + version, "/search-index/meta.json?v=1",
    "/search-index/shard-0.txt?v=" + index, "/search-index/doc-0.json?v=1",
  ]);
});

test("nginx redirects to a path only, whatever the Host, and sends the security headers with every answer", async () => {
  const moved = await ask(nginx.base, "/spine?x=1");
  assert.equal(moved.status, 301);
  assert.equal(moved.headers.location, "/services/spine?x=1");
  await sameAnswers(["/spine?x=1", "/spine", "/no-such-page", "/page-data/no-such-page.json", "/_nginx.conf", "/web/no-such.css", "/"]);
});

test("nginx redirects oddly written paths to their page as the server does", async () => {
  await sameAnswers([
    "/", "/services/spine", "/Services/Spine", "/SERVICES/SPINE?x=1", "/services/spine/", "/services/spine//?x=1",
    "//services//spine", "/services/./spine", "/services/x/../spine", "/services/spine/.", "//", "/Spine", "/spine/",
    "/Services/Spine/", "/Services//Spine", "/no-such-page/", "/no-such//page", "/404", "/404/", "/web/", "/page-data/services",
    "/web//site.css", "/web/./site.css", "/page-data//services/spine.json", "/services%2Fspine", "/services%5cspine", "/services/spine%00",
    "/services/%2e%2e/spine", "/%53ervices/spine", "/SERVICES/", "/SERVICES/SPINE/", "/Services//Spine/", "/SPINE", "/Spine/",
    "/SERVICES/SUMMARY-CARE-RECORDS", "/No-Such-Page/",
    "/data-and-information/publications/statistical/recorded-dementia-diagnoses/February-2021",
  ]);
});

test("nginx serves compressed copies only to clients that ask for them, never at their own address", async () => {
  await sameAnswers([
    "/web/site.css.gz", "/web/site.css.br", "/web/app.wasm.br", "/page-data/services/spine.json.gz", "/services/spine/index.html.gz",
    "/sitemap.xml.gz", "/services/spine/index.html", "/index.html", "/404.html",
  ]);
  const css = await fetch(nginx.base + "/web/site.css", { headers: { "Accept-Encoding": "gzip" } });
  assert.equal(css.headers.get("content-encoding"), "gzip");
  assert.match(css.headers.get("content-type"), /^text\/css/);
  assert.match(css.headers.get("vary"), /Accept-Encoding/);
  assert.match(await css.text(), /nhsd-/);
});
