// Editor preview in a real Chromium on a real preview server: a saved file
// shows without touching the browser; a broken file shows its problems on
// the page while the last good version stays; fixing it clears them; drafts
// carry their notice; nothing is saved on the device.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServer, launch, watch, waitForApp, axe, root } from "./helpers.mjs";

const dir = mkdtempSync(join(tmpdir(), "nhsd-preview-"));
const spineFile = join(dir, "pages", "services", "spine.md");
let server, browser, spine;

before(async () => {
  cpSync(join(root, "content"), dir, { recursive: true });
  spine = readFileSync(spineFile, "utf8");
  // A copy of a post, as an editor starts one, made a draft.
  const draft = readFileSync(join(dir, "pages", "blog", "we-had-to-follow-the-data-not-our-users.md"), "utf8")
    .replace(/\nid: .*\n/, "\nid: 6f1c2b9a-0d4e-4b8a-9c3e-2a7d5e8f1b01\n")
    .replace(/\npath: .*\n/, "\npath: /blog/a-draft-in-progress\n")
    .replace(/\ntitle: .*\n/, "\ntitle: A draft in progress\n")
    .replace("\nstatus: published\n", "\nstatus: draft\n");
  assert.match(draft, /status: draft/);
  writeFileSync(join(dir, "pages", "blog", "a-draft-in-progress.md"), draft);
  server = await startServer(["-preview", "-content", dir]);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const h1 = (page) => page.evaluate(() => document.querySelector("main h1")?.textContent.trim());

test("a saved file shows in the open page, a broken one shows its problems, fixing it clears them", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(server.base + "/services/spine");
  await waitForApp(page);
  const bar = page.locator("#nhsd-preview .nhsd-preview__bar");
  await bar.waitFor();
  assert.match(await bar.innerText(), /Preview\s+Published/i);
  assert.equal(await page.evaluate(() => document.getElementById("nhsd-preview").nextElementSibling.id), "nhsd-app",
    "the notice is not kept before the app after it takes over");
  assert.deepEqual(await axe(page), []);

  writeFileSync(spineFile, spine.replace("\ntitle: Spine\n", "\ntitle: Spine, as edited\n"));
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Spine, as edited", null, { timeout: 5000 });
  await waitForApp(page);

  // A value with ": " in it, unquoted: the commonest YAML mistake.
  writeFileSync(spineFile, spine.replace("\ntitle: Spine\n", "\ntitle: Spine: the core\n"));
  const panel = page.locator(".nhsd-preview__problems");
  await panel.waitFor({ timeout: 5000 });
  assert.match(await panel.innerText(), /1 problem in the content/);
  assert.match(await panel.innerText(), /pages\/services\/spine\.md:5:13: front matter: mapping values are not allowed in this context: a value that holds ": " must be in quotes/);
  assert.match(await panel.locator(".nhsd-preview__snippet").innerText(), /^5 \| title: Spine: the core\n {16}\^$/);
  assert.equal(await h1(page), "Spine, as edited", "the last good version is not shown");
  assert.deepEqual(await axe(page), []);
  // Every page shows it, also one opened now.
  await page.goto(server.base + "/blog");
  await waitForApp(page);
  await panel.waitFor();

  writeFileSync(spineFile, spine);
  await page.waitForFunction(() => !document.querySelector(".nhsd-preview__problems"), null, { timeout: 5000 });
  await page.goto(server.base + "/services/spine");
  assert.equal(await h1(page), "Spine");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a draft carries its notice, inside the app too, and nothing is saved on the device", async () => {
  const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(server.base + "/blog/a-draft-in-progress");
  await waitForApp(page);
  assert.match(await page.locator(".nhsd-preview__bar").innerText(), /Draft: not on the live site/);
  assert.deepEqual(await axe(page), []);
  // Inside the app, the next page gets its own notice.
  await page.locator('a[href="/blog"]').first().click();
  await page.waitForURL(server.base + "/blog");
  await page.waitForFunction(() => /Published/.test(document.querySelector(".nhsd-preview__bar")?.textContent));
  await page.waitForTimeout(500);
  assert.deepEqual(await page.evaluate(async () => (await caches.keys())), []);
  await context.close();
});

test("away from loopback, a preview needs its link: refusals, then the link lets a reviewer in", async () => {
  const token = "reviewers-token-" + Math.random().toString(36).slice(2);
  const shared = await startServer(["-preview", "-content", dir, "-preview-token", token], { allInterfaces: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    let res = await page.goto(shared.base + "/blog/a-draft-in-progress");
    assert.equal(res.status(), 401);
    assert.equal(await page.locator("h1").innerText(), "This preview is private");
    assert.equal(res.headers()["x-robots-tag"], "noindex");
    assert.deepEqual(await axe(page), []);
    res = await page.goto(shared.base + "/preview?token=wrong&path=/blog/a-draft-in-progress");
    assert.equal(res.status(), 403);
    res = await page.goto(shared.base + "/preview?token=" + token + "&path=//evil.example/");
    assert.equal(res.status(), 400);
    assert.deepEqual(await context.cookies(), []);

    res = await page.goto(shared.base + "/preview?token=" + token + "&path=/blog/a-draft-in-progress");
    assert.equal(page.url(), shared.base + "/blog/a-draft-in-progress");
    assert.equal(res.headers()["cache-control"], "private, no-store");
    await waitForApp(page);
    assert.equal(await h1(page), "A draft in progress");
    const [cookie] = await context.cookies();
    assert.equal(cookie.name, "nhsd_preview");
    assert.equal(cookie.httpOnly, true);
    assert.equal(await page.evaluate(() => document.cookie.includes("nhsd_preview")), false);
  } finally {
    await context.close();
    await shared.stop();
  }
});

// retitle sets the title field of a content file.
const retitle = (text, title) => text.replace(/^(\s*"?title"?\s*:\s*)("[^"\n]*"|[^\n,]*)/m, (_, key) => key + JSON.stringify(title));

test("a save shows in place before the app runs and with it running, without reloading", async () => {
  // A server of its own: the page is the first it renders (whose header
  // and footer it indents more deeply than later renderings').
  const own = await startServer(["-preview", "-content", dir]);
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(own.base + "/services/spine");
  await page.locator("#nhsd-preview .nhsd-preview__bar").waitFor();
  await page.evaluate(() => { window.nhsdKept = true; window.scrollTo(0, 200); });
  const fetched = [];
  const wasmAsked = [];
  page.on("request", (r) => {
    const path = new URL(r.url()).pathname;
    fetched.push(path);
    if (path === "/web/app.wasm") wasmAsked.push(path);
  });
  const siteFile = join(dir, "site.json");
  const site = readFileSync(siteFile, "utf8");
  const ersFile = join(dir, "pages", "services", "e-referral-service.md");
  const ers = readFileSync(ersFile, "utf8");
  try {
    writeFileSync(spineFile, retitle(spine, "Spine, in place"));
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Spine, in place", null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.nhsdKept), true, "the page was reloaded");
    assert.deepEqual(fetched, ["/services/spine"], "more than the page was fetched");
    assert.match(await page.title(), /^Spine, in place/);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined, "the app started");
    assert.deepEqual(await axe(page), []);

    // With the app running, the app shows the change: the page and its
    // WebAssembly stay, nothing is fetched for it (the page's data and the
    // site's come with the news of the save), and the scroll position and
    // focus stay where they were.
    await waitForApp(page);
    await page.evaluate(() => { window.scrollTo(0, 300); document.querySelector("footer a")?.focus({ preventScroll: true }); });
    const focused = await page.evaluate(() => document.activeElement?.textContent.trim());
    const scrolled = await page.evaluate(() => window.scrollY);
    fetched.length = 0;
    writeFileSync(spineFile, retitle(spine, "Spine, by the app"));
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Spine, by the app", null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.nhsdKept), true, "the page was reloaded with the app running");
    assert.match(await page.title(), /^Spine, by the app/);
    assert.deepEqual(fetched.filter((p) => p !== "/_preview/notice"), [], "more than the preview's notice was fetched");
    assert.equal(await page.evaluate(() => window.scrollY), scrolled, "the page scrolled");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), focused, "focus moved");

    // A change to the site settings (the header's navigation) too.
    const renamed = site.replace('"text": "Developer"', '"text": "Developers"');
    assert.notEqual(renamed, site);
    writeFileSync(siteFile, renamed);
    await page.waitForFunction(() => [...document.querySelectorAll("header a")].some((a) => a.textContent.trim() === "Developers"), null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.nhsdKept), true, "the page was reloaded for a change to the header");
    // Asked for once, when the app started (by the worker that compiles
    // it, whose requests the page's own resource timings do not list).
    assert.equal(wasmAsked.length, 1, "the app's WebAssembly was fetched again");
    assert.deepEqual(await axe(page), []);

    // A page reached inside the app gets its own data with the news.
    const noticed = page.waitForRequest((r) => r.url().includes("/_preview/notice?path=%2Fservices%2Fe-referral-service"));
    await page.locator('main a[href="/services/e-referral-service"]').first().click();
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "NHS e-Referral Service");
    await noticed;
    fetched.length = 0;
    writeFileSync(ersFile, retitle(ers, "NHS e-Referral Service, saved"));
    await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "NHS e-Referral Service, saved", null, { timeout: 5000 });
    assert.equal(await page.evaluate(() => window.nhsdKept), true, "the page was reloaded after navigating in the app");
    assert.deepEqual(fetched.filter((p) => p !== "/_preview/notice"), [], "more than the preview's notice was fetched after navigating in the app");
  } finally {
    writeFileSync(spineFile, spine);
    writeFileSync(siteFile, site);
    writeFileSync(ersFile, ers);
    // The page first: what it still does in the visitor's next pause
    // (registering the service worker) must not meet a stopped server.
    await context.close();
    await own.stop();
  }
  assert.deepEqual(errors, []);
});
