package server

import (
	"bytes"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"

	"nhsdigital/components"
)

// shellPath is the path the shell is rendered at: it stands for each
// page's own path in og:url and the canonical link.
const shellPath = "/nhsd-shell-7c1e9a"

// A shell is the document around every page's body: go-app's head (with
// components' markers for the title and description) and what go-app puts
// after the body (its loader), rendered once by go-app's handler. A page
// is its parts with the page's og:url, its canonical link (or none) and
// its body (components.Render) between them.
type shell struct {
	beforeOG        []byte // up to og:url's value
	beforeCanonical []byte // after og:url's value, up to the canonical link's line
	canonicalOpen   []byte // the canonical link's line up to its address
	canonicalClose  []byte // the rest of that element
	beforeBody      []byte // after the canonical link, through <body>
	afterBody       []byte // from the line after the body on
	domain          string
}

// newShell renders the shell with go-app's handler, and cuts it where
// each page's parts go. It fails if go-app's document is not as expected.
func (s *Server) newShell() (*shell, error) {
	origin, _ := url.Parse(s.store.Origin())
	sh := &shell{}
	if origin != nil {
		sh.domain = origin.Host
	}
	in := &components.Page{Source: s.source, Path: shellPath,
		View: gjson.Parse(`{"status":200,"page":{"path":` + strconv.Quote(shellPath) + `}}`)}
	u, done := components.RenderURL(in)
	rec := httptest.NewRecorder()
	s.goapp.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
	done()
	if rec.Code != http.StatusOK {
		return nil, fmt.Errorf("server: the page shell answered %d", rec.Code)
	}
	doc := rec.Body.Bytes()
	canonical, _ := components.Canonical(in.View, s.source.site)
	og := []byte(` content=` + strconv.Quote(sh.ogURL(s, shellPath)))
	link := []byte(` href=` + strconv.Quote(resolver{s}.Resolve(canonical)))
	ogAt, linkAt := bytes.Index(doc, og), bytes.Index(doc, link)
	if ogAt < 0 || linkAt < ogAt || bytes.Count(doc, og) != 1 || bytes.Count(doc, link) != 1 {
		return nil, errors.New("server: go-app's page has no og:url or canonical link where expected")
	}
	lineAt := bytes.LastIndexByte(doc[:linkAt], '\n')
	openAt := bytes.LastIndex(doc[:linkAt], []byte("<link"))
	closeAt := bytes.IndexByte(doc[linkAt:], '>')
	bodyAt := bytes.Index(doc, []byte("<body>"))
	loaderAt := bytes.LastIndex(doc, []byte("<aside"))
	if lineAt < ogAt || openAt < lineAt || closeAt < 0 || bodyAt < linkAt || loaderAt < bodyAt {
		return nil, errors.New("server: go-app's page is not as expected")
	}
	closeAt += linkAt + 1
	afterAt := bytes.LastIndexByte(doc[:loaderAt], '\n')
	sh.beforeOG = doc[:ogAt+len(" content=")]
	sh.beforeCanonical = doc[ogAt+len(og) : lineAt]
	sh.canonicalOpen = doc[lineAt : linkAt+len(" href=")]
	sh.canonicalClose = doc[linkAt+len(link) : closeAt]
	sh.beforeBody = doc[closeAt : bodyAt+len("<body>")]
	sh.afterBody = doc[afterAt:]
	return sh, nil
}

// ogURL is og:url for a page at path, as go-app writes it.
func (sh *shell) ogURL(s *Server, path string) string {
	loc := resolver{s}.Resolve(path)
	if strings.HasPrefix(loc, "https://") || strings.HasPrefix(loc, "http://") {
		return loc
	}
	return "https://" + sh.domain + strings.TrimRight("/"+strings.Trim(loc, "/"), "/")
}

// page returns the document of a page rendered from in.
func (sh *shell) page(s *Server, in *components.Page) []byte {
	body := s.resolved(components.Render(in))
	og := strconv.Quote(sh.ogURL(s, in.Path))
	canonical, hasCanonical := components.Canonical(in.View, s.source.site)
	if hasCanonical {
		canonical = strconv.Quote(resolver{s}.Resolve(canonical))
	}
	out := make([]byte, 0, len(sh.beforeOG)+len(sh.beforeCanonical)+len(sh.beforeBody)+len(sh.afterBody)+len(body)+256)
	out = append(out, sh.beforeOG...)
	out = append(out, og...)
	out = append(out, sh.beforeCanonical...)
	if hasCanonical {
		out = append(out, sh.canonicalOpen...)
		out = append(out, canonical...)
		out = append(out, sh.canonicalClose...)
	}
	out = append(out, sh.beforeBody...)
	out = append(out, '\n')
	out = append(out, body...)
	out = append(out, sh.afterBody...)
	return out
}

// urlAttrs are the attributes go-app's handler has the resolver resolve.
var urlAttrs = []string{" href", " src", " cite", " data", " srcset"}

// resolved returns a body with the resolver's answer (Resolve: asset
// versions, percent-encoding) in place of each URL attribute's value, as
// go-app's handler writes them. A value with a backslash is left as it is:
// go-app wrote it with strconv.Quote, from a string that did not pass
// through components' attribute escaping, and it may be raw HTML's.
func (s *Server) resolved(body string) string {
	var out []byte
	last := 0
	for i := 0; ; {
		j := strings.Index(body[i:], `="`)
		if j < 0 {
			break
		}
		at := i + j
		i = at + 2
		name := -1
		for k, a := range urlAttrs {
			if strings.HasSuffix(body[:at], a) {
				name = k
				break
			}
		}
		if name < 0 {
			continue
		}
		end := strings.IndexByte(body[i:], '"')
		if end < 0 {
			break
		}
		v := body[i : i+end]
		var r string
		if strings.IndexByte(v, '\\') >= 0 {
			r = v
		} else if name == len(urlAttrs)-1 {
			srcs := strings.Split(v, ", ")
			for k, src := range srcs {
				srcs[k] = resolver{s}.Resolve(src)
			}
			r = strings.Join(srcs, ", ")
		} else {
			r = resolver{s}.Resolve(v)
		}
		if r != v {
			out = append(out, body[last:i]...)
			out = append(out, r...)
			last = i + end
		}
		i += end + 1
	}
	if out == nil {
		return body
	}
	return string(append(out, body[last:]...))
}
