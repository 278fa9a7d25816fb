// The site's service worker. The server fills in the {{...}} values, and
// puts the consent cookie's codec (content/consent/consent.js, configured)
// in place of the comment after "use strict".
//
// - The shell (the offline page and what it needs: styles, the page
//   script, an icon) is necessary: it is saved when the worker installs,
//   and the worker does not install at all if any of it fails.
// - The app (go-app's scripts, the WebAssembly, the site settings, the
//   install icons: about 1.6 MB) is saved beside the shell only with the
//   visitor's consent to offline reading, and deleted when it goes; others
//   fetch it from the network when the client starts.
// - Pages, page data and the search index are saved for offline reading
//   only with the visitor's consent ("offline" in the consent cookie), and
//   deleted as soon as that consent is withdrawn.
// - Pages: network first with a short timeout, then the saved copy, then
//   the offline page. Page data and search index: the saved copy at once,
//   refreshed from the network whenever online (stale-while-revalidate).
// - Each version has its own shell cache; activating a version deletes the
//   older ones. Saved pages outlive versions but are bounded in count and age.
"use strict";
/*{{.ConsentCodec}}*/

const VERSION = "{{.Version}}";
const SHELL = "nhsd-shell-" + VERSION;
const PAGES = "nhsd-pages";
const DATA = "nhsd-data";
const SEARCH = "nhsd-search";
const KEEP = new Set([SHELL, PAGES, DATA, SEARCH]);
const SHELL_FILES = /*{{.Shell}}*/ [];
const APP_FILES = /*{{.App}}*/ [];
const SHELL_PATHS = new Set(SHELL_FILES.concat(APP_FILES).map((u) => new URL(u, self.location.origin).pathname));
const OFFLINE_URL = "{{.Offline}}";
const SEARCH_URL = "{{.Search}}";
const CONSENT = self.nhsdConsent;
const TITLE_SUFFIX = "{{.TitleSuffix}}";
// The site's words for the offline page's list (site.json
// "words.offline"): notSaved as text, the others as HTML.
const WORDS = /*{{.Words}}*/ {};
// The offline page's heading above its list of saved pages, and the
// paragraph after it, which the list replaces.
const SAVED_LIST = /(<h2[^>]*id="{{.SavedPagesID}}"[^>]*>[\s\S]*?<\/h2>\s*)<p[^>]*>[\s\S]*?<\/p>/;
const APP_SCRIPT = /<script[^>]*src="\/app\.js[^"]*"[^>]*><\/script>/;

const NAV_TIMEOUT_MS = 3000;
const MAX_PAGES = 100;
const MAX_QUERY_PAGES = 20; // of MAX_PAGES, at most this many with a query
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;
const MAX_SEARCH_FILES = 3000;

// ---------------------------------------------------------------------------
// Install and activate
// ---------------------------------------------------------------------------

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    try {
      const cache = await caches.open(SHELL);
      await cache.addAll(SHELL_FILES);
    } catch (err) {
      console.error("Service worker " + VERSION + " was not installed: saving the offline page failed.", err);
      await caches.delete(SHELL);
      throw err;
    }
    if ((await consent()) === true) await saveApp();
  })());
});

// saveApp saves the app beside the shell, for offline reading; a file that
// fails is fetched again the next time.
async function saveApp() {
  const cache = await caches.open(SHELL);
  await Promise.all(APP_FILES.map(async (u) => {
    if (await cache.match(u)) return;
    try {
      await cache.add(u);
    } catch (err) {
      // the network again next time
    }
  }));
}

async function forgetApp() {
  const cache = await caches.open(SHELL);
  await Promise.all(APP_FILES.map((u) => cache.delete(u)));
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (!KEEP.has(name)) await caches.delete(name);
    }
    await expire();
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const msg = event.data || {};
  if (msg.type === "skip-waiting") {
    self.skipWaiting();
  } else if (msg.type === "consent") {
    posted = typeof msg.value === "string" ? msg.value : "";
    event.waitUntil(allows(posted) ? saveApp() : forget());
  }
});

// ---------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------

// The consent cookie's value as a page last reported it, for browsers
// without the Cookie Store API in workers; null until one does.
let posted = null;
let mayHoldSaved = true;

function allows(value) {
  return CONSENT.allows(CONSENT.parse(value), "offline");
}

// consent answers true (saving allowed), false (not allowed: anything saved
// is deleted) or null (not known yet: nothing saved, nothing deleted).
async function consent() {
  let value = posted;
  if (self.cookieStore) {
    try {
      const c = await self.cookieStore.get(CONSENT.cookie);
      value = c ? c.value : "";
    } catch (err) {
      // keep what a page told us
    }
  }
  if (value === null) return null;
  const ok = allows(value);
  if (!ok && mayHoldSaved) await forget();
  return ok;
}

async function forget() {
  mayHoldSaved = false;
  await Promise.all([caches.delete(PAGES), caches.delete(DATA), caches.delete(SEARCH), forgetApp()]);
}

// ---------------------------------------------------------------------------
// Fetch
// ---------------------------------------------------------------------------

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  if (url.origin !== self.location.origin || url.pathname === "/app-worker.js") return;
  if (req.mode === "navigate") {
    event.respondWith(page(event, url));
  } else if (url.pathname.startsWith("/page-data/")) {
    event.respondWith(data(event, url, DATA));
  } else if (url.pathname.startsWith("/search-index/")) {
    event.respondWith(data(event, url, SEARCH));
  } else if (SHELL_PATHS.has(url.pathname)) {
    event.respondWith(shellFile(req));
  }
});

// A page: the network if it answers within NAV_TIMEOUT_MS, else the saved
// copy, else whatever the network answers in the end, else the offline page.
async function page(event, url) {
  const asked = consent(); // in parallel with the network
  const network = fetch(event.request).then(async (res) => {
    if ((await asked) === true && savable(res, "text/html")) {
      await savePage(pageKey(url), res.clone());
      event.waitUntil(warmSearch());
    }
    return res;
  });
  event.waitUntil(network.then(() => {}, () => {}));
  // Why the saved copy stands in, which the page says: no answer at all
  // (offline), no answer yet (slow), or a server error.
  let res = null;
  let why = "slow";
  try {
    res = await Promise.race([network, delay(NAV_TIMEOUT_MS)]);
    if (res) why = "error";
  } catch (err) {
    res = null;
    why = "offline";
  }
  if (res && res.status < 500) return res;
  const saved = await savedPage(url, why);
  if (saved) return saved;
  if (res) return res;
  try {
    return await network;
  } catch (err) {
    return offlinePage(await asked);
  }
}

// Page data and search index files: the saved copy at once, refreshed from
// the network; without consent, the network only.
async function data(event, url, name) {
  const req = event.request;
  const shell = await caches.match(req, { cacheName: SHELL, ignoreVary: true });
  if (shell) return shell;
  const state = await consent();
  const cache = state === true ? await caches.open(name) : await openIfExists(name);
  const hit = cache ? await cache.match(req) : null;
  const network = fetch(req).then(async (res) => {
    if (state === true && savable(res, "")) await saveData(event, cache, url, name, res.clone());
    return res;
  });
  if (hit) {
    event.waitUntil(network.then(() => {}, () => {}));
    return hit;
  }
  try {
    return await network;
  } catch (err) {
    // Offline: an older version's copy of the same file will do, except
    // for index shards and documents, which only match their own index.
    if (cache && !/\/(shard|doc)-\d+\./.test(url.pathname)) {
      const old = await cache.match(req, { ignoreSearch: true });
      if (old) return old;
    }
    throw err;
  }
}

// Shell files: the saved copy; offline, a file of another version under the
// same path (a page saved before a deploy names the old file).
async function shellFile(req) {
  const cache = await caches.open(SHELL);
  const hit = await cache.match(req, { ignoreVary: true });
  if (hit) return hit;
  try {
    return await fetch(req);
  } catch (err) {
    const other = await cache.match(req, { ignoreSearch: true, ignoreVary: true });
    if (other) return other;
    throw err;
  }
}

// ---------------------------------------------------------------------------
// Saving
// ---------------------------------------------------------------------------

// savable: a whole answer of this site, of the type, that may be kept. A
// redirect is kept only from /a/b to /a/b/, as a static host answers.
function savable(res, type, key) {
  const moved = res.redirected && !(key && pageKey(new URL(res.url)) === key);
  return res.status === 200 && res.type === "basic" && !moved &&
    !/no-store/i.test(res.headers.get("Cache-Control") || "") &&
    (res.headers.get("Content-Type") || "").startsWith(type);
}

function stamped(res, body, extra) {
  const headers = new Headers(res.headers);
  headers.delete("Content-Encoding");
  headers.delete("Content-Length");
  headers.delete("Vary");
  headers.set("X-Saved-At", String(Date.now()));
  for (const k in extra) headers.set(k, extra[k]);
  return new Response(body, { status: 200, headers });
}

async function savePage(key, res) {
  const text = await res.text();
  const m = /<title>([^<]*)<\/title>/.exec(text);
  let title = m ? m[1] : key;
  if (title.endsWith(TITLE_SUFFIX)) title = title.slice(0, -TITLE_SUFFIX.length);
  const cache = await caches.open(PAGES);
  mayHoldSaved = true;
  await cache.put(key, stamped(res, text, { "X-Title": encodeURIComponent(title) }));
  await trim(cache, MAX_PAGES);
  if (key.includes("?")) await trimQueries(cache, MAX_QUERY_PAGES);
}

// trimQueries keeps the newest max pages saved with a query (searches,
// filtered lists), so they cannot push out the pages read.
async function trimQueries(cache, max) {
  const keys = (await cache.keys()).filter((req) => new URL(req.url).search !== "");
  for (let i = 0; i < keys.length - max; i++) await cache.delete(keys[i]);
}

async function saveData(event, cache, url, name, res) {
  mayHoldSaved = true;
  if (name === DATA) {
    // One copy per path: drop other versions' copies.
    await cache.delete(url.origin + url.pathname, { ignoreSearch: true });
    await cache.put(url.href, stamped(res, await res.blob(), {}));
    await trim(cache, MAX_PAGES + 2);
    // Pages reached inside the app fetch only their data: save the page
    // itself too, so it opens offline from its address.
    const path = pagePathOf(url.pathname);
    if (path) event.waitUntil(savePageIfMissing(path));
    return;
  }
  await cache.put(url.href, stamped(res, await res.blob(), {}));
  if (url.pathname.endsWith("/meta.json")) event.waitUntil(warmSearch());
}

async function savePageIfMissing(path) {
  const key = self.location.origin + path;
  const cache = await caches.open(PAGES);
  if (await cache.match(key)) return;
  try {
    const res = await fetch(key, { credentials: "same-origin" });
    if (savable(res, "text/html", key)) await savePage(key, res);
  } catch (err) {
    // offline now: the page will be saved next time
  }
}

function pagePathOf(pathname) {
  const m = /^\/page-data(\/.*)\.json$/.exec(pathname);
  if (!m || m[1] === "/site" || m[1] === OFFLINE_URL) return "";
  return m[1] === "/index" ? "/" : m[1];
}

// warmSearch saves, once a version, what search needs offline: the search
// page, its data and the whole index (up to MAX_SEARCH_FILES files).
let warming = null;
function warmSearch() {
  if (!warming) {
    warming = warm().catch((err) => {
      warming = null;
      console.warn("Saving the search index for offline use failed; it will be tried again.", err);
    });
  }
  return warming;
}

async function warm() {
  if ((await consent()) !== true) {
    warming = null;
    return;
  }
  await savePageIfMissing(SEARCH_URL);
  await saveIfMissing(await caches.open(DATA), "/page-data" + SEARCH_URL + ".json?v=" + VERSION);
  const cache = await caches.open(SEARCH);
  const meta = await saveIfMissing(cache, "/search-index/meta.json?v=" + VERSION);
  if (!meta) throw new Error("the search index's meta file could not be fetched");
  const m = await meta.json();
  const urls = [];
  for (let i = 0; i < m.shards.length; i++) urls.push("/search-index/shard-" + i + ".txt?v=" + m.v);
  for (let i = 0; i < m.n && urls.length < MAX_SEARCH_FILES; i++) urls.push("/search-index/doc-" + i + ".json?v=" + m.v);
  // Keep one index: drop files of other index versions.
  for (const req of await cache.keys()) {
    const v = new URL(req.url).searchParams.get("v");
    if (v !== m.v && v !== VERSION) await cache.delete(req);
  }
  let next = 0;
  const worker = async () => {
    while (next < urls.length) await saveIfMissing(cache, urls[next++]);
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
}

// saveIfMissing returns the saved copy of url in cache, fetching and
// saving it first if there is none; null if it cannot be had.
async function saveIfMissing(cache, url) {
  const hit = await cache.match(url);
  if (hit) return hit;
  const res = await fetch(url);
  if (!savable(res, "")) return null;
  await cache.put(url, stamped(res, await res.clone().blob(), {}));
  return res;
}

// trim keeps the newest max entries of a cache (keys are in insertion order).
async function trim(cache, max) {
  const keys = await cache.keys();
  for (let i = 0; i < keys.length - max; i++) await cache.delete(keys[i]);
}

// expire deletes saved pages and data older than MAX_AGE_MS.
async function expire() {
  for (const name of [PAGES, DATA]) {
    const cache = await openIfExists(name);
    if (!cache) continue;
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      if (!res || Date.now() - Number(res.headers.get("X-Saved-At") || 0) > MAX_AGE_MS) await cache.delete(req);
    }
  }
}

// ---------------------------------------------------------------------------
// Answers offline
// ---------------------------------------------------------------------------

async function savedPage(url, why) {
  const cache = await openIfExists(PAGES);
  const res = cache && await cache.match(pageKey(url));
  if (!res) return null;
  const at = res.headers.get("X-Saved-At") || "";
  if (Date.now() - Number(at) > MAX_AGE_MS) return null;
  const text = await res.text();
  // Mark the copy, so the page can say it is a saved copy.
  return new Response(text.replace("<html", '<html data-nhsd-saved="' + at + '" data-nhsd-saved-why="' + why + '"'), { status: 200, headers: res.headers });
}

async function offlinePage(state) {
  const shell = await caches.open(SHELL);
  const res = await shell.match(OFFLINE_URL, { ignoreVary: true });
  if (!res) {
    return new Response(WORDS.notSaved, {
      status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" },
    });
  }
  // Without the app's script the page stays the offline page: the app
  // would otherwise render the asked-for page from whatever data the
  // browser still holds.
  const list = await savedList(state);
  const text = (await res.text()).replace(SAVED_LIST, (m, heading) => heading + list).replace(APP_SCRIPT, "");
  return new Response(text, { status: 503, headers: res.headers });
}

async function savedList(state) {
  const cache = await openIfExists(PAGES);
  const items = [];
  if (cache) {
    for (const req of await cache.keys()) {
      const res = await cache.match(req);
      const at = Number(res && res.headers.get("X-Saved-At"));
      if (!res || Date.now() - at > MAX_AGE_MS) continue;
      const u = new URL(req.url);
      items.push({ href: u.pathname + u.search, title: decodeURIComponent(res.headers.get("X-Title") || ""), at });
    }
  }
  items.sort((a, b) => b.at - a.at);
  let inner;
  if (items.length > 0) {
    inner = '<ul class="nhsd-list nhsd-saved-pages__list">' + items.map((i) =>
      '<li><a class="nhsd-link" href="' + escapeAttr(i.href) + '">' + i.title + "</a> " +
      '<span class="nhsd-saved-pages__date">' + WORDS.saved.replace("{date}", formatDate(i.at)) + "</span></li>").join("") + "</ul>";
  } else if (state === false) {
    inner = '<p class="nhsd-body">' + WORDS.noneTurnedOff + "</p>";
  } else {
    inner = '<p class="nhsd-body">' + WORDS.none + "</p>";
  }
  return '<div id="nhsd-saved-pages" class="nhsd-saved-pages">' + inner + "</div>";
}

// ---------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------

// pageKey is the URL a page is saved under: without a trailing slash, so
// /a/b and /a/b/ are one page, and with its query in a fixed order, so a
// search or a filtered catalogue is saved as itself (/search?q=dementia is
// not /search?q=spine). Notes of a cookie choice are not part of a page.
function pageKey(url) {
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : url.pathname;
  const q = new URLSearchParams(url.search);
  q.delete("consent");
  q.delete("saved");
  q.sort();
  const query = q.toString();
  return url.origin + path + (query ? "?" + query : "");
}

async function openIfExists(name) {
  return (await caches.has(name)) ? caches.open(name) : null;
}

function delay(ms) {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

function escapeAttr(s) {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

function formatDate(ms) {
  return new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}
