// Takes the web app manifest's screenshots (server/pwa.go Screenshots):
// the home page as served by bin/site, in Chromium, at a phone's and a
// computer's size, into web/icons. Run by make screenshots (after make
// build); the images are committed like the icons.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { startServer, launch, root } from "../tests/browser/helpers.mjs";

const shots = [
  { file: "screenshot-narrow.png", width: 390, height: 844 },
  { file: "screenshot-wide.png", width: 1280, height: 800 },
];

const server = await startServer(["-admin-addr", "off", "-access-log=false"]);
const browser = await launch();
try {
  for (const s of shots) {
    const context = await browser.newContext({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(server.base + "/");
    // The page as a visitor who has chosen sees it: no cookie banner.
    await page.evaluate(() => {
      document.querySelectorAll(".nhsd-cookie-banner").forEach((e) => e.remove());
      document.documentElement.style.setProperty("scrollbar-width", "none");
    });
    const png = await page.screenshot({ type: "png" });
    writeFileSync(join(root, "web", "icons", s.file), png);
    console.log(`web/icons/${s.file}: ${s.width}x${s.height}, ${png.length} bytes`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
