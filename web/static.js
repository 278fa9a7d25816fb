// On a static copy of the site (make static) no server answers the cookie
// forms, so this script records the choice in the browser, exactly as the
// server would (server/consent.go): the same cookie, value and lifetime,
// then back to the page with the same note in its address.
"use strict";
(() => {
  // No server answers the feedback forms: site.css shows, in their place,
  // where to send feedback instead.
  document.documentElement.classList.add("nhsd-static");
  const me = document.currentScript;
  const NAME = me.dataset.cookie;
  const POLICY = me.dataset.policy;
  const CATEGORIES = me.dataset.categories.split(" ");
  const MAX_AGE = Number(me.dataset.maxAge);
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  // The visitor's earlier record, if any: its ID and choices.
  function previous() {
    const m = document.cookie.match(new RegExp("(?:^|;\\s*)" + NAME + "=([^;]*)"));
    const parts = m ? m[1].split(".") : [];
    if (parts.length !== 4 || !UUID.test(parts[0])) return null;
    const choices = {};
    CATEGORIES.forEach((c, i) => { choices[c] = parts[3].charAt(i) === c.charAt(0).toUpperCase(); });
    return { id: parts[0], current: parts[2] === POLICY, choices };
  }

  function newID() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // Where the form sends the visitor back to: a path of this site only.
  function back(p) {
    return typeof p === "string" && p.startsWith("/") && !p.startsWith("//") && !/[\\?#\r\n]/.test(p) ? p : "/";
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== "/consent") return;
    event.preventDefault();
    const data = new FormData(form, event.submitter);
    const old = previous();
    const choices = {};
    let note;
    const chose = data.get("consent");
    if (chose === "accept") {
      CATEGORIES.forEach((c) => { choices[c] = true; });
      note = "consent=accepted";
    } else if (chose === "reject" || data.has("withdraw")) {
      note = data.has("withdraw") ? "saved=withdrawn" : "consent=rejected";
    } else if (chose === "media") {
      if (old && old.current) Object.assign(choices, old.choices);
      choices.media = true;
      note = "consent=media";
    } else if (data.has("save")) {
      CATEGORIES.forEach((c) => { choices[c] = data.get(c) === "yes"; });
      note = "saved=1";
    } else {
      return;
    }
    const letters = CATEGORIES.map((c) => (choices[c] ? c.charAt(0).toUpperCase() : c.charAt(0))).join("");
    const value = [old ? old.id : newID(), Math.floor(Date.now() / 1000), POLICY, letters].join(".");
    document.cookie = `${NAME}=${value}; Path=/; Max-Age=${MAX_AGE}; SameSite=Lax` + (location.protocol === "https:" ? "; Secure" : "");
    location.assign(back(data.get("return")) + "?" + note);
  });
})();
