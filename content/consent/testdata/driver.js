// Runs the configured codec (consent.Script) on the cases codec_test.go
// sends on standard input, and writes what it gives as JSON.
"use strict";
const fs = require("node:fs");
const vm = require("node:vm");

const input = JSON.parse(fs.readFileSync(0, "utf8"));
const page = { cookie: "" };
const ctx = vm.createContext({ crypto, document: page, location: { protocol: "https:" } });
vm.runInContext(input.script, ctx, { filename: "consent.js" });
const c = ctx.nhsdConsent;

// A record as Go's test compares it: choices in the categories' order.
const plain = (r) => r && { id: r.id, time: r.time, policy: r.policy, choices: c.categories.map((n) => r.choices[n]) };

const out = {
  categories: c.categories,
  values: input.records.map((r) => c.value(r)),
  parsed: input.values.map((v) => {
    const r = c.parse(v);
    return { record: plain(r), current: c.current(r), allows: c.categories.map((n) => c.allows(r, n)) };
  }),
  read: input.headers.map((h) => plain(c.parse(c.find(h)))),
  decided: input.forms.map((f) => {
    const d = c.decide(new URLSearchParams(f.form), f.current ? c.parse(f.current) : null);
    return d && { choices: c.categories.map((n) => d.choices[n]), note: d.note };
  }),
  local: input.paths.map((p) => c.localPath(p)),
  saved: input.saves.map((s) => {
    page.cookie = "";
    c.save(s.choices, s.earlier ? c.parse(s.earlier) : null);
    return page.cookie;
  }),
};
process.stdout.write(JSON.stringify(out));
