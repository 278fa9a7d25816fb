// proc reads a process's memory and CPU time from /proc (Linux), for the
// benches that measure our server or Hugo beside it.
import { readFileSync } from "node:fs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// rssMB is the process's resident memory in MB, or NaN once it has gone.
export function rssMB(pid) {
  try { return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))[1]) / 1024; } catch { return NaN; }
}

// cpuTicks is the CPU time the process has used, in 1/100 s.
export function cpuTicks(pid) {
  const f = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(f[11]) + Number(f[12]); // utime + stime
}

// settled waits until the process has used under 5 % of a core for a
// whole second (or until limitMs passes) and returns how long it waited:
// a server answers as soon as its content is loaded, and at 20,000 pages
// it then builds its search index in the background for seconds. A bench
// that measures the browser must not share the machine's cores with that.
export async function settled(pid, limitMs = 120000) {
  const t0 = performance.now();
  let last = cpuTicks(pid);
  while (performance.now() - t0 < limitMs) {
    await sleep(1000);
    const now = cpuTicks(pid);
    if (now - last < 5) break;
    last = now;
  }
  return performance.now() - t0;
}
