// make bench (serve): our server's prerendered pages beside nginx serving
// the same bytes, with wrk; then a mixed load on our server alone, with its
// memory sampled before, during and after.
//
// Both servers listen on 127.0.0.1 and share the machine's cores with wrk.
// DURATION (s) sets the load's length (default 30), PAGE_DURATION each
// page's wrk run beside nginx (default 8).
import { spawn, spawnSync, execFileSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { loadavg, tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { startServer, serveStatic, freePort } from "../../tests/browser/helpers.mjs";

const pageSeconds = Number(process.env.PAGE_DURATION || 8);
const loadSeconds = Number(process.env.DURATION || 30);
const pageConns = 64;
const loadConns = 256;
const threads = 2;
const pages = ["/", "/services/spine", "/blog/we-had-to-follow-the-data-not-our-users"];
const nginxBin = ["/usr/sbin/nginx", "nginx"].find((b) => { try { execFileSync(b, ["-v"], { stdio: "ignore" }); return true; } catch { return false; } });
if (!nginxBin) throw new Error("nginx is missing: run bash tools/bench/setup.sh");
const nginxVersion = /nginx\/(\S+)/.exec(spawnSync(nginxBin, ["-v"], { encoding: "utf8" }).stderr)?.[1] || "";

// get returns the status, headers and the exact body bytes sent (no decoding).
function get(base, path, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(base + path, { headers, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

// toMs reads a wrk duration such as 812.34us, 1.20ms or 2.01s.
function toMs(s) {
  const m = /^([\d.]+)(us|ms|s|m)$/.exec(s);
  if (!m) return NaN;
  return Number(m[1]) * { us: 0.001, ms: 1, s: 1000, m: 60000 }[m[2]];
}

function parseWrk(out) {
  const num = (re) => { const m = re.exec(out); return m ? Number(m[1]) : 0; };
  const lat = (p) => { const m = new RegExp(`^\\s+${p}%\\s+(\\S+)`, "m").exec(out); return m ? toMs(m[1]) : NaN; };
  const sock = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    rps: num(/Requests\/sec:\s+([\d.]+)/),
    requests: num(/(\d+) requests in/),
    p50: lat(50), p99: lat(99),
    non2xx: num(/Non-2xx or 3xx responses: (\d+)/),
    socket: sock ? { connect: +sock[1], read: +sock[2], write: +sock[3], timeout: +sock[4] } : null,
    out,
  };
}

// wrk runs without blocking the event loop, so memory can be sampled meanwhile.
function wrk(args) {
  return new Promise((resolve, reject) => {
    const p = spawn("wrk", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    p.stdout.on("data", (d) => (out += d));
    p.stderr.on("data", (d) => (out += d));
    p.on("error", reject);
    p.on("exit", (code) => (code === 0 ? resolve(parseWrk(out)) : reject(new Error("wrk failed:\n" + out))));
  });
}

function rssMB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/status`, "utf8").match(/VmRSS:\s+(\d+) kB/);
    return m ? Number(m[1]) / 1024 : NaN;
  } catch { return NaN; }
}


const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : "—");

// startNginx runs nginx in the foreground on its own config, prefix and pid file.
async function startNginx(dir, docroot, port, headers) {
  const conf = join(dir, "nginx.conf");
  const adds = Object.entries(headers).map(([k, v]) => `      add_header ${k} "${v.replace(/"/g, '\\"')}" always;`).join("\n");
  writeFileSync(conf, `
worker_processes 2;
daemon off;
pid ${join(dir, "nginx.pid")};
error_log ${join(dir, "error.log")} warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${join(dir, "tmp")};
  proxy_temp_path ${join(dir, "tmp")};
  fastcgi_temp_path ${join(dir, "tmp")};
  uwsgi_temp_path ${join(dir, "tmp")};
  scgi_temp_path ${join(dir, "tmp")};
  types {}
  default_type "text/html; charset=utf-8";
  server {
    listen 127.0.0.1:${port};
    root ${docroot};
    gzip_static on;
    gzip_vary on;
    location / {
      try_files $uri $uri/index.html =404;
${adds}
    }
  }
}
`);
  mkdirSync(join(dir, "tmp"), { recursive: true });
  try {
    return await serveStatic(nginxBin, ["-p", dir, "-c", conf, "-e", join(dir, "error.log")], port, "/");
  } catch (err) {
    throw new Error(err.message + (() => { try { return readFileSync(join(dir, "error.log"), "utf8"); } catch { return ""; } })());
  }
}

const load1 = loadavg()[0]; // other work on the machine skews every figure
const dir = mkdtempSync(join(tmpdir(), "nhsd-serve-bench-"));
chmodSync(dir, 0o755); // nginx's workers may run as nobody
const docroot = join(dir, "root");
const server = await startServer();
let nginx;
try {
  // a. The same bytes from both servers.
  const headers = {};
  for (const p of pages) {
    await get(server.base, p); // first request renders and keeps the page
    const plain = await get(server.base, p);
    const gz = await get(server.base, p, { "Accept-Encoding": "gzip" });
    if (plain.status !== 200 || gz.status !== 200 || gz.headers["content-encoding"] !== "gzip") {
      throw new Error(`${p}: ${plain.status}/${gz.status} ${gz.headers["content-encoding"]}`);
    }
    if (plain.headers["content-type"] !== "text/html; charset=utf-8") throw new Error(`${p}: Content-Type ${plain.headers["content-type"]}`);
    const file = join(docroot, p === "/" ? "index.html" : p);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, plain.body);
    writeFileSync(file + ".gz", gz.body);
    // nginx sends the same security and cache headers as ours.
    for (const [k, v] of Object.entries(gz.headers)) {
      if (!["date", "content-length", "content-type", "content-encoding", "etag", "vary", "connection", "keep-alive"].includes(k)) headers[k] = v;
    }
  }
  execFileSync("chmod", ["-R", "a+rX", docroot]);
  nginx = await startNginx(dir, docroot, await freePort(), headers);
  for (const p of pages) {
    const file = join(docroot, p === "/" ? "index.html" : p);
    for (const [enc, want] of [[undefined, readFileSync(file)], ["gzip", readFileSync(file + ".gz")]]) {
      const r = await get(nginx.base, p, enc ? { "Accept-Encoding": enc } : {});
      const ours = await get(server.base, p, enc ? { "Accept-Encoding": enc } : {});
      if (r.status !== 200 || !r.body.equals(want) || !ours.body.equals(want) || r.headers["content-type"] !== ours.headers["content-type"] ||
          (r.headers["content-encoding"] || "") !== (ours.headers["content-encoding"] || "")) {
        throw new Error(`nginx and our server differ on ${p} (${enc || "identity"}): status ${r.status}, ${r.body.length} vs ${ours.body.length} bytes, ` +
          `${r.headers["content-type"]} vs ${ours.headers["content-type"]}, ${r.headers["content-encoding"]} vs ${ours.headers["content-encoding"]}`);
      }
    }
  }

  const args = (base, p) => ["-t" + threads, "-c" + pageConns, "-d" + pageSeconds + "s", "--latency", "-H", "Accept-Encoding: gzip", base + p];
  const rows = [];
  for (const p of pages) {
    const size = readFileSync(join(docroot, p === "/" ? "index.html" : p) + ".gz").length;
    const ours = await wrk(args(server.base, p));
    const theirs = await wrk(args(nginx.base, p));
    for (const [who, r] of [["ours", ours], ["nginx", theirs]]) {
      if (r.non2xx || (r.socket && Object.values(r.socket).some((n) => n > 0))) console.error(`${p} (${who}): ${r.non2xx} non-2xx/3xx, socket errors ${JSON.stringify(r.socket)}`);
    }
    rows.push({ p, size, ours, theirs });
  }
  await nginx.stop();
  nginx = null;

  console.log(`\nPrerendered pages beside nginx ${nginxVersion} (gzip_static), 127.0.0.1, ${execFileSync("nproc").toString().trim()} cores, load average ${load1.toFixed(2)} at start`);
  console.log("  checked first: both answer 200 with the same body bytes, identity and gzip, same Content-Type; nginx adds our security and cache headers");
  console.log(`  wrk -t${threads} -c${pageConns} -d${pageSeconds}s --latency -H 'Accept-Encoding: gzip'; ours then nginx per page; nginx worker_processes 2, access_log off (target: ours/nginx >= 0.6)\n`);
  console.log("| page | gzip bytes | ours req/s | ours p99 | nginx req/s | nginx p99 | ours/nginx |");
  console.log("|---|---|---|---|---|---|---|");
  for (const r of rows) {
    console.log(`| ${r.p} | ${r.size} | ${f(r.ours.rps)} | ${f(r.ours.p99, 2)} ms | ${f(r.theirs.rps)} | ${f(r.theirs.p99, 2)} ms | ${f(r.ours.rps / r.theirs.rps, 2)} |`);
  }

  // b. A mix of what visitors ask for, on our server alone.
  const home = (await get(server.base, "/")).body.toString();
  const css = /href="(\/web\/site\.css\?v=[^"]+)"/.exec(home)?.[1] || "/web/site.css";
  const appJs = /src="(\/app\.js[^"]*)"/.exec(home)?.[1] || "/app.js";
  const mix = [
    "/", "/services", "/services/spine", "/data-and-information", "/blog",
    "/blog/we-had-to-follow-the-data-not-our-users", "/news-and-events/latest-news/international-womens-day",
    "/data-and-information/publications/statistical/recorded-dementia-diagnoses/february-2021",
    "/page-data/index.json", "/page-data/services/spine.json", "/page-data/site.json",
    css, appJs, "/sitemap.xml", "/no-such-page", "/search?q=spine",
  ];
  const lua = join(dir, "mix.lua");
  writeFileSync(lua, `
-- Each connection cycles through the paths; statuses are counted per thread.
local paths = { ${mix.map((p) => JSON.stringify(p)).join(", ")} }
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args)
  requests = {}
  for i, p in ipairs(paths) do requests[i] = wrk.format("GET", p, { ["Accept-Encoding"] = "gzip" }) end
  n = math.random(#paths)
  statuses = {}
end
function request()
  n = n % #requests + 1
  return requests[n]
end
function response(status, headers, body)
  local k = tostring(status)
  statuses[k] = (statuses[k] or 0) + 1
end
function done(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for k, v in pairs(t:get("statuses")) do all[k] = (all[k] or 0) + v end
  end
  local parts = {}
  for k, v in pairs(all) do table.insert(parts, k .. "=" .. v) end
  table.sort(parts)
  io.write("STATUSES " .. table.concat(parts, " ") .. "\\n")
end
`);
  for (const p of mix) await get(server.base, p, { "Accept-Encoding": "gzip" }); // warm the page cache
  const pid = server.proc.pid;
  await sleep(500);
  const before = rssMB(pid);
  let peak = before;
  const timer = setInterval(() => { const m = rssMB(pid); if (m > peak) peak = m; }, 200);
  const load = await wrk(["-t" + threads, "-c" + loadConns, "-d" + loadSeconds + "s", "--latency", "--timeout", "5s", "-s", lua, server.base + "/"]);
  clearInterval(timer);
  await sleep(1000);
  const after = rssMB(pid);
  const statuses = /STATUSES (.*)/.exec(load.out)?.[1] || "?";
  const expected404 = mix.filter((p) => p === "/no-such-page").length / mix.length;
  const s = load.socket || { connect: 0, read: 0, write: 0, timeout: 0 };
  console.log(`\nLoad on our server: ${mix.length} paths in turn (pages, page data, assets, sitemap, a 404, a search)`);
  console.log(`  wrk -t${threads} -c${loadConns} -d${loadSeconds}s --latency --timeout 5s -H 'Accept-Encoding: gzip' -s mix.lua`);
  console.log(`  ${f(load.rps)} req/s, ${load.requests} requests; latency p50 ${f(load.p50, 2)} ms, p99 ${f(load.p99, 2)} ms`);
  console.log(`  statuses: ${statuses} (404 expected for 1 path in ${mix.length}, about ${(expected404 * 100).toFixed(0)}%); wrk's non-2xx/3xx: ${load.non2xx}`);
  console.log(`  socket errors: connect ${s.connect}, read ${s.read}, write ${s.write}, timeout ${s.timeout}`);
  console.log(`  server RSS: before ${f(before, 1)} MB, peak during ${f(peak, 1)} MB, 1 s after ${f(after, 1)} MB (VmRSS every 200 ms)`);
  if (server.proc.exitCode !== null) console.log("  the server exited during the load:\n" + server.output());
} finally {
  if (nginx) await nginx.stop();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
