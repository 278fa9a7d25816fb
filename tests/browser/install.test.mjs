// Installing the site: where Chromium offers installation (its
// beforeinstallprompt event), the page shows an "Install this site" button
// that opens the browser's own install dialog; "Not now" and an installed
// app take the notice away. go-app's app.js no longer cancels the
// browser's own offer. The event is dispatched by the test, as Chromium
// fires it only after its engagement checks; everything else is real.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { useSite, watch, waitForApp } from "./helpers.mjs";

const site = useSite(before, after);

// offer fires a beforeinstallprompt event whose prompt() is recorded.
async function offer(page) {
  return page.evaluate(() => {
    window.__prompted = 0;
    const e = new Event("beforeinstallprompt", { cancelable: true });
    e.prompt = () => { window.__prompted++; return Promise.resolve({ outcome: "accepted" }); };
    e.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
    window.dispatchEvent(e);
    return e.defaultPrevented;
  });
}

test("the install button appears only when the browser offers, and opens its dialog", async () => {
  const page = await site.browser.newPage();
  const errors = watch(page);
  await page.goto(site.server.base + "/services/spine");
  await page.waitForFunction(() => document.querySelector(".nhsd-notices") !== null);
  assert.equal(await page.locator("#nhsd-install-notice").count(), 0, "no button before the browser offers");
  const prevented = await offer(page);
  assert.equal(prevented, false, "the browser's own offer is not cancelled");
  const button = page.getByRole("button", { name: "Install this site" });
  await button.waitFor();
  assert.equal(await page.getByRole("region", { name: "Site notices" }).getByText("install this site on your device").count(), 1);
  // Keyboard only: the button is reachable and works with Enter.
  await button.focus();
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => window.__prompted === 1);
  assert.equal(await page.locator("#nhsd-install-notice").count(), 0, "the notice goes once used");
  // Focus goes back where it was before the notice (here the page's
  // main content, as nothing had focus), not to the page's body.
  assert.equal(await page.evaluate(() => document.activeElement.id), "main-content");

  // "Not now" hides it and gives focus back to the field used before;
  // an installed app hides it too.
  await offer(page);
  await page.locator("#nhsd-header-search").focus();
  await page.getByRole("button", { name: "Not now" }).focus();
  await page.keyboard.press("Enter");
  assert.equal(await page.locator("#nhsd-install-notice").count(), 0);
  assert.equal(await page.evaluate(() => document.activeElement.id), "nhsd-header-search");
  await offer(page);
  await button.waitFor();
  await page.evaluate(() => window.dispatchEvent(new Event("appinstalled")));
  assert.equal(await page.locator("#nhsd-install-notice").count(), 0);

  // After the WebAssembly client takes over, the offer still shows.
  await page.keyboard.press("Tab");
  await waitForApp(page);
  await offer(page);
  await button.waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});
