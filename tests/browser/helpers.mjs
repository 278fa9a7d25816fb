// Shared helpers for the browser tests: the real server binary on loopback,
// Debian's Chromium driven by playwright-core, axe-core and the Nu checker.
import { spawn } from "node:child_process";
import { readFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, "..", "..");
const require = createRequire(import.meta.url);

// Page types, one real page each, with the path to visit.
export const pageTypes = {
  home: "/",
  catalogue: "/services",
  service: "/services/spine",
  hub: "/data-and-information",
  "blog index": "/blog",
  blog: "/blog/we-had-to-follow-the-data-not-our-users",
  "news index": "/news-and-events/latest-news",
  news: "/news-and-events/latest-news/international-womens-day",
  feature: "/news-and-events/features/improving-the-nhs-most-fundamental-process",
  series: "/data-and-information/publications/statistical/recorded-dementia-diagnoses",
  publication: "/data-and-information/publications/statistical/recorded-dementia-diagnoses/february-2021",
  legal: "/about-nhs-digital/privacy-and-cookies",
  feedback: "/about-nhs-digital/tell-us-what-you-think-of-our-website",
  cookies: "/cookies",
  search: "/search?q=spine",
  "search, no results": "/search?q=zzzzqqq",
  "not found": "/no-such-page",
  offline: "/offline",
};

// startServer runs the built server (bin/site) on a free loopback port, or
// on the given one (a restart on the same origin).
export async function startServer(args = [], { timeoutMs = 10000, port: fixedPort, allInterfaces = false } = {}) {
  const bin = join(root, "bin", "site");
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = fixedPort || 20000 + Math.floor(Math.random() * 20000);
    const addr = allInterfaces ? `:${port}` : `127.0.0.1:${port}`;
    // Feedback and page views go to a database of the test's own (SQLite in
    // a temporary folder) unless args name one.
    const data = args.includes("-data") ? [] : ["-data", mkdtempSync(join(tmpdir(), "nhsd-data-"))];
    const proc = spawn(bin, ["-addr", addr, ...data, ...args], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    proc.stdout.on("data", (d) => (output += d));
    proc.stderr.on("data", (d) => (output += d));
    const base = `http://127.0.0.1:${port}`;
    for (let i = 0; i < timeoutMs / 100; i++) {
      if (proc.exitCode !== null) break;
      try {
        const r = await fetch(base + "/robots.txt");
        if (r.ok || r.status === 401) {
          const exited = new Promise((resolve) => proc.once("exit", resolve));
          return {
            base, port, proc, output: () => output,
            stop: () => { proc.kill("SIGTERM"); return exited; },
          };
        }
      } catch {}
      await new Promise((r) => setTimeout(r, 100));
    }
    proc.kill("SIGKILL");
    if (!/address already in use/.test(output)) throw new Error("server did not start:\n" + output);
    if (fixedPort) await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("no free port");
}

// launch starts headless Chromium with the flags this machine needs; each
// launch gets a fresh, empty profile.
const chromiumOptions = {
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  headless: true,
  args: [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
  ],
};

// launch({ display: true }) starts it with a window instead where there is
// an X display (DISPLAY; xvfb-run gives one): the interaction bench's
// figures are when frames are presented, and headless Chromium leaves
// some undrawn (README, "Interactions").
export async function launch({ display = false } = {}) {
  if (display && headed()) {
    return chromium.launch({ ...chromiumOptions, headless: false, args: chromiumOptions.args.filter((a) => !a.startsWith("--headless")) });
  }
  return chromium.launch(chromiumOptions);
}

// headed tells whether launch({ display: true }) gives a window here.
export function headed() {
  return Boolean(process.env.DISPLAY);
}

// launchProfile starts Chromium on a profile in dir (which must be new) and
// returns its one context: a regular profile, not incognito, as
// installing an app needs.
export async function launchProfile(dir) {
  return chromium.launchPersistentContext(dir, chromiumOptions);
}

// watch collects console errors and uncaught exceptions of a page.
export function watch(page) {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  page.on("pageerror", (e) => errors.push(String(e)));
  return errors;
}

// waitForApp waits until the WebAssembly client has taken over the page.
// The client starts on the visitor's first interaction: a Shift key press,
// which changes nothing else, is one. It starts in the visitor's pauses
// (a second with no key), so the press is not repeated often.
// A press made while the page is still loading, before its scripts
// listen, starts nothing (as for a visitor, the next one does): it is
// pressed again every four seconds until the client runs.
export async function waitForApp(page) {
  const ready = () => document.documentElement.dataset.nhsdApp === "ready";
  for (const end = Date.now() + 30000; Date.now() < end;) {
    if (await page.evaluate(ready).catch(() => false)) return;
    await page.keyboard.press("Shift");
    if (await page.waitForFunction(ready, null, { timeout: 4000 }).then(() => true, () => false)) return;
  }
  throw new Error("the client did not start within 30 s");
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

// axe runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page.
export async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"] },
      resultTypes: ["violations"],
    });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 5) }));
  });
}

export const vnuJar = require.resolve("vnu-jar/build/dist/vnu.jar");

// useSite starts the server and a browser before a test file's tests and
// stops both after; the returned object's fields are set once started.
export function useSite(before, after) {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    site.server?.stop();
  });
  return site;
}

// cached lists Cache Storage by cache name: the URLs (path and query) of each.
export function cached(page) {
  return page.evaluate(async () => {
    const out = {};
    for (const name of await caches.keys()) {
      out[name] = (await (await caches.open(name)).keys()).map((r) => r.url.slice(location.origin.length));
    }
    return out;
  });
}

// saved lists the paths of the pages saved for offline reading.
export async function saved(page) {
  return (await cached(page))["nhsd-pages"] || [];
}

// waitForWorker waits until the service worker controls the page.
export async function waitForWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
}

// until polls fn (async) until it returns true, for up to 15 s.
export async function until(fn, what) {
  for (let i = 0; i < 150; i++) {
    if (await fn()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail("timed out waiting: " + what);
}

// recordViolations makes every page of a context keep the Content Security
// Policy violations it reports; violations(page) reads them.
export async function recordViolations(context) {
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

export function violations(page) {
  return page.evaluate(() => window.__violations);
}

// freePort returns a TCP port nothing listens on now.
export async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// serveStatic starts a static file server listening on port and waits
// until it answers readyPath.
export async function serveStatic(cmd, args, port, readyPath = "/robots.txt") {
  const proc = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout.on("data", (d) => (output += d));
  proc.stderr.on("data", (d) => (output += d));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (proc.exitCode !== null) break;
    try {
      await fetch(base + readyPath);
      const exited = new Promise((resolve) => proc.once("exit", resolve));
      return { base, port, proc, stop: () => { proc.kill("SIGTERM"); return exited; } };
    } catch {}
    await new Promise((r) => setTimeout(r, 100));
  }
  proc.kill("SIGKILL");
  throw new Error(`${cmd} did not start:\n${output}`);
}
