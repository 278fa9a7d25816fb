// The README's nginx server block for the dynamic server ("Behind a
// proxy"), as written there, in front of the real server run with
// -trusted-proxies: pages and headers pass, a cookie choice from a browser
// that sends Origin but no Sec-Fetch-Site works although nginx rewrites
// Host, one from another site is refused, /statistics is closed through
// the proxy, and the access log names the client nginx forwarded. nginx
// runs unprivileged, as in static.test.mjs.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { startServer, serveStatic, freePort, root } from "./helpers.mjs";

let server, nginx, dir;
const token = "operators-token-for-the-proxy-test";

before(async () => {
  server = await startServer(["-trusted-proxies", "127.0.0.1", "-log-format", "json", "-admin-addr", "off", "-stats-token", token]);
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("### Behind a proxy"));
  const block = /```nginx\n([\s\S]*?)```/.exec(section)[1];
  const port = await freePort();
  const conf = block
    .replace("server 127.0.0.1:8000;", `server 127.0.0.1:${server.port};`)
    .replace("listen 80;", `listen 127.0.0.1:${port};`);
  assert.notEqual(conf, block, "the README's block has the lines this test replaces");
  dir = mkdtempSync(join(tmpdir(), "nhsd-proxy-"));
  writeFileSync(join(dir, "nginx.conf"), `daemon off;
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  ${conf}
}
`);
  nginx = await serveStatic(process.env.NGINX || "/usr/sbin/nginx", ["-p", dir, "-c", join(dir, "nginx.conf")], port);
});

after(async () => {
  await nginx?.stop();
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function choose(origin) {
  return fetch(nginx.base + "/consent", {
    method: "POST", redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: origin },
    body: "consent=reject&return=%2Fservices%2Fspine",
  });
}

test("the README's nginx block serves the site, and the server reads the client through it", async () => {
  const page = await fetch(nginx.base + "/services/spine", { headers: { "X-Forwarded-For": "203.0.113.7" } });
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<h1[^>]*>Spine<\/h1>|Spine/);
  assert.equal(page.headers.get("x-frame-options"), "DENY");

  // nginx sends Host "nhsdigital" (the upstream's name); the origin check
  // reads X-Forwarded-Host.
  const ok = await choose(nginx.base);
  assert.equal(ok.status, 303, "a cookie choice from the site itself, through the proxy");
  assert.equal((await choose("https://evil.example")).status, 403, "a cookie choice from another site");
  assert.equal((await choose("null")).status, 403, "Origin: null");

  assert.equal((await fetch(nginx.base + "/statistics")).status, 403, "/statistics is not for requests through the proxy");
  // With the proxy's address (loopback) trusted, loopback is the proxy:
  // operators use the token.
  assert.equal((await fetch(server.base + "/statistics")).status, 403, "/statistics from a trusted proxy's address");
  assert.equal((await fetch(nginx.base + "/statistics", { headers: { Authorization: "Bearer " + token } })).status, 200, "/statistics with the token");

  // The client nginx names: X-Forwarded-For "203.0.113.7, 127.0.0.1"; the
  // right-most hop that is not a trusted proxy. (On loopback the test's
  // own address is the proxy's too, so the header it sent is believed.)
  await new Promise((r) => setTimeout(r, 200));
  const lines = server.output().split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l));
  const line = lines.find((l) => l.msg === "request" && l.path === "/services/spine");
  assert.ok(line, "an access log line for the page");
  assert.equal(line.client, "203.0.113.7");
  assert.equal(line.status, 200);
});
