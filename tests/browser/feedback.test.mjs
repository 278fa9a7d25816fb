// The feedback form and "Is this page useful?" in Chromium: with the
// client (what was typed before it took over is kept) and without it,
// errors with focus on the summary, the thank-you note, the old address,
// and nothing stored on the device.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, waitForApp } from "./helpers.mjs";

const site = useSite(before, after);
const FORM = "/about-nhs-digital/tell-us-what-you-think-of-our-website";

test("feedback: typed before the client starts, kept; errors, then sent", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  // Hold the WebAssembly back so the visitor types on the prerendered page.
  let release;
  const held = new Promise((r) => (release = r));
  await page.route("**/web/app.wasm*", async (route) => { await held; await route.continue(); });
  await page.goto(site.server.base + "/services/spine");
  await page.getByRole("link", { name: "Report a problem with this page" }).click();
  await page.waitForURL(/page=%2Fservices%2Fspine/);
  assert.equal(await page.locator("#fb-page").inputValue(), "/services/spine");
  // Typing starts the client; what was typed survives its take-over.
  await page.locator("#fb-more").fill("The contact details are hard to find");
  await page.getByLabel("Organisation (optional)").fill("A GP practice");
  await page.locator("#fb-more").focus();
  release();
  await waitForApp(page);
  assert.equal(await page.evaluate(() => document.activeElement.id), "fb-more", "focus was lost");
  assert.equal(await page.getByLabel("Organisation (optional)").inputValue(), "A GP practice");
  assert.equal(await page.locator("#fb-more").inputValue(), "The contact details are hard to find");
  // No answer to "Did you find…": the error summary, focused, linking to the field.
  await page.getByRole("button", { name: "Send feedback" }).click();
  await page.waitForSelector("#fb-errors");
  assert.equal(await page.evaluate(() => document.activeElement.id), "fb-errors");
  assert.match(await page.title(), /^Error: /);
  assert.equal(await page.locator("#fb-more").inputValue(), "The contact details are hard to find");
  assert.equal(await page.locator("#fb-page").inputValue(), "/services/spine");
  // The summary's link moves focus to the field with its legend, and so
  // its error, in view.
  await page.getByRole("link", { name: "Say whether you found what you were looking for" }).click();
  assert.equal(await page.evaluate(() => document.activeElement.id), "fb-found-yes");
  const seen = await page.evaluate(() => ["legend", "#fb-found-error"].map((sel) => {
    const r = document.querySelector("#fb-found-yes").closest("fieldset").parentElement.querySelector(sel).getBoundingClientRect();
    return r.top > -1 && r.bottom <= innerHeight; // (scrolled to the top, give or take a fraction of a pixel)
  }));
  assert.deepEqual(seen, [true, true], "the legend or the error is out of view");
  await page.getByLabel("No", { exact: true }).check();
  await page.getByRole("button", { name: "Send feedback" }).click();
  await page.getByRole("heading", { name: "Thank you for your feedback" }).waitFor();
  assert.deepEqual(await context.cookies(), [], "feedback stored something on the device");
  // The old address answers 301 to the form.
  const old = await fetch(site.server.base + "/forms/tell-us-what-you-think-of-our-website", { redirect: "manual" });
  assert.equal(old.status, 301);
  assert.equal(old.headers.get("location"), FORM);
  await context.close();
});

test("feedback works without JavaScript", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.server.base + FORM);
  await page.getByLabel("Yes", { exact: true }).check();
  await page.locator("#fb-more").fill("Works without scripts");
  await page.getByRole("button", { name: "Send feedback" }).click();
  await page.getByRole("heading", { name: "Thank you for your feedback" }).waitFor();
  await context.close();
});

test("is this page useful: yes in one click, no opens the box, by keyboard, nothing stored", async () => {
  const context = await site.browser.newContext();
  const page = await context.newPage();
  await page.goto(site.server.base + "/blog");
  await page.getByRole("button", { name: "Yes this page is useful" }).focus();
  await page.keyboard.press("Enter");
  await page.waitForURL(/useful=yes/);
  await page.getByText("Thank you for your feedback.").waitFor();
  // Focus is on the thanks, where the button was, not on the page's body.
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "nhsd-useful-thanks", null, { timeout: 5000 });
  await page.goto(site.server.base + "/services/spine");
  await waitForApp(page);
  await page.getByRole("button", { name: "No this page is not useful" }).click();
  await page.waitForURL(/useful=no/);
  const box = page.getByLabel("What went wrong? (optional)");
  await box.waitFor();
  // The box takes focus (autofocus, applied by the browser once it renders).
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "nhsd-useful-text", null, { timeout: 5000 });
  await box.fill("The figures are out of date");
  await page.getByRole("button", { name: "Send", exact: true }).click();
  await page.waitForURL(/useful=sent/);
  await page.waitForFunction(() => document.activeElement && document.activeElement.id === "nhsd-useful-thanks", null, { timeout: 5000 });
  assert.deepEqual(await context.cookies(), []);
  assert.equal(await page.evaluate(() => localStorage.length + sessionStorage.length), 0);
  await context.close();
});
