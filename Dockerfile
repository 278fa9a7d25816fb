# The site as a container: one static binary (no libc) with the content,
# assets and WebAssembly embedded, on an empty base, run as a non-root user.
#   docker build -t nhsdigital .
#   docker run -p 8000:8000 nhsdigital
# Build argument REVISION names the commit when .git is not in the context
# (docker build --build-arg REVISION=$(git rev-parse HEAD) .).

FROM golang:1.26-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends nodejs && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY go.mod go.sum ./
COPY third_party third_party
RUN go mod download
COPY . .
ARG REVISION=""
# The WebAssembly client and its brotli copy, then the server with them
# embedded: built twice, the second carrying the pages the first checked
# (content.Shelf), so that its first start checks nothing.
# The flags are the Makefile's WASM_FLAGS.
RUN GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -gcflags='nhsdigital/...=-l' -gcflags='github.com/maxence-charriere/go-app/v10/...=-l' -gcflags='github.com/tidwall/...=-l' -o web/app.wasm ./app \
 && node tools/compress.mjs web/app.wasm web/site.css \
 && go run ./cmd/commits \
 && CGO_ENABLED=0 go build -trimpath -buildvcs=auto -ldflags="-X main.buildRevision=${REVISION}" -o /out/site ./app \
 && /out/site -check -data /tmp/shelf \
 && cp /tmp/shelf/cache/*.shelf content/generated/ \
 && CGO_ENABLED=0 go build -trimpath -buildvcs=auto -ldflags="-X main.buildRevision=${REVISION}" -o /out/site ./app

# scratch holds nothing but what is copied in: no shell, no libc, no
# package manager. The user is a number, so no /etc/passwd is needed.
FROM scratch
COPY --from=build /out/site /site
USER 65532:65532
ENV NHSD_ADDR=:8000 NHSD_ADMIN_ADDR=:9090 NHSD_LOG_FORMAT=json
EXPOSE 8000 9090
HEALTHCHECK NONE
ENTRYPOINT ["/site"]
