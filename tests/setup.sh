#!/usr/bin/env bash
# Installs what the tests need on a fresh machine: Go modules, Debian's
# Chromium, a Java runtime for the Nu HTML checker, nginx and Python for the
# static export's test, PostgreSQL for the database tests, and the
# browser tests' Node packages. Each step is
# skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

go mod download

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v java >/dev/null 2>&1 || need+=(default-jre-headless)
# The static export's test serves it with nginx and with python3 -m http.server.
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
command -v python3 >/dev/null 2>&1 || need+=(python3)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The database tests start their own PostgreSQL (as an unprivileged user,
# in a temporary folder, on a loopback port); no service is started.
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
bash tests/apt-install.sh ${need[@]+"${need[@]}"}

cd tests/browser
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
