// make bench (interactions): the slowest interaction of each journey that
// issue "Responsive on a slow phone" names, in Chromium, as Interaction to
// Next Paint counts it: the Event Timing API's duration of each event that
// belongs to an interaction (interactionId > 0), the worst one a journey.
// Each journey starts on a cold first visit, so the client's start (on the
// first interaction, in the visitor's pauses) is inside it, apart from
// those "client running", which wait for it first. At 1× and with the CPU
// throttled 4× (Lighthouse's mobile profile), RUNS times each (default
// 3): the worst of each run, their median, and how many main-thread tasks
// over 50 ms (long tasks) the runs had, by length.
//
// Chromium runs with a window where there is an X display (make bench runs
// this under xvfb-run): an interaction's duration ends when its frame is
// presented, and headless Chromium skips drawing a frame whose only change
// is text typed into a field (its trace logs "Draw skipped"), so such a key
// was counted until the next frame that was drawn, often the next key's
// (README, "Interactions"). Without a display it runs headless and says so.
import { loadavg } from "node:os";
import { startServer, launch, headed, waitForApp } from "../../tests/browser/helpers.mjs";
import { corpus } from "./corpus.mjs";
import { settled } from "./proc.mjs";

// JOURNEY=<part of a name> runs the journeys whose name has it; VERBOSE=1
// prints every event of 16 ms or more as it comes.

const runs = Number(process.env.RUNS || 3);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// The observer runs in every page the journey loads and reports each
// interaction's duration on the console, which outlives navigations.
const observe = () => {
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.interactionId > 0) {
        console.debug("nhsd-interaction " + e.name + " " + Math.round(e.duration) + " " + location.pathname + " " + Math.round(e.startTime) +
          " " + Math.round(e.processingStart - e.startTime) + " " + Math.round(e.processingEnd - e.processingStart));
      }
    }
  }).observe({ type: "event", durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) console.debug("nhsd-longtask " + Math.round(e.duration));
  }).observe({ type: "longtask", buffered: true });
};

// buckets are the long-task histogram's: 50–100, 100–200, 200–400 and
// 400 ms or more.
const buckets = [[50, 100], [100, 200], [200, 400], [400, Infinity]];
const bucketName = ([lo, hi]) => (hi === Infinity ? `≥ ${lo}` : `${lo}–${hi}`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// resultsShow waits until the search page shows the results for "nhs app".
const resultsShow = (page) =>
  page.waitForFunction(() => /for ‘nhs app’/.test(document.getElementById("nhsd-search-status")?.textContent || ""), null, { timeout: 60000 });

// typeSearch clicks the search box and types "nhs app", a key every 120 ms,
// until the results for it show.
const typeSearch = async (page) => {
  await page.getByLabel("Search for").click();
  await page.getByLabel("Search for").pressSequentially("nhs app", { delay: 120 });
  await resultsShow(page);
};

// typeFilter clicks the catalogue's filter and types "spine", a key every
// 120 ms, until the list is that one service.
const typeFilter = async (page) => {
  await page.getByLabel("Search services").click();
  await page.getByLabel("Search services").pressSequentially("spine", { delay: 120 });
  await page.waitForFunction(() => document.querySelectorAll(".nhsd-card:not([hidden])").length === 1, null, { timeout: 60000 });
};

// typing is a journey that opens path on the server named (base or
// base20k), waits for the client when running, and types with type.
const typing = (server, path, type, running) => async (page, bases) => {
  await page.goto(bases[server] + path, { waitUntil: "load" });
  if (running) await waitForApp(page);
  await type(page);
};

// Each journey gets the page and the servers' addresses: base, the real
// content; base20k, the real content and 20,000 synthetic publications
// (started only when a journey named "20,000" runs).
const journeys = {
  "/search: click the box, type \"nhs app\"": typing("base", "/search", typeSearch, false),
  // The client starts in the visitor's pauses (server.go, startOnInteraction):
  // a key pressed in a pause that has just begun lands in the start.
  "/search: type, pause, type during the client's start": async (page, { base }) => {
    await page.goto(base + "/search", { waitUntil: "load" });
    await page.getByLabel("Search for").click();
    await page.getByLabel("Search for").pressSequentially("nhs", { delay: 120 });
    await sleep(1100); // a pause: the client's start begins
    for (let i = 0; i < 12; i++) {
      await sleep(250);
      await page.getByLabel("Search for").press(i % 2 ? "Backspace" : "s");
    }
    await page.getByLabel("Search for").pressSequentially(" app", { delay: 120 });
    await resultsShow(page);
  },
  "/search, client running: type \"nhs app\"": typing("base", "/search", typeSearch, true),
  "/search at 20,000 documents, client running: type \"nhs app\"": typing("base20k", "/search", typeSearch, true),
  "home: Tab ×4, a service link, a link": async (page, { base }) => {
    await page.goto(base + "/", { waitUntil: "load" });
    for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
    await page.locator('main a[href^="/services/"]').first().click();
    await page.waitForFunction(() => location.pathname.startsWith("/services/"), null, { timeout: 60000 });
    await page.locator("main a[href^='/']").first().click();
    await sleep(1000);
  },
  "/services: type in the filter": typing("base", "/services", typeFilter, false),
  "/services, client running: type in the filter": typing("base", "/services", typeFilter, true),
  // The same on a phone's screen.
  "/services (phone): type in the filter": typing("base", "/services", typeFilter, false),
  // The catalogue lists services, which the corpus leaves as they are: at
  // 20,000 documents its page and filter must answer as at 69.
  "/services at 20,000 documents, client running: type in the filter": typing("base20k", "/services", typeFilter, true),
  "/blog (phone): scroll, Menu open and close, a link": async (page, { base }) => {
    await page.goto(base + "/blog", { waitUntil: "load" });
    await page.mouse.wheel(0, 600);
    await sleep(300);
    await page.getByRole("button", { name: "Menu" }).click();
    await sleep(300);
    await page.getByRole("button", { name: "Menu" }).click();
    await page.locator("main a[href^='/blog/']").first().click();
    await sleep(1000);
  },
};

const wanted = Object.keys(journeys).filter((name) => !process.env.JOURNEY || name.includes(process.env.JOURNEY)); // JOURNEY=/services: that one alone
const server = await startServer([]);
// The first start on a new folder checks 20,000 pages: give it time.
const server20k = wanted.some((name) => name.includes("20,000")) ? await startServer(["-content", corpus(20000)], { timeoutMs: 180000 }) : null;
// A phone does not share its cores with the server: the journeys begin once
// both servers have done what they do in the background after their start
// (at 20,000 pages, seconds of building the search index).
for (const s of [server, server20k]) if (s) await settled(s.proc.pid);
const bases = { base: server.base, base20k: server20k?.base };
const browser = await launch({ display: true });
const rows = [];
try {
  for (const name of wanted) {
    const journey = journeys[name];
    for (const rate of [1, 4]) {
      const worst = [];
      const long = buckets.map(() => 0);
      for (let i = 0; i < runs; i++) {
        const phone = name.includes("phone");
        const context = await browser.newContext(phone ? { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 900 } });
        await context.addInitScript(observe);
        const page = await context.newPage();
        if (rate > 1) await (await context.newCDPSession(page)).send("Emulation.setCPUThrottlingRate", { rate });
        const durations = [];
        page.on("console", (m) => {
          const t = m.text();
          if (t.startsWith("nhsd-interaction ")) {
            const [, event, duration, path, start, delay, handlers] = t.split(" ");
            durations.push(Number(duration));
            // VERBOSE=1: each event of 16 ms or more, with when it began
            // (ms after its page's navigation), how long it waited for the
            // main thread, and its handlers' time.
            if (process.env.VERBOSE) console.log(`  ${event} ${duration} ms on ${path} at ${start} ms: waited ${delay}, handlers ${handlers}`);
          }
          if (t.startsWith("nhsd-longtask ")) {
            const d = Number(t.split(" ")[1]);
            const b = buckets.findIndex(([lo, hi]) => d >= lo && d < hi);
            if (b >= 0) long[b]++;
          }
        });
        await journey(page, bases);
        await sleep(500); // the last entries are reported after their paint
        worst.push(Math.max(0, ...durations));
        await context.close();
      }
      rows.push([name, `${rate}×`, median(worst), worst.join(" / "), ...long]);
      console.log(`${name} at ${rate}×: worst interaction ${worst.join(" / ")} ms; long tasks ${long.join(" / ")}`);
    }
  }
} finally {
  await browser.close();
  await server.stop();
  await server20k?.stop();
}

console.log(`\nInteractions (Chromium ${browser.version()}, ${headed() ? "with a window on an X display" : "headless: keys that change only a field's text count until the next drawn frame"}): worst of each journey, ${runs} runs (ms), and the runs' long tasks by length (ms), load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
console.log(`| journey | CPU | worst, median | each run | ${buckets.map(bucketName).join(" | ")} |\n|---|---|---|---|${buckets.map(() => "---|").join("")}`);
for (const r of rows) console.log("| " + r.join(" | ") + " |");
