// make bench (search): our engine at 1,000 and 20,000 documents beside
// Pagefind on the same 20,000 pages, in one run on this machine.
//
// For each size: index build time and bytes (cmd/searchbench), server
// query latency and memory, bytes the browser downloads before the first
// result (what Chromium's network log counts, and the same files brotli-
// compressed as a CDN would send them), and warm query latency in Chromium.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { join, extname, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, constants } from "node:zlib";
import { startServer, launch, waitForApp } from "../../tests/browser/helpers.mjs";
import { rssMB } from "./proc.mjs";
import { corpus } from "./corpus.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const cache = join(root, ".cache", "bench");
mkdirSync(cache, { recursive: true });
const sizes = (process.env.SIZES || "1000,20000").split(",").map(Number);
const brotli = (b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const kb = (n) => (n / 1024).toFixed(1) + " KB";
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };


// firstResult types the first query into a fresh browser and counts what
// the search needs from the network until the results show.
async function firstResult(browser, base, query, isPagefind) {
  // No service worker: every file the search needs comes over the network
  // and is counted (Pagefind's worker fetches are counted too).
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  const bytes = [];
  let counting = false;
  page.on("requestfinished", async (r) => {
    if (!counting) return;
    const s = await r.sizes().catch(() => null);
    if (s) bytes.push({ url: r.url(), n: s.responseBodySize });
  });
  const mark = isPagefind ? "/pagefind/" : "/search-index/";
  let ms;
  if (isPagefind) {
    await page.goto(base + "/bench.html");
    counting = true;
    const t0 = Date.now();
    await page.evaluate(async (q) => {
      const pf = await import("/pagefind/pagefind.js");
      const r = await pf.search(q);
      await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
    }, query);
    ms = Date.now() - t0;
  } else {
    // From the home page: nothing of the index is in the browser yet.
    await page.goto(base + "/");
    await waitForApp(page);
    counting = true;
    const t0 = Date.now();
    const r = await page.evaluate((q) => window.nhsdSearchBench(q), query);
    ms = Date.now() - t0;
    if (r.total < 0) throw new Error("search failed in the browser");
  }
  await page.waitForTimeout(300);
  await context.close();
  return { bytes: bytes.filter((b) => b.url.includes(mark)), ms };
}

async function warmLatency(browser, base, queries, isPagefind) {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  if (isPagefind) {
    await page.goto(base + "/bench.html");
    const times = await page.evaluate(async (qs) => {
      const pf = await import("/pagefind/pagefind.js");
      const out = [];
      for (const q of qs) { const r = await pf.search(q); await Promise.all(r.results.slice(0, 10).map((x) => x.data())); }
      for (let i = 0; i < 5; i++) for (const q of qs) {
        const t = performance.now();
        const r = await pf.search(q);
        await Promise.all(r.results.slice(0, 10).map((x) => x.data()));
        out.push(performance.now() - t);
      }
      return out;
    }, queries);
    await context.close();
    return times;
  }
  await page.goto(base + "/search");
  await waitForApp(page);
  const times = await page.evaluate(async (qs) => {
    for (const q of qs) await window.nhsdSearchBench(q);
    const out = [];
    for (let i = 0; i < 5; i++) for (const q of qs) out.push((await window.nhsdSearchBench(q)).ms);
    return out;
  }, queries);
  await context.close();
  return times;
}

async function bodiesBrotli(entries) {
  let total = 0;
  for (const e of entries) total += brotli(Buffer.from(await (await fetch(e.url)).arrayBuffer()));
  return total;
}

function staticServer(dir) {
  const types = { ".html": "text/html", ".js": "text/javascript", ".json": "application/json", ".wasm": "application/wasm", ".css": "text/css" };
  const srv = createServer((req, res) => {
    const p = join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    try {
      const body = readFileSync(p.endsWith("/") ? join(p, "index.html") : p);
      res.writeHead(200, { "Content-Type": types[extname(p)] || "application/octet-stream", "Cache-Control": "public, max-age=3600" });
      res.end(body);
    } catch { res.writeHead(404); res.end(); }
  });
  return new Promise((r) => srv.listen(0, "127.0.0.1", () => r({ base: `http://127.0.0.1:${srv.address().port}`, close: () => srv.close() })));
}

// The engine's timing hook is only in a client built with -tags bench:
// serve one from a copy of web/.
const benchWeb = join(cache, "web");
rmSync(benchWeb, { recursive: true, force: true });
execFileSync("cp", ["-r", join(root, "web"), benchWeb]);
execFileSync("go", ["build", "-tags", "bench", "-trimpath", "-ldflags=-s -w", "-gcflags=nhsdigital/...=-l", "-gcflags=github.com/maxence-charriere/go-app/v10/...=-l", "-gcflags=github.com/tidwall/...=-l", "-o", join(benchWeb, "app.wasm"), "./app"],
  { cwd: root, env: { ...process.env, GOOS: "js", GOARCH: "wasm" } });
execFileSync("node", [join(root, "tools", "compress.mjs"), join(benchWeb, "app.wasm")]);

const rows = [];
const browser = await launch();
const queries = JSON.parse(execFileSync("go", ["run", "./cmd/searchbench", "-dir", "content", "-runs", "1"], { cwd: root })).queries;
for (const n of sizes) {
  const dir = corpus(n);
  const stats = JSON.parse(execFileSync("go", ["run", "./cmd/searchbench", "-dir", dir], { cwd: root, maxBuffer: 1 << 26 }));
  const server = await startServer(["-content", dir, "-web", benchWeb], { timeoutMs: 300000 });
  const mem = rssMB(server.proc.pid);
  const first = await firstResult(browser, server.base, queries[0], false);
  const firstBr = await bodiesBrotli(first.bytes);
  const warm = await warmLatency(browser, server.base, queries, false);
  rows.push({ engine: "ours", docs: stats.docs, buildMs: stats.buildMs, indexBytes: stats.indexBytes, indexGzip: stats.indexBytesGzip,
    firstBytes: first.bytes.reduce((a, b) => a + b.n, 0), firstBrotli: firstBr, firstRequests: first.bytes.length, firstMs: first.ms,
    browserMedian: pct(warm, 0.5), browserP95: pct(warm, 0.95), serverMedian: stats.serverMedianMs, serverP95: stats.serverP95Ms, serverMB: mem, indexHeapMB: stats.heapMB });

  if (n === Math.max(...sizes) && !process.env.SKIP_PAGEFIND) {
    // Pagefind on the same pages: our server's prerendered HTML, saved as files.
    const site = join(cache, `pagefind-site-${n}`);
    rmSync(site, { recursive: true, force: true });
    const map = await (await fetch(server.base + "/sitemap.xml")).text();
    const paths = [...map.matchAll(/<loc>https?:\/\/[^/]+(\/[^<]*)<\/loc>/g)].map((m) => m[1]);
    for (let i = 0; i < paths.length; i += 32) {
      await Promise.all(paths.slice(i, i + 32).map(async (p) => {
        const html = await (await fetch(server.base + p)).text();
        const file = join(site, p === "/" ? "index.html" : p + "/index.html");
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, html.replace("<main", "<main data-pagefind-body"));
      }));
    }
    writeFileSync(join(site, "bench.html"), "<!doctype html><title>bench</title>");
    const t0 = Date.now();
    execFileSync(join(root, "tools", "bench", "node_modules", ".bin", "pagefind"), ["--site", site, "--quiet"], { stdio: "inherit" });
    const pfBuild = Date.now() - t0;
    const pfBytes = Number(execFileSync("du", ["-sb", join(site, "pagefind")]).toString().split("\t")[0]);
    const st = await staticServer(site);
    const pfFirst = await firstResult(browser, st.base, queries[0], true);
    const pfWarm = await warmLatency(browser, st.base, queries, true);
    rows.push({ engine: "Pagefind", docs: paths.length, buildMs: pfBuild, indexBytes: pfBytes, indexGzip: NaN,
      firstBytes: pfFirst.bytes.reduce((a, b) => a + b.n, 0),
      firstBrotli: await bodiesBrotli(pfFirst.bytes), firstRequests: pfFirst.bytes.length, firstMs: pfFirst.ms,
      browserMedian: pct(pfWarm, 0.5), browserP95: pct(pfWarm, 0.95), serverMedian: NaN, serverP95: NaN, serverMB: NaN, indexHeapMB: NaN });
    st.close();
  }
  server.stop();
}
await browser.close();

const f = (x, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : "—");
console.log("\nSearch, same machine, same run (first query: " + JSON.stringify(queries[0]) + "; warm: " + queries.length + " queries × 5)\n");
console.log("| engine | docs | build | index total | first result: bytes over the wire | same files, brotli | requests | browser warm median / p95 | server median / p95 | server RSS |");
console.log("|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) {
  console.log(`| ${r.engine} | ${r.docs} | ${f(r.buildMs / 1000, 2)} s | ${kb(r.indexBytes)}${Number.isFinite(r.indexGzip) ? " (" + kb(r.indexGzip) + " gzip)" : ""} | ${kb(r.firstBytes)} | ${Number.isFinite(r.firstBrotli) ? kb(r.firstBrotli) : "—"} | ${r.firstRequests} | ${f(r.browserMedian, 2)} / ${f(r.browserP95, 2)} ms | ${f(r.serverMedian, 2)} / ${f(r.serverP95, 2)} ms | ${Number.isFinite(r.serverMB) ? f(r.serverMB, 0) + " MB" : "—"} |`);
}
writeFileSync(join(cache, "search-results.json"), JSON.stringify(rows, null, 2));
