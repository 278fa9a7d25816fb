// The consent cookie in JavaScript: the only code that reads or writes it
// in the page's scripts (web/pwa.js, web/static.js) and in the service
// worker (server/worker.js), none of which needs the WebAssembly client.
//
// The Go package beside this file owns the format and the form's decision
// table; this is their mirror. The server serves it configured from the Go
// package (consent.Script): the comment before the closing call below is
// replaced by the cookie's name and lifetime, the categories in their
// order with the letter each is written as, the category "Allow videos"
// turns on, and the policy version in force. In a page it is
// /web/consent.js, loaded before the scripts that use it; the service
// worker carries it inline. TestCodecAgrees (consent_test.go) runs it under
// Node against the Go codec for every combination of choices and forms.
"use strict";
globalThis.nhsdConsent = ((config) => {
  const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  const POLICY = /^[A-Za-z0-9-]{1,32}$/;
  const SECONDS = /^[+-]?[0-9]+$/;
  const DAY = 24 * 60 * 60;
  const categories = config.categories.map((c) => c.name);

  // parse reads a cookie value as Parse does: a record, or null for
  // anything malformed, oversized, tampered with, from the future or
  // expired (no consent, so the banner asks again).
  function parse(v) {
    if (typeof v !== "string" || v.length > 200) return null;
    const parts = v.split(".");
    if (parts.length !== 4 || !UUID.test(parts[0]) || parts[3].length !== categories.length || !POLICY.test(parts[2])) {
      return null;
    }
    const time = SECONDS.test(parts[1]) ? Number(parts[1]) : 0;
    const now = Date.now() / 1000;
    if (!(time > 0) || time > now + DAY || now - time > config.maxAge + DAY) return null;
    const choices = {};
    for (let i = 0; i < categories.length; i++) {
      const c = config.categories[i];
      if (parts[3][i] === c.yes) choices[c.name] = true;
      else if (parts[3][i] === c.no) choices[c.name] = false;
      else return null;
    }
    return { id: parts[0], time, policy: parts[2], choices };
  }

  // value writes a record as Record.Value does: id.time.policy.letters.
  function value(rec) {
    const letters = config.categories.map((c) => (rec.choices[c.name] ? c.yes : c.no)).join("");
    return [rec.id, rec.time, rec.policy, letters].join(".");
  }

  // find returns the consent cookie's value in a Cookie header or
  // document.cookie, as FromCookieHeader finds it; "" when there is none.
  function find(header) {
    for (const part of String(header || "").split(";")) {
      const kv = part.trim();
      const eq = kv.indexOf("=");
      if (eq >= 0 && kv.slice(0, eq) === config.cookie) return kv.slice(eq + 1);
    }
    return "";
  }

  // current reports whether a record answers the policy version in force.
  const current = (rec) => rec !== null && rec !== undefined && rec.policy === config.policy;

  // allows reports whether a record in force allows a category.
  const allows = (rec, category) => current(rec) && rec.choices[category] === true;

  // decide reads a consent form as Decide does: form is a FormData or
  // URLSearchParams, rec the visitor's record in force (or null). It
  // returns the choices to record and the note for the address the
  // visitor goes back to, or null when the form says nothing it knows.
  function decide(form, rec) {
    const chose = form.get("consent");
    const choices = {};
    categories.forEach((c) => { choices[c] = false; });
    let note;
    if (chose === "accept") {
      categories.forEach((c) => { choices[c] = true; });
      note = "consent=accepted";
    } else if (chose === "reject" || form.has("withdraw")) {
      note = form.has("withdraw") ? "saved=withdrawn" : "consent=rejected";
    } else if (chose === "media") {
      // "Allow videos" on a video's placeholder: the rest as it was.
      if (current(rec)) categories.forEach((c) => { choices[c] = rec.choices[c] === true; });
      choices[config.media] = true;
      note = "consent=media";
    } else if (form.has("save")) {
      categories.forEach((c) => { choices[c] = form.get(c) === "yes"; });
      note = "saved=1";
    } else {
      return null;
    }
    return { choices, note };
  }

  function newID() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  // save sets the cookie as the server does after a form: choices made
  // now under the policy in force, keeping the ID of any earlier record.
  function save(choices, earlier) {
    const rec = { id: earlier ? earlier.id : newID(), time: Math.floor(Date.now() / 1000), policy: config.policy, choices };
    document.cookie = `${config.cookie}=${value(rec)}; Path=/; Max-Age=${config.maxAge}; SameSite=Lax` +
      (location.protocol === "https:" ? "; Secure" : "");
    return rec;
  }

  // localPath is content.LocalPath: whether a path can only lead to this site.
  const localPath = (p) => typeof p === "string" && p.startsWith("/") && !p.startsWith("//") && !/[\\?#\x00-\x1f\x7f]/.test(p);

  return { cookie: config.cookie, categories, parse, value, find, current, allows, decide, save, localPath };
})(/* consent.Script: configuration */ null);
