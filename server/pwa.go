//go:build !wasm

package server

import (
	_ "embed"
	"encoding/json"
	"strings"

	"nhsdigital/components"
	"nhsdigital/content"
	"nhsdigital/content/consent"
)

// The service worker's script, a template the server fills in (worker.js
// says what it does). It replaces go-app's default worker.
//
//go:embed worker.js
var workerTemplate string

// offlinePath is the page the service worker shows for pages it has not
// saved; the content must have it (type "offline").
const offlinePath = "/offline"

// shellFiles are the URLs the service worker saves when it installs: what
// any page needs to run, and the offline page. Asset URLs carry their
// content hash, data URLs the site version.
func (s *Server) shellFiles() []string {
	files := []string{
		"/app.js", "/wasm_exec.js", "/app.css", "/manifest.webmanifest",
		"/web/app.wasm", "/web/site.css", "/web/nojs.css", "/web/pwa.js",
		"/web/icons/icon-192.png", "/web/icons/icon-512.png", "/web/icons/maskable-512.png", "/web/icons/icon.svg",
	}
	if s.static {
		files = append(files, "/web/static.js")
	}
	out := make([]string, 0, len(files)+3)
	for _, f := range files {
		if _, ok := s.assets[f]; ok {
			out = append(out, s.versioned(f))
		}
	}
	return append(out, offlinePath,
		components.SiteDataURL+"?v="+s.version,
		components.PageDataURL(offlinePath)+"?v="+s.version)
}

// workerScript fills in the service worker template.
func (s *Server) workerScript() []byte {
	shell, _ := json.Marshal(s.shellFiles())
	site := s.store.Site()
	r := strings.NewReplacer(
		"{{.Version}}", s.version,
		"{{.Shell}}", string(shell),
		"{{.Offline}}", offlinePath,
		"{{.Search}}", "/search",
		"{{.SavedPagesID}}", content.SavedPagesID,
		"{{.ConsentCookie}}", consent.CookieName,
		"{{.Policy}}", site.Get("cookiePolicy").String(),
		"{{.TitleSuffix}}", jsString(htmlEscape(" - "+site.Get("name").String())),
	)
	return []byte(r.Replace(workerTemplate))
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
	m := struct {
		ID              string   `json:"id"`
		Name            string   `json:"name"`
		ShortName       string   `json:"short_name"`
		Description     string   `json:"description"`
		Lang            string   `json:"lang"`
		Dir             string   `json:"dir"`
		StartURL        string   `json:"start_url"`
		Scope           string   `json:"scope"`
		Display         string   `json:"display"`
		ThemeColor      string   `json:"theme_color"`
		BackgroundColor string   `json:"background_color"`
		Categories      []string `json:"categories"`
		Icons           []icon   `json:"icons"`
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
	}
	b, _ := json.MarshalIndent(m, "", "  ")
	return b
}

const (
	themeColor      = "#005eb8"
	backgroundColor = "#ffffff"
)
