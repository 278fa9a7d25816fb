// make bench (preview): how long from saving a content file to the change
// on screen in an open preview tab, in Chromium against `bin/site -preview`.
// Each round edits the service page's title and waits for the new title in
// the page's h1, first before the app runs, then with it running.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, launch, waitForApp } from "../../tests/browser/helpers.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const rounds = Number(process.env.ROUNDS || 20);
const dir = mkdtempSync(join(tmpdir(), "nhsd-preview-bench-"));
cpSync(join(root, "content"), dir, { recursive: true });
const file = join(dir, "pages", "services", "spine.md");
const original = readFileSync(file, "utf8");
const server = await startServer(["-preview", "-content", dir]);
const browser = await launch();
try {
  const page = await (await browser.newContext()).newPage();
  await page.goto(server.base + "/services/spine");
  // Each save in two ways: before the app runs (the page puts the change
  // in place) and with the app running (the app renders it in place).
  const times = { "in place, before the app runs": [], "app running, shown by the app": [] };
  for (const [mode, list] of Object.entries(times)) {
    for (let i = 0; i < rounds; i++) {
      if (mode.startsWith("app")) await waitForApp(page);
      const title = `Spine, ${mode.slice(0, 3)} ${i}`;
      await new Promise((r) => setTimeout(r, 200));
      const start = performance.now();
      writeFileSync(file, original.replace("\ntitle: Spine\n", `\ntitle: ${title}\n`));
      await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, title, { timeout: 10000, polling: "raf" });
      list.push(performance.now() - start);
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
