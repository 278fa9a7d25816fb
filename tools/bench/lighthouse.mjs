// make bench (Lighthouse): Lighthouse's mobile performance score and Total
// Blocking Time on every page type, RUNS times each (default 3), each run
// a first visit in a new Chromium profile; the median of the runs is what
// counts. LIGHTHOUSE="home;blog" limits it to some page types (";" between
// them: a name can hold a comma). Lighthouse's own CPU benchmark of the
// machine is printed beside each, as other work on the machine moves it.
import { loadavg } from "node:os";
import { lighthouseRun, answered404 } from "../audit/lighthouse.mjs";
import { startServer, pageTypes } from "../../tests/browser/helpers.mjs";

const runs = Number(process.env.RUNS || 3);
const types = process.env.LIGHTHOUSE ? process.env.LIGHTHOUSE.split(";") : Object.keys(pageTypes);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startServer();
const rows = [];
try {
  for (const type of types) {
    const scores = [], tbts = [], cpus = [];
    let failed = 0;
    for (let i = 0; i < runs; ) {
      const lhr = await lighthouseRun(server.base + pageTypes[type]);
      const err = lhr.runtimeError;
      if (answered404(lhr)) {
        console.log(`${type}: not audited (it answers 404)`);
        break;
      }
      if (err) {
        // A run Lighthouse could not trace (NO_NAVSTART, now and then) is
        // made again, up to twice for a page type.
        failed++;
        console.log(`${type}: a run failed (${err.code})${failed > 2 ? "" : ", made again"}`);
        if (failed > 2) break;
        continue;
      }
      i++;
      scores.push(Math.round(lhr.categories.performance.score * 100));
      tbts.push(Math.round(lhr.audits["total-blocking-time"].numericValue));
      cpus.push(Math.round(lhr.environment.benchmarkIndex));
    }
    if (scores.length === 0) continue;
    rows.push([type, pageTypes[type], median(scores), scores.join(" / "), median(tbts), tbts.join(" / "), cpus.join(" / ")]);
    console.log(`${type}: performance ${scores.join(" / ")}, TBT ${tbts.join(" / ")} ms`);
  }
} finally {
  await server.stop();
}

console.log(`\nLighthouse mobile: median of ${runs} runs, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log("| page type | path | performance (median) | runs | TBT ms (median) | runs | CPU benchmark |\n|---|---|---|---|---|---|---|");
for (const r of rows) console.log("| " + r.join(" | ") + " |");
