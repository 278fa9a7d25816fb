// make bench (scale): the server at 1,000, 5,000 and 20,000 synthetic
// publications (cmd/corpus, beside the real content) and Hugo, from
// Debian's hugo package, on the same pages in the same run
// (tools/bench/hugosite writes them as Markdown with minimal templates).
//
//   start      process start to the first 200 for /; RSS once the search
//              index is built (ours) or once serving (hugo server); the
//              next start on the same data folder (the pages kept); and
//              the first start of the binary as deployed, built with the
//              corpus embedded and its pages checked at build (as make
//              build does): time, and RSS (anonymous, and mapped from the
//              binary) once the index is built
//   save       preview: a saved file to the change on an open page in
//              Chromium (ours -preview, hugo server's live reload)
//   idle CPU   the preview (or hugo server) doing nothing for 10 s
//   publish    a publication scheduled a few seconds ahead: from its time
//              to the first 200 for it, and RSS before, at its peak while
//              the new version's index is built, and 75 s after
//   export     ours -export beside a hugo build: time and peak RSS
//   load       256 connections for DURATION s over random pages: peak RSS,
//              as the server runs by default (its soft memory limit,
//              -memory-limit) and with no limit (Go's defaults)
//
// SCALE_SIZES (default 1000,5000,20000), ROUNDS (saves a size, default
// 30) and DURATION (default 30) change the run.
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { root, launch, freePort } from "../../tests/browser/helpers.mjs";
import { rssMB, cpuTicks } from "./proc.mjs";
import { timeSave, watchTitles } from "./shown.mjs";

const sizes = (process.env.SCALE_SIZES || "1000,5000,20000").split(",").map(Number);
const rounds = Number(process.env.ROUNDS || 30); // the p95 of 30 is the second slowest, not the slowest
const loadSeconds = Number(process.env.DURATION || 30);
const bin = join(root, "bin", "site");
const work = mkdtempSync(join(tmpdir(), "nhsd-scale-"));
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

for (const cmd of ["hugo", "wrk", "/usr/bin/time"]) {
  if (spawnSync("sh", ["-c", `command -v ${cmd}`]).status !== 0) throw new Error(`${cmd} is missing: run bash tools/bench/setup.sh`);
}
const hugoVersion = /v([\d.]+)/.exec(execFileSync("hugo", ["version"], { encoding: "utf8" }))?.[1] || "?";

async function status(url) {
  try { const r = await fetch(url, { redirect: "manual" }); await r.arrayBuffer(); return r.status; } catch { return 0; }
}

// indexCount is how many documents the server's search index holds.
async function indexCount(base) {
  const r = await fetch(base + "/search-index/meta.json");
  return (await r.json()).n;
}

// start runs a server and waits for / to answer 200.
async function start(cmd, args, base, readyPath = "/", env = {}) {
  const t0 = performance.now();
  const proc = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, ...env } });
  let err = "";
  proc.stderr.on("data", (d) => (err += d));
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${cmd} stopped:\n${err}`);
    if ((await status(base + readyPath)) === 200) break;
    if (performance.now() - t0 > 300000) throw new Error(`${cmd} did not start in 5 min`);
    await sleep(10);
  }
  const ms = performance.now() - t0;
  const exited = new Promise((r) => proc.once("exit", r));
  return { proc, ms, stop: () => { proc.kill("SIGTERM"); return exited; } };
}

async function ours(dir, extra = [], data = mkdtempSync(join(work, "data-")), env = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const s = await start(bin, ["-content", dir, "-addr", `127.0.0.1:${port}`, "-admin-addr", "off", "-data", data, ...extra], base, "/", env);
  return { ...s, base };
}

// deployedBinary builds the server as make build does, with the corpus as
// its embedded content: once, then again carrying the shelf the first
// one's check wrote. It returns the binary's path. Its sources stay until
// the run ends (see keepUntilTheEnd).
function deployedBinary(corpus, n) {
  const src = join(work, `src-${n}`);
  for (const d of ["app", "client", "components", "content", "internal", "preview", "server", "web", "cmd", "third_party", "go.mod", "go.sum"]) {
    cpSync(join(root, d), join(src, d), { recursive: true });
  }
  rmSync(join(src, "content", "pages"), { recursive: true, force: true });
  for (const f of readdirSync(join(src, "content", "generated"))) if (f.endsWith(".shelf")) rmSync(join(src, "content", "generated", f));
  cpSync(join(corpus, "pages"), join(src, "content", "pages"), { recursive: true });
  cpSync(join(corpus, "site.json"), join(src, "content", "site.json"));
  const env = { ...process.env, CGO_ENABLED: "0" };
  const out = join(src, "site");
  execFileSync("go", ["build", "-trimpath", "-o", out, "./app"], { cwd: src, env, stdio: "inherit" });
  const data = join(src, "check-data");
  execFileSync(out, ["-check", "-data", data], { stdio: "ignore" });
  for (const f of readdirSync(join(data, "cache"))) cpSync(join(data, "cache", f), join(src, "content", "generated", f));
  execFileSync("go", ["build", "-trimpath", "-o", out, "./app"], { cwd: src, env, stdio: "inherit" });
  return { bin: out };
}

const rssKinds = (pid) => {
  const st = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (k) => Number(new RegExp(k + ":\\s+(\\d+)").exec(st)?.[1]) / 1024;
  return { anon: kb("RssAnon"), file: kb("RssFile") };
};

async function hugoServer(site) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const s = await start("hugo", ["server", "--source", site, "--bind", "127.0.0.1", "--port", String(port), "--baseURL", base + "/", "--quiet"], base);
  return { ...s, base };
}

async function idleCPU(pid, seconds = 10) {
  await sleep(2000);
  const a = cpuTicks(pid);
  await sleep(seconds * 1000);
  return (cpuTicks(pid) - a) / seconds; // percent of one core
}

// saveToScreen edits the title in file and times each save until the page
// shows it, by the page's own clock (shown.mjs), rounds times; the page
// reloads itself (Hugo's live reload) or changes in place (ours). A save
// not shown within 20 s counts as missed (times.missed) and the page is
// loaded again for the next round.
async function saveToScreen(browser, url, file, title) {
  const original = readFileSync(file, "utf8");
  const context = await browser.newContext();
  await watchTitles(context);
  const page = await context.newPage();
  const times = [];
  times.missed = 0;
  try {
    await page.goto(url, { waitUntil: "networkidle" });
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, title, { timeout: 30000 });
    for (let i = 0; i < rounds; i++) {
      const next = `${title}, edit ${i}`;
      await sleep(300);
      try {
        times.push(await timeSave(page, next, () => writeFileSync(file, retitle(original, next)), 20000));
      } catch (e) {
        if (e.name !== "TimeoutError") throw e;
        times.missed++;
        await page.goto(url);
      }
    }
  } finally {
    writeFileSync(file, original);
    await context.close();
  }
  return times;
}

// retitle sets the title in a page's front matter (a Markdown page or
// tools/bench/hugosite's).
function retitle(text, title) {
  return text.replace(/^(title: ).*$/m, (_, key) => key + JSON.stringify(title));
}

// reschedule sets the published date in a page's front matter.
function reschedule(text, when) {
  const out = text.replace(/^(published: ).*$/m, (_, key) => key + JSON.stringify(when));
  if (out === text) throw new Error("no published field to reschedule");
  return out;
}

function contentFile(dir, pagePath) {
  const base = join(dir, "pages", ...pagePath.split("/").filter(Boolean));
  if (!existsSync(base + ".md")) throw new Error(`no content file for ${pagePath} in ${dir}`);
  return base + ".md";
}

// publications are the synthetic editions (each under its series' folder).
function publications(dir) {
  const top = join(dir, "pages", "data-and-information", "publications", "statistical");
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^synthetic-[^/]+\//.test(relative(top, p))) out.push(p);
    }
  };
  walk(top);
  return out.sort();
}

function timed(cmd, args) {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed:\n${r.stderr.slice(-2000)}`);
  const [s, kb] = r.stderr.trim().split("\n").pop().split(" ").map(Number);
  return { ms: s * 1000, rss: kb / 1024 };
}

async function loadRSS(srv, paths) {
  const list = join(work, "paths.txt");
  writeFileSync(list, paths.join("\n") + "\n");
  const script = join(work, "random.lua");
  writeFileSync(script, `local paths = {}
for line in io.lines("${list}") do paths[#paths + 1] = line end
wrk.headers["Accept-Encoding"] = "br, gzip"
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
`);
  let peak = rssMB(srv.proc.pid);
  const sampler = setInterval(() => { peak = Math.max(peak, rssMB(srv.proc.pid)); }, 200);
  const r = spawn("wrk", ["-t2", "-c256", `-d${loadSeconds}s`, "-s", script, srv.base], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  r.stdout.on("data", (d) => (out += d));
  await new Promise((res) => r.once("exit", res));
  clearInterval(sampler);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] || 0);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(out)?.[1] || 0);
  return { peak, rps, non2xx, after: rssMB(srv.proc.pid) };
}

const q = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
const f0 = (x) => (Number.isFinite(x) ? x.toFixed(0) : "-");
const rows = [];
const row = (...cells) => rows.push(cells);

// keepUntilTheEnd: every corpus, copy and build stays in work until the
// run ends (a few GB at 20,000). On ext4 without a journal, as on this
// machine, making a file skips the inodes deleted in the last minutes, one
// by one (recently_deleted and find_inode_bit in perf). Four exports of
// 20,000 pages, each made just after the last was deleted, took 38, 45, 61
// and 68 s, 7 to 48 s of it in the kernel, against 27 s and 6 s for the
// first. Deleting as the run goes would slow whichever of ours and Hugo's
// came next.
const browser = await launch();
try {
  for (const n of sizes) {
    const corpus = join(work, `corpus-${n}`);
    const site = join(work, `hugo-${n}`);
    execFileSync("go", ["run", "./cmd/corpus", "-n", String(n), "-out", corpus], { cwd: root, stdio: "ignore" });
    execFileSync("go", ["run", "./tools/bench/hugosite", "-content", corpus, "-out", site], { cwd: root, stdio: "inherit" });
    const manifest = JSON.parse(readFileSync(join(site, "manifest.json"), "utf8"));
    const docs = Object.keys(manifest).length;
    console.log(`\n${n} publications (${docs} pages): measuring…`);
    const m = { n, docs };

    // Production start (every page to be checked), RSS once the search index
    // is built, load; then the next start on the same data folder, which
    // takes the unchanged pages from what the first one kept.
    const data = mkdtempSync(join(work, "data-"));
    const t0 = performance.now();
    let s = await ours(corpus, [], data);
    m.start = s.ms;
    m.startRSS = rssMB(s.proc.pid);
    // The home page may come from the front matter first: every page is
    // checked when /readyz says so.
    while ((await status(s.base + "/readyz")) !== 200) await sleep(10);
    m.checked = performance.now() - t0;
    while ((await status(s.base + "/search?q=statistics")) !== 200) await sleep(50);
    m.ready = performance.now() - t0;
    m.rss = rssMB(s.proc.pid);
    const paths = Object.keys(manifest).sort().filter((p, i) => p !== "/404" && i % Math.max(1, Math.floor(docs / 5000)) === 0);
    m.load = await loadRSS(s, paths);
    await s.stop();
    s = await ours(corpus, [], data);
    m.nextStart = s.ms;
    await s.stop();
    // The same load with no soft memory limit: Go's defaults.
    s = await ours(corpus, ["-memory-limit", "0"], data);
    while ((await status(s.base + "/search?q=statistics")) !== 200) await sleep(50);
    m.loadLimited = await loadRSS(s, paths);
    await s.stop();
    // The binary as deployed: content and checked pages built in, a new
    // data folder.
    const deployed = deployedBinary(corpus, n);
    {
      const port = await freePort();
      const base = `http://127.0.0.1:${port}`;
      const d = await start(deployed.bin, ["-addr", `127.0.0.1:${port}`, "-admin-addr", "off", "-data", mkdtempSync(join(work, "data-"))], base);
      m.deployedStart = d.ms;
      while ((await status(base + "/search?q=statistics")) !== 200) await sleep(50);
      await sleep(2000);
      m.deployedRSS = rssKinds(d.proc.pid);
      await d.stop();
    }

    let h = await hugoServer(site);
    m.hStart = h.ms;
    m.hRSS = rssMB(h.proc.pid);
    m.hIdle = await idleCPU(h.proc.pid);
    const spineURL = h.base + "/services/spine/";
    m.hSave = await saveToScreen(browser, spineURL, join(site, manifest["/services/spine"]), "Spine");
    await h.stop();

    // Preview: idle CPU, RSS, save to screen.
    s = await ours(corpus, ["-preview"]);
    m.pIdle = await idleCPU(s.proc.pid);
    m.pRSS = rssMB(s.proc.pid);
    m.save = await saveToScreen(browser, s.base + "/services/spine", contentFile(corpus, "/services/spine"), "Spine");
    await s.stop();

    // A scheduled publication going live.
    const pubs = publications(corpus);
    const file = pubs[Math.floor(pubs.length / 2)];
    const pubPath = "/" + relative(join(corpus, "pages"), file).replace(/\.md$/, "");
    const original = readFileSync(file, "utf8");
    const at = new Date(Date.now() + Math.max(10000, 3 * m.ready + 5000));
    at.setUTCMilliseconds(0);
    writeFileSync(file, reschedule(original, at.toISOString().replace(".000Z", "Z")));
    s = await ours(corpus);
    while ((await status(s.base + "/search?q=statistics")) !== 200) await sleep(50);
    m.pubBefore = rssMB(s.proc.pid);
    const indexBefore = await indexCount(s.base);
    if ((await status(s.base + pubPath)) !== 404) throw new Error(`${pubPath} answered before its time`);
    if (Date.now() > at.getTime() - 1000) throw new Error("the scheduled time passed before the server was ready; raise the lead");
    await sleep(at.getTime() - Date.now());
    let pubPeak = rssMB(s.proc.pid);
    const sampler = setInterval(() => { pubPeak = Math.max(pubPeak, rssMB(s.proc.pid)); }, 200);
    while ((await status(s.base + pubPath)) !== 200) {
      if (Date.now() - at.getTime() > 120000) throw new Error(`${pubPath} never went live`);
      await sleep(5);
    }
    m.publish = Date.now() - at.getTime();
    // The search index of the new version counts the publication (a
    // search made meanwhile waits for that index).
    while ((await indexCount(s.base)) !== indexBefore + 1) {
      if (Date.now() - at.getTime() > 120000) throw new Error(`the search index never counted ${pubPath}`);
      await sleep(20);
    }
    m.pubSearch = Date.now() - at.getTime();
    // The new version builds its search index; the old one is let go a
    // minute after the swap (renders in flight may still name it).
    await sleep(75000);
    clearInterval(sampler);
    m.pubPeak = pubPeak;
    m.pubAfter = rssMB(s.proc.pid);
    await s.stop();
    writeFileSync(file, original);

    // Export beside a Hugo build. Neither copy is removed before the run
    // ends (see keepUntilTheEnd).
    const dist = join(work, `dist-${n}`);
    m.export = timed(bin, ["-content", corpus, "-export", dist, "-data", mkdtempSync(join(work, "data-"))]);
    m.hBuild = timed("hugo", ["--source", site, "--destination", join(work, `public-${n}`), "--quiet"]);

    const ratio = (a, b) => (b > 0 ? (a / b).toFixed(2) : "-");
    row(`**${n}** (${docs} pages)`, "ours", "Hugo " + hugoVersion, "ours / Hugo");
    row("start to first 200 (ms)", f0(m.start), f0(m.hStart), ratio(m.start, m.hStart));
    row("start to /readyz 200: every page checked (ms)", f0(m.checked), "", ratio(m.checked, m.hStart));
    row("start to a search's 200: the index built (ms)", f0(m.ready), "", "");
    row("next start, pages kept (ms)", f0(m.nextStart), "", ratio(m.nextStart, m.hStart));
    row("deployed binary's first start, pages checked at build (ms)", f0(m.deployedStart), "", ratio(m.deployedStart, m.hStart));
    row("deployed binary's RSS after start: anonymous + mapped from the binary (MB)", `${f0(m.deployedRSS.anon)} + ${f0(m.deployedRSS.file)}`, "", "");
    row("RSS after start (MB)", `${f0(m.rss)} (${f0(m.startRSS)} at first 200)`, f0(m.hRSS), ratio(m.rss, m.hRSS));
    const missed = (t) => (t.missed ? ` (${t.missed} of ${rounds} not shown in 20 s)` : "");
    row("save → screen, median / p95 (ms)", `${f0(q(m.save, 0.5))} / ${f0(q(m.save, 0.95))}${missed(m.save)}`, `${f0(q(m.hSave, 0.5))} / ${f0(q(m.hSave, 0.95))}${missed(m.hSave)}`, ratio(q(m.save, 0.5), q(m.hSave, 0.5)));
    row("preview idle CPU (% of a core)", m.pIdle.toFixed(1), m.hIdle.toFixed(1), "");
    row("preview RSS (MB)", f0(m.pRSS), "", "");
    row("publish: scheduled time → 200 (ms)", f0(m.publish), "", "");
    row("publish: scheduled time → the search index counts it (ms)", f0(m.pubSearch), "", "");
    row("publish: RSS before → peak → 75 s after (MB)", `${f0(m.pubBefore)} → ${f0(m.pubPeak)} → ${f0(m.pubAfter)}`, "", "");
    row("export / build (ms)", f0(m.export.ms), f0(m.hBuild.ms), ratio(m.export.ms, m.hBuild.ms));
    row("export / build peak RSS (MB)", f0(m.export.rss), f0(m.hBuild.rss), ratio(m.export.rss, m.hBuild.rss));
    row(`load: 256 conns ${loadSeconds} s, peak RSS (MB)`, `${f0(m.load.peak)} (${f0(m.load.rps)} req/s, ${m.load.non2xx} not 2xx)`, "", "");
    row(`same, -memory-limit 0 (Go's defaults)`, `${f0(m.loadLimited.peak)} (${f0(m.loadLimited.rps)} req/s, ${m.loadLimited.non2xx} not 2xx)`, "", "");
  }
} finally {
  await browser.close();
  // A server still stopping may write into its folder: retry, and never
  // hide the error that ended the run.
  try {
    rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
  } catch (e) {
    console.error(`could not remove ${work}: ${e.message}`);
  }
}

console.log(`\nScale: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")} at the end`);
console.log("| | | | |\n|---|---|---|---|");
for (const r of rows) console.log("| " + r.join(" | ") + " |");
