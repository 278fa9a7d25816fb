// Site search in a real Chromium: answers as you type from the index shards,
// keeps the URL in step, back and forward work, the count is announced, and
// the page passes axe with results, with filters open and when empty.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, watch, waitForApp, axe } from "./helpers.mjs";

const site = useSite(before, after);

test("typing searches without a reload and keeps the URL in step", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/search");
  await waitForApp(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const status = page.locator("#nhsd-search-status");
  assert.equal(await status.getAttribute("aria-live"), "polite");

  await page.getByLabel("Search for").pressSequentially("prescrip", { delay: 30 });
  await page.waitForFunction(() => /results? for ‘prescrip’/.test(document.getElementById("nhsd-search-status").textContent));
  assert.match(page.url(), /\/search\?q=prescrip$/);
  const first = (await page.locator(".nhsd-search-result__title").first().innerText()).trim();
  assert.equal(first, "Electronic Prescription Service");
  assert.ok(await page.locator(".nhsd-search-result mark").count() > 0, "no marked words in the excerpts");

  // A filter is a link: it adds a history entry; back returns to the query.
  await page.locator("summary", { hasText: "Document type" }).click();
  await page.locator(".nhsd-facet__link", { hasText: "Service" }).first().click();
  await page.waitForURL(/type=Service/);
  await page.waitForFunction(() => document.querySelectorAll(".nhsd-chip").length === 1);
  await page.goBack();
  await page.waitForURL(site.server.base + "/search?q=prescrip");
  await page.waitForFunction(() => document.querySelectorAll(".nhsd-chip").length === 0);
  assert.equal(await page.evaluate(() => window.__sameDocument), true, "the search reloaded the page");

  // The header search box leads to the search page inside the app.
  await page.getByLabel("Search this site").first().fill("nhs login");
  await page.getByLabel("Search this site").first().press("Enter");
  await page.waitForURL(/\/search\?q=nhs\+login/);
  await page.waitForFunction(() => document.querySelector(".nhsd-search-result__title")?.textContent.trim() === "NHS login");
  assert.equal(await page.evaluate(() => window.__sameDocument), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two searches from the header in turn: the page shows the second, whichever page data comes first", async () => {
  // (Without the service worker, so that the page data's requests are the page's own to hold.)
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  const held = [];
  await page.route("**/page-data/search.json*", (route) => held.push(route));
  const box = page.locator("#nhsd-header-search");
  await box.fill("spine");
  await box.press("Enter");
  await page.waitForFunction(() => location.search === "?q=spine");
  await box.fill("prescription");
  await box.press("Enter");
  await page.waitForFunction(() => location.search === "?q=prescription");
  for (const end = Date.now() + 10000; held.length < 2 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  assert.equal(held.length, 2, "the search page's data was not asked for twice");
  await held[0].continue(); // the first search's data arrives first
  await new Promise((r) => setTimeout(r, 300));
  await held[1].continue();
  await page.waitForFunction(() => document.getElementById("nhsd-search-q")?.value === "prescription" && /prescription/.test(document.title));
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await page.locator("#nhsd-search-q").inputValue(), "prescription");
  assert.match(await page.title(), /prescription/);
  await context.close();
});

test("words typed just before a link is followed are there on coming back", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  await page.waitForFunction(() => /spine/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
  // The keys and the click in one task: well within the typing pause.
  await page.evaluate(() => {
    const box = document.getElementById("nhsd-search-q");
    box.value = "dementia";
    box.dispatchEvent(new Event("input", { bubbles: true }));
    document.querySelector('.nhsd-footer a[href^="/"]').click();
  });
  await page.waitForFunction(() => location.pathname !== "/search");
  await page.waitForFunction(() => document.querySelector("main h1") && document.querySelector("main[aria-busy=false]"));
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=dementia");
  await page.waitForFunction(() => /dementia/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
  assert.equal(await page.locator("#nhsd-search-q").inputValue(), "dementia");
  // Enter in the box answers what the address already says: no second
  // history entry of the same search.
  const entries = await page.evaluate(() => history.length);
  await page.locator("#nhsd-search-q").press("Enter");
  await page.evaluate(() => new Promise((r) => setTimeout(r, 300)));
  assert.equal(await page.evaluate(() => history.length), entries);
  assert.equal(await page.evaluate(() => location.search), "?q=dementia");
  await context.close();
});

test("an answer that arrives after Back does not replace the search gone back to", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  const status = () => page.locator("#nhsd-search-status").innerText();
  await page.waitForFunction(() => /spine/.test(document.getElementById("nhsd-search-status")?.textContent || ""));
  const before = await status();
  // The index's files for the next search are held until the visitor is back.
  const held = [];
  let holding = true;
  await page.route("**/search-index/**", (route) => holding ? held.push(route) : route.continue());
  await page.getByLabel("Search this site").first().fill("dementia");
  await page.getByLabel("Search this site").first().press("Enter");
  await page.waitForFunction(() => location.search === "?q=dementia");
  for (const end = Date.now() + 10000; held.length === 0 && Date.now() < end;) await new Promise((r) => setTimeout(r, 50));
  assert.ok(held.length > 0, "the search for dementia fetched nothing from the index");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=spine");
  holding = false;
  const arrived = held.map((route) => page.waitForResponse((r) => r.request() === route.request()));
  for (const route of held) await route.continue();
  await Promise.all(arrived);
  // Time for the client to take the late answer in, were it to.
  await page.evaluate(() => new Promise((r) => setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(r)), 300)));
  assert.equal(await status(), before);
  assert.equal(await page.locator("#nhsd-search-q").inputValue(), "spine");
  assert.match(await page.title(), /spine/);
  await context.close();
});

test("the header's search box holds the search on the search page only", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  const box = page.locator("#nhsd-header-search");
  assert.equal(await box.inputValue(), "spine");
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Services" }).click();
  await page.waitForFunction(() => document.querySelector("main h1")?.textContent.trim() === "Services");
  await page.waitForFunction(() => document.getElementById("nhsd-header-search").value === "");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=spine" && document.getElementById("nhsd-header-search").value === "spine");
  await context.close();
});

test("an emptied search or catalogue filter empties its box", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  await page.locator("#nhsd-header-search").fill("");
  await page.locator("#nhsd-header-search").press("Enter");
  await page.waitForFunction(() => location.search === "?q=" && !/spine/.test(document.getElementById("nhsd-search-status")?.textContent || "spine"));
  await page.waitForFunction(() => document.getElementById("nhsd-search-q").value === "");
  await page.goto(site.server.base + "/services?q=spine");
  await waitForApp(page);
  await page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Services" }).click();
  await page.waitForFunction(() => location.search === "" && !document.querySelector(".nhsd-card[hidden]"));
  await page.waitForFunction(() => document.getElementById("nhsd-catalogue-q").value === "");
  await context.close();
});

test("another page of results: focus goes to the count of results, in view", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=nhs+app");
  await waitForApp(page);
  await page.locator(".nhsd-pagination__link--next").focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => /[?&]page=2\b/.test(location.search) && document.activeElement?.id === "nhsd-search-status");
  const top = await page.evaluate(() => document.getElementById("nhsd-search-status").getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 900, `the count is out of view (top ${top})`);
  assert.match(await page.title(), /nhs app/);
  await context.close();
});

test("the count of results is one live region from one answer to the next", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=nhs+app");
  await waitForApp(page);
  await page.evaluate(() => (document.getElementById("nhsd-search-status").__first = true));
  for (const [q, want] of [["zzzzqqq", /^0 results|^No results/], ["spine", /spine/], ["zzzzqqq", /^0 results|^No results/]]) {
    await page.locator("#nhsd-search-q").fill(q);
    await page.waitForFunction((w) => new RegExp(w).test(document.getElementById("nhsd-search-status")?.textContent.trim() || ""), want.source);
    assert.equal(await page.evaluate(() => document.getElementById("nhsd-search-status").__first), true, `after "${q}" the count is a new element, which screen readers may not read`);
  }
  await context.close();
});

test("what the browser has fetched of the index answers later queries offline", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=spine");
  await waitForApp(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await context.setOffline(true);
  await page.getByLabel("Search for").fill("spin");
  await page.waitForFunction(() => /for ‘spin’/.test(document.getElementById("nhsd-search-status").textContent));
  assert.equal(requests.filter((u) => u.includes("/search-index/meta.json")).length, 0, "the meta file was fetched twice");
  await context.close();
});

test("the search page passes axe with results, filters open, chips and no results", async () => {
  for (const width of [375, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    for (const path of ["/search?q=data", "/search?q=dementia&type=Publication&year=2021", "/search?q=zzzzqqq", "/search?page=3"]) {
      await page.goto(site.server.base + path);
      await waitForApp(page);
      await page.evaluate(() => {
        document.querySelector(".nhsd-filter-toggle")?.setAttribute("aria-expanded", "true"); // shown on phones
        document.querySelectorAll("details.nhsd-facet").forEach((d) => (d.open = true));
      });
      assert.deepEqual(await axe(page), [], `${path} at ${width}px`);
    }
    await context.close();
  }
});

test("choosing or removing a filter keeps focus there, and the title says the search", async () => {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search?q=data");
  assert.equal(await page.title(), "Search results for ‘data’ - NHS Digital", "the server's title");
  await waitForApp(page);
  const facet = page.locator("details.nhsd-facet").first();
  const name = (await facet.locator("summary").innerText()).trim();
  await facet.locator("summary").click();
  const link = facet.locator(".nhsd-facet__link").first();
  const key = await link.getAttribute("data-nhsd-focus");
  const value = (await link.locator(".nhsd-facet__value").innerText()).trim();
  await link.focus();
  await page.keyboard.press("Enter");
  await page.waitForSelector(".nhsd-chip");
  await page.waitForFunction((k) => document.activeElement?.dataset?.nhsdFocus === k, key);
  await page.waitForFunction((t) => document.title === t, `Search results for ‘data’, ${name}: ${value} - NHS Digital`);
  // Removing it with its chip: focus goes to the filter, which is still there.
  await page.locator(".nhsd-chip").first().focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => !document.querySelector(".nhsd-chip"));
  await page.waitForFunction((k) => document.activeElement?.dataset?.nhsdFocus === k, key);
  assert.equal(await page.title(), "Search results for ‘data’ - NHS Digital");
  // A scope tab keeps focus too.
  await page.getByRole("navigation", { name: "Search in" }).getByRole("link", { name: "Services" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.title === "Search results for ‘data’ in Services - NHS Digital");
  await page.waitForFunction(() => document.activeElement?.dataset?.nhsdFocus === "scope:services");
  await context.close();
});

test("markup in the query is shown as text and never run", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; d.dismiss(); });
  await page.goto(site.server.base + "/search?q=" + encodeURIComponent('"><img src=x onerror=alert(1)><script>alert(2)</script>'));
  await waitForApp(page);
  await page.waitForTimeout(300);
  assert.equal(dialogs, 0);
  assert.match(await page.locator("#nhsd-search-status").innerText(), /<script>alert\(2\)<\/script>/);
  assert.equal(await page.locator("img[src=x]").count(), 0);
  await context.close();
});

test("on a phone the results come first and a Filter button shows the filters, with or without the client", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/search?q=nhs");
  await page.waitForLoadState("load");
  const toggle = page.getByRole("button", { name: "Filter", exact: true });
  const filters = page.locator("#nhsd-search-filters");
  assert.ok(await toggle.isVisible());
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.ok(!(await filters.isVisible()), "the filters are open before the results");
  // The first result is on the first screen, below the cookie banner of a
  // first visit.
  const first = await page.locator(".nhsd-search-result__title").first().boundingBox();
  const banner = (await page.locator(".nhsd-cookie-banner").boundingBox())?.height || 0;
  assert.ok(first && first.y + first.height - banner < 800, `the first result is not on the first screen (y ${first?.y}, banner ${banner})`);
  // Before the client runs (the tap is what starts it), and after.
  await toggle.tap();
  await page.waitForFunction(() => document.querySelector(".nhsd-filter-toggle").getAttribute("aria-expanded") === "true");
  assert.ok(await filters.isVisible());
  await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelector(".nhsd-filter-toggle").getAttribute("aria-expanded") === "true", null, { timeout: 5000 });
  assert.ok(await filters.isVisible(), "the filters closed when the client took over");
  await toggle.tap();
  assert.equal(await toggle.getAttribute("aria-expanded"), "false");
  assert.ok(!(await filters.isVisible()));
  assert.deepEqual(errors, []);
  await context.close();

  // Without JavaScript the filters show, and no button that could not work.
  const noJS = await site.browser.newContext({ viewport: { width: 375, height: 800 }, javaScriptEnabled: false });
  const still = await noJS.newPage();
  await still.goto(site.server.base + "/search?q=nhs");
  assert.ok(await still.locator("#nhsd-search-filters").isVisible());
  assert.ok(!(await still.locator(".nhsd-filter-toggle").isVisible()));
  await noJS.close();

  // On a wide screen the filters sit beside the results, with no button.
  const wide = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const desk = await wide.newPage();
  await desk.goto(site.server.base + "/search?q=nhs");
  assert.ok(await desk.locator("#nhsd-search-filters").isVisible());
  assert.ok(!(await desk.locator(".nhsd-filter-toggle").isVisible()));
  await wide.close();
});

test("every key typed while the client takes the page over is kept", async () => {
  // The first click starts the client; the keys that follow come while it
  // replaces the page, one of them often while no field has focus.
  for (const [path, label, text] of [["/search", "Search for", "nhs app"], ["/services", "Search services", "spine"]]) {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.base + path, { waitUntil: "load" });
    await page.getByLabel(label).click();
    await page.getByLabel(label).pressSequentially(text, { delay: 120 });
    await page.waitForFunction(() => document.documentElement.dataset.nhsdApp === "ready", null, { timeout: 30000 });
    assert.equal(await page.getByLabel(label).inputValue(), text, `${path}: a key typed during the take-over was lost`);
    await context.close();
  }
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/search", { waitUntil: "load" });
  await page.getByLabel("Search for").click();
  await page.getByLabel("Search for").pressSequentially("nhs app", { delay: 120 });
  await page.waitForFunction(() => /for ‘nhs app’/.test(document.getElementById("nhsd-search-status").textContent), null, { timeout: 30000 });
  await context.close();
});
