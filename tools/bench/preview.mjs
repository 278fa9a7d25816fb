// make bench (preview): how long from saving a content file to the change
// on screen in an open preview tab, in Chromium against `bin/site -preview`.
// Each round edits the service page's title and waits for the new title in
// the page's h1, first before the app runs, then with it running.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, waitForApp } from "../../tests/browser/helpers.mjs";
import { timeSave, watchTitles } from "./shown.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const rounds = Number(process.env.ROUNDS || 30); // the p95 of 30 is the second slowest, as in scale.mjs
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const dir = mkdtempSync(join(tmpdir(), "nhsd-preview-bench-"));
cpSync(join(root, "content"), dir, { recursive: true });
const file = join(dir, "pages", "services", "spine.md");
const original = readFileSync(file, "utf8");
const server = await startServer(["-preview", "-content", dir]);
const browser = await launch();
try {
  const context = await browser.newContext();
  await watchTitles(context);
  const page = await context.newPage();
  // An editor saves seconds after opening the page, not while it loads:
  // the page finishes its work after load (its service worker starts in
  // idle time) before the first save is timed. And a first wait for the
  // browser driver, untimed: it loads the driver's own script into the
  // page, which holds the page's thread for tens of milliseconds.
  await page.goto(server.base + "/services/spine", { waitUntil: "networkidle" });
  await page.evaluate(() => Promise.race([navigator.serviceWorker.ready, new Promise((r) => setTimeout(r, 5000))]));
  await page.waitForFunction(() => document.querySelector("main h1"));
  // Each save in two ways: before the app runs (the page puts the change
  // in place) and with the app running (the app renders it in place).
  const times = { "in place, before the app runs": [], "app running, shown by the app": [] };
  for (const [mode, list] of Object.entries(times)) {
    for (let i = 0; i < rounds; i++) {
      if (mode.startsWith("app")) {
        await waitForApp(page);
        // As after the page's load: the app has just started (on a key
        // press) and finishes its start before the first save is timed.
        if (i === 0) await sleep(2000);
      }
      const title = `Spine, ${mode.slice(0, 3)} ${i}`;
      await sleep(200);
      const save = () => writeFileSync(file, original.replace("\ntitle: Spine\n", `\ntitle: ${title}\n`));
      list.push(await timeSave(page, title, save, 10000));
    }
  }
  console.log(`\nPreview: saved file -> change on screen, ${rounds} saves each (target 250 ms)`);
  for (const [mode, list] of Object.entries(times)) {
    const s = [...list].sort((a, b) => a - b);
    const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))].toFixed(0);
    console.log(`  ${mode}: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1].toFixed(0)} ms`);
    console.log(`    in order: ${list.map((t) => t.toFixed(0)).join(" ")}`);
  }
} finally {
  writeFileSync(file, original);
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
