// Lighthouse in a Chromium of its own, for make audit and make bench.
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import lighthouse from "lighthouse";

const chromiumPath = process.env.CHROMIUM || "/usr/bin/chromium";
const chromiumFlags = [
  "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
];

// startChromium runs Chromium on a new profile with a debugging port and
// resolves once the port is known.
function startChromium() {
  const profile = mkdtempSync(join(tmpdir(), "nhsd-audit-profile-"));
  const proc = spawn(chromiumPath, [...chromiumFlags, `--user-data-dir=${profile}`, "--remote-debugging-port=0", "about:blank"],
    { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise((resolve) => proc.once("exit", resolve));
  const stop = async () => {
    if (proc.pid !== undefined && proc.exitCode === null && proc.signalCode === null) {
      proc.kill("SIGTERM");
      const t = setTimeout(() => proc.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(t);
    }
    // Chromium's helper processes can still be writing to the profile
    // just after it exits: try again for five seconds, then leave it in
    // the temporary folder rather than lose the run's figures.
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 50, retryDelay: 100 });
    } catch (e) {
      console.error(`left ${profile}: ${e.code || e.message}`);
    }
  };
  return new Promise((resolve, reject) => {
    let text = "";
    const timer = setTimeout(() => fail(new Error("Chromium did not open its debugging port:\n" + text)), 30000);
    const fail = (e) => { clearTimeout(timer); stop().then(() => reject(e)); };
    let ready = false;
    proc.on("error", (e) => { if (!ready) fail(e); });
    exited.then(() => { if (!ready) fail(new Error("Chromium exited:\n" + text)); });
    proc.stderr.on("data", (d) => {
      if (ready) return;
      text += d;
      const m = text.match(/DevTools listening on ws:\/\/[^:]+:(\d+)\//);
      if (m) {
        ready = true;
        clearTimeout(timer);
        resolve({ port: Number(m[1]), stop });
      }
    });
  });
}

// lighthouseRun audits one URL in a Chromium of its own (a new profile,
// so every run is a first visit), writes the JSON report to file when
// given one, and returns the result.
// answered404 tells whether Lighthouse stopped at a page answered with
// 404: it audits only pages answered with 200, and the not-found page
// answers 404, as it must.
export function answered404(lhr) {
  return lhr.runtimeError?.code === "ERRORED_DOCUMENT_REQUEST" && /Status code: 404/.test(lhr.runtimeError.message);
}

export async function lighthouseRun(url, config, file) {
  const chrome = await startChromium();
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error" }, config);
    if (!result) throw new Error("Lighthouse returned no result");
    if (file) writeFileSync(file, result.report);
    return result.lhr;
  } finally {
    await chrome.stop();
  }
}

