// The page's own script, which runs at once (the WebAssembly client starts
// on the visitor's first interaction):
// - with consent to statistics, it counts this page view;
// - after a cookie choice, the confirmation takes focus;
// - the phone Menu opens and closes before the client runs, and without it;
// - a button only the client answers, pressed before it started, is
//   pressed again once it runs;
// and the page's side of offline reading and updates:
// - a "You are offline" notice while there is no connection, or when the
//   service worker has answered with a saved copy of the page;
// - a "new version" notice with a Reload button when a new version of the
//   site has been installed and waits; Reload switches every open page to it;
// - it tells the service worker the visitor's consent record, for browsers
//   whose workers cannot read cookies;
// - an "Install this site" button where the browser offers installation.
// Notices sit in one polite live region after the app, so screen readers
// announce them without moving focus. The consent cookie is read with the
// consent codec (/web/consent.js, loaded just before this script).
(() => {
  "use strict";
  const codec = self.nhsdConsent;
  // The consent cookie's value, read once the page has loaded (see
  // afterLoad): null until then, and when the codec did not load.
  let consent = null;
  const root = document.documentElement;
  // The site's words for the notices (site.json "words.notices"), which
  // the server puts here.
  const words = /*{{.Words}}*/ {};

  // A static host may answer /a/b by redirecting to /a/b/ (where its
  // index.html is): show the page's own address, the one the app and the
  // saved copies use.
  if (location.pathname.length > 1 && location.pathname.endsWith("/")) {
    history.replaceState(history.state, "", location.pathname.replace(/\/+$/, "") + location.search + location.hash);
  }

  // --- Back and Forward before the client runs --------------------------------
  // The client adds history entries as it navigates. Once the page has
  // been loaded again (a reload, or a page the client left to the
  // browser), Back and Forward can reach those entries in this document:
  // the address changes and nothing renders the page for it until the
  // client runs. The browser loads it instead. An entry that differs only
  // in its fragment is this page's own; the address this script writes
  // (the catalogue's filters) is this page too.
  let shown = location.pathname + location.search;
  addEventListener("popstate", (e) => {
    if (e.isTrusted && root.dataset.nhsdApp !== "ready" && location.pathname + location.search !== shown) location.reload();
  });

  // --- Page views ----------------------------------------------------------
  // Counted only with consent to statistics under the current policy, and
  // only for pages that exist (the server ignores other paths too). Views
  // inside the app are counted by the app.
  const countView = () => {
    const nav = performance.getEntriesByType("navigation")[0];
    const status = nav && nav.responseStatus;
    if (consent !== null && codec.allows(codec.parse(consent), "statistics") &&
        (status === undefined || status === 0 || status === 200) && !root.hasAttribute("data-nhsd-saved")) {
      fetch("/statistics", {
        method: "POST", body: location.pathname, keepalive: true, credentials: "same-origin",
        headers: { "Content-Type": "text/plain" },
      }).catch(() => {}); // offline: the view goes uncounted
    }
  };

  // afterLoad runs f in a task of its own once the page has loaded (in
  // the order asked): reading the consent cookie need not hold up the
  // task that makes the page answer.
  const afterLoad = (f) => {
    const later = () => setTimeout(f, 0);
    if (document.readyState === "complete") later();
    else addEventListener("load", later, { once: true });
  };

  // --- After a cookie choice -----------------------------------------------
  // The confirmation takes focus. (The server shows it only to the visitor
  // who chose, for a few minutes; the client takes the note of the choice
  // out of the address once it runs.)
  for (const id of ["nhsd-cookie-confirmation", "nhsd-cookies-saved"]) {
    const el = document.getElementById(id);
    if (el) {
      el.focus();
      break;
    }
  }

  // --- Before the client starts ---------------------------------------------
  // The Menu answers at once, before the client runs and if it never does,
  // as the client's does: it shows or hides the sections, says which with
  // aria-expanded, moves focus to the first section, and Escape closes it
  // and returns focus to the button. Once the client runs, it is the
  // client's.
  const menuButton = () => document.getElementById("nhsd-menu-button");
  let menuOpen = false;
  const setMenu = (open) => {
    menuOpen = open;
    const b = menuButton();
    b.setAttribute("aria-expanded", String(open));
    document.getElementById(b.getAttribute("aria-controls"))?.classList.toggle("nhsd-header__nav--open", open);
    (open ? document.querySelector("#nhsd-nav-list a") : b)?.focus();
  };
  document.addEventListener("click", (e) => {
    if (root.dataset.nhsdApp === "ready" || !(e.target.closest && e.target.closest("#nhsd-menu-button"))) return;
    setMenu(menuButton().getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", (e) => {
    if (root.dataset.nhsdApp === "ready" || e.key !== "Escape" || menuButton()?.getAttribute("aria-expanded") !== "true") return;
    if (e.target.closest && e.target.closest(".nhsd-header")) setMenu(false);
  });

  // Keys typed while the client takes the page over: between its removing
  // the prerendered field that had focus and focusing its own, a key lands
  // on the page's body and would be lost. They are kept, and typed into the
  // client's field once it runs.
  let lastField = "";
  let lost = "";
  document.addEventListener("focusin", (e) => {
    if (root.dataset.nhsdApp !== "ready" && e.target.matches && e.target.matches("input[id], textarea[id]")) lastField = e.target.id;
  });
  // The visitor leaving the field (a click elsewhere) is not the take-over:
  // keys on the body are then theirs (a space to scroll).
  document.addEventListener("focusout", (e) => {
    if (root.dataset.nhsdApp !== "ready" && e.target.id === lastField && e.relatedTarget !== null) lastField = "";
  });
  document.addEventListener("pointerdown", (e) => {
    if (root.dataset.nhsdApp !== "ready" && e.target.id !== lastField) lastField = "";
  }, true);
  document.addEventListener("keydown", (e) => {
    if (root.dataset.nhsdApp === "ready" || !lastField || e.target !== document.body) return;
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) lost += e.key;
  }, true);

  // A link in a form's error summary moves focus to its field with the
  // field's label, or its group's legend, in view, so what the field is, its hint and
  // its error are on screen with it (the browser would scroll the field
  // alone to the top).
  document.addEventListener("click", (e) => {
    const a = e.target.closest && e.target.closest('.nhsd-error-summary a[href^="#"]');
    const field = a && document.getElementById(decodeURIComponent(a.getAttribute("href").slice(1)));
    if (!field) return;
    const fieldset = field.closest("fieldset");
    const legend = fieldset && fieldset.querySelector("legend");
    const label = legend || (field.id && document.querySelector('label[for="' + CSS.escape(field.id) + '"]'));
    if (!label) return;
    e.preventDefault();
    e.stopPropagation(); // (the client would follow the fragment link)
    label.scrollIntoView();
    field.focus({ preventScroll: true });
  });

  // The search page's "Filter" button (phones): it shows or hides the
  // filters, whether the client runs or not; after the client takes the
  // page over, the filters stay as they were.
  let filtersOpen = false;
  document.addEventListener("click", (e) => {
    const b = e.target.closest && e.target.closest(".nhsd-filter-toggle");
    if (!b) return;
    filtersOpen = b.getAttribute("aria-expanded") !== "true";
    b.setAttribute("aria-expanded", String(filtersOpen));
  });

  // The service catalogue's filters answer at once, before the client runs,
  // if it never does, and while it runs, by the same rule as the client's
  // (CataloguePage.matches): every service is on the page, those that do
  // not match are hidden, and the address keeps the filters, which is
  // where the client reads them from when it starts. While it runs, the
  // client keeps the typed words for its own renders and leaves the list
  // to this script: a render for every key would hold a slow phone's main
  // thread between keys (also on a catalogue the client navigated to).
  // Both set the same cards hidden, so whichever writes last, the page is
  // the same. The count's words come with the page (data-count-all,
  // data-count-some: {shown} and {all} are put in); the count's text is
  // changed in its own text node, which the client holds on to.
  {
    // Each card's words, lower-cased, read once for each card element.
    const texts = new WeakMap();
    const textOf = (li) => {
      let t = texts.get(li);
      if (t === undefined) {
        t = ((li.querySelector(".nhsd-card__link")?.textContent || "") + " " +
          (li.querySelector(".nhsd-card__summary")?.textContent || "")).toLowerCase();
        texts.set(li, t);
      }
      return t;
    };
    // Each card's topics, from its data-topics (a JSON list), read once
    // for each card element.
    const topics = new WeakMap();
    const topicsOf = (li) => {
      let t = topics.get(li);
      if (t === undefined) {
        try {
          t = JSON.parse(li.dataset.topics || "[]");
        } catch {
          t = null;
        }
        if (!Array.isArray(t)) t = [];
        topics.set(li, t);
      }
      return t;
    };
    const filters = ".nhsd-catalogue form.nhsd-filters";
    // The address keeps the filters: written at once for a choice in a
    // list or once the box is left ("change"), and for typing only when
    // the page is left (a link, a form, pagehide) or the client is about
    // to start (it reads the filters from the address). Writing it at each key held up the frame
    // that showed the key's list in Chromium: Event Timing gave a key 150
    // to 200 ms at 1× against 30 to 60 without, and a write 500 ms after
    // the last key held every key's frame until it was made.
    let pendingAddress = null;
    const writeAddress = () => {
      if (pendingAddress !== null && location.pathname + location.search !== pendingAddress) history.replaceState(history.state, "", pendingAddress);
      pendingAddress = null;
      shown = location.pathname + location.search;
    };
    addEventListener("pagehide", writeAddress);
    addEventListener("nhsd-client-start", writeAddress);
    // The client follows links and forms in the page itself (no pagehide).
    for (const type of ["click", "submit"]) {
      addEventListener(type, (e) => { if (type === "submit" || (e.target.closest && e.target.closest("a[href]"))) writeAddress(); }, true);
    }
    const filter = (typed) => {
      const form = document.querySelector(filters); // the client's, once it runs
      if (!form) return;
      const q = form.elements.q.value.trim().slice(0, 100);
      // ("any" is the value of "Any status" and "All topics": AnyOption.)
      const status = form.elements.status.value === "any" ? "" : form.elements.status.value;
      const topic = form.elements.topic.value === "any" ? "" : form.elements.topic.value;
      const words = q.toLowerCase().split(/\s+/).filter(Boolean);
      const cards = document.querySelectorAll(".nhsd-catalogue .nhsd-card");
      let shown = 0;
      for (const li of cards) {
        const ok = (!status || li.dataset.status === status) &&
          (!topic || topicsOf(li).includes(topic)) &&
          words.every((w) => textOf(li).includes(w));
        if (li.hidden === ok) li.hidden = !ok;
        if (ok) shown++;
      }
      const count = document.getElementById("nhsd-catalogue-count");
      if (count) {
        const template = shown === cards.length ? count.dataset.countAll : count.dataset.countSome;
        const text = template && template.replace("{shown}", String(shown)).replace("{all}", String(cards.length));
        if (text && count.firstChild && count.firstChild.nodeType === Node.TEXT_NODE) count.firstChild.nodeValue = text;
        else if (text) count.textContent = text;
      }
      const none = document.getElementById("nhsd-catalogue-none");
      if (none) none.hidden = shown > 0;
      const params = new URLSearchParams();
      if (q) params.set("q", q);
      if (status) params.set("status", status);
      if (topic) params.set("topic", topic);
      const query = params.toString();
      pendingAddress = location.pathname + (query ? "?" + query : "");
      if (!typed) writeAddress();
    };
    // On the document: the client replaces the form when it takes over.
    // Text typed into the box fires "input" at each key and "change" when
    // it is left; a list fires both at a choice.
    for (const type of ["input", "change"]) {
      document.addEventListener(type, (e) => {
        if (e.target.closest && e.target.closest(filters)) filter(type === "input" && e.target.type === "search");
      });
    }
  }

  // Focus stays with the control the visitor chose. A search filter, its
  // chip, a scope tab or a sort link answers inside the client by
  // rendering the page again, which replaces or moves the element that had
  // focus: it would drop to the page's body. Each such control names
  // itself (data-nhsd-focus) and what stands in for it once it is gone
  // (data-nhsd-focus-else: a removed chip's filter); as the page changes,
  // for a few seconds, focus is put back on it, unless the visitor has
  // moved on.
  // The page is watched only while there is a control to keep.
  let keep = null;
  const named = (key) => key && document.querySelector('[data-nhsd-focus="' + CSS.escape(key) + '"]');
  const watcher = new MutationObserver(() => {
    if (!keep || Date.now() > keep.until) return stopKeeping();
    const a = document.activeElement;
    const onOne = a && a !== document.body && a.dataset && a.dataset.nhsdFocus;
    if (a && a !== document.body && !onOne) return stopKeeping(); // the visitor went elsewhere
    if (onOne && a.dataset.nhsdFocus === keep.key) return;
    const el = named(keep.key) || (onOne && a.dataset.nhsdFocus === keep.alt ? null : named(keep.alt));
    if (!el) return;
    const folded = el.closest("details");
    if (folded && !folded.open) folded.open = true; // (a removed filter's list had closed)
    el.focus();
  });
  const stopKeeping = () => {
    keep = null;
    watcher.disconnect();
  };
  document.addEventListener("click", (e) => {
    const el = e.target.closest && e.target.closest("[data-nhsd-focus]");
    if (!el || root.dataset.nhsdApp !== "ready") return stopKeeping();
    keep = { key: el.dataset.nhsdFocus, alt: el.dataset.nhsdFocusElse || "", until: Date.now() + 3000 };
    watcher.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-nhsd-focus"] });
  }, true);

  // Any other button only the client answers (type="button"), pressed
  // before the client has started (the press is what starts it): press it
  // again once the client runs, so one press is enough. The Menu is
  // pressed again only if it was left open, so that the client's menu,
  // which starts closed, is open too.
  let pressed = "";
  const early = (e) => {
    const b = e.target.closest && e.target.closest('button[type="button"][id]');
    if (b && root.dataset.nhsdApp !== "ready") pressed = b.id;
  };
  document.addEventListener("click", early, true);
  new MutationObserver((_, observer) => {
    if (root.dataset.nhsdApp !== "ready") return;
    observer.disconnect();
    document.removeEventListener("click", early, true);
    const b = pressed && document.getElementById(pressed);
    if (b && (b.id !== "nhsd-menu-button" || menuOpen)) b.click();
    if (filtersOpen) document.querySelector(".nhsd-filter-toggle")?.setAttribute("aria-expanded", "true");
    const field = lost && document.getElementById(lastField);
    if (field && document.activeElement === field && typeof field.setRangeText === "function") {
      field.setRangeText(lost, field.selectionStart, field.selectionEnd, "end");
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    lost = "";
  }).observe(root, { attributes: true, attributeFilter: ["data-nhsd-app"] });

  // The visitor's consent: page views are counted with it, and the
  // service worker is told it (tell, below, once it is read). Where the
  // browser has the Cookie Store API, the cookie is read without waiting:
  // document.cookie holds the main thread until the network service
  // answers (2 to 9 ms after a page's load on this machine, measured).
  let consentRead = Promise.resolve();
  afterLoad(() => {
    if (!codec) return;
    const read = self.cookieStore
      ? cookieStore.get(codec.cookie).then((c) => (c ? c.value : ""), () => codec.find(document.cookie))
      : Promise.resolve(codec.find(document.cookie));
    consentRead = read.then((value) => {
      consent = value;
      countView();
    });
  });

  if (!("serviceWorker" in navigator)) return;
  const sw = navigator.serviceWorker;

  const region = document.createElement("div");
  region.className = "nhsd-notices";
  region.setAttribute("role", "region");
  region.setAttribute("aria-label", words.label);
  region.setAttribute("aria-live", "polite");
  document.body.appendChild(region);

  // Keep room for the notices at the bottom of the page, so they never
  // cover the footer or the element that has focus.
  // Only a change is written: setting the property on the root element
  // makes the browser work out the style of the whole page again (on a
  // slow phone a long task as the page loads, when nothing has changed).
  const makeRoom = () => {
    const fixed = region.children.length > 0 && getComputedStyle(region).position === "fixed";
    const height = fixed ? region.offsetHeight + "px" : "";
    if (root.style.getPropertyValue("--nhsd-notices-height") === height) return;
    if (height) root.style.setProperty("--nhsd-notices-height", height);
    else root.style.removeProperty("--nhsd-notices-height");
  };
  if ("ResizeObserver" in window) new ResizeObserver(makeRoom).observe(region);

  function show(id, text, button) {
    let el = document.getElementById(id);
    if (!el) {
      el = document.createElement("div");
      el.id = id;
      el.className = "nhsd-notice";
      region.appendChild(el);
    }
    el.textContent = "";
    const p = document.createElement("p");
    p.className = "nhsd-notice__text";
    p.textContent = text;
    el.appendChild(p);
    if (button) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "nhsd-button nhsd-button--reverse nhsd-notice__button";
      b.textContent = button.label;
      b.addEventListener("click", button.action);
      el.appendChild(b);
    }
    makeRoom();
  }

  // A notice's button that goes with its notice gives focus back to where
  // the visitor was before the notices (or to the main content), not to
  // the page's body.
  let beforeNotices = null;
  document.addEventListener("focusin", (e) => {
    if (!region.contains(e.target)) beforeNotices = e.target;
  });
  function hide(id) {
    const el = document.getElementById(id);
    if (el) {
      const hadFocus = el.contains(document.activeElement);
      el.remove();
      if (hadFocus) {
        const main = document.getElementById("main-content");
        if (beforeNotices && beforeNotices.isConnected) beforeNotices.focus();
        else if (main) {
          if (!main.hasAttribute("tabindex")) main.setAttribute("tabindex", "-1");
          main.focus({ preventScroll: true });
        }
      }
    }
    makeRoom();
  }

  // --- Offline -------------------------------------------------------------
  const onOfflinePage = document.getElementById("nhsd-saved-pages") !== null;
  // The service worker says why it answered with a saved copy
  // (data-nhsd-saved-why): no connection, a network too slow to answer in
  // time, or a server error. Only the first is "offline".
  const savedBecause = {
    slow: words.slow,
    error: words.error,
  };
  const showOffline = (offline) => {
    if (onOfflinePage) return; // the page itself says so
    const saved = root.dataset.nhsdSaved;
    const because = !offline && saved && savedBecause[root.dataset.nhsdSavedWhy];
    show("nhsd-offline-notice", because || (saved
      ? words.offlineSaved
      : words.offline));
  };
  window.addEventListener("offline", () => showOffline(true));
  window.addEventListener("online", () => {
    if (!root.dataset.nhsdSaved || root.dataset.nhsdSavedWhy === "offline") hide("nhsd-offline-notice");
    else showOffline(false);
  });
  if (root.dataset.nhsdSaved || !navigator.onLine) {
    // After the live region exists, so that it is announced.
    setTimeout(() => showOffline(!navigator.onLine), 100);
  }

  // --- Updates -------------------------------------------------------------
  let asked = false;
  const hadController = sw.controller !== null;
  const offerUpdate = (reg) => {
    show("nhsd-update-notice", words.update, {
      label: words.reload,
      action: () => {
        asked = true;
        if (reg && reg.waiting) {
          reg.waiting.postMessage({ type: "skip-waiting" });
          setTimeout(() => location.reload(), 3000); // in case the switch never comes
        } else {
          location.reload();
        }
      },
    });
  };
  sw.addEventListener("controllerchange", () => {
    if (!hadController) return; // the first install taking over, not an update
    if (asked) location.reload();
    else offerUpdate(null); // another tab switched versions: this one should reload too
  });

  sw.ready.then((reg) => {
    const check = () => reg.update().catch(() => {});
    const waiting = () => {
      if (reg.waiting && sw.controller) offerUpdate(reg);
    };
    waiting();
    reg.addEventListener("updatefound", () => {
      const w = reg.installing;
      if (w) w.addEventListener("statechange", () => { if (w.state === "installed") waiting(); });
    });
    // Look for a new version now and then, and when the visitor comes back.
    setInterval(check, 30 * 60 * 1000);
    document.addEventListener("visibilitychange", () => { if (document.visibilityState === "visible") check(); });
    window.addEventListener("online", check);
  });

  // --- Installing ------------------------------------------------------------
  // Where the browser offers to install the site, an "Install this site"
  // button says so (go-app's app.js no longer hides the browser's own
  // offer: the server takes its preventDefault out). "Not now" hides the
  // notice on this page; nothing is stored.
  let installEvent = null;
  window.addEventListener("beforeinstallprompt", (e) => {
    installEvent = e;
    show("nhsd-install-notice", words.install, {
      label: words.installButton,
      action: () => {
        const ev = installEvent;
        installEvent = null;
        hide("nhsd-install-notice");
        if (ev) ev.prompt().catch(() => {});
      },
    });
    const el = document.getElementById("nhsd-install-notice");
    const later = document.createElement("button");
    later.type = "button";
    later.className = "nhsd-button nhsd-button--reverse nhsd-notice__button";
    later.textContent = words.notNow;
    later.addEventListener("click", () => hide("nhsd-install-notice"));
    el.appendChild(later);
  });
  window.addEventListener("appinstalled", () => {
    installEvent = null;
    hide("nhsd-install-notice");
  });

  // --- Consent -------------------------------------------------------------
  const tell = () => {
    if (sw.controller && consent !== null) sw.controller.postMessage({ type: "consent", value: consent });
  };
  afterLoad(() => consentRead.then(tell));
  sw.addEventListener("controllerchange", tell);
})();
