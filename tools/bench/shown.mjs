// The benches' clock for a saved file: from the save to the first frame
// that shows its change. The page notes the wall-clock time of that frame
// itself, in its session storage, and the bench reads it afterwards, so
// neither the browser driver's polling nor its round trips count, and a
// page that reloads itself to show the change (Hugo's live reload) is
// timed the same way as one that changes in place.

// watchTitles has every page of context note when its h1 first shows the
// title asked for (timeSave).
export async function watchTitles(context) {
  await context.addInitScript(() => {
    const look = () => {
      const want = sessionStorage.getItem("bench-want");
      if (want === null || document.querySelector("main h1")?.textContent.trim() !== want) return;
      sessionStorage.removeItem("bench-want");
      requestAnimationFrame(() => sessionStorage.setItem("bench-shown", String(Date.now())));
    };
    new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

// timeSave runs save, which writes title into the page's file, and
// returns the milliseconds until page showed it. The page's context must
// be watched (watchTitles). It throws Playwright's TimeoutError when the
// title has not shown within timeout ms.
export async function timeSave(page, title, save, timeout) {
  await page.evaluate((t) => {
    sessionStorage.removeItem("bench-shown");
    sessionStorage.setItem("bench-want", t);
  }, title);
  const start = Date.now();
  save();
  const shown = await page.waitForFunction(() => sessionStorage.getItem("bench-shown"), null, { timeout });
  return Number(await shown.jsonValue()) - start;
}
