// Cookie consent in a real Chromium: nothing stored, loaded or sent before
// a choice; after "Reject" only the consent cookie; after "Accept" page
// views are counted; withdrawal stops it; the confirmation takes focus.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSite, watch, waitForApp, axe, root, startServer } from "./helpers.mjs";

const site = useSite(before, after);

// storage lists what the page has stored: cookies, local and session
// storage, and what Cache Storage holds beyond the service worker's app
// shell (necessary, so saved without consent).
async function storage(context, page) {
  return {
    cookies: (await context.cookies()).map((c) => c.name),
    local: await page.evaluate(() => localStorage.length),
    session: await page.evaluate(() => sessionStorage.length),
    cached: await page.evaluate(async () => {
      const urls = [];
      for (const name of await caches.keys()) {
        if (name.startsWith("nhsd-shell-")) continue;
        for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    }),
  };
}

async function totals(base) {
  return (await fetch(base + "/statistics")).json();
}

// countReaches waits (up to 10 s) for a path's page-view total to reach n.
async function countReaches(base, path, n) {
  for (let i = 0; i < 100; i++) {
    if (((await totals(base))[path] || 0) >= n) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

test("before any choice nothing is stored, loaded or sent", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await page.getByRole("link", { name: "NHS App", exact: true }).first().click();
  await page.waitForURL(site.server.base + "/services/nhs-app");
  await page.waitForTimeout(500);
  assert.ok(await page.getByRole("button", { name: "Accept additional cookies" }).isVisible());
  assert.deepEqual(await storage(context, page), { cookies: [], local: 0, session: 0, cached: [] });
  assert.deepEqual(requests.filter((u) => !u.startsWith(site.server.base)), [], "a request left the site");
  assert.deepEqual(requests.filter((u) => u.includes("/statistics")), [], "a page view was reported without consent");
  assert.deepEqual(errors, []);
  await context.close();
});

test("reject stores the consent cookie and nothing else; accept counts page views", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/blog");
  await waitForApp(page);
  const before = (await totals(site.server.base))["/blog"] || 0;
  await page.getByRole("button", { name: "Reject additional cookies" }).click();
  await page.waitForURL(site.server.base + "/blog?consent=rejected");
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-cookie-confirmation", "the confirmation did not take focus");
  assert.equal(await page.evaluate(() => location.pathname + location.search), "/blog", "the note of the choice stayed in the address");
  assert.deepEqual(await axe(page), []);
  const s = await storage(context, page);
  assert.deepEqual(s, { cookies: ["nhsd_consent"], local: 0, session: 0, cached: [] });
  const cookie = (await context.cookies())[0];
  assert.equal(cookie.sameSite, "Lax");
  assert.ok(cookie.expires * 1000 > Date.now() + 360 * 86400e3, "the cookie does not last a year");
  await page.getByRole("link", { name: "Hide cookie message" }).click();
  await page.waitForFunction(() => !document.getElementById("nhsd-cookie-banner"));
  assert.equal((await totals(site.server.base))["/blog"] || 0, before, "a page view was counted after Reject");

  // Change of mind on the settings page: statistics on.
  await page.goto(site.server.base + "/cookies");
  await waitForApp(page);
  await page.locator("#nhsd-cookie-statistics-yes").check();
  await page.getByRole("button", { name: "Save cookie settings" }).click();
  await page.waitForURL(site.server.base + "/cookies?saved=1");
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-cookies-saved");
  await page.goto(site.server.base + "/blog");
  await waitForApp(page);
  assert.ok(await countReaches(site.server.base, "/blog", before + 1), "the page view was not counted with consent");

  // Withdrawal stops it at once.
  await page.goto(site.server.base + "/cookies");
  await waitForApp(page);
  await page.getByRole("button", { name: "Withdraw all consent" }).click();
  await page.waitForURL(/saved=withdrawn/);
  await page.goto(site.server.base + "/blog");
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal((await totals(site.server.base))["/blog"], before + 1, "a page view was counted after withdrawal");
  await context.close();
});

test("accept from the banner, then client navigation counts each page view", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await page.getByRole("button", { name: "Accept additional cookies" }).click();
  await page.waitForURL(site.server.base + "/?consent=accepted");
  await waitForApp(page);
  assert.deepEqual(await axe(page), []);
  const before = (await totals(site.server.base))["/services/spine"] || 0;
  await page.getByRole("link", { name: "Spine", exact: true }).first().click();
  await page.waitForURL(site.server.base + "/services/spine");
  assert.ok(await countReaches(site.server.base, "/services/spine", before + 1), "the page view after client navigation was not counted");
  await context.close();
});

test("a video stays a placeholder, loading nothing from YouTube, until embedded media is allowed", async () => {
  // The shipped content has no video (none is known to be real), so this
  // test serves a copy of it with a video block added to the feature.
  const dir = mkdtempSync(join(tmpdir(), "nhsd-video-"));
  cpSync(join(root, "content"), dir, { recursive: true });
  const path = "/news-and-events/features/improving-the-nhs-most-fundamental-process";
  const file = join(dir, "pages", path + ".md");
  // A video container after the body's first paragraph.
  const md = readFileSync(file, "utf8").replace(/^---\n[\s\S]*?\n---\n\n[^\n]+\n/, (head) => head + "\n:::video\nyoutubeId: testVideo01\ntitle: A test video\n:::\n");
  assert.match(md, /:::video/);
  writeFileSync(file, md);
  const server = await startServer(["-content", dir]);
  const base = server.base;
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const requests = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(base + path);
    await waitForApp(page);
    assert.equal(await page.locator("iframe").count(), 0, "a video loaded before consent");
    assert.ok(await page.getByRole("button", { name: "Allow videos and show it" }).isVisible());
    assert.deepEqual(requests.filter((u) => !u.startsWith(base)), []);
    assert.deepEqual(await axe(page), []);
    await page.getByRole("button", { name: "Allow videos and show it" }).click();
    await page.waitForURL(base + path + "?consent=media");
    await waitForApp(page);
    const src = await page.locator("iframe.nhsd-video__iframe").getAttribute("src");
    assert.match(src, /^https:\/\/www\.youtube-nocookie\.com\/embed\/testVideo01/);
    // Withdrawal takes the video away again.
    await page.goto(base + "/cookies");
    await waitForApp(page);
    await page.getByRole("button", { name: "Withdraw all consent" }).click();
    await page.waitForURL(/saved=withdrawn/);
    await page.goto(base + path);
    await waitForApp(page);
    assert.equal(await page.locator("iframe").count(), 0, "the video stayed after withdrawal");
  } finally {
    await context.close();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
