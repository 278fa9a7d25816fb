// make audit: axe-core (phone and desktop widths, once the client has taken
// over) and the Nu checker (prerendered HTML) on every page type; Lighthouse
// (mobile and desktop) on every page type. A report, not a
// test: it exits 0 whenever it ran, whatever it found.
import { execFile } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { lighthouseRun, answered404 } from "./lighthouse.mjs";
import { startServer, launch, waitForApp, axe, pageTypes, vnuJar } from "../../tests/browser/helpers.mjs";

const widths = [[390, 844], [1280, 800]];
// Lighthouse runs on every page type (about 8 s a run); LIGHTHOUSE="home;blog"
// limits it to some (";" between them: a name can hold a comma). The
// targets are set for home, service, blog and search.
const lighthousePages = process.env.LIGHTHOUSE ? process.env.LIGHTHOUSE.split(";") : Object.keys(pageTypes);
const formFactors = [["mobile", undefined], ["desktop", desktopConfig]];
const categories = ["performance", "accessibility", "best-practices", "seo"];
const metrics = [
  ["first-contentful-paint", "FCP"], ["largest-contentful-paint", "LCP"],
  ["total-blocking-time", "TBT"], ["cumulative-layout-shift", "CLS"], ["speed-index", "SI"],
];
// Audits whose details show where the bytes, the main thread and the LCP
// time go, with how many rows of each to print.
const perfDetails = {
  "largest-contentful-paint-element": 8, "long-tasks": 20, "mainthread-work-breakdown": 10,
  "bootup-time": 10, "total-byte-weight": 5,
};

const out = mkdtempSync(join(tmpdir(), "nhsd-audit-"));
const slug = (s) => s.replace(/\W+/g, "-");
const log = (s) => process.stderr.write(s + "\n");

// nu fetches every page type's HTML as the server sends it and runs the
// checker once over all the files; it returns the error messages per type.
async function nu(base) {
  const files = {};
  for (const [type, path] of Object.entries(pageTypes)) {
    const file = join(out, "html", slug(type) + ".html");
    writeFileSync(file, await (await fetch(base + path)).text());
    files[file] = type;
  }
  const stderr = await new Promise((resolve, reject) => {
    execFile("java", ["-jar", vnuJar, "--errors-only", "--format", "json", ...Object.keys(files)],
      { maxBuffer: 64 << 20 }, (err, _stdout, stderr) => {
        if (err && !stderr) reject(err);
        else resolve(stderr);
      });
  });
  const messages = stderr.trim() ? JSON.parse(stderr).messages : [];
  const byType = Object.fromEntries(Object.keys(pageTypes).map((t) => [t, []]));
  for (const m of messages) {
    const type = files[decodeURIComponent(new URL(m.url).pathname)];
    if (type) byType[type].push(m);
    else throw new Error("Nu checker: " + JSON.stringify(m));
  }
  return byType;
}

// axeAll runs axe on every page type at each width; a page the client
// never takes over is reported as an error.
async function axeAll(base) {
  const browser = await launch();
  const results = {};
  try {
    for (const [width, height] of widths) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      for (const [type, path] of Object.entries(pageTypes)) {
        results[type] ??= {};
        try {
          await page.goto(base + path);
          await waitForApp(page);
          results[type][width] = await axe(page);
        } catch (e) {
          results[type][width] = { error: String(e.message || e).split("\n")[0] };
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
  return results;
}

// table formats rows (arrays of strings) as aligned columns, with a rule
// under the header; the first left columns are left-aligned, the rest right.
function table(header, rows, left = 1) {
  const all = [header, ...rows];
  const w = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => r.map((c, i) => (i < left ? String(c).padEnd(w[i]) : String(c).padStart(w[i]))).join("  ").trimEnd();
  return [line(header), w.map((n) => "-".repeat(n)).join("  "), ...rows.map(line)].join("\n");
}

const score = (s) => (s === null || s === undefined ? "-" : String(Math.round(s * 100)));

// cell formats one value of a Lighthouse details table.
function cell(v, type) {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") {
    if (v.type === "node") return (v.snippet || v.selector || v.nodeLabel || "").replace(/\s+/g, " ").slice(0, 160);
    if (v.type === "source-location") return `${shortURL(v.url)}:${v.line + 1}:${v.column + 1}`;
    if (v.type === "url" || v.type === "code" || v.type === "text") return String(v.value);
    if (v.formattedDefault) return v.formattedDefault;
    return JSON.stringify(v).slice(0, 160);
  }
  if (type === "ms" || type === "timespanMs") return `${Math.round(v)} ms`;
  if (type === "bytes") return `${(v / 1024).toFixed(1)} KB`;
  if (type === "url") return shortURL(v);
  if (typeof v === "number") return String(Math.round(v * 1000) / 1000);
  return String(v).replace(/\s+/g, " ").slice(0, 160);
}

const shortURL = (u) => { try { const x = new URL(u); return x.origin.startsWith("http://127.0.0.1") ? x.pathname + x.search : u; } catch { return String(u); } };

// details turns an audit's details into indented lines, at most max items a table.
function details(d, max = 8, indent = "      ") {
  if (!d) return [];
  if (d.type === "list") return d.items.flatMap((x) => details(x, max, indent));
  if (d.type === "debugdata" || d.type === "screenshot" || d.type === "filmstrip" || d.type === "treemap-data" || d.type === "criticalrequestchain") return [];
  if (!Array.isArray(d.items) || !d.headings) return [];
  const lines = [];
  for (const item of d.items.slice(0, max)) {
    const parts = d.headings
      .filter((h) => h.key && item[h.key] !== undefined && item[h.key] !== null && item[h.key] !== "")
      .map((h) => {
        const label = typeof h.label === "string" && h.label ? h.label : h.key;
        return `${label}: ${cell(item[h.key], h.valueType || h.itemType)}`;
      });
    if (parts.length) lines.push(indent + parts.join(" | "));
  }
  if (d.items.length > max) lines.push(`${indent}… ${d.items.length - max} more`);
  return lines;
}

// penalised lists, for each category below its bar, the audits that lost points.
function penalised(lhr) {
  const lines = [];
  for (const id of categories) {
    const cat = lhr.categories[id];
    if (!cat) continue;
    const bar = id === "performance" ? 0.98 : 1;
    if (cat.score !== null && cat.score >= bar) continue;
    lines.push(`  ${cat.title}: ${score(cat.score)}`);
    for (const ref of cat.auditRefs) {
      const a = lhr.audits[ref.id];
      if (!a || ref.group === "hidden") continue;
      if (a.score === null || a.score >= 1) continue;
      if (["notApplicable", "manual", "informative"].includes(a.scoreDisplayMode)) continue;
      const weight = ref.weight ? ` weight ${ref.weight}` : "";
      lines.push(`    ${a.id} — ${a.title} — score ${score(a.score)}${a.displayValue ? " — " + a.displayValue : ""}${weight}`);
      lines.push(...details(a.details));
    }
    if (id === "performance") {
      for (const [aid, max] of Object.entries(perfDetails)) {
        const a = lhr.audits[aid];
        if (!a || lines.some((l) => l.startsWith(`    ${aid} — `))) continue;
        lines.push(`    [${a.id}] ${a.title}${a.displayValue ? " — " + a.displayValue : ""}`);
        lines.push(...details(a.details, max));
      }
    }
  }
  return lines;
}

async function main() {
  const t0 = Date.now();
  const server = await startServer();
  let nuResults, axeResults;
  const lhrs = {};
  try {
    log(`server at ${server.base}; reports in ${out}`);
    mkdirSync(join(out, "html"));

    log("Nu checker…");
    nuResults = await nu(server.base);
    log("axe-core…");
    axeResults = await axeAll(server.base);

    for (const type of lighthousePages) {
      for (const [ff, config] of formFactors) {
        const t = Date.now();
        const file = join(out, `lighthouse-${slug(type)}-${ff}.json`);
        try {
          lhrs[`${type} ${ff}`] = await lighthouseRun(server.base + pageTypes[type], config, file);
          log(`lighthouse ${type} ${ff}: ${((Date.now() - t) / 1000).toFixed(0)} s`);
        } catch (e) {
          lhrs[`${type} ${ff}`] = { error: String(e.message || e).split("\n")[0] };
          log(`lighthouse ${type} ${ff} failed: ${e.message}`);
        }
      }
    }
  } finally {
    await server.stop();
  }

  // Summary table.
  const axeCell = (r) => (r === undefined ? "-" : r.error ? "error" : String(r.length));
  const lhCell = (lhr) => {
    if (!lhr) return "";
    if (answered404(lhr)) return "404: not audited";
    if (lhr.error || lhr.runtimeError) return "error";
    return categories.map((id) => score(lhr.categories[id]?.score)).join(" / ");
  };
  const rows = Object.entries(pageTypes).map(([type, path]) => [
    type, path, axeCell(axeResults[type][390]), axeCell(axeResults[type][1280]), String(nuResults[type].length),
    lhCell(lhrs[`${type} mobile`]), lhCell(lhrs[`${type} desktop`]),
  ]);
  console.log("\nAUDIT: axe-core violations (WCAG 2.2 A/AA), Nu checker errors, Lighthouse scores (perf / a11y / bp / seo)\n");
  console.log(table(["page type", "path", "axe 390px", "axe 1280px", "Nu errors", "LH mobile", "LH desktop"], rows, 2));
  console.log("\n(The offline page is kept out of search engines on purpose, by robots.txt: Lighthouse's SEO score counts that against it.)");

  // Metrics table.
  const mrows = [];
  for (const type of lighthousePages) {
    for (const [ff] of formFactors) {
      const lhr = lhrs[`${type} ${ff}`];
      if (!lhr || lhr.error) { mrows.push([type, ff, ...metrics.map(() => "error")]); continue; }
      mrows.push([type, ff, ...metrics.map(([id]) => {
        const a = lhr.audits[id];
        return a && a.displayValue ? `${a.displayValue.replace(/\u00a0/g, " ")} (${score(a.score)})` : "-";
      }), String(lhr.environment?.benchmarkIndex ?? "-")]);
    }
  }
  console.log("\nLighthouse metrics (value and score out of 100; CPU: Lighthouse's benchmark index of this machine during the run)\n");
  console.log(table(["page type", "form factor", ...metrics.map(([, n]) => n), "CPU"], mrows, 2));

  // Details: axe violations and Nu errors.
  const problems = [];
  for (const [type, path] of Object.entries(pageTypes)) {
    for (const [width] of widths) {
      const r = axeResults[type][width];
      if (r.error) problems.push(`  axe ${type} (${path}) at ${width}px: ${r.error}`);
      else for (const v of r) problems.push(`  axe ${type} (${path}) at ${width}px: ${v.id}: ${v.help}\n      ${v.nodes.join("\n      ")}`);
    }
    for (const m of nuResults[type]) {
      problems.push(`  Nu ${type} (${path}) line ${m.lastLine}: ${m.message}\n      ${(m.extract || "").replace(/\s+/g, " ").trim()}`);
    }
  }
  if (problems.length) console.log("\naxe-core and Nu checker findings\n\n" + problems.join("\n"));

  // Details: Lighthouse audits that lost points.
  console.log("\nLighthouse audits that lost points (categories below 100, performance below 98)");
  for (const type of lighthousePages) {
    for (const [ff] of formFactors) {
      const lhr = lhrs[`${type} ${ff}`];
      console.log(`\n${type} (${pageTypes[type]}), ${ff}:`);
      if (!lhr || lhr.error) { console.log(`  run failed: ${lhr?.error}`); continue; }
      if (lhr.runtimeError) console.log(`  runtime error: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      for (const w of lhr.runWarnings || []) console.log(`  warning: ${w}`);
      const lines = penalised(lhr);
      console.log(lines.length ? lines.join("\n") : "  nothing lost");
    }
  }

  console.log(`\nLighthouse JSON reports and the checked HTML: ${out}`);
  console.log(`(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}

main().catch((e) => {
  console.error("audit could not run:", e);
  process.exit(1);
});
