// make bench (preview): how long from saving a content file to the change
// on screen in an open preview tab, in Chromium against `bin/site -preview`.
// Each round edits the service page's title and waits for the new title in
// the page's h1; the page is reloaded by the preview itself.
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
  await waitForApp(page);
  const times = [];
  for (let i = 0; i < rounds; i++) {
    const title = `Spine, edit ${i}`;
    const start = performance.now();
    writeFileSync(file, original.replace("\ntitle: Spine\n", `\ntitle: ${title}\n`));
    await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, title, { timeout: 10000, polling: "raf" });
    times.push(performance.now() - start);
    await waitForApp(page);
  }
  const s = [...times].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.floor(s.length * p))].toFixed(0);
  console.log(`\nPreview: saved file -> change on screen, ${rounds} saves (target 500 ms)`);
  console.log(`  median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${s[s.length - 1].toFixed(0)} ms`);
} finally {
  writeFileSync(file, original);
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}
