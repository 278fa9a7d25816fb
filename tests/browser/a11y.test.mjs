// axe-core's WCAG 2.2 A and AA rules on every page type, at phone and
// desktop widths, once the client has taken over; the phone menu open;
// and the editor preview's component gallery with every example in it.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { useSite, waitForApp, axe, pageTypes, startServer, root } from "./helpers.mjs";

const site = useSite(before, after);

const format = (vs) => vs.map((v) => `${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");

for (const [width, name] of [[375, "phone"], [1280, "desktop"]]) {
  test(`axe finds no WCAG 2.2 AA violation on any page type (${name}, ${width}px)`, async () => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const failures = [];
    for (const [type, path] of Object.entries(pageTypes)) {
      await page.goto(site.server.base + path);
      await waitForApp(page);
      const violations = await axe(page);
      if (violations.length) failures.push(`${type} (${path}):\n  ${format(violations)}`);
    }
    await context.close();
    assert.equal(failures.length, 0, failures.join("\n"));
  });
}

test("axe finds no violation with the phone menu open or without JavaScript", async () => {
  const context = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.server.base + "/services/nhs-login");
  await waitForApp(page);
  await page.getByRole("button", { name: "Menu" }).click();
  await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true");
  assert.deepEqual(await axe(page), []);
  await context.close();

  // Without JavaScript: the page's scripts are blocked and the stylesheet
  // that <noscript> would load is added, so the page looks as it does with
  // JavaScript off while axe (run through the debugger) can still work.
  const nojs = await site.browser.newContext({ viewport: { width: 375, height: 800 } });
  await nojs.route(/\/(app|wasm_exec)\.js/, (route) => route.abort());
  const p2 = await nojs.newPage();
  for (const path of ["/", "/services/spine", "/blog", "/services?status=live"]) {
    await p2.goto(site.server.base + path);
    const href = await p2.evaluate(() => new DOMParser().parseFromString(document.querySelector("noscript").innerHTML, "text/html").querySelector("link").getAttribute("href"));
    await p2.addStyleTag({ url: href });
    assert.ok(await p2.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Data" }).isVisible(), "no-JS styles not applied");
    assert.deepEqual(await axe(p2), [], path);
  }
  await nojs.close();
});

// The feedback form with errors (the server's answer, which the client
// does not take over) and "Is this page useful?" opened by "No".
test("axe finds no violation on the feedback form with errors or the useful box open", async () => {
  for (const [width, name] of [[375, "phone"], [1280, "desktop"]]) {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.base + "/about-nhs-digital/tell-us-what-you-think-of-our-website");
    await page.locator("#fb-email").fill("not an address");
    await page.getByRole("button", { name: "Send feedback" }).click();
    await page.waitForSelector("#fb-errors");
    assert.equal(await page.evaluate(() => document.activeElement.id), "fb-errors", "the error summary does not take focus");
    assert.equal(await page.locator("#fb-email").inputValue(), "not an address");
    assert.deepEqual(await axe(page), [], `feedback with errors (${name})`);

    await page.goto(site.server.base + "/services/spine");
    await page.getByRole("button", { name: "No this page is not useful" }).click();
    await page.waitForSelector("#nhsd-useful-text");
    await waitForApp(page);
    assert.deepEqual(await axe(page), [], `useful box open (${name})`);
    await context.close();
  }
});

test("in forced colours only the current section carries a bar, at phone and desktop widths", async () => {
  for (const width of [375, 1280]) {
    const context = await site.browser.newContext({ viewport: { width, height: 800 }, forcedColors: "active" });
    const page = await context.newPage();
    await page.goto(site.server.base + "/services/spine");
    await waitForApp(page); // the client replaces the links as it takes over
    if (width < 768) {
      await page.click("#nhsd-menu-button");
      await page.waitForFunction(() => document.getElementById("nhsd-menu-button").getAttribute("aria-expanded") === "true");
    }
    const bars = await page.$$eval(".nhsd-header__nav-link", (links) => links.map((a) => {
      const s = getComputedStyle(a);
      return [a.textContent.trim(), a.getAttribute("aria-current"), parseFloat(s.borderBottomWidth) + parseFloat(s.borderLeftWidth)];
    }));
    const marked = bars.filter(([, , w]) => w > 0).map(([text, current]) => `${text} ${current}`);
    assert.deepEqual(marked, ["Services true"], `${width}px: links with a bar: ${JSON.stringify(bars)}`);
    await context.close();
  }
});

// The component gallery, served by the editor preview only: every example
// of every component on one page, and each whole-page example on its own.
test("axe finds no violation in the preview's component gallery; production has no gallery", async () => {
  const gone = await fetch(site.server.base + "/_preview/components");
  assert.equal(gone.status, 404, "the production server answers the gallery's path");

  const dir = mkdtempSync(join(tmpdir(), "nhsd-gallery-"));
  cpSync(join(root, "content"), dir, { recursive: true });
  const preview = await startServer(["-preview", "-content", dir]);
  try {
    for (const [width, name] of [[375, "phone"], [1280, "desktop"]]) {
      const context = await site.browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      const res = await page.goto(preview.base + "/_preview/components");
      assert.equal(res.status(), 200);
      assert.equal(await page.title(), "Components - preview");
      assert.equal(await page.locator("main h1").first().innerText(), "Components");
      const examples = await page.locator(".nhsd-gallery__example").count();
      assert.ok(examples > 40, `only ${examples} examples shown`);
      const failures = [];
      const violations = await axe(page);
      if (violations.length) failures.push(`gallery:\n  ${format(violations)}`);
      const pages = await page.$$eval("a[href^='/_preview/components/']", (as) => as.map((a) => a.getAttribute("href")));
      assert.ok(pages.length > 0, "no whole-page examples");
      for (const path of pages) {
        assert.equal((await page.goto(preview.base + path)).status(), 200, path);
        const v = await axe(page);
        if (v.length) failures.push(`${path}:\n  ${format(v)}`);
      }
      await context.close();
      assert.equal(failures.length, 0, `${name}:\n` + failures.join("\n"));
    }
  } finally {
    await preview.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});
