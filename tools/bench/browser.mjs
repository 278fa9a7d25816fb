// make bench (browser): the WebAssembly size beside a minimal go-app client,
// and first paint, first contentful paint, largest contentful paint and
// when the page answers input in Chromium, on a cold first visit, with and
// without 4× CPU throttling. The prerendered page answers input once its
// deferred scripts have run (DOMContentLoaded): links and forms work
// without the WebAssembly client, which starts on the first interaction;
// "client start" is the time from that first key press until the client
// has taken over the page.
//
// RUNS sets the loads per page and setting (default 5; the median is shown).
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { brotliCompress, constants } from "node:zlib";
import { startServer, launch, waitForApp } from "../../tests/browser/helpers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const runs = Number(process.env.RUNS || 5);
const pages = {
  home: "/",
  service: "/services/spine",
  blog: "/blog/we-had-to-follow-the-data-not-our-users",
  search: "/search?q=spine",
};
const throttles = [1, 4];

// Same compression as tests/browser/size.test.mjs (and tools/compress.mjs),
// run off the main thread so two files compress at once.
const brotli = promisify(brotliCompress);
const brotliSize = async (data) =>
  (await brotli(data, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
    },
  })).length;
const sha256 = (data) => createHash("sha256").update(data).digest("hex");

// appSize is web/app.wasm.br's size while its .br.sum matches app.wasm
// (what the server sends), else a fresh compression.
async function appSize(raw) {
  try {
    if (readFileSync(join(root, "web", "app.wasm.br.sum"), "utf8").trim() === sha256(raw)) return statSync(join(root, "web", "app.wasm.br")).size;
  } catch {}
  return brotliSize(raw);
}

// minSize compresses the minimal client once per build of it, kept in .cache/bench.
async function minSize(raw) {
  const cache = join(root, ".cache", "bench");
  mkdirSync(cache, { recursive: true });
  const file = join(cache, `minimal-client-${sha256(raw).slice(0, 16)}.brotli-size`);
  if (existsSync(file)) return Number(readFileSync(file, "utf8"));
  const n = await brotliSize(raw);
  writeFileSync(file, String(n));
  return n;
}

// Size: the minimal client built with the Makefile's flags for web/app.wasm.
const tmp = mkdtempSync(join(tmpdir(), "nhsd-browser-bench-"));
const minOut = join(tmp, "min.wasm");
execFileSync("go", ["build", "-trimpath", "-ldflags=-s -w", "-gcflags=nhsdigital/...=-l", "-gcflags=github.com/maxence-charriere/go-app/v10/...=-l", "-o", minOut, "./tools/minimal-client"], {
  cwd: root,
  env: { ...process.env, GOOS: "js", GOARCH: "wasm" },
  stdio: "inherit",
});
const appRaw = readFileSync(join(root, "web", "app.wasm"));
const minRaw = readFileSync(minOut);
rmSync(tmp, { recursive: true, force: true });
const [appBr, minBr] = await Promise.all([appSize(appRaw), minSize(minRaw)]);

// Recorded in the page from its start: LCP entries, and the in-page time
// at which the client marks the page ready.
const initScript = () => {
  const b = (window.__nhsdBench = { lcp: NaN, ready: NaN, key: NaN });
  addEventListener("keydown", () => { if (Number.isNaN(b.key)) b.key = performance.now(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.lcp = e.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  } catch {}
  const check = () => {
    if (Number.isNaN(b.ready) && document.documentElement?.dataset.nhsdApp === "ready") b.ready = performance.now();
  };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, childList: true, attributeFilter: ["data-nhsd-app"] });
};

async function load(browser, url, rate) {
  const context = await browser.newContext();
  await context.addInitScript(initScript);
  const page = await context.newPage();
  if (rate > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send("Emulation.setCPUThrottlingRate", { rate });
  }
  await page.goto(url, { waitUntil: "load" });
  // Paints first, before any input (input ends LCP) and before the client
  // replaces the prerendered nodes.
  const m = await page.evaluate(async () => {
    // A fast load can fire before the first paint: wait for it (up to 1 s).
    for (let i = 0; i < 50 && performance.getEntriesByType("paint").length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    const paint = Object.fromEntries(performance.getEntriesByType("paint").map((e) => [e.name, e.startTime]));
    const lcp = await new Promise((resolve) => {
      new PerformanceObserver((list) => resolve(Math.max(...list.getEntries().map((e) => e.startTime))))
        .observe({ type: "largest-contentful-paint", buffered: true });
      setTimeout(() => resolve(window.__nhsdBench.lcp), 300);
    });
    const nav = performance.getEntriesByType("navigation")[0];
    return { fp: paint["first-paint"] ?? NaN, fcp: paint["first-contentful-paint"] ?? NaN, lcp, dcl: nav.domContentLoadedEventEnd };
  });
  await waitForApp(page);
  m.tti = await page.evaluate(() => window.__nhsdBench.ready - window.__nhsdBench.key);
  for (const [k, v] of Object.entries(m)) if (k !== "lcp" && !Number.isFinite(v)) console.error(`${url} (CPU ${rate}×): no ${k}`);
  await context.close();
  return m;
}

const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x) => (Number.isFinite(x) ? x.toFixed(0) : "—");

const load1 = loadavg()[0]; // other work on the machine skews every figure
const server = await startServer();
const browser = await launch();
const version = browser.version();
const rows = [];
try {
  // The server renders and keeps each page on its first request; one load warms Chromium up.
  for (const p of Object.values(pages)) await fetch(server.base + p);
  await load(browser, server.base + "/", 1);
  for (const rate of throttles) {
    for (const [name, p] of Object.entries(pages)) {
      const ms = [];
      for (let i = 0; i < runs; i++) ms.push(await load(browser, server.base + p, rate));
      rows.push({ name, p, rate, fp: median(ms.map((m) => m.fp)), fcp: median(ms.map((m) => m.fcp)), lcp: median(ms.map((m) => m.lcp)), lcpN: ms.filter((m) => Number.isFinite(m.lcp)).length, dcl: median(ms.map((m) => m.dcl)), tti: median(ms.map((m) => m.tti)), ttiMax: Math.max(...ms.map((m) => m.tti)) });
    }
  }
} finally {
  await browser.close();
  await server.stop();
}

const kb = (n) => (n / 1024).toFixed(1) + " KB";
console.log(`\nWebAssembly: app.wasm ${appBr} bytes brotli (${kb(appBr)}; ${kb(appRaw.length)} raw), minimal go-app client ${minBr} bytes brotli (${kb(minBr)}; ${kb(minRaw.length)} raw), ratio ${(appBr / minBr).toFixed(3)}`);
console.log("  both built with the Makefile's flags, brotli quality 11, window 24");
console.log(`\nFirst visit in Chromium ${version} (headless, fresh context each load, loopback, no network throttling, load average ${load1.toFixed(2)} at start): median of ${runs} loads, ms from navigation start`);
console.log("  page interactive = DOMContentLoaded done (deferred scripts run; links and forms work without the client)");
console.log("  client start = from the first key press after load until the WebAssembly client marks <html data-nhsd-app=\"ready\"> (fetch, compile, run, take over)\n");
console.log("| page | CPU | first paint | FCP | LCP | page interactive | client start, median | client start, slowest |");
console.log("|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.name} (${r.p}) | ${r.rate === 1 ? "1×" : r.rate + "× slower"} | ${f(r.fp)} | ${f(r.fcp)} | ${f(r.lcp)}${r.lcpN < runs ? ` (${r.lcpN} of ${runs})` : ""} | ${f(r.dcl)} | ${f(r.tti)} | ${f(r.ttiMax)} |`);
}
