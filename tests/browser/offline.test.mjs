// The installable, offline-reading site in a real Chromium with the real
// service worker: the manifest makes it installable; with consent, pages
// read before open offline, other pages lead to the offline page with a
// list of saved pages, and search answers from the saved index; without
// consent, or after withdrawing it, nothing but the offline page is saved; a
// new version is offered with a notice and Reload brings it in whole.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSite, startServer, launchProfile, watch, waitForApp, axe, root, cached, saved, waitForWorker, until } from "./helpers.mjs";

const site = useSite(before, after);

// unexpected drops the console errors that going offline causes by design.
function unexpected(errors) {
  return errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|status of 503|Failed to fetch|ERR_FAILED|page data unavailable/.test(e));
}

async function accept(page) {
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await page.getByRole("button", { name: "Accept additional cookies" }).click();
  await page.waitForURL(/consent=accepted/);
  await waitForApp(page);
  await waitForWorker(page);
}

test("the manifest and local icons make the site installable", async () => {
  const profile = mkdtempSync(join(tmpdir(), "nhsd-profile-"));
  const context = await launchProfile(profile); // installing needs a regular profile
  const page = context.pages()[0] || (await context.newPage());
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await waitForWorker(page);
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await fetch(site.server.base + href)).json();
  for (const k of ["id", "name", "short_name", "start_url", "scope", "theme_color", "background_color"]) {
    assert.ok(manifest[k], "the manifest has no " + k);
  }
  assert.equal(manifest.display, "standalone");
  const sizes = {};
  for (const icon of manifest.icons) {
    assert.match(icon.src, /^\/web\/icons\//, "an icon is not served by the site");
    const res = await fetch(site.server.base + icon.src);
    assert.equal(res.status, 200, icon.src);
    if (icon.type === "image/png") {
      const png = Buffer.from(await res.arrayBuffer());
      const size = png.readUInt32BE(16) + "x" + png.readUInt32BE(20); // IHDR width x height
      assert.equal(size, icon.sizes, icon.src + " is not the size the manifest says");
      sizes[icon.purpose + " " + size] = true;
    }
  }
  assert.deepEqual(Object.keys(sizes).sort(), ["any 192x192", "any 512x512", "maskable 512x512"]);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  assert.deepEqual(installabilityErrors, []);
  const worker = await fetch(site.server.base + "/app-worker.js");
  assert.equal(worker.headers.get("cache-control"), "no-store");
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test("a worker that cannot save its shell (the offline page and what it needs) does not install, and says why", async () => {
  const context = await site.browser.newContext();
  await context.route("**/web/nojs.css*", (route) => route.abort());
  const logged = [];
  context.on("console", (m) => logged.push(m.text()));
  context.on("serviceworker", (w) => w.on?.("console", (m) => logged.push(m.text())));
  const page = await context.newPage();
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await until(() => page.evaluate(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return !reg || (!reg.installing && !reg.waiting && !reg.active);
  }), "the install to fail");
  assert.equal(await page.evaluate(() => navigator.serviceWorker.controller), null);
  assert.deepEqual(Object.keys(await cached(page)), [], "a partial shell was kept");
  await until(async () => logged.some((t) => /was not installed: saving the offline page failed/.test(t)), "the console error");
  await context.close();
});

test("with consent, pages read before open offline, others show the offline page, and search answers", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await accept(page);
  // One page opened from its address, one reached inside the app.
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await page.waitForURL(site.server.base + "/services");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  await until(async () => ["/services/spine", "/services", "/search"].every((p) => saved(page).then((s) => s.includes(p))), "pages saved");
  await until(async () => ((await cached(page))["nhsd-search"] || []).some((u) => u.startsWith("/search-index/doc-")), "search index saved");
  // A search opened from its address is saved as itself.
  await page.goto(site.server.base + "/search?q=dementia");
  await until(async () => saved(page).then((s) => s.includes("/search?q=dementia")), "search saved with its query");

  // With consent to offline reading the worker saves the app too.
  await until(async () => {
    const shell = Object.entries(await cached(page)).find(([n]) => n.startsWith("nhsd-shell-"));
    return shell && shell[1].some((u) => u.startsWith("/web/app.wasm?v=")) && shell[1].some((u) => u.startsWith("/app.js?v="));
  }, "the app saved");
  await context.setOffline(true);

  // A saved search opens with its own results; a search never made is not
  // answered with another one's.
  await page.goto(site.server.base + "/search?q=dementia");
  assert.match(await page.locator("#nhsd-search-status").innerText(), /for ‘dementia’/);
  await page.goto(site.server.base + "/search?q=spine");
  assert.equal(await page.locator("#nhsd-search-status").count(), 0, "another search's results answered");
  assert.equal((await page.locator("main h1").innerText()).trim(), "You are offline");
  // The list of saved pages names the saved search by its title.
  assert.ok(await page.locator("#nhsd-saved-pages").getByRole("link", { name: "Search results for ‘dementia’" }).isVisible());

  // A page opened before: its saved copy, run by the app, with the notice.
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), "Spine");
  const notice = page.locator("#nhsd-offline-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /^You are offline\./);
  assert.equal(await page.locator(".nhsd-notices").getAttribute("aria-live"), "polite");
  assert.deepEqual(await axe(page), []);

  // The page reached inside the app opens from its address too.
  await page.goto(site.server.base + "/services");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");

  // A page never opened: the offline page, listing what is saved.
  await page.goto(site.server.base + "/about-nhs-digital");
  assert.equal((await page.locator("main h1").innerText()).trim(), "You are offline");
  const list = page.locator("#nhsd-saved-pages");
  assert.ok(await list.getByRole("link", { name: "Spine", exact: true }).isVisible());
  assert.ok(await list.getByRole("link", { name: "Services", exact: true }).isVisible());
  assert.equal(await page.locator("#nhsd-cookie-banner").count(), 0);
  assert.deepEqual(await axe(page), []);
  await list.getByRole("link", { name: "Spine", exact: true }).click();
  await page.waitForURL(site.server.base + "/services/spine");
  await waitForApp(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), "Spine");

  // Inside the app, a link to a page never opened also ends on the offline page.
  await page.locator('header a[href="/about-nhs-digital"]').first().click();
  await page.waitForURL(site.server.base + "/about-nhs-digital");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "You are offline");

  // Search answers from the saved index, for words never searched online.
  await page.goto(site.server.base + "/search");
  await waitForApp(page);
  await page.getByLabel("Search for").pressSequentially("prescrip", { delay: 30 });
  await page.waitForFunction(() => /results? for ‘prescrip’/.test(document.getElementById("nhsd-search-status").textContent));
  assert.equal((await page.locator(".nhsd-search-result__title").first().innerText()).trim(), "Electronic Prescription Service");

  // Back online: the notice goes.
  await context.setOffline(false);
  await page.waitForFunction(() => !document.getElementById("nhsd-offline-notice"));
  assert.deepEqual(unexpected(errors), []);
  await context.close();
});

test("a network too slow to answer in time is not called offline", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await accept(page);
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await until(async () => saved(page).then((s) => s.includes("/services/spine")), "page saved");
  // The page's answer now takes longer than the worker waits (3 s), also
  // when the worker asks for it.
  await context.route("**/services/spine", async (route) => {
    await new Promise((r) => setTimeout(r, 5000));
    await route.continue().catch(() => {});
  });
  await page.goto(site.server.base + "/services/spine");
  assert.equal(await page.locator("html").getAttribute("data-nhsd-saved-why"), "slow");
  const notice = page.locator("#nhsd-offline-notice");
  await notice.waitFor();
  assert.match(await notice.innerText(), /^The network is slow/);
  assert.doesNotMatch(await notice.innerText(), /offline/);
  await context.close();
});

// Registering the worker takes a slow phone's main thread for a while: it
// waits until the page has loaded, and runs after the load event's
// handlers, in a task of its own.
test("the service worker is registered once the page has loaded", async () => {
  const context = await site.browser.newContext();
  await context.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    self.nhsdRegistered = [];
    ServiceWorkerContainer.prototype.register = function (...args) {
      const nav = performance.getEntriesByType("navigation")[0];
      self.nhsdRegistered.push({ state: document.readyState, loadEnded: !!nav && nav.loadEventEnd > 0 });
      return register.apply(this, args);
    };
  });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services/spine");
  await waitForWorker(page);
  assert.deepEqual(await page.evaluate(() => self.nhsdRegistered), [{ state: "complete", loadEnded: true }]);
  await context.close();
});

test("without consent only the shell is saved, not the app, and offline shows the offline page", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await waitForWorker(page);
  await page.reload();
  await waitForApp(page);
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await page.waitForURL(site.server.base + "/services");
  await page.waitForTimeout(500);
  const caches = await cached(page);
  const names = Object.keys(caches);
  assert.equal(names.length, 1, "caches: " + names.join(", "));
  assert.match(names[0], /^nhsd-shell-/);
  // The shell is the offline page and what it needs: not the app, which
  // the browser fetched when the client started.
  const shell = caches[names[0]];
  assert.ok(shell.includes("/offline"), "the shell lacks the offline page: " + shell.join(", "));
  assert.ok(!shell.some((u) => /^\/(web\/app\.wasm|app\.js|wasm_exec\.js)\?/.test(u)), "the app was saved without consent: " + shell.join(", "));

  await context.setOffline(true);
  await page.goto(site.server.base + "/services/spine");
  assert.equal((await page.locator("main h1").innerText()).trim(), "You are offline");
  assert.match(await page.locator("#nhsd-saved-pages").innerText(), /saving pages for offline reading is turned off/);
  assert.deepEqual(await axe(page), []);
  await context.close();
});

test("withdrawing consent deletes the saved pages", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await accept(page);
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await until(async () => (await saved(page)).includes("/services/spine"), "page saved");

  await page.goto(site.server.base + "/cookies");
  await waitForApp(page);
  await page.getByRole("button", { name: "Withdraw all consent" }).click();
  await page.waitForURL(/saved=withdrawn/);
  await until(async () => {
    const c = await cached(page);
    return Object.keys(c).every((n) => n.startsWith("nhsd-shell-")) &&
      Object.values(c).every((urls) => !urls.some((u) => u.startsWith("/web/app.wasm?")));
  }, "saved pages and the saved app deleted");

  await context.setOffline(true);
  await page.goto(site.server.base + "/services/spine");
  assert.equal((await page.locator("main h1").innerText()).trim(), "You are offline");
  await context.close();
});

test("a new version: the notice appears, and Reload brings in the new version whole", async () => {
  const dirs = [mkdtempSync(join(tmpdir(), "nhsd-v1-")), mkdtempSync(join(tmpdir(), "nhsd-v2-"))];
  cpSync(join(root, "content"), dirs[0], { recursive: true });
  cpSync(join(root, "content"), dirs[1], { recursive: true });
  const spine = join(dirs[1], "pages", "services", "spine.md");
  writeFileSync(spine, readFileSync(spine, "utf8").replace("\ntitle: Spine\n", "\ntitle: Spine, the new version\n"));

  let server = await startServer(["-content", dirs[0]]);
  const context = await site.browser.newContext();
  const page = await context.newPage();
  const errors = watch(page);
  try {
    await page.goto(server.base + "/services/spine");
    await waitForApp(page);
    await page.getByRole("button", { name: "Accept additional cookies" }).click();
    await page.waitForURL(/consent=accepted/);
    await waitForApp(page);
    await waitForWorker(page);
    await until(async () => (await saved(page)).includes("/services/spine"), "page saved");
    const oldShell = Object.keys(await cached(page)).find((n) => n.startsWith("nhsd-shell-"));

    await server.stop();
    server = await startServer(["-content", dirs[1]], { port: server.port });
    // The page looks for a new version when the visitor comes back to it.
    await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
    const notice = page.locator("#nhsd-update-notice");
    await notice.waitFor({ timeout: 30000 });
    assert.match(await notice.innerText(), /A new version of this site is available\./);
    assert.equal(await page.locator(".nhsd-notices").getAttribute("aria-live"), "polite");
    assert.equal((await page.locator("main h1").innerText()).trim(), "Spine", "the page changed before Reload");
    assert.deepEqual(await axe(page), []);

    await Promise.all([page.waitForEvent("load"), notice.getByRole("button", { name: "Reload" }).click()]);
    await waitForApp(page);
    assert.equal((await page.locator("main h1").innerText()).trim(), "Spine, the new version");
    // One version throughout: the new worker, its shell only, and the
    // page's own scripts of that version.
    const shells = Object.keys(await cached(page)).filter((n) => n.startsWith("nhsd-shell-"));
    assert.equal(shells.length, 1);
    assert.notEqual(shells[0], oldShell);
    assert.equal("nhsd-shell-" + (await page.evaluate(() => goappGetenv("GOAPP_VERSION"))), shells[0]);
    assert.equal(await page.locator("#nhsd-update-notice").count(), 0);
    assert.ok((await saved(page)).includes("/services/spine"), "saved pages did not survive the new version");
    assert.deepEqual(unexpected(errors), []);
  } finally {
    await context.close();
    await server.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  }
});
