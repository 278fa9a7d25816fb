// Preview only: shows a saved change in the open page, updates the
// problems panel when a saved file is wrong (or fixed), and keeps the
// preview notice at the top of the page after the app takes over and as it
// navigates. The notice's HTML always comes from the server.
//
// Until the app runs, a change is shown by fetching the page again and
// putting its new main content (and title and notice) in place: nothing
// else is fetched, and scripts, scroll position and the open menu stay.
// When the header or footer changed too, the page reloads; the
// WebAssembly and other files under hashed URLs come from the browser's
// cache. Once the app runs, it shows the change itself (window.nhsdSaved,
// components/root_nav.go): it renders the site settings and the page's
// data in place, without reloading the page or the WebAssembly; the page
// reloads only if it cannot. The news of a change brings them (the event
// stream names the page's path), so nothing is fetched for it.
(() => {
  "use strict";
  const root = document.documentElement;
  let notice = document.getElementById("nhsd-preview");
  let version = notice ? notice.dataset.version : "";
  let path = location.pathname;

  // The app replaces the page when it starts: put the notice back, just
  // before the app, where the app never touches it.
  const place = () => {
    const app = document.getElementById("nhsd-app");
    if (notice && app && notice.parentNode !== document.body) document.body.insertBefore(notice, app);
  };
  new MutationObserver(() => { if (root.dataset.nhsdApp === "ready") place(); })
    .observe(root, { attributes: true, attributeFilter: ["data-nhsd-app"] });

  const refresh = async () => {
    try {
      const res = await fetch("/_preview/notice?path=" + encodeURIComponent(location.pathname), { credentials: "same-origin" });
      const box = document.createElement("div");
      box.innerHTML = await res.text();
      const fresh = box.firstElementChild;
      if (!fresh) return;
      if (notice) notice.innerHTML = fresh.innerHTML;
      else { notice = fresh; place(); }
    } catch (err) {
      // the server is restarting; the event stream reconnects
    }
  };

  // Pages reached inside the app: news with their own data, and their own
  // notice (listen, below: the stream's first message fetches it).
  setInterval(() => {
    if (location.pathname !== path) {
      path = location.pathname;
      listen();
    }
  }, 250);

  // The header and footer as served, compared as nodes (go-app writes
  // attributes in any order) with their text's white space collapsed, as
  // it shows: the server's first rendering of a page indents them more
  // deeply than the next.
  const bare = (node) => {
    const copy = node.cloneNode(true);
    const walk = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
    const texts = [];
    while (walk.nextNode()) texts.push(walk.currentNode);
    for (const t of texts) {
      const text = t.nodeValue.replace(/\s+/g, " ").trim();
      if (text) t.nodeValue = text;
      else t.remove();
    }
    return copy;
  };
  const shellOf = (doc) => ["header", "footer"].map((t) => { const n = doc.querySelector(t); return n && bare(n); });
  const sameShell = (a, b) => a.every((n, i) => n && b[i] && n.isEqualNode(b[i]));
  let shell = shellOf(document);

  // swap shows the page as it is now without reloading it; false when it
  // cannot (the app runs, the page or its header or footer changed shape).
  const swap = async () => {
    if (root.dataset.nhsdApp === "ready") return false;
    const res = await fetch(location.href, { credentials: "same-origin", cache: "no-store" });
    if (!res.ok) return false;
    const doc = new DOMParser().parseFromString(await res.text(), "text/html");
    const main = document.querySelector("main");
    const fresh = doc.querySelector("main");
    const freshNotice = doc.getElementById("nhsd-preview");
    if (!main || !fresh || !sameShell(shellOf(doc), shell) || root.dataset.nhsdApp === "ready") return false;
    main.replaceWith(document.importNode(fresh, true));
    document.title = doc.title;
    if (notice && freshNotice) {
      notice.innerHTML = freshNotice.innerHTML;
      notice.dataset.version = freshNotice.dataset.version;
    }
    return true;
  };

  // inApp has the running app show the change (m, the news of it, with
  // the page's data); false when it cannot.
  const inApp = (m) => new Promise((resolve) => {
    if (root.dataset.nhsdApp !== "ready" || typeof window.nhsdSaved !== "function") return resolve(false);
    window.nhsdSaved((ok) => resolve(ok === true), m);
  });

  const onNews = async (e) => {
    const m = JSON.parse(e.data);
    if (!m.version || m.version === version) {
      refresh();
      return;
    }
    version = m.version;
    let shown = false;
    try {
      shown = await inApp(m);
      if (shown) refresh(); // the notice, which the app does not render
      else shown = await swap();
    } catch (err) {
      // the server is restarting: reload below
    }
    if (!shown) location.reload();
  };

  // listen opens the stream of news for the page's path, in place of the
  // last one. Its first message is the content's version as it is: a save
  // made while it connects is shown then.
  let events = null;
  const listen = () => {
    if (events) events.close();
    events = new EventSource("/_preview/events?path=" + encodeURIComponent(path));
    events.onmessage = onNews;
  };
  listen();
})();
