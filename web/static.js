// On a static copy of the site (make static) no server answers the cookie
// forms, so this script records the choice in the browser, exactly as the
// server would (server/consent.go): the same decision, cookie, value and
// lifetime, then back to the page with the same note in its address. The
// consent codec (/web/consent.js, loaded just before this script) decides
// and writes the cookie, as content/consent does on the server.
"use strict";
(() => {
  // No server answers the feedback forms: site.css shows, in their place,
  // where to send feedback instead.
  document.documentElement.classList.add("nhsd-static");
  const codec = self.nhsdConsent;
  if (!codec) return;

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || new URL(form.action, location.href).pathname !== "/consent") return;
    event.preventDefault();
    const data = new FormData(form, event.submitter);
    // Any earlier record keeps its ID; only one in force keeps its choices.
    const earlier = codec.parse(codec.find(document.cookie));
    const decision = codec.decide(data, codec.current(earlier) ? earlier : null);
    if (!decision) return;
    codec.save(decision.choices, earlier);
    const back = data.get("return");
    location.assign((codec.localPath(back) ? back : "/") + "?" + decision.note);
  });
})();
