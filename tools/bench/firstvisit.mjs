// make bench (first visit): what a first visit to a blog post costs in
// bytes, on a phone-sized screen in a new profile, and what it leaves on
// the device, at each step a visitor takes: the page alone (read, no
// interaction, 10 s), a first key press (which starts the client in the
// pause after it), then a choice in the cookie banner (reject, or accept,
// which turns on offline reading) and the next page.
//
// Fetched is what the network carried (transferSize: compressed bytes and
// headers) to the page and to its service worker; stored is what the
// browser reports for the origin (navigator.storage.estimate: the service
// worker's caches and scripts) and the cookies.
import { loadavg } from "node:os";
import { startServer, launch, waitForApp, pageTypes } from "../../tests/browser/helpers.mjs";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const post = pageTypes.blog;
const kb = (n) => (n / 1024).toFixed(1);

// fetched sums the bytes the page's documents and resources took, and the
// service worker's own fetches.
async function fetched(page, context, before) {
  const own = await page.evaluate(() => performance.getEntriesByType("navigation").concat(performance.getEntriesByType("resource"))
    .reduce((n, e) => n + (e.transferSize || 0), 0));
  let worker = 0;
  for (const sw of context.serviceWorkers()) {
    worker += await sw.evaluate(() => performance.getEntriesByType("resource").reduce((n, e) => n + (e.transferSize || 0), 0)).catch(() => 0);
  }
  return before + own + worker;
}

async function stored(page) {
  return page.evaluate(async () => ({
    usage: (await navigator.storage.estimate()).usage || 0,
    cookies: document.cookie.length,
  }));
}

const server = await startServer();
const browser = await launch();
const rows = [];
try {
  for (const choice of ["none", "reject", "accept"]) {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(server.base + post, { waitUntil: "load" });
    await sleep(10000);
    if (choice === "none") {
      const s = await stored(page);
      rows.push(["the page, read for 10 s", kb(await fetched(page, context, 0)), kb(s.usage), s.cookies]);
      await page.keyboard.press("Tab"); // the first key starts the client
      await waitForApp(page);
      await sleep(5000);
      const t = await stored(page);
      rows.push(["then a key press (the client starts, in the pause after it)", kb(await fetched(page, context, 0)), kb(t.usage), t.cookies]);
      await context.close();
      continue;
    }
    let carried = await fetched(page, context, 0);
    const name = choice === "reject" ? "Reject additional cookies" : "Accept additional cookies";
    await page.getByRole("button", { name }).click(); // a form post: a new document
    await page.waitForLoadState("load");
    await sleep(10000);
    carried = await fetched(page, context, carried);
    const s = await stored(page);
    rows.push([`the page, then "${name}"`, kb(carried), kb(s.usage), s.cookies]);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

console.log(`\nFirst visit to ${post} on a phone-sized screen: KB fetched and stored, load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log("| step | fetched (KB) | stored (KB) | cookie (characters) |\n|---|---|---|---|");
for (const r of rows) console.log("| " + r.join(" | ") + " |");
