# The site: a go-app WebAssembly client and a Go server that prerenders it.
#   make run      build and serve on http://localhost:8000 (PORT overrides)
#   make test     every test, browser ones included (installs what they need)
#   make lint     formatting, go vet and staticcheck for both builds, script syntax

GO        ?= go
PORT      ?= 8000
# No inlining in our packages, go-app and gjson: a smaller WebAssembly
# (about 17 KB of brotli for go-app and gjson). tools/minimal-client, the
# size check's yardstick, is built with the same flags.
WASM_FLAGS = -trimpath -ldflags="-s -w" -gcflags='nhsdigital/...=-l' -gcflags='github.com/maxence-charriere/go-app/v10/...=-l' -gcflags='github.com/tidwall/...=-l'
# The VCS revision, for -version and nhsd_build_info; the toolchain embeds
# it by itself in a clone, but not in a git worktree or without .git.
REVISION  ?= $(shell git rev-parse HEAD 2>/dev/null)$(shell git diff --quiet HEAD -- 2>/dev/null || echo +modified)
# The server is linked statically (no glibc): it runs on Alpine, distroless
# and from an empty root alike.
SITE_FLAGS = -trimpath -buildvcs=auto -ldflags="-X main.buildRevision=$(REVISION)"
GO_SOURCES = $(shell find app client components content third_party -name '*.go') go.mod go.sum
# staticcheck 2026.2.2 (module version v0.8.2), which knows Go 1.26.
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
# The packages of this module the WebAssembly client is built from.
WASM_PKGS  = $(shell GOOS=js GOARCH=wasm $(GO) list -deps ./app | grep '^nhsdigital/')

.PHONY: run build lint test test-go test-browser setup validate schema icons screenshots size bench audit static clean preview new

run: build
	PORT=$(PORT) ./bin/site

build: web/app.wasm web/site.css.br bin/site

web/app.wasm: $(GO_SOURCES)
	GOOS=js GOARCH=wasm $(GO) build $(WASM_FLAGS) -o web/app.wasm ./app
	node tools/compress.mjs web/app.wasm

web/site.css.br: web/site.css
	node tools/compress.mjs web/site.css

# The server is built twice: the first checks the embedded content and
# writes its checked pages (content.Shelf), which the second carries, so
# that even its first start checks nothing. Content with problems still
# builds (the preview shows them; make validate lists them), carrying the
# pages that have none.
bin/site: web/app.wasm web/site.css.br $(GO_SOURCES) $(shell find server preview web content -type f -not -name '*.br' -not -name '*.br.sum' -not -name '*.gz' -not -name '*.gz.sum' -not -name commits.txt -not -name '*.shelf') $(wildcard .git/index)
	$(GO) run ./cmd/commits
	rm -rf content/generated/*.shelf bin/.shelf
	CGO_ENABLED=0 $(GO) build $(SITE_FLAGS) -o bin/site ./app
	./bin/site -check -data bin/.shelf > /dev/null 2>&1 || echo "the content has problems (make validate lists them); building anyway"
	cp bin/.shelf/cache/*.shelf content/generated/ 2>/dev/null || true
	CGO_ENABLED=0 $(GO) build $(SITE_FLAGS) -o bin/site ./app

validate:
	$(GO) run ./cmd/validate

# Writes content/schema.json, the JSON Schema of the front matter, from the validator's schema.
schema:
	$(GO) run ./cmd/validate -schema content/schema.json

icons:
	$(GO) run ./cmd/icons

# The manifest's screenshots of the home page, taken in Chromium (committed).
screenshots: build setup
	node tools/screenshots.mjs

setup:
	bash tests/setup.sh

# CI's first stage (.ci/run), fast and stopping at the first failure: gofmt,
# go vet and staticcheck for the server and the WebAssembly builds, and a
# syntax check of every script served as it is.
lint:
	@out=$$(gofmt -l .); if [ -n "$$out" ]; then echo "gofmt -l: these files are not formatted:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet $(WASM_PKGS)
	GOBIN=$(CURDIR)/bin $(GO) install $(STATICCHECK)
	bin/staticcheck ./...
	GOOS=js GOARCH=wasm bin/staticcheck $(WASM_PKGS)
	for f in web/*.js server/worker.js preview/*.js content/consent/*.js; do node --check "$$f" || exit 1; done

test: setup build test-go test-browser

test-go:
	$(GO) test -count=1 ./...
	cd third_party/gjson && $(GO) test -count=1 .

test-browser:
	cd tests/browser && node --test --test-concurrency=1 *.test.mjs

# Benchmarks (figures, not tests): prerendered pages beside nginx (wrk), load and memory,
# WebAssembly size, first paint and interactive in Chromium; the slowest interaction of
# each phone journey at 1× and 4× CPU (as INP counts it); search at 1,000 and 20,000
# documents beside Pagefind; the search index's build and update at 20,000 generated
# documents; the editor preview's saved-file-to-screen time; the server at 1,000, 5,000
# and 20,000 documents beside Hugo (start, memory, preview, publishing, export).
bench: build setup
	bash tools/bench/setup.sh
	bash tools/audit/setup.sh
	node tools/bench/serve.mjs
	node tools/bench/browser.mjs
	xvfb-run -a -s "-screen 0 1920x1080x24" node tools/bench/inp.mjs
	node tools/bench/firstvisit.mjs
	node tools/bench/lighthouse.mjs
	node tools/bench/search.mjs
	$(GO) test -run '^$$' -bench . -benchtime 3x ./content/search
	node tools/bench/preview.mjs
	node tools/bench/scale.mjs

# Lighthouse (mobile and desktop), axe-core and the Nu checker over every page type: a table.
audit: build setup
	bash tools/audit/setup.sh
	node tools/audit/audit.mjs

# Writes dist/: the whole published site as files for any static host or CDN.
static: build
	rm -rf dist
	./bin/site -export dist

# Serves the content folder on disk in preview mode: drafts, scheduled and expired items
# with a notice each, reloads open pages when a file is saved, shows problems in the page.
preview: build
	./bin/site -preview -content content -addr 127.0.0.1:$(PORT)

# Writes a new draft: make new TYPE=blog TITLE="…" (SERIES=/data-and-information/… for a publication).
new:
	$(GO) run ./cmd/new -type "$(TYPE)" -title "$(TITLE)" -series "$(SERIES)" -port $(PORT)

# Prints the WebAssembly size against a minimal go-app client (and checks the limit).
size: web/app.wasm setup
	cd tests/browser && node --test size.test.mjs

clean:
	rm -rf bin dist web/app.wasm web/*.br web/*.br.sum web/*.gz web/*.gz.sum
