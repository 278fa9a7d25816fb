//go:build !wasm

package server

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/consent"
	"nhsdigital/content/inline"
	"nhsdigital/content/pagetype"
	"nhsdigital/content/words"
)

// The service worker's script, a template the server fills in (worker.js
// says what it does). It replaces go-app's default worker.
//
//go:embed worker.js
var workerTemplate string

// offlinePath is the page the service worker shows for pages it has not
// saved; the content must have it (type "offline").
const offlinePath = pagetype.OfflinePath

// shellFiles are the URLs the service worker saves when it installs: the
// offline page and what it needs to show, a few kilobytes. Asset URLs carry
// their content hash, data URLs the site version.
func (s *Server) shellFiles() []string {
	files := []string{"/web/site.css", "/web/nojs.css", consentScript, "/web/pwa.js", favicon}
	if s.static {
		files = append(files, "/web/static.js")
	}
	return append(s.versionedAll(files), offlinePath, components.PageDataURL(offlinePath)+"?v="+s.version)
}

// appFiles are the client (go-app's scripts, the WebAssembly), the site
// settings it reads and what installing the site needs: about 1.6 MB,
// which the worker saves only for a visitor who chose offline reading.
// Others fetch them when the client starts, and keep them in the
// browser's ordinary cache.
func (s *Server) appFiles() []string {
	files := []string{
		"/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest", "/web/app.wasm", compileWorker,
		"/web/icons/icon-192.png", "/web/icons/icon-512.png", "/web/icons/maskable-512.png",
	}
	return append(s.versionedAll(files), components.SiteDataURL+"?v="+s.version)
}

// versionedAll is versioned for each of files that this server has.
func (s *Server) versionedAll(files []string) []string {
	out := make([]string, 0, len(files))
	for _, f := range files {
		if _, ok := s.assets[f]; ok {
			out = append(out, s.versioned(f))
		}
	}
	return out
}

// workerScript fills in the service worker template. The values in
// comments keep the template itself valid JavaScript.
func (s *Server) workerScript() []byte {
	shell, _ := json.Marshal(s.shellFiles())
	app, _ := json.Marshal(s.appFiles())
	site := s.store.Site()
	r := strings.NewReplacer(
		"/*{{.ConsentCodec}}*/", consent.Script(s.policy()),
		"{{.Version}}", s.version,
		"/*{{.Shell}}*/ []", string(shell),
		"/*{{.App}}*/ []", string(app),
		"{{.Offline}}", offlinePath,
		"{{.Search}}", pagetype.SearchPath,
		"{{.SavedPagesID}}", content.SavedPagesID,
		"{{.TitleSuffix}}", jsString(htmlEscape(" - "+site.Get("name").String())),
		"/*{{.Words}}*/ {}", offlineWords(s.words()),
	)
	return []byte(r.Replace(workerTemplate))
}

// offlineWords are the words of the offline page's list of saved pages,
// as a JavaScript object for the service worker: notSaved is text (a
// plain answer), the others HTML.
func offlineWords(w words.Words) string {
	b, _ := json.Marshal(map[string]string{
		"notSaved":      w.Get(words.OfflineNotSaved),
		"saved":         htmlEscape(w.Get(words.OfflineSaved)),
		"noneTurnedOff": inline.HTML(w.Get(words.OfflineNoneOff)),
		"none":          htmlEscape(w.Get(words.OfflineNone)),
	})
	return string(b)
}

// pageScript is web/pwa.js with the site's words for its notices
// (site.json "words.notices") in place.
func pageScript(script []byte, w words.Words) []byte {
	notices := map[string]string{}
	for _, k := range []words.Key{words.NoticesLabel, words.NoticeSlow, words.NoticeError, words.NoticeOfflineSaved, words.NoticeOffline,
		words.NoticeUpdate, words.NoticeReload, words.NoticeInstall, words.NoticeInstallButton, words.NoticeNotNow} {
		_, name := k.Split()
		notices[name] = w.Get(k)
	}
	b, _ := json.Marshal(notices)
	return bytes.Replace(script, []byte("/*{{.Words}}*/ {}"), b, 1)
}

// jsString escapes s for a double-quoted JavaScript string.
func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b[1 : len(b)-1])
}

// manifest is the web app manifest: what an installed copy of the site is
// called, how it opens and its icons, all served from this site.
func (s *Server) manifest() []byte {
	site := s.store.Site()
	name := site.Get("name").String()
	type icon struct {
		Src     string `json:"src"`
		Sizes   string `json:"sizes"`
		Type    string `json:"type"`
		Purpose string `json:"purpose"`
	}
	type screenshot struct {
		Src        string `json:"src"`
		Sizes      string `json:"sizes"`
		Type       string `json:"type"`
		FormFactor string `json:"form_factor"`
		Label      string `json:"label"`
	}
	type shortcut struct {
		Name  string `json:"name"`
		URL   string `json:"url"`
		Icons []icon `json:"icons"`
	}
	// Shortcuts (a long press on the installed app's icon): the pages
	// people go to most, named by their own titles.
	var shortcuts []shortcut
	for _, t := range []string{pagetype.Search, pagetype.ServiceCatalogue, pagetype.NewsIndex} {
		if d, ok := s.store.Doc(pagetype.PathOf(t)); ok {
			shortcuts = append(shortcuts, shortcut{d.Title, d.Path, []icon{{s.versioned("/web/icons/icon-192.png"), "192x192", "image/png", "any"}}})
		}
	}
	// Screenshots of the home page (tools/screenshots.mjs), shown by
	// browsers when they offer to install the site.
	var shots []screenshot
	for _, sh := range Screenshots {
		if _, ok := s.assets[sh.Path]; ok {
			shots = append(shots, screenshot{s.versioned(sh.Path), fmt.Sprintf("%dx%d", sh.Width, sh.Height), "image/png", sh.FormFactor, name + ": " + sh.Label})
		}
	}
	m := struct {
		ID              string       `json:"id"`
		Name            string       `json:"name"`
		ShortName       string       `json:"short_name"`
		Description     string       `json:"description"`
		Lang            string       `json:"lang"`
		Dir             string       `json:"dir"`
		StartURL        string       `json:"start_url"`
		Scope           string       `json:"scope"`
		Display         string       `json:"display"`
		ThemeColor      string       `json:"theme_color"`
		BackgroundColor string       `json:"background_color"`
		Categories      []string     `json:"categories"`
		Icons           []icon       `json:"icons"`
		Shortcuts       []shortcut   `json:"shortcuts,omitempty"`
		Screenshots     []screenshot `json:"screenshots,omitempty"`
	}{
		ID: "/", Name: name, ShortName: name, Description: site.Get("description").String(),
		Lang: "en-GB", Dir: "ltr", StartURL: "/", Scope: "/", Display: "standalone",
		ThemeColor: themeColor, BackgroundColor: backgroundColor,
		Categories: []string{"health", "government", "medical"},
		Icons: []icon{
			{s.versioned("/web/icons/icon-192.png"), "192x192", "image/png", "any"},
			{s.versioned("/web/icons/icon-512.png"), "512x512", "image/png", "any"},
			{s.versioned("/web/icons/maskable-512.png"), "512x512", "image/png", "maskable"},
			{s.versioned("/web/icons/icon.svg"), "any", "image/svg+xml", "any"},
		},
		Shortcuts:   shortcuts,
		Screenshots: shots,
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return b
}

// Screenshots are the manifest's screenshots of the home page, taken in
// Chromium by tools/screenshots.mjs (make screenshots) at these sizes.
var Screenshots = []struct {
	Path          string
	Width, Height int
	FormFactor    string
	Label         string
}{
	{"/web/icons/screenshot-narrow.png", 390, 844, "narrow", "the home page on a phone"},
	{"/web/icons/screenshot-wide.png", 1280, 800, "wide", "the home page on a computer"},
}

const (
	themeColor      = "#005eb8"
	backgroundColor = "#ffffff"
)

// privateWorker replaces the service worker of a private site: it saves
// nothing, deletes what an earlier worker on this address saved, and
// unregisters.
const privateWorker = `// Nothing is saved on the device.
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.map((n) => caches.delete(n))))
    .then(() => self.registration.unregister()));
});
`
