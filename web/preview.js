// Preview only: reloads the page when the content changes, updates the
// problems panel when a saved file is wrong (or fixed), and keeps the
// preview notice at the top of the page after the app takes over and as it
// navigates. The notice's HTML always comes from the server.
(() => {
  "use strict";
  const root = document.documentElement;
  let notice = document.getElementById("nhsd-preview");
  const version = notice ? notice.dataset.version : "";
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

  const events = new EventSource("/_preview/events");
  events.onmessage = (e) => {
    const m = JSON.parse(e.data);
    if (m.version && m.version !== version) location.reload();
    else refresh();
  };
})();
