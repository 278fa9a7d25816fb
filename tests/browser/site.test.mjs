// The site in a real Chromium: prerendered pages, the WebAssembly client
// taking over without a flash, client navigation, the phone menu, and the
// site without JavaScript.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, watch, waitForApp } from "./helpers.mjs";

const site = useSite(before, after);

// whenShown waits until test holds of the service cards the browser shows
// (an expression's tail: ".length === 3"), and first holds, if given.
const shownCards = '[...document.querySelectorAll(".nhsd-card")].filter((c) => c.checkVisibility())';
const whenShown = (page, test, first = "true") => page.waitForFunction(`(${first}) && ${shownCards}${test}`);

const words = (s) => s.split(/\s+/).filter(Boolean).join(" ");

test("the client takes over the prerendered page with the same content and no layout shift", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const path of ["/", "/services/spine", "/data-and-information/publications/statistical/recorded-dementia-diagnoses/february-2021", "/cookies"]) {
    const page = await context.newPage();
    const errors = watch(page);
    await page.goto(site.server.base + path, { waitUntil: "domcontentloaded" });
    const before = await page.evaluate(() => [document.getElementById("nhsd-app").innerText, document.querySelectorAll("#nhsd-app *").length]);
    await waitForApp(page);
    await page.waitForTimeout(200);
    const after = await page.evaluate(() => [document.getElementById("nhsd-app").innerText, document.querySelectorAll("#nhsd-app *").length]);
    assert.equal(words(after[0]), words(before[0]), `${path}: the page text changed when the client took over`);
    assert.equal(after[1], before[1], `${path}: the client rendered a different number of elements`);
    const shifts = await page.evaluate(() => window.__shifts);
    assert.ok(shifts < 0.001, `${path}: layout shift ${shifts}`);
    assert.deepEqual(errors, [], path);
    await page.close();
  }
  await context.close();
});

test("links navigate inside the app: title, scroll and focus follow, back works", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/");
  await waitForApp(page);
  await page.evaluate(() => (window.__sameDocument = true));

  await page.evaluate(() => window.scrollTo(0, 600));
  await page.getByRole("link", { name: "Spine", exact: true }).first().click();
  await page.waitForURL(site.server.base + "/services/spine");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.includes("Spine"));
  assert.equal(await page.title(), "Spine - NHS Digital");
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "the link reloaded the page");
  assert.equal(await page.evaluate(() => document.activeElement.tagName), "H1", "focus is not on the heading");
  assert.equal(await page.evaluate(() => window.scrollY), 0, "the new page is not scrolled to the top");
  const canonical = await page.evaluate(() => document.querySelector('meta[name="description"]').content);
  assert.match(canonical, /Spine/);

  // On to the blogs through the News section, then a post: all by links.
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "News" }).click();
  await page.waitForURL(site.server.base + "/news-and-events");
  await page.locator('main a[href="/blog"]').first().click();
  await page.waitForURL(site.server.base + "/blog");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Blogs");
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  const first = page.locator(".nhsd-card__link").first();
  const postTitle = (await first.innerText()).trim();
  await first.click();
  await page.waitForFunction((t) => document.querySelector("main h1")?.textContent.trim() === t, postTitle);
  assert.equal(await page.title(), `${postTitle} - NHS Digital`);
  assert.equal(await page.evaluate(() => window.__sameDocument), true);

  await page.goBack();
  await page.waitForURL(site.server.base + "/blog");
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Blogs");
  assert.equal(await page.title(), "Blogs - NHS Digital");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the skip link moves focus to the main content", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Once cookies are chosen the skip link is the first thing on the page.
  await page.goto(site.server.base + "/services/nhs-app");
  await page.getByRole("button", { name: "Reject additional cookies" }).click();
  await page.goto(site.server.base + "/services/nhs-app");
  await waitForApp(page);
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Skip to main content");
  assert.ok(await page.locator(".nhsd-skip-link").isVisible(), "the focused skip link is not visible");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.activeElement.id === "main-content");
  await context.close();
});

test("the phone menu works before the client runs and without it", async () => {
  // No service worker: it would fetch the WebAssembly past page.route.
  const phone = { viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true, serviceWorkers: "block" };
  const context = await site.browser.newContext(phone);
  const page = await context.newPage();
  // The WebAssembly never arrives.
  await page.route("**/web/app.wasm*", (route) => route.abort());
  await page.goto(site.server.base + "/services");
  const button = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Sections" });
  const expanded = () => button.getAttribute("aria-expanded");
  assert.equal(await nav.getByRole("link", { name: "Data" }).isVisible(), false, "the menu starts open");
  await button.click();
  assert.equal(await expanded(), "true");
  assert.ok(await nav.getByRole("link", { name: "Data" }).isVisible(), "the sections did not show");
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Services", "focus did not move into the menu");
  await page.keyboard.press("Escape");
  assert.equal(await expanded(), "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-menu-button");
  assert.equal(await nav.getByRole("link", { name: "Data" }).isVisible(), false);
  await button.click();
  await nav.getByRole("link", { name: "Developer" }).click();
  await page.waitForURL(site.server.base + "/developer");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined, "the client ran");
  await context.close();

  // Opened before the client runs, it is still open once it does, and
  // the client closes it.
  const context2 = await site.browser.newContext(phone);
  const page2 = await context2.newPage();
  const errors = watch(page2);
  let release;
  const held = new Promise((r) => (release = r));
  await page2.route("**/web/app.wasm*", async (route) => { await held; await route.continue(); });
  await page2.goto(site.server.base + "/services");
  const button2 = page2.getByRole("button", { name: "Menu" });
  const data2 = page2.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Data" });
  await button2.click();
  assert.equal(await button2.getAttribute("aria-expanded"), "true");
  release();
  await page2.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  await page2.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true", null, { timeout: 5000 });
  assert.ok(await data2.isVisible(), "the menu closed when the client started");
  await button2.click();
  await page2.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "false");
  assert.equal(await data2.isVisible(), false);
  // (go-app reports that it could register no service worker: the test blocks them.)
  assert.deepEqual(errors.filter((e) => !/service worker registration failed/.test(e)), []);
  await context2.close();
});

test("the phone menu opens and closes by keyboard", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/services");
  await waitForApp(page);
  const button = page.getByRole("button", { name: "Menu" });
  const nav = page.getByRole("navigation", { name: "Sections" });
  assert.equal(await nav.getByRole("link", { name: "Data" }).isVisible(), false, "the menu starts open");
  assert.equal(await button.getAttribute("aria-expanded"), "false");

  await button.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true");
  assert.ok(await nav.getByRole("link", { name: "Data" }).isVisible());
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Services", "focus did not move into the menu");

  await page.keyboard.press("Escape");
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "false");
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-menu-button");
  assert.equal(await nav.getByRole("link", { name: "Data" }).isVisible(), false);

  // Following a menu link closes the menu on the new page.
  await button.click();
  await nav.getByRole("link", { name: "Developer" }).click();
  await page.waitForURL(site.server.base + "/developer");
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "false");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the catalogue filters as you type and keeps the URL in step", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services");
  await waitForApp(page);
  const all = await page.locator(".nhsd-card").count();
  await page.getByLabel("Search services").fill("prescription");
  await whenShown(page, `.length < ${all}`);
  const titles = await page.locator(".nhsd-card:visible .nhsd-card__link").allInnerTexts();
  assert.ok(titles.some((t) => t.includes("Electronic Prescription Service")), titles.join());
  // Typing leaves the address alone until the box is left.
  assert.equal(await page.evaluate(() => location.search), "");
  await page.getByLabel("Search services").press("Tab");
  await page.waitForFunction(() => /\?q=prescription$/.test(location.href));
  assert.match(await page.locator("#nhsd-catalogue-count").innerText(), /of \d+ services/);
  // The page's script narrows the list at each key and the client renders
  // on a choice: the two agree, whichever wrote last.
  const visible = () => page.locator(".nhsd-card:visible .nhsd-card__link").allInnerTexts();
  await page.getByLabel("Status").selectOption("retired");
  await page.waitForFunction(() => /\?q=prescription&status=retired$/.test(location.href));
  assert.deepEqual(await visible(), []);
  assert.ok(await page.locator("#nhsd-catalogue-none").isVisible(), "nothing matching says so");
  await page.getByLabel("Search services").fill("");
  await page.getByLabel("Status").selectOption("Any status");
  await whenShown(page, `.length === ${all}`);
  assert.ok(await page.locator("#nhsd-catalogue-none").isHidden());
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${all} services`);
  await page.getByLabel("Search services").pressSequentially("spine");
  await whenShown(page, `.map((c) => c.querySelector(".nhsd-card__link").textContent.trim()).join() === "Spine"`);
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `1 of ${all} services`);
  // A topic shows the services the server shows for it, with the client too.
  await page.getByLabel("Search services").fill("");
  await page.getByLabel("Search services").press("Tab");
  await page.getByLabel("Topic").selectOption("Data");
  await page.waitForFunction(() => /\?topic=Data$/.test(location.href));
  const data = await catalogueWithoutJS("topic=Data");
  assert.ok(data.length > 0 && data.length < all, data.join());
  await whenShown(page, `.length === ${data.length}`);
  assert.deepEqual(await visible(), data);
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${data.length} of ${all} services`);
  assert.ok(await page.locator("#nhsd-catalogue-none").isHidden());
  await page.getByLabel("Search services").fill("spine");
  // A render of the client's (a topic chosen) keeps what was typed.
  await page.getByLabel("Topic").selectOption({ index: 0 });
  await page.getByLabel("Status").selectOption("live");
  await page.waitForFunction(() => /\?q=spine&status=live$/.test(location.href));
  assert.deepEqual(await visible(), ["Spine"]);
  assert.equal(await page.getByLabel("Search services").inputValue(), "spine");
  // Words typed and not yet in the address reach it when a link is
  // followed: back again, the list is as it was left.
  await page.getByLabel("Search services").fill("nhs app");
  assert.match(page.url(), /\?q=spine&status=live$/);
  const left = await visible();
  assert.ok(left.includes("NHS App") && left.length < all, left.join());
  await page.locator(".nhsd-card:visible .nhsd-card__link").first().click();
  await page.waitForFunction(() => location.pathname !== "/services");
  await page.goBack();
  await page.waitForFunction(() => /\?q=nhs\+app&status=live$/.test(location.href));
  await whenShown(page, `.length === ${left.length}`, `document.querySelector(".nhsd-catalogue")`);
  assert.deepEqual(await visible(), left);
  assert.equal(await page.getByLabel("Search services").inputValue(), "nhs app");
  await context.close();
});

test("a page that arrives after the visitor went back does not replace the one they went back to", async () => {
  // (Without the service worker, so that the page data's request is the page's own to hold.)
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/services?status=live");
  await waitForApp(page);
  // Spine's page data is held until the visitor is back on the catalogue.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/page-data/services/spine.json*", async (route) => { await held; await route.continue(); });
  await page.locator(".nhsd-card__link", { hasText: /^\s*Spine\s*$/ }).click();
  await page.waitForFunction(() => location.pathname === "/services/spine");
  await page.goBack();
  await page.waitForFunction(() => location.pathname + location.search === "/services?status=live");
  const arrived = page.waitForResponse((r) => r.url().includes("/page-data/services/spine.json"));
  release();
  await (await arrived).finished();
  // Time for the client to take the late page in, were it to.
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
  assert.equal((await page.locator("main h1").innerText()).trim(), "Services");
  assert.equal(await page.getByLabel("Status").inputValue(), "live");
  assert.equal(await page.title(), "Services - NHS Digital");
  // And the link still leads there.
  await page.locator(".nhsd-card__link", { hasText: /^\s*Spine\s*$/ }).click();
  await page.waitForFunction(() => location.pathname === "/services/spine" && document.querySelector("main h1")?.textContent.trim() === "Spine");
  // (Blocking the service worker makes its registration fail, as it should.)
  assert.deepEqual(errors.filter((e) => !e.includes("service worker registration failed")), []);
  await context.close();
});

test("page data answered with an error by something in front of the server: the browser loads the page", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services");
  await waitForApp(page);
  await page.evaluate(() => (window.__sameDocument = true));
  // A gateway's error, in JSON, once.
  let failed = 0;
  await page.route("**/page-data/services/spine.json*", (route) => failed++ ? route.continue() : route.fulfill({ status: 502, contentType: "application/json", body: '{"message": "Bad gateway"}' }));
  await page.locator(".nhsd-card__link", { hasText: /^\s*Spine\s*$/ }).click();
  await page.waitForFunction(() => location.pathname === "/services/spine" && document.querySelector("main h1")?.textContent.trim() === "Spine" && !window.__sameDocument);
  assert.equal(failed, 1);
  assert.equal(await page.title(), "Spine - NHS Digital");
  // The error was not kept as the page's view: in the app again, Spine shows.
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Services" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  await page.locator(".nhsd-card__link", { hasText: /^\s*Spine\s*$/ }).click();
  await page.waitForFunction(() => location.pathname === "/services/spine" && document.querySelector("main h1")?.textContent.trim() === "Spine");
  await context.close();
});

test("a link to the address the page had before a filter changed it still leads there", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services");
  await waitForApp(page);
  const all = await page.locator(".nhsd-card").count();
  await page.getByLabel("Status").selectOption("retired");
  await page.waitForFunction(() => location.search === "?status=retired");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Services" }).click();
  await whenShown(page, `.length === ${all}`, `location.search === ""`);
  assert.equal(await page.getByLabel("Status").inputValue(), "any");
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${all} services`);
  await page.goBack();
  await page.waitForFunction(() => location.search === "?status=retired" && document.getElementById("nhsd-catalogue-status").value === "retired");
  // The header's search for the words the search page had before typing.
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  await page.locator("#nhsd-search-q").fill("dementia");
  await page.waitForFunction(() => location.search === "?q=dementia");
  await page.locator("#nhsd-header-search").fill("spine");
  await page.locator("#nhsd-header-search").press("Enter");
  await page.waitForFunction(() => location.search === "?q=spine" && document.getElementById("nhsd-search-q").value === "spine" && /spine/.test(document.getElementById("nhsd-search-status").textContent));
  assert.match(await page.title(), /spine/);
  await context.close();
});

test("after a reload, Back to a page the client had shown shows that page", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "News" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "News and events");
  await page.reload();
  // Back without touching the page: the client does not run yet.
  await page.goBack();
  await page.waitForFunction(() => location.pathname === "/services/spine" && document.querySelector("main h1")?.textContent.trim() === "Spine");
  assert.equal(await page.title(), "Spine - NHS Digital");
  await page.goForward();
  await page.waitForFunction(() => location.pathname === "/news-and-events" && document.querySelector("main h1")?.textContent.trim() === "News and events");
  assert.deepEqual(errors, []);
  await context.close();
});

test("without JavaScript every page reads in full and the sections show on a phone", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services/spine");
  assert.equal((await page.locator("main h1").innerText()).trim(), "Spine");
  assert.ok(await page.getByRole("heading", { name: "How it works" }).isVisible());
  assert.ok(await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Data" }).isVisible());
  assert.equal(await page.getByRole("button", { name: "Menu" }).isVisible(), false, "a Menu button that cannot work shows");
  await page.getByRole("link", { name: "Cookie settings" }).click();
  await page.waitForURL(site.server.base + "/cookies");
  assert.equal((await page.locator("main h1").innerText()).trim(), "Cookie settings");
  await page.goto(site.server.base + "/search?q=nhs+app");
  assert.match(await page.locator(".nhsd-result-count").innerText(), /results? for ‘nhs app’/);
  await context.close();
});

test("unknown paths show the not-found page, also after client navigation", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const resp = await page.goto(site.server.base + "/no-such-page");
  assert.equal(resp.status(), 404);
  await waitForApp(page);
  assert.equal((await page.locator("main h1").innerText()).trim(), "Page not found");
  await page.getByRole("link", { name: "Services", exact: true }).first().click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  await context.close();
});

test("focus and typing made before the client starts survive the take-over", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // Hold the WebAssembly back so the visitor acts on the prerendered page.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/web/app.wasm*", async (route) => { await held; await route.continue(); });
  await page.goto(site.server.base + "/services");
  await page.getByLabel("Search services").fill("spine");
  await page.getByLabel("Search services").focus();
  release();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-catalogue-q", "focus was lost");
  assert.equal(await page.getByLabel("Search services").inputValue(), "spine", "typed text was lost");
  await whenShown(page, ".length === 1");
  await context.close();
});

// The services the server's page shows for a query, read without JavaScript.
async function catalogueWithoutJS(query) {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services?" + query);
  const shown = await page.locator(".nhsd-card:visible .nhsd-card__link").allInnerTexts();
  await context.close();
  return shown;
}

test("the catalogue filters before the client runs, and if it never does", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/web/app.wasm*", async (route) => { await held; await route.continue(); });
  await page.goto(site.server.base + "/services");
  const visible = () => page.locator(".nhsd-card:visible .nhsd-card__link").allInnerTexts();
  const all = (await visible()).length;
  await page.getByLabel("Search services").pressSequentially("prescription");
  const found = await visible();
  assert.ok(found.includes("Electronic Prescription Service") && found.length < all, found.join());
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${found.length} of ${all} services`);
  assert.match(page.url(), /\/services$/, "the address changed at a key");
  await page.getByLabel("Status").selectOption("retired");
  assert.match(page.url(), /\/services\?q=prescription&status=retired$/);
  assert.deepEqual(await visible(), []);
  assert.ok(await page.locator("#nhsd-catalogue-none").isVisible(), "nothing matching says so");
  await page.getByLabel("Status").selectOption("Any status");
  await page.getByLabel("Search services").fill("");
  assert.equal((await visible()).length, all);
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${all} services`);
  assert.ok(await page.locator("#nhsd-catalogue-none").isHidden());
  // A topic shows the services the server shows for it.
  await page.getByLabel("Topic").selectOption("Data");
  const data = await catalogueWithoutJS("topic=Data");
  assert.ok(data.length > 0 && data.length < all, data.join());
  assert.deepEqual(await visible(), data);
  assert.equal(await page.locator("#nhsd-catalogue-count").innerText(), `${data.length} of ${all} services`);
  await page.getByLabel("Topic").selectOption({ index: 0 });
  assert.equal((await visible()).length, all);
  // The client, when it starts, shows what the visitor chose.
  await page.getByLabel("Search services").fill("spine");
  release();
  await waitForApp(page);
  assert.equal(await page.getByLabel("Search services").inputValue(), "spine");
  assert.match(page.url(), /\/services\?q=spine$/, "the typed words did not reach the address before the client started");
  await whenShown(page, `.map((c) => c.querySelector(".nhsd-card__link").textContent.trim()).join() === "Spine"`);
  await context.close();
});

test("the client starts on the first interaction, not at load, and keeps where the keyboard was", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(site.server.base + "/services/spine");
  await page.waitForLoadState("load");
  await new Promise((r) => setTimeout(r, 1500));
  assert.ok(!asked.includes("/web/app.wasm"), "the WebAssembly was fetched before any interaction");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined);
  // The first Tab both moves focus (to the cookie banner's first button,
  // which comes first on the page) and starts the client.
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  assert.ok(asked.includes("/web/app.wasm"));
  assert.equal(await page.evaluate(() => document.activeElement.textContent.trim()), "Accept additional cookies");
  await context.close();
});

test("the client starts in a pause: while the visitor types, nothing of it is fetched and their keys are theirs", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => asked.push({ path: new URL(r.url()).pathname, at: Date.now() }));
  await page.goto(site.server.base + "/search");
  await page.waitForLoadState("load");
  const box = page.getByLabel("Search for");
  await box.click();
  // A key every 300 ms for three seconds: never the pause the client waits for.
  let lastKey = 0;
  for (const key of "nhs digital") {
    await box.press(key === " " ? "Space" : key);
    lastKey = Date.now();
    await new Promise((r) => setTimeout(r, 300));
  }
  assert.deepEqual(asked.filter((r) => r.path === "/web/app.wasm"), [], "the WebAssembly was fetched while the visitor typed");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined, "the client started while the visitor typed");
  // Nor is the service worker registered: that waits for a pause too.
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) === undefined), true, "the worker was registered while the visitor typed");
  // Once they stop, it starts, and what they typed stays, with the focus.
  await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistration()) !== undefined);
  const wasm = asked.find((r) => r.path === "/web/app.wasm");
  assert.ok(wasm && wasm.at - lastKey >= 900, `the WebAssembly was asked for ${wasm && wasm.at - lastKey} ms after the last key`);
  assert.equal(await box.inputValue(), "nhs digital");
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-search-q");
  await page.waitForFunction(() => /for ‘nhs digital’/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
  await context.close();
});

test("the client's WebAssembly is compiled by a worker, and by the page where there is no worker or it cannot", async () => {
  // Compiling reads the module on the thread that compiles it: a worker
  // keeps that off the page's main thread.
  for (const mode of ["worker", "no worker", "a worker that cannot compile"]) {
    const withWorker = mode !== "no worker";
    const context = await site.browser.newContext();
    if (!withWorker) await context.addInitScript(() => { delete window.Worker; });
    if (mode === "a worker that cannot compile") {
      await context.route("**/web/wasm-compile.js*", (route) => route.fulfill({ contentType: "text/javascript", body: "onmessage = () => postMessage(null);" }));
    }
    const page = await context.newPage();
    const errors = watch(page);
    const workers = [];
    page.on("worker", (w) => workers.push(new URL(w.url()).pathname));
    await page.goto(site.server.base + "/search");
    await page.getByLabel("Search for").click();
    await page.getByLabel("Search for").pressSequentially("spine");
    await waitForApp(page);
    await page.waitForFunction(() => /for ‘spine’/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
    assert.deepEqual(workers, withWorker ? ["/web/wasm-compile.js"] : [], `${mode}: ` + (withWorker ? "no worker was asked to compile the WebAssembly" : "a worker ran where there is none"));
    assert.deepEqual(errors, [], mode);
    await context.close();
  }
});

test("the client starts in a pause: a key pressed while the pause is being taken counts", async () => {
  // The page has been left alone since its load, so the pause has come;
  // the start then waits for an idle moment of the browser, and a key
  // pressed before that moment must put the start off again (the moment
  // comes after the key is handled).
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/services");
  await page.waitForLoadState("load");
  await new Promise((r) => setTimeout(r, 1500));
  const waited = await page.evaluate(() => new Promise((done) => {
    const asked = performance.now();
    let key = 0;
    nhsdQuiet().then(() => done({ afterAsking: performance.now() - asked, afterKey: performance.now() - key }));
    // In the same task, so before any idle moment: the visitor presses a key.
    document.dispatchEvent(new KeyboardEvent("keydown", { key: "s", bubbles: true }));
    key = performance.now();
  }));
  assert.ok(waited.afterKey >= 990, `the pause ended ${Math.round(waited.afterKey)} ms after a key`);
  await context.close();
});

test("the client starts in a pause: while the visitor scrolls, nothing of it is fetched", async () => {
  // A tap often follows a scroll: the start, which holds the main thread,
  // must not come between them.
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 600 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => asked.push({ path: new URL(r.url()).pathname, at: Date.now() }));
  await page.goto(site.server.base + "/blog");
  await page.waitForLoadState("load");
  await page.mouse.move(640, 300);
  // The wheel every 300 ms for three seconds, down and back up.
  let last = 0;
  for (let i = 0; i < 10; i++) {
    await page.mouse.wheel(0, i < 5 ? 120 : -120);
    last = Date.now();
    await new Promise((r) => setTimeout(r, 300));
    if (i === 4) assert.ok(await page.evaluate(() => scrollY >= 500), "the page did not scroll");
  }
  assert.deepEqual(asked.filter((r) => r.path === "/web/app.wasm"), [], "the WebAssembly was fetched while the visitor scrolled");
  await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  const wasm = asked.find((r) => r.path === "/web/app.wasm");
  assert.ok(wasm && wasm.at - last >= 900, `the WebAssembly was asked for ${wasm && wasm.at - last} ms after the last scroll`);
  await context.close();
});

test("a visitor who asks to save data gets the page alone: no client, and no worker unless they chose offline reading", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  await context.addInitScript(() => Object.defineProperty(navigator, "connection", { value: { saveData: true }, configurable: true }));
  const page = await context.newPage();
  const asked = [];
  page.on("request", (r) => asked.push(new URL(r.url()).pathname));
  await page.goto(site.server.base + "/services/spine");
  await page.waitForLoadState("load");
  // What starts the client for everyone else starts nothing; the page
  // still answers (the Menu is the page script's).
  await page.keyboard.press("Tab");
  await page.getByRole("button", { name: "Menu" }).tap();
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true");
  await new Promise((r) => setTimeout(r, 2000));
  assert.ok(!asked.includes("/web/app.wasm"), "the WebAssembly was fetched");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined);
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0, "a service worker was registered");
  assert.deepEqual(await page.evaluate(() => caches.keys()), [], "something was saved on the device");
  // Offline reading chosen: the worker that saves pages is registered.
  await page.getByRole("button", { name: "Accept additional cookies" }).click();
  await page.waitForURL(/consent=accepted/);
  await page.goto(site.server.base + "/services/spine");
  await page.waitForFunction(async () => (await navigator.serviceWorker.getRegistrations()).length === 1, null, { timeout: 10000 });
  await context.close();
});

test("on a phone, one tap on Menu opens it, also when that tap is what starts the client", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/services/spine");
  await page.waitForLoadState("load");
  assert.equal(await page.evaluate(() => document.documentElement.dataset.nhsdApp), undefined);
  await page.getByRole("button", { name: "Menu" }).tap();
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true", null, { timeout: 30000 });
  // The tap also started the client, whose menu starts closed: the page
  // script presses it again once the client runs, so the menu is open in
  // the client's page too.
  await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true", null, { timeout: 5000 });
  assert.ok(await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Data" }).isVisible());
  assert.deepEqual(errors, []);
  await context.close();
});
