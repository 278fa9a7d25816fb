// Preview only: shows a saved change in the open page, updates the
// problems panel when a saved file is wrong (or fixed), and keeps the
// preview notice at the top of the page after the app takes over and as it
// navigates. The notice's HTML always comes from the server.
//
// Until the app runs, a change is shown by fetching the page again and
// putting its new main content (and title and notice) in place: nothing
// else is fetched, and scripts, scroll position and the open menu stay.
// When the header or footer changed too, or the app runs (its own tree
// would not know the new nodes), the page reloads; the WebAssembly and
// other files under hashed URLs come from the browser's cache.
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

  // Pages reached inside the app: their own notice.
  setInterval(() => {
    if (location.pathname !== path) {
      path = location.pathname;
      refresh();
    }
  }, 250);

  // The header and footer as served (go-app writes attributes in any
  // order, so they are compared as nodes, not text).
  const shellOf = (doc) => ["header", "footer"].map((t) => doc.querySelector(t)?.cloneNode(true));
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

  const events = new EventSource("/_preview/events");
  events.onmessage = async (e) => {
    const m = JSON.parse(e.data);
    if (!m.version || m.version === version) {
      refresh();
      return;
    }
    version = m.version;
    let shown = false;
    try {
      shown = await swap();
    } catch (err) {
      // the server is restarting: reload below
    }
    if (!shown) location.reload();
  };
})();
