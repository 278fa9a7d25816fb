#!/usr/bin/env bash
# Installs Lighthouse for make audit; skipped when already installed.
# Chromium, Java and the browser tests' packages come from tests/setup.sh.
set -euo pipefail
cd "$(dirname "$0")"

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
